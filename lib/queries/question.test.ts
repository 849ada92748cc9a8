/** getQuestionAcrossConfigs on both databases: every config's answers, orders, provenance, sets. */
import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";
import { getQuestionAcrossConfigs, type QuestionView } from "./question";

const MODELS = { a: "google/gemma-3-4b-it", b: "google/medgemma-4b-it", c: "google/gemma-3-27b-it" };
const OPTIONS = { A: "Aspirin", B: "Heparin", C: "Alteplase" };
const SHUFFLE = (seed: number, task?: string) => ({
  variant: task ? `${task}__shuffle_seed-${seed}` : `shuffle_seed-${seed}`,
  envArgs: { shuffle_answers: true, shuffle_seed: seed, ...(task ? { task } : {}) },
});

describe.each(testDatabases())("getQuestionAcrossConfigs on $name", (database) => {
  const db = useCatalogDb(database, async (h) => {
    const real = tmpDir();
    // medqa question 0: a = original 1, shuffled 0 (mean 0.5); b = 1, 1 (mean 1); c (demo) = 0.
    writeGenARun(real, { model: MODELS.a, envId: "medqa", rows: [{ id: 0, reward: 1, options: OPTIONS, answer: "B", text: "It is heparin. <answer>B</answer>" }, { id: 1, reward: 0 }] });
    writeGenARun(real, { model: MODELS.a, envId: "medqa", ...SHUFFLE(1618), rows: [{ id: 0, reward: 0, options: { A: "Heparin", B: "Alteplase", C: "Aspirin" }, answer: "A", text: "<answer>B</answer>" }] });
    writeGenARun(real, { model: MODELS.b, envId: "medqa", rows: [{ id: 0, reward: 1, options: OPTIONS, answer: "B", text: "<answer>B</answer>" }] });
    writeGenARun(real, { model: MODELS.b, envId: "medqa", ...SHUFFLE(1618), rows: [{ id: 0, reward: 1, options: { A: "Heparin", B: "Alteplase", C: "Aspirin" }, answer: "A", text: "<answer>A</answer>" }] });
    // longhealth: two sets; question 5 only in task2.
    writeGenARun(real, { model: MODELS.a, envId: "longhealth", variant: "task1", envArgs: { task: "task1", doc_shuffle_seed: 2718 }, rows: [{ id: 0, reward: 1 }] });
    writeGenARun(real, { model: MODELS.a, envId: "longhealth", variant: "task2", envArgs: { task: "task2", doc_shuffle_seed: 2718 }, rows: [{ id: 0, reward: 0 }, { id: 5, reward: 1 }] });
    writeGenARun(real, { model: MODELS.a, envId: "longhealth", ...SHUFFLE(1618, "task1"), rows: [{ id: 0, reward: 0 }] });
    await ingestPaths(h.raw, [real], { provenance: "official" });
    const demo = tmpDir();
    writeGenARun(demo, { model: MODELS.c, envId: "medqa", rows: [{ id: 0, reward: 0, options: OPTIONS, answer: "B", text: "<script>x</script><answer>A</answer>" }] });
    await ingestPaths(h.raw, [demo], { provenance: "demo" });
  });

  const get = async (slug: string, set: string | null, id: string, data?: "auto" | "real" | "demo" | "all") =>
    getQuestionAcrossConfigs(slug, set, id, data ? { data } : {}, db().raw);

  it("returns every real configuration's answers, best mean first, with the question and gold", async () => {
    const v = (await get("medqa", "medqa::base", "0")) as QuestionView;
    expect(v.kind).toBe("question");
    expect(v).toMatchObject({ set: { key: "medqa::base" }, data: "auto", synthetic: false, hidden: 1, gold: "B", goldText: "Heparin" });
    expect(v.orders.map((o) => [o.orderSeed, o.repeat])).toEqual([[null, 0], [1618, 0]]);
    expect(v.configs.map((c) => [c.config, c.meanReward, c.nRewards])).toEqual([
      ["medgemma-4b-it", 1, 2],
      ["gemma-3-4b-it", 0.5, 2],
    ]);
    const a = v.configs[1];
    expect(a.answers.map((x) => [x.orderSeed, x.rollouts.map((r) => [r.reward, r.parsedAnswer, r.chosenText])])).toEqual([
      [null, [[1, "B", "Heparin"]]],
      [1618, [[0, "B", "Alteplase"]]],
    ]);
    expect(a.answers[0].rollouts[0]).toMatchObject({ excerpt: "It is heparin. <answer>B</answer>", outputTokens: 50, latencyMs: 1510, error: false });
    expect(a.answers[0].runId).not.toBe(a.answers[1].runId);
    expect(v.prompt!.map((m) => m.role)).toEqual(["system", "user"]);
    expect(v.prompt![1].content).toContain("B. Heparin");
    expect(v.summary).toEqual({ nConfigs: 2, meanReward: 0.75, allRight: 1, someRight: 1, noneRight: 0, unscored: 0 });
  });

  it("follows the provenance filter: demo only, all runs", async () => {
    const demo = (await get("medqa", "medqa::base", "0", "demo")) as QuestionView;
    expect(demo.synthetic).toBe(true);
    expect(demo.configs.map((c) => c.config)).toEqual(["gemma-3-27b-it"]);
    expect(demo.configs[0].answers[0].rollouts[0].excerpt).toBe("<script>x</script><answer>A</answer>");
    expect(demo.hidden).toBe(4);
    expect(demo.summary).toMatchObject({ nConfigs: 1, noneRight: 1, meanReward: 0 });

    const all = (await get("medqa", "medqa::base", "0", "all")) as QuestionView;
    expect(all.configs.map((c) => c.config)).toEqual(["medgemma-4b-it", "gemma-3-4b-it", "gemma-3-27b-it"]);
    expect(all.hidden).toBe(0);
    const real = (await get("medqa", "medqa::base", "0", "real")) as QuestionView;
    expect(real.configs.map((c) => c.config)).toEqual(["medgemma-4b-it", "gemma-3-4b-it"]);
  });

  it("implies the set of a single-set benchmark, and asks for it when several sets hold the question", async () => {
    const implied = (await get("medqa", null, "0")) as QuestionView;
    expect(implied.set.key).toBe("medqa::base");

    const choose = await get("longhealth", null, "0");
    expect(choose).toMatchObject({ kind: "choose-set", exampleId: "0" });
    expect(choose!.kind === "choose-set" && choose!.sets.map((s) => s.key)).toEqual(["longhealth::task1", "longhealth::task2"]);

    const only = (await get("longhealth", null, "5")) as QuestionView;
    expect(only).toMatchObject({ kind: "question", set: { key: "longhealth::task2" } });

    const task1 = (await get("longhealth", "longhealth::task1", "0")) as QuestionView;
    expect(task1.sets.map((s) => s.key)).toEqual(["longhealth::task1", "longhealth::task2"]);
    expect(task1.configs).toHaveLength(1);
    expect(task1.configs[0].answers.map((x) => [x.orderSeed, x.rollouts[0].reward])).toEqual([[null, 1], [1618, 0]]);
    expect(task1.configs[0].meanReward).toBe(0.5);
  });

  it("returns null for unknown benchmarks, sets and questions", async () => {
    expect(await get("no_such_bench", null, "0")).toBeNull();
    expect(await get("medqa", "medqa::nope", "0")).toBeNull();
    expect(await get("medqa", "medqa::base", "999")).toBeNull();
    expect(await get("medqa", null, "999")).toBeNull();
    expect(await get("longhealth", "longhealth::task1", "5")).toBeNull();
    expect(await get("pubmedqa", null, "0")).toBeNull(); // no runs at all
    expect(await get("medqa", "medqa::base", "")).toBeNull();
  });
});

describe.each(testDatabases())("getQuestionAcrossConfigs with only demo runs on $name", (database) => {
  const db = useCatalogDb(database, async (h) => {
    const demo = tmpDir();
    writeGenARun(demo, { model: MODELS.a, envId: "medqa", rows: [{ id: 0, reward: 1 }] });
    await ingestPaths(h.raw, [demo], { provenance: "demo" });
  });

  it("shows the demo runs by default, flagged synthetic", async () => {
    const v = (await getQuestionAcrossConfigs("medqa", null, "0", {}, db().raw)) as QuestionView;
    expect(v).toMatchObject({ kind: "question", synthetic: true, hidden: 0 });
    expect(v.configs.map((c) => c.config)).toEqual(["gemma-3-4b-it"]);
    const real = (await getQuestionAcrossConfigs("medqa", null, "0", { data: "real" }, db().raw)) as QuestionView;
    expect(real.configs).toEqual([]);
    expect(real.hidden).toBe(1);
  });
});
