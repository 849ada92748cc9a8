/** metadata.json of each format, validated (zod) into one shape. */
import { z } from "zod";
import { IngestError } from "./errors";

export type RunFormat = "A" | "A1" | "B" | "C" | "parquet";

export interface RunMeta {
  envId: string;
  envArgs: Record<string, unknown>;
  /** Provider model id (`model`), not the alias. */
  providerModel: string;
  numExamples: number | null;
  rolloutsPerExample: number;
  samplingArgs: Record<string, unknown>;
  avgReward: number | null;
  versionInfo: Record<string, unknown> | null;
  judgeModels: string[];
  /** When the run happened, if the metadata says (Gen C date + time). */
  runAt: string | null;
  raw: Record<string, unknown>;
}

const obj = z.record(z.string(), z.unknown());

/** The keys Gen A and Gen B metadata share (`env_id`, `model`, ...). */
export const envMetadataSchema = z.looseObject({
  env_id: z.string().min(1),
  env_args: obj.nullish(),
  model: z.string().min(1),
  num_examples: z.number().int().nullish(),
  rollouts_per_example: z.number().int().min(1).nullish(),
  sampling_args: obj.nullish(),
  avg_reward: z.number().nullish(),
});

const genA = envMetadataSchema.extend({
  version_info: obj.nullish(),
});

const genC = z.looseObject({
  env: z.string().min(1),
  model: z.string().min(1),
  num_examples: z.number().int().nullish(),
  rollouts_per_example: z.number().int().min(1).nullish(),
  sampling_args: obj.nullish(),
  date: z.string().nullish(),
  time: z.string().nullish(),
  avg_reward: z.number().nullish(),
});

/** Judges are `env_args.judge_model` only (a string or a list); simulated actors are not judges. */
export function judgeModelsOf(envArgs: Record<string, unknown>): string[] {
  const j = envArgs.judge_model;
  if (typeof j === "string" && j) return [j];
  if (Array.isArray(j)) return j.filter((x): x is string => typeof x === "string" && x !== "");
  return [];
}

function fail(file: string, error: z.ZodError): never {
  const issue = error.issues[0];
  throw new IngestError(file, issue.message, undefined, issue.path.join(".") || undefined);
}

export function parseMetadata(file: string, text: string, format: RunFormat): RunMeta {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new IngestError(file, `not valid JSON (${(e as Error).message})`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new IngestError(file, "must be a JSON object");
  if (format === "C") {
    const r = genC.safeParse(json);
    if (!r.success) fail(file, r.error);
    const m = r.data;
    const runAt = m.date ? new Date(`${m.date}T${/^\d{1,2}:\d{2}(:\d{2})?$/.test(m.time ?? "") ? m.time : "00:00:00"}Z`) : null;
    return {
      envId: m.env,
      envArgs: {},
      providerModel: m.model,
      numExamples: m.num_examples ?? null,
      rolloutsPerExample: m.rollouts_per_example ?? 1,
      samplingArgs: m.sampling_args ?? {},
      avgReward: m.avg_reward ?? null,
      versionInfo: null,
      judgeModels: [],
      runAt: runAt && !Number.isNaN(runAt.getTime()) ? runAt.toISOString() : null,
      raw: m,
    };
  }
  const r = genA.safeParse(json);
  if (!r.success) fail(file, r.error);
  return fromEnvMetadata(r.data, r.data.version_info ?? null);
}

/** RunMeta from metadata keyed like Gen A's (`env_id`, `model`, ...); Gen B's legacy files share the keys. */
export function fromEnvMetadata(
  m: {
    env_id: string;
    env_args?: Record<string, unknown> | null;
    model: string;
    num_examples?: number | null;
    rollouts_per_example?: number | null;
    sampling_args?: Record<string, unknown> | null;
    avg_reward?: number | null;
  },
  versionInfo: Record<string, unknown> | null,
): RunMeta {
  const envArgs = m.env_args ?? {};
  return {
    envId: m.env_id,
    envArgs,
    providerModel: m.model,
    numExamples: m.num_examples ?? null,
    rolloutsPerExample: m.rollouts_per_example ?? 1,
    samplingArgs: m.sampling_args ?? {},
    avgReward: m.avg_reward ?? null,
    versionInfo,
    judgeModels: judgeModelsOf(envArgs),
    runAt: null,
    raw: m,
  };
}
