/**
 * Find runs under the given paths and tell which artifact format each one is (spec §1):
 * - Gen A: `runs/evals/<model>/<env>/<variant>/{metadata.json,results.jsonl}`
 * - Gen A′: `<anything>/evals/<env>--<model>/<8-hex id>/` (no variant: `base`)
 * - Gen C: Gen A′ layout, told apart by metadata keys (`env`, not `env_id`)
 * A folder with only one of the two files is reported as a rejected run, never skipped silently.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { IngestError } from "./errors";
import type { RunFormat } from "./metadata";

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

/** Every run directory under `root`, sorted by path. */
export async function discoverRuns(root: string, opts: DiscoverOptions = {}): Promise<DiscoveredRun[]> {
  const stat = await fs.stat(root).catch(() => null);
  if (!stat) throw new IngestError(root, "no such file or folder");
  if (!stat.isDirectory()) {
    throw new IngestError(root, "not a folder (archives and parquet are not supported yet: unpack it first)");
  }
  const out: DiscoveredRun[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === "run_manifest.json")) {
      throw new IngestError(path.join(dir, "run_manifest.json"), "Gen B run manifests are not supported yet");
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
        out.push({ ...base, format: opts.format ?? "A", variantFolder: "base", problem: new IngestError(missing, "is missing (a run folder needs metadata.json and results.jsonl)") });
        return;
      }
      const format = opts.format ?? (await classify(dir, metadataPath));
      out.push({ ...base, format, variantFolder: format === "A" ? path.basename(dir) : "base" });
      return;
    }
    const subdirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => e.name);
    subdirs.sort();
    for (const name of subdirs) await walk(path.join(dir, name));
  };
  await walk(path.resolve(root));
  return out;
}
