import Link from "next/link";

import { GroupBadge } from "@/components/ui/group-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatPercent, MISSING } from "@/lib/format";
import type { BenchmarkInsight } from "@/lib/queries/benchmark-insight";

type Props = {
  insight: Pick<BenchmarkInsight, "subtasks" | "subtaskRows" | "scoreSource">;
  decimals: number;
};

/**
 * Configuration × subtask table: each cell is the configuration's mean question score on that
 * subtask (answer orders folded), with the questions it answered. Server component; the page shows
 * it only when the benchmark has more than one subtask.
 */
export function SubtaskBreakdown({ insight, decimals }: Props) {
  const { subtasks, subtaskRows } = insight;
  const anyUnscored = subtasks.some((s) => !s.scored);
  return (
    <div className="space-y-2">
      <Table data-testid="subtask-breakdown" containerClassName="max-h-[70vh]">
        <TableHeader className="sticky top-0 z-10 bg-background">
          <TableRow>
            <TableHead className="sticky left-0 z-20 bg-background">Configuration</TableHead>
            <TableHead numeric title={insight.scoreSource === "board" ? "Benchmark score from the ranking" : "Mean of the subtask scores"}>
              Score %
            </TableHead>
            {subtasks.map((s) => (
              <TableHead key={s.key} numeric title={`${s.key}: ${formatInt(s.nQuestions)} questions${s.scored ? "" : "; not scored on the board"}`}>
                {s.label}
                {s.scored ? null : <span aria-label="not scored on the board"> †</span>}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {subtaskRows.map((r) => (
            <TableRow key={r.config}>
              <TableCell className="sticky left-0 bg-background">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/models/${encodeURIComponent(r.config)}`} prefetch={false} className="font-medium underline-offset-4 hover:underline">
                    {r.displayName}
                  </Link>
                  {r.group ? <GroupBadge group={r.group} /> : null}
                </div>
              </TableCell>
              <TableCell numeric>
                {r.score === null ? <span title="Not ranked on the board">{MISSING}</span> : formatPercent(r.score, decimals)}
              </TableCell>
              {r.cells.map((c) => (
                <TableCell key={c.key} numeric>
                  {c.mean === null ? (
                    <span title="Not run: no published run of this subtask in the snapshot">{MISSING}</span>
                  ) : (
                    <span title={`${formatInt(c.n)} questions answered`}>{formatPercent(c.mean, decimals)}</span>
                  )}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {anyUnscored ? (
        <p className="text-xs text-muted-foreground">
          † Not scored on the board: some configurations lack this subtask, so the ranking leaves it out; its scores here come from
          the runs that exist.
        </p>
      ) : null}
    </div>
  );
}
