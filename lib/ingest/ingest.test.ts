import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { ingestPaths } from "./index";
import { tmpDir, writeGenARun } from "./test-fixtures";

const OPTS = { A: "Aspirin", B: "Heparin", C: "Warfarin", D: "None of the above" };
const SHARED_GEN_C = path.resolve(process.cwd(), "../shared/medmarks-data/_history/9e9a4a5/outputs/evals");

describe.each(testDatabases())("ingest on $name", (database) => {
  const db = useCatalogDb(database);

  const count = async (table: string) => Number((await db().raw.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n);

  it("loads a Gen A tree, maps identity from the catalog and parses answers", async () => {
    const root = tmpDir();
    writeGenARun(root, {
      model: "openai/gpt-oss-20b",
      envId: "medqa",
      samplingArgs: { reasoning_effort: "high", temperature: 1 },
      rows: [
        { id: 0, reward: 1, text: "<answer>A</answer>", options: OPTS, reasoning: "thinking" },
        { id: 1, reward: 0, text: "The answer is \\boxed{C}", options: OPTS },
        { id: 2, reward: 0, text: "D. none", options: OPTS },
      ],
    });
    writeGenARun(root, {
      model: "openai/gpt-oss-20b",
      envId: "medqa",
      variant: "env_args.shuffle_seed-1618",
      envArgs: { shuffle_answers: true, shuffle_seed: 1618 },
      samplingArgs: { reasoning_effort: "high" },
      numExamples: 4,
      rows: [{ id: 0, reward: 1, options: OPTS }],
    });
    const report = await ingestPaths(db().raw, [root], { provenance: "official" });
    expect(report.runs.map((r) => [r.config, r.dataset, r.status, r.observedRows, r.expectedRows])).toEqual([
      ["gpt-oss-20b-high", "medqa::base", "published", 3, 3],
      ["gpt-oss-20b-high", "medqa::shuffle_seed-1618", "published", 1, 4],
    ]);
    expect(report.rowsInserted).toBe(4);
    const rows = await db().raw.query<{ example_id: string; parsed_answer: string; chosen_text: string; has_reasoning: boolean; latency_ms: number }>(
      `select example_id, parsed_answer, chosen_text, has_reasoning, latency_ms from rollouts r join runs u on u.id = r.run_id
       join datasets d on d.id = u.dataset_id where d.variant_id = 'base' order by example_id`,
    );
    expect(rows.map((r) => [r.example_id, r.parsed_answer, r.chosen_text, r.has_reasoning, r.latency_ms])).toEqual([
      ["0", "A", "Aspirin", true, 1510],
      ["1", "C", "Warfarin", false, 1510],
      ["2", "D", "None of the above", false, 1510],
    ]);
    const [d] = await db().raw.query<{ order_seed: number; subtask: string; n_questions: number }>(
      `select order_seed, subtask, n_questions from datasets where key = 'medqa::shuffle_seed-1618'`,
    );
    expect(d).toMatchObject({ order_seed: 1618, subtask: "base" });
  });

  it("is idempotent: the same files again add nothing (and leave the data version alone)", async () => {
    const before = await count("rollouts");
    const version = async () => (await db().raw.query<{ value: string }>(`select value from app_meta where key = 'data_version'`))[0]?.value;
    const v0 = await version();
    expect(Number(v0)).toBeGreaterThan(0); // bumped by the first test's ingest
    const root = tmpDir();
    writeGenARun(root, { model: "openai/gpt-oss-20b", envId: "medqa", samplingArgs: { reasoning_effort: "high", temperature: 1 }, rows: [
      { id: 0, reward: 1, text: "<answer>A</answer>", options: OPTS, reasoning: "thinking" },
      { id: 1, reward: 0, text: "The answer is \\boxed{C}", options: OPTS },
      { id: 2, reward: 0, text: "D. none", options: OPTS },
    ] });
    const report = await ingestPaths(db().raw, [root], { provenance: "official" });
    expect(report.runs[0].outcome).toBe("duplicate");
    expect(report.runs[0].status).toBe("published");
    expect(await count("rollouts")).toBe(before);
    expect(await version()).toBe(v0);
  });

  it("rejects a bad run with file, line and field, writes none of it, and loads the others", async () => {
    const runsBefore = await count("runs");
    const rowsBefore = await count("rollouts");
    const root = tmpDir();
    writeGenARun(root, { model: "google/gemma-3-4b-it", envId: "pubmedqa", rows: [{ id: 0, reward: 1 }] });
    const bad = writeGenARun(root, { model: "google/gemma-3-4b-it", envId: "medqa", rows: [{ id: 0, reward: 1 }, { id: 1, reward: 0 }] });
    const file = path.join(bad, "results.jsonl");
    const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n");
    const broken = JSON.parse(lines[1]);
    broken.reward = "high";
    fs.writeFileSync(file, `${lines[0]}\n${JSON.stringify(broken)}\n`);
    const report = await ingestPaths(db().raw, [root], { provenance: "official" });
    const [ok, rejected] = [...report.runs].sort((a, b) => (a.outcome < b.outcome ? -1 : 1));
    expect(ok).toMatchObject({ outcome: "inserted", dataset: "pubmedqa::base", status: "published" });
    expect(rejected).toMatchObject({ outcome: "rejected", runId: null, dataset: "medqa::base" });
    expect(rejected.errors).toEqual([{ file, line: 2, field: "reward", message: 'must be a number or null, got "high"' }]);
    expect(await count("runs")).toBe(runsBefore + 1);
    expect(await count("rollouts")).toBe(rowsBefore + 1);
  });

  it("keeps the later run of one identity published and the earlier as superseded", async () => {
    const rootOld = tmpDir();
    const rootNew = tmpDir();
    writeGenARun(rootNew, { model: "google/gemma-3-27b-it", envId: "m_arc", rows: [{ id: 0, reward: 1 }], mtime: 2_000_000_000 });
    writeGenARun(rootOld, { model: "google/gemma-3-27b-it", envId: "m_arc", rows: [{ id: 0, reward: 0 }], mtime: 1_000_000_000 });
    const first = await ingestPaths(db().raw, [rootNew], { provenance: "official" });
    const second = await ingestPaths(db().raw, [rootOld], { provenance: "official" });
    expect(first.runs[0].status).toBe("published");
    expect(second.runs[0].status).toBe("superseded");
    const rows = await db().raw.query<{ id: number; status: string; superseded_by: number | null }>(
      `select id, status, superseded_by from runs where config_slug = 'gemma-3-27b-it' order by id`,
    );
    expect(rows.map((r) => [r.status, r.superseded_by === null ? null : Number(r.superseded_by)])).toEqual([
      ["published", null],
      ["superseded", Number(first.runs[0].runId)],
    ]);
  });

  it("stores the same content given twice in one call once", async () => {
    const [one, two] = [tmpDir(), tmpDir()];
    for (const root of [one, two]) writeGenARun(root, { model: "google/gemma-3-4b-it", envId: "sctpublic", rows: [{ id: 0, reward: 0.5 }, { id: 1, reward: 1 }] });
    const before = await count("rollouts");
    const report = await ingestPaths(db().raw, [one, two], { provenance: "official" });
    expect(report.runs.map((r) => r.outcome)).toEqual(["inserted", "duplicate"]);
    expect(report.runs[1].warnings[0]).toMatch(/same content as/);
    expect(await count("rollouts")).toBe(before + 2);
  });

  it("creates unknown models and benchmarks flagged as not in the catalog", async () => {
    const root = tmpDir();
    writeGenARun(root, { model: "acme/doc-llm-7b", envId: "new_bench", rows: [{ id: 0, reward: 0.5 }] });
    const report = await ingestPaths(db().raw, [root], { provenance: "official" });
    expect(report.runs[0].config).toBe("acme-doc-llm-7b");
    expect(report.runs[0].newCatalogEntries).toEqual([
      "model acme/doc-llm-7b",
      "configuration acme-doc-llm-7b",
      "benchmark new_bench",
      "dataset new_bench new_bench::base",
    ]);
    const [b] = await db().raw.query<{ in_catalog: boolean }>(`select in_catalog from benchmarks where slug = 'new_bench'`);
    expect(b.in_catalog).toBe(false);
  });

  it.runIf(fs.existsSync(SHARED_GEN_C))("loads the real Gen C MetaMedQA runs: one published, three superseded", async () => {
    const report = await ingestPaths(db().raw, [SHARED_GEN_C], { provenance: "official" });
    expect(report.runs).toHaveLength(4);
    expect(report.runs.every((r) => r.format === "C" && r.dataset === "metamedqa::base")).toBe(true);
    expect(report.runs.filter((r) => r.status === "published")).toHaveLength(1);
    const [published] = await db().raw.query<{ observed_rows: number; run_at: string; parsed: number; chosen: number }>(
      `select u.observed_rows, u.run_at,
              count(*) filter (where r.parsed_answer is not null)::int as parsed,
              count(*) filter (where r.chosen_text is not null)::int as chosen
       from runs u join rollouts r on r.run_id = u.id
       where u.config_slug = 'mistral-small-latest' and u.status = 'published' group by u.id`,
    );
    expect(Number(published.observed_rows)).toBeGreaterThan(0);
    expect(Number(published.parsed)).toBe(Number(published.observed_rows));
    // Options come from the prompt's option lines (Gen C has no info).
    expect(Number(published.chosen)).toBeGreaterThan(Number(published.observed_rows) * 0.9);
    // Each run's mean (over questions of the mean reward) equals the avg_reward its metadata states.
    for (const r of report.runs) {
      const meta = JSON.parse(fs.readFileSync(path.join(r.dir, "metadata.json"), "utf8"));
      expect(r.meanReward).toBeCloseTo(meta.avg_reward, 12);
      expect(r.warnings).toEqual([]);
    }
  });
});
