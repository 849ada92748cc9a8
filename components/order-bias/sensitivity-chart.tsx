"use client";

/**
 * The most order-sensitive configurations: horizontal bars of the mean |accuracy change| when the
 * options are shuffled (percentage points), coloured by model group, inside a ChartFrame (SVG/PNG
 * export). The ranking table on the page carries the same numbers for screen readers.
 */
import { Bar, BarChart, CartesianGrid, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from "recharts";

import { ChartFrame } from "@/components/charts/chart-frame";
import type { ModelGroup } from "@/lib/catalog/types";
import { formatDelta, formatInt, formatPercent, GROUP_LABELS, GROUP_ORDER, groupColorVar } from "@/lib/format";

export interface SensitivityPoint {
  config: string;
  displayName: string;
  group: ModelGroup | null;
  rank: number;
  sensitivity: number;
  meanDelta: number | null;
  flipRate: number | null;
  nDatasets: number;
}

const ROW_HEIGHT = 22;
const UNKNOWN_COLOR = "var(--muted-foreground)";

const colorOf = (g: ModelGroup | null) => (g ? groupColorVar(g) : UNKNOWN_COLOR);

function GroupBar(props: BarShapeProps) {
  const p = props.payload as SensitivityPoint | undefined;
  return <Rectangle {...props} fill={colorOf(p?.group ?? null)} />;
}

function HoverCard({ active, payload }: TooltipContentProps) {
  const p = active ? (payload?.[0]?.payload as SensitivityPoint | undefined) : undefined;
  if (!p) return null;
  return (
    <div className="rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <p className="mb-1 font-medium">
        #{p.rank} {p.displayName}
      </p>
      <dl className="grid grid-cols-[auto_auto] gap-x-3 tabular-nums">
        <dt className="text-muted-foreground">Mean |Δ|</dt>
        <dd className="text-right">{formatDelta(p.sensitivity).replace("+", "")}</dd>
        <dt className="text-muted-foreground">Mean Δ</dt>
        <dd className="text-right">{formatDelta(p.meanDelta)}</dd>
        <dt className="text-muted-foreground">Flip rate</dt>
        <dd className="text-right">{formatPercent(p.flipRate)}</dd>
        <dt className="text-muted-foreground">Datasets</dt>
        <dd className="text-right">{formatInt(p.nDatasets)}</dd>
      </dl>
    </div>
  );
}

export function SensitivityChart({
  points,
  title,
  subtitle,
  snapshotId,
  snapshotDate,
  synthetic,
  height: fixedHeight,
  embedPath,
}: {
  points: SensitivityPoint[];
  title: string;
  subtitle: string;
  snapshotId: string;
  snapshotDate: string;
  synthetic: boolean;
  /** Plot height in px (default: 22 px per bar). */
  height?: number;
  /** The embeddable view (`/embed/order-bias/sensitivity`): shows the "Embed" button. */
  embedPath?: string;
}) {
  if (!points.length) return null;
  const groups = GROUP_ORDER.filter((g) => points.some((p) => p.group === g));
  const legend = [
    ...groups.map((g) => ({ label: GROUP_LABELS[g], color: groupColorVar(g) })),
    ...(points.some((p) => p.group === null) ? [{ label: "Unknown group", color: UNKNOWN_COLOR }] : []),
  ];
  const max = Math.max(...points.map((p) => p.sensitivity));
  const step = max <= 0.05 ? 0.01 : max <= 0.1 ? 0.02 : max <= 0.25 ? 0.05 : 0.1;
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
  const height = fixedHeight ?? points.length * ROW_HEIGHT + 56;
  return (
    <ChartFrame
      title={title}
      subtitle={subtitle}
      legend={legend}
      snapshotId={snapshotId}
      snapshotDate={snapshotDate}
      synthetic={synthetic}
      embedPath={embedPath}
      embedHeight={height}
    >
      <div aria-hidden="true" className="text-muted-foreground" data-testid="sensitivity-chart">
        <BarChart
          data={points}
          layout="vertical"
          responsive
          style={{ width: "100%", height }}
          margin={{ top: 4, right: 24, bottom: 24, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" className="stroke-border" />
          <XAxis
            type="number"
            domain={[0, top]}
            ticks={ticks}
            tickFormatter={(v: number) => formatDelta(v, 0).replace(" pp", "").replace("+", "")}
            tick={{ fontSize: 11, fill: "currentColor" }}
            label={{ value: "Mean |accuracy change| when shuffled (percentage points)", position: "insideBottom", offset: -12, fontSize: 11, fill: "currentColor" }}
          />
          <YAxis type="category" dataKey="displayName" width={190} interval={0} tick={{ fontSize: 11, fill: "currentColor" }} />
          <Tooltip content={HoverCard} isAnimationActive={false} cursor={{ fillOpacity: 0.08 }} />
          <Bar dataKey="sensitivity" name="Mean |Δ|" shape={GroupBar} isAnimationActive={false} barSize={14} />
        </BarChart>
      </div>
    </ChartFrame>
  );
}
