/**
 * The leaderboard's view-shaped DTO: what `getLeaderboard()` returns and the page, the table
 * and `GET /api/v1/leaderboard` render. Plain serialisable data.
 */
import type { ModelGroup } from "../catalog/types";

export type Board = "V" | "OE";

export interface LeaderboardSettings {
  weights: "ln" | "sqrt" | "equal" | "cap";
  cap: number | null;
  coverage: "all-models" | "per-model";
  orders: "folded" | "separate";
  missing: "neg-inf" | "zero";
  /** Which runs: `auto` = real runs when any exist, else the synthetic demo runs. */
  data: "auto" | "real" | "official" | "community" | "demo" | "all";
}

export const DEFAULT_LEADERBOARD_SETTINGS: LeaderboardSettings = {
  weights: "ln",
  cap: null,
  coverage: "all-models",
  orders: "folded",
  missing: "neg-inf",
  data: "auto",
};

export interface CellScore {
  /** Mean over the benchmark's datasets of the config's average reward (each in [0,1]). */
  score: number;
  /** 95% bootstrap interval over questions. */
  lo: number | null;
  hi: number | null;
  /** Questions answered (over the benchmark's datasets). */
  n: number;
  /** Per dataset of the benchmark (subtasks, or answer orders when kept separate). */
  datasets: { key: string; label: string; score: number | null; n: number }[];
}

export interface LeaderboardRow {
  rank: number;
  /** 95% bootstrap rank interval. */
  rankLo: number;
  rankHi: number;
  /** Configurations in one tie group are statistically tied (overlapping rank intervals). */
  tieGroup: number;
  config: string;
  displayName: string;
  modelId: string;
  modelName: string;
  org: string | null;
  group: ModelGroup | null;
  reasoningEffort: string | null;
  paramsB: number | null;
  inCatalog: boolean;
  /** The ranking figure: ln(n)-weighted mean win rate (or the chosen policy), in [0,1]. */
  weighted: number;
  weightedLo: number | null;
  weightedHi: number | null;
  simple: number;
  nDatasets: number;
  /** Mean of the per-benchmark scores. */
  meanScore: number | null;
  /** Mean output tokens per question (reasoning included), null when the runs have no usage data. */
  meanOutputTokens: number | null;
  /** Keyed by benchmark slug; null = not run / not on this board. */
  benchmarks: Record<string, CellScore | null>;
  /** Rank under the default settings minus rank now (positive = moved up); null when settings are default. */
  rankChange: number | null;
  synthetic: boolean;
}

export interface LeaderboardBenchmark {
  slug: string;
  name: string;
  taskType: string;
  inThirty: boolean;
  inCatalog: boolean;
  /** Dataset keys of this benchmark on the board, with a short label each. */
  datasets: { key: string; label: string }[];
}

export interface LeaderboardView {
  board: Board;
  settings: LeaderboardSettings;
  snapshot: { id: string; createdAt: string; runCount: number };
  /** True when the rows come from the synthetic demo runs. */
  synthetic: boolean;
  benchmarks: LeaderboardBenchmark[];
  rows: LeaderboardRow[];
  /** Datasets dropped by all-models coverage, and which configurations lack each. */
  dropped: { key: string; benchmark: string; missing: string[] }[];
  /** Bootstrap replicates behind the intervals (0 = none). */
  replicates: number;
  computedAt: string;
}
