/**
 * Which catalog configurations the demo evaluates, and the synthetic "persona" (ability, answer
 * style, verbosity) each one is given. Facts (provider id, group, base model, reasoning effort,
 * sampling args) come from the catalog; only the made-up performance knobs live here.
 */
import * as catalog from "../catalog";
import type { CatalogBenchmark, CatalogConfig, CatalogModel, CatalogVariant, ModelGroup } from "../catalog";
import { slug } from "../ingest/slug";

/**
 * The demo configurations (aliases of configs/medmarks-endpoints.toml): proprietary frontier
 * models, open-weight models of several sizes, medical fine-tunes next to their generalist bases,
 * one quantized model next to its base, and one model at three reasoning efforts.
 */
export const DEMO_CONFIG_ALIASES = [
  // proprietary
  "gpt-5_2",
  "gemini-3-pro-preview",
  "grok-4",
  "sonnet-4_5",
  "gpt_5_mini",
  "gpt-5-nano",
  // open-weight, large to small (reasoning and instruct)
  "kimi-k2-thinking",
  "qwen-235b-a22b-thinking",
  "gpt-oss-120b",
  "glm-4.5-air",
  "llama-3-70b-instruct",
  "phi-4-reasoning",
  "qwen-30b-a3b-instruct",
  "ling-2-flash",
  "qwen2_5-32b-instruct",
  "gemma-3-27b-it",
  "gemma-3-4b-it",
  "llama-3-8b-instruct",
  "olmo-3-7b-instruct",
  "ministral3-3b-instruct",
  // one model at three reasoning efforts (one provider id, effort in sampling_args)
  "gpt-oss-20b-low",
  "gpt-oss-20b",
  "gpt-oss-20b-high",
  // medical fine-tunes (bases above: gemma-3-4b-it, gemma-3-27b-it, qwen2_5-32b-instruct,
  // qwen-235b-a22b-thinking, ling-2-flash)
  "medgemma-4b-it",
  "medgemma-27b-text",
  "baichuan-m2",
  "baichuan-m3",
  "antangelmed",
  // quantized (base: qwen-30b-a3b-instruct)
  "qwen-30b-a3b-instruct-awq-4bit",
] as const;

export type DemoAlias = (typeof DEMO_CONFIG_ALIASES)[number];

/** How the completion states the chosen option (the ingest parses all three, spec §4). */
export type AnswerStyle = "tag" | "boxed" | "letter";

/** Synthetic performance profile of a configuration (demo tuning, not catalog facts). */
export interface Persona {
  /** Logit ability on a typical MCQ question at `refEffort`. */
  skill: number;
  /** Probability of answering the first option without reading (answer-order bias). */
  posBias: number;
  style: AnswerStyle;
  /** Median output tokens (reasoning included) for an MCQ answer at `refEffort`. */
  outTokens: number;
  /** Generation speed in output tokens per second. */
  tps: number;
  /** The effort the numbers above describe (default `medium`). */
  refEffort?: string;
  /** Medical fine-tunes: logit gain over their generalist base on medical benchmarks. */
  medBonus?: number;
  /** Quantized models: logit change relative to the unquantized base (negative). */
  quantDelta?: number;
  /** MedHallu: share of unsure ("2") answers when the model does not know. */
  cautious?: number;
}

const P = (
  skill: number,
  posBias: number,
  style: AnswerStyle,
  outTokens: number,
  tps: number,
  extra: Partial<Persona> = {},
): Persona => ({ skill, posBias, style, outTokens, tps, ...extra });

/** Personas by alias; effort siblings (gpt-oss-20b-low/-high) reuse the persona of their model. */
export const PERSONAS: Record<string, Persona> = {
  "gpt-5_2": P(2.5, 0.01, "tag", 620, 95),
  "gemini-3-pro-preview": P(2.6, 0.01, "tag", 780, 85),
  "grok-4": P(2.1, 0.15, "tag", 880, 60), // clear first-position preference, as in the paper
  "sonnet-4_5": P(1.9, 0.02, "tag", 420, 75),
  gpt_5_mini: P(1.7, 0.02, "tag", 430, 130, { refEffort: "low" }),
  "gpt-5-nano": P(1.0, 0.05, "tag", 1150, 160),
  "kimi-k2-thinking": P(2.0, 0.03, "tag", 4300, 45),
  "qwen-235b-a22b-thinking": P(2.0, 0.03, "boxed", 3900, 70),
  "gpt-oss-120b": P(1.6, 0.03, "tag", 1500, 180),
  "glm-4.5-air": P(1.3, 0.05, "tag", 3000, 90),
  "llama-3-70b-instruct": P(0.9, 0.05, "tag", 260, 60),
  "phi-4-reasoning": P(0.8, 0.08, "boxed", 3600, 110),
  "qwen-30b-a3b-instruct": P(0.8, 0.06, "tag", 320, 180),
  "ling-2-flash": P(0.7, 0.06, "tag", 480, 150),
  "qwen2_5-32b-instruct": P(0.2, 0.08, "tag", 270, 70),
  "gemma-3-27b-it": P(0.4, 0.07, "tag", 300, 70),
  "gemma-3-4b-it": P(-0.8, 0.22, "letter", 240, 160),
  "llama-3-8b-instruct": P(-0.3, 0.2, "letter", 180, 140),
  "olmo-3-7b-instruct": P(-0.4, 0.18, "tag", 280, 140),
  "ministral3-3b-instruct": P(-0.7, 0.24, "letter", 220, 200),
  "gpt-oss-20b": P(1.0, 0.06, "tag", 2000, 220),
  "medgemma-4b-it": P(-0.1, 0.19, "letter", 260, 160, { medBonus: 0.75, cautious: 0.3 }),
  "medgemma-27b-text": P(1.1, 0.05, "tag", 330, 70, { medBonus: 0.7, cautious: 0.25 }),
  "baichuan-m2": P(1.3, 0.04, "tag", 3200, 80, { medBonus: 1.0, cautious: 0.2 }),
  "baichuan-m3": P(2.3, 0.03, "tag", 3800, 60, { medBonus: 0.35, cautious: 0.2 }),
  antangelmed: P(1.3, 0.05, "tag", 540, 140, { medBonus: 0.6, cautious: 0.2 }),
  "qwen-30b-a3b-instruct-awq-4bit": P(0.65, 0.07, "tag", 340, 210, { quantDelta: -0.15 }),
};

/** Default persona for a catalog config without one (size- and group-based guess). */
function defaultPersona(model: CatalogModel): Persona {
  const size = model.paramsB ?? 30;
  const skill = Math.min(2, Math.log10(size) * 1.2 - 1) + (model.group === "proprietary" ? 0.8 : 0);
  return P(skill, size < 10 ? 0.18 : 0.06, "tag", model.reasoning ? 2500 : 300, 120);
}

/**
 * Runs deliberately left out, so the boards have coverage gaps to show (spec §3, step 2).
 * `pick`: `all` variants of the benchmark, only its `shuffled` copies, or its `last` variant.
 */
export const MISSING_RUNS: { alias: DemoAlias; benchmark: string; pick: "all" | "shuffled" | "last" }[] = [
  { alias: "llama-3-8b-instruct", benchmark: "healthbench", pick: "all" },
  { alias: "ministral3-3b-instruct", benchmark: "agentclinic", pick: "last" },
  { alias: "ministral3-3b-instruct", benchmark: "medrbench", pick: "last" },
  { alias: "kimi-k2-thinking", benchmark: "med_dialog", pick: "all" },
  { alias: "olmo-3-7b-instruct", benchmark: "medxpertqa", pick: "shuffled" },
];

/** The one interrupted run: rows in completion order, ~70% of `num_examples` present. */
export const INCOMPLETE_RUN = { alias: "qwen-235b-a22b-thinking", benchmark: "pubmedqa", variant: "base", fraction: 0.7 };

/** The configuration whose provider returned no usage: no `token_usage`, metadata `usage: null`. */
export const NO_USAGE_ALIAS = "gemini-3-pro-preview";

/** Catalog access the generator needs (injectable for tests of the generator itself). */
export interface DemoCatalog {
  configs: CatalogConfig[];
  getConfig(alias: string): CatalogConfig | undefined;
  getModel(id: string): CatalogModel | undefined;
  suiteVariants(subset: "V" | "OE"): { benchmark: CatalogBenchmark; variant: CatalogVariant }[];
}

export const defaultCatalog: DemoCatalog = {
  configs: catalog.configs,
  getConfig: catalog.getConfig,
  getModel: catalog.getModel,
  suiteVariants: catalog.suiteVariants,
};

/** A demo configuration with its catalog facts resolved. */
export interface DemoConfig {
  alias: string;
  config: CatalogConfig;
  model: CatalogModel;
  providerId: string;
  group: ModelGroup;
  effort: string | null;
  /** metadata.json `sampling_args`: the alias' sampling args with `reasoning_effort` when set. */
  samplingArgs: Record<string, unknown>;
  /** Model folder under runs/evals (see `modelFolder`). */
  folder: string;
  persona: Persona;
  /** Alias of the selected config of the generalist base / unquantized model, if any. */
  baseAlias: string | null;
}

export interface ResolvedSelection {
  configs: DemoConfig[];
  /** Aliases of DEMO_CONFIG_ALIASES the catalog does not (yet) know: skipped. */
  skipped: string[];
}

const EFFORT_RANK: Record<string, number> = { minimal: 0, low: 1, medium: 2, high: 3 };

/**
 * Resolve the demo selection against the catalog. Aliases missing from the catalog are skipped
 * (the generator degrades gracefully while the catalog is incomplete).
 *
 * Folder choice: real Medmarks writes every alias of one provider id into ONE Gen A folder
 * (`runs/evals/openai-gpt-oss-20b/...`), and the effort is only visible in metadata
 * `sampling_args`. The demo evaluates gpt-oss-20b at three efforts, whose variant folders would
 * collide there. So when two or more selected configs share a provider id, each writes to
 * `slug(providerId)-<effort>`; otherwise the folder is `slug(providerId)` as in Medmarks. Ingest
 * never relies on the folder: it identifies the configuration by `model` (provider id) plus
 * `sampling_args.reasoning_effort` from metadata.json (spec §2), which the demo always writes.
 */
export function resolveDemoConfigs(cat: DemoCatalog = defaultCatalog, aliases: readonly string[] = DEMO_CONFIG_ALIASES): ResolvedSelection {
  const found: { alias: string; config: CatalogConfig; model: CatalogModel }[] = [];
  const skipped: string[] = [];
  for (const alias of aliases) {
    const config = cat.getConfig(alias);
    const model = config ? cat.getModel(config.modelId) : undefined;
    if (!config || !model) skipped.push(alias);
    else found.push({ alias, config, model });
  }
  const perProvider = new Map<string, number>();
  for (const f of found) perProvider.set(f.model.providerId, (perProvider.get(f.model.providerId) ?? 0) + 1);

  const configs = found.map(({ alias, config, model }): DemoConfig => {
    const samplingArgs = structuredClone(config.samplingArgs ?? {}) as Record<string, unknown>;
    const effort = config.reasoningEffort ?? null;
    if (effort && samplingArgs.reasoning_effort === undefined) samplingArgs.reasoning_effort = effort;
    const shared = (perProvider.get(model.providerId) ?? 0) > 1;
    const sibling = found.find((f) => f.alias !== alias && f.config.modelId === config.modelId && PERSONAS[f.alias]);
    const persona = PERSONAS[alias] ?? (sibling ? PERSONAS[sibling.alias] : undefined) ?? defaultPersona(model);
    // the base config: a selected config of the base model, preferring the default (medium/no) effort
    let baseAlias: string | null = null;
    if (model.baseModelId) {
      const candidates = found
        .filter((f) => f.config.modelId === model.baseModelId)
        .sort((a, b) => effortDistance(a.config.reasoningEffort) - effortDistance(b.config.reasoningEffort));
      baseAlias = candidates[0]?.alias ?? null;
    }
    return {
      alias,
      config,
      model,
      providerId: model.providerId,
      group: model.group,
      effort,
      samplingArgs,
      folder: shared ? `${slug(model.providerId)}-${effort ?? "default"}` : slug(model.providerId),
      persona,
      baseAlias,
    };
  });
  return { configs, skipped };
}

function effortDistance(effort: string | null): number {
  return effort === null ? 0 : Math.abs((EFFORT_RANK[effort] ?? 2) - 2);
}

/** Logit-ability and token multipliers per reasoning effort, relative to `medium`. */
export function effortAdjust(effort: string | null, refEffort = "medium"): { skill: number; tokens: number } {
  const table: Record<string, { skill: number; tokens: number }> = {
    minimal: { skill: -0.6, tokens: 0.25 },
    low: { skill: -0.35, tokens: 0.45 },
    medium: { skill: 0, tokens: 1 },
    high: { skill: 0.22, tokens: 2.1 },
  };
  if (!effort) return { skill: 0, tokens: 1 };
  const a = table[effort] ?? table.medium;
  const r = table[refEffort] ?? table.medium;
  return { skill: a.skill - r.skill, tokens: a.tokens / r.tokens };
}
