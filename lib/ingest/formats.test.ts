/** Every artifact format through ingestPaths into the database: Gen B, Gen A′, parquet, archives. */
import fs from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { parquetWriteFile } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { ingestPaths } from "./index";
import { rowJson, tmpDir, writeGenARun } from "./test-fixtures";

const SHARED_MANIFEST = path.resolve(process.cwd(), "../shared/medmarks-data/tests/test_cli/data/run_manifest_snapshot.json");

function writeGenB(root: string): string {
  const runDir = path.join(root, "runs", "raw", "paper-run");
  const job = "gpt-oss-20b-high-medqa-rollout1618";
  fs.mkdirSync(path.join(runDir, job), { recursive: true });
  const manifest = {
    version: 3, run_id: "paper-run", name: "Paper run", created_at: "2025-10-01T00:00:00Z", updated_at: "2025-10-02T00:00:00Z",
    models: {
      "gpt-oss-20b-high": { id: "gpt-oss-20b-high", model: "openai/gpt-oss-20b", sampling_args: { reasoning_effort: "high" }, env_args: {} },
    },
    env_templates: {},
    jobs: [
      { job_id: job, env_id: "medqa", model_id: "gpt-oss-20b-high", env_variant_id: "medqa-rollout1618", env_args: { shuffle_answers: true, shuffle_seed: 1618 },
        sampling_args: { reasoning_effort: "high" }, status: "completed", results_relpath: `${job}/results.jsonl`, metadata_relpath: `${job}/metadata.json`,
        row_count: 2, ended_at: "2025-10-01T12:00:00Z" },
      { job_id: "pending-job", env_id: "pubmedqa", model_id: "gpt-oss-20b-high", env_variant_id: "pubmedqa", status: "pending" },
    ],
    summary: { completed: 1, pending: 1, total: 2 },
  };
  fs.writeFileSync(path.join(runDir, "run_manifest.json"), JSON.stringify(manifest));
  fs.writeFileSync(path.join(runDir, job, "metadata.json"), JSON.stringify({
    env_id: "medqa", env_args: { shuffle_answers: true, shuffle_seed: 1618 }, model: "openai/gpt-oss-20b", num_examples: 2,
    rollouts_per_example: 1, sampling_args: { reasoning_effort: "high" }, time_ms: 5000, avg_reward: 0.5, avg_metrics: { accuracy: 0.5 },
  }));
  const rows = [
    { example_id: 0, prompt: [{ role: "user", content: "Q?\nA. yes\nB. no" }], completion: [{ role: "assistant", content: "<answer>B</answer>" }],
      task: "medqa", answer: "B", reward: 1, accuracy: 1, error: null, generation_ms: 900, scoring_ms: 3, total_ms: 903,
      token_usage: { model: { prompt: 50, completion: 400, total: 450, cost: 0.002, reasoning_tokens: 300 }, judge: { prompt: 0, completion: 0, total: 0, cost: 0 }, total: { prompt: 50, completion: 400, total: 450, cost: 0.002 }, cost: 0.002 } },
    { example_id: 1, prompt: [{ role: "user", content: "Q2?\nA. yes\nB. no" }], completion: [], task: "medqa", answer: "A", reward: 0, accuracy: 0,
      error: "RateLimitError: too many requests", generation_ms: 10, scoring_ms: 0, total_ms: 10, token_usage: null },
  ];
  fs.writeFileSync(path.join(runDir, job, "results.jsonl"), rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
  return runDir;
}

describe.each(testDatabases())("formats on $name", (database) => {
  const db = useCatalogDb(database);
  const rolloutsOf = (runId: number | null) =>
    db().raw.query<Record<string, unknown>>(`select * from rollouts where run_id = $1 order by example_id`, [runId]);

  it("loads a Gen B manifest's completed jobs with the manifest alias, nested tokens and legacy order suffix", async () => {
    const root = tmpDir();
    writeGenB(root);
    const report = await ingestPaths(db().raw, [root], { provenance: "official" });
    expect(report.skipped.map((s) => [s.jobId, s.reason])).toEqual([["pending-job", "status is pending, only completed jobs are results"]]);
    expect(report.runs).toHaveLength(1);
    const [run] = report.runs;
    expect(run).toMatchObject({ format: "B", outcome: "inserted", config: "gpt-oss-20b-high", dataset: "medqa::shuffle_seed-1618", observedRows: 2, meanReward: 0.5 });
    const rows = await rolloutsOf(run.runId);
    expect(rows.map((r) => [r.example_id, r.input_tokens, r.output_tokens, r.reasoning_tokens, r.cost_usd, r.latency_ms, r.error, r.parsed_answer])).toEqual([
      ["0", 50, 400, 300, 0.002, 903, null, "B"],
      ["1", null, null, null, null, 10, "RateLimitError: too many requests", null],
    ]);
    const [u] = await db().raw.query<{ run_at: Date | string; format: string }>(`select run_at, format from runs where id = $1`, [run.runId]);
    expect(new Date(u.run_at).toISOString()).toBe("2025-10-01T12:00:00.000Z");
  });

  it("loads a Gen A′ single-run folder as the base variant", async () => {
    const root = tmpDir();
    const dir = path.join(root, "outputs", "evals", "pubmedqa--google--gemma-3-4b-it", "0a1b2c3d");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "metadata.json"), JSON.stringify({ env_id: "pubmedqa", env_args: {}, model: "google/gemma-3-4b-it", num_examples: 1, rollouts_per_example: 1, sampling_args: {} }));
    fs.writeFileSync(path.join(dir, "results.jsonl"), JSON.stringify(rowJson({ id: 7, reward: 1 })) + "\n");
    const report = await ingestPaths(db().raw, [root], { provenance: "official" });
    expect(report.runs[0]).toMatchObject({ format: "A1", config: "gemma-3-4b-it", dataset: "pubmedqa::base", outcome: "inserted" });
  });

  it("loads processed parquet (scores and tokens, no transcripts)", async () => {
    const file = path.join(tmpDir(), "medqa.parquet");
    const n = 5;
    parquetWriteFile({
      filename: file,
      columnData: [
        { name: "env_id", type: "STRING", data: Array(n).fill("medqa") },
        { name: "example_id", type: "STRING", data: ["0", "1", "2", "3", "4"] },
        { name: "model_id", type: "STRING", data: Array(n).fill("google/medgemma-4b-it") },
        { name: "variant_id", type: "STRING", data: Array(n).fill("shuffle_seed-9331") },
        { name: "reward", type: "DOUBLE", data: [1, 0, 1, 1, 0] },
        { name: "rollout_index", type: "INT32", data: Array(n).fill(0) },
        { name: "model_token_prompt", type: "INT32", data: Array(n).fill(80) },
        { name: "model_token_completion", type: "INT32", data: [10, 20, 30, 40, 50] },
        { name: "total_ms", type: "DOUBLE", data: Array(n).fill(1500) },
      ],
    });
    const report = await ingestPaths(db().raw, [file], { provenance: "official" });
    expect(report.runs[0]).toMatchObject({ format: "parquet", config: "medgemma-4b-it", dataset: "medqa::shuffle_seed-9331", observedRows: 5, meanReward: 0.6 });
    const rows = await rolloutsOf(report.runs[0].runId);
    expect(rows.map((r) => r.output_tokens)).toEqual([10, 20, 30, 40, 50]);
    const t = await db().raw.query<{ prompt: unknown }>(`select prompt from transcripts where run_id = $1`, [report.runs[0].runId]);
    expect(t.every((x) => x.prompt === null)).toBe(true);
    const again = await ingestPaths(db().raw, [file], { provenance: "official" });
    expect(again.runs[0].outcome).toBe("duplicate");
  });

  it("loads a .zip of a Gen A tree and names the archive as the source; refuses a ../ entry", async () => {
    const tree = tmpDir();
    writeGenARun(tree, { model: "meta-llama/Llama-3.1-8B-Instruct", envId: "m_arc", rows: [{ id: 0, reward: 1 }, { id: 1, reward: 0 }] });
    const files: Record<string, Uint8Array> = {};
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else files[path.relative(tree, p)] = fs.readFileSync(p);
      }
    };
    walk(tree);
    const zip = path.join(tmpDir(), "runs.zip");
    fs.writeFileSync(zip, zipSync(files));
    const report = await ingestPaths(db().raw, [zip], { provenance: "official" });
    expect(report.runs[0]).toMatchObject({ outcome: "inserted", config: "llama-3-8b-instruct", dataset: "m_arc::base" });
    expect(report.runs[0].dir).toBe(`${zip}!/runs/evals/meta-llama-Llama-3.1-8B-Instruct/m_arc/base`);
    const [u] = await db().raw.query<{ source: string }>(`select source from runs where id = $1`, [report.runs[0].runId]);
    expect(u.source).toBe(report.runs[0].dir);

    const evil = path.join(tmpDir(), "evil.zip");
    fs.writeFileSync(evil, zipSync({ "../escape.txt": new Uint8Array([1]) }));
    const bad = await ingestPaths(db().raw, [evil], { provenance: "official" });
    expect(bad.runs).toHaveLength(1);
    expect(bad.runs[0]).toMatchObject({ outcome: "rejected" });
    expect(bad.runs[0].errors[0]).toMatchObject({ file: evil, field: "../escape.txt" });
  });

  it.runIf(fs.existsSync(SHARED_MANIFEST))("parses the real legacy manifest: one pending job, nothing to load", async () => {
    const dir = tmpDir();
    fs.copyFileSync(SHARED_MANIFEST, path.join(dir, "run_manifest.json"));
    const report = await ingestPaths(db().raw, [dir], { provenance: "official", dryRun: true });
    expect(report.runs).toEqual([]);
    expect(report.skipped.map((s) => s.jobId)).toEqual(["snapshot-model-snapshot-env"]);
  });
});
