"use client";

/**
 * One head-to-head cell per dataset: a horizontal bar per dataset of wr(a vs b), drawn from the
 * 50% line (even) towards whichever configuration wins more there, in a ChartFrame (SVG/PNG export
 * with title, legend and the URL · snapshot · date footer). The page shows the same numbers in a
 * table below, which is also the screen-reader fallback.
 */
import { Bar, BarChart, CartesianGrid, Rectangle, ReferenceLine, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from "recharts";

import { ChartFrame } from "@/components/charts/chart-frame";
import { formatNumber, formatPercent } from "@/lib/format";
import type { HeadToHeadDatasetRow } from "@/lib/queries/head-to-head";

/** Diverging colours (ColorBrewer RdBu mid tones, plain hex so exported files keep them); within 0.5 pp of even = grey. */
export const SIDE_COLORS = { a: "#4393c3", b: "#d6604d", even: "#969696" } as const;

const EVEN_BAND = 0.005;

export function sideColor(wr: number): string {
  if (Math.abs(wr - 0.5) < EVEN_BAND) return SIDE_COLORS.even;
  return wr > 0.5 ? SIDE_COLORS.a : SIDE_COLORS.b;
}

interface Point {
  label: string;
  /** wr − 0.5: bars start at the 50% line. */
  d: number;
  row: HeadToHeadDatasetRow;
}

const ROW_HEIGHT = 22;
const TICKS = [-0.5, -0.25, 0, 0.25, 0.5];

function SideBar(props: BarShapeProps) {
  const p = props.payload as Point | undefined;
  return <Rectangle {...props} fill={sideColor((p?.d ?? 0) + 0.5)} />;
}

function HoverCard({ active, payload, aName, bName }: TooltipContentProps & { aName: string; bName: string }) {
  const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
  if (!p) return null;
  const r = p.row;
  return (
    <div className="rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <p className="mb-1 font-medium">{r.label}</p>
      <dl className="grid grid-cols-[auto_auto] gap-x-3 tabular-nums">
        <dt className="text-muted-foreground">{aName} wins</dt>
        <dd className="text-right font-medium">{formatPercent(r.wr)}</dd>
        <dt className="text-muted-foreground">Questions · weight</dt>
        <dd className="text-right">
          {r.nQuestions} · {formatNumber(r.weight, 2)}
        </dd>
        <dt className="text-muted-foreground">Score {aName}</dt>
        <dd className="text-right">{formatPercent(r.scoreA)}</dd>
        <dt className="text-muted-foreground">Score {bName}</dt>
        <dd className="text-right">{formatPercent(r.scoreB)}</dd>
      </dl>
    </div>
  );
}

export interface BreakdownChartProps {
  rows: HeadToHeadDatasetRow[];
  aName: string;
  bName: string;
  board: "V" | "OE";
  snapshotId: string;
  snapshotDate: string;
  synthetic: boolean;
  /** Plot height in px (default: 22 px per dataset). */
  height?: number;
  /** The embeddable view (`/embed/head-to-head?board=&a=&b=`): shows the "Embed" button. */
  embedPath?: string;
}

export function BreakdownChart({ rows, aName, bName, board, snapshotId, snapshotDate, synthetic, height: fixedHeight, embedPath }: BreakdownChartProps) {
  const points: Point[] = rows.map((r) => ({ label: r.label, d: r.wr - 0.5, row: r }));
  const title = `${aName} vs ${bName}: win rate per dataset (Medmarks-${board})`;
  const height = fixedHeight ?? points.length * ROW_HEIGHT + 60;
  return (
    <ChartFrame
      title={title}
      subtitle="Share of the dataset's questions where the first configuration scores higher (ties count half); bars start at 50% (even)."
      legend={[
        { label: `${aName} ahead`, color: SIDE_COLORS.a },
        { label: `${bName} ahead`, color: SIDE_COLORS.b },
        { label: "even (within 0.5 pp)", color: SIDE_COLORS.even },
      ]}
      snapshotId={snapshotId}
      snapshotDate={snapshotDate}
      synthetic={synthetic}
      embedPath={embedPath}
      embedHeight={height}
    >
      {/* currentColor (axes, zero line) follows the theme's muted text colour. */}
      <div aria-hidden="true" className="text-muted-foreground" data-testid="h2h-breakdown-chart">
        <BarChart
          data={points}
          layout="vertical"
          responsive
          style={{ width: "100%", height }}
          margin={{ top: 4, right: 16, bottom: 24, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" className="stroke-border" />
          <XAxis
            type="number"
            domain={[-0.5, 0.5]}
            ticks={TICKS}
            tickFormatter={(v: number) => formatNumber((v + 0.5) * 100, 0)}
            tick={{ fontSize: 11, fill: "currentColor" }}
            label={{ value: `${aName} wins (% of questions)`, position: "insideBottom", offset: -12, fontSize: 11, fill: "currentColor" }}
          />
          <YAxis type="category" dataKey="label" width={190} interval={0} tick={{ fontSize: 11, fill: "currentColor" }} />
          <ReferenceLine x={0} stroke="currentColor" strokeOpacity={0.6} />
          <Tooltip content={(props) => <HoverCard {...props} aName={aName} bName={bName} />} isAnimationActive={false} cursor={{ fillOpacity: 0.08 }} />
          <Bar dataKey="d" name="Win rate − 50%" shape={SideBar} isAnimationActive={false} barSize={14} />
        </BarChart>
      </div>
    </ChartFrame>
  );
}
