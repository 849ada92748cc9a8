/** Find runs under the given paths and tell which artifact format each one is. */
import fs from "node:fs/promises";
import path from "node:path";
import { IngestError } from "./errors";
import type { RunFormat } from "./metadata";

export interface DiscoveredRun {
  dir: string;
  format: RunFormat;
  metadataPath: string;
  resultsPath: string;
  /** Variant folder for Gen A; `base` for single-run formats. */
  variantFolder: string;
}

const HEX8 = /^[0-9a-f]{8}$/i;

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

async function classify(dir: string, metadataPath: string): Promise<RunFormat> {
  const text = await fs.readFile(metadataPath, "utf8");
  let keys: string[] = [];
  try {
    const json = JSON.parse(text);
    if (json && typeof json === "object") keys = Object.keys(json);
  } catch {
    /* reported with file and position when the metadata is parsed */
  }
  if (keys.includes("env") && !keys.includes("env_id")) return "C";
  const parent = path.basename(path.dirname(dir));
  if (HEX8.test(path.basename(dir)) && parent.includes("--")) return "A1";
  return "A";
}

/** Every run directory (one holding metadata.json and results.jsonl) under `root`, sorted. */
export async function discoverRuns(root: string): Promise<DiscoveredRun[]> {
  const stat = await fs.stat(root).catch(() => null);
  if (!stat) throw new IngestError(root, "no such file or folder");
  if (!stat.isDirectory()) {
    throw new IngestError(root, "not a folder (archives and parquet are not supported yet: unpack it first)");
  }
  const out: DiscoveredRun[] = [];
  const walk = async (dir: string): Promise<void> => {
    if (await exists(path.join(dir, "run_manifest.json"))) {
      throw new IngestError(path.join(dir, "run_manifest.json"), "Gen B run manifests are not supported yet");
    }
    const entries = await fs.readdir(dir, { withFileTypes: true });
    const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
    if (names.has("metadata.json") && names.has("results.jsonl")) {
      const metadataPath = path.join(dir, "metadata.json");
      const format = await classify(dir, metadataPath);
      out.push({
        dir,
        format,
        metadataPath,
        resultsPath: path.join(dir, "results.jsonl"),
        variantFolder: format === "A" ? path.basename(dir) : "base",
      });
      return;
    }
    const subdirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => e.name);
    subdirs.sort();
    for (const name of subdirs) await walk(path.join(dir, name));
  };
  await walk(path.resolve(root));
  return out;
}
