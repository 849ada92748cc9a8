/**
 * Pure aggregation of per-(configuration, dataset) `orderBias` results into the order-bias view:
 * the cell DTO, per-configuration summaries and ranking, the configuration × benchmark heatmap,
 * pooled position preference and the most-flipped question lists. No database here.
 */
import { meanOfRewards, sortQuestionIds } from "../scoring/pairwise";
import { compareOptionKeys, orderSensitivity, type OrderBiasResult } from "../scoring/order-bias";
import type {
  OrderBiasCell,
  OrderBiasConfigRow,
  OrderBiasData,
  OrderBiasFlippedOverall,
  OrderBiasFlippedQuestion,
  OrderBiasHeatCell,
  PositionView,
} from "./order-bias-types";

/** Rows in each most-flipped list. */
export const FLIPPED_LIMIT = 50;
/** Chosen texts in the flipped lists are cut to this many characters. */
export const TEXT_LIMIT = 140;

export const LONGHEALTH_NOTE =
  "LongHealth's shuffled variants also reshuffle the clinical documents (doc_shuffle_seed), so its “order” effect mixes answer-option order and document order.";

/** The caveat shown with a benchmark's order effect, or null. */
export function benchmarkNote(slug: string, docShuffle: boolean): string | null {
  if (slug === "longhealth") return LONGHEALTH_NOTE;
  return docShuffle ? "Its shuffled variants also reshuffle documents (doc_shuffle_seed): the “order” effect mixes option order and document order." : null;
}

/** The cell DTO of one `orderBias` result. */
export function toCell(config: string, benchmark: string, foldedKey: string, runs: OrderBiasCell["runs"], r: OrderBiasResult): OrderBiasCell {
  const shuffles = r.shuffles.map((s) => ({
    orderSeed: s.orderSeed,
    nPaired: s.nPaired,
    delta: s.delta,
    ci: s.ci,
    normalCi: s.normalCi,
    p: s.p,
    method: s.method,
    flip: { ...s.flip },
  }));
  const deltas = shuffles.map((s) => s.delta).filter((d): d is number => d !== null);
  const hasOriginal = r.orders.some((o) => o.orderSeed === null);
  const missing =
    deltas.length > 0
      ? null
      : !hasOriginal
        ? "no original-order run"
        : shuffles.length === 0
          ? "no shuffled run"
          : "no question scored in both orders";
  return {
    config,
    benchmark,
    foldedKey,
    runs,
    orders: r.orders.map((o) => ({ orderSeed: o.orderSeed, n: o.n, accuracy: o.accuracy, ci: o.ci, nAnswered: o.nAnswered })),
    shuffles,
    meanDelta: meanOfRewards(deltas),
    sensitivity: r.sensitivity,
    anyFlip: { ...r.anyFlip },
    consistency: { ...r.consistency },
    positions: r.positions.map((p) => ({ ...p })),
    positionsSkipped: { ...r.positionsSkipped },
    missing,
  };
}

/** Mean over cells of the per-cell mean flip rate over its shuffles (cells without any rate skipped). */
function meanFlipRate(cells: OrderBiasCell[]): number | null {
  return meanOfRewards(cells.map((c) => meanOfRewards(c.shuffles.map((s) => s.flip.rate))));
}

/**
 * Per-configuration summary. Every dataset counts once: sensitivity = mean |delta| over all
 * (dataset, shuffle) pairs (`orderSensitivity`), rates = mean over datasets of each dataset's rate.
 */
export function summarizeConfig(
  config: { config: string; displayName: string; group: OrderBiasConfigRow["group"]; boardRank: number | null },
  cells: OrderBiasCell[],
): OrderBiasConfigRow {
  const shuffles = cells.flatMap((c) => c.shuffles);
  const withDelta = shuffles.filter((s) => s.delta !== null);
  return {
    ...config,
    sensitivityRank: null,
    sensitivity: orderSensitivity(withDelta),
    meanDelta: meanOfRewards(withDelta.map((s) => s.delta)),
    flipRate: meanFlipRate(cells),
    anyFlipRate: meanOfRewards(cells.map((c) => c.anyFlip.rate)),
    consistency: meanOfRewards(cells.map((c) => c.consistency.rate)),
    nDatasets: cells.filter((c) => c.meanDelta !== null).length,
    nCells: cells.length,
  };
}

/** Sets `sensitivityRank` (most sensitive = 1; equal values share a rank; ties listed by board order). Returns the rows ranked. */
export function rankBySensitivity(rows: OrderBiasConfigRow[]): OrderBiasConfigRow[] {
  const boardOrder = new Map(rows.map((r, i) => [r.config, i]));
  const ranked = rows
    .filter((r) => r.sensitivity !== null)
    .sort((a, b) => b.sensitivity! - a.sensitivity! || boardOrder.get(a.config)! - boardOrder.get(b.config)!);
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    r.sensitivityRank = prev && prev.sensitivity === r.sensitivity ? prev.sensitivityRank : i + 1;
  });
  return ranked;
}

/** Configuration × benchmark: mean over the benchmark's datasets of each cell's mean delta. */
export function heatCell(config: string, benchmark: string, cells: OrderBiasCell[]): OrderBiasHeatCell {
  const parts = cells.flatMap((c) =>
    c.shuffles.map((s) => ({ foldedKey: c.foldedKey, orderSeed: s.orderSeed, delta: s.delta, normalCi: s.normalCi, nPaired: s.nPaired })),
  );
  const value = meanOfRewards(cells.map((c) => c.meanDelta));
  const excludesZero = parts.some((p) => p.normalCi !== null && (p.normalCi.lo > 0 || p.normalCi.hi < 0));
  const why = value !== null ? null : cells.length === 0 ? "not run" : [...new Set(cells.map((c) => c.missing ?? "no delta"))].join("; ");
  return { config, benchmark, value, parts, excludesZero, why };
}

/**
 * Position preference pooled over cells: per position P, n = items showing P over all datasets,
 * rate chosen = Σ chosen weight / n, rate correct = Σ gold at P / n (the cells' rates × their n).
 */
export function poolPositions(cells: OrderBiasCell[]): PositionView[] {
  const acc = new Map<string, { n: number; chosen: number; correct: number }>();
  for (const c of cells) {
    for (const p of c.positions) {
      const a = acc.get(p.position) ?? { n: 0, chosen: 0, correct: 0 };
      a.n += p.n;
      a.chosen += (p.rateChosen ?? 0) * p.n;
      a.correct += (p.rateCorrect ?? 0) * p.n;
      acc.set(p.position, a);
    }
  }
  return [...acc.keys()].sort(compareOptionKeys).map((position) => {
    const a = acc.get(position)!;
    const rateChosen = a.n > 0 ? a.chosen / a.n : null;
    const rateCorrect = a.n > 0 ? a.correct / a.n : null;
    return { position, n: a.n, rateChosen, rateCorrect, preference: rateChosen === null || rateCorrect === null ? null : rateChosen - rateCorrect };
  });
}

/** `/benchmarks/<slug>/questions/<id>?set=<folded key>[&config=<config>][&data=<data>]`. */
export function flippedHref(benchmark: string, exampleId: string, foldedKey: string, config: string | null, data: OrderBiasData): string {
  let href = `/benchmarks/${encodeURIComponent(benchmark)}/questions/${encodeURIComponent(exampleId)}?set=${encodeURIComponent(foldedKey)}`;
  if (config !== null) href += `&config=${encodeURIComponent(config)}`;
  if (data !== "auto") href += `&data=${encodeURIComponent(data)}`;
  return href;
}

function cut(text: string | null): string | null {
  if (text === null) return null;
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > TEXT_LIMIT ? `${t.slice(0, TEXT_LIMIT - 1)}…` : t;
}

/** A configuration's questions of one dataset, as `orderBias` returns them. */
export interface GroupQuestions {
  config: string;
  questions: OrderBiasResult["questions"];
}

/**
 * Accumulates the most-flipped lists group by group (a group = one dataset, every configuration),
 * so only one group's questions are held at a time. Per configuration: questions by distinct
 * texts, then by how many configurations flipped them, then dataset order and id. Overall: questions
 * by configurations flipped, then by configurations choosing a different text in every order, then
 * by the share flipped, then dataset order and id.
 */
export class FlippedLists {
  private byConfig = new Map<string, (OrderBiasFlippedQuestion & { g: number; idRank: number })[]>();
  private overall: (OrderBiasFlippedOverall & { g: number; idRank: number })[] = [];
  private groupIndex = 0;

  constructor(
    private readonly data: OrderBiasData,
    /** Board order of the configurations (smaller first), for the overall list's example configuration. */
    private readonly order: Map<string, number>,
    private readonly limit = FLIPPED_LIMIT,
  ) {}

  addGroup(benchmark: string, foldedKey: string, perConfig: GroupQuestions[]): void {
    const g = this.groupIndex++;
    const stats = new Map<string, { flippedBy: number; answeredBy: number; allDifferent: number; maxDistinct: number; top: string | null }>();
    for (const { config, questions } of perConfig) {
      for (const q of questions) {
        const answered = q.texts.filter((t) => t.text !== null).length;
        if (answered < 2) continue;
        const s = stats.get(q.exampleId) ?? { flippedBy: 0, answeredBy: 0, allDifferent: 0, maxDistinct: 0, top: null };
        s.answeredBy++;
        if (q.distinctTexts >= 2) {
          s.flippedBy++;
          if (q.texts.length >= 3 && q.distinctTexts === q.texts.length) s.allDifferent++;
          const better = s.top === null || q.distinctTexts > s.maxDistinct || (q.distinctTexts === s.maxDistinct && this.rankOf(config) < this.rankOf(s.top));
          if (better) {
            s.top = config;
            s.maxDistinct = q.distinctTexts;
          }
        }
        stats.set(q.exampleId, s);
      }
    }
    const idRank = new Map(sortQuestionIds([...stats.keys()]).map((id, i) => [id, i]));

    for (const { config, questions } of perConfig) {
      const list = this.byConfig.get(config) ?? [];
      for (const q of questions) {
        if (q.distinctTexts < 2) continue;
        const s = stats.get(q.exampleId)!;
        list.push({
          config,
          benchmark,
          foldedKey,
          exampleId: q.exampleId,
          distinctTexts: q.distinctTexts,
          texts: q.texts.map((t) => ({ orderSeed: t.orderSeed, text: cut(t.text) })),
          flippedBy: s.flippedBy,
          answeredBy: s.answeredBy,
          href: flippedHref(benchmark, q.exampleId, foldedKey, config, this.data),
          g,
          idRank: idRank.get(q.exampleId)!,
        });
      }
      list.sort((a, b) => b.distinctTexts - a.distinctTexts || b.flippedBy - a.flippedBy || a.g - b.g || a.idRank - b.idRank);
      this.byConfig.set(config, list.slice(0, this.limit));
    }

    for (const [id, s] of stats) {
      if (s.flippedBy === 0) continue;
      this.overall.push({
        benchmark,
        foldedKey,
        exampleId: id,
        flippedBy: s.flippedBy,
        answeredBy: s.answeredBy,
        allDifferent: s.allDifferent,
        maxDistinct: s.maxDistinct,
        topConfig: s.top!,
        href: flippedHref(benchmark, id, foldedKey, s.top!, this.data),
        hrefAll: flippedHref(benchmark, id, foldedKey, null, this.data),
        g,
        idRank: idRank.get(id)!,
      });
    }
    this.overall.sort(
      (a, b) =>
        b.flippedBy - a.flippedBy ||
        b.allDifferent - a.allDifferent ||
        b.flippedBy / b.answeredBy - a.flippedBy / a.answeredBy ||
        a.g - b.g ||
        a.idRank - b.idRank,
    );
    this.overall = this.overall.slice(0, this.limit);
  }

  private rankOf(config: string): number {
    return this.order.get(config) ?? Number.MAX_SAFE_INTEGER;
  }

  result(configs: string[]): { overall: OrderBiasFlippedOverall[]; byConfig: Record<string, OrderBiasFlippedQuestion[]> } {
    const byConfig: Record<string, OrderBiasFlippedQuestion[]> = {};
    for (const c of configs) byConfig[c] = (this.byConfig.get(c) ?? []).map(({ g: _g, idRank: _i, ...q }) => q);
    return { overall: this.overall.map(({ g: _g, idRank: _i, ...q }) => q), byConfig };
  }
}
