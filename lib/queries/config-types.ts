/**
 * The configuration page's view-shaped DTOs: what `getConfigView()` and `listConfigs()` return
 * and app/models/** renders. Plain serialisable data (client leaves `import type` from here).
 */
import type { ModelGroup } from "../catalog/types";
import type { Board } from "./leaderboard-types";

export type { Board };

export type RunStatus = "published" | "pending" | "superseded" | "rejected";
export type RunProvenance = "official" | "community" | "demo";

export interface ConfigModelFacts {
  id: string;
  providerId: string;
  displayName: string;
  org: string | null;
  group: ModelGroup | null;
  paramsB: number | null;
  activeParamsB: number | null;
  openWeights: boolean | null;
  reasoning: boolean | null;
  inCatalog: boolean;
  /** The generalist a medical fine-tune was built from, or the unquantized model of a quantized one. */
  base: { id: string; displayName: string } | null;
}

/** One distinct `sampling_args` object seen on the runs the boards show. */
export interface ObservedSampling {
  args: unknown;
  runIds: number[];
  matchesConfig: boolean;
}

export interface SamplingView {
  /** configs.sampling_args: the alias's defaults (catalog) or, for configs created by an ingest, its first run's. */
  config: unknown;
  observed: ObservedSampling[];
  /** Some shown run was sampled with other arguments than the configuration says. */
  differsFromConfig: boolean;
  /** The shown runs do not all share one set of sampling arguments. */
  runsDiffer: boolean;
}

/** One benchmark of a board, from this configuration's point of view. */
export interface ConfigBenchmarkRow {
  slug: string;
  name: string;
  /** False when every dataset of the benchmark was left out of the board (some configurations lack it). */
  scored: boolean;
  /** Mean over the benchmark's scored datasets of the config's average reward, in [0,1]; null = no score. */
  score: number | null;
  lo: number | null;
  hi: number | null;
  /** Median over the board's configurations with a score on this benchmark (this one included). */
  median: number | null;
  /** score − median. */
  delta: number | null;
  /** 1-based competition rank on this benchmark (equal scores share a rank), as on the benchmark page. */
  rank: number | null;
  /** Configurations with a score on this benchmark. */
  nConfigs: number;
  /** Why there is no score (for the "—" tooltip); null when there is one. */
  why: string | null;
}

export interface ConfigBoardView {
  board: Board;
  /** The board shows the synthetic demo runs. */
  synthetic: boolean;
  computedAt: string;
  /** Configurations ranked on the board. */
  nRanked: number;
  /** Scored datasets on the board (over every configuration). */
  nBoardDatasets: number;
  /** This configuration has a win rate on the board. */
  ranked: boolean;
  rank: number | null;
  /** 95% bootstrap rank interval (equal to the rank when there are no intervals). */
  rankLo: number | null;
  rankHi: number | null;
  /** Other configurations statistically tied with this one (same tie group). */
  tiedWith: { config: string; displayName: string; rank: number | null }[];
  /** ln(n)-weighted mean win rate (the ranking figure) and its 95% interval. */
  winRate: number | null;
  winRateLo: number | null;
  winRateHi: number | null;
  simpleWinRate: number | null;
  nDatasets: number;
  /** Mean output tokens per question, ln-weighted over the scored datasets (the board's efficiency figure); null = no usage data. */
  outputTokensPerQuestion: number | null;
  /** Every benchmark of the board (scored ones in board order, then ones whose datasets were all left out). */
  benchmarks: ConfigBenchmarkRow[];
  /** Datasets left out of the board because this configuration (among others) lacks them. */
  droppedForThis: { key: string; benchmark: string }[];
}

export interface TokenStats {
  scope: "all" | Board;
  rollouts: number;
  /** Rollouts with output token counts. */
  rolloutsWithUsage: number;
  meanInputPerRollout: number | null;
  /** Output tokens include reasoning tokens. */
  meanOutputPerRollout: number | null;
  /** Mean over questions (answer orders folded) of the question's mean output tokens over its rollouts. */
  meanOutputPerQuestion: number | null;
  questions: number;
  /** Σ reasoning / Σ output over rollouts where the provider reported both; null = unknown. */
  reasoningShare: number | null;
  rolloutsWithReasoningTokens: number;
  /** Rollouts whose completion carries reasoning text (whether or not its tokens were counted). */
  rolloutsWithReasoningText: number;
  meanLatencyMs: number | null;
  medianLatencyMs: number | null;
  rolloutsWithLatency: number;
}

export type SiblingKind = "effort" | "full-precision" | "quantized" | "base" | "fine-tune";

export interface SiblingBoardDelta {
  board: Board;
  siblingRank: number | null;
  /** this − sibling weighted mean win rate on the board; null when either has none. */
  winRateDelta: number | null;
  /** this − sibling score, on the board's benchmarks both have a score on. */
  benchmarks: { slug: string; name: string; delta: number; self: number; sibling: number }[];
}

export interface SiblingView {
  slug: string;
  displayName: string;
  kind: SiblingKind;
  /** One phrase: "same model, effort high", "generalist base of this fine-tune", ... */
  relation: string;
  reasoningEffort: string | null;
  group: ModelGroup | null;
  /** The sibling has runs on the boards shown. */
  onBoards: boolean;
  boards: SiblingBoardDelta[];
}

export type CoverageStatus = "complete" | "incomplete" | "missing";

export interface CoverageItem {
  benchmark: string;
  benchmarkName: string;
  envId: string;
  variantId: string;
  /** Questions of the variant in the full suite. */
  nQuestions: number;
  status: CoverageStatus;
  runId: number | null;
  observedRows: number | null;
  expectedRows: number | null;
}

export interface CoverageView {
  board: Board;
  /** Suite variants of the board (catalog). */
  total: number;
  /** Variants with a run shown on the board. */
  withRun: number;
  complete: number;
  /** observed_rows < expected_rows. */
  incomplete: number;
  missing: number;
  /** Every suite variant, in catalog order. */
  items: CoverageItem[];
  /** Shown runs of this board outside the suite variants (other variants or benchmarks). */
  extraRuns: number;
}

export interface ConfigRunRow {
  id: number;
  benchmark: { slug: string; name: string; subset: Board };
  datasetKey: string;
  status: RunStatus;
  provenance: RunProvenance;
  supersededBy: number | null;
  expectedRows: number | null;
  observedRows: number;
  observedQuestions: number;
  /** observed / expected rows; null when expected is unknown or 0. */
  completeness: number | null;
  ingestedAt: string;
  /** Published in the current snapshot with the provenance its board shows. */
  onBoard: boolean;
}

export interface ConfigView {
  slug: string;
  displayName: string;
  inCatalog: boolean;
  reasoningEffort: string | null;
  model: ConfigModelFacts;
  snapshot: { id: string; createdAt: string; runCount: number };
  /** Either board shows the synthetic demo runs. */
  synthetic: boolean;
  sampling: SamplingView;
  /** V then OE, default settings. */
  boards: ConfigBoardView[];
  /** All shown rollouts, then per board. */
  tokens: TokenStats[];
  siblings: SiblingView[];
  coverage: CoverageView[];
  /** Every run of the configuration: all statuses and provenances. */
  runs: ConfigRunRow[];
}

export interface ConfigIndexRow {
  slug: string;
  displayName: string;
  group: ModelGroup | null;
  modelId: string;
  modelName: string;
  org: string | null;
  paramsB: number | null;
  reasoningEffort: string | null;
  inCatalog: boolean;
  /** Published runs, any provenance. */
  publishedRuns: number;
  /** Every published run is a synthetic demo run. */
  demoOnly: boolean;
  /** Rank on the default board; null = not ranked there. */
  rankV: number | null;
  rankOE: number | null;
  winRateV: number | null;
  winRateOE: number | null;
}

export interface ConfigIndexView {
  snapshot: { id: string; createdAt: string; runCount: number };
  synthetic: { V: boolean; OE: boolean };
  ranked: { V: number; OE: number };
  /** By V rank, then OE rank, then name; configurations without runs last. */
  rows: ConfigIndexRow[];
}
