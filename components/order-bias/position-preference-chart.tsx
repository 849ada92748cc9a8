"use client";

/**
 * One configuration's position preference: per displayed option letter, the rate it is chosen
 * minus the rate it is correct (percentage points), pooled over every dataset or for one dataset
 * (a select; local state). Bars diverge from 0. Inside a ChartFrame; a visually hidden table
 * carries the numbers.
 */
import { useId, useState } from "react";
import { Bar, BarChart, CartesianGrid, Rectangle, ReferenceLine, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from "recharts";

import { ChartFrame } from "@/components/charts/chart-frame";
import { formatDelta, formatInt, formatPercent } from "@/lib/format";
import type { PositionView } from "@/lib/queries/order-bias-types";

import { DIVERGING_ENDS } from "./diverging";

export interface PositionSet {
  key: string;
  label: string;
  positions: PositionView[];
}

interface Point extends PositionView {
  value: number;
}

function PrefBar(props: BarShapeProps) {
  const v = (props.payload as Point | undefined)?.value ?? 0;
  return <Rectangle {...props} fill={v >= 0 ? DIVERGING_ENDS.positive : DIVERGING_ENDS.negative} />;
}

function HoverCard({ active, payload }: TooltipContentProps) {
  const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
  if (!p) return null;
  return (
    <div className="rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <p className="mb-1 font-medium">Option {p.position}</p>
      <dl className="grid grid-cols-[auto_auto] gap-x-3 tabular-nums">
        <dt className="text-muted-foreground">Chosen</dt>
        <dd className="text-right">{formatPercent(p.rateChosen)}</dd>
        <dt className="text-muted-foreground">Correct</dt>
        <dd className="text-right">{formatPercent(p.rateCorrect)}</dd>
        <dt className="text-muted-foreground">Preference</dt>
        <dd className="text-right font-medium">{formatDelta(p.preference)}</dd>
        <dt className="text-muted-foreground">Items showing it</dt>
        <dd className="text-right">{formatInt(p.n)}</dd>
      </dl>
    </div>
  );
}

export function PositionPreferenceChart({
  sets,
  configName,
  snapshotId,
  snapshotDate,
  synthetic,
}: {
  sets: PositionSet[];
  configName: string;
  snapshotId: string;
  snapshotDate: string;
  synthetic: boolean;
}) {
  const [key, setKey] = useState(sets[0]?.key ?? "");
  const selectId = useId();
  const set = sets.find((s) => s.key === key) ?? sets[0];
  if (!set) return null;
  const points: Point[] = set.positions.filter((p) => p.preference !== null).map((p) => ({ ...p, value: p.preference! }));
  const m = Math.max(0.02, ...points.map((p) => Math.abs(p.value)));
  const step = m <= 0.05 ? 0.01 : m <= 0.1 ? 0.02 : m <= 0.25 ? 0.05 : 0.1;
  const half = Math.ceil(m / step - 1e-9) * step;
  const n = Math.round(half / step);
  const ticks = Array.from({ length: 2 * n + 1 }, (_, i) => Math.round((i - n) * step * 1e6) / 1e6);
  const title = `Position preference of ${configName}: ${set.label}`;

  return (
    <ChartFrame
      title={title}
      subtitle="Rate an option letter is chosen minus the rate it is correct, percentage points"
      legend={[
        { label: "chosen more often than it is correct", color: DIVERGING_ENDS.positive },
        { label: "chosen less often than it is correct", color: DIVERGING_ENDS.negative },
      ]}
      snapshotId={snapshotId}
      snapshotDate={snapshotDate}
      synthetic={synthetic}
      controls={
        sets.length > 1 ? (
          <span className="flex items-center gap-1 text-xs">
            <label htmlFor={selectId} className="text-muted-foreground">
              Dataset
            </label>
            <select
              id={selectId}
              value={set.key}
              onChange={(e) => setKey(e.target.value)}
              className="h-8 rounded-md border bg-background px-2 text-xs focus-visible:outline-2 focus-visible:outline-ring"
            >
              {sets.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
            </select>
          </span>
        ) : null
      }
    >
      {points.length === 0 ? (
        <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground">
          No position preference: no item of this selection has displayed options, a gold letter and a chosen letter.
        </p>
      ) : (
        <div aria-hidden="true" className="text-muted-foreground" data-testid="position-chart">
          <BarChart data={points} responsive style={{ width: "100%", height: 240 }} margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
            <XAxis
              dataKey="position"
              tick={{ fontSize: 11, fill: "currentColor" }}
              label={{ value: "Displayed option letter", position: "insideBottom", offset: -12, fontSize: 11, fill: "currentColor" }}
            />
            <YAxis
              type="number"
              domain={[-half, half]}
              ticks={ticks}
              width={56}
              tickFormatter={(v: number) => formatDelta(v, 0).replace(" pp", "")}
              tick={{ fontSize: 11, fill: "currentColor" }}
              label={{ value: "pp", angle: -90, position: "insideLeft", fontSize: 11, fill: "currentColor" }}
            />
            <ReferenceLine y={0} stroke="currentColor" strokeOpacity={0.6} />
            <Tooltip content={HoverCard} isAnimationActive={false} cursor={{ fillOpacity: 0.08 }} />
            <Bar dataKey="value" name="Preference" shape={PrefBar} isAnimationActive={false} maxBarSize={40} />
          </BarChart>
        </div>
      )}
      <div className="sr-only">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Option</th>
            <th scope="col">Chosen</th>
            <th scope="col">Correct</th>
            <th scope="col">Preference</th>
            <th scope="col">Items</th>
          </tr>
        </thead>
        <tbody>
          {set.positions.map((p) => (
            <tr key={p.position}>
              <th scope="row">{p.position}</th>
              <td>{formatPercent(p.rateChosen)}</td>
              <td>{formatPercent(p.rateCorrect)}</td>
              <td>{formatDelta(p.preference)}</td>
              <td>{formatInt(p.n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </ChartFrame>
  );
}
