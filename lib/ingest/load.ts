/**
 * Load discovered runs into the database.
 *
 * - Each run is all-or-nothing: it is parsed and validated completely before its transaction
 *   commits, so a bad run (or a kill) never leaves a partial run, and a bad run does not stop
 *   the others: it is reported as rejected with file, line and field.
 * - Small runs are parsed into memory (bounded by `groupRows`) and written together, several
 *   runs per transaction and per COPY; a run larger than that is streamed in its own
 *   transaction, COPY chunk by chunk, so memory stays flat for any file size.
 * - Content-addressed: the same files are never stored twice ("already ingested").
 * - Identity (configuration + dataset): the later run is published, the earlier kept superseded.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { snapshotId } from "../boards/snapshot";
import { getConfig } from "../catalog";
import type { RawClient, RawTx } from "../db/raw";
import { csvLine } from "./csv";
import type { DiscoveredRun } from "./discover";
import { IngestError } from "./errors";
import { normalizeGenBRow, parseGenBMetadata, parseJsonLenient } from "./gen-b";
import { hashRunFiles } from "./hash";
import { catalogModelForProvider, reasoningEffortOf, resolveBenchmark, resolveConfig, resolveDataset } from "./identity";
import { readLines } from "./lines";
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
  /** Validate and resolve identities, write nothing. */
  dryRun?: boolean;
  /** Rows held in memory before a write (a group of small runs, or a COPY chunk of a large one). */
  groupRows?: number;
  maxLineBytes?: number;
  onProgress?: (p: IngestProgress) => void;
}

export interface IngestProgress {
  runsDone: number;
  runsTotal: number;
  rows: number;
  /** Bytes of results files read, of `bytesTotal`: for rate and ETA. */
  bytesDone: number;
  bytesTotal: number;
  current: string | null;
}

export interface RunProblem {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

export interface IngestedRun {
  dir: string;
  format: DiscoveredRun["format"];
  outcome: "inserted" | "duplicate" | "rejected" | "valid";
  runId: number | null;
  config: string | null;
  benchmark: string | null;
  dataset: string | null;
  status: "published" | "pending" | "superseded" | null;
  supersedes: number | null;
  observedRows: number;
  expectedRows: number | null;
  /** Run score: mean over questions of the mean reward of each question's rollouts. */
  meanReward: number | null;
  newCatalogEntries: string[];
  errors: RunProblem[];
  warnings: string[];
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

/** A jsonb column's CSV value: objects are serialised by csvLine; a plain string (a prompt or completion may be one) must become a JSON string. */
const jsonbValue = (v: unknown): unknown => (typeof v === "string" ? JSON.stringify(v.replace(/\u0000/g, "")) : v);

function transcriptCsv(runId: number, r: RolloutRecord): string {
  return csvLine([runId, r.exampleId, r.rolloutIndex, jsonbValue(r.prompt), jsonbValue(r.completion), jsonbValue(r.info)]);
}

function problemOf(e: unknown, fallbackFile: string): RunProblem {
  if (e instanceof IngestError) return { file: e.file, line: e.line ?? null, field: e.field ?? null, message: e.problem };
  return { file: fallbackFile, line: null, field: null, message: e instanceof Error ? e.message : String(e) };
}

// ---------------------------------------------------------------------------------------------
// Identity

interface Resolved {
  config: string;
  configInCatalog: boolean;
  modelId: string;
  modelInCatalog: boolean;
  effort: string | null;
  benchmark: string;
  benchmarkInCatalog: boolean;
  dataset: ReturnType<typeof resolveDataset>;
  datasetKey: string;
}

function resolveIdentity(run: DiscoveredRun, meta: RunMeta, alias: string | undefined): Resolved {
  const effort = reasoningEffortOf(meta.samplingArgs);
  const config = resolveConfig(meta.providerModel, effort, alias ?? run.alias);
  const benchmark = resolveBenchmark(meta.envId, meta.envArgs);
  const dataset = resolveDataset(benchmark.catalog, meta.envId, run.variantFolder, meta.envArgs);
  const catalogModel = catalogModelForProvider(meta.providerModel);
  return {
    config: config.slug,
    configInCatalog: config.catalog !== null,
    modelId: config.catalog?.modelId ?? catalogModel?.id ?? slug(meta.providerModel).toLowerCase(),
    modelInCatalog: config.catalog !== null || catalogModel !== null,
    effort,
    benchmark: benchmark.slug,
    benchmarkInCatalog: benchmark.catalog !== null,
    dataset,
    datasetKey: `${dataset.envId}::${dataset.variantId}`,
  };
}

/** Create what the catalog does not know (flagged in_catalog = false); returns the dataset id and what was created. */
async function ensureIdentity(tx: RawTx, r: Resolved, meta: RunMeta): Promise<{ datasetId: number; created: string[] }> {
  const created: string[] = [];
  if (!r.modelInCatalog) {
    const m = await tx.query(
      `insert into models (id, provider_id, display_name, in_catalog) values ($1,$2,$3,false) on conflict do nothing returning id`,
      [r.modelId, meta.providerModel, meta.providerModel],
    );
    if (m.length) created.push(`model ${meta.providerModel}`);
  }
  if (!r.configInCatalog) {
    const c = await tx.query(
      `insert into configs (slug, model_id, reasoning_effort, display_name, sampling_args, in_catalog)
       values ($1,$2,$3,$4,$5::jsonb,false) on conflict do nothing returning slug`,
      [r.config, r.modelId, r.effort, r.config, JSON.stringify(meta.samplingArgs)],
    );
    if (c.length) created.push(`configuration ${r.config}`);
  }
  if (!r.benchmarkInCatalog) {
    const b = await tx.query(
      `insert into benchmarks (slug, name, subset, task_type, metric, judged, in_catalog)
       values ($1,$1,$2,'unknown',$3::jsonb,$4,false) on conflict do nothing returning slug`,
      [
        r.benchmark,
        meta.judgeModels.length ? "OE" : "V",
        JSON.stringify({ key: "reward", description: "Reward as reported by the run (benchmark not in the catalog).", scale: "0–1", higherIsBetter: true, decimals: 1 }),
        meta.judgeModels.length > 0,
      ],
    );
    if (b.length) created.push(`benchmark ${r.benchmark}`);
  }
  const d = r.dataset;
  const rows = await tx.query<{ id: number; created: boolean }>(
    `with ins as (
       insert into datasets (benchmark_slug, env_id, variant_id, subtask, order_seed, repeat, key, folded_key, n_questions)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9) on conflict do nothing returning id)
     select id, true as created from ins
     union all
     select id, false from datasets where benchmark_slug=$1 and env_id=$2 and variant_id=$3`,
    [r.benchmark, d.envId, d.variantId, d.subtask, d.orderSeed, d.repeat, r.datasetKey, `${d.envId}::${d.subtask}`, d.nQuestions],
  );
  if (rows[0].created) created.push(`dataset ${r.benchmark} ${r.datasetKey}`);
  return { datasetId: Number(rows[0].id), created };
}

// ---------------------------------------------------------------------------------------------
// What the call knows of the database

interface KnownRun {
  id: number;
  status: "published" | "pending" | "superseded" | "rejected";
  observedRows: number;
}

/** Loaded once per call and updated only after each commit. */
interface CallState {
  byHash: Map<string, KnownRun>;
  /** `config|datasetId` → the published run and when it happened (ms). */
  published: Map<string, { id: number; at: number }>;
  /** Dataset ids by `benchmark|env::variant`, and identities already ensured. */
  datasets: Map<string, number>;
}

const emptyState = (): CallState => ({ byHash: new Map(), published: new Map(), datasets: new Map() });

async function loadCallState(raw: RawTx): Promise<CallState> {
  const rows = await raw.query<{ id: number; sha: string; status: KnownRun["status"]; observed_rows: number; config_slug: string; dataset_id: number; at_ms: number }>(
    `select id, content_sha256 as sha, status, observed_rows, config_slug, dataset_id,
            (extract(epoch from coalesce(run_at, ingested_at)) * 1000)::float8 as at_ms
     from runs`,
  );
  const state = emptyState();
  for (const r of rows) {
    state.byHash.set(r.sha, { id: Number(r.id), status: r.status, observedRows: Number(r.observed_rows) });
    if (r.status === "published") state.published.set(`${r.config_slug}|${r.dataset_id}`, { id: Number(r.id), at: Number(r.at_ms) });
  }
  return state;
}

// ---------------------------------------------------------------------------------------------
// Parsing one run

export interface PreparedRun {
  run: DiscoveredRun;
  sha: string;
  meta: RunMeta;
  resolved: Resolved;
  expectedRows: number | null;
  runAt: string | null;
  report: IngestedRun;
}

interface ParsedRows {
  rows: number;
  questions: number;
  meanReward: number | null;
}

/** Stream a run's rows, validate them, and hand each as CSV to `sink`. Throws IngestError on bad input. */
/** A run's rows as records, whatever the format: JSON lines (Gen A, A′, B, C) or parquet. */
export async function* recordsOf(
  p: PreparedRun,
  counts: Map<string, { count: number }>,
  onBytes: (bytes: number) => void,
  maxLineBytes: number | undefined,
): AsyncGenerator<{ record: RolloutRecord; line: number }> {
  const { run } = p;
  if (run.parquet) {
    const perRow = run.bytes / Math.max(1, run.parquet.rowCount);
    let row = 0;
    for await (const record of run.parquet.rows) {
      onBytes(perRow);
      yield { record, line: ++row };
    }
    return;
  }
  const file = run.resultsPath;
  const idField = run.format === "C" ? "id" : "example_id";
  let lastOffset = 0;
  for await (const line of readLines(file, maxLineBytes)) {
    onBytes(line.offset - lastOffset);
    lastOffset = line.offset;
    if (line.text.trim() === "") continue;
    let json: unknown;
    try {
      json = run.format === "B" ? parseJsonLenient(line.text) : JSON.parse(line.text);
    } catch (e) {
      const why = line.unterminated ? "last line is truncated (no newline, not valid JSON)" : `not valid JSON (${(e as Error).message})`;
      throw new IngestError(file, why, line.lineNo);
    }
    const obj = json && typeof json === "object" ? (json as Record<string, unknown>) : {};
    const rolloutIndex = counts.get(String(obj[idField] ?? obj.example_id ?? obj.id))?.count ?? 0;
    const record =
      run.format === "B"
        ? normalizeGenBRow(json, file, line.lineNo, rolloutIndex)
        : normalizeRow(json, run.format, file, line.lineNo, rolloutIndex);
    yield { record, line: line.lineNo };
  }
}

/** Stream a run's rows, validate them, and hand each as CSV to `sink`. Throws IngestError on bad input. */
async function parseRows(
  p: PreparedRun,
  runId: number,
  sink: (rollout: string, transcript: string) => Promise<void> | void,
  onBytes: (bytes: number) => void,
  maxLineBytes: number | undefined,
): Promise<ParsedRows> {
  const { run, meta } = p;
  const file = run.resultsPath;
  const perQuestion = new Map<string, { sum: number; n: number; count: number }>();
  // Parquet carries its own rollout index: check (example id, rollout index) pairs there. Line
  // formats number rollouts by occurrence, so the per-question count is the whole check.
  const keys = run.parquet ? new Set<string>() : null;
  const idField = run.format === "C" ? "id" : "example_id";
  let rows = 0;
  for await (const { record, line } of recordsOf(p, perQuestion, onBytes, maxLineBytes)) {
    const stats = perQuestion.get(record.exampleId) ?? { sum: 0, n: 0, count: 0 };
    const key = keys ? `${record.exampleId}\u0000${record.rolloutIndex}` : "";
    if (stats.count >= meta.rolloutsPerExample || keys?.has(key)) {
      throw new IngestError(
        file,
        `duplicate example id ${record.exampleId}: more rows than rollouts_per_example (${meta.rolloutsPerExample})`,
        line,
        run.parquet ? "example_id" : idField,
      );
    }
    keys?.add(key);
    stats.count++;
    if (record.reward !== null) {
      stats.sum += record.reward;
      stats.n++;
    }
    perQuestion.set(record.exampleId, stats);
    rows++;
    await sink(rolloutCsv(runId, record), transcriptCsv(runId, record));
  }
  if (rows === 0) throw new IngestError(file, "has no rows");
  if (p.expectedRows !== null && rows > p.expectedRows) {
    throw new IngestError(
      run.metadataPath,
      `disagrees with the rows: num_examples × rollouts_per_example = ${p.expectedRows}, but results.jsonl has ${rows} rows`,
      undefined,
      "num_examples",
    );
  }
  let total = 0;
  let counted = 0;
  for (const s of perQuestion.values()) {
    if (s.n > 0) {
      total += s.sum / s.n;
      counted++;
    }
  }
  return { rows, questions: perQuestion.size, meanReward: counted ? total / counted : null };
}

/** Metadata of a parquet run: only what its columns say (no sampling args, no env_args). */
function parquetMeta(run: DiscoveredRun): RunMeta {
  const pq = run.parquet!;
  return {
    envId: pq.envId, envArgs: {}, providerModel: pq.providerModel, numExamples: null,
    rolloutsPerExample: Number.MAX_SAFE_INTEGER, samplingArgs: {}, avgReward: null, versionInfo: null, judgeModels: [],
    runAt: null, raw: { source: "processed parquet", file: pq.file, model_id: pq.providerModel, env_id: pq.envId, variant_id: pq.variantId },
  };
}

async function readMeta(run: DiscoveredRun): Promise<RunMeta> {
  if (run.parquet) return parquetMeta(run);
  const text = await fs.readFile(run.metadataPath, "utf8");
  if (text.trim() === "") throw new IngestError(run.metadataPath, "is empty");
  return run.format === "B" ? parseGenBMetadata(run.metadataPath, text) : parseMetadata(run.metadataPath, text, run.format);
}

async function contentHash(run: DiscoveredRun): Promise<string> {
  if (!run.parquet) return hashRunFiles(run.metadataPath, run.resultsPath);
  // One parquet file may hold several runs: the file's hash plus which run.
  const fileHash = await hashRunFiles(run.resultsPath, run.resultsPath);
  return createHash("sha256").update(`${fileHash}|${run.parquet.providerModel}|${run.parquet.envId}|${run.parquet.variantId}`).digest("hex");
}

export async function prepare(run: DiscoveredRun, opts: Pick<IngestOptions, "alias">): Promise<PreparedRun> {
  const report: IngestedRun = {
    dir: run.dir, format: run.format, outcome: "rejected", runId: null, config: null, benchmark: null, dataset: null,
    status: null, supersedes: null, observedRows: 0, expectedRows: null, meanReward: null, newCatalogEntries: [], errors: [], warnings: [],
  };
  if (run.problem) throw Object.assign(run.problem, { report });
  const meta = await readMeta(run);
  // Parquet's model_id may be an alias rather than a provider id.
  const parquetAlias = run.parquet && getConfig(meta.providerModel) ? meta.providerModel : undefined;
  const resolved = resolveIdentity(run, meta, opts.alias ?? parquetAlias);
  const expectedRows = meta.numExamples !== null && meta.numExamples >= 0 ? meta.numExamples * meta.rolloutsPerExample : null;
  const runAt =
    run.runAt ?? meta.runAt ?? (run.format === "A" || run.format === "A1" || run.format === "parquet" ? (await fs.stat(run.metadataPath)).mtime.toISOString() : null);
  Object.assign(report, { config: resolved.config, benchmark: resolved.benchmark, dataset: resolved.datasetKey, expectedRows });
  if (!resolved.modelInCatalog) report.newCatalogEntries.push(`model ${meta.providerModel}`);
  if (!resolved.configInCatalog) report.newCatalogEntries.push(`configuration ${resolved.config}`);
  if (!resolved.benchmarkInCatalog) report.newCatalogEntries.push(`benchmark ${resolved.benchmark}`);
  const sha = await contentHash(run);
  return { run, sha, meta, resolved, expectedRows, runAt, report };
}

function checkAgainstMetadata(p: PreparedRun, parsed: ParsedRows) {
  const r = p.report;
  r.observedRows = parsed.rows;
  r.meanReward = parsed.meanReward;
  if (p.expectedRows !== null && parsed.rows < p.expectedRows) {
    r.warnings.push(`incomplete: ${parsed.rows} of ${p.expectedRows} rows`);
  }
  const declared = p.meta.avgReward;
  if (declared !== null && parsed.meanReward !== null && p.expectedRows === parsed.rows && p.meta.rolloutsPerExample === 1 && Math.abs(declared - parsed.meanReward) > 1e-6) {
    r.warnings.push(`metadata avg_reward ${declared} differs from the rows' mean reward ${parsed.meanReward.toFixed(6)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

async function allocateRunIds(raw: RawTx, n: number): Promise<number[]> {
  const rows = await raw.query<{ id: number }>(
    `select nextval(pg_get_serial_sequence('runs', 'id'))::int as id from generate_series(1, $1::int)`,
    [n],
  );
  return rows.map((r) => Number(r.id));
}

type Slot = { id: number; at: number };

/** The dataset id of a run's identity, creating what the catalog does not know. */
async function datasetIdFor(tx: RawTx, p: PreparedRun, state: CallState): Promise<number> {
  const r = p.resolved;
  const key = `${r.benchmark}|${r.datasetKey}`;
  const known = state.datasets.get(key);
  if (known !== undefined && r.configInCatalog && r.benchmarkInCatalog && r.modelInCatalog) {
    p.report.newCatalogEntries = [];
    return known;
  }
  const ensured = await ensureIdentity(tx, r, p.meta);
  p.report.newCatalogEntries = ensured.created;
  return ensured.datasetId;
}

/**
 * Published or superseded: the later run of an identity wins. `local` holds this transaction's
 * changes; the call's state is updated only after the commit.
 */
async function decideStatus(tx: RawTx, p: PreparedRun, runId: number, datasetId: number, opts: IngestOptions, state: CallState, local: Map<string, Slot>) {
  let status: "published" | "pending" | "superseded" = "pending";
  let supersededBy: number | null = null;
  let supersedes: number | null = null;
  if ((opts.status ?? "published") === "published") {
    const at = p.runAt ? Date.parse(p.runAt) : Date.now();
    const idKey = `${p.resolved.config}|${datasetId}`;
    const current = local.has(idKey) ? local.get(idKey) : state.published.get(idKey);
    if (current && current.at > at) {
      status = "superseded";
      supersededBy = current.id;
    } else {
      status = "published";
      supersedes = current?.id ?? null;
      local.set(idKey, { id: runId, at });
    }
  }
  // Free the published slot first (one published run per identity, enforced by a unique index).
  if (supersedes !== null) await tx.query(`update runs set status='superseded', superseded_by=$2 where id=$1`, [supersedes, runId]);
  Object.assign(p.report, { runId, status, supersedes });
  return { status, supersededBy };
}

async function insertRun(tx: RawTx, p: PreparedRun, runId: number, datasetId: number, opts: IngestOptions) {
  const m = p.meta;
  await tx.query(
    `insert into runs (id, config_slug, dataset_id, format, content_sha256, source, provenance, status, submission_id,
       expected_rows, observed_rows, observed_questions, provider_model, env_args, sampling_args, judge_models,
       version_info, metadata, run_at, avg_reward)
     values ($1,$2,$3,$4,$5,$6,$7,'pending',$8,$9,0,0,$10,$11::jsonb,$12::jsonb,$13::text[],$14::jsonb,$15::jsonb,$16,$17)`,
    [runId, p.resolved.config, datasetId, p.run.format, p.sha, p.run.dir, opts.provenance, opts.submissionId ?? null,
      p.expectedRows, m.providerModel, JSON.stringify(m.envArgs), JSON.stringify(m.samplingArgs), m.judgeModels,
      m.versionInfo ? JSON.stringify(m.versionInfo) : null, JSON.stringify(m.raw), p.runAt, m.avgReward],
  );
}

async function finishRun(tx: RawTx, runId: number, parsed: ParsedRows, decided: { status: string; supersededBy: number | null }) {
  await tx.query(
    `update runs set status=$2, superseded_by=$3, observed_rows=$4, observed_questions=$5 where id=$1`,
    [runId, decided.status, decided.supersededBy, parsed.rows, parsed.questions],
  );
}

/** After a commit: the call's view of the database changes. */
function applyCommitted(state: CallState, p: PreparedRun, runId: number, rows: number, local: Map<string, Slot>, datasetKey: string, datasetId: number) {
  for (const [k, v] of local) state.published.set(k, v);
  state.byHash.set(p.sha, { id: runId, status: p.report.status ?? "pending", observedRows: rows });
  state.datasets.set(datasetKey, datasetId);
  p.report.outcome = "inserted";
}

/** A run parsed into memory: its CSV rows wait for the group's transaction. */
interface Parsed {
  p: PreparedRun;
  runId: number;
  parsed: ParsedRows;
  rollouts: string;
  transcripts: string;
}

/** True when a snapshot of exactly the currently published runs exists (or none exists at all). */
async function publishedSetHasSnapshot(raw: RawTx): Promise<boolean> {
  // No snapshot at all: nothing was ever computed from the runs, so nothing can be stale.
  if ((await raw.query(`select 1 from snapshots limit 1`)).length === 0) return true;
  const runs = await raw.query<{ sha: string }>(`select content_sha256 as sha from runs where status = 'published'`);
  const rows = await raw.query(`select 1 from snapshots where id = $1`, [snapshotId(runs.map((r) => r.sha))]);
  return rows.length > 0;
}

/** Whatever is computed from the published runs (boards, snapshots, the servers' caches) is stale. */
async function bumpDataVersion(tx: RawTx): Promise<void> {
  await tx.query(
    `insert into app_meta (key, value) values ('data_version', '1')
     on conflict (key) do update set value = (app_meta.value::bigint + 1)::text, updated_at = now()`,
  );
}

/** Several small runs in one transaction and one COPY per table. */
async function commitGroup(raw: RawClient, group: Parsed[], opts: IngestOptions, state: CallState): Promise<void> {
  const local = new Map<string, Slot>();
  const datasets: number[] = [];
  await raw.transaction(async (tx) => {
    for (const g of group) {
      const datasetId = await datasetIdFor(tx, g.p, state);
      datasets.push(datasetId);
      await insertRun(tx, g.p, g.runId, datasetId, opts);
    }
    await tx.copyCsv("rollouts", ROLLOUT_COLUMNS, group.map((g) => g.rollouts).join(""));
    await tx.copyCsv("transcripts", TRANSCRIPT_COLUMNS, group.map((g) => g.transcripts).join(""));
    for (const [i, g] of group.entries()) {
      await finishRun(tx, g.runId, g.parsed, await decideStatus(tx, g.p, g.runId, datasets[i], opts, state, local));
    }
  });
  for (const [i, g] of group.entries()) {
    applyCommitted(state, g.p, g.runId, g.parsed.rows, local, `${g.p.resolved.benchmark}|${g.p.resolved.datasetKey}`, datasets[i]);
  }
}

/** A run too large to hold in memory: its own transaction, streamed COPY chunk by chunk. */
async function streamLargeRun(
  raw: RawClient,
  p: PreparedRun,
  runId: number,
  opts: IngestOptions,
  state: CallState,
  onBytes: (n: number) => void,
  onRows: (n: number) => void,
): Promise<number> {
  const limit = opts.groupRows ?? 5000;
  const local = new Map<string, Slot>();
  let datasetId = 0;
  let rows = 0;
  await raw.transaction(async (tx) => {
    datasetId = await datasetIdFor(tx, p, state);
    await insertRun(tx, p, runId, datasetId, opts); // staged as pending; nothing is visible before commit
    let rollouts: string[] = [];
    let transcripts: string[] = [];
    // One chunk is copied while the next is parsed (at most one in flight: memory stays bounded).
    let copying: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (!rollouts.length) return;
      const [r, t, n] = [rollouts.join(""), transcripts.join(""), rollouts.length];
      rollouts = [];
      transcripts = [];
      await copying;
      copying = (async () => {
        await tx.copyCsv("rollouts", ROLLOUT_COLUMNS, r);
        await tx.copyCsv("transcripts", TRANSCRIPT_COLUMNS, t);
        onRows(n);
      })();
      copying.catch(() => undefined); // awaited below; a failure aborts the run's transaction
    };
    let parsed: ParsedRows;
    try {
      parsed = await parseRows(
        p,
        runId,
        async (r, t) => {
          rollouts.push(r);
          transcripts.push(t);
          if (rollouts.length >= limit) await flush();
        },
        onBytes,
        opts.maxLineBytes,
      );
    } catch (e) {
      await copying.catch(() => undefined); // let the chunk in flight finish before the rollback
      throw e;
    }
    await flush();
    await copying;
    checkAgainstMetadata(p, parsed);
    rows = parsed.rows;
    await finishRun(tx, runId, parsed, await decideStatus(tx, p, runId, datasetId, opts, state, local));
  });
  applyCommitted(state, p, runId, rows, local, `${p.resolved.benchmark}|${p.resolved.datasetKey}`, datasetId);
  return rows;
}

// ---------------------------------------------------------------------------------------------

/** Ingest discovered runs: each run all-or-nothing, bad runs reported and skipped. */
export async function ingestRuns(raw: RawClient, runs: DiscoveredRun[], opts: IngestOptions): Promise<IngestReport> {
  const groupRows = opts.groupRows ?? 5000;
  const progress: IngestProgress = {
    runsDone: 0, runsTotal: runs.length, rows: 0, bytesDone: 0, bytesTotal: runs.reduce((s, r) => s + r.bytes, 0), current: null,
  };
  const tick = () => opts.onProgress?.({ ...progress });
  const onBytes = (n: number) => {
    progress.bytesDone += n;
  };
  const report: IngestReport = { runs: [], rowsInserted: 0 };
  const state = opts.dryRun
    ? await loadCallState(raw).catch(() => emptyState()) // a dry run may meet a database not yet migrated
    : await loadCallState(raw);
  const ids: number[] = [];
  const nextId = async () => {
    if (!ids.length) ids.push(...(await allocateRunIds(raw, 256)));
    return ids.shift()!;
  };
  const reject = (r: IngestedRun, e: unknown) => {
    Object.assign(r, { outcome: "rejected", status: null, runId: null, supersedes: null });
    r.errors.push(problemOf(e, r.dir));
  };

  let group: Parsed[] = [];
  let groupSize = 0;
  // Hashes of runs parsed but not yet committed: the same content twice in one call is one run.
  const parsedHashes = new Map<string, IngestedRun>();
  const writeGroup = async (g: Parsed[]) => {
    try {
      await commitGroup(raw, g, opts, state);
    } catch (e) {
      if (g.length === 1) reject(g[0].p.report, e);
      // A database error (e.g. a concurrent ingest of the same content): retry run by run.
      else for (const one of g) await commitGroup(raw, [one], opts, state).catch((err) => reject(one.p.report, err));
    }
    for (const one of g) {
      if (one.p.report.outcome === "inserted") report.rowsInserted += one.parsed.rows;
      progress.rows += one.parsed.rows;
      parsedHashes.delete(one.p.sha);
    }
    tick();
  };
  // Pipelining: the database writes one group while this process parses the next (2 cores, 2 jobs).
  let inflight: Promise<void> = Promise.resolve();
  const flushGroup = async () => {
    const g = group;
    group = [];
    groupSize = 0;
    await inflight; // one write at a time, in order: supersession decisions see the previous commit
    inflight = g.length ? writeGroup(g) : Promise.resolve();
  };

  for (const run of runs) {
    progress.current = run.dir;
    tick();
    const fallback: IngestedRun = {
      dir: run.dir, format: run.format, outcome: "rejected", runId: null, config: null, benchmark: null, dataset: null,
      status: null, supersedes: null, observedRows: 0, expectedRows: null, meanReward: null, newCatalogEntries: [], errors: [], warnings: [],
    };
    let p: PreparedRun | null = null;
    try {
      if (run.problem) throw run.problem;
      p = await prepare(run, opts);
      const known = state.byHash.get(p.sha);
      const twin = parsedHashes.get(p.sha); // same content earlier in this call, not committed yet
      if (!known && twin) {
        Object.assign(p.report, { outcome: "duplicate", runId: null, status: null, observedRows: twin.observedRows, newCatalogEntries: [] });
        p.report.warnings.push(`same content as ${twin.dir}, loaded by this ingest`);
        progress.bytesDone += run.bytes;
      } else if (known) {
        Object.assign(p.report, {
          outcome: "duplicate", runId: known.id, status: known.status === "rejected" ? null : known.status,
          observedRows: known.observedRows, newCatalogEntries: [],
        });
        progress.bytesDone += run.bytes;
      } else if (opts.dryRun) {
        const parsed = await parseRows(p, 0, () => {}, onBytes, opts.maxLineBytes);
        checkAgainstMetadata(p, parsed);
        p.report.outcome = "valid";
      } else if (run.bytes > groupRows * 4096) {
        await flushGroup();
        await inflight;
        const runId = await nextId();
        const rows = await streamLargeRun(raw, p, runId, opts, state, onBytes, (n) => {
          progress.rows += n;
          tick();
        });
        report.rowsInserted += rows;
      } else {
        const runId = await nextId();
        const rollouts: string[] = [];
        const transcripts: string[] = [];
        const parsed = await parseRows(p, runId, (r, t) => {
          rollouts.push(r);
          transcripts.push(t);
        }, onBytes, opts.maxLineBytes);
        checkAgainstMetadata(p, parsed);
        group.push({ p, runId, parsed, rollouts: rollouts.join(""), transcripts: transcripts.join("") });
        parsedHashes.set(p.sha, p.report);
        groupSize += parsed.rows;
        if (groupSize >= groupRows) await flushGroup();
      }
    } catch (e) {
      reject(p?.report ?? fallback, e);
    }
    report.runs.push(p?.report ?? fallback);
    progress.runsDone++;
  }
  await flushGroup();
  await inflight;
  // A later run of this call may have superseded an earlier one: report final statuses.
  const inserted = report.runs.filter((r) => r.outcome === "inserted" && r.runId !== null);
  // Once per call, after the last commit (not per transaction: a long ingest would otherwise make
  // servers recompute the boards for every intermediate run set). An ingest killed after a commit
  // but before this point left the version behind the published runs: the next ingest of the same
  // files, though it inserts nothing, notices (no snapshot has the published set) and bumps it.
  if (!opts.dryRun && (inserted.length > 0 || (report.runs.some((r) => r.outcome === "duplicate") && !(await publishedSetHasSnapshot(raw))))) {
    await bumpDataVersion(raw);
  }
  if (inserted.length) {
    const final = await raw.query<{ id: number; status: IngestedRun["status"] }>(`select id, status from runs where id = any($1::int[])`, [
      inserted.map((r) => r.runId),
    ]);
    const byId = new Map(final.map((f) => [Number(f.id), f.status]));
    for (const r of inserted) r.status = byId.get(r.runId!) ?? r.status;
  }
  progress.current = null;
  tick();
  return report;
}
