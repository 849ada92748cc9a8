import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseVariantId } from "../catalog/variant-id";
import { IngestError } from "./errors";
import {
  genBVariantFolder,
  isoTime,
  manifestRuns,
  normalizeGenBRow,
  parseGenBMetadata,
  parseJsonLenient,
  parseManifest,
} from "./gen-b";

const SHARED_MANIFEST = path.resolve(process.cwd(), "../shared/medmarks-data/tests/test_cli/data/run_manifest_snapshot.json");

function catchIngest(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error("expected an IngestError");
}

function job(over: Record<string, unknown> = {}): Record<string, unknown> {
  const id = (over.job_id as string) ?? "gpt-oss-20b-low-medqa";
  return {
    job_id: id,
    env_id: "medqa",
    model_id: "gpt-oss-20b-low",
    env_variant_id: "medqa",
    env_args: {},
    sampling_args: { reasoning_effort: "low" },
    status: "completed",
    results_relpath: `${id}/results.jsonl`,
    metadata_relpath: `${id}/metadata.json`,
    row_count: 3,
    duration_seconds: 12.5,
    avg_reward: 0.5,
    metrics: { accuracy: 0.5 },
    started_at: "2025-10-01T11:00:00",
    ended_at: "2025-10-01T12:00:00",
    ...over,
  };
}

function manifestJson(jobs: Record<string, unknown>[], over: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: 3,
    run_id: "paper-run",
    name: "Paper run",
    created_at: "2025-10-01T10:00:00Z",
    updated_at: "2025-10-02T10:00:00Z",
    models: {
      "gpt-oss-20b-low": { id: "gpt-oss-20b-low", model: "openai/gpt-oss-20b", sampling_args: { reasoning_effort: "low" }, env_args: {} },
      "gpt-oss-20b-high": { id: "gpt-oss-20b-high", model: "openai/gpt-oss-20b", sampling_args: { reasoning_effort: "high" }, env_args: { split: "x" } },
    },
    env_templates: {},
    jobs,
    summary: { completed: jobs.length },
    ...over,
  });
}

describe("parseManifest", () => {
  it.runIf(fs.existsSync(SHARED_MANIFEST))("parses the legacy snapshot manifest in shared data (one pending job)", () => {
    const text = fs.readFileSync(SHARED_MANIFEST, "utf8");
    const m = parseManifest(SHARED_MANIFEST, text);
    expect(m.run_id).toBe("snapshot-run");
    expect(m.jobs).toHaveLength(1);
    expect(m.jobs[0].status).toBe("pending");
    expect(m.models["snapshot-model"].model).toBe("gpt-4o-mini");
    // unknown keys are kept
    expect(m.config_checksum).toBeTypeOf("string");
    const { runs, skipped } = manifestRuns(SHARED_MANIFEST, m);
    expect(runs).toEqual([]);
    expect(skipped).toEqual([
      { jobId: "snapshot-model-snapshot-env", status: "pending", reason: "status is pending, only completed jobs are results" },
    ]);
    // module-style env id `environments.snapshot_env` vs variant `snapshot-env` → base
    expect(genBVariantFolder(m.jobs[0].env_id, m.jobs[0].env_variant_id)).toBe("base");
  });

  it("names the field path of a validation error", () => {
    const e = catchIngest(() => parseManifest("m.json", manifestJson([job(), job({ job_id: "b", status: "done" })])));
    expect(e.file).toBe("m.json");
    expect(e.field).toBe("jobs.1.status");
    expect(catchIngest(() => parseManifest("m.json", manifestJson([job({ env_id: 5 })]))).field).toBe("jobs.0.env_id");
    expect(catchIngest(() => parseManifest("m.json", manifestJson([job()], { version: 2 }))).field).toBe("version");
    expect(catchIngest(() => parseManifest("m.json", manifestJson([job()], { models: { a: { id: "a" } } }))).field).toBe("models.a.model");
    expect(catchIngest(() => parseManifest("m.json", manifestJson([job(), job()]))).field).toBe("jobs.1.job_id");
    expect(catchIngest(() => parseManifest("m.json", "{nope")).problem).toMatch(/not valid JSON/);
    expect(catchIngest(() => parseManifest("m.json", "[]")).problem).toMatch(/JSON object/);
  });

  it("reads Python's NaN as null", () => {
    const m = parseManifest("m.json", manifestJson([job({ avg_reward: "__NAN__" })]).replace('"__NAN__"', "NaN"));
    expect(m.jobs[0].avg_reward).toBeNull();
  });
});

describe("manifestRuns", () => {
  const manifestPath = path.join(os.tmpdir(), "raw", "paper-run", "run_manifest.json");
  const dir = path.dirname(manifestPath);

  it("lists completed jobs with alias, provider model, variant, paths and time; skips the others", () => {
    const m = parseManifest(
      manifestPath,
      manifestJson([
        job(),
        job({ job_id: "j2", env_variant_id: "medqa-rollout1618", env_args: { shuffle_answers: true, shuffle_seed: 1618 }, ended_at: null }),
        job({ job_id: "j3", model_id: "gpt-oss-20b-high", env_args: null, sampling_args: null, results_relpath: null, metadata_relpath: null }),
        job({ job_id: "j4", status: "failed" }),
        job({ job_id: "j5", status: "running" }),
        job({ job_id: "j6", status: "skipped" }),
        job({ job_id: "j7", status: "pending", model_id: "not-an-alias" }),
      ]),
    );
    const { runs, skipped } = manifestRuns(manifestPath, m);
    expect(runs.map((r) => [r.jobId, r.alias, r.providerModel, r.envId, r.variantFolder, r.runAt])).toEqual([
      ["gpt-oss-20b-low-medqa", "gpt-oss-20b-low", "openai/gpt-oss-20b", "medqa", "base", "2025-10-01T12:00:00.000Z"],
      ["j2", "gpt-oss-20b-low", "openai/gpt-oss-20b", "medqa", "shuffle_seed-1618", "2025-10-02T10:00:00.000Z"],
      ["j3", "gpt-oss-20b-high", "openai/gpt-oss-20b", "medqa", "base", "2025-10-01T12:00:00.000Z"],
    ]);
    expect(runs[0].metadataPath).toBe(path.join(dir, "gpt-oss-20b-low-medqa", "metadata.json"));
    expect(runs[0].resultsPath).toBe(path.join(dir, "gpt-oss-20b-low-medqa", "results.jsonl"));
    expect(runs[0].rowCount).toBe(3);
    expect(runs[1].envArgs).toEqual({ shuffle_answers: true, shuffle_seed: 1618 });
    expect(runs[1].samplingArgs).toEqual({ reasoning_effort: "low" });
    // no job-level args: the alias's; no relpaths: <job_id>/<file>
    expect(runs[2].envArgs).toEqual({ split: "x" });
    expect(runs[2].samplingArgs).toEqual({ reasoning_effort: "high" });
    expect(runs[2].resultsPath).toBe(path.join(dir, "j3", "results.jsonl"));
    expect(skipped.map((s) => [s.jobId, s.status])).toEqual([
      ["j4", "failed"],
      ["j5", "running"],
      ["j6", "skipped"],
      ["j7", "pending"],
    ]);
  });

  it("rejects relpaths that escape the manifest's folder", () => {
    for (const [rel, field] of [
      ["../other/results.jsonl", "jobs.0.results_relpath"],
      ["a/../../x.jsonl", "jobs.0.results_relpath"],
      ["/etc/passwd", "jobs.0.results_relpath"],
      ["C:\\runs\\results.jsonl", "jobs.0.results_relpath"],
      ["..\\x.jsonl", "jobs.0.results_relpath"],
      [".", "jobs.0.results_relpath"],
    ]) {
      const m = parseManifest(manifestPath, manifestJson([job({ results_relpath: rel })]));
      const e = catchIngest(() => manifestRuns(manifestPath, m));
      expect([e.file, e.field]).toEqual([manifestPath, field]);
    }
    const inside = parseManifest(manifestPath, manifestJson([job({ metadata_relpath: "a/./b/../metadata.json" })]));
    expect(manifestRuns(manifestPath, inside).runs[0].metadataPath).toBe(path.join(dir, "a", "metadata.json"));
  });

  it("rejects a completed job whose alias is not in models", () => {
    const m = parseManifest(manifestPath, manifestJson([job(), job({ job_id: "x", model_id: "ghost" })]));
    expect(catchIngest(() => manifestRuns(manifestPath, m)).field).toBe("jobs.1.model_id");
  });
});

describe("genBVariantFolder", () => {
  it.each([
    ["medqa", "medqa", "base"],
    ["medqa", "MedQA", "base"],
    ["medqa", "medqa-rollout1618", "shuffle_seed-1618"],
    ["medqa", "medqa_r9331", "shuffle_seed-9331"],
    ["medqa", "medqa-r1618", "shuffle_seed-1618"],
    ["med_mcqa", "med-mcqa-rollout1618", "shuffle_seed-1618"],
    ["longhealth", "longhealth-task1-rollout9331", "task1__shuffle_seed-9331"],
    ["longhealth", "longhealth_task2", "task2"],
    ["medcalc_bench", "medcalc_bench-version-1.2", "version-1.2"],
    ["agentclinic", "agentclinic_rollout_1", "rollout_1"],
    ["agentclinic", "agentclinic-rollout_2", "rollout_2"],
    ["agentclinic", "agentclinic", "base"],
    ["environments.snapshot_env", "snapshot-env", "base"],
    ["medqa", "medqa-base", "base"],
    ["medqa", "shuffle_seed-1618", "shuffle_seed-1618"],
    ["medqa", "env_args.shuffle_seed-1618", "shuffle_seed-1618"],
    ["longhealth", "task1__shuffle_seed-1618", "task1__shuffle_seed-1618"],
    ["longhealth", "longhealth-task1__shuffle_seed-1618", "task1__shuffle_seed-1618"],
    // not the env id: kept whole as the subtask
    ["medqa", "usmle-4opt", "usmle-4opt"],
    ["medqa", "usmle-4opt-rollout1618", "usmle-4opt__shuffle_seed-1618"],
    // a prefix that is not followed by a separator is not the env id
    ["medqa", "medqa2", "medqa2"],
  ])("%s / %s → %s", (envId, variant, expected) => {
    expect(genBVariantFolder(envId, variant)).toBe(expected);
  });

  it("round-trips through parseVariantId", () => {
    expect(parseVariantId(genBVariantFolder("longhealth", "longhealth-task1-rollout9331"))).toEqual({ subtask: "task1", orderSeed: 9331, repeat: 0 });
    expect(parseVariantId(genBVariantFolder("agentclinic", "agentclinic_rollout_1"))).toEqual({ subtask: "base", orderSeed: null, repeat: 1 });
  });
});

describe("parseGenBMetadata", () => {
  const legacy = {
    env_id: "medqa",
    env_args: { shuffle_answers: true, shuffle_seed: 1618, judge_model: ["gpt-4.1-mini"] },
    model: "openai/gpt-oss-20b",
    num_examples: 10,
    rollouts_per_example: 2,
    sampling_args: { reasoning_effort: "low" },
    time_ms: 12345.6,
    avg_reward: 0.7,
    avg_metrics: { accuracy: 0.7 },
  };

  it("maps legacy fields into RunMeta", () => {
    const m = parseGenBMetadata("metadata.json", JSON.stringify(legacy));
    expect(m).toMatchObject({
      envId: "medqa",
      providerModel: "openai/gpt-oss-20b",
      numExamples: 10,
      rolloutsPerExample: 2,
      samplingArgs: { reasoning_effort: "low" },
      avgReward: 0.7,
      versionInfo: null,
      judgeModels: ["gpt-4.1-mini"],
      runAt: null,
    });
    expect(m.envArgs.shuffle_seed).toBe(1618);
    expect(m.raw.time_ms).toBe(12345.6);
  });

  it("defaults optional fields and reads NaN averages as null", () => {
    const m = parseGenBMetadata("metadata.json", '{"env_id":"x","model":"m","avg_reward":NaN,"avg_metrics":{"a":NaN}}');
    expect([m.numExamples, m.rolloutsPerExample, m.avgReward, m.envArgs, m.samplingArgs]).toEqual([null, 1, null, {}, {}]);
  });

  it("names the failing field", () => {
    expect(catchIngest(() => parseGenBMetadata("md.json", JSON.stringify({ ...legacy, model: 3 }))).field).toBe("model");
    expect(catchIngest(() => parseGenBMetadata("md.json", JSON.stringify({ ...legacy, env_id: undefined }))).field).toBe("env_id");
    expect(catchIngest(() => parseGenBMetadata("md.json", JSON.stringify({ ...legacy, rollouts_per_example: 0 }))).field).toBe("rollouts_per_example");
  });
});

describe("normalizeGenBRow", () => {
  const OPTIONS = { A: "Aspirin", B: "Heparin", C: "Warfarin" };
  const row = (over: Record<string, unknown> = {}) => ({
    example_id: 7,
    prompt: [{ role: "user", content: "Which?\nA. Aspirin\nB. Heparin\nC. Warfarin" }],
    completion: [{ role: "assistant", content: "Reasoning... <answer>B</answer>", reasoning_content: "hmm" }],
    task: "medqa",
    answer: "B",
    info: { options: OPTIONS },
    reward: 1,
    accuracy: 1,
    num_turns: 1,
    error: null,
    generation_ms: 1500.4,
    scoring_ms: 3,
    total_ms: 1503.6,
    token_usage: {
      model: { prompt: 100, completion: 50, total: 150, cost: 0.001, reasoning_tokens: 20 },
      judge: { prompt: 30, completion: 5, total: 35, cost: 0.0001 },
      total: { prompt: 130, completion: 55, total: 185, cost: 0.0011 },
      cost: 0.0012,
    },
    ...over,
  });

  it("normalises a full row", () => {
    const r = normalizeGenBRow(row(), "results.jsonl", 1, 0);
    expect(r).toMatchObject({
      exampleId: "7",
      rolloutIndex: 0,
      reward: 1,
      metrics: { accuracy: 1, num_turns: 1 },
      gold: "B",
      parsedAnswer: "B",
      chosenText: "Heparin",
      inputTokens: 100,
      outputTokens: 50,
      reasoningTokens: 20,
      judgeInputTokens: 30,
      judgeOutputTokens: 5,
      costUsd: 0.0012,
      latencyMs: 1504,
      error: null,
      hasReasoning: true,
      info: { options: OPTIONS },
    });
    expect(r.prompt).toEqual(row().prompt);
  });

  it("falls back: id, generation_ms, total cost, options from the prompt, string error", () => {
    const r = normalizeGenBRow(
      row({
        example_id: undefined,
        id: "q-3",
        total_ms: null,
        info: undefined,
        completion: "C",
        error: "Timeout: provider did not answer",
        reward: null,
        token_usage: { model: { prompt: 10, completion: 4 }, total: { cost: 0.5 } },
      }),
      "results.jsonl",
      4,
      2,
    );
    expect(r).toMatchObject({
      exampleId: "q-3",
      rolloutIndex: 2,
      reward: null,
      latencyMs: 1500,
      costUsd: 0.5,
      reasoningTokens: null,
      judgeInputTokens: null,
      parsedAnswer: "C",
      chosenText: "Warfarin",
      error: "Timeout: provider did not answer",
      hasReasoning: false,
      info: null,
    });
  });

  it("collects only metric columns, or uses a metrics object when present", () => {
    const r = normalizeGenBRow(row({ answer: 42, rollout_index: 3, prompt_tokens: 9, judge_cost: 1, check_correctness: 0 }), "f", 1, 0);
    expect(r.metrics).toEqual({ accuracy: 1, num_turns: 1, check_correctness: 0 });
    expect(r.gold).toBe("42");
    expect(normalizeGenBRow(row({ metrics: { accuracy: 0, bad: "x" } }), "f", 1, 0).metrics).toEqual({ accuracy: 0 });
    expect(normalizeGenBRow(row({ accuracy: undefined, num_turns: undefined }), "f", 1, 0).metrics).toBeNull();
  });

  it("handles rows without token usage or timings", () => {
    const r = normalizeGenBRow({ example_id: 1, reward: 0 }, "f", 1, 0);
    expect([r.inputTokens, r.outputTokens, r.costUsd, r.latencyMs, r.parsedAnswer, r.prompt]).toEqual([null, null, null, null, null, null]);
  });

  it.each([
    [{ reward: "1" }, "reward"],
    [{ example_id: undefined, id: undefined }, "example_id"],
    [{ example_id: { a: 1 } }, "example_id"],
    [{ prompt: 5 }, "prompt"],
    [{ completion: { role: "assistant" } }, "completion"],
    [{ total_ms: "fast" }, "total_ms"],
    [{ generation_ms: true }, "generation_ms"],
    [{ token_usage: "lots" }, "token_usage"],
    [{ token_usage: { model: [1] } }, "token_usage.model"],
    [{ token_usage: { model: { prompt: "100" } } }, "token_usage.model.prompt"],
    [{ token_usage: { judge: { completion: "5" } } }, "token_usage.judge.completion"],
  ])("rejects wrong types: %j → %s", (over, field) => {
    const e = catchIngest(() => normalizeGenBRow(row(over), "results.jsonl", 12, 0));
    expect([e.file, e.line, e.field]).toEqual(["results.jsonl", 12, field]);
  });

  it("rejects a line that is not an object", () => {
    const e = catchIngest(() => normalizeGenBRow([1], "results.jsonl", 3, 0));
    expect([e.line, e.field]).toEqual([3, undefined]);
  });
});

describe("helpers", () => {
  it("parseJsonLenient replaces non-finite tokens outside strings only", () => {
    expect(parseJsonLenient('{"a": NaN, "b": [Infinity, -Infinity], "c": "NaN, Infinity \\" NaN"}')).toEqual({
      a: null,
      b: [null, null],
      c: 'NaN, Infinity " NaN',
    });
    expect(() => parseJsonLenient("{bad NaN")).toThrow();
  });

  it("isoTime reads naive times as UTC", () => {
    expect(isoTime("2025-10-01T12:00:00")).toBe("2025-10-01T12:00:00.000Z");
    expect(isoTime("2025-10-01 12:00:00.123456")).toBe("2025-10-01T12:00:00.123Z");
    expect(isoTime("2025-10-01T12:00:00+02:00")).toBe("2025-10-01T10:00:00.000Z");
    expect(isoTime("not a date")).toBeNull();
    expect(isoTime(null)).toBeNull();
  });
});
