/**
 * Processed parquet (`medarc-eval process`, spec §1), optional:
 * `runs/processed/<model>/<env>__variants/<variant>.parquet`, one row per rollout, 26 columns
 * including `env_id, example_id (string), model_id, variant_id, reward, rollout_index,
 * model_token_prompt, model_token_completion, model_token_total, generation_ms, total_ms,
 * judge_token_{prompt,completion,total}, answer`. There is no prompt / completion text, so the
 * records carry `prompt`, `completion` and `info` = null and no parsed answer.
 *
 * Columns → {@link RolloutRecord}:
 * - required: `env_id`, `model_id`, `variant_id` (the grouping key), `example_id`, `reward`;
 * - `rolloutIndex` = `rollout_index` when present, else the n-th row of the example in the run;
 * - tokens: `model_token_prompt` / `model_token_completion` / `model_token_reasoning_tokens`
 *   (or `model_token_reasoning`), judge `judge_token_prompt` / `judge_token_completion`;
 *   cost, if a column carries it: `cost_usd`, `cost`, `token_cost` or `total_token_cost`;
 * - latency = `total_ms`, else `generation_ms`; `error`, `stop_condition`, `is_truncated` if present;
 * - metrics: every other numeric column (not reward, ids, `rollout_index`, `answer`, `*_ms`,
 *   token / cost columns, or `__…` index columns such as pandas' `__index_level_0__`);
 * - `hasReasoning` = reasoning tokens > 0.
 * Integer columns may be INT64 (read as bigint): converted with `Number`.
 * In {@link IngestError}s, `line` is the 1-based row number in the file.
 *
 * Codecs: SNAPPY / UNCOMPRESSED (hyparquet), GZIP and BROTLI (node:zlib), ZSTD (fzstd);
 * LZ4 / LZO are not supported and raise an IngestError.
 *
 * Memory: {@link readParquetRuns} reads the footer, then the three key columns one row group at a
 * time, and keeps per run only its row count and the indices of the row groups it occurs in.
 * Iterating a run's `rows` reads one row group at a time (only the columns above, never nested or
 * text-only columns it does not use), builds records one by one, and keeps a map
 * example id → rows seen (only when there is no `rollout_index` column). So the peak is about one
 * row group's decoded columns plus the per-run example map, whatever the file size.
 */
import zlib from "node:zlib";
import { decompress as zstdDecompress } from "fzstd";
import { asyncBufferFromFile, parquetMetadataAsync, parquetScan, parquetSchema, type AsyncBuffer, type Compressors, type DecodedArray, type FileMetaData } from "hyparquet";
import { parseVariantId } from "../catalog/variant-id";
import { IngestError } from "./errors";
import { composeVariantId } from "./identity";
import type { RolloutRecord } from "./rollout";

export interface ParquetRun {
  file: string;
  /** `model_id` as stored (a provider model id, or whatever the processor wrote). */
  providerModel: string;
  envId: string;
  /** `variant_id` as stored. */
  variantId: string;
  /** Canonical variant id: `variant_id` re-composed (`env_args.shuffle_seed-1618` → `shuffle_seed-1618`, "" → `base`). */
  variantFolder: string;
  /** Rows of this run in the file. */
  rowCount: number;
  /** The run's rollouts, read lazily one row group at a time; each iteration re-reads the file. */
  rows: AsyncIterable<RolloutRecord>;
}

export const PARQUET_REQUIRED_COLUMNS = ["env_id", "model_id", "variant_id", "example_id", "reward"] as const;
const KEY_COLUMNS = ["model_id", "env_id", "variant_id"] as const;
/** Non-numeric columns read when present. */
const TEXT_COLUMNS = ["env_id", "model_id", "variant_id", "example_id", "answer", "error", "stop_condition"];
const NUMERIC_TYPES = new Set(["INT32", "INT64", "FLOAT", "DOUBLE"]);
const NOT_METRICS = new Set(["reward", "example_id", "rollout_index", "answer", "id"]);
const isNotMetric = (k: string) => NOT_METRICS.has(k) || k.startsWith("__") || k.endsWith("_ms") || k.includes("token") || k.includes("cost");

const compressors: Compressors = {
  GZIP: (input) => new Uint8Array(zlib.unzipSync(input)),
  BROTLI: (input) => new Uint8Array(zlib.brotliDecompressSync(input)),
  ZSTD: (input, outputLength) => zstdDecompress(input, new Uint8Array(outputLength)),
};

/** Canonical form of a stored Medmarks variant id. */
export function canonicalParquetVariant(variantId: string): string {
  const p = parseVariantId(variantId);
  return composeVariantId(p.subtask, p.orderSeed, p.repeat);
}

function wrap(file: string, e: unknown): never {
  if (e instanceof IngestError) throw e;
  throw new IngestError(file, `cannot read parquet (${(e as Error)?.message ?? String(e)})`);
}

const toNum = (v: unknown): number | null => {
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return null;
};
const toInt = (v: unknown): number | null => {
  const n = toNum(v);
  return n === null ? null : Math.round(n);
};

function keyString(file: string, v: unknown, row: number, field: string): string {
  if (typeof v === "string" && v !== "") return v;
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  throw new IngestError(file, v === null || v === undefined || v === "" ? "missing value" : `must be a string, got ${typeof v}`, row + 1, field);
}

interface Group {
  providerModel: string;
  envId: string;
  variantId: string;
  rowCount: number;
  /** Indices into the scan ranges (row groups) where this run has rows. */
  ranges: number[];
}

/**
 * The runs in one processed parquet file, grouped by (`model_id`, `env_id`, `variant_id`) in
 * order of first appearance. Validates the schema (required columns) and the key columns; the
 * other columns are validated while `rows` is iterated.
 */
export async function readParquetRuns(file: string): Promise<ParquetRun[]> {
  let buffer: AsyncBuffer;
  let metadata: FileMetaData;
  try {
    buffer = await asyncBufferFromFile(file);
    metadata = await parquetMetadataAsync(buffer);
  } catch (e) {
    wrap(file, e);
  }
  const leaves = parquetSchema(metadata).children.filter((c) => c.children.length === 0).map((c) => c.element);
  const names = new Set(leaves.map((e) => e.name));
  for (const col of PARQUET_REQUIRED_COLUMNS) if (!names.has(col)) throw new IngestError(file, "missing column", undefined, col);

  const columns = leaves
    .filter((e) => TEXT_COLUMNS.includes(e.name) || (e.type !== undefined && NUMERIC_TYPES.has(e.type)) || (e.type === "BOOLEAN" && e.name === "is_truncated"))
    .map((e) => e.name);

  const groups = new Map<string, Group>();
  try {
    const scan = await parquetScan({ file: buffer, metadata, columns: [...KEY_COLUMNS], compressors });
    for (let r = 0; r < scan.ranges.length; r++) {
      const { rowStart, rowEnd } = scan.ranges[r];
      const [models, envs, variants] = await Promise.all(KEY_COLUMNS.map((column) => scan.readColumn({ column, rowStart, rowEnd })));
      for (let i = 0; i < rowEnd - rowStart; i++) {
        const row = rowStart + i;
        const model = keyString(file, models[i], row, "model_id");
        const env = keyString(file, envs[i], row, "env_id");
        const variant = keyString(file, variants[i], row, "variant_id");
        const key = JSON.stringify([model, env, variant]);
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { providerModel: model, envId: env, variantId: variant, rowCount: 0, ranges: [] }));
        g.rowCount++;
        if (g.ranges[g.ranges.length - 1] !== r) g.ranges.push(r);
      }
    }
  } catch (e) {
    wrap(file, e);
  }

  return [...groups.values()].map((g) => ({
    file,
    providerModel: g.providerModel,
    envId: g.envId,
    variantId: g.variantId,
    variantFolder: canonicalParquetVariant(g.variantId),
    rowCount: g.rowCount,
    rows: { [Symbol.asyncIterator]: () => readGroupRows(file, buffer, metadata, columns, g) },
  }));
}

async function* readGroupRows(file: string, buffer: AsyncBuffer, metadata: FileMetaData, columns: string[], g: Group): AsyncGenerator<RolloutRecord> {
  const has = new Set(columns);
  const metricColumns = columns.filter((c) => !isNotMetric(c) && !TEXT_COLUMNS.includes(c) && c !== "is_truncated");
  const seen = has.has("rollout_index") ? null : new Map<string, number>();
  let scan: Awaited<ReturnType<typeof parquetScan>>;
  try {
    scan = await parquetScan({ file: buffer, metadata, columns, compressors });
  } catch (e) {
    wrap(file, e);
  }
  for (const r of g.ranges) {
    const { rowStart, rowEnd } = scan.ranges[r];
    const data = new Map<string, DecodedArray>();
    try {
      const arrays = await Promise.all(columns.map((column) => scan.readColumn({ column, rowStart, rowEnd })));
      columns.forEach((c, i) => data.set(c, arrays[i]));
    } catch (e) {
      wrap(file, e);
    }
    const col = (name: string, i: number): unknown => data.get(name)?.[i] ?? null;
    // Keys were validated in the first pass (numbers stringified there, so compare as strings).
    const keyOf = (name: string, i: number) => String(col(name, i));
    for (let i = 0; i < rowEnd - rowStart; i++) {
      if (keyOf("model_id", i) !== g.providerModel || keyOf("env_id", i) !== g.envId || keyOf("variant_id", i) !== g.variantId) continue;
      yield toRecord(file, rowStart + i, (name) => col(name, i), metricColumns, seen);
    }
  }
}

function toRecord(
  file: string,
  row: number,
  get: (column: string) => unknown,
  metricColumns: string[],
  seen: Map<string, number> | null,
): RolloutRecord {
  const line = row + 1;
  const exampleId = keyString(file, get("example_id"), row, "example_id");
  const rawReward = get("reward");
  const reward = toNum(rawReward);
  if (rawReward !== null && typeof rawReward !== "number" && typeof rawReward !== "bigint") {
    throw new IngestError(file, `must be a number or null, got ${JSON.stringify(rawReward)}`, line, "reward");
  }
  let rolloutIndex: number;
  if (seen) {
    rolloutIndex = seen.get(exampleId) ?? 0;
    seen.set(exampleId, rolloutIndex + 1);
  } else {
    const raw = get("rollout_index");
    const n = toInt(raw);
    if (n === null || n < 0) throw new IngestError(file, `must be a non-negative integer, got ${String(raw)}`, line, "rollout_index");
    rolloutIndex = n;
  }
  const metrics: Record<string, number> = {};
  for (const c of metricColumns) {
    const v = toNum(get(c));
    if (v !== null) metrics[c] = v;
  }
  const reasoningTokens = toInt(get("model_token_reasoning_tokens")) ?? toInt(get("model_token_reasoning"));
  const answer = get("answer");
  const error = get("error");
  const stop = get("stop_condition");
  const truncated = get("is_truncated");
  return {
    exampleId,
    rolloutIndex,
    reward,
    metrics: Object.keys(metrics).length ? metrics : null,
    gold: answer === null || answer === "" ? null : String(answer),
    parsedAnswer: null,
    chosenText: null,
    inputTokens: toInt(get("model_token_prompt")),
    outputTokens: toInt(get("model_token_completion")),
    reasoningTokens,
    judgeInputTokens: toInt(get("judge_token_prompt")),
    judgeOutputTokens: toInt(get("judge_token_completion")),
    costUsd: toNum(get("cost_usd")) ?? toNum(get("cost")) ?? toNum(get("token_cost")) ?? toNum(get("total_token_cost")),
    latencyMs: toInt(toNum(get("total_ms")) ?? toNum(get("generation_ms"))),
    error: typeof error === "string" && error !== "" ? error : null,
    stopCondition: typeof stop === "string" && stop !== "" ? stop : null,
    truncated: typeof truncated === "boolean" ? truncated : null,
    hasReasoning: (reasoningTokens ?? 0) > 0,
    prompt: null,
    completion: null,
    info: null,
  };
}
