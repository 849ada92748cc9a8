/**
 * Pure assembly of the efficiency view from a stored board result and per-(config, dataset) usage
 * means: x per config over the datasets (board weights), y from the board or one benchmark, the
 * Pareto frontier and the effort ladders (lib/scoring/efficiency). No database here.
 */
import type { ModelGroup } from "../catalog/types";
import { boardTokens, effortLadders, paretoFrontier } from "../scoring/efficiency";
import type { BenchmarkScore, ConfigResult, DatasetResult } from "../scoring/types";
import type { EfficiencyBoard, EfficiencyConfig, EfficiencyPoint, EfficiencyResult, EfficiencyUnplotted, EfficiencyX, UnplottedReason } from "./efficiency-types";

/**
 * One configuration on one dataset: the mean over the dataset's questions of each question's mean
 * over its rollouts (null = no question has the quantity). Questions pool answer orders and
 * repeats when the board folds them.
 */
export interface DatasetUsage {
  config: string;
  key: string;
  /** Output tokens (reasoning included) per question. */
  output: number | null;
  /** Input + output tokens per question (rollouts with both counts only). */
  total: number | null;
  /** Latency per question, seconds. */
  latency: number | null;
  /** Questions of the config in the dataset, and those with each quantity. */
  nQuestions: number;
  nOutput: number;
  nTotal: number;
  nLatency: number;
}

export interface ConfigInfo {
  displayName: string;
  modelId: string;
  modelName: string;
  group: ModelGroup | null;
  effort: string | null;
}

export interface BuildInput {
  board: EfficiencyBoard;
  x: EfficiencyX;
  /** The stored board (default settings). */
  result: { configs: ConfigResult[]; datasets: DatasetResult[]; benchmarks: BenchmarkScore[]; bootstrap: { replicates: number } | null };
  synthetic: boolean;
  usage: readonly DatasetUsage[];
  configInfo: ReadonlyMap<string, ConfigInfo>;
  /** The benchmark for y, or null for the board's win rate. */
  benchmark: { slug: string; name: string } | null;
  /** Benchmarks on the board, in display order. */
  benchmarks: { slug: string; name: string }[];
}

const REASONS: Record<"missing-x" | "non-positive-x" | "missing-y", UnplottedReason> = {
  "missing-x": "no-usage",
  "non-positive-x": "zero-usage",
  "missing-y": "no-score",
};

const byName = (a: { displayName: string; config: string }, b: { displayName: string; config: string }) =>
  a.displayName.localeCompare(b.displayName) || (a.config < b.config ? -1 : a.config > b.config ? 1 : 0);

export function buildEfficiency(input: BuildInput): EfficiencyResult {
  const { result, benchmark, x } = input;
  const datasets = (benchmark ? result.datasets.filter((d) => d.benchmark === benchmark.slug) : result.datasets).map((d) => ({
    key: d.key,
    benchmark: d.benchmark,
    nQuestions: d.nQuestions,
    weight: d.weight,
  }));
  const weights = datasets.map((d) => ({ key: d.key, weight: d.weight }));

  // y per configuration: the board's weighted win rate, or the benchmark's mean score.
  const candidates: { config: string; y: number | null; lo: number | null; hi: number | null }[] = benchmark
    ? result.benchmarks
        .filter((b) => b.benchmark === benchmark.slug)
        .map((b) => ({ config: b.config, y: b.score, lo: b.ci?.lo ?? null, hi: b.ci?.hi ?? null }))
    : result.configs.map((c) => ({ config: c.config, y: c.weightedMean, lo: c.ci?.lo ?? null, hi: c.ci?.hi ?? null }));

  const usageByConfig = new Map<string, { key: string; tokens: number | null }[]>();
  for (const u of input.usage) {
    const list = usageByConfig.get(u.config) ?? [];
    list.push({ key: u.key, tokens: u[x] });
    usageByConfig.set(u.config, list);
  }

  const base = new Map<string, EfficiencyConfig>();
  const xs = new Map<string, ReturnType<typeof boardTokens>>();
  for (const c of candidates) {
    const info = input.configInfo.get(c.config);
    base.set(c.config, {
      config: c.config,
      displayName: info?.displayName ?? c.config,
      modelId: info?.modelId ?? c.config,
      modelName: info?.modelName ?? c.config,
      group: info?.group ?? null,
      effort: info?.effort ?? null,
      y: c.y,
      yLo: c.lo,
      yHi: c.hi,
    });
    xs.set(c.config, boardTokens(usageByConfig.get(c.config) ?? [], weights));
  }

  const pareto = paretoFrontier(candidates.map((c) => ({ id: c.config, x: xs.get(c.config)!.tokens, y: c.y })));
  const onFrontier = new Set(pareto.frontier);
  const excluded = new Map(pareto.excluded.map((e) => [e.id, REASONS[e.reason]]));

  const points: EfficiencyPoint[] = [];
  const unplotted: EfficiencyUnplotted[] = [];
  for (const c of candidates) {
    const b = base.get(c.config)!;
    const reason = excluded.get(c.config);
    if (reason) {
      unplotted.push({ ...b, reason });
      continue;
    }
    const t = xs.get(c.config)!;
    points.push({
      ...b,
      y: c.y!,
      x: t.tokens!,
      coverage: t.weightCoverage,
      nDatasets: t.nDatasets,
      nBoard: t.nBoard,
      missing: t.missing,
      onFrontier: onFrontier.has(c.config),
    });
  }
  points.sort((a, b) => b.y - a.y || byName(a, b));
  unplotted.sort(byName);

  const ladders = effortLadders(points.map((p) => ({ id: p.config, modelId: p.modelId, effort: p.effort }))).map((l) => ({
    modelId: l.modelId,
    configs: l.steps.map((s) => s.id),
  }));

  return {
    board: input.board,
    x,
    benchmark,
    synthetic: input.synthetic,
    datasets,
    points,
    frontier: pareto.frontier,
    ladders,
    unplotted,
    benchmarks: input.benchmarks,
    replicates: result.bootstrap?.replicates ?? 0,
  };
}
