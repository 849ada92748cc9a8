"use client";

/**
 * Grouped horizontal bars: per benchmark, each compared configuration's board score with its 95%
 * bootstrap interval (whiskers), one colour per configuration, in a ChartFrame (SVG/PNG export
 * with title, legend and the URL · snapshot · date footer). The differences table below carries
 * the same numbers (and is the screen-reader fallback).
 */
import { Bar, BarChart, CartesianGrid, ErrorBar, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";

import { ChartFrame } from "@/components/charts/chart-frame";
import { formatInterval, formatPercent } from "@/lib/format";
import type { CompareBenchmarkRow } from "@/lib/queries/compare-types";

import { configColor } from "./colors";

export interface ScoresChartProps {
  benchmarks: CompareBenchmarkRow[];
  configs: { config: string; displayName: string }[];
  board: "V" | "OE";
  snapshotId: string;
  snapshotDate: string;
  synthetic: boolean;
}

type Point = { name: string; row: CompareBenchmarkRow } & Record<string, unknown>;

const TICKS = [0, 0.25, 0.5, 0.75, 1];

function HoverCard({ active, payload, names }: TooltipContentProps & { names: string[] }) {
  const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
  if (!p) return null;
  return (
    <div className="rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <p className="mb-1 font-medium">{p.row.name}</p>
      <dl className="grid grid-cols-[auto_auto] gap-x-3 tabular-nums">
        {p.row.cells.map((c, i) => (
          <div key={c.config} className="contents">
            <dt className="flex items-center gap-1.5 text-muted-foreground">
              <span aria-hidden="true" className="inline-block size-2 rounded-[2px]" style={{ backgroundColor: configColor(i) }} />
              {names[i] ?? c.config}
            </dt>
            <dd className="text-right">{c.score ? formatInterval(c.score.score, c.score.ci?.lo, c.score.ci?.hi) : "not scored"}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function ScoresChart({ benchmarks, configs, board, snapshotId, snapshotDate, synthetic }: ScoresChartProps) {
  const rows = benchmarks.filter((b) => b.cells.some((c) => c.score));
  if (!rows.length) {
    return (
      <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="scores-chart-empty">
        None of these configurations has a score on Medmarks-{board}: nothing to draw.
      </p>
    );
  }
  const points: Point[] = rows.map((b) => {
    const p: Point = { name: b.name, row: b };
    b.cells.forEach((c, i) => {
      if (!c.score) return;
      p[`s${i}`] = c.score.score;
      p[`e${i}`] = c.score.ci ? [Math.max(0, c.score.score - c.score.ci.lo), Math.max(0, c.score.ci.hi - c.score.score)] : undefined;
    });
    return p;
  });
  const names = configs.map((c) => c.displayName);
  const bar = configs.length > 3 ? 5 : 7;
  const height = rows.length * (configs.length * (bar + 1) + 12) + 60;

  return (
    <ChartFrame
      title={`Scores per benchmark, Medmarks-${board}`}
      subtitle="Board score (mean over the benchmark's datasets of the average reward) with its 95% bootstrap interval."
      legend={configs.map((c, i) => ({ label: c.displayName, color: configColor(i), shape: "bar" as const }))}
      snapshotId={snapshotId}
      snapshotDate={snapshotDate}
      synthetic={synthetic}
    >
      <div aria-hidden="true" className="text-muted-foreground" data-testid="scores-chart">
        <BarChart
          data={points}
          layout="vertical"
          responsive
          style={{ width: "100%", height }}
          margin={{ top: 4, right: 16, bottom: 24, left: 8 }}
          barGap={1}
          barCategoryGap={6}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" className="stroke-border" />
          <XAxis
            type="number"
            domain={[0, 1]}
            ticks={TICKS}
            tickFormatter={(v: number) => formatPercent(v, 0)}
            tick={{ fontSize: 11, fill: "currentColor" }}
            label={{ value: "Score (%)", position: "insideBottom", offset: -12, fontSize: 11, fill: "currentColor" }}
          />
          <YAxis type="category" dataKey="name" width={170} interval={0} tick={{ fontSize: 11, fill: "currentColor" }} />
          <Tooltip content={(props: TooltipContentProps) => <HoverCard {...props} names={names} />} isAnimationActive={false} cursor={{ fillOpacity: 0.08 }} />
          {configs.map((c, i) => (
            <Bar key={c.config} dataKey={`s${i}`} name={c.displayName} fill={configColor(i)} barSize={bar} isAnimationActive={false}>
              <ErrorBar dataKey={`e${i}`} direction="x" width={3} stroke="currentColor" strokeOpacity={0.8} isAnimationActive={false} />
            </Bar>
          ))}
        </BarChart>
      </div>
    </ChartFrame>
  );
}
