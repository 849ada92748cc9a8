/**
 * Find runs under the given paths and tell which artifact format each one is (spec §1):
 * - Gen A: `runs/evals/<model>/<env>/<variant>/{metadata.json,results.jsonl}`
 * - Gen A′: `<anything>/evals/<env>--<model>/<8-hex id>/` (no variant: `base`)
 * - Gen C: Gen A′ layout, told apart by metadata keys (`env`, not `env_id`)
 * - Gen B: a folder with `run_manifest.json`: its completed jobs (job folders are never taken as
 *   separate runs); jobs in other states are listed as skipped
 * - processed parquet: `*.parquet` files (scores and tokens, no transcripts), one run per
 *   (model, env, variant) found in the file
 * A folder with only one of the two files is reported as a rejected run, never skipped silently.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { IngestError } from "./errors";
import { manifestRuns, parseManifest } from "./gen-b";
import type { RunFormat } from "./metadata";
import { readParquetRuns, type ParquetRun } from "./parquet";

export interface DiscoveredRun {
  /** The run's folder: what reports and `runs.source` name. */
  dir: string;
  format: RunFormat;
  metadataPath: string;
  resultsPath: string;
  /** Variant folder for Gen A; `base` for single-run formats. */
  variantFolder: string;
  /** Size of the results file in bytes (progress and ETA). */
  bytes: number;
  /** Configuration alias the artifacts name themselves (Gen B manifest). */
  alias?: string | null;
  /** When the run happened, if the layout says (Gen B job `ended_at`). */
  runAt?: string | null;
  /** Set when the folder is a run that cannot be loaded (e.g. metadata.json missing). */
  problem?: IngestError;
  /** Processed parquet: the run's rows come from here (no metadata.json / results.jsonl). */
  parquet?: ParquetRun;
}

/** A Gen B job that is not a result (pending, running, failed, skipped). */
export interface SkippedJob {
  manifest: string;
  jobId: string;
  reason: string;
}

export interface Discovery {
  runs: DiscoveredRun[];
  skipped: SkippedJob[];
}

export interface DiscoverOptions {
  /** Force a format instead of detecting it. */
  format?: RunFormat;
}

const HEX8 = /^[0-9a-f]{8}$/i;

async function classify(dir: string, metadataPath: string): Promise<RunFormat> {
  let keys: string[] = [];
  try {
    const json = JSON.parse(await fs.readFile(metadataPath, "utf8"));
    if (json && typeof json === "object") keys = Object.keys(json);
  } catch {
    /* reported with file and position when the metadata is parsed */
  }
  if (keys.includes("env") && !keys.includes("env_id")) return "C";
  const parent = path.basename(path.dirname(dir));
  if (HEX8.test(path.basename(dir)) && parent.includes("--")) return "A1";
  return "A";
}

async function parquetRuns(file: string, format: RunFormat | undefined): Promise<DiscoveredRun[]> {
  const bytes = (await fs.stat(file)).size;
  try {
    const runs = await readParquetRuns(file);
    return runs.map((p) => ({
      dir: `${file}#${p.providerModel}/${p.envId}/${p.variantId}`,
      format: format ?? "parquet",
      metadataPath: file,
      resultsPath: file,
      variantFolder: p.variantFolder,
      bytes: Math.round(bytes / runs.length),
      parquet: p,
    }));
  } catch (e) {
    const problem = e instanceof IngestError ? e : new IngestError(file, `cannot be read as parquet (${(e as Error).message})`);
    return [{ dir: file, format: "parquet", metadataPath: file, resultsPath: file, variantFolder: "base", bytes, problem }];
  }
}

async function manifestJobs(manifestPath: string, out: Discovery): Promise<void> {
  let jobs;
  try {
    jobs = manifestRuns(manifestPath, parseManifest(manifestPath, await fs.readFile(manifestPath, "utf8")));
  } catch (e) {
    const problem = e instanceof IngestError ? e : new IngestError(manifestPath, (e as Error).message);
    out.runs.push({ dir: path.dirname(manifestPath), format: "B", metadataPath: manifestPath, resultsPath: manifestPath, variantFolder: "base", bytes: 0, problem });
    return;
  }
  for (const s of jobs.skipped) out.skipped.push({ manifest: manifestPath, jobId: s.jobId, reason: s.reason });
  for (const job of jobs.runs) {
    const stat = await fs.stat(job.resultsPath).catch(() => null);
    const metaExists = await fs.stat(job.metadataPath).then(
      () => true,
      () => false,
    );
    const run: DiscoveredRun = {
      dir: path.dirname(job.resultsPath),
      format: "B",
      metadataPath: job.metadataPath,
      resultsPath: job.resultsPath,
      variantFolder: job.variantFolder,
      bytes: stat?.size ?? 0,
      alias: job.alias,
      runAt: job.runAt,
    };
    if (!stat || !metaExists) {
      run.problem = new IngestError(!metaExists ? job.metadataPath : job.resultsPath, `is missing (job ${job.jobId} is completed in ${manifestPath})`);
    }
    out.runs.push(run);
  }
}

/** Every run under `root` (a folder, or a parquet file), sorted by path; Gen B jobs not completed are listed as skipped. */
export async function discover(root: string, opts: DiscoverOptions = {}): Promise<Discovery> {
  const out: Discovery = { runs: [], skipped: [] };
  const stat = await fs.stat(root).catch(() => null);
  if (!stat) throw new IngestError(root, "no such file or folder");
  if (stat.isFile() && root.toLowerCase().endsWith(".parquet")) {
    out.runs.push(...(await parquetRuns(path.resolve(root), opts.format)));
    return out;
  }
  if (!stat.isDirectory()) throw new IngestError(root, "is neither a folder of runs, a parquet file nor a .zip/.tar.gz archive");
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === "run_manifest.json")) {
      await manifestJobs(path.join(dir, "run_manifest.json"), out);
      return; // job folders belong to the manifest
    }
    const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
    const hasMeta = files.has("metadata.json");
    const hasResults = files.has("results.jsonl");
    if (hasMeta || hasResults) {
      const metadataPath = path.join(dir, "metadata.json");
      const resultsPath = path.join(dir, "results.jsonl");
      const bytes = hasResults ? (await fs.stat(resultsPath)).size : 0;
      const base = { dir, metadataPath, resultsPath, bytes };
      if (!hasMeta || !hasResults) {
        const missing = hasMeta ? resultsPath : metadataPath;
        out.runs.push({ ...base, format: opts.format ?? "A", variantFolder: "base", problem: new IngestError(missing, "is missing (a run folder needs metadata.json and results.jsonl)") });
        return;
      }
      const format = opts.format ?? (await classify(dir, metadataPath));
      out.runs.push({ ...base, format, variantFolder: format === "A" ? path.basename(dir) : "base" });
      return;
    }
    for (const name of [...files].filter((f) => f.toLowerCase().endsWith(".parquet")).sort()) {
      out.runs.push(...(await parquetRuns(path.join(dir, name), opts.format)));
    }
    const subdirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => e.name);
    subdirs.sort();
    for (const name of subdirs) await walk(path.join(dir, name));
  };
  await walk(path.resolve(root));
  return out;
}

/** Runs under `root` (see `discover`). */
export async function discoverRuns(root: string, opts: DiscoverOptions = {}): Promise<DiscoveredRun[]> {
  return (await discover(root, opts)).runs;
}
