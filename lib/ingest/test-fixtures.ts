/** Small hand-built Gen A artifacts for tests (the real data stays in ../shared). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { slug } from "./slug";

export interface FixtureRow {
  /** example_id (a number as the harness writes it; a string for ids like "q10"). */
  id: number | string;
  reward: number | null;
  /** Completion text; default `<answer>A</answer>`. */
  text?: string;
  options?: Record<string, string>;
  answer?: string;
  /** Output tokens; null = the row has no token_usage at all. */
  outputTokens?: number | null;
  inputTokens?: number;
  reasoning?: string;
  /** Replace the generated prompt / completion (a message list or a plain string). */
  prompt?: unknown;
  completion?: unknown;
  /** Fields merged over the generated `info` (e.g. `judge_feedback`). */
  info?: Record<string, unknown>;
  /** The row's `error` (default null). */
  error?: unknown;
  truncated?: boolean;
  /** timing.total in seconds (default 1.51); null = no timing. */
  latencySeconds?: number | null;
  stopCondition?: string | null;
}

export interface FixtureRun {
  model: string;
  envId: string;
  variant?: string;
  envArgs?: Record<string, unknown>;
  samplingArgs?: Record<string, unknown>;
  numExamples?: number;
  /** metadata rollouts_per_example (default 1); repeat a row's id to give it several rollouts. */
  rolloutsPerExample?: number;
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
  const outputTokens = r.outputTokens === undefined ? 50 : r.outputTokens;
  const inputTokens = r.inputTokens ?? 100;
  const seconds = r.latencySeconds === undefined ? 1.51 : r.latencySeconds;
  const info = r.options ? { options: r.options, answer_text: r.options[r.answer ?? "A"] } : {};
  const row: Record<string, unknown> = {
    example_id: r.id,
    prompt: r.prompt ?? [
      { role: "system", content: "You are a clinician." },
      { role: "user", content: `Question ${r.id}?\n` + Object.entries(r.options ?? {}).map(([k, v]) => `${k}. ${v}`).join("\n") },
    ],
    completion: r.completion ?? [completion],
    answer: r.answer ?? "A",
    info: r.info ? { ...info, ...r.info } : info,
    reward: r.reward,
    metrics: { accuracy: r.reward, num_turns: 1 },
    accuracy: r.reward,
    timing:
      seconds === null
        ? undefined
        : { generation: { duration: r.latencySeconds === undefined ? 1.5 : seconds }, scoring: { duration: 0.01 }, total: seconds },
    is_completed: true,
    is_truncated: r.truncated ?? false,
    stop_condition: r.stopCondition === undefined ? "stop" : r.stopCondition,
    token_usage: outputTokens === null ? undefined : { input_tokens: inputTokens, output_tokens: outputTokens, final_input_tokens: inputTokens, final_output_tokens: outputTokens },
    error: r.error ?? null,
  };
  for (const k of Object.keys(row)) if (row[k] === undefined) delete row[k];
  return row;
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
    rollouts_per_example: run.rolloutsPerExample ?? 1,
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
