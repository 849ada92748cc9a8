/**
 * Load discovered runs into the database: one transaction for the whole call (a failure or a
 * kill leaves the database as it was), rows streamed line by line and written with COPY in
 * bounded chunks, content-addressed (the same files are never stored twice), and superseding by
 * identity (configuration + dataset): the later run is published, the earlier kept as superseded.
 */
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import readline from "node:readline";
import type { RawClient, RawTx } from "../db/raw";
import { csvLine } from "./csv";
import type { DiscoveredRun } from "./discover";
import { IngestError } from "./errors";
import { hashRunFiles } from "./hash";
import { catalogModelForProvider, reasoningEffortOf, resolveBenchmark, resolveConfig, resolveDataset } from "./identity";
import { parseMetadata, type RunMeta } from "./metadata";
import { normalizeRow, type RolloutRecord } from "./rollout";
import { slug } from "./slug";

export type Provenance = "official" | "community" | "demo";

export interface IngestOptions {
  provenance: Provenance;
  /** `published` (CLI, demo) or `pending` (an upload awaiting moderation). */
  status?: "published" | "pending";
  /** Configuration alias for every run of this call (`--alias`), overriding catalog matching. */
  alias?: string;
  submissionId?: number;
  /** Rows per COPY chunk (memory stays bounded by this). */
  chunkRows?: number;
  onProgress?: (p: IngestProgress) => void;
}

export interface IngestProgress {
  runsDone: number;
  runsTotal: number;
  rows: number;
  current: string | null;
}

export interface IngestedRun {
  dir: string;
  format: DiscoveredRun["format"];
  outcome: "inserted" | "duplicate";
  runId: number;
  config: string;
  benchmark: string;
  dataset: string;
  status: "published" | "pending" | "superseded";
  supersedes: number | null;
  observedRows: number;
  expectedRows: number | null;
  newCatalogEntries: string[];
}

export interface IngestReport {
  runs: IngestedRun[];
  rowsInserted: number;
}

const ROLLOUT_COLUMNS = [
  "run_id", "example_id", "rollout_index", "reward", "metrics", "gold", "parsed_answer", "chosen_text",
  "input_tokens", "output_tokens", "reasoning_tokens", "judge_input_tokens", "judge_output_tokens", "cost_usd",
  "latency_ms", "error", "stop_condition", "truncated", "has_reasoning",
];
const TRANSCRIPT_COLUMNS = ["run_id", "example_id", "rollout_index", "prompt", "completion", "info"];

function rolloutCsv(runId: number, r: RolloutRecord): string {
  return csvLine([
    runId, r.exampleId, r.rolloutIndex, r.reward, r.metrics, r.gold, r.parsedAnswer, r.chosenText,
    r.inputTokens, r.outputTokens, r.reasoningTokens, r.judgeInputTokens, r.judgeOutputTokens, r.costUsd,
    r.latencyMs, r.error, r.stopCondition, r.truncated, r.hasReasoning,
  ]);
}

function transcriptCsv(runId: number, r: RolloutRecord): string {
  return csvLine([runId, r.exampleId, r.rolloutIndex, r.prompt, r.completion, r.info]);
}

/** Create what the catalog does not know (flagged in_catalog = false); returns their names. */
/** What one call has already made sure exists: `model:`/`config:`/`benchmark:` keys, dataset ids. */
interface IdentityCache {
  done: Set<string>;
  datasets: Map<string, number>;
}

async function ensureIdentity(tx: RawTx, run: DiscoveredRun, meta: RunMeta, opts: IngestOptions, cache: IdentityCache) {
  const created: string[] = [];
  const effort = reasoningEffortOf(meta.samplingArgs);
  const config = resolveConfig(meta.providerModel, effort, opts.alias);
  const benchmark = resolveBenchmark(meta.envId, meta.envArgs);
  const dataset = resolveDataset(benchmark.catalog, meta.envId, run.variantFolder, meta.envArgs);

  const catalogModel = catalogModelForProvider(meta.providerModel);
  const modelId = config.catalog?.modelId ?? catalogModel?.id ?? slug(meta.providerModel).toLowerCase();
  if (!config.catalog && !catalogModel && !cache.done.has(`model:${modelId}`)) {
    cache.done.add(`model:${modelId}`);
    const r = await tx.query(
      `insert into models (id, provider_id, display_name, in_catalog) values ($1,$2,$3,false)
       on conflict do nothing returning id`,
      [modelId, meta.providerModel, meta.providerModel],
    );
    if (r.length) created.push(`model ${meta.providerModel}`);
  }
  if (!cache.done.has(`config:${config.slug}`)) {
    cache.done.add(`config:${config.slug}`);
    const c = await tx.query(
      `insert into configs (slug, model_id, reasoning_effort, display_name, sampling_args, in_catalog)
       values ($1,$2,$3,$4,$5::jsonb,false) on conflict do nothing returning slug`,
      [config.slug, modelId, effort, config.slug, JSON.stringify(meta.samplingArgs)],
    );
    if (c.length) created.push(`configuration ${config.slug}`);
  }
  if (!benchmark.catalog && !cache.done.has(`benchmark:${benchmark.slug}`)) {
    cache.done.add(`benchmark:${benchmark.slug}`);
    const metricKey = "reward";
    const r = await tx.query(
      `insert into benchmarks (slug, name, subset, task_type, metric, judged, in_catalog)
       values ($1,$1,$2,'unknown',$3::jsonb,$4,false) on conflict do nothing returning slug`,
      [
        benchmark.slug,
        meta.judgeModels.length ? "OE" : "V",
        JSON.stringify({ key: metricKey, description: "Reward as reported by the run (benchmark not in the catalog).", scale: "0–1", higherIsBetter: true, decimals: 1 }),
        meta.judgeModels.length > 0,
      ],
    );
    if (r.length) created.push(`benchmark ${benchmark.slug}`);
  }
  const key = `${dataset.envId}::${dataset.variantId}`;
  const cacheKey = `${benchmark.slug}|${key}`;
  const known = cache.datasets.get(cacheKey);
  if (known !== undefined) return { config: config.slug, benchmark: benchmark.slug, datasetId: known, datasetKey: key, created };
  const d = await tx.query<{ id: number; created: boolean }>(
    `with ins as (
       insert into datasets (benchmark_slug, env_id, variant_id, subtask, order_seed, repeat, key, folded_key, n_questions)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9) on conflict do nothing returning id)
     select id, true as created from ins
     union all
     select id, false from datasets where benchmark_slug=$1 and env_id=$2 and variant_id=$3`,
    [benchmark.slug, dataset.envId, dataset.variantId, dataset.subtask, dataset.orderSeed, dataset.repeat, key,
      `${dataset.envId}::${dataset.subtask}`, dataset.nQuestions],
  );
  if (d[0].created) created.push(`dataset ${benchmark.slug} ${key}`);
  cache.datasets.set(cacheKey, Number(d[0].id));
  return { config: config.slug, benchmark: benchmark.slug, datasetId: Number(d[0].id), datasetKey: key, created };
}

/**
 * Rows waiting to be copied, shared by every run of one call so small runs are written in few
 * COPY statements; flushed whenever it holds `limit` rows (memory stays bounded).
 */
class CopyBuffer {
  private rollouts = "";
  private transcripts = "";
  private pending = 0;
  constructor(
    private readonly tx: RawTx,
    private readonly limit: number,
    private readonly onFlush: (rows: number) => void,
  ) {}
  async add(runId: number, r: RolloutRecord) {
    this.rollouts += rolloutCsv(runId, r);
    this.transcripts += transcriptCsv(runId, r);
    if (++this.pending >= this.limit) await this.flush();
  }
  async flush() {
    if (this.pending === 0) return;
    await this.tx.copyCsv("rollouts", ROLLOUT_COLUMNS, this.rollouts);
    await this.tx.copyCsv("transcripts", TRANSCRIPT_COLUMNS, this.transcripts);
    const n = this.pending;
    this.rollouts = "";
    this.transcripts = "";
    this.pending = 0;
    this.onFlush(n);
  }
}

async function streamRows(buffer: CopyBuffer, runId: number, run: DiscoveredRun) {
  const input = createReadStream(run.resultsPath, { encoding: "utf8" });
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  const seen = new Map<string, number>();
  let rows = 0;
  let lineNo = 0;
  try {
    for await (const text of lines) {
      lineNo++;
      if (text.trim() === "") continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new IngestError(run.resultsPath, `not valid JSON (${(e as Error).message})`, lineNo);
      }
      const idKey = run.format === "C" ? "id" : "example_id";
      const id = json && typeof json === "object" ? (json as Record<string, unknown>)[idKey] : undefined;
      const index = seen.get(String(id)) ?? 0;
      const record = normalizeRow(json, run.format, run.resultsPath, lineNo, index);
      seen.set(record.exampleId, index + 1);
      await buffer.add(runId, record);
      rows++;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (rows === 0) throw new IngestError(run.resultsPath, "has no rows");
  return { rows, questions: seen.size };
}


/** What one call knows of the database, loaded once: stored content hashes and published identities. */
interface CallState {
  byHash: Map<string, { id: number; status: IngestedRun["status"]; observedRows: number }>;
  /** `config|datasetId` → the published run and when it happened (ms). */
  published: Map<string, { id: number; at: number }>;
}

async function loadCallState(tx: RawTx): Promise<CallState> {
  const rows = await tx.query<{ id: number; sha: string; status: IngestedRun["status"]; observed_rows: number; config_slug: string; dataset_id: number; at_ms: number }>(
    `select id, content_sha256 as sha, status, observed_rows, config_slug, dataset_id,
            (extract(epoch from coalesce(run_at, ingested_at)) * 1000)::float8 as at_ms
     from runs`,
  );
  const state: CallState = { byHash: new Map(), published: new Map() };
  for (const r of rows) {
    state.byHash.set(r.sha, { id: Number(r.id), status: r.status, observedRows: Number(r.observed_rows) });
    if (r.status === "published") state.published.set(`${r.config_slug}|${r.dataset_id}`, { id: Number(r.id), at: Number(r.at_ms) });
  }
  return state;
}

async function ingestOne(
  tx: RawTx,
  run: DiscoveredRun,
  opts: IngestOptions,
  buffer: CopyBuffer,
  identities: IdentityCache,
  state: CallState,
): Promise<IngestedRun> {
  const sha = await hashRunFiles(run.metadataPath, run.resultsPath);
  const meta = parseMetadata(run.metadataPath, await fs.readFile(run.metadataPath, "utf8"), run.format);
  const identity = await ensureIdentity(tx, run, meta, opts, identities);
  const expectedRows = meta.numExamples !== null && meta.numExamples >= 0 ? meta.numExamples * meta.rolloutsPerExample : null;
  const base = {
    dir: run.dir,
    format: run.format,
    config: identity.config,
    benchmark: identity.benchmark,
    dataset: identity.datasetKey,
    expectedRows,
    newCatalogEntries: identity.created,
  };

  const dup = state.byHash.get(sha);
  if (dup) {
    return { ...base, outcome: "duplicate", runId: dup.id, status: dup.status, supersedes: null, observedRows: dup.observedRows };
  }

  const runAt = meta.runAt ?? (run.format === "A" || run.format === "A1" ? (await fs.stat(run.metadataPath)).mtime.toISOString() : null);
  const inserted = await tx.query<{ id: number }>(
    `insert into runs (config_slug, dataset_id, format, content_sha256, source, provenance, status, submission_id,
       expected_rows, observed_rows, observed_questions, provider_model, env_args, sampling_args, judge_models,
       version_info, metadata, run_at, avg_reward)
     values ($1,$2,$3,$4,$5,$6,'pending',$7,$8,0,0,$9,$10::jsonb,$11::jsonb,$12::text[],$13::jsonb,$14::jsonb,$15,$16)
     returning id`,
    [identity.config, identity.datasetId, run.format, sha, run.dir, opts.provenance, opts.submissionId ?? null,
      expectedRows, meta.providerModel, JSON.stringify(meta.envArgs), JSON.stringify(meta.samplingArgs),
      meta.judgeModels, meta.versionInfo ? JSON.stringify(meta.versionInfo) : null, JSON.stringify(meta.raw),
      runAt, meta.avgReward],
  );
  const runId = Number(inserted[0].id);
  const counts = await streamRows(buffer, runId, run);

  let status: IngestedRun["status"] = "pending";
  let supersededBy: number | null = null;
  let supersedes: number | null = null;
  if ((opts.status ?? "published") === "published") {
    const key = `${identity.config}|${identity.datasetId}`;
    const current = state.published.get(key);
    const at = runAt ? Date.parse(runAt) : Date.now();
    if (current && current.at > at) {
      status = "superseded";
      supersededBy = current.id;
    } else {
      status = "published";
      if (current) {
        supersedes = current.id;
        await tx.query(`update runs set status='superseded', superseded_by=$2 where id=$1`, [supersedes, runId]);
      }
      state.published.set(key, { id: runId, at });
    }
  }
  await tx.query(
    `update runs set status=$2, superseded_by=$3, observed_rows=$4, observed_questions=$5 where id=$1`,
    [runId, status, supersededBy, counts.rows, counts.questions],
  );
  state.byHash.set(sha, { id: runId, status, observedRows: counts.rows });
  return { ...base, outcome: "inserted", runId, status, supersedes, observedRows: counts.rows };
}

/** Ingest already-discovered runs in one transaction. */
export async function ingestRuns(raw: RawClient, runs: DiscoveredRun[], opts: IngestOptions): Promise<IngestReport> {
  const progress: IngestProgress = { runsDone: 0, runsTotal: runs.length, rows: 0, current: null };
  const report: IngestReport = { runs: [], rowsInserted: 0 };
  await raw.transaction(async (tx) => {
    const buffer = new CopyBuffer(tx, opts.chunkRows ?? 5000, (n) => {
      progress.rows += n;
      opts.onProgress?.({ ...progress });
    });
    const identities: IdentityCache = { done: new Set(), datasets: new Map() };
    const state = await loadCallState(tx);
    for (const run of runs) {
      progress.current = run.dir;
      opts.onProgress?.({ ...progress });
      const result = await ingestOne(tx, run, opts, buffer, identities, state);
      report.runs.push(result);
      if (result.outcome === "inserted") report.rowsInserted += result.observedRows;
      progress.runsDone++;
    }
    await buffer.flush();
    // A later run of this same call may have superseded an earlier one: report final statuses.
    const ids = report.runs.map((r) => r.runId);
    if (ids.length) {
      const final = await tx.query<{ id: number; status: IngestedRun["status"] }>(
        `select id, status from runs where id = any($1::int[])`,
        [ids],
      );
      const byId = new Map(final.map((f) => [Number(f.id), f.status]));
      for (const r of report.runs) r.status = byId.get(r.runId) ?? r.status;
    }
    progress.current = null;
    opts.onProgress?.({ ...progress });
  });
  return report;
}
