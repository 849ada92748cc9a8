import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatPercent } from "@/lib/format";
import type { JudgesView } from "@/lib/queries/benchmark-insight";

/**
 * The LLM judges behind an open-ended benchmark's scores: each judge model its runs named in
 * `env_args.judge_model`, with how many runs used it, against the suite config's judges.
 * Server component.
 */
export function JudgesUsed({ judges }: { judges: JudgesView }) {
  if (judges.totalRuns === 0) {
    return (
      <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="judges-empty">
        No run of this benchmark in the current snapshot, so no judges to show.
        {judges.catalog.length ? ` The suite config judges it with ${judges.catalog.join(", ")}.` : ""}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      {judges.models.length ? (
        <Table data-testid="judges-used" className="max-w-2xl">
          <TableHeader>
            <TableRow>
              <TableHead>Judge model</TableHead>
              <TableHead numeric>Runs</TableHead>
              <TableHead numeric>Share of runs</TableHead>
              <TableHead>In the suite config</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {judges.models.map((j) => (
              <TableRow key={j.model}>
                <TableCell>
                  <code className="text-xs">{j.model}</code>
                </TableCell>
                <TableCell numeric>{formatInt(j.runs)}</TableCell>
                <TableCell numeric>{formatPercent(j.runs / judges.totalRuns, 0)}</TableCell>
                <TableCell>{j.inCatalog ? "yes" : "no"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <p className="text-xs text-muted-foreground">
        {formatInt(judges.totalRuns)} run{judges.totalRuns === 1 ? "" : "s"} read
        {judges.runsWithoutJudge
          ? `; ${formatInt(judges.runsWithoutJudge)} name${judges.runsWithoutJudge === 1 ? "s" : ""} no judge in env_args.judge_model`
          : ""}
        .{" "}
        {judges.catalog.length
          ? judges.unused.length
            ? `Suite config judges no run used: ${judges.unused.join(", ")}.`
            : "Every judge of the suite config was used."
          : "The catalog lists no judges for this benchmark."}
      </p>
    </div>
  );
}
