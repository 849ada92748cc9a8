import type { Metadata } from "next";
import { connection } from "next/server";

import { EmbedEmpty, EmbedShell } from "@/components/embed/embed-shell";
import { parseEmbedHeight, parseEmbedRows } from "@/components/embed/embed-url";
import { LeaderboardEmbedTable } from "@/components/embed/leaderboard-embed-table";
import { filterRows, hasActiveFilters } from "@/components/leaderboard/filter";
import { parseLeaderboardParams } from "@/components/leaderboard/params";
import { weightPhrase } from "@/components/leaderboard/settings-options";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { getLeaderboard } from "@/lib/queries/leaderboard";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { board } = parseLeaderboardParams(await searchParams);
  return { title: `Medmarks-${board} leaderboard (embed)` };
}

const TABLE_HEIGHT = 480;

/**
 * The ranked board alone, compact: the leaderboard's parameters (board, scoring settings, search
 * and facet filters, snapshot), in rank order; `n=` keeps the top n rows, `h=` the table's height.
 */
export default async function EmbedLeaderboardPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const sp = await searchParams;
  const params = parseLeaderboardParams(sp);
  const snap = await resolvePageSnapshot(sp.snapshot);
  const view = await pinned(snap, () => getLeaderboard(params.board, params.settings));
  const ranked = [...view.rows].sort((a, b) => a.rank - b.rank || a.config.localeCompare(b.config));
  const filters = { q: params.q, group: params.group, org: params.org, effort: params.effort, size: params.size };
  const shown = filterRows(ranked, filters);
  const top = parseEmbedRows(sp.n);
  const rows = top === null ? shown : shown.slice(0, top);
  const title = `Medmarks-${view.board} leaderboard${hasActiveFilters(filters) ? " (filtered)" : ""}`;
  return (
    <EmbedShell view="leaderboard" snap={snap} synthetic={view.synthetic} full={{ pathname: "/" }}>
      {rows.length ? (
        <LeaderboardEmbedTable
          board={view.board}
          title={`${title}: ${weightPhrase(view.settings)} mean win rate`}
          rows={rows}
          total={view.rows.length}
          maxHeight={parseEmbedHeight(sp.h, TABLE_HEIGHT)!}
        />
      ) : (
        <EmbedEmpty>
          {view.rows.length ? `No configuration of the ${title} matches the search and filters.` : `No Medmarks-${view.board} runs to rank in this snapshot.`}
        </EmbedEmpty>
      )}
    </EmbedShell>
  );
}
