import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { InfoIcon, TriangleAlertIcon } from "lucide-react";

import { catalogCitations, CiteThisView } from "@/components/cite/cite-this-view";
import { formatX } from "@/components/efficiency/axis";
import { EfficiencyChart } from "@/components/charts/lazy";
import { EfficiencyControls } from "@/components/efficiency/efficiency-controls";
import { EfficiencyTable } from "@/components/efficiency/efficiency-table";
import { efficiencyHref, parseEfficiencyParams, type EfficiencyPageParams } from "@/components/efficiency/params";
import { UnplottedList } from "@/components/efficiency/unplotted-list";
import { SnapshotNotices } from "@/components/snapshot/newer-notice";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { SnapshotLine } from "@/components/snapshot/snapshot-line";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { pathWithQuery } from "@/lib/cite/url";
import { formatInt } from "@/lib/format";
import { getEfficiency } from "@/lib/queries/efficiency";
import type { EfficiencyView } from "@/lib/queries/efficiency-types";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { board } = parseEfficiencyParams(await searchParams);
  return { title: `Token efficiency — Medmarks-${board}` };
}

const X_PHRASE = {
  output: "mean output tokens per question (reasoning included)",
  total: "mean input + output tokens per question",
  latency: "mean latency per question in seconds",
} as const;

function explanation(view: EfficiencyView): string {
  const y = view.benchmark
    ? `y is the mean score on ${view.benchmark.name}`
    : `y is the ln(n)-weighted mean win rate on Medmarks-${view.board}`;
  const over = view.benchmark ? "its datasets" : "the board's datasets";
  return (
    `${y}; x is the ${X_PHRASE[view.x]}: per dataset the mean over questions, then weighted over ${over} with the win rate's weights ` +
    `(log scale). Up and to the left is better; the step line is the Pareto frontier.`
  );
}

/**
 * Token efficiency: y (the board's weighted win rate, or one benchmark's mean score) against the
 * tokens (or latency) per question, log x, with the Pareto frontier and effort ladders. URL state:
 * `?board=V|OE&x=output|total|latency&benchmark=<slug>&ladders=0|1&snapshot=<id>`.
 */
export default async function EfficiencyPage({ searchParams }: { searchParams: SearchParams }) {
  await connection(); // always read the database at request time, never at build
  const sp = await searchParams;
  const asked = parseEfficiencyParams(sp);
  const snap = await resolvePageSnapshot(sp.snapshot);
  const view = await pinned(snap, () => getEfficiency({ board: asked.board, benchmark: asked.benchmark, x: asked.x }));
  const path = pathWithQuery("/efficiency", sp);
  const params: EfficiencyPageParams = { ...asked, board: view.board, benchmark: view.benchmark?.slug ?? null };
  const board = `Medmarks-${view.board}`;
  const subject = view.benchmark ? view.benchmark.name : board;
  const empty = view.points.length === 0 && view.unplotted.length === 0;
  const frontierNames = view.frontier.map((id) => view.points.find((p) => p.config === id)?.displayName ?? id);
  const title = view.benchmark
    ? `${view.benchmark.name}: score against ${view.x === "latency" ? "latency" : "tokens"} per question`
    : `${board}: win rate against ${view.x === "latency" ? "latency" : "tokens"} per question`;

  return (
    <div className="space-y-6">
      <PageHeader
        className="pb-2"
        title={`Token efficiency — ${subject}`}
        description={explanation(view)}
        actions={
          <CiteThisView
            title={`Token efficiency — ${subject} (${view.x === "latency" ? "latency" : view.x === "total" ? "input + output tokens" : "output tokens"})`}
            path={path}
            snapshot={view.snapshot}
            benchmarks={catalogCitations(view.benchmark ? [view.benchmark] : view.benchmarks)}
          />
        }
      >
        <SnapshotLine snapshot={view.snapshot} pinned={snap.pinned !== null} method="efficiency">
          {" "}
          · {formatInt(view.points.length)} configurations plotted
          {view.unplotted.length ? `, ${formatInt(view.unplotted.length)} not` : ""}
          {view.synthetic ? " · synthetic demo data" : ""}
        </SnapshotLine>
      </PageHeader>

      <SnapshotNotices snap={snap} path={path} />

      <EfficiencyControls params={params} benchmarks={view.benchmarks} />

      {view.synthetic ? (
        <Alert variant="warning" role="status" data-testid="efficiency-synthetic">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>Synthetic demo data</AlertTitle>
          <AlertDescription>
            These points come from generated demo runs of real catalog configurations, not from real model results. Real runs replace
            them as soon as any are published.
          </AlertDescription>
        </Alert>
      ) : null}

      {view.unknownBenchmark ? (
        <Alert role="status" data-testid="efficiency-unknown-benchmark">
          <InfoIcon aria-hidden="true" />
          <AlertTitle>No benchmark “{view.unknownBenchmark}”</AlertTitle>
          <AlertDescription>The board&apos;s weighted win rate is shown instead. Pick a benchmark in the y axis menu.</AlertDescription>
        </Alert>
      ) : null}

      {empty ? (
        <section className="rounded-lg border border-dashed p-6 text-sm" data-testid="efficiency-empty">
          <h2 className="mb-2 text-base font-semibold">
            {view.benchmark ? `No scored run of ${view.benchmark.name} on ${board}` : `No ${board} runs to plot`}
          </h2>
          <p className="text-muted-foreground">
            {view.benchmark
              ? "No configuration has a scored run of this benchmark in the current snapshot (or its datasets were dropped because some configurations lack them). Choose another benchmark, or ingest runs with "
              : "Ingest Medmarks run artifacts (folders with metadata.json and results.jsonl) with "}
            <code className="rounded bg-muted px-1">npm run ingest -- path/to/runs</code>. The{" "}
            <Link href="/data" className="underline underline-offset-4">
              loaded data
            </Link>{" "}
            page lists what is in the database.
          </p>
        </section>
      ) : (
        <>
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
            {view.points.length ? (
              <EfficiencyChart
                view={{
                  points: view.points,
                  frontier: view.frontier,
                  ladders: view.ladders,
                  x: view.x,
                  board: view.board,
                  benchmark: view.benchmark,
                  synthetic: view.synthetic,
                  snapshot: view.snapshot,
                }}
                showLadders={params.ladders}
                title={title}
                embedPath={efficiencyHref({ ...params, snapshot: undefined }).replace(/^\/efficiency/, "/embed/efficiency")}
                subtitle={`${board} · ${frontierNames.length} on the Pareto frontier · faded points: usage on part of the datasets only · whiskers: 95% interval`}
              />
            ) : (
              <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="efficiency-no-points">
                No configuration here has {view.x === "latency" ? "timing" : "token usage"} in its artifacts, so there is nothing to
                plot: they are listed under “Not plotted”.
              </p>
            )}
            <aside className="space-y-4 text-sm">
              {frontierNames.length ? (
                <section className="space-y-1" aria-labelledby="h-frontier">
                  <h2 id="h-frontier" className="text-sm font-semibold">
                    Pareto frontier
                  </h2>
                  <p className="text-xs text-muted-foreground">
                    No other configuration is both cheaper and better. From the cheapest:
                  </p>
                  <ol className="list-decimal space-y-0.5 pl-5" data-testid="efficiency-frontier">
                    {view.frontier.map((id) => {
                      const p = view.points.find((q) => q.config === id);
                      return (
                        <li key={id}>
                          <Link href={`/models/${encodeURIComponent(id)}`} className="underline-offset-4 hover:underline">
                            {p?.displayName ?? id}
                          </Link>{" "}
                          <span className="text-xs text-muted-foreground tabular-nums">{p ? formatX(p.x, view.x) : ""}</span>
                        </li>
                      );
                    })}
                  </ol>
                </section>
              ) : null}
              <UnplottedList view={view} />
            </aside>
          </div>
          {view.points.length ? <EfficiencyTable view={view} /> : null}
        </>
      )}
    </div>
  );
}
