/**
 * Token efficiency (spec §5): output tokens per question (reasoning included) per dataset and
 * over a board with the win rate's dataset weights, the Pareto frontier of tokens (lower is
 * better, log axis) against score (higher is better), and reasoning-effort ladders.
 * Definitions and decisions: lib/scoring/METHODS.md, "Token efficiency".
 */
import { meanOfRewards } from "./pairwise";
import { weightedMean } from "./stats";

export interface PerQuestionMean {
  /** Mean over questions of the question's mean value over its rollouts; null when no question has a value. */
  mean: number | null;
  /** Questions with at least one value. */
  nQuestions: number;
  /** Questions seen without any value (left out, not counted as 0). */
  nWithout: number;
}

/**
 * Mean over questions of a per-rollout quantity (tokens, latency): each question's rollouts are
 * averaged first, so a question with more rollouts does not weigh more. null, undefined and
 * non-finite values are missing: a question with none is left out (and counted in `nWithout`).
 * Sums are exact (double-double): the result does not depend on row order.
 */
export function meanPerQuestion(rows: Iterable<{ exampleId: string; value: number | null | undefined }>): PerQuestionMean {
  const byQ = new Map<string, number[]>();
  for (const r of rows) {
    let list = byQ.get(r.exampleId);
    if (!list) {
      list = [];
      byQ.set(r.exampleId, list);
    }
    if (r.value !== null && r.value !== undefined && Number.isFinite(r.value)) list.push(r.value);
  }
  const qMeans: number[] = [];
  let nWithout = 0;
  for (const list of byQ.values()) {
    const m = meanOfRewards(list);
    if (m === null) nWithout++;
    else qMeans.push(m);
  }
  return { mean: meanOfRewards(qMeans), nQuestions: qMeans.length, nWithout };
}

/**
 * Mean output tokens per question of one configuration on one dataset (spec §5's x): per question
 * the mean of `outputTokens` (reasoning included) over its rollouts, then the mean over the
 * questions that have usage. Questions without usage are left out; null when none has usage
 * (the config is then "no usage data", never plotted at 0).
 */
export function meanTokensPerQuestion(rows: Iterable<{ exampleId: string; outputTokens: number | null | undefined }>): PerQuestionMean {
  const mapped = function* () {
    for (const r of rows) yield { exampleId: r.exampleId, value: r.outputTokens };
  };
  return meanPerQuestion(mapped());
}

/** Dataset weights as the board computed them: a map or record key → weight, or the board's `datasets` (`{ key, weight }`). */
export type DatasetWeights =
  | ReadonlyMap<string, number>
  | Readonly<Record<string, number>>
  | ReadonlyArray<{ key: string; weight: number }>;

export interface BoardTokens {
  /** Weighted mean tokens per question over the board datasets with usage; null when none has usage. */
  tokens: number | null;
  /** Board datasets with usage for this config. */
  nDatasets: number;
  /** Datasets on the board (the keys of `weights`). */
  nBoard: number;
  /** nDatasets / nBoard; null for an empty board. */
  coverage: number | null;
  /** Σ weight (with usage) / Σ weight (board); null when the board's weights sum to 0. */
  weightCoverage: number | null;
  /** Board datasets without usage, sorted. */
  missing: string[];
  /** Datasets given with tokens that are not on the board (ignored), sorted. */
  notOnBoard: string[];
}

function weightMap(weights: DatasetWeights): Map<string, number> {
  if (Array.isArray(weights)) return new Map((weights as ReadonlyArray<{ key: string; weight: number }>).map((d) => [d.key, d.weight]));
  if (weights instanceof Map) return new Map(weights);
  return new Map(Object.entries(weights as Readonly<Record<string, number>>));
}

const byUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A configuration's tokens per question over a board (spec §5's x): the weighted mean of its
 * per-dataset `meanTokensPerQuestion` with the SAME dataset weights as the board's win rate
 * (ln n_questions by default; pass the board's weights), over the board's datasets where the
 * config has usage. If those datasets all weigh 0, the simple mean (the win rate's rule).
 * Summed in dataset-key order. Coverage says how much of the board the figure stands on.
 */
export function boardTokens(datasets: ReadonlyArray<{ key: string; tokens: number | null }>, weights: DatasetWeights): BoardTokens {
  const w = weightMap(weights);
  const tokens = new Map<string, number>();
  const notOnBoard: string[] = [];
  for (const d of datasets) {
    if (!w.has(d.key)) {
      notOnBoard.push(d.key);
      continue;
    }
    if (d.tokens !== null && Number.isFinite(d.tokens)) tokens.set(d.key, d.tokens);
  }
  const keys = [...w.keys()].sort(byUnits);
  const values: number[] = [];
  const ws: number[] = [];
  const missing: string[] = [];
  let wAll = 0;
  for (const k of keys) {
    const wk = w.get(k)!;
    wAll += wk;
    const t = tokens.get(k);
    if (t === undefined) missing.push(k);
    else {
      values.push(t);
      ws.push(wk);
    }
  }
  const wUsed = ws.reduce((a, b) => a + b, 0);
  return {
    tokens: weightedMean(values, ws),
    nDatasets: values.length,
    nBoard: keys.length,
    coverage: keys.length > 0 ? values.length / keys.length : null,
    weightCoverage: wAll > 0 ? wUsed / wAll : null,
    missing,
    notOnBoard: [...new Set(notOnBoard)].sort(byUnits),
  };
}

export interface ParetoPoint {
  id: string;
  /** Cost: mean tokens per question (lower is better; log axis, so it must be > 0). */
  x: number | null;
  /** Quality: win rate or score (higher is better). */
  y: number | null;
}

export interface ParetoResult {
  /** Ids of the non-dominated points, by x ascending (then y descending, then id). */
  frontier: string[];
  /** Points that cannot be plotted, in input order, with why: x null/NaN, x ≤ 0 or infinite (log axis), y null/NaN. */
  excluded: { id: string; reason: "missing-x" | "non-positive-x" | "missing-y" }[];
}

/**
 * Pareto frontier for "lower x is better, higher y is better": a point is on it when no other
 * point is at least as good on both axes and strictly better on one. Identical points are both on
 * it (neither dominates the other); a point with the same x as a frontier point but lower y, or
 * the same y but higher x, is not. Points that cannot be placed on a log-x chart are excluded and
 * listed separately, never treated as 0.
 */
export function paretoFrontier(points: ReadonlyArray<ParetoPoint>): ParetoResult {
  const excluded: ParetoResult["excluded"] = [];
  const ok: { id: string; x: number; y: number }[] = [];
  for (const p of points) {
    if (p.x === null || p.x !== p.x) excluded.push({ id: p.id, reason: "missing-x" });
    else if (!(p.x > 0) || p.x === Infinity) excluded.push({ id: p.id, reason: "non-positive-x" });
    else if (p.y === null || p.y !== p.y) excluded.push({ id: p.id, reason: "missing-y" });
    else ok.push({ id: p.id, x: p.x, y: p.y });
  }
  ok.sort((a, b) => a.x - b.x || b.y - a.y || byUnits(a.id, b.id));
  const frontier: string[] = [];
  let bestY = -Infinity;
  let bestX = NaN;
  for (const p of ok) {
    if (p.y > bestY) {
      bestY = p.y;
      bestX = p.x;
      frontier.push(p.id);
    } else if (p.y === bestY && p.x === bestX) {
      frontier.push(p.id);
    }
  }
  return { frontier, excluded };
}

/** Known reasoning efforts, lowest first. `none` (GPT-5.1's "no reasoning") sits below `minimal`. */
export const EFFORT_ORDER = ["none", "minimal", "low", "medium", "high", "xhigh"] as const;

/**
 * Rank of a reasoning effort for ordering: its index in `EFFORT_ORDER` (case, spaces, `-` and `_`
 * ignored: `X-High` = `xhigh`); any other string ranks after every known effort; null (no effort
 * set, the provider's default) ranks last.
 */
export function effortRank(effort: string | null): number {
  if (effort === null) return EFFORT_ORDER.length + 1;
  const i = (EFFORT_ORDER as readonly string[]).indexOf(effort.toLowerCase().replace(/[\s_-]+/g, ""));
  return i >= 0 ? i : EFFORT_ORDER.length;
}

export interface EffortLadder<T> {
  modelId: string;
  /** The model's configurations by effort (known efforts low → high, then unknown ones by name, then no effort; ties by id). */
  steps: T[];
}

/**
 * Configurations of the same model grouped into "effort ladders" (the lines joining gpt-oss-20b
 * low → medium → high on the efficiency chart). Only models with at least `minSize` (default 2)
 * configurations; ladders sorted by model id.
 */
export function effortLadders<T extends { id: string; modelId: string; effort: string | null }>(
  points: ReadonlyArray<T>,
  opts: { minSize?: number } = {},
): EffortLadder<T>[] {
  const groups = new Map<string, T[]>();
  for (const p of points) {
    const g = groups.get(p.modelId);
    if (g) g.push(p);
    else groups.set(p.modelId, [p]);
  }
  const min = opts.minSize ?? 2;
  const out: EffortLadder<T>[] = [];
  for (const modelId of [...groups.keys()].sort(byUnits)) {
    const steps = groups.get(modelId)!;
    if (steps.length < min) continue;
    steps.sort(
      (a, b) =>
        effortRank(a.effort) - effortRank(b.effort) ||
        byUnits((a.effort ?? "").toLowerCase(), (b.effort ?? "").toLowerCase()) ||
        byUnits(a.id, b.id),
    );
    out.push({ modelId, steps });
  }
  return out;
}
