import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { InfoIcon, TriangleAlertIcon } from "lucide-react";

import { catalogCitations, CiteThisView } from "@/components/cite/cite-this-view";
import { BoardTabs } from "@/components/leaderboard/board-tabs";
import { DroppedDatasets } from "@/components/leaderboard/dropped-datasets";
import { compactBoard } from "@/components/leaderboard/compact";
import { LeaderboardTable } from "@/components/leaderboard/leaderboard-table";
import { parseLeaderboardParams, validateLeaderboardParams } from "@/components/leaderboard/params";
import { SettingsPanel } from "@/components/leaderboard/settings-panel";
import { weightPhrase } from "@/components/leaderboard/settings-options";
import { SnapshotNotices } from "@/components/snapshot/newer-notice";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { SnapshotLine } from "@/components/snapshot/snapshot-line";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { pathWithQuery } from "@/lib/cite/url";
import { formatInt } from "@/lib/format";
import { getLeaderboard } from "@/lib/queries/leaderboard";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { board } = parseLeaderboardParams(await searchParams);
  return { title: `Medmarks-${board} leaderboard` };
}

const BOARD_HINT = { V: "verifiable benchmarks", OE: "open-ended benchmarks, graded by LLM judges" } as const;

/**
 * The home page: the Medmarks-V / Medmarks-OE leaderboard. Every view parameter is in the URL,
 * `?snapshot=<id>` included (the board of that snapshot; the tabs and settings keep it).
 */
export default async function LeaderboardPage({ searchParams }: { searchParams: SearchParams }) {
  await connection(); // always read the database at request time, never at build
  const sp = await searchParams;
  const { params, issues } = validateLeaderboardParams(sp);
  const snap = await resolvePageSnapshot(sp.snapshot);
  const view = await pinned(snap, () => getLeaderboard(params.board, params.settings));
  const board = `Medmarks-${view.board}`;
  const path = pathWithQuery("/", sp);
  const empty = view.rows.length === 0;

  return (
    <div className="space-y-4">
      <PageHeader
        className="pb-2"
        title={`${board} leaderboard`}
        description={
          <>
            {board} ({BOARD_HINT[view.board]}), ranked by the {weightPhrase(view.settings)} mean win rate over datasets: the share
            of pairwise per-question comparisons a configuration wins against every other configuration (ties count half).
          </>
        }
        actions={
          <>
            <BoardTabs board={view.board} />
            <CiteThisView
              title={`${board} leaderboard`}
              path={path}
              snapshot={view.snapshot}
              benchmarks={catalogCitations(view.benchmarks)}
            />
          </>
        }
      >
        <SnapshotLine snapshot={view.snapshot} pinned={snap.pinned !== null} method="win-rate">
          {view.replicates > 0 ? ` · 95% intervals from ${formatInt(view.replicates)} bootstrap replicates` : " · no intervals"}
        </SnapshotLine>
      </PageHeader>

      <SnapshotNotices snap={snap} path={path} />

      {view.synthetic ? (
        <Alert variant="warning" role="status" data-testid="leaderboard-synthetic">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>Synthetic demo data: this ranking is not a real model comparison</AlertTitle>
          <AlertDescription>
            <p>
              These rows come from generated demo runs of real catalog configurations, so every view works before real results
              are loaded.
              {view.settings.data === "auto" ? " Real runs replace them as soon as any are published." : null}
            </p>
          </AlertDescription>
        </Alert>
      ) : null}

      {issues.length > 0 ? (
        <Alert role="status" data-testid="param-issues">
          <InfoIcon aria-hidden="true" />
          <AlertTitle>Some URL parameters were ignored</AlertTitle>
          <AlertDescription>
            <ul className="list-disc pl-4">
              {issues.map((i) => (
                <li key={`${i.param}:${i.value}`}>{i.message}; the default is used.</li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}

      <SettingsPanel board={view.board} settings={view.settings} />

      {empty ? (
        <section className="rounded-lg border border-dashed p-6 text-sm" data-testid="empty-state">
          <h2 className="mb-2 text-base font-semibold">No {board} runs to rank</h2>
          <p className="text-muted-foreground">
            {view.settings.data === "real"
              ? "No official or community runs of this board are published. Choose \u201cDemo\u201d or \u201cAll\u201d runs in the scoring settings to see the synthetic demo data, or ingest real runs: "
              : view.settings.data === "official"
                ? "No official runs of this board are published. Choose \u201cReal\u201d or \u201cAll\u201d runs in the scoring settings, or ingest runs: "
                : view.settings.data === "community"
                  ? "No approved community runs of this board are published. Choose \u201cReal\u201d or \u201cAll\u201d runs in the scoring settings, or ingest runs: "
                    : view.settings.data === "demo"
                      ? "No synthetic demo runs of this board are loaded. Choose \u201cAuto\u201d runs in the scoring settings, or ingest runs: "
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
          {/* The search, facets and table: one client component, the board passed once, compact. */}
          <LeaderboardTable board={compactBoard(view)} />
          <DroppedDatasets view={view} />
        </>
      )}
    </div>
  );
}
