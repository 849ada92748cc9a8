import Link from "next/link";

import { GroupBadge } from "@/components/ui/group-badge";
import { formatPercent } from "@/lib/format";
import type { EfficiencyView, UnplottedReason } from "@/lib/queries/efficiency-types";

/** Why a configuration is not on the chart, in words. */
export function unplottedReason(reason: UnplottedReason, view: Pick<EfficiencyView, "x" | "benchmark">): string {
  switch (reason) {
    case "no-usage":
      return view.x === "latency" ? "no timing in the artifacts" : "no token usage in the artifacts";
    case "zero-usage":
      return view.x === "latency" ? "latency recorded as 0 (a log axis has no 0)" : "usage recorded as 0 tokens (a log axis has no 0)";
    case "no-score":
      return view.benchmark ? "no score on this benchmark" : "no win rate on this board";
  }
}

/** The configurations of the board (or benchmark) that the chart leaves out, with why: never plotted at 0. */
export function UnplottedList({ view }: { view: EfficiencyView }) {
  if (!view.unplotted.length) return null;
  const yName = view.benchmark ? "score" : "win rate";
  return (
    <section className="space-y-2" aria-labelledby="h-unplotted" data-testid="efficiency-unplotted">
      <h2 id="h-unplotted" className="text-sm font-semibold">
        Not plotted <span className="font-normal text-muted-foreground">({view.unplotted.length})</span>
      </h2>
      <ul className="space-y-1.5 text-sm">
        {view.unplotted.map((u) => (
          <li key={u.config} className="flex flex-wrap items-center gap-x-2 gap-y-0.5" data-config={u.config} data-reason={u.reason}>
            <Link href={`/models/${encodeURIComponent(u.config)}`} className="underline-offset-4 hover:underline">
              {u.displayName}
            </Link>
            {u.group ? <GroupBadge group={u.group} /> : null}
            <span className="text-xs text-muted-foreground">
              {unplottedReason(u.reason, view)}
              {u.y !== null ? ` · ${yName} ${formatPercent(u.y)}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
