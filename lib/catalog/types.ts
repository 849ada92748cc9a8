/**
 * Catalog types: facts about the Medmarks benchmarks and models, kept as data in the repo.
 * Everything here is plain TypeScript (no Next, no database) so scripts and tests can use it.
 */

export type Subset = "V" | "OE";

export type TaskType =
  | "mcq" // multiple choice, accuracy 0/1
  | "calculation" // numeric answer checked against bounds (MedCalc-Bench)
  | "hallucination-detection" // MedHallu, Med-HALT
  | "script-concordance" // SCTPublic, partial credit
  | "open-qa" // free-text answer graded by LLM judges
  | "dialogue" // patient dialogue responses
  | "agentic" // multi-turn / tool use (AgentClinic, MedAgentBench)
  | "clinical-note" // note generation / summarisation (ACI-Bench, MTSamples)
  | "error-correction" // MEDEC
  | "case-reasoning" // diagnosis from a case (MedCaseReasoning, MedR-Bench)
  | "rubric"; // HealthBench rubric grading

/** What the reward means, stored as data so components never hard-code metric semantics. */
export interface MetricSpec {
  /** Name of the metric in `metrics` (e.g. `accuracy`, `check_correctness`, `judge_score`). */
  key: string;
  /** One sentence: what a reward of 1 / 0 means for this benchmark. */
  description: string;
  /** The reward scale in words, e.g. "0/1 (correct option)", "0–1 partial credit". */
  scale: string;
  /** Rewards are always in [0, 1] and higher is better in Medmarks. */
  higherIsBetter: true;
  /** Decimals to show for scores on this benchmark (percentages). */
  decimals: number;
}

/** One variant folder of the suite: `runs/evals/<model>/<envId>/<variantId>/`. */
export interface CatalogVariant {
  /** The env id this variant runs (MTSamples has two env ids). */
  envId: string;
  /** Folder name / Medmarks variant id: `base`, `task1__shuffle_seed-1618`, `rollout_1`, ... */
  variantId: string;
  /** Variant with the order and repeat parts removed (`base` when nothing is left). */
  subtask: string;
  /** Answer-order shuffle seed; null = original order. */
  orderSeed: number | null;
  /** Repeat index (AgentClinic `rollout_1` = 1); 0 for the plain run. */
  repeat: number;
  /** The env_args the suite passes for this variant (judge base URLs omitted). */
  envArgs: Record<string, unknown>;
  /** Questions in this variant in the full suite. */
  nQuestions: number;
}

export interface CatalogBenchmark {
  /** URL slug and identity: the env id, except `careqa_open`, `pubhealthbench_freeform`, `mtsamples`. */
  slug: string;
  name: string;
  /** env ids that map to this benchmark. */
  envIds: string[];
  /** `env_args.split` that selects this benchmark when an env id serves several (careqa en/open). */
  split: string | null;
  subset: Subset;
  /** False only for PubHealthBench free-form (run by the OE suite, not one of the 30). */
  inThirty: boolean;
  /** Ships a training split (Medmarks-T). */
  medmarksT: boolean;
  taskType: TaskType;
  metric: MetricSpec;
  /** Judged by LLMs (OE). */
  judged: boolean;
  /** Judge models the suite config uses (`env_args.judge_model`), empty for V. */
  judgeModels: string[];
  /** Present in the suite config (ACI-Bench and MedAgentBench v2 are not). */
  inSuiteConfig: boolean;
  /** Every variant the suite runs (for benchmarks not in the suite: the base variant). */
  variants: CatalogVariant[];
  /** Distinct questions evaluated (sum over subtasks, one order). */
  nQuestions: number;
  /** Training split size for Medmarks-T benchmarks, else null. */
  nTraining: number | null;
  license: string;
  /** One or two sentences. */
  description: string;
  /** Source paper / dataset URL. */
  url: string | null;
  /** BibTeX entry, or null where none is known. */
  bibtex: string | null;
  /** MCQ benchmarks with shuffled copies: answer-order bias applies. */
  hasOrderVariants: boolean;
}

export type ModelGroup = "proprietary" | "open-weight" | "medical" | "quantized";

/** A model (one provider id). */
export interface CatalogModel {
  /** Stable slug, e.g. `qwen3-30b-a3b-instruct-2507`. */
  id: string;
  /** Provider model id as written in metadata.json `model`, e.g. `Qwen/Qwen3-30B-A3B-Instruct-2507`. */
  providerId: string;
  org: string;
  displayName: string;
  group: ModelGroup;
  /** Catalog model id of the generalist base (medical fine-tunes) or unquantized model (quantized). */
  baseModelId: string | null;
  /** Total parameters in billions, where public. */
  paramsB: number | null;
  /** Active parameters in billions for MoE models, where public. */
  activeParamsB: number | null;
  /** Emits reasoning (thinking) tokens. */
  reasoning: boolean;
  /** Weights downloadable. */
  openWeights: boolean;
}

/** A configuration: one leaderboard row (an alias of the endpoint registry). */
export interface CatalogConfig {
  /** The alias (`endpoint_id`), used as slug in URLs. */
  alias: string;
  /** Catalog model id. */
  modelId: string;
  /** Reasoning effort from sampling args, or null. */
  reasoningEffort: string | null;
  displayName: string;
  /** Sampling defaults of the alias (as in the endpoint registry). */
  samplingArgs: Record<string, unknown>;
}
