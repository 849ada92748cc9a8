import type { Metadata } from "next";
import { connection } from "next/server";

import { EfficiencyChart } from "@/components/charts/lazy";
import { parseEfficiencyParams } from "@/components/efficiency/params";
import { EmbedEmpty, EmbedShell } from "@/components/embed/embed-shell";
import { parseEmbedHeight } from "@/components/embed/embed-url";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { getEfficiency } from "@/lib/queries/efficiency";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { board } = parseEfficiencyParams(await searchParams);
  return { title: `Token efficiency — Medmarks-${board} (embed)` };
}

/** The efficiency chart alone: `?board=&x=&benchmark=&ladders=&snapshot=&h=` (as /efficiency, plus the height). */
export default async function EmbedEfficiencyPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const sp = await searchParams;
  const asked = parseEfficiencyParams(sp);
  const snap = await resolvePageSnapshot(sp.snapshot);
  const view = await pinned(snap, () => getEfficiency({ board: asked.board, benchmark: asked.benchmark, x: asked.x }));
  const board = `Medmarks-${view.board}`;
  const unit = view.x === "latency" ? "latency" : "tokens";
  const title = view.benchmark ? `${view.benchmark.name}: score against ${unit} per question` : `${board}: win rate against ${unit} per question`;
  return (
    <EmbedShell view="efficiency" snap={snap} synthetic={view.synthetic} full={{ pathname: "/efficiency" }}>
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
          showLadders={asked.ladders}
          title={title}
          subtitle={`${board} · ${view.frontier.length} on the Pareto frontier · whiskers: 95% interval${view.synthetic ? " · synthetic demo data" : ""}`}
          height={parseEmbedHeight(sp.h)}
          openInNewTab
        />
      ) : (
        <EmbedEmpty>
          {title}: nothing to plot in this snapshot (no configuration with {view.x === "latency" ? "timing" : "token usage"} data
          {view.benchmark ? ` and a score on ${view.benchmark.name}` : ""}).
        </EmbedEmpty>
      )}
    </EmbedShell>
  );
}
