/**
 * Writes the synthetic demo run set as Gen A artifacts (spec §1):
 * `<outDir>/runs/evals/<model folder>/<slug(env_id)>/<variant_id>/{metadata.json,results.jsonl}`
 * (CareQA Open and PubHealthBench free-form under `runs/evals_open_ended/`, see `runPath`), plus
 * `<outDir>/DEMO.md` and `<outDir>/demo-manifest.json`. Every configuration runs every variant of
 * `suiteVariants("V")` and `suiteVariants("OE")`, except the planned gaps (`MISSING_RUNS`).
 * Deterministic: the same catalog and options give byte-identical files (metadata.json also gets a
 * fixed synthetic mtime). Prints nothing; progress goes through `onProgress`.
 */
import { existsSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CatalogBenchmark, CatalogVariant } from "../catalog";
import { AbilityModel } from "./ability";
import {
  type DemoCatalog,
  type DemoConfig,
  DEMO_CONFIG_ALIASES,
  defaultCatalog,
  INCOMPLETE_RUN,
  MISSING_RUNS,
  NO_USAGE_ALIAS,
  resolveDemoConfigs,
} from "./configs";
import { DEMO_SEED, hashString, hex40, round } from "./prng";
import { generateRows, QuestionBank, type RowSummary } from "./rows";
import { slug } from "../ingest/slug";

export interface GenerateDemoOptions {
  /**
   * Questions per dataset (variant): min(variant.nQuestions, this). Default 60, at most 120.
   * `"all"`: the real question count of every variant (full scale, ~135k rollouts per
   * configuration); runs are then generated dataset by dataset, each dataset's questions dropped
   * from memory once every configuration has answered them, so memory stays bounded.
   */
  questionsPerDataset?: number | "all";
  /** Configuration aliases to evaluate (default DEMO_CONFIG_ALIASES). */
  aliases?: readonly string[];
  /**
   * Write only every `count`-th run, starting at `index` (parallel generation by several
   * processes into one folder). The caller prepares the folder: nothing is cleared, and no
   * manifest or DEMO.md is written (the result lists the runs written).
   */
  shard?: { index: number; count: number };
  onProgress?: (done: number, total: number) => void;
  /** Catalog to read configs, models and benchmarks from (default: lib/catalog). */
  catalog?: DemoCatalog;
}

export interface GenerateDemoResult {
  runs: number;
  rows: number;
  dir: string;
  /** Bytes of results.jsonl written. */
  bytes: number;
}

export const DEFAULT_QUESTIONS_PER_DATASET = 60;
export const MAX_QUESTIONS_PER_DATASET = 120;
const MANIFEST = "demo-manifest.json";
const BASE_URL = "http://localhost:8000/v1";
const CONCURRENCY = 32; // simulated request concurrency of the harness (for `time` and completion order)
const YIELD_EVERY = 50;

interface Dataset {
  bench: CatalogBenchmark;
  variant: CatalogVariant;
}

interface Job {
  cfg: DemoConfig;
  cfgIndex: number;
  ds: Dataset;
  dsIndex: number;
  incomplete: boolean;
}

/**
 * Relative run folder, e.g. `runs/evals/openai-gpt-5.2/medqa/shuffle_seed-1618`.
 *
 * Two OE datasets share their Gen A folder with a V dataset: CareQA Open (`careqa/base`, split
 * `open`) vs CareQA (`careqa/base`, split `en`), and PubHealthBench free-form vs PubHealthBench
 * (`pubhealthbench/base`). Medmarks runs the two suites as separate invocations, so the real
 * artifacts never meet in one tree; here the second dataset of a folder goes to a separate output
 * root `runs/evals_open_ended/...` (same `<model>/<env>/<variant>` below it). The ingest walks
 * `runs/` recursively and decides the benchmark by `env_args.split`, never by path (spec §2).
 */
export function runPath(cfg: DemoConfig, variant: CatalogVariant, root = "evals"): string {
  return path.posix.join("runs", root, cfg.folder, slug(variant.envId), variant.variantId);
}

/** Output root per dataset: `evals`, or `evals_<suite>` when an earlier dataset took its folder. */
function outputRoots(datasets: Dataset[]): string[] {
  const seen = new Set<string>();
  return datasets.map((d) => {
    const key = `${slug(d.variant.envId)}/${d.variant.variantId}`;
    if (!seen.has(key)) {
      seen.add(key);
      return "evals";
    }
    return d.bench.subset === "OE" ? "evals_open_ended" : "evals_verified";
  });
}

function planMissing(configs: DemoConfig[], datasets: Dataset[]): Set<string> {
  const missing = new Set<string>();
  for (const m of MISSING_RUNS) {
    if (!configs.some((c) => c.alias === m.alias)) continue;
    const ofBench = datasets.filter((d) => d.bench.slug === m.benchmark);
    const picked =
      m.pick === "all" ? ofBench : m.pick === "shuffled" ? ofBench.filter((d) => d.variant.orderSeed !== null) : ofBench.slice(-1);
    for (const d of picked) missing.add(`${m.alias}|${d.variant.envId}|${d.variant.variantId}`);
  }
  return missing;
}

/** Completion order of an interrupted run: simulate CONCURRENCY slots working in example order. */
function completionOrder(rows: RowSummary[]): number[] {
  const slots = new Array<number>(Math.min(CONCURRENCY, rows.length)).fill(0);
  const finish = rows.map((r) => {
    let k = 0;
    for (let i = 1; i < slots.length; i++) if (slots[i] < slots[k]) k = i;
    slots[k] += r.total;
    return slots[k];
  });
  return rows.map((_, i) => i).sort((a, b) => finish[a] - finish[b] || a - b);
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

function buildMetadata(job: Job, rows: RowSummary[], numExamples: number, hasUsage: boolean): Record<string, unknown> {
  const { cfg, ds } = job;
  const key = ds.bench.metric.key;
  const rewards = rows.map((r) => r.reward);
  const pass = mean(rewards.map((r) => (r >= 0.5 ? 1 : 0)));
  const inTok = round(mean(rows.map((r) => r.inputTokens)), 2);
  const outTok = round(mean(rows.map((r) => r.outputTokens)), 2);
  // single-turn rollouts: the final turn's tokens are the rollout's tokens
  const usage = hasUsage ? { input_tokens: inTok, output_tokens: outTok, final_input_tokens: inTok, final_output_tokens: outTok } : null;
  const envId = ds.variant.envId;
  return {
    env_id: envId,
    env_args: ds.variant.envArgs,
    model: cfg.providerId,
    base_url: BASE_URL,
    num_examples: numExamples,
    rollouts_per_example: 1,
    sampling_args: cfg.samplingArgs,
    time: round(rows.reduce((s, r) => s + r.total, 0) / CONCURRENCY + 2.5, 2),
    avg_reward: round(mean(rewards), 6),
    avg_metrics: { [key]: round(mean(rewards), 6), num_turns: round(mean(rows.map((r) => r.numTurns)), 6) },
    avg_error: round(mean(rows.map((r) => (r.failed ? 1 : 0))), 6),
    pass_at_k: { "1": round(pass, 6) },
    pass_all_k: { "1": round(pass, 6) },
    pass_threshold: 0.5,
    usage,
    version_info: {
      vf_version: "0.1.9",
      vf_commit: hex40("verifiers"),
      env_version: `0.1.${hashString(envId) % 6}`,
      env_commit: hex40(`env|${envId}`),
    },
    state_columns: [],
    tools: null,
  };
}

/** Refuse to write into a folder holding runs that are not a previous demo; clear a previous demo. */
async function prepareOutDir(outDir: string): Promise<void> {
  const runsDir = path.join(outDir, "runs");
  if (existsSync(runsDir)) {
    if (!existsSync(path.join(outDir, MANIFEST))) {
      const entries = await readdir(runsDir);
      if (entries.length > 0) throw new Error(`${runsDir} holds runs that are not demo data; choose an empty output folder`);
    }
    await rm(runsDir, { recursive: true, force: true });
  }
  await mkdir(outDir, { recursive: true });
}

export async function generateDemoRuns(outDir: string, opts: GenerateDemoOptions = {}): Promise<GenerateDemoResult> {
  const perDataset = opts.questionsPerDataset ?? DEFAULT_QUESTIONS_PER_DATASET;
  const full = perDataset === "all";
  if (!full && (!Number.isInteger(perDataset) || perDataset < 1 || perDataset > MAX_QUESTIONS_PER_DATASET)) {
    throw new RangeError(`questionsPerDataset must be an integer in 1..${MAX_QUESTIONS_PER_DATASET} or "all", got ${perDataset}`);
  }
  const shard = opts.shard;
  if (shard && !(Number.isInteger(shard.count) && shard.count >= 1 && Number.isInteger(shard.index) && shard.index >= 0 && shard.index < shard.count)) {
    throw new RangeError(`shard must have 0 <= index < count, got ${JSON.stringify(shard)}`);
  }
  const cat = opts.catalog ?? defaultCatalog;
  const { configs, skipped } = resolveDemoConfigs(cat, opts.aliases ?? DEMO_CONFIG_ALIASES);
  const datasets: Dataset[] = [...cat.suiteVariants("V"), ...cat.suiteVariants("OE")].map(({ benchmark, variant }) => ({
    bench: benchmark,
    variant,
  }));
  const roots = outputRoots(datasets);
  const missing = planMissing(configs, datasets);
  const ability = new AbilityModel(configs);
  const bank = new QuestionBank();
  const byAlias = new Map(configs.map((c) => [c.alias, c]));

  const allJobs: Job[] = [];
  const missingList: { alias: string; envId: string; variantId: string; benchmark: string }[] = [];
  configs.forEach((cfg, cfgIndex) =>
    datasets.forEach((ds, dsIndex) => {
      if (missing.has(`${cfg.alias}|${ds.variant.envId}|${ds.variant.variantId}`)) {
        missingList.push({ alias: cfg.alias, envId: ds.variant.envId, variantId: ds.variant.variantId, benchmark: ds.bench.slug });
      } else allJobs.push({ cfg, cfgIndex, ds, dsIndex, incomplete: false });
    }),
  );
  // Full scale: dataset by dataset (each dataset's questions are built once, then dropped).
  if (full) allJobs.sort((a, b) => a.dsIndex - b.dsIndex || a.cfgIndex - b.cfgIndex);
  // exactly one interrupted run: the planned one, else the first run of the planned config (or of any)
  const incomplete =
    allJobs.find((j) => j.cfg.alias === INCOMPLETE_RUN.alias && j.ds.bench.slug === INCOMPLETE_RUN.benchmark && j.ds.variant.variantId === INCOMPLETE_RUN.variant) ??
    allJobs.find((j) => j.cfg.alias === INCOMPLETE_RUN.alias) ??
    allJobs[0];
  if (incomplete) incomplete.incomplete = true;
  const jobs = shard ? allJobs.filter((_, k) => k % shard.count === shard.index) : allJobs;
  const lastJobOfDataset = new Map<number, Job>();
  for (const job of jobs) lastJobOfDataset.set(job.dsIndex, job);

  if (shard) await mkdir(outDir, { recursive: true });
  else await prepareOutDir(outDir);
  const total = jobs.length;
  let done = 0;
  let rowCount = 0;
  let bytes = 0;
  const manifestRuns: Record<string, unknown>[] = [];
  const madeDirs = new Set<string>();
  const epoch = Date.UTC(2026, 0, 5, 8, 0, 0) / 1000;

  for (const job of jobs) {
    const { cfg, ds } = job;
    const n = full ? ds.variant.nQuestions : Math.min(ds.variant.nQuestions, perDataset);
    const base = cfg.baseAlias ? byAlias.get(cfg.baseAlias) : undefined;
    const familyKey = cfg.group === "quantized" && base ? base.config.modelId : cfg.config.modelId;
    const hasUsage = cfg.alias !== NO_USAGE_ALIAS;
    const generated = generateRows(
      { cfg, bench: ds.bench, variant: ds.variant, theta: ability.theta(cfg, ds.bench), familyKey, hasUsage, nQuestions: n },
      bank,
    );
    let { rows, lines } = generated;
    if (job.incomplete) {
      const order = completionOrder(rows).slice(0, Math.max(1, Math.round(n * INCOMPLETE_RUN.fraction)));
      rows = order.map((i) => generated.rows[i]);
      lines = order.map((i) => generated.lines[i]);
    }
    rowCount += rows.length;

    const rel = runPath(cfg, ds.variant, roots[job.dsIndex]);
    const dir = path.join(outDir, rel);
    const metadata = buildMetadata(job, rows, n, hasUsage);
    const jsonl = `${lines.join("\n")}\n`;
    const mtime = epoch + job.cfgIndex * 6 * 3600 + job.dsIndex * 240; // synthetic, deterministic run times
    manifestRuns.push({
      alias: cfg.alias,
      path: rel,
      benchmark: ds.bench.slug,
      envId: ds.variant.envId,
      variantId: ds.variant.variantId,
      rows: rows.length,
      numExamples: n,
    });
    // Synchronous writes: one buffered write per file; measured faster than a pool of async writes
    // here (no thread-pool round trips, far less GC). Yield to the event loop now and then.
    const parent = path.dirname(dir);
    if (!madeDirs.has(parent)) {
      mkdirSync(parent, { recursive: true });
      madeDirs.add(parent);
    }
    mkdirSync(dir); // new: prepareOutDir cleared runs/, and each run has its own folder
    const meta = path.join(dir, "metadata.json");
    const res = path.join(dir, "results.jsonl");
    writeFileSync(meta, `${JSON.stringify(metadata, null, 2)}\n`);
    writeFileSync(res, jsonl);
    bytes += Buffer.byteLength(jsonl);
    utimesSync(meta, mtime, mtime); // ingest orders same-identity runs by metadata.json mtime (spec §1)
    if (full && lastJobOfDataset.get(job.dsIndex) === job) bank.drop(ds.bench, ds.variant);
    done++;
    opts.onProgress?.(done, total);
    if (done % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  if (shard) return { runs: jobs.length, rows: rowCount, dir: outDir, bytes };
  const manifest = {
    generator: "medmarks-explorer demo",
    synthetic: true,
    seed: DEMO_SEED,
    questionsPerDataset: perDataset,
    configs: configs.map((c) => ({
      alias: c.alias,
      providerId: c.providerId,
      reasoningEffort: c.effort,
      group: c.group,
      baseAlias: c.baseAlias,
      modelFolder: c.folder,
      usage: c.alias !== NO_USAGE_ALIAS,
    })),
    skippedConfigs: skipped,
    missing: missingList,
    incomplete: incomplete ? runPath(incomplete.cfg, incomplete.ds.variant, roots[incomplete.dsIndex]) : null,
    runs: manifestRuns,
  };
  await writeFile(path.join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  await writeFile(
    path.join(outDir, "DEMO.md"),
    "SYNTHETIC DEMO DATA: every run below was generated by `npm run demo-data` (lib/demo), not by evaluating any model.\n" +
      "Scores, tokens and transcripts are made up to exercise the explorer's views; never cite them as Medmarks results.\n",
  );
  return { runs: jobs.length, rows: rowCount, dir: outDir, bytes };
}
