/**
 * Medical fine-tunes against their generalist bases (spec §7): each medical fine-tune on a board
 * beside its base model's configuration, per-benchmark score deltas with a paired 95% interval
 * and p-value (Holm-adjusted across the pair's benchmarks), and the aggregate.
 *
 * Pairing (from the catalog, as synced into `models` / `configs`): a configuration of a model of
 * group `medical` with a `base_model_id`, ranked on the board, is paired with ONE configuration
 * of the base model ranked on the same board, picked in this order:
 *   1. the base configuration with the same reasoning effort, when the fine-tune has one;
 *   2. else the base configuration without a reasoning effort (the model's default config);
 *   3. else the base configuration at `medium` effort (the providers' default);
 *   4. else the base configuration with the lowest effort, then slug.
 * Fine-tunes on the board without a ranked base configuration are listed as unpaired, with why.
 *
 * Per benchmark (both configurations scored on it):
 *   - delta = fine-tune score − base score, the board's benchmark scores (mean over the
 *     benchmark's scored datasets of the average reward);
 *   - the paired comparison `pairedCompare` (lib/scoring/paired.ts) on the question means of the
 *     snapshot's runs (answer orders and rollouts folded; the board's demo/real provenance rule;
 *     only the board's scored datasets), questions of all the benchmark's datasets pooled, only
 *     questions both answered: its mean difference `diff`, the paired bootstrap 95% interval,
 *     and McNemar's exact p (0/1 question means) or the paired bootstrap p otherwise;
 *   - `diff` equals `delta` when both answered every question of a single-dataset benchmark;
 *     with several datasets `diff` weighs datasets by their question counts, `delta` equally.
 *   - Holm–Bonferroni over the pair's benchmarks; "better" / "worse" = Holm p < 0.05 with diff > 0 / < 0.
 * Aggregate: board win-rate delta, wr(fine-tune vs base) head to head, mean of the per-benchmark
 * deltas, counts of benchmarks significantly better / worse.
 *
 * Stored per snapshot and board with getSnapshotView (view `medical`).
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { getBoardData, type BoardData } from "../boards/compute";
import type { SnapshotInfo } from "../boards/snapshot";
import { getSnapshotView } from "../boards/view-cache";
import type { ModelGroup } from "../catalog/types";
import { DEFAULT_BOOTSTRAP, type Interval } from "../scoring/types";
import { hashString } from "../scoring/prng";
import { holm, pairedCompare, PAIRED_BOOTSTRAP_REPLICATES, type PairedMethod } from "../scoring/paired";
import { effortRank } from "./config-siblings";
import { loadHeadToHeadCell } from "./head-to-head";
import { DEFAULT_LEADERBOARD_SETTINGS, type Board } from "./leaderboard-types";

export type { Board };

/** Family-wise level of the better / worse verdicts (Holm-adjusted p below it). */
export const MEDICAL_ALPHA = 0.05;

/** How the base configuration of a pair was chosen (module comment, rules 1–4). */
export type BasePick = "same-effort" | "default-config" | "medium-effort" | "first";

export const BASE_PICK_LABELS: Record<BasePick, string> = {
  "same-effort": "same reasoning effort",
  "default-config": "the base's default configuration (no reasoning effort)",
  "medium-effort": "the base at medium reasoning effort",
  "first": "the base's lowest-effort configuration on the board",
};

export interface MedicalConfigRef {
  config: string;
  displayName: string;
  modelId: string;
  modelName: string;
  group: ModelGroup | null;
  reasoningEffort: string | null;
  rank: number;
  /** The board's weighted mean win rate and its 95% bootstrap interval. */
  winRate: number;
  winRateCi: Interval | null;
}

export type Verdict = "better" | "worse" | "not-significant" | "untested";

export interface MedicalBenchmarkDelta {
  benchmark: string;
  name: string;
  /** Scored datasets of the benchmark on the board. */
  nDatasets: number;
  fineTuneScore: number;
  fineTuneCi: Interval | null;
  baseScore: number;
  baseCi: Interval | null;
  /** fineTuneScore − baseScore. */
  delta: number;
  /** The paired test's method (McNemar for 0/1 question means, else the paired bootstrap). */
  method: PairedMethod;
  /** Questions both answered (the only ones compared), and those only one of them answered. */
  nShared: number;
  onlyFineTune: number;
  onlyBase: number;
  /** Mean over shared questions of fine-tune − base; null when none are shared. */
  diff: number | null;
  /** Paired bootstrap 95% percentile interval of diff. */
  ci: Interval | null;
  p: number | null;
  /** Holm-adjusted across the pair's benchmarks. */
  pHolm: number | null;
  /** McNemar's discordant counts: b = only the fine-tune right, c = only the base right. */
  discordant: { b: number; c: number } | null;
  verdict: Verdict;
}

export interface MedicalPair {
  fineTune: MedicalConfigRef;
  base: MedicalConfigRef;
  pick: BasePick;
  /** fineTune.winRate − base.winRate. */
  winRateDelta: number;
  /** Weighted mean wr(fine-tune vs base) over the datasets both ran; null when none. */
  headToHead: number | null;
  /** Mean of the per-benchmark deltas; null without shared benchmarks. */
  meanDelta: number | null;
  nBenchmarks: number;
  better: number;
  worse: number;
  /** Benchmarks both are scored on, in the board's benchmark order. */
  benchmarks: MedicalBenchmarkDelta[];
}

export interface MedicalUnpaired {
  config: string;
  displayName: string;
  baseModelId: string | null;
  baseModelName: string | null;
  reason: string;
}

export interface MedicalResult {
  /** Ordered by the fine-tune's rank. */
  pairs: MedicalPair[];
  unpaired: MedicalUnpaired[];
  alpha: number;
  /** Paired bootstrap replicates and seed behind the intervals. */
  replicates: number;
  seed: number;
}

export interface MedicalView extends MedicalResult {
  board: Board;
  snapshot: SnapshotInfo;
  synthetic: boolean;
  computedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Pairing (pure)

/** The base configuration for a fine-tune with `effort` among the base model's ranked configurations (rules 1–4), or null when there is none. */
export function pickBaseConfig<T extends { config: string; reasoningEffort: string | null }>(
  effort: string | null,
  candidates: readonly T[],
): { base: T; pick: BasePick } | null {
  if (!candidates.length) return null;
  const sorted = [...candidates].sort(
    (x, y) => effortRank(x.reasoningEffort) - effortRank(y.reasoningEffort) || (x.config < y.config ? -1 : x.config > y.config ? 1 : 0),
  );
  const lower = (s: string | null) => s?.toLowerCase() ?? null;
  if (effort !== null) {
    const same = sorted.find((c) => lower(c.reasoningEffort) === lower(effort));
    if (same) return { base: same, pick: "same-effort" };
  }
  const plain = sorted.find((c) => c.reasoningEffort === null);
  if (plain) return { base: plain, pick: "default-config" };
  const medium = sorted.find((c) => lower(c.reasoningEffort) === "medium");
  if (medium) return { base: medium, pick: "medium-effort" };
  return { base: sorted[0], pick: "first" };
}

// ---------------------------------------------------------------------------------------------
// Computation

interface ConfigRow {
  slug: string;
  display_name: string;
  reasoning_effort: string | null;
  model_id: string;
  model_name: string;
  group: string | null;
  base_model_id: string | null;
  base_name: string | null;
}

/**
 * Question means of some configurations over the board's scored datasets: config → question key
 * (`dataset\0example`) → mean. Also used by the compare view (lib/queries/compare.ts).
 */
export async function questionMeans(raw: RawClient, data: BoardData, board: Board, configs: string[]): Promise<Map<string, Map<string, number | null>>> {
  const keys = data.result.datasets.map((d) => d.key);
  const out = new Map<string, Map<string, number | null>>(configs.map((c) => [c, new Map()]));
  if (!keys.length) return out;
  const provenance = data.provenanceSql; // exactly the board's runs
  const rows = await raw.query<{ config: string; fkey: string; example_id: string; s: number | null; n: number }>(
    `select u.config_slug as config, d.folded_key as fkey, r.example_id, sum(r.reward)::float8 as s, count(r.reward)::int as n
     from snapshot_runs sr
     join runs u on u.id = sr.run_id
     join datasets d on d.id = u.dataset_id
     join benchmarks b on b.slug = d.benchmark_slug
     join rollouts r on r.run_id = u.id
     where sr.snapshot_id = $1 and b.subset = $2 and u.config_slug = any($3::text[]) and d.folded_key = any($4::text[]) ${provenance}
     group by u.config_slug, d.folded_key, r.example_id`,
    [data.snapshot.id, board, configs, keys],
  );
  for (const r of rows) {
    const n = Number(r.n);
    out.get(r.config)?.set(`${r.fkey}\u0000${r.example_id}`, n > 0 && r.s !== null ? Number(r.s) / n : null);
  }
  return out;
}

/** Restrict config → question means to one benchmark's datasets. */
function forDatasets(means: Map<string, number | null>, datasets: Set<string>): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [k, v] of means) if (datasets.has(k.slice(0, k.indexOf("\u0000")))) out.set(k, v);
  return out;
}

async function computeMedical(raw: RawClient, data: BoardData, board: Board): Promise<MedicalResult> {
  const ranked = data.result.configs.filter((c) => c.rank !== null && c.weightedMean !== null);
  const rankedBy = new Map(ranked.map((c) => [c.config, c]));
  const all = await raw.query<ConfigRow>(
    `select c.slug, c.display_name, c.reasoning_effort, m.id as model_id, m.display_name as model_name, m."group", m.base_model_id,
            bm.display_name as base_name
     from configs c join models m on m.id = c.model_id left join models bm on bm.id = m.base_model_id`,
  );
  const ref = (r: ConfigRow): MedicalConfigRef => {
    const c = rankedBy.get(r.slug)!;
    return {
      config: r.slug,
      displayName: r.display_name,
      modelId: r.model_id,
      modelName: r.model_name,
      group: (r.group as ModelGroup | null) ?? null,
      reasoningEffort: r.reasoning_effort,
      rank: c.rank!,
      winRate: c.weightedMean!,
      winRateCi: c.ci,
    };
  };
  const onBoard = all.filter((r) => rankedBy.has(r.slug));
  const fineTunes = onBoard.filter((r) => r.group === "medical").sort((x, y) => rankedBy.get(x.slug)!.rank! - rankedBy.get(y.slug)!.rank! || (x.slug < y.slug ? -1 : 1));

  const benchRows = await raw.query<{ slug: string; name: string; sort_order: number }>(`select slug, name, sort_order from benchmarks`);
  const benchName = new Map(benchRows.map((b) => [b.slug, b.name]));
  const benchOrder = new Map(benchRows.map((b) => [b.slug, Number(b.sort_order)]));
  const datasetsOf = new Map<string, Set<string>>();
  for (const d of data.result.datasets) {
    if (!datasetsOf.has(d.benchmark)) datasetsOf.set(d.benchmark, new Set());
    datasetsOf.get(d.benchmark)!.add(d.key);
  }
  const scoreOf = new Map(data.result.benchmarks.map((s) => [`${s.config}\u0000${s.benchmark}`, s]));

  const pairs: MedicalPair[] = [];
  const unpaired: MedicalUnpaired[] = [];
  for (const ft of fineTunes) {
    if (!ft.base_model_id) {
      unpaired.push({ config: ft.slug, displayName: ft.display_name, baseModelId: null, baseModelName: null, reason: "The catalog names no generalist base model." });
      continue;
    }
    const candidates = onBoard.filter((r) => r.model_id === ft.base_model_id).map((r) => ({ ...r, config: r.slug, reasoningEffort: r.reasoning_effort }));
    const picked = pickBaseConfig(ft.reasoning_effort, candidates);
    if (!picked) {
      unpaired.push({
        config: ft.slug,
        displayName: ft.display_name,
        baseModelId: ft.base_model_id,
        baseModelName: ft.base_name,
        reason: `No configuration of the base model ${ft.base_name ?? ft.base_model_id} is ranked on Medmarks-${board}.`,
      });
      continue;
    }
    const base = picked.base;
    const slugs = [...datasetsOf.keys()]
      .filter((b) => scoreOf.has(`${ft.slug}\u0000${b}`) && scoreOf.has(`${base.slug}\u0000${b}`))
      .sort((x, y) => (benchOrder.get(x) ?? 1000) - (benchOrder.get(y) ?? 1000) || (x < y ? -1 : 1));
    const means = await questionMeans(raw, data, board, [ft.slug, base.slug]);
    const tests = slugs.map((slug) => {
      const keys = datasetsOf.get(slug)!;
      return pairedCompare(forDatasets(means.get(ft.slug)!, keys), forDatasets(means.get(base.slug)!, keys), {
        stream: hashString(`medical|${board}|${ft.slug}|${base.slug}|${slug}`),
      });
    });
    const adjusted = holm(tests.map((t) => t.p));
    const benchmarks: MedicalBenchmarkDelta[] = slugs.map((slug, i) => {
      const f = scoreOf.get(`${ft.slug}\u0000${slug}`)!;
      const g = scoreOf.get(`${base.slug}\u0000${slug}`)!;
      const t = tests[i];
      const pHolm = adjusted[i];
      const verdict: Verdict =
        pHolm === null || t.diff === null ? "untested" : pHolm < MEDICAL_ALPHA && t.diff > 0 ? "better" : pHolm < MEDICAL_ALPHA && t.diff < 0 ? "worse" : "not-significant";
      return {
        benchmark: slug,
        name: benchName.get(slug) ?? slug,
        nDatasets: datasetsOf.get(slug)?.size ?? 0,
        fineTuneScore: f.score,
        fineTuneCi: f.ci,
        baseScore: g.score,
        baseCi: g.ci,
        delta: f.score - g.score,
        method: t.method,
        nShared: t.nShared,
        onlyFineTune: t.onlyA,
        onlyBase: t.onlyB,
        diff: t.diff,
        ci: t.ci,
        p: t.p,
        pHolm,
        discordant: t.discordant,
        verdict,
      };
    });
    const cell = await loadHeadToHeadCell(raw, data.snapshot.id, board, ft.slug, base.slug);
    const f = ref(ft);
    const g = ref(base);
    pairs.push({
      fineTune: f,
      base: g,
      pick: picked.pick,
      winRateDelta: f.winRate - g.winRate,
      headToHead: cell?.weighted ?? null,
      meanDelta: benchmarks.length ? benchmarks.reduce((s, b) => s + b.delta, 0) / benchmarks.length : null,
      nBenchmarks: benchmarks.length,
      better: benchmarks.filter((b) => b.verdict === "better").length,
      worse: benchmarks.filter((b) => b.verdict === "worse").length,
      benchmarks,
    });
  }
  return { pairs, unpaired, alpha: MEDICAL_ALPHA, replicates: PAIRED_BOOTSTRAP_REPLICATES, seed: DEFAULT_BOOTSTRAP.seed };
}

/** Every medical fine-tune on the board beside its generalist base (stored per snapshot and board). */
export async function getMedicalVsBase(params: { board: Board }, rawArg?: RawClient): Promise<MedicalView> {
  const raw = rawArg ?? (await getDbHandle()).raw;
  const { board } = params;
  const data = await getBoardData(raw, board, DEFAULT_LEADERBOARD_SETTINGS);
  const view = await getSnapshotView<MedicalResult>(raw, "medical", board, () => computeMedical(raw, data, board));
  return { board, snapshot: view.snapshot, synthetic: data.synthetic, computedAt: view.computedAt, ...view.result };
}
