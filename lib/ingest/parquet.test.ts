import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { parquetWriteFile, type ColumnSource } from "hyparquet-writer";
import { afterAll, describe, expect, it } from "vitest";
import { IngestError } from "./errors";
import { canonicalParquetVariant, readParquetRuns } from "./parquet";
import type { RolloutRecord } from "./rollout";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mm-parquet-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Row {
  env_id: string;
  example_id: string;
  model_id: string | null;
  variant_id: string;
  reward: number | null;
  rollout_index: number;
  tokens: number | null;
  total_ms: number | null;
  answer: string;
  error: string | null;
}

/** 26 columns like `medarc-eval process` writes (values made up). */
function columns(rows: Row[], opts: { withRolloutIndex?: boolean; drop?: string } = {}): ColumnSource[] {
  const cols: ColumnSource[] = [
    { name: "env_id", type: "STRING", data: rows.map((r) => r.env_id) },
    { name: "example_id", type: "STRING", data: rows.map((r) => r.example_id) },
    { name: "model_id", type: "STRING", data: rows.map((r) => r.model_id) },
    { name: "variant_id", type: "STRING", data: rows.map((r) => r.variant_id) },
    { name: "task", type: "STRING", data: rows.map((r) => r.env_id) },
    { name: "reward", type: "DOUBLE", data: rows.map((r) => r.reward) },
    { name: "accuracy", type: "DOUBLE", data: rows.map((r) => r.reward) },
    { name: "num_turns", type: "INT32", data: rows.map(() => 1) },
    { name: "model_token_prompt", type: "INT64", data: rows.map((r) => (r.tokens === null ? null : BigInt(r.tokens))) },
    { name: "model_token_completion", type: "INT64", data: rows.map((r) => (r.tokens === null ? null : BigInt(r.tokens / 2))) },
    { name: "model_token_total", type: "INT64", data: rows.map((r) => (r.tokens === null ? null : BigInt(r.tokens + r.tokens / 2))) },
    { name: "model_token_cost", type: "DOUBLE", data: rows.map(() => 0.001) },
    { name: "judge_token_prompt", type: "INT32", data: rows.map(() => 7) },
    { name: "judge_token_completion", type: "INT32", data: rows.map(() => 3) },
    { name: "judge_token_total", type: "INT32", data: rows.map(() => 10) },
    { name: "judge_token_cost", type: "DOUBLE", data: rows.map(() => 0.0001) },
    { name: "generation_ms", type: "DOUBLE", data: rows.map(() => 1200.4) },
    { name: "scoring_ms", type: "DOUBLE", data: rows.map(() => 5) },
    { name: "total_ms", type: "DOUBLE", data: rows.map((r) => r.total_ms) },
    { name: "answer", type: "STRING", data: rows.map((r) => r.answer) },
    { name: "error", type: "STRING", data: rows.map((r) => r.error) },
    { name: "stop_condition", type: "STRING", data: rows.map(() => "stop") },
    { name: "is_truncated", type: "BOOLEAN", data: rows.map(() => false) },
    { name: "is_completed", type: "BOOLEAN", data: rows.map(() => true) },
    { name: "sampling_temperature", type: "DOUBLE", data: rows.map(() => 0.7) },
    { name: "__index_level_0__", type: "INT64", data: rows.map((_, i) => BigInt(i)) },
  ];
  if (opts.withRolloutIndex !== false) cols.splice(6, 0, { name: "rollout_index", type: "INT32", data: rows.map((r) => r.rollout_index) });
  else cols.push({ name: "extra", type: "INT32", data: rows.map(() => 0) });
  return cols.filter((c) => c.name !== opts.drop);
}

function row(over: Partial<Row>): Row {
  return {
    env_id: "medqa",
    example_id: "0",
    model_id: "openai/gpt-oss-20b",
    variant_id: "base",
    reward: 1,
    rollout_index: 0,
    tokens: 100,
    total_ms: 1250.6,
    answer: "A",
    error: null,
    ...over,
  };
}

async function collect(rows: AsyncIterable<RolloutRecord>): Promise<RolloutRecord[]> {
  const out: RolloutRecord[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

async function rejects(p: Promise<unknown>): Promise<IngestError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error("expected an IngestError");
}

describe("readParquetRuns", () => {
  it("groups rows by (model, env, variant) across row groups and maps the columns", async () => {
    const rows = [
      row({ example_id: "0" }),
      row({ example_id: "0", variant_id: "env_args.shuffle_seed-1618", reward: 0, answer: "C" }),
      row({ example_id: "1", reward: 0, tokens: null, total_ms: null, error: "Timeout" }),
      row({ example_id: "1", variant_id: "env_args.shuffle_seed-1618", reward: null }),
      row({ example_id: "0", rollout_index: 1, reward: 0.5 }),
      row({ example_id: "2", model_id: "anthropic/claude-sonnet-4", env_id: "longhealth", variant_id: "task1__shuffle_seed-9331" }),
      row({ example_id: "3" }),
    ];
    const file = path.join(dir, "mixed.parquet");
    parquetWriteFile({ filename: file, columnData: columns(rows), rowGroupSize: 2 });

    const runs = await readParquetRuns(file);
    expect(runs.map((r) => [r.providerModel, r.envId, r.variantId, r.variantFolder, r.rowCount, r.file])).toEqual([
      ["openai/gpt-oss-20b", "medqa", "base", "base", 4, file],
      ["openai/gpt-oss-20b", "medqa", "env_args.shuffle_seed-1618", "shuffle_seed-1618", 2, file],
      ["anthropic/claude-sonnet-4", "longhealth", "task1__shuffle_seed-9331", "task1__shuffle_seed-9331", 1, file],
    ]);

    const base = await collect(runs[0].rows);
    expect(base.map((r) => [r.exampleId, r.rolloutIndex, r.reward])).toEqual([
      ["0", 0, 1],
      ["1", 0, 0],
      ["0", 1, 0.5],
      ["3", 0, 1],
    ]);
    expect(base[0]).toEqual({
      exampleId: "0",
      rolloutIndex: 0,
      reward: 1,
      metrics: { accuracy: 1, num_turns: 1, sampling_temperature: 0.7 },
      gold: "A",
      parsedAnswer: null,
      chosenText: null,
      inputTokens: 100,
      outputTokens: 50,
      reasoningTokens: null,
      judgeInputTokens: 7,
      judgeOutputTokens: 3,
      costUsd: null,
      latencyMs: 1251,
      error: null,
      stopCondition: "stop",
      truncated: false,
      hasReasoning: false,
      prompt: null,
      completion: null,
      info: null,
    });
    expect(base[1]).toMatchObject({ inputTokens: null, outputTokens: null, latencyMs: 1200, error: "Timeout" });

    const shuffled = await collect(runs[1].rows);
    expect(shuffled.map((r) => [r.exampleId, r.reward, r.gold])).toEqual([
      ["0", 0, "C"],
      ["1", null, "A"],
    ]);
    // iterable more than once
    expect((await collect(runs[1].rows)).length).toBe(2);
    expect((await collect(runs[2].rows)).map((r) => r.exampleId)).toEqual(["2"]);
  });

  it("numbers rollouts per example when there is no rollout_index column", async () => {
    const rows = [row({ example_id: "a" }), row({ example_id: "b" }), row({ example_id: "a" }), row({ example_id: "a" })];
    const file = path.join(dir, "no-index.parquet");
    parquetWriteFile({ filename: file, columnData: columns(rows, { withRolloutIndex: false }), rowGroupSize: 3 });
    const [run] = await readParquetRuns(file);
    const out = await collect(run.rows);
    expect(out.map((r) => [r.exampleId, r.rolloutIndex])).toEqual([
      ["a", 0],
      ["b", 0],
      ["a", 1],
      ["a", 2],
    ]);
    expect(out[0].metrics).toEqual({ accuracy: 1, num_turns: 1, sampling_temperature: 0.7, extra: 0 });
  });

  it("reads GZIP-compressed files", async () => {
    const file = path.join(dir, "gzip.parquet");
    parquetWriteFile({
      filename: file,
      columnData: columns([row({}), row({ example_id: "1" })]),
      codec: "GZIP",
      compressors: { GZIP: (input) => new Uint8Array(zlib.gzipSync(input)) },
    });
    const [run] = await readParquetRuns(file);
    expect((await collect(run.rows)).map((r) => r.exampleId)).toEqual(["0", "1"]);
  });

  it("rejects a file without a required column", async () => {
    const file = path.join(dir, "no-reward.parquet");
    parquetWriteFile({ filename: file, columnData: columns([row({})], { drop: "reward" }) });
    const e = await rejects(readParquetRuns(file));
    expect([e.file, e.field, e.problem]).toEqual([file, "reward", "missing column"]);
  });

  it("rejects a row without a model id, naming the row", async () => {
    const file = path.join(dir, "null-model.parquet");
    parquetWriteFile({ filename: file, columnData: columns([row({}), row({}), row({ model_id: null })]), rowGroupSize: 2 });
    const e = await rejects(readParquetRuns(file));
    expect([e.file, e.line, e.field]).toEqual([file, 3, "model_id"]);
  });

  it("rejects a file that is not parquet", async () => {
    const file = path.join(dir, "not.parquet");
    fs.writeFileSync(file, "example_id,reward\n1,0\n");
    const e = await rejects(readParquetRuns(file));
    expect(e.problem).toMatch(/cannot read parquet/);
  });
});

describe("canonicalParquetVariant", () => {
  it.each([
    ["base", "base"],
    ["", "base"],
    ["env_args.shuffle_seed-1618", "shuffle_seed-1618"],
    ["task1__shuffle_seed-9331", "task1__shuffle_seed-9331"],
    ["rollout_1", "rollout_1"],
    ["num_options-4", "num_options-4"],
  ])("%s → %s", (v, expected) => {
    expect(canonicalParquetVariant(v)).toBe(expected);
  });
});
