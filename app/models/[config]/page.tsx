import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { TriangleAlertIcon } from "lucide-react";

import { catalogCitations, CiteThisView } from "@/components/cite/cite-this-view";
import { BenchmarkScoresTable } from "@/components/model/benchmark-scores-table";
import { BoardRankCards } from "@/components/model/board-rank-cards";
import { BoardSwitch } from "@/components/model/board-switch";
import { ConfigRunsTable } from "@/components/model/config-runs-table";
import { CoverageSection } from "@/components/model/coverage-section";
import { ModelFacts } from "@/components/model/model-facts";
import { configHref, decodeSlug, parseConfigParams } from "@/components/model/params";
import { SamplingCard } from "@/components/model/sampling-card";
import { ScoreDeltaFigure } from "@/components/model/score-delta-figure";
import { SiblingsTable } from "@/components/model/siblings-table";
import { TokensCard } from "@/components/model/tokens-card";
import { pinHref } from "@/components/snapshot/href";
import { SnapshotNotices } from "@/components/snapshot/newer-notice";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { SnapshotLine } from "@/components/snapshot/snapshot-line";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { GroupBadge } from "@/components/ui/group-badge";
import { PageHeader } from "@/components/ui/page-header";
import { getConfig } from "@/lib/catalog";
import { pathWithQuery } from "@/lib/cite/url";
import { formatInt } from "@/lib/format";
import { getConfigView } from "@/lib/queries/config";
import type { Board, ConfigRunRow, ConfigView } from "@/lib/queries/config-types";

type Props = {
  params: Promise<{ config: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = decodeSlug((await params).config);
  return { title: getConfig(slug)?.displayName ?? slug };
}

/** The runs of the provenance its board shows (any status): what the numbers on this page come from. */
function boardProvenance(view: ConfigView, r: ConfigRunRow): boolean {
  const synthetic = view.boards.find((b) => b.board === r.benchmark.subset)?.synthetic ?? false;
  return (r.provenance === "demo") === synthetic;
}

/**
 * One configuration: rank and win rate on both boards, scores vs the board median, tokens,
 * sampling, siblings, coverage, runs. `?snapshot=<id>` pins the boards (the runs table and
 * coverage list the runs loaded now, whatever the snapshot).
 */
export default async function ConfigPage({ params, searchParams }: Props) {
  await connection(); // always read the database at request time, never at build
  const slug = decodeSlug((await params).config);
  const sp = await searchParams;
  const snap = await resolvePageSnapshot(sp.snapshot);
  const view = await pinned(snap, () => getConfigView(slug));
  if (!view) notFound();
  const state = parseConfigParams(sp);
  const path = pathWithQuery(`/models/${encodeURIComponent(view.slug)}`, sp);
  // Without ?board=, the first board the configuration is ranked on (V when on neither).
  const board: Board = state.board ?? view.boards.find((b) => b.ranked)?.board ?? "V";
  const boardView = view.boards.find((b) => b.board === board)!;
  const shownRuns = state.runs === "all" ? view.runs : view.runs.filter((r) => boardProvenance(view, r));
  const hiddenRuns = view.runs.length - view.runs.filter((r) => boardProvenance(view, r)).length;
  const synthetic = Object.fromEntries(view.boards.map((b) => [b.board, b.synthetic]));

  return (
    <div className="space-y-10">
      <div className="space-y-4">
        <PageHeader
          className="pb-0"
          title={
            <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1">
              {view.displayName}
              {view.model.group ? <GroupBadge group={view.model.group} className="text-sm" /> : null}
            </span>
          }
          description={
            <>
              Configuration <code className="font-mono">{view.slug}</code> of {view.model.displayName}
              {view.model.org ? ` (${view.model.org})` : ""} on the default Medmarks boards: where it ranks, how each benchmark compares with
              the board median, what it costs in tokens and time, and the runs behind it. See the{" "}
              <Link href={pinHref("/?board=V", snap.pinned)}>leaderboard</Link> and the <Link href="/methodology#win-rate">methodology</Link> for
              how win rates are computed.
            </>
          }
          actions={
            <>
              <Link href="/models" className="text-sm underline underline-offset-4">
                All configurations
              </Link>
              <CiteThisView
                title={`${view.displayName} (${view.slug}) on the Medmarks boards`}
                path={path}
                snapshot={view.snapshot}
                benchmarks={catalogCitations(boardView.benchmarks)}
              />
            </>
          }
        >
          <SnapshotLine snapshot={view.snapshot} pinned={snap.pinned !== null} method="win-rate" />
        </PageHeader>
        <SnapshotNotices snap={snap} path={path} />
        <ModelFacts view={view} />
        {view.synthetic ? (
          <Alert variant="warning" role="status" data-testid="config-synthetic">
            <TriangleAlertIcon aria-hidden="true" />
            <AlertTitle>Synthetic demo data: these numbers say nothing about the model</AlertTitle>
            <AlertDescription>
              The boards show generated demo runs of real catalog configurations until real runs are published.
            </AlertDescription>
          </Alert>
        ) : null}
      </div>

      <section className="space-y-3" aria-labelledby="h-rank">
        <h2 id="h-rank" className="text-lg font-semibold">
          Rank and mean win rate
        </h2>
        <BoardRankCards view={view} />
      </section>

      <section className="space-y-4" aria-labelledby="h-scores" id="scores">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="h-scores" className="text-lg font-semibold">
              Scores against the Medmarks-{board} median
            </h2>
            <p className="text-sm text-muted-foreground">
              Mean score per benchmark (average reward over its scored datasets, answer orders folded) next to the median over the
              board&apos;s configurations. Benchmark names open the benchmark&apos;s ranking at this configuration.
            </p>
          </div>
          <BoardSwitch view={view} board={board} params={state} hash="scores" label="Board of the scores shown below" />
        </div>
        <ScoreDeltaFigure view={view} board={boardView} embedPath={`/embed/models/${encodeURIComponent(view.slug)}/scores?board=${board}`} />
        {boardView.benchmarks.length ? (
          <BenchmarkScoresTable board={boardView} config={view.slug} displayName={view.displayName} snapshot={view.snapshot} />
        ) : (
          <p className="text-sm text-muted-foreground">No benchmark is scored on Medmarks-{board} in the current snapshot.</p>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <TokensCard view={view} />
        <SamplingCard view={view} />
      </div>

      <section className="space-y-3" aria-labelledby="h-siblings" id="siblings">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="h-siblings" className="text-lg font-semibold">
              Siblings on Medmarks-{board}
            </h2>
            <p className="text-sm text-muted-foreground">
              The same model at other reasoning efforts, its quantized copies or original, and the generalist base of a medical fine-tune (or
              the fine-tunes of a generalist). Differences are this configuration minus the sibling.
            </p>
          </div>
          <BoardSwitch view={view} board={board} params={state} hash="siblings" label="Board of the sibling deltas shown below" />
        </div>
        {view.siblings.length ? (
          <SiblingsTable view={view} board={board} />
        ) : (
          <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground" data-testid="no-siblings">
            The catalog lists no other reasoning effort, quantized copy, base model or fine-tune of {view.model.displayName}.
          </p>
        )}
      </section>

      <section className="space-y-3" aria-labelledby="h-coverage" id="coverage">
        <h2 id="h-coverage" className="text-lg font-semibold">
          Coverage of the suite
        </h2>
        <p className="text-sm text-muted-foreground">
          Suite variants (benchmark, subtask, answer order, repeat) of each board with a run this configuration has on the board; a run is
          incomplete when it holds fewer rows than its metadata expects.
        </p>
        <CoverageSection coverage={view.coverage} synthetic={synthetic} />
      </section>

      <section className="space-y-3" aria-labelledby="h-runs" id="runs">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="h-runs" className="text-lg font-semibold">
            Runs <span className="text-sm font-normal text-muted-foreground">{formatInt(shownRuns.length)}</span>
          </h2>
          {hiddenRuns > 0 || state.runs === "all" ? (
            <Link
              href={configHref(view.slug, { board: state.board, runs: state.runs === "all" ? "board" : "all", snapshot: state.snapshot }, "runs")}
              scroll={false}
              className="text-sm underline underline-offset-4"
              data-testid="toggle-runs"
            >
              {state.runs === "all"
                ? "Only the runs of the provenance the boards show"
                : `Show all ${formatInt(view.runs.length)} runs (${formatInt(hiddenRuns)} ${view.synthetic ? "real" : "synthetic demo"} runs hidden)`}
            </Link>
          ) : null}
        </div>
        {shownRuns.length ? (
          <ConfigRunsTable runs={shownRuns} />
        ) : (
          <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground" data-testid="no-runs">
            No runs of this configuration are loaded. Ingest its Medmarks artifacts with{" "}
            <code className="rounded bg-muted px-1">npm run ingest -- path/to/runs</code>
            {getConfig(view.slug) ? ` (alias ${view.slug})` : ""}.
          </p>
        )}
      </section>
    </div>
  );
}
