"use client";

import { Bar, BarChart, CartesianGrid, ErrorBar, Rectangle, ReferenceLine, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from "recharts";

import { formatDelta, formatInt, formatInterval, formatPercent } from "@/lib/format";
import type { ConfigBenchmarkRow } from "@/lib/queries/config-types";

import { deltaColor, deltaFill } from "./delta-tone";
import { scoreDeltaHeight } from "./score-delta-layout";

export type DeltaChartRow = Pick<ConfigBenchmarkRow, "slug" | "name" | "score" | "lo" | "hi" | "median" | "delta" | "rank" | "nConfigs">;

interface Point {
  name: string;
  delta: number;
  /** Score interval around the bar, relative to it (recharts' ErrorBar takes [minus, plus]). */
  err: [number, number] | null;
  row: DeltaChartRow;
}

/** Tick step (in shares) that gives at most 4 ticks on each side of 0: 5, 10, 20, 25 or 50 pp. */
function tickStep(half: number): number {
  return [0.05, 0.1, 0.2, 0.25, 0.5].find((s) => half / s <= 4 + 1e-9) ?? 0.5;
}

/** A symmetric domain centred at 0 that holds every bar and whisker, rounded up to a whole tick step, and its ticks. */
export function deltaAxis(points: readonly { delta: number; err: [number, number] | null }[]): { domain: [number, number]; ticks: number[] } {
  let m = 0.05;
  for (const p of points) {
    m = Math.max(m, Math.abs(p.delta), Math.abs(p.delta - (p.err?.[0] ?? 0)), Math.abs(p.delta + (p.err?.[1] ?? 0)));
  }
  const step = tickStep(m);
  const n = Math.ceil(m / step - 1e-9);
  const ticks = Array.from({ length: 2 * n + 1 }, (_, i) => Math.round((i - n) * step * 1e6) / 1e6);
  return { domain: [-n * step, n * step], ticks };
}

function DeltaBar(props: BarShapeProps) {
  const delta = (props.payload as Point | undefined)?.delta ?? 0;
  return <Rectangle {...props} fill={deltaFill(delta)} />;
}

function HoverCard({ active, payload }: TooltipContentProps) {
  const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
  if (!p) return null;
  const r = p.row;
  return (
    <div className="rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <p className="mb-1 font-medium">{r.name}</p>
      <dl className="grid grid-cols-[auto_auto] gap-x-3 tabular-nums">
        <dt className="text-muted-foreground">Score % (95% CI)</dt>
        <dd className="text-right">{formatInterval(r.score, r.lo, r.hi)}</dd>
        <dt className="text-muted-foreground">Board median</dt>
        <dd className="text-right">{formatPercent(r.median)}</dd>
        <dt className="text-muted-foreground">Δ to median</dt>
        <dd className="text-right font-medium" style={{ color: deltaColor(r.delta) }}>
          {formatDelta(r.delta)}
        </dd>
        <dt className="text-muted-foreground">Rank</dt>
        <dd className="text-right">
          {r.rank ?? "—"} of {formatInt(r.nConfigs)}
        </dd>
      </dl>
    </div>
  );
}

/**
 * Horizontal bars of score − board median per benchmark (diverging colour centred at 0), with the
 * score's 95% interval as whiskers. The page puts a table fallback beside it for screen readers.
 */
export function ScoreDeltaChart({ rows, title, height: fixedHeight }: { rows: DeltaChartRow[]; title: string; /** Plot height in px (default: 26 px per bar). */ height?: number }) {
  const points: Point[] = rows
    .filter((r) => r.delta !== null && r.score !== null)
    .map((r) => ({
      name: r.name,
      delta: r.delta!,
      err: r.lo !== null && r.hi !== null ? [r.score! - r.lo, r.hi - r.score!] : null,
      row: r,
    }));
  if (!points.length) return null;
  const axis = deltaAxis(points);
  const height = fixedHeight ?? scoreDeltaHeight(points.length);
  return (
    // currentColor (axes, whiskers, zero line) follows the theme's muted text colour.
    <div data-testid="score-delta-chart" className="text-muted-foreground">
      <BarChart
        data={points}
        layout="vertical"
        responsive
        style={{ width: "100%", height }}
        margin={{ top: 4, right: 16, bottom: 24, left: 8 }}
        title={title}
        // The figure gives screen readers a table of the same numbers (and the benchmark table below
        // shows them to everyone), so the SVG stays out of the tab order and the accessibility tree.
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} strokeDasharray="3 3" className="stroke-border" />
        <XAxis
          type="number"
          domain={axis.domain}
          ticks={axis.ticks}
          tickFormatter={(v: number) => formatDelta(v, 0).replace(" pp", "")}
          tick={{ fontSize: 11, fill: "currentColor" }}
          label={{ value: "Score − board median (pp)", position: "insideBottom", offset: -12, fontSize: 11, fill: "currentColor" }}
        />
        <YAxis type="category" dataKey="name" width={170} interval={0} tick={{ fontSize: 11, fill: "currentColor" }} />
        <ReferenceLine x={0} stroke="currentColor" strokeOpacity={0.6} />
        <Tooltip content={HoverCard} isAnimationActive={false} cursor={{ fillOpacity: 0.08 }} />
        <Bar dataKey="delta" name="Δ to median" shape={DeltaBar} isAnimationActive={false} barSize={14}>
          <ErrorBar dataKey="err" direction="x" width={4} stroke="currentColor" strokeOpacity={0.7} isAnimationActive={false} />
        </Bar>
      </BarChart>
    </div>
  );
}
