import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { TriangleAlertIcon } from "lucide-react";

import { boardCitations, catalogCitations, CiteThisView } from "@/components/cite/cite-this-view";
import { BoardNav } from "@/components/head-to-head/board-nav";
import { headToHeadHref } from "@/components/head-to-head/params";
import { DeltasTable } from "@/components/medical/deltas-table";
import { ForestChart } from "@/components/charts/lazy";
import { medicalHref, parseMedicalParams } from "@/components/medical/params";
import { PairsTable } from "@/components/medical/pairs-table";
import { compareHref } from "@/components/model/params";
import { pinHref } from "@/components/snapshot/href";
import { SnapshotNotices } from "@/components/snapshot/newer-notice";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { SnapshotLine } from "@/components/snapshot/snapshot-line";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { pathWithQuery } from "@/lib/cite/url";
import { formatInt } from "@/lib/format";
import { getMedicalVsBase } from "@/lib/queries/medical";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { board } = parseMedicalParams(await searchParams);
  return { title: `Medical fine-tunes vs their bases, Medmarks-${board}` };
}

/** Each medical fine-tune beside its generalist base: summary of the pairs, then one pair's per-benchmark deltas. `?snapshot=<id>` pins it. */
export default async function MedicalPage({ searchParams }: { searchParams: SearchParams }) {
  await connection(); // always read the database at request time, never at build
  const sp = await searchParams;
  const params = parseMedicalParams(sp);
  const snap = await resolvePageSnapshot(sp.snapshot);
  const view = await pinned(snap, () => getMedicalVsBase({ board: params.board }));
  const path = pathWithQuery("/medical", sp);
  const snapshot = params.snapshot ?? null;
  const board = `Medmarks-${view.board}`;
  const pair = params.pair ? (view.pairs.find((p) => p.fineTune.config === params.pair) ?? null) : (view.pairs[0] ?? null);
  const unknownPair = params.pair !== null && pair === null;

  return (
    <div className="space-y-6">
      <PageHeader
        className="pb-2"
        title={`Medical fine-tunes vs their generalist bases on ${board}`}
        description={
          <>
            Each medical fine-tune ranked on the board beside the configuration of the model it was built from (from the catalog):
            win rates, and per benchmark the score difference with a paired 95% interval and p-value on the questions both answered
            (McNemar&apos;s exact test for right/wrong answers, else a paired bootstrap), Holm-adjusted over the pair&apos;s benchmarks.
            Scores and win rates are the <Link href={pinHref(`/?board=${view.board}`, snap.pinned)}>leaderboard</Link>&apos;s.
          </>
        }
        actions={
          <>
            <BoardNav board={view.board} href={(b) => medicalHref({ board: b, snapshot })} />
            <CiteThisView
              title={`Medical fine-tunes vs their generalist bases on ${board}${pair ? `: ${pair.fineTune.displayName} vs ${pair.base.displayName}` : ""}`}
              path={path}
              snapshot={view.snapshot}
              benchmarks={pair ? catalogCitations(pair.benchmarks.map((b) => ({ slug: b.benchmark, name: b.name }))) : boardCitations(view.board)}
            />
          </>
        }
      >
        <SnapshotLine snapshot={view.snapshot} pinned={snap.pinned !== null} method="paired-tests">
          {" "}
          · {formatInt(view.pairs.length)} pair{view.pairs.length === 1 ? "" : "s"} · paired intervals from {formatInt(view.replicates)} bootstrap
          replicates · answer orders folded
        </SnapshotLine>
      </PageHeader>

      <SnapshotNotices snap={snap} path={path} />

      {view.synthetic ? (
        <Alert variant="warning" role="status" data-testid="medical-synthetic">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>Synthetic demo data: these differences say nothing about the models</AlertTitle>
          <AlertDescription>The board shows generated demo runs of real catalog configurations until real runs are published.</AlertDescription>
        </Alert>
      ) : null}

      {view.pairs.length === 0 ? (
        <section className="rounded-lg border border-dashed p-6 text-sm" data-testid="empty-state">
          <h2 className="mb-2 text-base font-semibold">No medical fine-tune and its base are both ranked on {board}</h2>
          <p className="text-muted-foreground">
            A pair needs runs of a medical fine-tune (MedGemma, Baichuan-M2/M3, AntAngelMed, MediPhi) and of its generalist base on the
            same board. Ingest their Medmarks artifacts with <code className="rounded bg-muted px-1">npm run ingest -- path/to/runs</code>
            , or look at{" "}
            <Link href={medicalHref({ board: view.board === "V" ? "OE" : "V", snapshot })} className="underline underline-offset-4">
              Medmarks-{view.board === "V" ? "OE" : "V"}
            </Link>
            .
          </p>
        </section>
      ) : (
        <section className="space-y-2" aria-labelledby="h-pairs">
          <h2 id="h-pairs" className="text-lg font-semibold">
            Pairs
          </h2>
          <p className="text-sm text-muted-foreground">
            The base configuration has the fine-tune&apos;s reasoning effort when both have one, else the base&apos;s default configuration
            (no effort; failing that, medium effort). Differences are fine-tune minus base.
          </p>
          <PairsTable view={view} selected={pair?.fineTune.config ?? null} pinned={snapshot} />
        </section>
      )}

      {view.unpaired.length ? (
        <section className="space-y-2 text-sm" aria-labelledby="h-unpaired" data-testid="medical-unpaired">
          <h2 id="h-unpaired" className="text-base font-semibold">
            Medical fine-tunes on {board} without a pair
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-muted-foreground">
            {view.unpaired.map((u) => (
              <li key={u.config}>
                <Link href={pinHref(`/models/${encodeURIComponent(u.config)}?board=${view.board}`, snapshot)} className="text-foreground underline underline-offset-4">
                  {u.displayName}
                </Link>
                : {u.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {unknownPair ? (
        <Alert variant="warning" role="status" data-testid="medical-unknown-pair">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>No pair for “{params.pair}” on {board}</AlertTitle>
          <AlertDescription>
            The <code>pair</code> parameter names a medical fine-tune configuration; this one is not ranked on {board} or has no base
            configuration there. Pick a pair from the table.
          </AlertDescription>
        </Alert>
      ) : null}

      {pair ? (
        <section className="scroll-mt-4 space-y-4" aria-labelledby="h-pair" id="pair" data-testid="medical-pair">
          <div className="space-y-1">
            <h2 id="h-pair" className="text-lg font-semibold">
              {pair.fineTune.displayName} vs {pair.base.displayName}, per benchmark
            </h2>
            <p className="text-sm text-muted-foreground">
              <Link href={pinHref(`/models/${encodeURIComponent(pair.fineTune.config)}?board=${view.board}`, snapshot)} className="underline underline-offset-4">
                {pair.fineTune.displayName}
              </Link>{" "}
              ·{" "}
              <Link href={pinHref(`/models/${encodeURIComponent(pair.base.config)}?board=${view.board}`, snapshot)} className="underline underline-offset-4">
                {pair.base.displayName}
              </Link>{" "}
              ·{" "}
              <Link href={compareHref([pair.fineTune.config, pair.base.config])} prefetch={false} className="underline underline-offset-4">
                Compare question by question
              </Link>{" "}
              ·{" "}
              <Link
                href={headToHeadHref({ board: view.board, a: pair.fineTune.config, b: pair.base.config, snapshot }, "breakdown")}
                className="underline underline-offset-4"
              >
                Head to head per dataset
              </Link>
            </p>
          </div>
          <ForestChart
            rows={pair.benchmarks}
            fineTune={pair.fineTune.displayName}
            base={pair.base.displayName}
            board={view.board}
            alpha={view.alpha}
            snapshotId={view.snapshot.id}
            snapshotDate={view.snapshot.createdAt}
            synthetic={view.synthetic}
            embedPath={medicalHref({ board: view.board, pair: pair.fineTune.config }).replace(/^\/medical/, "/embed/medical")}
          />
          <DeltasTable pair={pair} alpha={view.alpha} />
          <p className="text-xs text-muted-foreground">
            Δ score is the difference of the board&apos;s benchmark scores (mean over the benchmark&apos;s datasets). The paired Δ uses only
            questions both answered, pooled over the benchmark&apos;s datasets, so it can differ from Δ score when a run is incomplete or a
            benchmark has datasets of different sizes. McNemar counts are shown as (only the fine-tune right : only the base right).
          </p>
        </section>
      ) : null}
    </div>
  );
}
