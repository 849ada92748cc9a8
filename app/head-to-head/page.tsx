import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { TriangleAlertIcon } from "lucide-react";

import { boardCitations, CiteThisView } from "@/components/cite/cite-this-view";
import { BoardNav } from "@/components/head-to-head/board-nav";
import { BreakdownChart } from "@/components/charts/lazy";
import { BreakdownTable } from "@/components/head-to-head/breakdown-table";
import { MatrixTable } from "@/components/head-to-head/matrix-table";
import { headToHeadHref, parseHeadToHeadParams } from "@/components/head-to-head/params";
import { compareHref } from "@/components/model/params";
import { pinHref } from "@/components/snapshot/href";
import { SnapshotNotices } from "@/components/snapshot/newer-notice";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { SnapshotLine } from "@/components/snapshot/snapshot-line";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { GroupBadge } from "@/components/ui/group-badge";
import { PageHeader } from "@/components/ui/page-header";
import { pathWithQuery } from "@/lib/cite/url";
import { formatInt, formatPercent } from "@/lib/format";
import { getHeadToHead, type HeadToHeadConfig } from "@/lib/queries/head-to-head";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { board } = parseHeadToHeadParams(await searchParams);
  return { title: `Head-to-head win rates, Medmarks-${board}` };
}

const configHref = (slug: string) => `/models/${encodeURIComponent(slug)}`;

function ConfigName({ c }: { c: HeadToHeadConfig }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Link href={configHref(c.config)} className="font-medium underline underline-offset-4">
        {c.displayName}
      </Link>
      {c.group ? <GroupBadge group={c.group} className="px-1 py-0 text-[10px]" /> : null}
      <span className="text-xs text-muted-foreground">rank {c.rank}</span>
    </span>
  );
}

/** The pairwise win-rate matrix of one board, and the per-dataset breakdown of a selected cell. `?snapshot=<id>` pins it. */
export default async function HeadToHeadPage({ searchParams }: { searchParams: SearchParams }) {
  await connection(); // always read the database at request time, never at build
  const sp = await searchParams;
  const params = parseHeadToHeadParams(sp);
  const snap = await resolvePageSnapshot(sp.snapshot);
  const view = await pinned(snap, () => getHeadToHead({ board: params.board, a: params.a, b: params.b }));
  const path = pathWithQuery("/head-to-head", sp);
  const snapshot = params.snapshot ?? null;
  const board = `Medmarks-${view.board}`;
  const byName = new Map(view.configs.map((c) => [c.config, c]));
  const selection = view.selection;
  const ok = selection?.status === "ok" ? selection : null;
  const top = view.configs.length >= 2 ? view.configs : null;

  return (
    <div className="space-y-6">
      <PageHeader
        className="pb-2"
        title={`Head-to-head win rates on ${board}`}
        description={
          <>
            Each cell is wr(row vs column): on each dataset the share of questions where the row configuration&apos;s score beats the
            column&apos;s (ties count half, a missing answer loses), then the ln(n)-weighted mean over the datasets both ran, as on
            the <Link href={pinHref(`/?board=${view.board}`, snap.pinned)}>leaderboard</Link>. Rows and columns in rank order; select a cell
            for its per-dataset breakdown.
          </>
        }
        actions={
          <>
            <BoardNav board={view.board} href={(b) => headToHeadHref({ board: b, snapshot })} />
            <CiteThisView title={`Head-to-head win rates on ${board}`} path={path} snapshot={view.snapshot} benchmarks={boardCitations(view.board)} />
          </>
        }
      >
        <SnapshotLine snapshot={view.snapshot} pinned={snap.pinned !== null} method="win-rate">
          {" "}
          · {formatInt(view.configs.length)} ranked configurations · {formatInt(view.nBoardDatasets)} scored datasets · answer orders folded
        </SnapshotLine>
      </PageHeader>

      <SnapshotNotices snap={snap} path={path} />

      {view.synthetic ? (
        <Alert variant="warning" role="status" data-testid="h2h-synthetic">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>Synthetic demo data: these win rates are not a real model comparison</AlertTitle>
          <AlertDescription>
            The board shows generated demo runs of real catalog configurations until real runs are published.
          </AlertDescription>
        </Alert>
      ) : null}

      {!top ? (
        <section className="rounded-lg border border-dashed p-6 text-sm" data-testid="empty-state">
          <h2 className="mb-2 text-base font-semibold">Fewer than two configurations are ranked on {board}</h2>
          <p className="text-muted-foreground">
            A head-to-head needs at least two configurations with runs on the same datasets. Ingest Medmarks run artifacts with{" "}
            <code className="rounded bg-muted px-1">npm run ingest -- path/to/runs</code>
            {view.board === "V" ? (
              <>
                , or look at <Link href={headToHeadHref({ board: "OE", snapshot })} className="underline underline-offset-4">Medmarks-OE</Link>
              </>
            ) : (
              <>
                , or look at <Link href={headToHeadHref({ board: "V", snapshot })} className="underline underline-offset-4">Medmarks-V</Link>
              </>
            )}
            .
          </p>
        </section>
      ) : (
        <>
          <section className="space-y-2" aria-labelledby="h-matrix">
            <h2 id="h-matrix" className="text-lg font-semibold">
              Win-rate matrix
            </h2>
            <MatrixTable
              board={view.board}
              configs={view.configs}
              weighted={view.weighted}
              simple={view.simple}
              nDatasets={view.nDatasets}
              synthetic={view.synthetic}
              snapshot={view.snapshot}
              selected={ok ? { a: ok.a, b: ok.b } : null}
              pinned={snapshot}
            />
          </section>

          <section className="scroll-mt-4 space-y-4" aria-labelledby="h-breakdown" id="breakdown">
            <h2 id="h-breakdown" className="text-lg font-semibold">
              Per-dataset breakdown
            </h2>
            {selection?.status === "invalid" ? (
              <Alert variant="warning" role="status" data-testid="h2h-invalid">
                <TriangleAlertIcon aria-hidden="true" />
                <AlertTitle>This cell cannot be shown</AlertTitle>
                <AlertDescription>{selection.reason}</AlertDescription>
              </Alert>
            ) : null}
            {ok ? (
              <>
                <div className="space-y-1 text-sm" data-testid="h2h-selection">
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <ConfigName c={byName.get(ok.a)!} />
                    <span className="text-muted-foreground">vs</span>
                    <ConfigName c={byName.get(ok.b)!} />
                  </p>
                  <p className="text-muted-foreground">
                    {byName.get(ok.a)!.displayName} wins <strong className="text-foreground">{formatPercent(ok.cell.weighted)}</strong> (weighted
                    mean; simple mean {formatPercent(ok.cell.simple)}) over the {formatInt(ok.cell.nDatasets)} datasets both ran.{" "}
                    <Link href={headToHeadHref({ board: view.board, a: ok.b, b: ok.a, snapshot }, "breakdown")} className="underline underline-offset-4">
                      Swap row and column
                    </Link>{" "}
                    ·{" "}
                    <Link href={compareHref([ok.a, ok.b])} prefetch={false} className="underline underline-offset-4">
                      Compare the two question by question
                    </Link>
                  </p>
                </div>
                <BreakdownChart
                  rows={ok.cell.datasets}
                  aName={byName.get(ok.a)!.displayName}
                  bName={byName.get(ok.b)!.displayName}
                  board={view.board}
                  snapshotId={view.snapshot.id}
                  snapshotDate={view.snapshot.createdAt}
                  synthetic={view.synthetic}
                  embedPath={headToHeadHref({ board: view.board, a: ok.a, b: ok.b }).replace(/^\/head-to-head/, "/embed/head-to-head")}
                />
                <BreakdownTable cell={ok.cell} aName={byName.get(ok.a)!.displayName} bName={byName.get(ok.b)!.displayName} />
              </>
            ) : selection === null ? (
              <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground" data-testid="h2h-no-selection">
                Select a cell of the matrix to see on which datasets the row configuration wins, e.g.{" "}
                <Link
                  href={headToHeadHref({ board: view.board, a: top[0].config, b: top[1].config, snapshot }, "breakdown")}
                  className="underline underline-offset-4"
                >
                  {top[0].displayName} vs {top[1].displayName}
                </Link>
                .
              </p>
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
