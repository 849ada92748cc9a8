/** getOrderBias / getOrderBiasDetail on both databases, against figures computed by hand on a tiny fixture. */
import { describe, expect, it } from "vitest";
import type { RawClient } from "../db/raw";
import { testDatabases } from "../db/test-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun, type FixtureRow } from "../ingest/test-fixtures";
import { orderBias, type OrderBiasRow } from "../scoring/order-bias";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { getOrderBias, getOrderBiasDetail, LONGHEALTH_NOTE } from "./order-bias";
import type { OrderBiasCell } from "./order-bias-types";

const MODEL = { x: "google/gemma-3-4b-it", y: "google/medgemma-4b-it", z: "google/gemma-3-12b-it" };
const X = "gemma-3-4b-it";
const Y = "medgemma-4b-it";
const Z = "gemma-3-12b-it"; // demo runs only

/*
 * medqa, four questions, three orders. Original options and gold:
 *   q0 A Aspirin  B Heparin B COPD … (see ORIGINAL) — gold q0 A, q1 B, q2 C, q3 D.
 * Shuffle 1618 shows (A, B, C, D) = original (C, A, D, B); shuffle 9331 shows original (D, C, B, A).
 * So original A → 1618 B → 9331 D;  B → D → C;  C → A → B;  D → C → A.
 */
const ORIGINAL: Record<string, string>[] = [
  { A: "Aspirin", B: "Heparin", C: "Warfarin", D: "Alteplase" },
  { A: "Asthma", B: "COPD", C: "Pneumonia", D: "Embolism" },
  { A: "Iron", B: "Folate", C: "B12", D: "Zinc" },
  { A: "Lupus", B: "Gout", C: "Psoriasis", D: "Sarcoid" },
];
const GOLD_ORIGINAL = ["A", "B", "C", "D"];
const SHOWN: Record<number, Record<string, string>> = { 1618: { A: "C", B: "A", C: "D", D: "B" }, 9331: { A: "D", B: "C", C: "B", D: "A" } };

type Seed = null | 1618 | 9331;
function optionsOf(q: number, seed: Seed): Record<string, string> {
  if (seed === null) return ORIGINAL[q];
  return Object.fromEntries(Object.entries(SHOWN[seed]).map(([shown, orig]) => [shown, ORIGINAL[q][orig]]));
}
function goldOf(q: number, seed: Seed): string {
  if (seed === null) return GOLD_ORIGINAL[q];
  return Object.entries(SHOWN[seed]).find(([, orig]) => orig === GOLD_ORIGINAL[q])![0];
}

/*
 * What each configuration answered (completion text) and its reward, per order and question.
 *
 * X (position-biased): chosen texts
 *        orig              1618               9331
 *   q0   A Aspirin ✓       B Aspirin ✓        D Aspirin ✓
 *   q1   B COPD ✓          A Pneumonia ✗      C COPD ✓
 *   q2   A Iron ✗          A B12 ✓            "Unsure." (no answer) ✗
 *   q3   D Sarcoid ✓       A Psoriasis ✗      "<answer>Gout</answer>" = C Gout ✗
 * Y (consistent but for q3 in 9331):
 *   q0   A Aspirin ✓       B Aspirin ✓        D Aspirin ✓
 *   q1   A Asthma ✗        B Asthma ✗         D Asthma ✗
 *   q2   C B12 ✓           A B12 ✓            B B12 ✓
 *   q3   D Sarcoid ✓       C Sarcoid ✓        C Gout ✗
 */
const ANSWERS: Record<"x" | "y", Record<string, [string, number][]>> = {
  x: {
    orig: [["<answer>A</answer>", 1], ["<answer>B</answer>", 1], ["<answer>A</answer>", 0], ["<answer>D</answer>", 1]],
    1618: [["<answer>B</answer>", 1], ["<answer>A</answer>", 0], ["<answer>A</answer>", 1], ["<answer>A</answer>", 0]],
    9331: [["<answer>D</answer>", 1], ["<answer>C</answer>", 1], ["Unsure.", 0], ["<answer>Gout</answer>", 0]],
  },
  y: {
    orig: [["<answer>A</answer>", 1], ["<answer>A</answer>", 0], ["<answer>C</answer>", 1], ["<answer>D</answer>", 1]],
    1618: [["<answer>B</answer>", 1], ["<answer>B</answer>", 0], ["<answer>A</answer>", 1], ["<answer>C</answer>", 1]],
    9331: [["<answer>D</answer>", 1], ["<answer>D</answer>", 0], ["<answer>B</answer>", 1], ["<answer>C</answer>", 0]],
  },
};

const seedKey = (seed: Seed) => (seed === null ? "orig" : String(seed));
const variant = (seed: Seed) => (seed === null ? "base" : `shuffle_seed-${seed}`);
const envArgs = (seed: Seed) => (seed === null ? {} : { shuffle_answers: true, shuffle_seed: seed });

function medqaRows(who: "x" | "y", seed: Seed): FixtureRow[] {
  return ANSWERS[who][seedKey(seed)].map(([text, reward], q) => ({ id: q, reward, text, options: optionsOf(q, seed), answer: goldOf(q, seed) }));
}

/*
 * mmlu_pro_health, two questions, options (A Alpha, B Beta), 1618 swaps them; gold Alpha.
 * X: orig q0 A ✓, q1 A ✓; 1618 q0 A (Beta) ✗, q1 B (Alpha) ✓.  Y: the original order only (q0 A ✓, q1 B ✗).
 */
const MMLU = { orig: { A: "Alpha", B: "Beta" }, 1618: { A: "Beta", B: "Alpha" } };
function mmluRows(seed: null | 1618, answers: [string, number][]): FixtureRow[] {
  return answers.map(([letter, reward], q) => ({
    id: q,
    reward,
    text: `<answer>${letter}</answer>`,
    options: seed === null ? MMLU.orig : MMLU[1618],
    answer: seed === null ? "A" : "B",
  }));
}

/** The same rows as `orderBias` input, built from the fixture definitions (not from the database). */
function directRows(who: "x" | "y"): OrderBiasRow[] {
  const out: OrderBiasRow[] = [];
  for (const seed of [null, 1618, 9331] as Seed[]) {
    ANSWERS[who][seedKey(seed)].forEach(([text, reward], q) => {
      const options = optionsOf(q, seed);
      const m = /<answer>(.*)<\/answer>/.exec(text);
      const parsed = m ? m[1] : null;
      const chosen = parsed === null ? null : (options[parsed] ?? Object.values(options).find((t) => t === parsed) ?? null);
      out.push({ exampleId: String(q), orderSeed: seed, rolloutIndex: 0, reward, parsedAnswer: parsed, chosenText: chosen, gold: goldOf(q, seed), options });
    });
  }
  return out;
}

/** Hand-computed 95% normal interval of a paired mean: mean ± 1.959964·s/√n. */
function normal(diffs: number[]) {
  const n = diffs.length;
  const mean = diffs.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(diffs.reduce((a, d) => a + (d - mean) ** 2, 0) / (n - 1));
  const half = 1.959963984540054 * (s / Math.sqrt(n));
  return { lo: mean - half, hi: mean + half };
}

function cellOf(cells: OrderBiasCell[], config: string, key: string) {
  const c = cells.find((x) => x.config === config && x.foldedKey === key);
  expect(c, `${config} ${key}`).toBeDefined();
  return c!;
}

describe.each(testDatabases())("order bias on $name", (database) => {
  const db = useCatalogDb(database, async (h) => {
    const root = tmpDir();
    for (const who of ["x", "y"] as const) {
      for (const seed of [null, 1618, 9331] as Seed[]) {
        writeGenARun(root, { model: MODEL[who], envId: "medqa", variant: variant(seed), envArgs: envArgs(seed), rows: medqaRows(who, seed) });
      }
    }
    writeGenARun(root, { model: MODEL.x, envId: "mmlu_pro_health", rows: mmluRows(null, [["A", 1], ["A", 1]]) });
    writeGenARun(root, { model: MODEL.x, envId: "mmlu_pro_health", variant: "shuffle_seed-1618", envArgs: envArgs(1618), rows: mmluRows(1618, [["A", 0], ["B", 1]]) });
    writeGenARun(root, { model: MODEL.y, envId: "mmlu_pro_health", rows: mmluRows(null, [["A", 1], ["B", 0]]) });
    // pubmedqa without any shuffled run: not an order-bias dataset.
    writeGenARun(root, { model: MODEL.x, envId: "pubmedqa", rows: [{ id: 0, reward: 1 }] });
    await ingestPaths(h.raw, [root], { provenance: "official" });
    // Demo runs of a third configuration: hidden while real runs exist.
    const demo = tmpDir();
    for (const seed of [null, 1618] as Seed[]) {
      writeGenARun(demo, { model: MODEL.z, envId: "medqa", variant: variant(seed), envArgs: envArgs(seed), rows: medqaRows("y", seed) });
    }
    await ingestPaths(h.raw, [demo], { provenance: "demo" });
  });

  it("lists the datasets with shuffled copies, configurations in board order, real runs only", async () => {
    const v = await getOrderBias({}, db().raw);
    expect(v.synthetic).toBe(false);
    expect(v.replicates).toBe(0);
    expect(v.datasets.map((d) => [d.benchmark, d.foldedKey, d.orderSeeds, d.nConfigs])).toEqual([
      ["medqa", "medqa::base", [1618, 9331], 2],
      ["mmlu_pro_health", "mmlu_pro_health::base", [1618], 2],
    ]);
    expect(v.benchmarks.map((b) => [b.slug, b.datasets, b.note])).toEqual([
      ["medqa", ["medqa::base"], null],
      ["mmlu_pro_health", ["mmlu_pro_health::base"], null],
    ]);
    // Board (ln-weighted win rate over medqa n=4, mmlu n=2): Y 0.583 > X 0.417 (see the question means below).
    expect(v.configs.map((c) => [c.config, c.boardRank])).toEqual([[Y, 1], [X, 2]]);
    expect(v.cells.map((c) => [c.config, c.foldedKey])).toEqual([
      [Y, "medqa::base"], [Y, "mmlu_pro_health::base"], [X, "medqa::base"], [X, "mmlu_pro_health::base"],
    ]);
    expect(v.snapshot.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it("computes accuracy, deltas, flips, consistency and position preference as by hand", async () => {
    const v = await getOrderBias({}, db().raw);
    const x = cellOf(v.cells, X, "medqa::base");
    // Accuracy: orig 3/4, 1618 2/4, 9331 2/4 (q2 unanswered counts as its reward 0).
    expect(x.orders.map((o) => [o.orderSeed, o.n, o.accuracy, o.nAnswered, o.ci])).toEqual([
      [null, 4, 0.75, 4, null], [1618, 4, 0.5, 4, null], [9331, 4, 0.5, 3, null],
    ]);
    // Paired differences 1618 − orig: q0 0, q1 −1, q2 +1, q3 −1 → −0.25; 9331 − orig: 0, 0, 0, −1 → −0.25.
    const [s1, s2] = x.shuffles;
    expect([s1.orderSeed, s1.nPaired, s1.delta, s2.orderSeed, s2.nPaired, s2.delta]).toEqual([1618, 4, -0.25, 9331, 4, -0.25]);
    expect(s1.normalCi!.lo).toBeCloseTo(normal([0, -1, 1, -1]).lo, 9); // −1.18826
    expect(s1.normalCi!.hi).toBeCloseTo(0.688262, 5);
    expect(s2.normalCi!.lo).toBeCloseTo(-0.739991, 5); // s = 0.5, se = 0.25
    expect(s1.ci).toBeNull();
    expect(s1.method).toBe("mcnemar-exact");
    // Flips 1618: q1 COPD→Pneumonia, q2 Iron→B12, q3 Sarcoid→Psoriasis of 4; 9331: answered in both q0 q1 q3, q3 Sarcoid→Gout.
    expect(s1.flip).toEqual({ n: 4, count: 3, rate: 0.75 });
    expect(s2.flip).toEqual({ n: 3, count: 1, rate: 1 / 3 });
    // Any flip: q1, q2, q3 of the 4 answered in ≥ 2 orders; consistency: of q0, q1, q3 (answered in all 3) only q0.
    expect(x.anyFlip).toEqual({ n: 4, count: 3, rate: 0.75 });
    expect(x.consistency).toEqual({ n: 3, count: 1, rate: 1 / 3 });
    expect(x.meanDelta).toBe(-0.25);
    expect(x.sensitivity).toBe(0.25);
    // Position preference over 11 items (9331 q2 has no chosen letter): chosen A 5 B 2 C 2 D 2; gold A 3 B 2 C 3 D 3.
    expect(x.positionsSkipped).toEqual({ noOptions: 0, noGold: 0, noChoice: 1 });
    expect(x.positions.map((p) => p.position)).toEqual(["A", "B", "C", "D"]);
    expect(x.positions.map((p) => p.n)).toEqual([11, 11, 11, 11]);
    const pref = [2 / 11, 0, -1 / 11, -1 / 11];
    x.positions.forEach((p, i) => expect(p.preference).toBeCloseTo(pref[i], 12));
    expect(x.positions[0].rateChosen).toBeCloseTo(5 / 11, 12);
    expect(x.positions[0].rateCorrect).toBeCloseTo(3 / 11, 12);
    expect(x.missing).toBeNull();

    const y = cellOf(v.cells, Y, "medqa::base");
    // Y: 3/4, 3/4, 2/4; 1618 − orig all 0; 9331 − orig q3 −1 → −0.25. Flips 0/4 and 1/4 (q3).
    expect(y.orders.map((o) => o.accuracy)).toEqual([0.75, 0.75, 0.5]);
    expect(y.shuffles.map((s) => [s.delta, s.flip.count, s.flip.n])).toEqual([[0, 0, 4], [-0.25, 1, 4]]);
    expect(y.anyFlip).toEqual({ n: 4, count: 1, rate: 0.25 });
    expect(y.consistency).toEqual({ n: 4, count: 3, rate: 0.75 });
    // Chosen A 3 B 3 C 3 D 3 of 12, gold 3 each: no preference.
    y.positions.forEach((p) => expect(p.preference).toBeCloseTo(0, 12));

    // mmlu: X 1618 − orig = (−1, 0) → −0.5, flip q0 (Alpha → Beta) 1/2; Y has no shuffled run.
    const xm = cellOf(v.cells, X, "mmlu_pro_health::base");
    expect(xm.shuffles.map((s) => [s.orderSeed, s.delta, s.flip.rate])).toEqual([[1618, -0.5, 0.5]]);
    expect(xm.consistency).toEqual({ n: 2, count: 1, rate: 0.5 });
    const ym = cellOf(v.cells, Y, "mmlu_pro_health::base");
    expect(ym.shuffles).toEqual([]);
    expect(ym.missing).toBe("no shuffled run");
    expect(ym.meanDelta).toBeNull();
  });

  it("summarises and ranks configurations, and builds the heatmap", async () => {
    const v = await getOrderBias({}, db().raw);
    const x = v.configs.find((c) => c.config === X)!;
    const y = v.configs.find((c) => c.config === Y)!;
    // X: |−.25|, |−.25|, |−.5| → 1/3; flip rate mean(mean(.75, 1/3), .5) = 25/48; any flip mean(.75, .5); consistency mean(1/3, 1/2).
    expect(x.sensitivity).toBeCloseTo(1 / 3, 12);
    expect(x.meanDelta).toBeCloseTo(-1 / 3, 12);
    expect(x.flipRate).toBeCloseTo(25 / 48, 12);
    expect(x.anyFlipRate).toBeCloseTo(0.625, 12);
    expect(x.consistency).toBeCloseTo(5 / 12, 12);
    expect([x.nDatasets, x.nCells, x.sensitivityRank, x.displayName.length > 0]).toEqual([2, 2, 1, true]);
    // Y: |0|, |−.25| → .125; mmlu has no delta (its rates are null and skipped).
    expect([y.sensitivity, y.meanDelta, y.flipRate, y.anyFlipRate, y.consistency, y.nDatasets, y.nCells, y.sensitivityRank]).toEqual([
      0.125, -0.125, 0.125, 0.25, 0.75, 1, 2, 2,
    ]);
    const heat = (config: string, benchmark: string) => v.heatmap.find((h) => h.config === config && h.benchmark === benchmark)!;
    expect(v.heatmap.map((h) => [h.config, h.benchmark])).toEqual([
      [Y, "medqa"], [Y, "mmlu_pro_health"], [X, "medqa"], [X, "mmlu_pro_health"],
    ]);
    expect(heat(X, "medqa").value).toBe(-0.25);
    expect(heat(X, "medqa").parts.map((p) => [p.foldedKey, p.orderSeed, p.delta])).toEqual([["medqa::base", 1618, -0.25], ["medqa::base", 9331, -0.25]]);
    expect(heat(X, "medqa").excludesZero).toBe(false);
    expect(heat(Y, "medqa").value).toBe(-0.125);
    expect(heat(X, "mmlu_pro_health").value).toBe(-0.5);
    expect(heat(Y, "mmlu_pro_health")).toMatchObject({ value: null, why: "no shuffled run" });
  });

  it("lists the most flipped questions with links to their answers side by side", async () => {
    const v = await getOrderBias({}, db().raw);
    // q3: X 3 texts, Y 2 → flipped by 2 of 2. Then flipped by 1: mmlu q0 (of 1 answering it in ≥ 2
    // orders: share 1), then medqa q1 and q2 (X of X and Y: share 1/2; ties in id order).
    expect(v.mostFlipped.map((q) => [q.benchmark, q.exampleId, q.flippedBy, q.answeredBy, q.allDifferent, q.maxDistinct, q.topConfig])).toEqual([
      ["medqa", "3", 2, 2, 1, 3, X],
      ["mmlu_pro_health", "0", 1, 1, 0, 2, X],
      ["medqa", "1", 1, 2, 0, 2, X],
      ["medqa", "2", 1, 2, 0, 2, X],
    ]);
    expect(v.mostFlipped[0].href).toBe("/benchmarks/medqa/questions/3?set=medqa%3A%3Abase&config=gemma-3-4b-it");
    expect(v.mostFlipped[0].hrefAll).toBe("/benchmarks/medqa/questions/3?set=medqa%3A%3Abase");
    const xs = v.mostFlippedByConfig[X];
    expect(xs.map((q) => [q.foldedKey, q.exampleId, q.distinctTexts])).toEqual([
      ["medqa::base", "3", 3], ["medqa::base", "1", 2], ["medqa::base", "2", 2], ["mmlu_pro_health::base", "0", 2],
    ]);
    expect(xs[0].texts).toEqual([{ orderSeed: null, text: "Sarcoid" }, { orderSeed: 1618, text: "Psoriasis" }, { orderSeed: 9331, text: "Gout" }]);
    expect(xs[2].texts[2]).toEqual({ orderSeed: 9331, text: null });
    expect(v.mostFlippedByConfig[Y].map((q) => q.exampleId)).toEqual(["3"]);
  });

  it("returns what lib/scoring's orderBias computes on the same rows", async () => {
    const v = await getOrderBias({}, db().raw);
    for (const [who, config] of [["x", X], ["y", Y]] as const) {
      const direct = orderBias(directRows(who), { replicates: 0 });
      const cell = cellOf(v.cells, config, "medqa::base");
      expect(cell.orders).toEqual(direct.orders);
      expect(cell.shuffles).toEqual(direct.shuffles);
      expect(cell.anyFlip).toEqual(direct.anyFlip);
      expect(cell.consistency).toEqual(direct.consistency);
      expect(cell.positions).toEqual(direct.positions);
      expect(cell.positionsSkipped).toEqual(direct.positionsSkipped);
      expect(cell.sensitivity).toBe(direct.sensitivity);
      // The detail recomputes with the paired bootstrap: the same as orderBias with its default 2000 replicates.
      const detail = (await getOrderBiasDetail(config, {}, db().raw))!;
      const full = orderBias(directRows(who));
      const dcell = cellOf(detail.cells, config, "medqa::base");
      expect(dcell.orders).toEqual(full.orders);
      expect(dcell.shuffles).toEqual(full.shuffles);
      expect(dcell.shuffles[0].ci).not.toBeNull();
      expect(dcell.orders[0].ci).not.toBeNull();
    }
  });

  it("pools the detail's position preference over datasets", async () => {
    const d = (await getOrderBiasDetail(X, {}, db().raw))!;
    expect(d.replicates).toBe(2000);
    expect(d.cells.map((c) => c.foldedKey)).toEqual(["medqa::base", "mmlu_pro_health::base"]);
    // medqa items: A–D 11 each (chosen A 5 B 2 C 2 D 2; gold A 3 B 2 C 3 D 3);
    // mmlu items: A, B 4 each (orig q0 A/A, q1 A/A; 1618 q0 A/B, q1 B/B): chosen A 3 B 1; gold A 2 B 2.
    expect(d.positions.map((p) => [p.position, p.n])).toEqual([["A", 15], ["B", 15], ["C", 11], ["D", 11]]);
    expect(d.positions[0].rateChosen).toBeCloseTo(8 / 15, 12);
    expect(d.positions[0].rateCorrect).toBeCloseTo(5 / 15, 12);
    expect(d.positions[1].preference).toBeCloseTo(3 / 15 - 4 / 15, 12);
    expect(await getOrderBiasDetail("no-such-config", {}, db().raw)).toBeNull();
  });

  it("follows the boards' provenance rule", async () => {
    const demo = await getOrderBias({ data: "demo" }, db().raw);
    expect(demo.synthetic).toBe(true);
    expect(demo.configs.map((c) => c.config)).toEqual([Z]);
    expect(demo.datasets.map((d) => [d.foldedKey, d.orderSeeds])).toEqual([["medqa::base", [1618]]]);
    const all = await getOrderBias({ data: "all" }, db().raw);
    expect(all.synthetic).toBe(true);
    expect(new Set(all.configs.map((c) => c.config))).toEqual(new Set([X, Y, Z]));
    const real = await getOrderBias({ data: "real" }, db().raw);
    expect(real.configs.map((c) => c.config)).toEqual([Y, X]);
    expect(real.synthetic).toBe(false);
  });

  it("is computed once per snapshot and stored", async () => {
    const first = await getOrderBias({}, db().raw);
    // A fresh client object (no in-memory memo) reads the stored result and never touches the rollouts.
    const seen: string[] = [];
    const inner = db().raw;
    const spy: RawClient = {
      query: (text, params) => {
        seen.push(text);
        return inner.query(text, params);
      },
      copyCsv: (t, c, csv) => inner.copyCsv(t, c, csv),
      transaction: (fn) => inner.transaction(fn),
    };
    const again = await getOrderBias({}, spy);
    expect({ ...again, computedAt: "" }).toEqual({ ...first, computedAt: "" });
    expect(seen.some((q) => /from rollouts|join rollouts/.test(q))).toBe(false);
    const [{ n }] = await inner.query<{ n: number }>(
      `select count(*)::int as n from snapshot_views where view = 'order-bias' and snapshot_id = $1 and params_key like '%|V|auto'`,
      [first.snapshot.id],
    );
    expect(Number(n)).toBe(1);
    // An unknown configuration stores nothing.
    const [{ m }] = await inner.query<{ m: number }>(`select count(*)::int as m from snapshot_views where params_key like '%no-such-config'`);
    expect(Number(m)).toBe(0);
  });

  it("carries the LongHealth caveat", async () => {
    const root = tmpDir();
    const opts = { A: "One", B: "Two" };
    writeGenARun(root, { model: MODEL.x, envId: "longhealth", variant: "task1", envArgs: { task: "task1" }, rows: [{ id: 0, reward: 1, options: opts }] });
    writeGenARun(root, {
      model: MODEL.x,
      envId: "longhealth",
      variant: "task1__shuffle_seed-1618",
      envArgs: { task: "task1", shuffle_answers: true, shuffle_seed: 1618, doc_shuffle_seed: 1618 },
      rows: [{ id: 0, reward: 0, options: { A: "Two", B: "One" }, answer: "B" }],
    });
    await ingestPaths(db().raw, [root], { provenance: "official" });
    const v = await getOrderBias({}, db().raw);
    const lh = v.benchmarks.find((b) => b.slug === "longhealth")!;
    expect(lh.datasets).toEqual(["longhealth::task1"]);
    expect(lh.note).toBe(LONGHEALTH_NOTE);
    expect(cellOf(v.cells, X, "longhealth::task1").shuffles[0].delta).toBe(-1);
  });
  it("reads the options from the prompt's option lines when the transcript has no info.options", async () => {
    const root = tmpDir();
    const prompt = (lines: string) => [{ role: "user", content: `Which one?\n${lines}` }];
    writeGenARun(root, { model: MODEL.y, envId: "m_arc", rows: [{ id: 0, reward: 1, prompt: prompt("A. Yes\nB. No"), text: "<answer>A</answer>" }] });
    writeGenARun(root, {
      model: MODEL.y,
      envId: "m_arc",
      variant: "shuffle_seed-1618",
      envArgs: envArgs(1618),
      rows: [{ id: 0, reward: 0, prompt: prompt("A. No\nB. Yes"), answer: "B", text: "<answer>A</answer>" }],
    });
    await ingestPaths(db().raw, [root], { provenance: "official" });
    const cell = cellOf((await getOrderBias({}, db().raw)).cells, Y, "m_arc::base");
    // Items: original (gold A, chose A), 1618 (gold B, chose A): A chosen 2/2, correct 1/2.
    expect(cell.positionsSkipped).toEqual({ noOptions: 0, noGold: 0, noChoice: 0 });
    expect(cell.positions.map((p) => [p.position, p.n, p.rateChosen, p.rateCorrect, p.preference])).toEqual([
      ["A", 2, 1, 0.5, 0.5],
      ["B", 2, 0, 0.5, -0.5],
    ]);
    expect(cell.shuffles[0].flip).toEqual({ n: 1, count: 1, rate: 1 });
  });
});
