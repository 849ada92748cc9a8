/**
 * The compare view's DTOs: what `getComparison()` and `getItemDiff()` return and app/compare
 * renders. Plain serialisable data (client leaves `import type` from here).
 */
import type { SnapshotInfo } from "../boards/snapshot";
import type { ModelGroup } from "../catalog/types";
import type { PairedMethod } from "../scoring/paired";
import type { Interval } from "../scoring/types";
import type { TokenStats } from "./config-types";
import type { Board } from "./leaderboard-types";

export type { Board, PairedMethod };

/** Version prefix of the stored compare views: bump when their shape or computation changes (old ones are then ignored). */
export const COMPARE_VIEW_VERSION = "v1";

/** Configurations compared at once. */
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 6;
/** Family-wise level of the "significant" marks (Holm-adjusted p below it). */
export const COMPARE_ALPHA = 0.05;

/** One compared configuration and where it stands on the board. */
export interface CompareConfig {
  config: string;
  displayName: string;
  modelId: string;
  modelName: string;
  group: ModelGroup | null;
  reasoningEffort: string | null;
  /** Ranked on this board (has a win rate). */
  onBoard: boolean;
  rank: number | null;
  /** The board's weighted mean win rate and its 95% bootstrap interval. */
  winRate: number | null;
  winRateCi: Interval | null;
  nDatasets: number;
}

/** A board score of one configuration on one benchmark. */
export interface CompareScore {
  /** Mean over the benchmark's scored datasets of the average reward, in [0, 1]. */
  score: number;
  /** 95% bootstrap interval over questions. */
  ci: Interval | null;
  /** Questions answered (summed over the benchmark's scored datasets). */
  nAnswered: number;
}

/** The paired test of a − b on one benchmark, as stored (a < b in code-unit order). */
export interface StoredPairTest {
  method: PairedMethod;
  nShared: number;
  onlyA: number;
  onlyB: number;
  meanA: number | null;
  meanB: number | null;
  diff: number | null;
  ci: Interval | null;
  p: number | null;
  /** Holm-adjusted over the pair's tested benchmarks. */
  pHolm: number | null;
  /** McNemar's discordant counts: b = only a right, c = only b right; null for the bootstrap. */
  discordant: { b: number; c: number } | null;
}

/** wr(a vs b) of a pair (a < b) from the stored head-to-head (default settings); null when they share no dataset. */
export interface StoredPair {
  a: string;
  b: string;
  headToHead: { weighted: number; simple: number; nDatasets: number } | null;
}

/**
 * The paired tests of one pair (a < b) on every benchmark both have a board score on, keyed by
 * benchmark slug, Holm-adjusted over them: stored per snapshot, board and pair (view `compare-pair`).
 */
export interface StoredPairTests {
  a: string;
  b: string;
  tests: Record<string, StoredPairTest>;
}

/** One setting of the alignment check, for every configuration. */
export interface AlignmentRow {
  /** `reasoning_effort` (the configuration's identity) or a dotted sampling-args path (`extra_body.top_k`). */
  key: string;
  label: string;
  /** Per configuration (same order as the configurations): the distinct values (text), null = not set. */
  values: AlignmentValue[];
  /** The configurations do not all use one and the same value. */
  differs: boolean;
}

export interface AlignmentValue {
  config: string;
  /** Distinct values over the configuration's runs (JSON text; strings as they are); null = not set. */
  values: (string | null)[];
  /** The configuration's own runs disagree on this setting. */
  varies: boolean;
}

export interface CompareSampling {
  config: string;
  reasoningEffort: string | null;
  /** configs.sampling_args (the alias's defaults, or its first run's). */
  configArgs: unknown;
  /** The distinct sampling arguments of the runs the board shows, most-used first. */
  observed: { args: unknown; runIds: number[] }[];
  /** Where the alignment check read this configuration's settings. */
  source: "runs" | "config";
}

export interface CompareUsage {
  config: string;
  /** The board's figure: mean output tokens per question, ln-weighted over its scored datasets. */
  outputTokensPerQuestion: number | null;
  /** Over the board's shown runs of the configuration (scope = the board). */
  stats: TokenStats;
}

export interface CompareBenchmarkInfo {
  slug: string;
  name: string;
  /** Scored datasets of the benchmark on the board (folded keys) with a short label each. */
  datasets: { key: string; label: string }[];
}

/** What is stored per snapshot, board and sorted configuration set (view `compare`). */
export interface CompareStored {
  /** The compared configurations, sorted (code-unit order). */
  configs: string[];
  /** Benchmarks where at least one of them has a score, in catalog order. */
  benchmarks: (CompareBenchmarkInfo & { scores: (CompareScore | null)[] })[];
  /** Every unordered pair (i < j of `configs`) with its head-to-head win rate; the paired tests are stored per pair. */
  pairs: StoredPair[];
  usage: CompareUsage[];
  sampling: CompareSampling[];
  /** Settings in the order shown: reasoning effort, then sampling arguments (common ones first). */
  alignment: AlignmentRow[];
  replicates: number;
  seed: number;
}

/** The paired comparison of one configuration against the reference on one benchmark (config − ref). */
export interface VsRef {
  method: PairedMethod;
  nShared: number;
  /** Questions only this configuration / only the reference answered (not compared, reported). */
  onlyConfig: number;
  onlyRef: number;
  meanConfig: number | null;
  meanRef: number | null;
  /** Mean over shared questions of config − ref; null when none are shared. */
  diff: number | null;
  /** Paired bootstrap 95% percentile interval of diff. */
  ci: Interval | null;
  p: number | null;
  pHolm: number | null;
  /** McNemar's discordant counts: only this configuration right / only the reference right. */
  discordant: { config: number; ref: number } | null;
}

export interface CompareCell {
  config: string;
  score: CompareScore | null;
  /** null for the reference itself, or when either has no score on the benchmark. */
  vsRef: VsRef | null;
}

export interface CompareBenchmarkRow extends CompareBenchmarkInfo {
  /** One per configuration, in the page's order. */
  cells: CompareCell[];
  /** The tests used against the reference on this benchmark (usually one). */
  methods: PairedMethod[];
}

export interface Comparison {
  benchmarks: CompareBenchmarkRow[];
  /** Row-major n × n in the page's order: wr(configs[i] vs configs[j]), null on the diagonal / no shared dataset. */
  headToHead: { weighted: (number | null)[]; simple: (number | null)[]; nDatasets: number[] };
  usage: CompareUsage[];
  sampling: CompareSampling[];
  alignment: AlignmentRow[];
  /** Every test used on the page. */
  methods: PairedMethod[];
  replicates: number;
  seed: number;
  alpha: number;
}

export interface CompareParams {
  configs: string[];
  ref?: string | null;
  board: Board;
}

export interface CompareView {
  board: Board;
  snapshot: SnapshotInfo;
  synthetic: boolean;
  /** When the stored comparison was computed (null without one). */
  computedAt: string | null;
  /** The known configurations, in the order asked for (at most MAX_COMPARE). */
  configs: CompareConfig[];
  /** Slugs asked for that name no configuration. */
  unknown: string[];
  /** Known slugs beyond MAX_COMPARE, left out. */
  dropped: string[];
  /** The reference configuration (null with no known configuration). */
  ref: string | null;
  /** A `ref` asked for that is not one of the compared configurations (the first is used instead). */
  refIgnored: string | null;
  /** null when fewer than MIN_COMPARE configurations are known. */
  comparison: Comparison | null;
}

// ---------------------------------------------------------------------------------------------
// Item-level diff

export const DIFF_DIRS = ["a-only", "b-only"] as const;
export type DiffDir = (typeof DIFF_DIRS)[number];

/** Rows per page of the item diff (keyset pagination). */
export const ITEM_DIFF_PAGE_SIZE = 50;

export interface ItemDiffParams {
  board: Board;
  a: string;
  b: string;
  dir: DiffDir;
  /** Benchmark slug filter. */
  benchmark?: string | null;
  /** Folded dataset key filter (`env::subtask`). */
  subtask?: string | null;
  /** Cursor of the last row of the previous page. */
  after?: string | null;
  size?: number;
}

/** One scored dataset both answered, with its counts in each direction. */
export interface ItemDiffDataset {
  key: string;
  label: string;
  benchmark: string;
  benchmarkName: string;
  /** The benchmark's rewards (of these two, on shared questions) are not all 0/1: "differ" compares means. */
  graded: boolean;
  shared: number;
  aOnly: number;
  bOnly: number;
}

export interface ItemAnswer {
  runId: number;
  rolloutIndex: number;
  /** "original order", "shuffle 1618", "original order, repeat 1". */
  orderLabel: string;
  reward: number | null;
  parsedAnswer: string | null;
  chosenText: string | null;
  /** Untrusted model text, cut: render as a text node only. */
  excerpt: string;
}

export interface ItemDiffRow {
  benchmark: string;
  benchmarkName: string;
  datasetKey: string;
  datasetLabel: string;
  exampleId: string;
  graded: boolean;
  /** Question means over every reward (orders, repeats, rollouts) and how many rewards each has. */
  meanA: number;
  meanB: number;
  nA: number;
  nB: number;
  gold: string | null;
  goldText: string | null;
  /** The first answer of each (original order first), for the side-by-side detail. */
  answerA: ItemAnswer | null;
  answerB: ItemAnswer | null;
}

export interface ItemDiffView {
  a: string;
  b: string;
  dir: DiffDir;
  benchmark: string | null;
  subtask: string | null;
  /** Every scored dataset with shared questions (unfiltered), in key order. */
  datasets: ItemDiffDataset[];
  /** Counts under the benchmark / subtask filter. */
  totals: { shared: number; aOnly: number; bOnly: number };
  rows: ItemDiffRow[];
  /** Cursor of the next page; null on the last. */
  next: string | null;
  /** This page was asked for with a cursor (so a "first page" link makes sense). */
  paged: boolean;
  size: number;
}
