import type { ReactNode } from "react";

import { Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";
import { formatInt, formatMilliseconds, formatNumber, MISSING } from "@/lib/format";
import type { SampleView } from "@/lib/queries/sample";
import { LongText } from "./long-text";
import { PlainText } from "./plain-text";

type Row = [label: string, value: ReactNode, numeric?: boolean];

const text = (s: string | null) => (s === null || s === "" ? <span className="text-muted-foreground">{MISSING}</span> : <PlainText text={s} />);

/** The rollout's numbers: reward, answers, tokens, latency, stop condition, error, metrics. */
export function SampleFacts({ sample }: { sample: SampleView }) {
  const r = sample.rollout;
  const rows: Row[] = [
    ["Reward", formatNumber(r.reward, 3), true],
    ["Gold answer", text(r.gold)],
    ["Parsed answer", text(r.parsedAnswer)],
    ["Chosen option", text(r.chosenText)],
    ["Input tokens", formatInt(r.inputTokens), true],
    ["Output tokens (reasoning included)", formatInt(r.outputTokens), true],
    ["Reasoning tokens", formatInt(r.reasoningTokens), true],
    ...(r.judgeInputTokens !== null || r.judgeOutputTokens !== null
      ? ([["Judge tokens (in / out)", `${formatInt(r.judgeInputTokens)} / ${formatInt(r.judgeOutputTokens)}`, true]] as Row[])
      : []),
    ...(r.costUsd !== null ? ([["Cost (USD)", formatNumber(r.costUsd, 4), true]] as Row[]) : []),
    ["Latency", formatMilliseconds(r.latencyMs), true],
    ["Stop condition", text(r.stopCondition)],
    ["Truncated", r.truncated === null ? MISSING : r.truncated ? "yes" : "no"],
    ["Reasoning returned", r.hasReasoning ? "yes" : "no"],
    ...r.metrics.map((m): Row => [`Metric: ${m.key}`, formatNumber(m.value, 3), true]),
  ];
  return (
    <div className="space-y-3">
      <Table data-testid="sample-facts" className="max-w-3xl">
        <TableBody>
          {rows.map(([label, value, numeric]) => (
            <TableRow key={label}>
              <TableHead scope="row" className="w-64 font-normal whitespace-normal text-muted-foreground [overflow-wrap:anywhere]">
                {label}
              </TableHead>
              <TableCell numeric={numeric}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {r.error !== null ? (
        <div className="max-w-3xl space-y-1 rounded-lg border border-destructive/50 p-3" data-testid="sample-error">
          <p className="text-sm font-medium text-destructive">Error</p>
          <LongText text={r.error} className="font-mono text-xs" />
        </div>
      ) : null}
    </div>
  );
}
