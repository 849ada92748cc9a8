import type { ReactNode } from "react";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatMilliseconds, formatPercent, formatTokens } from "@/lib/format";
import type { ConfigView, TokenStats } from "@/lib/queries/config-types";

import { MissingValue } from "./missing-value";

const SCOPE_LABEL = { all: "All", V: "V", OE: "OE" } as const;

function value(t: TokenStats, x: number | null, format: (n: number) => string, why: string): ReactNode {
  if (t.rollouts === 0) return <MissingValue why="No rollouts shown on this board" />;
  return x === null ? <MissingValue why={why} /> : format(x);
}

function reasoning(t: TokenStats): ReactNode {
  if (t.rollouts === 0) return <MissingValue why="No rollouts shown on this board" />;
  if (t.reasoningShare === null) {
    const text = t.rolloutsWithReasoningText
      ? `The provider reported no reasoning token counts (${formatInt(t.rolloutsWithReasoningText)} rollouts carry reasoning text)`
      : "The provider reported no reasoning token counts";
    return (
      <span title={text} className="text-muted-foreground">
        unknown<span className="sr-only"> ({text})</span>
      </span>
    );
  }
  const partial = t.rolloutsWithReasoningTokens < t.rolloutsWithUsage;
  return (
    <span title={partial ? `Over the ${formatInt(t.rolloutsWithReasoningTokens)} rollouts with reasoning token counts` : undefined}>
      {formatPercent(t.reasoningShare)}
      {partial ? <sup aria-hidden="true">*</sup> : null}
    </span>
  );
}

/** Token usage and latency of the rollouts the boards show, overall and per board. */
export function TokensCard({ view }: { view: ConfigView }) {
  const cols = view.tokens;
  const rows: { label: string; hint?: string; cell: (t: TokenStats) => ReactNode }[] = [
    { label: "Rollouts", cell: (t) => formatInt(t.rollouts) },
    { label: "with token counts", cell: (t) => formatInt(t.rolloutsWithUsage) },
    { label: "Input tokens / rollout", cell: (t) => value(t, t.meanInputPerRollout, formatTokens, "No token counts in these runs") },
    { label: "Output tokens / rollout", hint: "reasoning included", cell: (t) => value(t, t.meanOutputPerRollout, formatTokens, "No token counts in these runs") },
    {
      label: "Output tokens / question",
      hint: "mean over questions (answer orders folded) of the mean over their rollouts",
      cell: (t) => value(t, t.meanOutputPerQuestion, formatTokens, "No token counts in these runs"),
    },
    { label: "Reasoning share of output", hint: "Σ reasoning ÷ Σ output tokens, where the provider reported both", cell: reasoning },
    { label: "Mean latency", cell: (t) => value(t, t.meanLatencyMs, formatMilliseconds, "No timing in these runs") },
    { label: "Median latency", cell: (t) => value(t, t.medianLatencyMs, formatMilliseconds, "No timing in these runs") },
  ];
  return (
    <Card data-testid="tokens-card">
      <CardHeader>
        <CardTitle>Tokens and latency</CardTitle>
        <CardDescription>
          Per rollout of the runs the boards show{view.synthetic ? " (synthetic demo data)" : ""}; latency is the rollout&apos;s total time
          (generation and scoring).
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>
                <span className="sr-only">Measure</span>
              </TableHead>
              {cols.map((t) => (
                <TableHead key={t.scope} numeric>
                  {SCOPE_LABEL[t.scope]}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.label}>
                <TableHead scope="row" className="font-normal text-muted-foreground" title={r.hint}>
                  {r.label}
                </TableHead>
                {cols.map((t) => (
                  <TableCell key={t.scope} numeric>
                    {r.cell(t)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
