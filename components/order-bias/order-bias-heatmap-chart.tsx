"use client";

/**
 * Configuration × benchmark heatmap of the accuracy change when the answer options are shuffled
 * (mean over the benchmark's subtasks and the shuffles, percentage points), drawn as one SVG so
 * ChartFrame exports it as SVG/PNG with its title, legend and footer. Diverging colour centred at 0;
 * every value printed; "—" cells say why on hover. CSV of the same matrix; a visually hidden table
 * for screen readers.
 */
import { useId } from "react";
import { DownloadIcon } from "lucide-react";

import { ChartFrame } from "@/components/charts/chart-frame";
import { csvField, downloadText } from "@/components/leaderboard/export";
import { Button } from "@/components/ui/button";
import { formatDelta, MISSING } from "@/lib/format";

import { DIVERGING_ENDS, divergingStyle } from "./diverging";

export interface HeatmapRow {
  config: string;
  displayName: string;
}

export interface HeatmapColumn {
  slug: string;
  name: string;
  /** A caveat (LongHealth): the header gets a dagger and the note a line under the chart. */
  note: string | null;
}

export interface HeatmapCellData {
  /** Mean change (share, e.g. −0.012); null = missing. */
  value: number | null;
  /** Hover text: the parts with their intervals, or why the value is missing. */
  title: string;
  /** Some shuffle's 95% normal interval excludes 0. */
  mark: boolean;
}

export interface OrderBiasHeatmapProps {
  rows: HeatmapRow[];
  columns: HeatmapColumn[];
  /** cells[i][j]: row i, column j. */
  cells: HeatmapCellData[][];
  /** Half-width of the colour scale (share). */
  limit: number;
  title: string;
  subtitle: string;
  snapshotId: string;
  snapshotDate: string;
  synthetic: boolean;
}

const LABEL_W = 210;
const COL_W = 64;
const ROW_H = 20;
const HEADER_H = 118;
const LEGEND_H = 64;
const FONT = 11;

const signed = (v: number) => formatDelta(v).replace(" pp", "");

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function toCsv(rows: HeatmapRow[], columns: HeatmapColumn[], cells: HeatmapCellData[][]): string {
  const header = ["config", "display_name", ...columns.map((c) => `${c.slug}_delta`)];
  const lines = [header.map(csvField).join(",")];
  rows.forEach((r, i) => lines.push([r.config, r.displayName, ...cells[i].map((c) => c.value)].map(csvField).join(",")));
  return lines.join("\r\n") + "\r\n";
}

export function OrderBiasHeatmapChart({ rows, columns, cells, limit, title, subtitle, snapshotId, snapshotDate, synthetic }: OrderBiasHeatmapProps) {
  const gradientId = useId().replace(/:/g, "");
  const width = Math.max(LABEL_W + columns.length * COL_W + 12, 720);
  const gridH = rows.length * ROW_H;
  const height = HEADER_H + gridH + LEGEND_H;
  const legendW = Math.min(260, columns.length * COL_W);
  const legendX = LABEL_W;
  const legendY = HEADER_H + gridH + 16;
  const notes = columns.filter((c) => c.note);

  return (
    <ChartFrame
      title={title}
      subtitle={subtitle}
      snapshotId={snapshotId}
      snapshotDate={snapshotDate}
      synthetic={synthetic}
      legend={[
        { label: `shuffled order scores lower (to ${signed(-limit)} pp)`, color: DIVERGING_ENDS.negative },
        { label: "no change", color: DIVERGING_ENDS.neutral },
        { label: `shuffled order scores higher (to ${signed(limit)} pp)`, color: DIVERGING_ENDS.positive },
      ]}
      controls={
        <Button
          variant="outline"
          size="sm"
          onClick={() => downloadText(`medmarks-order-bias-heatmap-${snapshotId.slice(0, 12)}.csv`, toCsv(rows, columns, cells), "text/csv;charset=utf-8")}
          aria-label="Download the heatmap's values as CSV"
        >
          <DownloadIcon aria-hidden /> CSV
        </Button>
      }
    >
      <div className="overflow-x-auto" data-testid="order-bias-heatmap">
        <svg
          data-chart
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          // A group, not an image: it holds links (benchmark and configuration labels).
          role="group"
          aria-label={`${title}. The same values are in the table that follows for screen readers.`}
          className="text-foreground"
          fontSize={FONT}
        >
          <defs>
            <linearGradient id={gradientId} x1="0" x2="1" y1="0" y2="0">
              {Array.from({ length: 11 }, (_, i) => (
                <stop key={i} offset={`${i * 10}%`} stopColor={divergingStyle(((i - 5) / 5) * limit, limit).fill} />
              ))}
            </linearGradient>
          </defs>
          {columns.map((c, j) => {
            const x = LABEL_W + j * COL_W + COL_W / 2;
            return (
              <a key={c.slug} href={`/benchmarks/${encodeURIComponent(c.slug)}`}>
                <title>{c.note ? `${c.name}: ${c.note}` : c.name}</title>
                <text x={x} y={HEADER_H - 8} transform={`rotate(-45 ${x} ${HEADER_H - 8})`} fill="currentColor" className="underline-offset-2 hover:underline">
                  {truncate(c.name, 22)}
                  {c.note ? " †" : ""}
                </text>
              </a>
            );
          })}
          {rows.map((r, i) => {
            const y = HEADER_H + i * ROW_H;
            return (
              <g key={r.config}>
                <a href={`/models/${encodeURIComponent(r.config)}`}>
                  <title>{r.displayName}</title>
                  <text x={LABEL_W - 8} y={y + ROW_H / 2} dominantBaseline="central" textAnchor="end" fill="currentColor" className="hover:underline">
                    {truncate(r.displayName, 32)}
                  </text>
                </a>
                {cells[i].map((c, j) => {
                  const x = LABEL_W + j * COL_W;
                  if (c.value === null) {
                    return (
                      <g key={j}>
                        <title>{c.title}</title>
                        <rect x={x + 1} y={y + 1} width={COL_W - 2} height={ROW_H - 2} fill="transparent" stroke="currentColor" strokeOpacity={0.15} />
                        <text x={x + COL_W / 2} y={y + ROW_H / 2} dominantBaseline="central" textAnchor="middle" fill="currentColor" fillOpacity={0.6}>
                          {MISSING}
                        </text>
                      </g>
                    );
                  }
                  const s = divergingStyle(c.value, limit);
                  return (
                    <g key={j}>
                      <title>{c.title}</title>
                      <rect x={x + 1} y={y + 1} width={COL_W - 2} height={ROW_H - 2} fill={s.fill} />
                      <text x={x + COL_W / 2} y={y + ROW_H / 2} dominantBaseline="central" textAnchor="middle" fill={s.text} style={{ fontVariantNumeric: "tabular-nums" }}>
                        {signed(c.value)}
                        {c.mark ? "*" : ""}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
          <g>
            <rect x={legendX} y={legendY} width={legendW} height={10} fill={`url(#${gradientId})`} />
            {[-limit, 0, limit].map((v, k) => (
              <text key={k} x={legendX + (k * legendW) / 2} y={legendY + 24} textAnchor={k === 0 ? "start" : k === 2 ? "end" : "middle"} fill="currentColor">
                {signed(v)} pp
              </text>
            ))}
            <text x={legendX} y={legendY + 42} fill="currentColor" fillOpacity={0.75}>
              * some shuffle&apos;s 95% interval (normal approx.) excludes 0 · — no value (hover for why)
            </text>
          </g>
        </svg>
      </div>
      {notes.length ? (
        <ul className="mt-1 text-xs text-muted-foreground">
          {notes.map((c) => (
            <li key={c.slug}>
              † {c.note}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="sr-only">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Configuration</th>
            {columns.map((c) => (
              <th key={c.slug} scope="col">
                {c.name} (percentage points)
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.config}>
              <th scope="row">{r.displayName}</th>
              {cells[i].map((c, j) => (
                <td key={j}>{c.value === null ? `${MISSING} (${c.title})` : formatDelta(c.value)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </ChartFrame>
  );
}
