"use client";

import { useCallback } from "react";
import { useSearchParams } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";

import { ChartFrame } from "@/components/charts/chart-frame";
import { withParam } from "@/components/embed/embed-url";
import { formatInt, formatNumber, formatPercent } from "@/lib/format";
import type { BenchmarkInsight } from "@/lib/queries/benchmark-insight";
import { cn } from "@/lib/utils";

export type DistributionKind = "configs" | "questions";

/** `?dist=configs|questions`; anything else is the default, configurations. */
export function parseDist(value: string | null | undefined): DistributionKind {
  return value === "questions" ? "questions" : "configs";
}

const KINDS: { kind: DistributionKind; label: string }[] = [
  { kind: "configs", label: "Configurations" },
  { kind: "questions", label: "Questions" },
];

const TEXT = {
  configs: {
    title: "Configurations by benchmark score",
    x: "Benchmark score (%)",
    y: "Configurations",
    unit: ["configuration", "configurations"],
  },
  questions: {
    title: "Questions by mean score over configurations (difficulty)",
    x: "Mean score over configurations (%)",
    y: "Questions",
    unit: ["question", "questions"],
  },
} as const;

type Props = {
  distribution: BenchmarkInsight["distribution"];
  /** The configuration scores come from the board's ranking (`board`) or from the runs (`runs`). */
  scoreSource: BenchmarkInsight["scoreSource"];
  synthetic: boolean;
  benchmarkName: string;
  snapshotId: string;
  /** ISO timestamp of the snapshot (figure footer). */
  snapshotDate: string;
  /** Plot height in px (default 260). */
  height?: number;
  /** The embeddable view without `dist` (`/embed/benchmark/<slug>/distribution`): shows the "Embed" button for the distribution shown. */
  embedPath?: string;
};

const DISTRIBUTION_CHART_HEIGHT = 260;

/** The URL query with `dist` set to `kind` and every other parameter kept. */
function queryWith(search: string, kind: DistributionKind): string {
  const params = new URLSearchParams(search);
  params.set("dist", kind);
  return `?${params.toString()}`;
}

type Datum = { mid: number; range: string; count: number };

const X_TICKS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

function ChartTooltip({ active, payload, unit }: { active?: boolean; payload?: readonly { payload?: Datum }[]; unit: readonly [string, string] }) {
  const d = active ? payload?.[0]?.payload : undefined;
  if (!d) return null;
  return (
    <div className="rounded-md border bg-popover px-2.5 py-1.5 text-xs text-popover-foreground shadow-md">
      <div className="font-medium">{d.range}</div>
      <div className="tabular-nums">
        {formatInt(d.count)} {d.count === 1 ? unit[0] : unit[1]}
      </div>
    </div>
  );
}

/**
 * Histogram of the benchmark's scores, 20 bins on [0, 100%]: configurations by benchmark score, or
 * questions by their mean score over configurations. The toggle lives in the URL (`?dist=`),
 * rewritten with `history.replaceState` (no server round trip); a visually hidden table carries the
 * same numbers for screen readers.
 */
export function ScoreDistributionChart({
  distribution,
  scoreSource,
  synthetic,
  benchmarkName,
  snapshotId,
  snapshotDate,
  height = DISTRIBUTION_CHART_HEIGHT,
  embedPath,
}: Props) {
  const searchParams = useSearchParams();
  const kind = parseDist(searchParams.get("dist"));
  const select = useCallback((next: DistributionKind) => {
    // Read the live URL: other leaves may have rewritten it since this render.
    window.history.replaceState(null, "", window.location.pathname + queryWith(window.location.search, next) + window.location.hash);
  }, []);

  const { n, bins } = distribution[kind];
  const text = TEXT[kind];
  const data: Datum[] = bins.map((b, i) => ({
    mid: ((b.lo + b.hi) / 2) * 100,
    range: `${formatPercent(b.lo, 0)}–${formatPercent(b.hi, 0)}${i === bins.length - 1 ? " (incl. 100%)" : ""}`,
    count: b.count,
  }));
  const note =
    kind === "configs"
      ? scoreSource === "board"
        ? "Scores from the ranking above."
        : "No configuration is ranked on the board: scores are each configuration's mean over this benchmark's subtasks."
      : "Each question's score per configuration pools its answer orders and rollouts.";

  const toggle = (
    <nav aria-label="Distribution of" className="inline-flex items-center rounded-lg border bg-muted p-0.5">
      {KINDS.map((k) => {
        const active = k.kind === kind;
        return (
          <a
            key={k.kind}
            href={queryWith(searchParams.toString(), k.kind)}
            onClick={(e) => {
              e.preventDefault();
              select(k.kind);
            }}
            aria-current={active ? "true" : undefined}
            data-dist-option={k.kind}
            className={cn(
              "rounded-md px-3 py-1 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
              active && "bg-background text-foreground shadow-xs",
            )}
          >
            {k.label}
          </a>
        );
      })}
    </nav>
  );
  return (
    <ChartFrame
      title={`${benchmarkName}: ${text.title}`}
      subtitle={`n = ${formatInt(n)}${synthetic ? ", synthetic demo data" : ""}`}
      snapshotId={snapshotId}
      snapshotDate={snapshotDate}
      synthetic={synthetic}
      controls={toggle}
      embedPath={embedPath ? withParam(embedPath, "dist", kind) : undefined}
      embedHeight={height}
      className="space-y-3"
    >
      <div data-testid="score-distribution" data-dist={kind}>
      {n === 0 ? (
        <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground">
          No {text.unit[1]} to show: this benchmark has no scored run in the current snapshot.
        </p>
      ) : (
        <div aria-hidden="true">
          <BarChart
            responsive
            style={{ width: "100%", height }}
            data={data}
            margin={{ top: 8, right: 8, bottom: 28, left: 8 }}
            barCategoryGap={1}
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} stroke="var(--border)" />
            <XAxis
              dataKey="mid"
              type="number"
              domain={[0, 100]}
              ticks={X_TICKS}
              tickFormatter={(v: number) => formatNumber(v, 0)}
              tick={{ fill: "var(--muted-foreground)", fontSize: 12 }}
              stroke="var(--border)"
              label={{ value: text.x, position: "insideBottom", offset: -18, fill: "var(--muted-foreground)", fontSize: 12 }}
            />
            <YAxis
              allowDecimals={false}
              width={48}
              tick={{ fill: "var(--muted-foreground)", fontSize: 12 }}
              stroke="var(--border)"
              label={{ value: text.y, angle: -90, position: "insideLeft", offset: 10, fill: "var(--muted-foreground)", fontSize: 12, style: { textAnchor: "middle" } }}
            />
            <Tooltip cursor={{ fill: "var(--muted)" }} content={<ChartTooltip unit={text.unit} />} isAnimationActive={false} />
            <Bar dataKey="count" name={text.y} fill="var(--primary)" fillOpacity={0.8} isAnimationActive={false} />
          </BarChart>
        </div>
      )}
      <p className="text-xs text-muted-foreground">
        20 bins of 5 points each; a bin holds scores from its lower edge up to (not including) the next, the last one also
        holds 100%. {note}
      </p>
      <div className="sr-only">
      <table>
        <caption>{text.title}</caption>
        <thead>
          <tr>
            <th scope="col">Score range</th>
            <th scope="col">{text.y}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.range}>
              <th scope="row">{d.range}</th>
              <td>{formatInt(d.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      </div>
    </ChartFrame>
  );
}
