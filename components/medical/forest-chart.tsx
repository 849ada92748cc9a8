"use client";

/**
 * Forest plot of one pair: per benchmark, the paired difference fine-tune − base (dot) with its
 * paired bootstrap 95% interval (whiskers), coloured by the Holm-adjusted verdict, in a ChartFrame
 * (SVG/PNG export with title, legend and the URL · snapshot · date footer). The table below the
 * chart carries the same numbers (and is the screen-reader fallback).
 */
import { CartesianGrid, ErrorBar, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";

import { ChartFrame } from "@/components/charts/chart-frame";
import { deltaAxis } from "@/components/model/score-delta-chart";
import { formatDelta, formatInterval, MINUS } from "@/lib/format";
import type { MedicalBenchmarkDelta } from "@/lib/queries/medical";

import { formatP } from "./format-p";
import { VERDICT_COLORS } from "./verdict";

interface Point {
  name: string;
  diff: number;
  /** [minus, plus] around the dot (recharts' ErrorBar). */
  err: [number, number] | null;
  row: MedicalBenchmarkDelta;
}

const ROW_HEIGHT = 28;

function Dot(props: { cx?: number; cy?: number; payload?: Point }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload) return <g />;
  return <circle cx={cx} cy={cy} r={5} fill={VERDICT_COLORS[payload.row.verdict]} stroke="currentColor" strokeOpacity={0.5} />;
}

function HoverCard({ active, payload }: TooltipContentProps) {
  const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
  if (!p) return null;
  const r = p.row;
  return (
    <div className="rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <p className="mb-1 font-medium">{r.name}</p>
      <dl className="grid grid-cols-[auto_auto] gap-x-3 tabular-nums">
        <dt className="text-muted-foreground">Paired Δ (95% CI), pp</dt>
        <dd className="text-right font-medium">{formatInterval(r.diff, r.ci?.lo, r.ci?.hi)}</dd>
        <dt className="text-muted-foreground">Δ score</dt>
        <dd className="text-right">{formatDelta(r.delta)}</dd>
        <dt className="text-muted-foreground">p · Holm p</dt>
        <dd className="text-right">
          {formatP(r.p)} · {formatP(r.pHolm)}
        </dd>
        <dt className="text-muted-foreground">Questions both answered</dt>
        <dd className="text-right">{r.nShared}</dd>
      </dl>
    </div>
  );
}

export interface ForestChartProps {
  rows: MedicalBenchmarkDelta[];
  fineTune: string;
  base: string;
  board: "V" | "OE";
  alpha: number;
  snapshotId: string;
  snapshotDate: string;
  synthetic: boolean;
  /** Plot height in px (default: 28 px per benchmark). */
  height?: number;
  /** The embeddable view (`/embed/medical?board=&pair=`): shows the "Embed" button. */
  embedPath?: string;
}

export function ForestChart({ rows, fineTune, base, board, alpha, snapshotId, snapshotDate, synthetic, height: fixedHeight, embedPath }: ForestChartProps) {
  const points: Point[] = rows
    .filter((r) => r.diff !== null)
    .map((r) => ({
      name: r.name,
      diff: r.diff!,
      err: r.ci ? [Math.max(0, r.diff! - r.ci.lo), Math.max(0, r.ci.hi - r.diff!)] : null,
      row: r,
    }));
  const title = `${fineTune} ${MINUS} ${base}, per benchmark (Medmarks-${board})`;
  if (!points.length) {
    return (
      <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="forest-empty">
        The two configurations share no answered question on Medmarks-{board}: nothing to compare.
      </p>
    );
  }
  const axis = deltaAxis(points.map((p) => ({ delta: p.diff, err: p.err })));
  const height = fixedHeight ?? points.length * ROW_HEIGHT + 60;
  return (
    <ChartFrame
      title={title}
      subtitle="Mean paired difference on the questions both answered (dot) with its paired bootstrap 95% interval (whiskers)."
      legend={[
        { label: `significantly better (Holm p < ${alpha})`, color: VERDICT_COLORS.better, shape: "dot" },
        { label: `significantly worse (Holm p < ${alpha})`, color: VERDICT_COLORS.worse, shape: "dot" },
        { label: "not significant", color: VERDICT_COLORS["not-significant"], shape: "dot" },
      ]}
      snapshotId={snapshotId}
      snapshotDate={snapshotDate}
      synthetic={synthetic}
      embedPath={embedPath}
      embedHeight={height}
    >
      <div aria-hidden="true" className="text-muted-foreground" data-testid="forest-chart">
        <ScatterChart responsive style={{ width: "100%", height }} margin={{ top: 4, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" className="stroke-border" />
          <XAxis
            type="number"
            dataKey="diff"
            domain={axis.domain}
            ticks={axis.ticks}
            tickFormatter={(v: number) => formatDelta(v, 0).replace(" pp", "")}
            tick={{ fontSize: 11, fill: "currentColor" }}
            label={{ value: "Fine-tune − base (percentage points)", position: "insideBottom", offset: -12, fontSize: 11, fill: "currentColor" }}
          />
          <YAxis type="category" dataKey="name" reversed width={170} interval={0} allowDuplicatedCategory={false} tick={{ fontSize: 11, fill: "currentColor" }} />
          <ReferenceLine x={0} stroke="currentColor" strokeOpacity={0.6} />
          <Tooltip content={HoverCard} isAnimationActive={false} cursor={false} />
          <Scatter data={points} name="Paired difference" shape={Dot} isAnimationActive={false}>
            <ErrorBar dataKey="err" direction="x" width={6} stroke="currentColor" strokeOpacity={0.8} isAnimationActive={false} />
          </Scatter>
        </ScatterChart>
      </div>
    </ChartFrame>
  );
}
