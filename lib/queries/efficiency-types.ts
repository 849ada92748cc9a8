/**
 * The efficiency view's DTO (spec §5): what `getEfficiency()` returns and `/efficiency` renders.
 * Plain serialisable data (it is stored as JSON per snapshot).
 */
import type { ModelGroup } from "../catalog/types";

export type EfficiencyBoard = "V" | "OE";

/** The x axis: output tokens (reasoning included), input + output tokens, or latency in seconds. */
export type EfficiencyX = "output" | "total" | "latency";

export const EFFICIENCY_X: readonly EfficiencyX[] = ["output", "total", "latency"];

export interface EfficiencyParams {
  board: EfficiencyBoard;
  /** One benchmark's mean score as y (and its datasets only for x); absent = the board's weighted win rate. */
  benchmark?: string | null;
  x: EfficiencyX;
}

/** Why a configuration is not on the chart. Never plotted at 0. */
export type UnplottedReason =
  /** No rollout of the datasets x averages over has the quantity (token usage, or timing for latency). */
  | "no-usage"
  /** Usage recorded as 0: cannot sit on a log axis. */
  | "zero-usage"
  /** No y: no win rate on the board (or no score on the benchmark). */
  | "no-score";

export interface EfficiencyConfig {
  config: string;
  displayName: string;
  modelId: string;
  modelName: string;
  group: ModelGroup | null;
  /** Reasoning effort of the configuration; null = the provider's default. */
  effort: string | null;
  /** Weighted mean win rate on the board, or the mean score on the benchmark, in [0, 1]. */
  y: number | null;
  /** 95% bootstrap interval of y. */
  yLo: number | null;
  yHi: number | null;
}

export interface EfficiencyPoint extends EfficiencyConfig {
  y: number;
  /** Tokens per question (output or input + output), or seconds per question (latency). > 0. */
  x: number;
  /** Share of the datasets' weight where the config has usage (1 = all of them). */
  coverage: number | null;
  /** Datasets with usage / datasets x averages over. */
  nDatasets: number;
  nBoard: number;
  /** Datasets without usage (left out of x, not counted as 0). */
  missing: string[];
  onFrontier: boolean;
}

export interface EfficiencyUnplotted extends EfficiencyConfig {
  reason: UnplottedReason;
}

export interface EfficiencyResult {
  board: EfficiencyBoard;
  x: EfficiencyX;
  /** The benchmark whose mean score is y; null = the board's weighted win rate. */
  benchmark: { slug: string; name: string } | null;
  /** True when the rows are the synthetic demo runs. */
  synthetic: boolean;
  /** The datasets x averages over, with the board's weights. */
  datasets: { key: string; benchmark: string; nQuestions: number; weight: number }[];
  /** Plotted configurations, by y descending (then name). */
  points: EfficiencyPoint[];
  /** Ids of the Pareto frontier (fewer tokens and a higher y are better), by x ascending. */
  frontier: string[];
  /** Configurations of one model, ordered by reasoning effort (low → high); only models with ≥ 2 plotted configurations. */
  ladders: { modelId: string; configs: string[] }[];
  /** Configurations of the board (or benchmark) not on the chart, with why; by name. */
  unplotted: EfficiencyUnplotted[];
  /** Benchmarks scored on the board (for the per-benchmark selector), in catalog order. */
  benchmarks: { slug: string; name: string }[];
  /** Bootstrap replicates behind the y intervals (0 = none). */
  replicates: number;
}

export interface EfficiencyView extends EfficiencyResult {
  snapshot: { id: string; createdAt: string; runCount: number };
  computedAt: string;
  /** A `benchmark` asked for that does not exist (ignored: the board's win rate is shown). */
  unknownBenchmark: string | null;
}
