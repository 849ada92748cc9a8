/**
 * Identity (spec §2): which configuration, benchmark and dataset a run belongs to.
 * Pure functions over the catalog; unknown models and benchmarks get derived names and are
 * flagged "not in catalog" by the loader, never dropped.
 */
import { benchmarksForEnv, configs, models, type CatalogBenchmark, type CatalogConfig, type CatalogVariant } from "../catalog";
import { parseVariantId } from "../catalog/variant-id";
import { slug } from "./slug";

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Effort = first of sampling_args.reasoning_effort, .reasoning.effort, .output_config.effort, .extra_body.reasoning_effort. */
export function reasoningEffortOf(samplingArgs: unknown): string | null {
  if (!isObj(samplingArgs)) return null;
  const candidates = [
    samplingArgs.reasoning_effort,
    isObj(samplingArgs.reasoning) ? samplingArgs.reasoning.effort : undefined,
    isObj(samplingArgs.output_config) ? samplingArgs.output_config.effort : undefined,
    isObj(samplingArgs.extra_body) ? samplingArgs.extra_body.reasoning_effort : undefined,
  ];
  for (const c of candidates) if (typeof c === "string" && c !== "") return c;
  return null;
}

const modelByProvider = new Map(models.map((m) => [m.providerId, m]));

export function catalogModelForProvider(providerId: string) {
  return modelByProvider.get(providerId) ?? null;
}

export interface ResolvedConfig {
  slug: string;
  /** The catalog alias this run maps to, if any. */
  catalog: CatalogConfig | null;
}

/**
 * The configuration: an explicit alias (manifest, --alias, upload form) when given; else the
 * unique catalog alias whose provider id AND effort match (no effort matches an alias without
 * one); else slug(provider id) plus `-<effort>`.
 */
export function resolveConfig(providerId: string, effort: string | null, alias?: string | null): ResolvedConfig {
  if (alias) {
    return { slug: alias, catalog: configs.find((c) => c.alias === alias) ?? null };
  }
  const model = modelByProvider.get(providerId);
  if (model) {
    const matches = configs.filter((c) => c.modelId === model.id && c.reasoningEffort === effort);
    if (matches.length === 1) return { slug: matches[0].alias, catalog: matches[0] };
  }
  return { slug: slug(providerId) + (effort ? `-${effort}` : ""), catalog: null };
}

export interface ResolvedBenchmark {
  slug: string;
  catalog: CatalogBenchmark | null;
}

/** Benchmark from env id and env_args.split: careqa+open → careqa_open, pubhealthbench+freeform → …_freeform. */
export function resolveBenchmark(envId: string, envArgs: Json): ResolvedBenchmark {
  const candidates = benchmarksForEnv(envId);
  const split = typeof envArgs.split === "string" ? envArgs.split : null;
  if (candidates.length === 1 && (candidates[0].split === null || split === null || candidates[0].split === split)) {
    return { slug: candidates[0].slug, catalog: candidates[0] };
  }
  if (candidates.length > 1) {
    const bySplit = candidates.find((b) => b.split === split);
    if (bySplit) return { slug: bySplit.slug, catalog: bySplit };
    // No split recorded: the env's default split is the one whose slug is the env id.
    if (split === null) {
      const plain = candidates.find((b) => b.slug === envId) ?? candidates[0];
      return { slug: plain.slug, catalog: plain };
    }
  }
  return { slug: split && candidates.length > 0 ? `${envId}_${slug(split)}` : envId, catalog: null };
}

/** env_args keys that select a subtask, and how the suite names a subtask from each. */
const SUBTASK_KEYS: { key: string; name: (v: string) => string }[] = [
  { key: "task", name: (v) => v },
  { key: "question_type", name: (v) => v },
  { key: "difficulty", name: (v) => v },
  { key: "num_options", name: (v) => `num_options-${v}` },
  { key: "version", name: (v) => `version-${v}` },
];

export interface ResolvedDataset {
  envId: string;
  /** Canonical variant id: `base`, `shuffle_seed-1618`, `task1__shuffle_seed-9331`, `rollout_1`. */
  variantId: string;
  subtask: string;
  orderSeed: number | null;
  repeat: number;
  /** Full-suite question count, when the catalog knows the variant. */
  nQuestions: number | null;
}

export function composeVariantId(subtask: string, orderSeed: number | null, repeat: number): string {
  const parts: string[] = [];
  if (subtask !== "base") parts.push(subtask);
  if (orderSeed !== null) parts.push(`shuffle_seed-${orderSeed}`);
  if (repeat > 0) parts.push(`rollout_${repeat}`);
  return parts.length ? parts.join("__") : "base";
}

function orderSeedFromArgs(envArgs: Json): number | null {
  // Only the answer shuffle counts; doc_shuffle_seed (LongHealth's document order) never does.
  if (envArgs.shuffle_answers !== true) return null;
  const seed = envArgs.shuffle_seed;
  const n = typeof seed === "string" ? Number.parseInt(seed, 10) : seed;
  return typeof n === "number" && Number.isInteger(n) ? n : null;
}

function matchesSubtaskArgs(variant: CatalogVariant, envArgs: Json): boolean {
  const keys = SUBTASK_KEYS.map((k) => k.key).filter((k) => variant.envArgs[k] !== undefined);
  return keys.length > 0 && keys.every((k) => String(variant.envArgs[k]) === String(envArgs[k]));
}

/**
 * Dataset from the variant folder name (`base` for single-run formats) and env_args. The order
 * seed comes from env_args when it says so, else from the folder name; a `base` folder whose
 * env_args select a subtask lands in that subtask (a smoke run joins the suite's dataset).
 */
export function resolveDataset(
  benchmark: CatalogBenchmark | null,
  envId: string,
  variantFolder: string,
  envArgs: Json,
): ResolvedDataset {
  const parsed = parseVariantId(variantFolder);
  const orderSeed = orderSeedFromArgs(envArgs) ?? parsed.orderSeed;
  const repeat = parsed.repeat;
  let subtask = parsed.subtask;
  const catalogVariants = benchmark?.variants.filter((v) => v.envId === envId) ?? [];
  if (subtask === "base") {
    const bySubtaskArgs = catalogVariants.find((v) => v.subtask !== "base" && matchesSubtaskArgs(v, envArgs));
    if (bySubtaskArgs) subtask = bySubtaskArgs.subtask;
    else if (catalogVariants.length === 0 || !catalogVariants.some((v) => v.subtask === "base" || v.variantId === "base")) {
      const named = SUBTASK_KEYS.filter((k) => envArgs[k.key] !== undefined && envArgs[k.key] !== null).map((k) =>
        k.name(String(envArgs[k.key])),
      );
      if (named.length) subtask = named.join("_");
    }
  }
  let variantId = composeVariantId(subtask, orderSeed, repeat);
  // The catalog may name the subtask differently from the folder (MTSamples: one env per subtask).
  const known =
    catalogVariants.find((v) => v.variantId === variantId) ??
    catalogVariants.find((v) => v.subtask === subtask && v.orderSeed === orderSeed && v.repeat === repeat);
  if (known) {
    variantId = known.variantId;
    subtask = known.subtask;
  }
  return { envId, variantId, subtask, orderSeed, repeat, nQuestions: known?.nQuestions ?? null };
}
