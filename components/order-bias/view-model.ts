/**
 * Shapes the order-bias DTOs into what the page's leaves draw: heatmap matrix with hover texts,
 * ranking points, position-preference sets, dataset labels. Pure; every number through lib/format.
 */
import { formatDelta, formatInt, formatNumber } from "@/lib/format";
import type { OrderBiasDetail, OrderBiasView } from "@/lib/queries/order-bias-types";

import { divergingLimit } from "./diverging";
import type { HeatmapCellData, HeatmapColumn, HeatmapRow } from "./order-bias-heatmap-chart";
import type { PositionSet } from "./position-preference-chart";
import type { SensitivityPoint } from "./sensitivity-chart";

/** Configurations shown in the ranking chart (the table lists them all). */
export const RANKING_CHART_LIMIT = 30;

export function orderLabel(seed: number | null): string {
  return seed === null ? "original" : `shuffle ${seed}`;
}

/** "MedQA" or "MedXpertQA · reasoning". */
export function datasetLabel(view: Pick<OrderBiasView, "benchmarks" | "datasets">, benchmark: string, foldedKey: string): string {
  const name = view.benchmarks.find((b) => b.slug === benchmark)?.name ?? benchmark;
  const subtask = view.datasets.find((d) => d.benchmark === benchmark && d.foldedKey === foldedKey)?.subtask ?? "";
  return subtask ? `${name} · ${subtask}` : name;
}

/** "−1.2 (−3.0 to 0.6)" in percentage points, for hover texts. */
export function deltaWithInterval(delta: number | null, ci: { lo: number; hi: number } | null): string {
  const d = formatDelta(delta);
  if (!ci) return d;
  return `${d} (95% CI ${formatNumber(ci.lo * 100, 1)} to ${formatNumber(ci.hi * 100, 1)})`;
}

export function heatmapModel(view: OrderBiasView): { rows: HeatmapRow[]; columns: HeatmapColumn[]; cells: HeatmapCellData[][]; limit: number } {
  const rows = view.configs.map((c) => ({ config: c.config, displayName: c.displayName }));
  const columns = view.benchmarks.map((b) => ({ slug: b.slug, name: b.name, note: b.note }));
  const byKey = new Map(view.heatmap.map((h) => [`${h.config}\u0000${h.benchmark}`, h]));
  const cells = rows.map((r) =>
    columns.map((c): HeatmapCellData => {
      const h = byKey.get(`${r.config}\u0000${c.slug}`);
      if (!h || h.value === null) return { value: null, title: `${r.displayName} · ${c.name}: ${h?.why ?? "not run"}`, mark: false };
      const subtask = (key: string) => view.datasets.find((d) => d.benchmark === c.slug && d.foldedKey === key)?.subtask;
      const parts = h.parts.map((p) => {
        const sub = subtask(p.foldedKey);
        return `${sub ? `${sub}, ` : ""}${orderLabel(p.orderSeed)} − original: ${deltaWithInterval(p.delta, p.normalCi)}, n = ${formatInt(p.nPaired)}`;
      });
      return { value: h.value, title: [`${r.displayName} · ${c.name}: mean change ${formatDelta(h.value)}`, ...parts].join("\n"), mark: h.excludesZero };
    }),
  );
  return { rows, columns, cells, limit: divergingLimit(view.heatmap.map((h) => h.value)) };
}

export function sensitivityPoints(view: OrderBiasView, limit = RANKING_CHART_LIMIT): SensitivityPoint[] {
  return view.configs
    .filter((c) => c.sensitivity !== null && c.sensitivityRank !== null)
    .sort((a, b) => a.sensitivityRank! - b.sensitivityRank! || view.configs.indexOf(a) - view.configs.indexOf(b))
    .slice(0, limit)
    .map((c) => ({
      config: c.config,
      displayName: c.displayName,
      group: c.group,
      rank: c.sensitivityRank!,
      sensitivity: c.sensitivity!,
      meanDelta: c.meanDelta,
      flipRate: c.flipRate,
      nDatasets: c.nDatasets,
    }));
}

/** The pooled preference first, then one set per dataset with any position. */
export function positionSets(view: Pick<OrderBiasView, "benchmarks" | "datasets">, detail: OrderBiasDetail): PositionSet[] {
  return [
    { key: "all", label: "all datasets pooled", positions: detail.positions },
    ...detail.cells
      .filter((c) => c.positions.length > 0)
      .map((c) => ({ key: `${c.benchmark}\u0000${c.foldedKey}`, label: datasetLabel(view, c.benchmark, c.foldedKey), positions: c.positions })),
  ];
}

/** Shuffle seeds over the view's datasets, ascending: the detail table's order columns. */
export function shuffleSeeds(view: Pick<OrderBiasView, "datasets">): number[] {
  return [...new Set(view.datasets.flatMap((d) => d.orderSeeds))].sort((a, b) => a - b);
}
