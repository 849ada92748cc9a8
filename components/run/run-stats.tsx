import { Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";
import { formatInt, formatMilliseconds, formatPercent, formatTokens, MISSING } from "@/lib/format";
import type { RunSummary } from "@/lib/queries/run";

export function RunStats({ run }: { run: RunSummary }) {
  const s = run.stats;
  const rows: [string, string][] = [
    ["Rows (observed / expected)", `${formatInt(run.observedRows)} / ${run.expectedRows === null ? MISSING : formatInt(run.expectedRows)}`],
    ["Questions", formatInt(run.observedQuestions)],
    ["Completeness", formatPercent(run.completeness)],
    ["Mean reward (mean of per-question means)", formatPercent(s.meanReward)],
    ["avg_reward in metadata", formatPercent(run.avgRewardMetadata)],
    ["Rollouts with an error", formatInt(s.errors)],
    ["Truncated rollouts", formatInt(s.truncated)],
    ["Mean output tokens", formatTokens(s.meanOutputTokens)],
    ["Mean latency", formatMilliseconds(s.meanLatencyMs)],
  ];
  return (
    <Table className="max-w-xl" data-testid="run-stats">
      <TableBody>
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableHead scope="row" className="font-normal text-muted-foreground">
              {label}
            </TableHead>
            <TableCell numeric>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
