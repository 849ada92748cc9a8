// Shared by the soak and fault benchmarks: small, unique run artifacts in the real Gen A format
// (every seed gives different content, so nothing is "already ingested"), and what the database
// must hold for each once it is loaded (content hash, line count).
import fs from "node:fs";
import path from "node:path";
import { hashRunFiles } from "../../lib/ingest/hash";
import { writeGenARun, type FixtureRun } from "../../lib/ingest/test-fixtures";

const MODELS = ["openai/gpt-oss-20b", "google/gemma-3-27b-it", "google/medgemma-27b-text-it", "Qwen/Qwen3-30B-A3B-Instruct-2507"];
const ENVS = ["medqa", "med_mcqa", "pubmedqa", "mmlu_pro_health", "head_qa_v2", "medxpertqa"];
const OPTIONS = { A: "Aspirin", B: "Heparin", C: "Warfarin", D: "None of the above" };

export interface Artifact {
  /** The run folder (metadata.json + results.jsonl). */
  dir: string;
  sha: string;
  lines: number;
  via: "upload" | "ingest";
}

export function soakRun(seed: number, rows: number, model = MODELS[seed % MODELS.length], envId = ENVS[Math.floor(seed / MODELS.length) % ENVS.length]): FixtureRun {
  return {
    model,
    envId,
    rows: Array.from({ length: rows }, (_, i) => ({
      id: i,
      reward: (i * 7 + seed) % 3 === 0 ? 0 : 1,
      options: OPTIONS,
      answer: "A",
      text: `Run ${seed}, question ${i}: the answer is <answer>${(i + seed) % 3 === 0 ? "B" : "A"}</answer>`,
      outputTokens: 40 + ((seed * 31 + i) % 400),
      latencySeconds: 0.5 + ((seed + i) % 50) / 10,
    })),
    // Later seeds are later runs: each publishes over the previous one of its identity.
    mtime: 1_700_000_000 + seed,
  };
}

/** Write `count` runs (seeds from `firstSeed`) under `root`, each in its own Gen A tree. */
export async function writeRuns(root: string, firstSeed: number, count: number, rows: number, via: Artifact["via"]): Promise<Artifact[]> {
  const out: Artifact[] = [];
  for (let k = 0; k < count; k++) {
    const seed = firstSeed + k;
    const dir = writeGenARun(path.join(root, `s${seed}`), soakRun(seed, rows));
    out.push(await describeRun(dir, via));
  }
  return out;
}

export async function describeRun(dir: string, via: Artifact["via"]): Promise<Artifact> {
  const results = path.join(dir, "results.jsonl");
  const text = fs.readFileSync(results, "utf8");
  const lines = text.split("\n").filter((l) => l.length > 0).length;
  return { dir, sha: await hashRunFiles(path.join(dir, "metadata.json"), results), lines, via };
}
