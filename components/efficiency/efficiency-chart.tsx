"use client";

import { useRouter } from "next/navigation";
import {
  CartesianGrid,
  ErrorBar,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
  type ScatterPointItem,
  type ScatterShapeProps,
  type TooltipContentProps,
} from "recharts";

import { ChartFrame } from "@/components/charts/chart-frame";
import type { LegendItem } from "@/components/charts/export-svg";
import type { ModelGroup } from "@/lib/catalog/types";
import { GROUP_LABELS, GROUP_ORDER, formatInterval, formatPercent, groupColorVar } from "@/lib/format";
import type { EfficiencyPoint, EfficiencyView } from "@/lib/queries/efficiency-types";

import { X_LABELS, X_NAMES, formatX, formatXTick, logAxis, percentAxis } from "./axis";
import { useResolvedColors } from "./use-resolved-colors";

type Datum = EfficiencyPoint & { yErr: [number, number] | null };
type GroupKey = ModelGroup | "unknown";

const UNKNOWN_COLOR = "var(--muted-foreground)";
const FRONTIER_COLOR = "var(--foreground)";
const LADDER_COLOR = "var(--muted-foreground)";
const AXIS_TEXT = { fill: "var(--muted-foreground)", fontSize: 12 };

const colorOf = (g: GroupKey) => (g === "unknown" ? UNKNOWN_COLOR : groupColorVar(g));
const cssVar = (color: string) => /^var\((--[\w-]+)\)$/.exec(color)?.[1] ?? "";

/** A point: the group's colour, a dark ring when on the frontier, faded when x stands on part of the datasets only. */
function PointShape(props: ScatterShapeProps) {
  const d = props.payload as Datum | undefined;
  if (!d || props.cx === undefined || props.cy === undefined) return <g />;
  const color = colorOf(d.group ?? "unknown");
  const partial = d.coverage !== null && d.coverage < 0.999;
  return (
    <circle
      cx={props.cx}
      cy={props.cy}
      r={d.onFrontier ? 6 : 5}
      fill={color}
      fillOpacity={partial ? 0.35 : 0.9}
      stroke={d.onFrontier ? FRONTIER_COLOR : color}
      strokeWidth={d.onFrontier ? 1.5 : 1}
      style={{ cursor: "pointer" }}
      data-config={d.config}
    />
  );
}

/** Series that only draw their joining line (frontier, ladders): no markers, no hover. */
const NoShape = () => <g />;

function HoverCard({ active, payload, x, yLabel }: TooltipContentProps & { x: EfficiencyView["x"]; yLabel: string }) {
  const d = active ? (payload?.[0]?.payload as Datum | undefined) : undefined;
  if (!d || d.x === undefined) return null;
  return (
    <div className="max-w-xs rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md" data-testid="efficiency-hover">
      <p className="font-medium">{d.displayName}</p>
      <p className="mb-1 text-muted-foreground">
        {d.group ? GROUP_LABELS[d.group] : "Group unknown"}
        {d.effort ? ` · effort ${d.effort}` : ""}
        {d.onFrontier ? " · on the Pareto frontier" : ""}
      </p>
      <dl className="grid grid-cols-[auto_auto] gap-x-3 tabular-nums">
        <dt className="text-muted-foreground">{yLabel} (95% CI)</dt>
        <dd className="text-right">{formatInterval(d.y, d.yLo, d.yHi)}</dd>
        <dt className="text-muted-foreground">{X_NAMES[x]}</dt>
        <dd className="text-right">{formatX(d.x, x)}</dd>
        {d.coverage !== null && d.coverage < 0.999 ? (
          <>
            <dt className="text-muted-foreground">Usage on</dt>
            <dd className="text-right">
              {d.nDatasets} of {d.nBoard} datasets ({formatPercent(d.coverage, 0)} of the weight)
            </dd>
          </>
        ) : null}
      </dl>
      <p className="mt-1 text-muted-foreground">Click to open the configuration.</p>
    </div>
  );
}

export interface EfficiencyChartProps {
  view: Pick<EfficiencyView, "points" | "frontier" | "ladders" | "x" | "board" | "benchmark" | "synthetic" | "snapshot">;
  showLadders: boolean;
  title: string;
  subtitle?: string;
  /** Plot height in px (default 440). */
  height?: number;
  /** The embeddable view (`/embed/efficiency?...`): shows the "Embed" button. */
  embedPath?: string;
  /** A click on a point opens the configuration in a new tab (inside an embed). */
  openInNewTab?: boolean;
}

const EFFICIENCY_CHART_HEIGHT = 440;

/**
 * y (win rate or score, %) against x (tokens or seconds per question, log scale): one series per
 * model group in the site's group colours, the Pareto frontier as a step line, reasoning-effort
 * ladders as thin lines; hover for details, click a point to open its configuration. Inside a
 * ChartFrame (SVG/PNG export with title, legend and footer). The page shows the same numbers in a
 * table, so the SVG stays out of the accessibility tree.
 */
export function EfficiencyChart({ view, showLadders, title, subtitle, height = EFFICIENCY_CHART_HEIGHT, embedPath, openInNewTab }: EfficiencyChartProps) {
  const router = useRouter();
  const data: Datum[] = view.points.map((p) => ({
    ...p,
    yErr: p.yLo !== null && p.yHi !== null ? [Math.max(0, p.y - p.yLo), Math.max(0, p.yHi - p.y)] : null,
  }));
  const byId = new Map(data.map((d) => [d.config, d]));
  const groups: GroupKey[] = [...GROUP_ORDER.filter((g) => data.some((d) => d.group === g)), ...(data.some((d) => d.group === null) ? (["unknown"] as const) : [])];
  const frontier = view.frontier.map((id) => byId.get(id)).filter((d): d is Datum => d !== undefined);
  const ladders = showLadders
    ? view.ladders
        .map((l) => ({ modelId: l.modelId, steps: l.configs.map((id) => byId.get(id)).filter((d): d is Datum => d !== undefined) }))
        .filter((l) => l.steps.length >= 2)
    : [];
  const xAxis = logAxis(data.map((d) => d.x));
  const yAxis = percentAxis(data.flatMap((d) => [d.y, d.yLo ?? d.y, d.yHi ?? d.y]));
  const yLabel = view.benchmark ? `Mean score on ${view.benchmark.name} (%)` : `Weighted mean win rate on Medmarks-${view.board} (%)`;
  const yShort = view.benchmark ? "Score %" : "Win rate %";

  const resolved = useResolvedColors([...groups.map((g) => cssVar(colorOf(g))), cssVar(FRONTIER_COLOR), cssVar(LADDER_COLOR)]);
  const legendColor = (c: string) => resolved[cssVar(c)] ?? c;
  const legend: LegendItem[] = [
    ...groups.map((g) => ({ label: g === "unknown" ? "Group unknown" : GROUP_LABELS[g], color: legendColor(colorOf(g)), shape: "dot" as const })),
    ...(frontier.length ? [{ label: "Pareto frontier (ringed points)", color: legendColor(FRONTIER_COLOR), shape: "line" as const }] : []),
    ...(ladders.length ? [{ label: "Effort ladder (same model, low → high effort)", color: legendColor(LADDER_COLOR), shape: "line" as const }] : []),
  ];

  const open = (item: ScatterPointItem) => {
    const d = item.payload as Datum | undefined;
    if (!d) return;
    const href = `/models/${encodeURIComponent(d.config)}`;
    if (openInNewTab) window.open(href, "_blank", "noopener");
    else router.push(href);
  };

  return (
    <ChartFrame
      title={title}
      subtitle={subtitle}
      legend={legend}
      snapshotId={view.snapshot.id}
      snapshotDate={view.snapshot.createdAt}
      synthetic={view.synthetic}
      embedPath={embedPath}
      embedHeight={height}
    >
      <div aria-hidden="true" data-testid="efficiency-chart" data-x={view.x}>
        <ScatterChart responsive style={{ width: "100%", height }} margin={{ top: 12, right: 16, bottom: 32, left: 16 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--border)" />
          <XAxis
            type="number"
            dataKey="x"
            name={X_NAMES[view.x]}
            scale="log"
            domain={xAxis.domain}
            ticks={xAxis.ticks}
            interval={0}
            allowDataOverflow
            tickFormatter={(v: number) => formatXTick(v, view.x)}
            tick={AXIS_TEXT}
            stroke="var(--border)"
            label={{ value: X_LABELS[view.x], position: "insideBottom", offset: -22, ...AXIS_TEXT }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={yShort}
            domain={yAxis.domain}
            ticks={yAxis.ticks}
            interval={0}
            allowDataOverflow
            tickFormatter={(v: number) => formatPercent(v, 0).replace("%", "")}
            width={44}
            tick={AXIS_TEXT}
            stroke="var(--border)"
            label={{ value: yLabel, angle: -90, position: "insideLeft", offset: 0, ...AXIS_TEXT, style: { textAnchor: "middle" } }}
          />
          <ZAxis range={[64, 64]} />
          <Tooltip content={(props) => <HoverCard {...props} x={view.x} yLabel={yShort} />} cursor={false} isAnimationActive={false} />
          {ladders.map((l) => (
            <Scatter
              key={`ladder-${l.modelId}`}
              name={`Effort ladder ${l.modelId}`}
              data={l.steps}
              shape={NoShape}
              line={{ stroke: colorOf(l.steps[0].group ?? "unknown"), strokeWidth: 1.25, strokeOpacity: 0.7, strokeDasharray: "3 3" }}
              lineJointType="linear"
              legendType="none"
              tooltipType="none"
              isAnimationActive={false}
            />
          ))}
          {frontier.length > 1 ? (
            <Scatter
              name="Pareto frontier"
              data={frontier}
              shape={NoShape}
              line={{ stroke: FRONTIER_COLOR, strokeWidth: 1.5, strokeOpacity: 0.8 }}
              lineJointType="stepAfter"
              legendType="none"
              tooltipType="none"
              isAnimationActive={false}
            />
          ) : null}
          {groups.map((g) => (
            <Scatter
              key={g}
              name={g === "unknown" ? "Group unknown" : GROUP_LABELS[g]}
              data={data.filter((d) => (d.group ?? "unknown") === g)}
              fill={colorOf(g)}
              shape={PointShape}
              onClick={open}
              isAnimationActive={false}
            >
              <ErrorBar dataKey="yErr" direction="y" width={0} stroke={colorOf(g)} strokeOpacity={0.45} isAnimationActive={false} />
            </Scatter>
          ))}
        </ScatterChart>
      </div>
    </ChartFrame>
  );
}
