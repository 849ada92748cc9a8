/**
 * Types of the scoring engine (spec §3). Everything here is plain data: `BoardResult` can be
 * stored as JSON or rows as it is. See `lib/scoring/METHODS.md` for the definitions.
 */

export type WeightPolicy = "ln" | "sqrt" | "equal" | "cap";
export type Coverage = "all-models" | "per-model";
export type OrderMode = "folded" | "separate";
export type MissingPolicy = "neg-inf" | "zero";

export interface BootstrapSettings {
  /** Number of bootstrap replicates (1000 by default). */
  replicates: number;
  /** Seed of the generator: same seed, same input → identical intervals. */
  seed: number;
}

export interface ScoringSettings {
  weights: WeightPolicy;
  /** Only for `weights: "cap"`: a dataset weighs min(n_questions, cap). */
  cap?: number;
  coverage: Coverage;
  orders: OrderMode;
  missing: MissingPolicy;
  /** |a − b| ≤ epsilon is a tie. */
  epsilon: number;
  /** Keep only these configurations (exact names). */
  includeConfigs?: string[];
  excludeConfigs?: string[];
  /** Dataset filters match a dataset key (`medqa::base`), its env (`medqa`) or its benchmark. */
  includeDatasets?: string[];
  excludeDatasets?: string[];
  /** `null` skips the bootstrap (point estimates only). */
  bootstrap?: BootstrapSettings | null;
}

export const DEFAULT_BOOTSTRAP: BootstrapSettings = Object.freeze({ replicates: 1000, seed: 20251126 });

export const DEFAULT_SETTINGS: ScoringSettings = Object.freeze({
  weights: "ln",
  coverage: "all-models",
  orders: "folded",
  missing: "neg-inf",
  epsilon: 1e-9,
  bootstrap: DEFAULT_BOOTSTRAP,
}) as ScoringSettings;

/** One rollout's reward as the scorer sees it. `separateKey` = env::variant, `foldedKey` = env::subtask. */
export interface RewardRow {
  config: string;
  separateKey: string;
  foldedKey: string;
  benchmark: string;
  exampleId: string;
  reward: number | null;
}

/**
 * One dataset (the unit of scoring) as dense typed arrays.
 * Question q (0-based, in `questionIds` order) and column j (the j-th entry of `configIndex`) hold
 * the question mean `values[q * configIndex.length + j]`; NaN when the configuration has no
 * non-null reward for that question (no row, or only null rewards).
 */
export interface DatasetInput {
  /** `env::variant` (separate) or `env::subtask` (folded). */
  key: string;
  benchmark: string;
  /** Every question id seen in the dataset, over all configurations (n_questions = its length). Sorted. */
  questionIds: string[];
  /** Configurations with at least one row in the dataset (even if every reward is null): indices into `BoardInput.configs`, ascending. */
  configIndex: Int32Array;
  values: Float64Array;
}

export interface BoardInput {
  /** Configuration names, sorted (code-unit order, like Python's `sorted`). */
  configs: string[];
  /** Datasets sorted by key. */
  datasets: DatasetInput[];
}

/** A 95% interval (percentile bootstrap unless stated otherwise). */
export interface Interval {
  lo: number;
  hi: number;
}

export interface ConfigResult {
  config: string;
  /** 1-based competition rank by weighted mean win rate (equal values share a rank); null when the config has no win rate. */
  rank: number | null;
  weightedMean: number | null;
  simpleMean: number | null;
  nDatasets: number;
  /** Bootstrap interval of the weighted mean win rate. */
  ci: Interval | null;
  /** Bootstrap interval of the simple mean win rate. */
  simpleCi: Interval | null;
  /** 2.5th / 97.5th percentiles (nearest rank) of the config's rank across replicates. */
  rankInterval: Interval | null;
  /** Tie group (1 = the leader's group); configs in one group are statistically tied with its first config. */
  tieGroup: number | null;
}

export interface DatasetResult {
  key: string;
  benchmark: string;
  /** Distinct question ids in the dataset over all configurations. */
  nQuestions: number;
  /** Questions where at least one scored configuration has a value (what the win rates and the bootstrap use). */
  nUsed: number;
  /** The dataset's weight under the settings' policy. */
  weight: number;
  /** Scored configurations present in the dataset. */
  configs: string[];
}

/** One (configuration, dataset) cell of the board. */
export interface CellResult {
  config: string;
  dataset: string;
  benchmark: string;
  /** Mean win rate of the config on this dataset (mean of wr over opponents); null with fewer than 2 configs. */
  winRate: number | null;
  winRateCi: Interval | null;
  /** Average reward = mean over answered questions of the question means; null when nothing was answered. */
  avgReward: number | null;
  avgRewardCi: Interval | null;
  /** Questions with a non-null value for this config. */
  nAnswered: number;
}

/** Head-to-head of `config` against `opponent` (one entry per ordered pair). */
export interface HeadToHeadResult {
  config: string;
  opponent: string;
  simpleMean: number;
  weightedMean: number;
  nDatasets: number;
  /** wr(config, opponent) per dataset key (only datasets where the pair has a value). */
  perDataset: Record<string, number>;
}

/** Mean score of a configuration on a benchmark = mean of that benchmark's scored datasets' average rewards. */
export interface BenchmarkScore {
  config: string;
  benchmark: string;
  score: number;
  ci: Interval | null;
  nDatasets: number;
}

export interface DroppedDataset {
  dataset: string;
  benchmark: string;
  /** Configurations on the board that have no run for this dataset. */
  missing: string[];
}

export interface BoardResult {
  /** The settings applied (defaults filled in). */
  settings: ScoringSettings;
  /** Ranked: by rank, then name; configs without a win rate last. */
  configs: ConfigResult[];
  /** Scored datasets, sorted by key. */
  datasets: DatasetResult[];
  /** Datasets left out because some configurations lack them (coverage all-models). */
  dropped: DroppedDataset[];
  cells: CellResult[];
  headToHead: HeadToHeadResult[];
  benchmarks: BenchmarkScore[];
  warnings: string[];
  bootstrap: { replicates: number; seed: number; method: string } | null;
}

/** Medmarks' own `winrate` JSON (medarc-eval winrate). */
export interface MedmarksMeanWinrate {
  simple_mean: number | null;
  weighted_mean: number | null;
  n_datasets: number;
}

export interface MedmarksWinrateJson {
  models: Record<
    string,
    {
      mean_winrate: MedmarksMeanWinrate;
      vs: Record<
        string,
        {
          mean_winrate: { simple_mean: number; weighted_mean: number };
          per_dataset: Record<string, number>;
          n_datasets: number;
        }
      >;
      avg_reward_per_dataset: Record<string, number | null>;
    }
  >;
  datasets: Record<string, { avg_reward_per_model: Record<string, number | null>; n_questions: number }>;
}
