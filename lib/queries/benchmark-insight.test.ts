/** getBenchmarkInsight on both databases, against values computed by hand on a tiny fixture. */
import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { getBenchmarkView } from "./benchmark";
import { getBenchmarkInsight, isBinaryScale, judgesOf, questionHref } from "./benchmark-insight";

const MODELS = { a: "google/gemma-3-4b-it", b: "google/medgemma-4b-it", c: "google/gemma-3-27b-it" };
const ALIAS = { a: "gemma-3-4b-it", b: "medgemma-4b-it", c: "gemma-3-27b-it" };
const DEMO_MODEL = "google/gemma-3-12b-it";
const N4 = "medbullets::num_options-4";
const N5 = "medbullets::num_options-5";

// medbullets, two subtasks; num_options-4 also in a shuffled order (seed 1618), folded in.
const N4_ORIGINAL = { a: [1, 0, 0, 1], b: [1, 1, 0, 1], c: [0, 1, 0, 1] };
const N4_SHUFFLED = { a: [1, 1, 0, 0], b: [1, 1, 0, 1], c: [0, 0, 0, 1] };
const N5_ORIGINAL = { a: [0, 0, 1], b: [1, 1, 0], c: [1, 0, 0] };
/*
 * By hand. Per question (orders folded), num_options-4: q0 a1 b1 c0 · q1 a.5 b1 c.5 · q2 a0 b0 c0 · q3 a.5 b1 c1;
 * num_options-5: q0 a0 b1 c1 · q1 a0 b1 c0 · q2 a1 b0 c0.
 * Subtask means: a .5 / 1/3, b .75 / 2/3, c .375 / 1/3 → benchmark scores a 5/12, b 17/24, c 17/48.
 * Ranking b, a, c → top third [b], bottom third [c].
 * Question means over configs and discrimination (b − c):
 *   n4 q0 2/3 (1) · q1 2/3 (.5) · q2 0 (0) · q3 5/6 (0) · n5 q0 2/3 (0) · q1 1/3 (1) · q2 1/3 (0).
 */
const SUBTASK = { a: [0.5, 1 / 3], b: [0.75, 2 / 3], c: [0.375, 1 / 3] };
const SCORE = { a: 5 / 12, b: 17 / 24, c: 17 / 48 };
const HARDEST = [
  [N4, "2", 0],
  [N5, "1", 1 / 3],
  [N5, "2", 1 / 3],
  [N4, "0", 2 / 3],
  [N4, "1", 2 / 3],
  [N5, "0", 2 / 3],
  [N4, "3", 5 / 6],
] as const;
const DISCRIMINATING = [
  [N4, "0", 1],
  [N5, "1", 1],
  [N4, "1", 0.5],
  [N4, "2", 0],
  [N4, "3", 0],
  [N5, "0", 0],
  [N5, "2", 0],
] as const;

const rows = (rewards: number[]) => rewards.map((reward, id) => ({ id, reward }));

function bins(counts: Record<number, number>): number[] {
  return Array.from({ length: 20 }, (_, i) => counts[i] ?? 0);
}

describe.each(testDatabases())("getBenchmarkInsight on $name", (database) => {
  const db = useCatalogDb(database, async (h) => {
    const root = tmpDir();
    for (const k of ["a", "b", "c"] as const) {
      writeGenARun(root, { model: MODELS[k], envId: "medbullets", variant: "num_options-4", envArgs: { num_options: 4 }, rows: rows(N4_ORIGINAL[k]) });
      writeGenARun(root, {
        model: MODELS[k],
        envId: "medbullets",
        variant: "num_options-4__shuffle_seed-1618",
        envArgs: { shuffle_answers: true, shuffle_seed: 1618, num_options: 4 },
        rows: rows(N4_SHUFFLED[k]),
      });
      writeGenARun(root, { model: MODELS[k], envId: "medbullets", variant: "num_options-5", envArgs: { num_options: 5 }, rows: rows(N5_ORIGINAL[k]) });
    }
    // An OE benchmark with judges: a and b with two judges, c with one.
    writeGenARun(root, { model: MODELS.a, envId: "medicationqa", envArgs: { judge_model: ["openai/gpt-5-mini", "x-ai/grok-4.1-fast"] }, rows: rows([0.5, 0.25]) });
    writeGenARun(root, { model: MODELS.b, envId: "medicationqa", envArgs: { judge_model: ["openai/gpt-5-mini", "x-ai/grok-4.1-fast"] }, rows: rows([0, 1]) });
    writeGenARun(root, { model: MODELS.c, envId: "medicationqa", envArgs: { judge_model: "openai/gpt-5-mini" }, rows: rows([0, 0.75]) });
    // pubmedqa without c: dropped from the board by coverage, so nobody is ranked on it; a lacks no
    // order, b has only the original one (fewer values for the same question, not a zero).
    writeGenARun(root, { model: MODELS.a, envId: "pubmedqa", rows: rows([1, 0, 1]) });
    writeGenARun(root, { model: MODELS.a, envId: "pubmedqa", variant: "shuffle_seed-1618", envArgs: { shuffle_answers: true, shuffle_seed: 1618 }, rows: rows([1, 1, 1]) });
    writeGenARun(root, { model: MODELS.b, envId: "pubmedqa", rows: rows([0, 0, 1]) });
    await ingestPaths(h.raw, [root], { provenance: "official" });
    // Demo rows of a fourth configuration: hidden, since real runs exist.
    const demo = tmpDir();
    writeGenARun(demo, { model: DEMO_MODEL, envId: "medbullets", variant: "num_options-4", envArgs: { num_options: 4 }, rows: rows([1, 1, 1, 1]) });
    await ingestPaths(h.raw, [demo], { provenance: "demo" });
  });

  it("breaks the score down by subtask, answer orders folded", async () => {
    const insight = (await getBenchmarkInsight("medbullets", db().raw))!;
    expect(insight.synthetic).toBe(false);
    expect(insight.binaryMetric).toBe(true);
    expect(insight.scoreSource).toBe("board");
    expect(insight.runCount).toBe(9);
    expect(insight.subtasks).toEqual([
      { key: N4, label: "num_options-4", scored: true, nQuestions: 4 },
      { key: N5, label: "num_options-5", scored: true, nQuestions: 3 },
    ]);
    expect(insight.subtaskRows.map((r) => r.config)).toEqual([ALIAS.b, ALIAS.a, ALIAS.c]);
    for (const k of ["a", "b", "c"] as const) {
      const row = insight.subtaskRows.find((r) => r.config === ALIAS[k])!;
      expect(row.score).toBeCloseTo(SCORE[k], 12);
      expect(row.cells.map((c) => c.key)).toEqual([N4, N5]);
      expect(row.cells.map((c) => c.n)).toEqual([4, 3]);
      row.cells.forEach((c, i) => expect(c.mean).toBeCloseTo(SUBTASK[k][i], 12));
    }
    // The ranking reads the same runs and agrees.
    const view = (await getBenchmarkView("medbullets", db().raw))!;
    expect(view.ranking.map((r) => r.config)).toEqual([ALIAS.b, ALIAS.a, ALIAS.c]);
  });

  it("hides the demo configuration when real runs exist", async () => {
    const insight = (await getBenchmarkInsight("medbullets", db().raw))!;
    const demoConfigs = await db().raw.query<{ config_slug: string }>(`select distinct config_slug from runs where provenance = 'demo'`);
    expect(demoConfigs).toHaveLength(1);
    expect(insight.subtaskRows.map((r) => r.config)).not.toContain(demoConfigs[0].config_slug);
    expect(insight.questions.hardest.rows.every((q) => q.nConfigs <= 3)).toBe(true);
  });

  it("orders the hardest questions by mean, ties by id, and links each to its question page", async () => {
    const { questions } = (await getBenchmarkInsight("medbullets", db().raw))!;
    expect(questions.total).toBe(7);
    expect(questions.eligible).toBe(7);
    expect(questions.thirds).toEqual({ top: [ALIAS.b], bottom: [ALIAS.c] });
    expect(questions.hardest.total).toBe(7);
    expect(questions.hardest.rows.map((q) => [q.foldedKey, q.exampleId])).toEqual(HARDEST.map(([k, id]) => [k, id]));
    questions.hardest.rows.forEach((q, i) => {
      expect(q.mean).toBeCloseTo(HARDEST[i][2], 12);
      expect(q.nConfigs).toBe(3);
      expect(q.href).toBe(`/benchmarks/medbullets/questions/${q.exampleId}?set=medbullets%3A%3A${q.foldedKey.split("::")[1]}`);
      // The excerpt is the last user message of an original-order prompt, as plain text.
      expect(q.excerpt).toBe(`Question ${q.exampleId}?`);
    });
  });

  it("computes item discrimination as top-third mean minus bottom-third mean", async () => {
    const { questions } = (await getBenchmarkInsight("medbullets", db().raw))!;
    expect(questions.discriminating.total).toBe(7);
    expect(questions.discriminating.rows.map((q) => [q.foldedKey, q.exampleId])).toEqual(DISCRIMINATING.map(([k, id]) => [k, id]));
    questions.discriminating.rows.forEach((q, i) => expect(q.discrimination).toBeCloseTo(DISCRIMINATING[i][2], 12));
  });

  it("lists the questions every configuration fails", async () => {
    const { questions } = (await getBenchmarkInsight("medbullets", db().raw))!;
    expect(questions.allFail.total).toBe(1);
    expect(questions.allFail.rows.map((q) => [q.foldedKey, q.exampleId, q.mean])).toEqual([[N4, "2", 0]]);
  });

  it("bins configuration scores and question means in 20 bins on [0, 1]", async () => {
    const { distribution } = (await getBenchmarkInsight("medbullets", db().raw))!;
    // Scores 5/12 = .417 → bin 8, 17/24 = .708 → bin 14, 17/48 = .354 → bin 7.
    expect(distribution.configs.n).toBe(3);
    expect(distribution.configs.bins.map((b) => b.count)).toEqual(bins({ 7: 1, 8: 1, 14: 1 }));
    // Question means 0 → bin 0; 1/3 ×2 → bin 6; 2/3 ×3 → bin 13; 5/6 → bin 16.
    expect(distribution.questions.n).toBe(7);
    expect(distribution.questions.bins.map((b) => b.count)).toEqual(bins({ 0: 1, 6: 2, 13: 3, 16: 1 }));
    expect(distribution.questions.bins[0]).toMatchObject({ lo: 0, hi: 0.05 });
    expect(distribution.questions.bins[19]).toMatchObject({ lo: 0.95, hi: 1 });
  });

  it("counts the judges the runs used on an OE benchmark, against the catalog's", async () => {
    const insight = (await getBenchmarkInsight("medicationqa", db().raw))!;
    expect(insight.subset).toBe("OE");
    expect(insight.binaryMetric).toBe(false);
    expect(insight.judges.totalRuns).toBe(3);
    expect(insight.judges.runsWithoutJudge).toBe(0);
    expect(insight.judges.models).toEqual([
      { model: "openai/gpt-5-mini", runs: 3, inCatalog: true },
      { model: "x-ai/grok-4.1-fast", runs: 2, inCatalog: true },
    ]);
    expect(insight.judges.catalog).toEqual(["openai/gpt-5-mini", "x-ai/grok-4.1-fast"]);
    expect(insight.judges.unused).toEqual([]);
    // One subtask (base); question means: q0 (.5+0+0)/3 = 1/6, q1 (.25+1+.75)/3 = 2/3. No question is failed by all.
    expect(insight.subtasks.map((s) => s.key)).toEqual(["medicationqa::base"]);
    expect(insight.questions.hardest.rows.map((q) => q.exampleId)).toEqual(["0", "1"]);
    expect(insight.questions.hardest.rows[0].mean).toBeCloseTo(1 / 6, 12);
    expect(insight.questions.allFail.total).toBe(0);
  });

  it("scores configurations from the runs when the board ranks nobody on the benchmark", async () => {
    const view = (await getBenchmarkView("pubmedqa", db().raw))!;
    expect(view.ranking).toEqual([]);
    expect(view.board.dropped.map((d) => d.key)).toEqual(["pubmedqa::base"]);
    const insight = (await getBenchmarkInsight("pubmedqa", db().raw))!;
    expect(insight.scoreSource).toBe("runs");
    expect(insight.runCount).toBe(3);
    expect(insight.subtasks).toEqual([{ key: "pubmedqa::base", label: "all", scored: false, nQuestions: 3 }]);
    // a: q0 1, q1 .5, q2 1 → 5/6; b: 0, 0, 1 → 1/3.
    expect(insight.subtaskRows.map((r) => [r.config, r.score])).toEqual([
      [ALIAS.a, expect.closeTo(5 / 6, 12)],
      [ALIAS.b, expect.closeTo(1 / 3, 12)],
    ]);
    expect(insight.distribution.configs.bins.map((b) => b.count)).toEqual(bins({ 6: 1, 16: 1 }));
    expect(insight.questions.thirds).toBeNull();
    expect(insight.questions.hardest.rows.map((q) => [q.exampleId, q.mean])).toEqual([
      ["1", 0.25],
      ["0", 0.5],
      ["2", 1],
    ]);
  });

  it("returns null for an unknown benchmark and empty sections for one without runs", async () => {
    expect(await getBenchmarkInsight("no-such-benchmark", db().raw)).toBeNull();
    const empty = (await getBenchmarkInsight("medqa", db().raw))!;
    expect(empty.runCount).toBe(0);
    expect(empty.subtasks).toEqual([]);
    expect(empty.subtaskRows).toEqual([]);
    expect(empty.questions.hardest).toEqual({ total: 0, rows: [] });
    expect(empty.distribution.configs.n).toBe(0);
    expect(empty.distribution.questions.bins).toHaveLength(20);
  });
});

describe.each(testDatabases())("getBenchmarkInsight with only demo runs on $name", (database) => {
  const db = useCatalogDb(database, async (h) => {
    const root = tmpDir();
    writeGenARun(root, { model: MODELS.a, envId: "medqa", rows: rows([1, 0, 0]) });
    writeGenARun(root, { model: MODELS.b, envId: "medqa", rows: rows([1, 1, 0]) });
    await ingestPaths(h.raw, [root], { provenance: "demo" });
  });

  it("shows the demo runs, flagged synthetic; with 2 configurations there are no thirds", async () => {
    const insight = (await getBenchmarkInsight("medqa", db().raw))!;
    expect(insight.synthetic).toBe(true);
    expect(insight.subtaskRows.map((r) => r.config)).toEqual([ALIAS.b, ALIAS.a]);
    expect(insight.questions.thirds).toBeNull();
    expect(insight.questions.discriminating.total).toBe(0);
    expect(insight.questions.allFail.rows.map((q) => q.exampleId)).toEqual(["2"]);
    // The subtask table is not needed for one subtask, but the data is there.
    expect(insight.subtasks).toHaveLength(1);
  });
});

describe("benchmark insight helpers", () => {
  it("says which metric scales are 0/1", () => {
    expect(isBinaryScale("0/1 (correct option)")).toBe(true);
    expect(isBinaryScale("0/1 per judge (mean over judges)")).toBe(true);
    expect(isBinaryScale("1 / 0.01 (unsure) / 0")).toBe(false);
    expect(isBinaryScale("0-1 partial credit (expert-panel agreement)")).toBe(false);
    expect(isBinaryScale(null)).toBe(false);
  });

  it("counts judges per run once, sorted by use, with the catalog's unused ones", () => {
    const v = judgesOf([{ judgeModels: ["x", "y", "x"] }, { judgeModels: ["y"] }, { judgeModels: [] }], ["y", "z"]);
    expect(v.models).toEqual([
      { model: "y", runs: 2, inCatalog: true },
      { model: "x", runs: 1, inCatalog: false },
    ]);
    expect(v.unused).toEqual(["z"]);
    expect(v.runsWithoutJudge).toBe(1);
  });

  it("builds the question page URL with the example id and the set encoded", () => {
    expect(questionHref("longhealth", "longhealth::task1", "a b/1")).toBe("/benchmarks/longhealth/questions/a%20b%2F1?set=longhealth%3A%3Atask1");
  });
});
