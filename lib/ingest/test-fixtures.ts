/** Small hand-built Gen A artifacts for tests (the real data stays in ../shared). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { slug } from "./slug";

export interface FixtureRow {
  id: number;
  reward: number | null;
  /** Completion text; default `<answer>A</answer>`. */
  text?: string;
  options?: Record<string, string>;
  answer?: string;
  outputTokens?: number;
  reasoning?: string;
}

export interface FixtureRun {
  model: string;
  envId: string;
  variant?: string;
  envArgs?: Record<string, unknown>;
  samplingArgs?: Record<string, unknown>;
  numExamples?: number;
  rows: FixtureRow[];
  /** Seconds since the epoch for metadata.json's mtime (decides which run is "later"). */
  mtime?: number;
}

export function tmpDir(prefix = "mm-fixture-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function rowJson(r: FixtureRow): Record<string, unknown> {
  const completion: Record<string, unknown> = { role: "assistant", content: r.text ?? "<answer>A</answer>" };
  if (r.reasoning) completion.reasoning_content = r.reasoning;
  return {
    example_id: r.id,
    prompt: [
      { role: "system", content: "You are a clinician." },
      { role: "user", content: `Question ${r.id}?\n` + Object.entries(r.options ?? {}).map(([k, v]) => `${k}. ${v}`).join("\n") },
    ],
    completion: [completion],
    answer: r.answer ?? "A",
    info: r.options ? { options: r.options, answer_text: r.options[r.answer ?? "A"] } : {},
    reward: r.reward,
    metrics: { accuracy: r.reward, num_turns: 1 },
    accuracy: r.reward,
    timing: { generation: { duration: 1.5 }, scoring: { duration: 0.01 }, total: 1.51 },
    is_completed: true,
    is_truncated: false,
    stop_condition: "stop",
    token_usage: { input_tokens: 100, output_tokens: r.outputTokens ?? 50, final_input_tokens: 100, final_output_tokens: r.outputTokens ?? 50 },
    error: null,
  };
}

/** Write one Gen A run under `<root>/runs/evals/<slug(model)>/<slug(env)>/<variant>/`; returns its folder. */
export function writeGenARun(root: string, run: FixtureRun): string {
  const dir = path.join(root, "runs", "evals", slug(run.model), slug(run.envId), run.variant ?? "base");
  fs.mkdirSync(dir, { recursive: true });
  const metadata = {
    env_id: run.envId,
    env_args: run.envArgs ?? {},
    model: run.model,
    base_url: "http://localhost:8000/v1",
    num_examples: run.numExamples ?? run.rows.length,
    rollouts_per_example: 1,
    sampling_args: run.samplingArgs ?? {},
    time: 12.5,
    avg_reward: run.rows.reduce((s, r) => s + (r.reward ?? 0), 0) / Math.max(1, run.rows.length),
    avg_metrics: {},
    usage: { input_tokens: 100, output_tokens: 50, final_input_tokens: 100, final_output_tokens: 50 },
    version_info: { vf_version: "0.1.9", vf_commit: "abc1234", env_version: "0.2.0", env_commit: "def5678" },
  };
  fs.writeFileSync(path.join(dir, "metadata.json"), JSON.stringify(metadata, null, 2));
  fs.writeFileSync(path.join(dir, "results.jsonl"), run.rows.map((r) => JSON.stringify(rowJson(r))).join("\n") + "\n");
  if (run.mtime !== undefined) fs.utimesSync(path.join(dir, "metadata.json"), run.mtime, run.mtime);
  return dir;
}
