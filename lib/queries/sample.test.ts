/** getSample on both databases: transcript views, options with original positions, judges, links. */
import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";
import { getSample } from "./sample";

const A = "google/gemma-3-4b-it";
const B = "google/medgemma-4b-it";
const ORIGINAL = { A: "Aspirin", B: "Heparin", C: "Alteplase", D: "None of the above" };
const SHUFFLED = { A: "Alteplase", B: "Aspirin", C: "Heparin", D: "None of the above" };
const SHUFFLE = (seed: number) => ({ variant: `shuffle_seed-${seed}`, envArgs: { shuffle_answers: true, shuffle_seed: seed } });
const JUDGED = [
  {
    score: 0.5,
    judges: [
      { model: "judge-a", raw: "<verdict>yes</verdict>", error: null, scores: { correct: 1, complete: "partly" }, score: 1 },
      { model: "judge-b", raw: null, error: "timeout", scores: {}, score: null },
    ],
  },
];

describe.each(testDatabases())("getSample on $name", (database) => {
  const runs: Record<string, number> = {};
  const db = useCatalogDb(database, async (h) => {
    const root = tmpDir();
    // Config A: original order (question 0 twice), and two shuffled orders; 9331 lacks question 0.
    writeGenARun(root, {
      model: A,
      envId: "medqa",
      rolloutsPerExample: 2,
      rows: [
        { id: 0, reward: 1, options: ORIGINAL, answer: "B", text: "<answer>B</answer>", reasoning: "Heparin treats PE." },
        { id: 0, reward: 0, options: ORIGINAL, answer: "B", text: "<answer>A</answer>" },
        { id: 1, reward: 0, text: "plain", info: { judge_feedback: JUDGED, calc_id: 7 } },
        {
          id: 2,
          reward: 1,
          prompt: [{ role: "user", content: "Which?\nA. first\nB. second" }],
          completion: [
            { role: "assistant", content: "", tool_calls: [{ id: "t1", function: { name: "lookup", arguments: "{\"q\":1}" } }] },
            { role: "tool", content: "42", tool_call_id: "t1" },
            { role: "assistant", content: "<answer>B</answer>" },
          ],
          answer: "B",
        },
      ],
    });
    writeGenARun(root, { model: A, envId: "medqa", ...SHUFFLE(1618), rows: [{ id: 0, reward: 0, options: SHUFFLED, answer: "C", text: "<answer>A</answer>" }] });
    writeGenARun(root, { model: A, envId: "medqa", ...SHUFFLE(9331), rows: [{ id: 1, reward: 1 }] });
    // Config B: only a shuffled order, so original positions come from config A's original run.
    writeGenARun(root, { model: B, envId: "medqa", ...SHUFFLE(1618), rows: [{ id: 0, reward: 1, options: SHUFFLED, answer: "C", text: "<answer>C</answer>" }] });
    await ingestPaths(h.raw, [root], { provenance: "official" });
    for (const r of await h.raw.query<{ id: number; config_slug: string; key: string }>(
      `select u.id, u.config_slug, d.key from runs u join datasets d on d.id = u.dataset_id`,
    )) {
      runs[`${r.config_slug}|${r.key}`] = Number(r.id);
    }
  });
  const run = (config: string, key: string) => {
    const id = runs[`${config}|${key}`];
    if (!id) throw new Error(`no run ${config} ${key}: ${JSON.stringify(runs)}`);
    return id;
  };

  it("returns null for unknown runs, questions and rollouts", async () => {
    const id = run("gemma-3-4b-it", "medqa::base");
    expect(await getSample(999999, "0", 0, db().raw)).toBeNull();
    expect(await getSample(id, "404", 0, db().raw)).toBeNull();
    expect(await getSample(id, "0", 5, db().raw)).toBeNull();
    expect(await getSample(id, "", 0, db().raw)).toBeNull();
    expect(await getSample(0, "0", 0, db().raw)).toBeNull();
    expect(await getSample(id, "0", -1, db().raw)).toBeNull();
  });

  it("shows an original-order sample: run, numbers, transcript, options, rollouts and orders", async () => {
    const id = run("gemma-3-4b-it", "medqa::base");
    const s = (await getSample(id, "0", 0, db().raw))!;
    expect(s.run).toMatchObject({
      id,
      status: "published",
      provenance: "official",
      config: { slug: "gemma-3-4b-it" },
      benchmark: { slug: "medqa", subset: "V" },
      dataset: { key: "medqa::base", foldedKey: "medqa::base", orderSeed: null, repeat: 0, subtask: "base" },
    });
    expect(s.rollout).toMatchObject({ reward: 1, gold: "B", parsedAnswer: "B", chosenText: "Heparin", outputTokens: 50, latencyMs: 1510, stopCondition: "stop", truncated: false, hasReasoning: true, error: null });
    expect(s.rollout.metrics).toEqual([{ key: "accuracy", value: 1 }, { key: "num_turns", value: 1 }]);
    expect(s.transcript!.prompt.map((m) => m.role)).toEqual(["system", "user"]);
    expect(s.transcript!.completion).toEqual([{ role: "assistant", content: "<answer>B</answer>", reasoning: "Heparin treats PE.", toolCalls: null, extra: null }]);
    expect(s.transcript!.info).toEqual([{ key: "answer_text", text: "Heparin" }]);
    expect(s.options).toMatchObject({ source: "info", shuffled: false, originalRunId: null });
    expect(s.options!.rows.map((o) => [o.label, o.text, o.gold, o.chosen, o.originalPosition])).toEqual([
      ["A", "Aspirin", false, false, null],
      ["B", "Heparin", true, true, null],
      ["C", "Alteplase", false, false, null],
      ["D", "None of the above", false, false, null],
    ]);
    expect(s.judges).toEqual([]);
    expect(s.rollouts).toEqual([
      { rolloutIndex: 0, reward: 1 },
      { rolloutIndex: 1, reward: 0 },
    ]);
    expect(s.orders.map((o) => [o.orderSeed, o.runId, o.current, o.rewards])).toEqual([
      [null, id, true, [1, 0]],
      [1618, run("gemma-3-4b-it", "medqa::shuffle_seed-1618"), false, [0]],
      [9331, run("gemma-3-4b-it", "medqa::shuffle_seed-9331"), false, []],
    ]);
    expect(s.question).toEqual({ benchmarkSlug: "medqa", foldedKey: "medqa::base", exampleId: "0" });

    const second = (await getSample(id, "0", 1, db().raw))!;
    expect(second.rollout).toMatchObject({ reward: 0, parsedAnswer: "A", chosenText: "Aspirin", hasReasoning: false });
    expect(second.options!.rows.find((o) => o.chosen)?.label).toBe("A");
  });

  it("maps a shuffled order's options to their original positions (same config's original run)", async () => {
    const id = run("gemma-3-4b-it", "medqa::shuffle_seed-1618");
    const s = (await getSample(id, "0", 0, db().raw))!;
    expect(s.run.dataset).toMatchObject({ orderSeed: 1618, foldedKey: "medqa::base" });
    expect(s.options).toMatchObject({ shuffled: true, originalRunId: run("gemma-3-4b-it", "medqa::base") });
    expect(s.options!.rows.map((o) => [o.label, o.text, o.gold, o.chosen, o.originalLabel, o.originalPosition])).toEqual([
      ["A", "Alteplase", false, true, "C", 3],
      ["B", "Aspirin", false, false, "A", 1],
      ["C", "Heparin", true, false, "B", 2],
      ["D", "None of the above", false, false, "D", 4],
    ]);
    expect(s.orders.find((o) => o.current)?.orderSeed).toBe(1618);
  });

  it("falls back to another configuration's original-order row when this config has none", async () => {
    const id = run("medgemma-4b-it", "medqa::shuffle_seed-1618");
    const s = (await getSample(id, "0", 0, db().raw))!;
    expect(s.options).toMatchObject({ shuffled: true, originalRunId: run("gemma-3-4b-it", "medqa::base") });
    expect(s.options!.rows.map((o) => o.originalLabel)).toEqual(["C", "A", "B", "D"]);
    expect(s.options!.rows.find((o) => o.chosen && o.gold)?.label).toBe("C");
    expect(s.orders.map((o) => [o.orderSeed, o.current])).toEqual([[1618, true]]);
  });

  it("normalises the judges' feedback and keeps other info fields", async () => {
    const s = (await getSample(run("gemma-3-4b-it", "medqa::base"), "1", 0, db().raw))!;
    expect(s.judges).toEqual([
      {
        score: 0.5,
        judges: [
          { model: "judge-a", raw: "<verdict>yes</verdict>", error: null, score: 1, scores: [{ key: "correct", value: 1 }, { key: "complete", value: "partly" }] },
          { model: "judge-b", raw: null, error: "timeout", score: null, scores: [] },
        ],
      },
    ]);
    expect(s.transcript!.info).toEqual([{ key: "calc_id", text: "7" }]);
    expect(s.options).toBeNull(); // no options in info, none in the prompt
  });

  it("reads options from the prompt's option lines and shows tool calls", async () => {
    const s = (await getSample(run("gemma-3-4b-it", "medqa::base"), "2", 0, db().raw))!;
    expect(s.options).toMatchObject({ source: "prompt", shuffled: false });
    expect(s.options!.rows.map((o) => [o.label, o.text, o.gold, o.chosen])).toEqual([
      ["A", "first", false, false],
      ["B", "second", true, true],
    ]);
    expect(s.transcript!.completion.map((m) => m.role)).toEqual(["assistant", "tool", "assistant"]);
    expect(JSON.parse(s.transcript!.completion[0].toolCalls!)).toEqual([{ id: "t1", function: { name: "lookup", arguments: '{"q":1}' } }]);
    expect(JSON.parse(s.transcript!.completion[1].extra!)).toEqual({ tool_call_id: "t1" });
  });
});
