import { MissingValue } from "@/components/model/missing-value";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatMilliseconds, formatPercent, formatTokens } from "@/lib/format";
import type { CompareView, Comparison } from "@/lib/queries/compare-types";

import { configColor } from "./colors";

/** Tokens and latency side by side, over the runs the board shows (its scored datasets). */
export function UsageTable({ view, comparison }: { view: CompareView; comparison: Comparison }) {
  return (
    <Table data-testid="compare-usage" containerClassName="rounded-lg border" className="text-xs">
      <caption className="sr-only">Token usage and latency of each configuration on Medmarks-{view.board}.</caption>
      <TableHeader>
        <TableRow>
          <TableHead className="border-r">Configuration</TableHead>
          <TableHead numeric title="The board's figure: mean output tokens per question (reasoning included), ln-weighted over its datasets">
            Output tokens / question
          </TableHead>
          <TableHead numeric title="Mean output tokens per rollout (reasoning included)">
            Output / rollout
          </TableHead>
          <TableHead numeric>Input / rollout</TableHead>
          <TableHead numeric title="Reasoning tokens over output tokens, where the provider reported both">
            Reasoning share
          </TableHead>
          <TableHead numeric>Median latency</TableHead>
          <TableHead numeric>Mean latency</TableHead>
          <TableHead numeric title="Rollouts (with usage data / with timing)">
            Rollouts
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {comparison.usage.map((u, i) => {
          const name = view.configs[i]?.displayName ?? u.config;
          const s = u.stats;
          const none = s.rollouts === 0 ? `No run of ${name} on Medmarks-${view.board}` : null;
          const cell = (value: number | null, format: (v: number) => string, why: string) =>
            value === null ? <MissingValue why={none ?? why} /> : format(value);
          return (
            <TableRow key={u.config}>
              <TableHead scope="row" className="border-r text-foreground">
                <span aria-hidden="true" className="mr-1 inline-block size-2 rounded-[2px]" style={{ backgroundColor: configColor(i) }} />
                {name}
              </TableHead>
              <TableCell numeric className="font-medium">
                {cell(u.outputTokensPerQuestion, formatTokens, "No usage data")}
              </TableCell>
              <TableCell numeric>{cell(s.meanOutputPerRollout, formatTokens, "No usage data")}</TableCell>
              <TableCell numeric>{cell(s.meanInputPerRollout, formatTokens, "No usage data")}</TableCell>
              <TableCell numeric>{cell(s.reasoningShare, (v) => formatPercent(v), "Reasoning tokens not reported")}</TableCell>
              <TableCell numeric>{cell(s.medianLatencyMs, formatMilliseconds, "No timing data")}</TableCell>
              <TableCell numeric>{cell(s.meanLatencyMs, formatMilliseconds, "No timing data")}</TableCell>
              <TableCell numeric className="text-muted-foreground">
                {formatInt(s.rollouts)} ({formatInt(s.rolloutsWithUsage)} / {formatInt(s.rolloutsWithLatency)})
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
