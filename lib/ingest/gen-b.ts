/**
 * Gen B — the paper-era runner (spec §1), `runs/raw/<run_id>/`:
 *
 *   run_manifest.json            version 3, validated by {@link parseManifest}
 *   <job_id>/metadata.json       legacy metadata, {@link parseGenBMetadata}
 *   <job_id>/results.jsonl       one rollout per line, {@link normalizeGenBRow}
 *
 * Only `completed` jobs are results ({@link manifestRuns}); every other status is reported as
 * skipped with its reason. The configuration of a job is its manifest ALIAS (`job.model_id`),
 * the provider model is `models[alias].model`.
 *
 * Variant folder of a job ({@link genBVariantFolder}) — the legacy `env_variant_id` is turned
 * into the canonical Medmarks variant id that `parseVariantId` / `resolveDataset` understand:
 *
 *  1. Suffixes are peeled off the end (each kind at most once, in any order):
 *     - answer order, legacy: `[-_](?:r|rollout)(\d+)$` → order seed = the digits
 *       (`medqa-rollout1618`, `medqa_r1618` → seed 1618);
 *     - answer order, already canonical: `shuffle_seed-N` / `env_args.shuffle_seed-N` as the whole
 *       id or after `-`, `_` or `__`;
 *     - repeat: `rollout_K` as the whole id or after `-`/`_` (`agentclinic_rollout_1` → repeat 1;
 *       the legacy order regex does not match it because a `_` sits between `rollout` and the digits).
 *  2. What remains is compared with the env id, case-insensitively and treating `-`, `_` and `.`
 *     as the same character. The env id is tried as given, as `slug(env_id)` and as its last
 *     dotted segment (module-style ids such as `environments.snapshot_env`).
 *     - empty, `base`, or equal to the env id → subtask `base`;
 *     - `<env id><sep><rest>` → subtask `<rest>` in its original spelling
 *       (`longhealth-task1-rollout9331` → `task1`, order seed 9331);
 *     - anything else is kept whole as the subtask (never guessed away into `base`: two different
 *       legacy variants must not collapse into one dataset).
 *  3. The subtask is parsed once more as a Medmarks variant id (so `task1__shuffle_seed-9331` also
 *     works), and the canonical id is composed as `subtask[__shuffle_seed-N][__rollout_K]`, `base`
 *     when nothing is left: `medqa` → `base`, `medqa-rollout1618` → `shuffle_seed-1618`,
 *     `agentclinic_rollout_1` → `rollout_1`, `longhealth-task1-rollout9331` →
 *     `task1__shuffle_seed-9331`.
 *
 * Rows differ from Gen A: `task`, `error` is a string, latency in `generation_ms` / `scoring_ms` /
 * `total_ms`, metric values as top-level numeric columns, and a nested `token_usage`
 * `{model:{prompt, completion, total, cost, reasoning_tokens?}, judge:{…}, total:{…}, cost}`.
 *
 * Python's `json` writes `NaN` / `Infinity` for non-finite floats; {@link parseJsonLenient} reads
 * those as `null` (it is used for the manifest and metadata, and is exported for results lines).
 */
import path from "node:path";
import { z } from "zod";
import { composeVariantId } from "./identity";
import { IngestError } from "./errors";
import { envMetadataSchema, fromEnvMetadata, type RunMeta } from "./metadata";
import { parseVariantId } from "../catalog/variant-id";
import { chosenOptionText, optionsFromPrompt, parseAnswer } from "./parse-answer";
import { completionText, errorText, hasReasoning, optionsOf, promptText, type RolloutRecord } from "./rollout";
import { slug } from "./slug";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// JSON

/**
 * `JSON.parse`, but bare `NaN`, `Infinity` and `-Infinity` (as Python's `json` writes them)
 * outside strings become `null`. Strict JSON is parsed directly; only text that fails to parse
 * is scanned. Throws the `JSON.parse` error when the text is still invalid.
 */
export function parseJsonLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (first) {
    if (!/NaN|Infinity/.test(text)) throw first;
    let out = "";
    let last = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') {
        inString = true;
        continue;
      }
      const token = text.startsWith("NaN", i) ? "NaN" : text.startsWith("-Infinity", i) ? "-Infinity" : text.startsWith("Infinity", i) ? "Infinity" : null;
      if (token) {
        out += text.slice(last, i) + "null";
        i += token.length - 1;
        last = i + 1;
      }
    }
    out += text.slice(last);
    try {
      return JSON.parse(out);
    } catch {
      throw first;
    }
  }
}

function parseJsonObject(file: string, text: string): Json {
  let json: unknown;
  try {
    json = parseJsonLenient(text);
  } catch (e) {
    throw new IngestError(file, `not valid JSON (${(e as Error).message})`);
  }
  if (!isObj(json)) throw new IngestError(file, "must be a JSON object");
  return json;
}

function fail(file: string, error: z.ZodError): never {
  const issue = error.issues[0];
  throw new IngestError(file, issue.message, undefined, issue.path.map(String).join(".") || undefined);
}

// ---------------------------------------------------------------------------------------------
// run_manifest.json

const obj = z.record(z.string(), z.unknown());

export const JOB_STATUSES = ["pending", "running", "completed", "failed", "skipped"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

const manifestModel = z.looseObject({
  id: z.string().nullish(),
  model: z.string().min(1),
  sampling_args: obj.nullish(),
  env_args: obj.nullish(),
});

const manifestJob = z.looseObject({
  job_id: z.string().min(1),
  env_id: z.string().min(1),
  model_id: z.string().min(1),
  env_variant_id: z.string().min(1),
  env_args: obj.nullish(),
  sampling_args: obj.nullish(),
  status: z.enum(JOB_STATUSES),
  results_relpath: z.string().min(1).nullish(),
  metadata_relpath: z.string().min(1).nullish(),
  row_count: z.number().int().min(0).nullish(),
  duration_seconds: z.number().nullish(),
  avg_reward: z.number().nullish(),
  metrics: obj.nullish(),
  started_at: z.string().nullish(),
  ended_at: z.string().nullish(),
});

const manifestSchema = z.looseObject({
  version: z.literal(3),
  run_id: z.string().min(1),
  name: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  models: z.record(z.string(), manifestModel),
  env_templates: obj.nullish(),
  jobs: z.array(manifestJob),
  summary: obj.nullish(),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestJob = z.infer<typeof manifestJob>;

/**
 * Parse and validate `run_manifest.json` (version 3). Unknown keys are kept. Errors name the
 * file and the field path (`jobs.0.status`); duplicate job ids are rejected.
 */
export function parseManifest(file: string, text: string): Manifest {
  const r = manifestSchema.safeParse(parseJsonObject(file, text));
  if (!r.success) fail(file, r.error);
  const seen = new Set<string>();
  r.data.jobs.forEach((job, i) => {
    if (seen.has(job.job_id)) throw new IngestError(file, `duplicate job id ${JSON.stringify(job.job_id)}`, undefined, `jobs.${i}.job_id`);
    seen.add(job.job_id);
  });
  return r.data;
}

/** One completed job: where its files are and who/what it ran. */
export interface GenBJobRun {
  jobId: string;
  /** The manifest alias (`job.model_id`): the configuration of the run. */
  alias: string;
  /** `models[alias].model`, the provider model id. */
  providerModel: string;
  envId: string;
  /** The job's `env_variant_id` as written. */
  envVariantId: string;
  /** Canonical Medmarks variant id ({@link genBVariantFolder}). */
  variantFolder: string;
  metadataPath: string;
  resultsPath: string;
  /** ISO time: `job.ended_at`, else the manifest's `updated_at`; null when neither parses. */
  runAt: string | null;
  /** The job's `env_args` (already resolved by the runner); the alias's when the job has none. */
  envArgs: Record<string, unknown>;
  /** The job's `sampling_args`; the alias's when the job has none. */
  samplingArgs: Record<string, unknown>;
  /** `row_count` as the runner recorded it, if any. */
  rowCount: number | null;
}

export interface GenBSkippedJob {
  jobId: string;
  status: JobStatus;
  reason: string;
}

export interface GenBManifestRuns {
  runs: GenBJobRun[];
  skipped: GenBSkippedJob[];
}

/** Python writes naive ISO times: read them as UTC. Returns an ISO string or null. */
export function isoTime(value: string | null | undefined): string | null {
  if (!value) return null;
  let s = value.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, "$1T$2");
  if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) s += "Z";
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** `<manifest folder>/<relpath>`; rejects absolute paths and paths that leave the folder. */
function jobPath(manifestPath: string, rel: string, field: string): string {
  const dir = path.resolve(path.dirname(manifestPath));
  // A manifest written on Windows may use backslashes as separators.
  const norm = rel.replace(/\\/g, "/");
  if (norm.startsWith("/") || /^[A-Za-z]:/.test(norm) || norm.includes("\0")) {
    throw new IngestError(manifestPath, `must be a path relative to the manifest's folder, got ${JSON.stringify(rel)}`, undefined, field);
  }
  const full = path.resolve(dir, norm);
  const back = path.relative(dir, full);
  if (back === "" || back === ".." || back.startsWith(`..${path.sep}`) || path.isAbsolute(back)) {
    throw new IngestError(manifestPath, `escapes the manifest's folder: ${JSON.stringify(rel)}`, undefined, field);
  }
  return full;
}

/**
 * The completed jobs of a manifest, with absolute file paths (resolved against the manifest's
 * folder; `<job_id>/metadata.json` / `<job_id>/results.jsonl` when a relpath is missing), and the
 * jobs that are not results with the reason. A completed job whose alias is not in `models` is an
 * error (`jobs.N.model_id`). Does not touch the file system.
 */
export function manifestRuns(manifestPath: string, manifest: Manifest): GenBManifestRuns {
  const runs: GenBJobRun[] = [];
  const skipped: GenBSkippedJob[] = [];
  const updatedAt = isoTime(manifest.updated_at);
  manifest.jobs.forEach((job, i) => {
    if (job.status !== "completed") {
      skipped.push({ jobId: job.job_id, status: job.status, reason: `status is ${job.status}, only completed jobs are results` });
      return;
    }
    const model = Object.hasOwn(manifest.models, job.model_id) ? manifest.models[job.model_id] : undefined;
    if (!model) {
      throw new IngestError(manifestPath, `alias ${JSON.stringify(job.model_id)} is not in "models"`, undefined, `jobs.${i}.model_id`);
    }
    runs.push({
      jobId: job.job_id,
      alias: job.model_id,
      providerModel: model.model,
      envId: job.env_id,
      envVariantId: job.env_variant_id,
      variantFolder: genBVariantFolder(job.env_id, job.env_variant_id),
      metadataPath: jobPath(manifestPath, job.metadata_relpath ?? `${job.job_id}/metadata.json`, `jobs.${i}.metadata_relpath`),
      resultsPath: jobPath(manifestPath, job.results_relpath ?? `${job.job_id}/results.jsonl`, `jobs.${i}.results_relpath`),
      runAt: isoTime(job.ended_at) ?? updatedAt,
      envArgs: job.env_args ?? model.env_args ?? {},
      samplingArgs: job.sampling_args ?? model.sampling_args ?? {},
      rowCount: job.row_count ?? null,
    });
  });
  return { runs, skipped };
}

// ---------------------------------------------------------------------------------------------
// Variant id

/** The legacy answer-order suffix (spec §1): `medqa-rollout1618`, `medqa_r1618`. */
export const LEGACY_ORDER_SUFFIX = /[-_](?:r|rollout)(\d+)$/;
const CANONICAL_ORDER_SUFFIX = /(?:^|[-_])(?:env_args\.)?shuffle_seed-(\d+)$/;
const REPEAT_SUFFIX = /(?:^|[-_])rollout_(\d+)$/;

/** Case-insensitive, `-` = `_` = `.`; keeps the length so a prefix can be cut from the original. */
const looseKey = (s: string) => s.toLowerCase().replace(/[._]/g, "-");

/** Canonical Medmarks variant id of a Gen B `env_variant_id` (rules in the module comment). */
export function genBVariantFolder(envId: string, envVariantId: string): string {
  let rest = envVariantId.trim();
  let orderSeed: number | null = null;
  let repeat: number | null = null;
  for (let changed = true; changed; ) {
    changed = false;
    if (repeat === null) {
      const m = REPEAT_SUFFIX.exec(rest);
      if (m) {
        repeat = Number.parseInt(m[1], 10);
        rest = rest.slice(0, m.index);
        changed = true;
      }
    }
    if (orderSeed === null) {
      const m = LEGACY_ORDER_SUFFIX.exec(rest) ?? CANONICAL_ORDER_SUFFIX.exec(rest);
      if (m) {
        orderSeed = Number.parseInt(m[1], 10);
        rest = rest.slice(0, m.index);
        changed = true;
      }
    }
    rest = rest.replace(/[-_]+$/, "");
  }

  const candidates = [...new Set([envId, slug(envId), envId.split(".").pop() ?? envId].map(looseKey))]
    .filter((c) => c !== "")
    .sort((a, b) => b.length - a.length);
  const key = looseKey(rest);
  let subtask = rest;
  if (rest === "" || key === "base" || candidates.includes(key)) subtask = "base";
  else {
    const prefix = candidates.find((c) => key.startsWith(c) && /^[-_]/.test(rest.slice(c.length)));
    if (prefix) subtask = rest.slice(prefix.length).replace(/^[-_]+/, "") || "base";
  }

  const parsed = parseVariantId(subtask);
  return composeVariantId(parsed.subtask, orderSeed ?? parsed.orderSeed, repeat ?? parsed.repeat);
}

// ---------------------------------------------------------------------------------------------
// metadata.json (legacy)

const legacyMeta = envMetadataSchema.extend({
  time_ms: z.number().nullish(),
  avg_metrics: obj.nullish(),
});

/**
 * Legacy Gen B `metadata.json`: `env_id, env_args, model, num_examples, rollouts_per_example,
 * sampling_args, time_ms, avg_reward, avg_metrics` (no `usage`, no `version_info`). `runAt` is
 * null: the job's time comes from the manifest ({@link GenBJobRun.runAt}).
 */
export function parseGenBMetadata(file: string, text: string): RunMeta {
  const r = legacyMeta.safeParse(parseJsonObject(file, text));
  if (!r.success) fail(file, r.error);
  return fromEnvMetadata(r.data, null);
}

// ---------------------------------------------------------------------------------------------
// results.jsonl rows

/** Top-level keys that are never metrics, even when numeric. */
const NOT_METRICS = new Set([
  "reward",
  "example_id",
  "id",
  "rollout_index",
  "answer",
  "task",
  "info",
  "prompt",
  "completion",
  "error",
  "cost",
]);
const isNotMetric = (k: string) => NOT_METRICS.has(k) || k.endsWith("_ms") || k.includes("token") || k.includes("cost");

function optionalNumber(value: unknown, file: string, line: number, field: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number") throw new IngestError(file, `must be a number or null, got ${JSON.stringify(value)}`, line, field);
  return Number.isFinite(value) ? value : null;
}

function optionalObject(value: unknown, file: string, line: number, field: string): Json | null {
  if (value === undefined || value === null) return null;
  if (!isObj(value)) throw new IngestError(file, "must be an object or null", line, field);
  return value;
}

const round = (n: number | null) => (n === null ? null : Math.round(n));

/**
 * Normalise one parsed Gen B `results.jsonl` row. `rolloutIndex` is given by the caller (the n-th
 * row of the same example id). Throws {@link IngestError} with line and field for wrong types.
 *
 * - id: `example_id`, else `id` (integer or string);
 * - metrics: `row.metrics` when it is an object, else every top-level finite number except
 *   reward, ids, `rollout_index`, `answer`, `*_ms` timings and token / cost fields;
 * - latency: `total_ms`, else `generation_ms`;
 * - tokens: `token_usage.model.{prompt, completion, reasoning_tokens}`,
 *   judge `token_usage.judge.{prompt, completion}`, cost `token_usage.cost` else
 *   `token_usage.total.cost`;
 * - parsed answer and chosen option text exactly as Gen A (`info.options`, else the prompt's
 *   option lines).
 */
export function normalizeGenBRow(row: unknown, file: string, line: number, rolloutIndex: number): RolloutRecord {
  if (!isObj(row)) throw new IngestError(file, "each line must be a JSON object", line);
  const idField = row.example_id !== undefined && row.example_id !== null ? "example_id" : "id";
  const rawId = row[idField];
  if (rawId === undefined || rawId === null || rawId === "") throw new IngestError(file, "missing question id", line, "example_id");
  if (typeof rawId !== "number" && typeof rawId !== "string") throw new IngestError(file, "must be an integer or a string", line, idField);
  if (row.reward !== undefined && row.reward !== null && typeof row.reward !== "number") {
    throw new IngestError(file, `must be a number or null, got ${JSON.stringify(row.reward)}`, line, "reward");
  }
  for (const field of ["prompt", "completion"] as const) {
    const v = row[field];
    if (v !== undefined && v !== null && typeof v !== "string" && !Array.isArray(v)) {
      throw new IngestError(file, "must be a list of messages or a string", line, field);
    }
  }

  const totalMs = optionalNumber(row.total_ms, file, line, "total_ms");
  const generationMs = optionalNumber(row.generation_ms, file, line, "generation_ms");
  optionalNumber(row.scoring_ms, file, line, "scoring_ms");

  const usage = optionalObject(row.token_usage, file, line, "token_usage");
  const part = (name: "model" | "judge" | "total") => optionalObject(usage?.[name], file, line, `token_usage.${name}`);
  const model = part("model");
  const judge = part("judge");
  const total = part("total");
  const tok = (o: Json | null, name: string, key: string) => optionalNumber(o?.[key], file, line, `token_usage.${name}.${key}`);

  let metrics: Record<string, number> | null = null;
  if (isObj(row.metrics)) {
    metrics = {};
    for (const [k, v] of Object.entries(row.metrics)) if (typeof v === "number" && Number.isFinite(v)) metrics[k] = v;
  } else {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(row)) if (typeof v === "number" && Number.isFinite(v) && !isNotMetric(k)) out[k] = v;
    if (Object.keys(out).length) metrics = out;
  }

  const info = row.info ?? null;
  const text = completionText(row.completion);
  const parsedAnswer = parseAnswer(text);
  const options = optionsOf(info) ?? optionsFromPrompt(promptText(row.prompt));
  const reward = typeof row.reward === "number" && Number.isFinite(row.reward) ? row.reward : null;

  return {
    exampleId: String(rawId),
    rolloutIndex,
    reward,
    metrics,
    gold: row.answer === undefined || row.answer === null ? null : String(row.answer),
    parsedAnswer,
    chosenText: chosenOptionText(parsedAnswer, options),
    inputTokens: round(tok(model, "model", "prompt")),
    outputTokens: round(tok(model, "model", "completion")),
    reasoningTokens: round(tok(model, "model", "reasoning_tokens")),
    judgeInputTokens: round(tok(judge, "judge", "prompt")),
    judgeOutputTokens: round(tok(judge, "judge", "completion")),
    costUsd: optionalNumber(usage?.cost, file, line, "token_usage.cost") ?? tok(total, "total", "cost"),
    latencyMs: round(totalMs ?? generationMs),
    error: errorText(row.error),
    stopCondition: typeof row.stop_condition === "string" ? row.stop_condition : null,
    truncated: typeof row.is_truncated === "boolean" ? row.is_truncated : null,
    hasReasoning: hasReasoning(row.completion),
    prompt: row.prompt ?? null,
    completion: row.completion ?? null,
    info,
  };
}
