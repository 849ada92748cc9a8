/**
 * The `/order-bias` view's DTOs: what `getOrderBias()` and `getOrderBiasDetail()` return and the
 * page and its client leaves render. Plain serialisable data (stored as JSON per snapshot).
 */
import type { ModelGroup } from "../catalog/types";
import type { PairedMethod } from "../scoring/paired";
import type { Interval } from "../scoring/types";

export type OrderBiasBoard = "V" | "OE";
/** Which runs: `auto` = the boards' rule (real runs once any is published, else the demo runs). */
export type OrderBiasData = "auto" | "real" | "demo" | "all";
export const ORDER_BIAS_DATA: readonly OrderBiasData[] = ["auto", "real", "demo", "all"];

export interface OrderBiasParams {
  board?: OrderBiasBoard;
  data?: OrderBiasData;
}

/** A count out of n and its share (null when n = 0). */
export interface ShareView {
  n: number;
  count: number;
  rate: number | null;
}

export interface OrderStatView {
  /** null = the original order; else the shuffle seed. */
  orderSeed: number | null;
  /** Questions with a score in this order. */
  n: number;
  accuracy: number | null;
  /** Percentile bootstrap interval over questions: only in the per-configuration detail (null on the board view). */
  ci: Interval | null;
  /** Questions whose chosen option was recognised in this order. */
  nAnswered: number;
}

export interface ShuffleStatView {
  orderSeed: number;
  /** Questions scored in both this shuffle and the original order. */
  nPaired: number;
  /** Paired mean of (shuffle − original) over those questions. */
  delta: number | null;
  /** Paired bootstrap percentile interval (2000 replicates): only in the per-configuration detail. */
  ci: Interval | null;
  /** Normal approximation delta ± 1.96·s/√n of the paired differences (null when nPaired < 2). */
  normalCi: Interval | null;
  /** McNemar exact p when every paired mean is 0/1; else the paired bootstrap's (null without bootstrap). */
  p: number | null;
  method: PairedMethod;
  /** Questions answered in both orders; count = whose chosen option text differs. */
  flip: ShareView;
}

export interface PositionView {
  /** Displayed letter. */
  position: string;
  /** (question, order) items that display this letter. */
  n: number;
  rateChosen: number | null;
  rateCorrect: number | null;
  /** rateChosen − rateCorrect (> 0: picked more often than it is right). */
  preference: number | null;
}

/** One configuration on one dataset (`env::subtask`), all its answer orders. */
export interface OrderBiasCell {
  config: string;
  benchmark: string;
  foldedKey: string;
  /** The published runs behind the cell (one per answer order, original first), for links. */
  runs: { id: number; orderSeed: number | null }[];
  /** Original first, then the shuffle seeds ascending (only the orders this configuration ran). */
  orders: OrderStatView[];
  /** Each shuffle against the original order. */
  shuffles: ShuffleStatView[];
  /** Mean of the shuffles' deltas (signed): the heatmap's figure. */
  meanDelta: number | null;
  /** Mean |delta| over the shuffles. */
  sensitivity: number | null;
  /** Questions answered in ≥ 2 orders; count = with ≥ 2 distinct chosen texts. */
  anyFlip: ShareView;
  /** Questions answered in every order; count = the same text in all. */
  consistency: ShareView;
  /** Pooled over this dataset's orders. */
  positions: PositionView[];
  positionsSkipped: { noOptions: number; noGold: number; noChoice: number };
  /** Why there is no delta (e.g. no shuffled run), null when there is one. */
  missing: string | null;
}

export interface OrderBiasDatasetView {
  benchmark: string;
  foldedKey: string;
  /** Subtask (`task1`, `easy`, …); "" for `base`. */
  subtask: string;
  /** Shuffle seeds with a run in the snapshot (any configuration). */
  orderSeeds: number[];
  /** Configurations with at least one run of the dataset. */
  nConfigs: number;
}

export interface OrderBiasBenchmarkView {
  slug: string;
  name: string;
  /** Folded keys of its datasets on this view. */
  datasets: string[];
  /** A caveat to show wherever the benchmark's order effect is shown (LongHealth), else null. */
  note: string | null;
}

export interface OrderBiasConfigRow {
  config: string;
  displayName: string;
  group: ModelGroup | null;
  /** Rank on the board (same data filter, default settings); null when not ranked there. */
  boardRank: number | null;
  /** 1-based rank by sensitivity (most sensitive first); null without any delta. */
  sensitivityRank: number | null;
  /** Mean |delta| over every (dataset, shuffle) with a delta (`orderSensitivity`). */
  sensitivity: number | null;
  /** Mean signed delta over the same pairs. */
  meanDelta: number | null;
  /** Mean over datasets of the per-shuffle flip rates (each dataset counts once). */
  flipRate: number | null;
  /** Mean over datasets of the any-flip rate. */
  anyFlipRate: number | null;
  /** Mean over datasets of the consistency rate. */
  consistency: number | null;
  /** Datasets with at least one delta, and datasets with any run. */
  nDatasets: number;
  nCells: number;
}

export interface OrderBiasHeatCell {
  config: string;
  benchmark: string;
  /** Mean over the benchmark's datasets of the cell's mean delta; null when none has one. */
  value: number | null;
  /** Per dataset and shuffle: the delta and its normal 95% interval. */
  parts: { foldedKey: string; orderSeed: number; delta: number | null; normalCi: Interval | null; nPaired: number }[];
  /** Some shuffle's normal 95% interval excludes 0. */
  excludesZero: boolean;
  /** Why the value is missing ("not run", "no shuffled run", …), null when present. */
  why: string | null;
}

export interface OrderBiasFlippedQuestion {
  config: string;
  benchmark: string;
  foldedKey: string;
  exampleId: string;
  /** Distinct chosen option texts over the orders (2 or 3 with three orders). */
  distinctTexts: number;
  /** The chosen text in each order (original first), cut to 140 characters; null = not answered there. Untrusted text. */
  texts: { orderSeed: number | null; text: string | null }[];
  /** Configurations whose answer to this question flipped, and those answering it in ≥ 2 orders. */
  flippedBy: number;
  answeredBy: number;
  /** The question page filtered to this configuration: its answer in every order side by side. */
  href: string;
}

export interface OrderBiasFlippedOverall {
  benchmark: string;
  foldedKey: string;
  exampleId: string;
  flippedBy: number;
  answeredBy: number;
  /** Configurations choosing a different text in every order (3 distinct texts with 3 orders). */
  allDifferent: number;
  /** The largest number of distinct texts any configuration chose. */
  maxDistinct: number;
  /** The best-ranked configuration with `maxDistinct` distinct texts. */
  topConfig: string;
  /** The question page filtered to `topConfig`. */
  href: string;
  /** The question page with every configuration. */
  hrefAll: string;
}

export interface OrderBiasSnapshot {
  id: string;
  createdAt: string;
  runCount: number;
}

export interface OrderBiasView {
  board: OrderBiasBoard;
  data: OrderBiasData;
  snapshot: OrderBiasSnapshot;
  /** Some runs shown are synthetic demo runs. */
  synthetic: boolean;
  computedAt: string;
  /** Bootstrap replicates behind the intervals of this view: 0 (normal intervals only). */
  replicates: number;
  benchmarks: OrderBiasBenchmarkView[];
  datasets: OrderBiasDatasetView[];
  /** Board rank order (ranked first, then the rest by name). */
  configs: OrderBiasConfigRow[];
  /** Configuration × dataset, configs in `configs` order, datasets in `datasets` order. */
  cells: OrderBiasCell[];
  /** Configuration × benchmark, same orders. */
  heatmap: OrderBiasHeatCell[];
  /** Top questions by configurations flipped (at most FLIPPED_LIMIT). */
  mostFlipped: OrderBiasFlippedOverall[];
  /** Per configuration, its most flipped questions (at most FLIPPED_LIMIT each). */
  mostFlippedByConfig: Record<string, OrderBiasFlippedQuestion[]>;
}

/** One configuration's detail: its cells with bootstrap intervals and its pooled position preference. */
export interface OrderBiasDetail {
  config: string;
  displayName: string;
  group: ModelGroup | null;
  board: OrderBiasBoard;
  data: OrderBiasData;
  snapshot: OrderBiasSnapshot;
  synthetic: boolean;
  computedAt: string;
  /** Bootstrap replicates behind `ci` (2000). */
  replicates: number;
  /** In the board view's dataset order. */
  cells: OrderBiasCell[];
  /** Position preference pooled over every dataset's items. */
  positions: PositionView[];
}
