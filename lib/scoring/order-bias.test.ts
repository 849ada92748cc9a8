import { describe, expect, it } from "vitest";
import {
  mapOptionsToOriginal,
  mostFlipped,
  normalizeOptionText,
  optionLetter,
  orderBias,
  orderSensitivity,
  type OrderBiasRow,
} from "./order-bias";
import { createRng, shuffle } from "./prng";

// One configuration × one dataset, three orders. Every question shows the same four options:
//   original O : A Aspirin   B Heparin   C Warfarin   D None of the above
//   1618    S1 : A Warfarin  B Aspirin   C Heparin    D None of the above      ("None" stays in place)
//   9331    S2 : A Heparin   B Warfarin  C " aspirin" D "None  of the above"   (other spacing/case on purpose)
const O = { A: "Aspirin", B: "Heparin", C: "Warfarin", D: "None of the above" };
const S1 = { A: "Warfarin", B: "Aspirin", C: "Heparin", D: "None of the above" };
const S2 = { A: "Heparin", B: "Warfarin", C: " aspirin", D: "None  of the above" };

function row(
  exampleId: string,
  orderSeed: number | null,
  parsedAnswer: string | null,
  gold: string | null,
  reward: number | null,
  extra: Partial<OrderBiasRow> = {},
): OrderBiasRow {
  const options = orderSeed === null ? O : orderSeed === 1618 ? S1 : S2;
  const letter = parsedAnswer ? optionLetter(parsedAnswer, options) : null;
  return {
    exampleId,
    orderSeed,
    reward,
    parsedAnswer,
    chosenText: letter ? (options as Record<string, string>)[letter] : null,
    gold,
    options,
    ...extra,
  };
}

// Gold by text: q"9" Aspirin, q"2" Heparin, q"3" Warfarin, q"10" None of the above, q"11" Heparin.
// A model drawn to position A:
//   original: 9 → A Aspirin ✓ · 2 → "heparin" (text) B ✓ · 3 → A Aspirin ✗ · 10 → D ✓ · 11 → (B) Heparin ✓
//   1618    : 9 → A Warfarin ✗ · 2 → C. Heparin ✓ · 3 → a Warfarin ✓ · 10 → unparsed (reward 0)
//             12 → "B" but no gold (reward null)
//   9331    : 9 → C aspirin ✓ · 2 → A Heparin ✓ · 3 → A Heparin ✗ · 10 → two rollouts: D ✓ and A ✗
//             13 → "A" but no options recorded (reward null)
const ROWS: OrderBiasRow[] = [
  row("9", null, "A", "A", 1),
  row("2", null, "heparin", "B", 1),
  row("3", null, "A", "C", 0),
  row("10", null, "D", "D", 1),
  row("11", null, "(B)", "B", 1),
  row("9", 1618, "A", "B", 0),
  row("2", 1618, "C. Heparin", "C", 1),
  row("3", 1618, "a", "A", 1),
  row("10", 1618, null, "D", 0),
  row("12", 1618, "B", null, null, { chosenText: null }),
  row("9", 9331, "C", "C", 1),
  row("2", 9331, "A", "A", 1),
  row("3", 9331, "A", "B", 0),
  row("10", 9331, "A", "D", 0, { rolloutIndex: 1 }),
  row("10", 9331, "D", "d", 1, { rolloutIndex: 0 }),
  row("13", 9331, "A", "A", null, { options: null, chosenText: null }),
];

describe("orderBias: the hand-worked fixture", () => {
  const r = orderBias(ROWS, { replicates: 400 });

  it("accuracy per order: question means (rollouts averaged), null rewards skipped", () => {
    // original: 9:1, 2:1, 3:0, 10:1, 11:1 → 4/5 = 0.8
    // 1618: 9:0, 2:1, 3:1, 10:0 (12 is null) → 2/4 = 0.5
    // 9331: 9:1, 2:1, 3:0, 10: (1 + 0)/2 = 0.5 (13 is null) → 2.5/4 = 0.625
    expect(r.orders.map((o) => [o.orderSeed, o.n, o.accuracy])).toEqual([
      [null, 5, 0.8],
      [1618, 4, 0.5],
      [9331, 4, 0.625],
    ]);
    // chosen texts: original 5; 1618: 9, 2, 3 (10 unparsed, 12 has no text); 9331: 9, 2, 3, 10
    expect(r.orders.map((o) => o.nAnswered)).toEqual([5, 3, 4]);
    for (const o of r.orders) {
      expect(o.ci!.lo).toBeLessThanOrEqual(o.accuracy!);
      expect(o.ci!.hi).toBeGreaterThanOrEqual(o.accuracy!);
      expect(o.ci!.lo).toBeGreaterThanOrEqual(0);
      expect(o.ci!.hi).toBeLessThanOrEqual(1);
    }
  });

  it("delta per shuffle, paired over the questions both orders scored", () => {
    const [s1, s2] = r.shuffles;
    // 1618 − original on 9, 2, 3, 10: −1, 0, +1, −1 → −1/4; q11 has no 1618 row → not paired
    expect(s1).toMatchObject({ orderSeed: 1618, nPaired: 4, delta: -0.25, method: "mcnemar-exact" });
    // all 0/1: b (shuffle right, original wrong) = {3} = 1, c = {9, 10} = 2; n = 3, P(X ≤ 1) = (1 + 3)/8 → p = 1
    expect(s1.p).toBe(1);
    // normal: deviations −0.75, 0.25, 1.25, −0.75 → Σ² = 2.75, s² = 2.75/3, s/√4 = √(2.75/12)
    const h1 = 1.9599639845400536 * Math.sqrt(2.75 / 12);
    expect(s1.normalCi!.lo).toBeCloseTo(-0.25 - h1, 12);
    expect(s1.normalCi!.hi).toBeCloseTo(-0.25 + h1, 12);
    // 9331 − original: 0, 0, 0, 0.5 − 1 → −0.125; not all 0/1 (q10's mean is 0.5) → bootstrap
    expect(s2).toMatchObject({ orderSeed: 9331, nPaired: 4, delta: -0.125, method: "paired-bootstrap" });
    // s² = (3·0.125² + 0.375²)/3 = 0.1875/3 = 0.0625 → s/√4 = 0.125
    expect(s2.normalCi!.lo).toBeCloseTo(-0.125 - 1.9599639845400536 * 0.125, 12);
    expect(s2.normalCi!.hi).toBeCloseTo(-0.125 + 1.9599639845400536 * 0.125, 12);
    // bootstrap replicate means of [0, 0, 0, −0.5] lie in [−0.5, 0]; P(mean* = 0) = (3/4)⁴ ≈ 0.32
    // → share ≥ 0 ≈ 0.32 → p ≈ 0.63, and the upper bound is exactly 0
    expect(s2.ci!.hi).toBe(0);
    expect(s2.ci!.lo).toBeGreaterThanOrEqual(-0.5);
    expect(s2.ci!.lo).toBeLessThan(-0.125);
    expect(s2.p!).toBeGreaterThan(0.45);
    expect(s2.p!).toBeLessThan(0.8);
    // sensitivity = (|−0.25| + |−0.125|)/2
    expect(r.sensitivity).toBe(0.1875);
  });

  it("flip rate per shuffle, any flip, consistency (normalised text; unanswered orders left out)", () => {
    // 1618 vs original, answered in both: 9 (Aspirin → Warfarin: flip), 2 (Heparin = Heparin), 3 (Aspirin → Warfarin: flip);
    // 10 unanswered in 1618 → out. 2/3
    expect(r.shuffles[0].flip).toEqual({ n: 3, count: 2, rate: 2 / 3 });
    // 9331 vs original: 9 (Aspirin = " aspirin" after normalising), 2 (same), 3 (Aspirin → Heparin: flip),
    // 10 (None of the above → modal of {None  of the above, Heparin} tie → "heparin" < "none of the above": flip). 2/4
    expect(r.shuffles[1].flip).toEqual({ n: 4, count: 2, rate: 0.5 });
    // answered in ≥ 2 orders: 9 {aspirin, warfarin}, 2 {heparin}, 3 {aspirin, warfarin, heparin}, 10 {none…, heparin};
    // 11, 12, 13 in one order or none → 3 of 4 flipped
    expect(r.anyFlip).toEqual({ n: 4, count: 3, rate: 0.75 });
    // answered in all three orders: 9, 2, 3 → only 2 is consistent
    expect(r.consistency).toEqual({ n: 3, count: 1, rate: 1 / 3 });
  });

  it("per-question choices and the most flipped questions", () => {
    expect(r.questions.map((q) => q.exampleId)).toEqual(["2", "3", "9", "10", "11", "12", "13"]);
    expect(r.questions.map((q) => q.distinctTexts)).toEqual([1, 3, 2, 2, 1, 0, 0]);
    expect(r.questions.find((q) => q.exampleId === "10")!.texts).toEqual([
      { orderSeed: null, text: "None of the above" },
      { orderSeed: 1618, text: null },
      { orderSeed: 9331, text: "Heparin" },
    ]);
    // 3 (three texts) first; 9 and 10 tie at two → numeric id order puts 9 before 10
    expect(mostFlipped(r.questions)).toEqual(["3", "9", "10"]);
  });

  it("position preference, pooled over the 12 (question, order) items with gold and chosen letters", () => {
    // chosen: A = orig 9, 3 + 1618 9, 3 + 9331 2, 3 + ½ of 9331 q10 = 6.5 · B = orig 2, 11 = 2
    //         C = 1618 2 + 9331 9 = 2 · D = orig 10 + ½ of 9331 q10 = 1.5           (Σ = 12)
    // gold:   A = orig 9, 1618 3, 9331 2 = 3 · B = orig 2, 11, 1618 9, 9331 3 = 4
    //         C = orig 3, 1618 2, 9331 9 = 3 · D = orig 10, 9331 10 = 2                  (Σ = 12)
    const byPos = Object.fromEntries(r.positions.map((p) => [p.position, p]));
    expect(r.positions.map((p) => p.position)).toEqual(["A", "B", "C", "D"]);
    for (const p of r.positions) expect(p.n).toBe(12);
    expect(byPos.A.rateChosen).toBeCloseTo(6.5 / 12, 15);
    expect(byPos.A.rateCorrect).toBeCloseTo(3 / 12, 15);
    expect(byPos.A.preference).toBeCloseTo(3.5 / 12, 15);
    expect(byPos.B.preference).toBeCloseTo(-2 / 12, 15);
    expect(byPos.C.preference).toBeCloseTo(-1 / 12, 15);
    expect(byPos.D.preference).toBeCloseTo(-0.5 / 12, 15);
    // 1618 q10 has no chosen letter, 1618 q12 no gold, 9331 q13 no options
    expect(r.positionsSkipped).toEqual({ noOptions: 1, noGold: 1, noChoice: 1 });
  });

  it("does not depend on row order", () => {
    const again = orderBias(shuffle([...ROWS], createRng(42)), { replicates: 400 });
    expect(again).toEqual(r);
  });

  it("replicates = 0: no bootstrap, the normal interval and McNemar's p stay", () => {
    const q = orderBias(ROWS, { replicates: 0 });
    expect(q.orders[0].ci).toBeNull();
    expect(q.shuffles[0]).toMatchObject({ ci: null, p: 1, delta: -0.25 });
    expect(q.shuffles[0].normalCi).not.toBeNull();
    expect(q.shuffles[1].p).toBeNull(); // bootstrap p needs replicates
  });
});

describe("orderBias: edge cases", () => {
  it("original order only: no shuffles, no flips, consistency undefined", () => {
    const r = orderBias(ROWS.filter((x) => x.orderSeed === null), { replicates: 0 });
    expect(r.shuffles).toEqual([]);
    expect(r.sensitivity).toBeNull();
    expect(r.anyFlip).toEqual({ n: 0, count: 0, rate: null });
    expect(r.consistency).toEqual({ n: 0, count: 0, rate: null });
  });

  it("shuffles without the original: no delta, no per-shuffle flip, but any-flip across the shuffles", () => {
    const r = orderBias(ROWS.filter((x) => x.orderSeed !== null), { replicates: 0 });
    expect(r.orders.map((o) => o.orderSeed)).toEqual([1618, 9331]);
    expect(r.shuffles.map((s) => [s.orderSeed, s.nPaired, s.delta, s.flip.n])).toEqual([
      [1618, 0, null, 0],
      [9331, 0, null, 0],
    ]);
    // answered in both shuffles: 9 (warfarin vs aspirin), 2 (heparin = heparin), 3 (warfarin vs heparin)
    expect(r.anyFlip).toEqual({ n: 3, count: 2, rate: 2 / 3 });
    expect(r.consistency).toEqual({ n: 3, count: 1, rate: 1 / 3 });
  });

  it("modal chosen text over rollouts, ties broken by code-unit order", () => {
    const opts = { A: "x", B: "y", C: "z" };
    const base = { orderSeed: null, reward: 1, parsedAnswer: null, gold: "A", options: opts };
    const rows: OrderBiasRow[] = [
      { ...base, exampleId: "1", rolloutIndex: 0, chosenText: "z" },
      { ...base, exampleId: "1", rolloutIndex: 1, chosenText: "y" },
      { ...base, exampleId: "1", rolloutIndex: 2, chosenText: "Y " },
      { ...base, exampleId: "1", orderSeed: 5, rolloutIndex: 0, chosenText: "z" },
      { ...base, exampleId: "1", orderSeed: 5, rolloutIndex: 1, chosenText: "y" },
    ];
    const r = orderBias(rows, { replicates: 0 });
    // original: y ×2 vs z ×1 → "y" (first raw form "y"); seed 5: y ×1, z ×1 → tie → "y" < "z"
    expect(r.questions[0].texts).toEqual([
      { orderSeed: null, text: "y" },
      { orderSeed: 5, text: "y" },
    ]);
    expect(r.shuffles[0].flip).toEqual({ n: 1, count: 0, rate: 0 });
    // positions: the original item's letters come from its chosen texts (no parsed answer): C, B, B → ⅓ C, ⅔ B
    // the seed-5 item: C, B → ½ each. n = 2 items per position; gold A in both → rateCorrect A = 1
    const p = Object.fromEntries(r.positions.map((x) => [x.position, x]));
    expect(p.B.rateChosen).toBeCloseTo((2 / 3 + 1 / 2) / 2, 15);
    expect(p.C.rateChosen).toBeCloseTo((1 / 3 + 1 / 2) / 2, 15);
    expect(p.A).toMatchObject({ n: 2, rateChosen: 0, rateCorrect: 1, preference: -1 });
  });
});

describe("letters and texts", () => {
  it("normalises text: trim, whitespace runs, case", () => {
    expect(normalizeOptionText("  None\t of\nthe  ABOVE ")).toBe("none of the above");
  });

  it("reads the letter an answer names, validated against the displayed keys", () => {
    expect(optionLetter("B", O)).toBe("B");
    expect(optionLetter("(c)", O)).toBe("C");
    expect(optionLetter("C. Warfarin", O)).toBe("C");
    expect(optionLetter("b) heparin", O)).toBe("B");
    expect(optionLetter(" warfarin ", O)).toBe("C"); // by text
    expect(optionLetter("E", O)).toBeNull(); // not displayed
    expect(optionLetter("A fib", O)).toBeNull(); // neither a letter form nor an option's text
    expect(optionLetter("B", { a: "x", b: "y" })).toBe("B"); // keys compared in upper case
    expect(optionLetter(null, O)).toBeNull();
    expect(optionLetter("A", null)).toBeNull();
  });

  it("recovers the permutation by normalised text", () => {
    // S1: A Warfarin = O's C, B Aspirin = A, C Heparin = B, D stays
    expect(mapOptionsToOriginal(O, S1)).toEqual({ A: "C", B: "A", C: "B", D: "D" });
    // S2 differs in spacing and case only
    expect(mapOptionsToOriginal(O, S2)).toEqual({ A: "B", B: "C", C: "A", D: "D" });
    expect(mapOptionsToOriginal(O, { A: "Aspirin", B: "Clopidogrel" })).toEqual({ A: "A", B: null });
  });

  it("pairs duplicate texts in display order; extra occurrences map to null", () => {
    const original = { A: "Yes", B: "No", C: "Yes" };
    // shuffled B "Yes" takes the first original Yes (A), C "yes" the second (C)
    expect(mapOptionsToOriginal(original, { A: "No", B: "Yes", C: "yes", D: "Maybe" })).toEqual({ A: "B", B: "A", C: "C", D: null });
    expect(mapOptionsToOriginal({ A: "Yes", B: "No" }, { C: "Yes", A: "Yes", B: "Yes" })).toEqual({ A: "A", B: null, C: null });
  });
});

describe("rankings", () => {
  it("orderSensitivity = mean |delta| over shuffles with a delta", () => {
    expect(orderSensitivity([{ delta: 0.1 }, { delta: -0.3 }, { delta: null }])).toBeCloseTo(0.2, 15);
    expect(orderSensitivity([{ delta: null }])).toBeNull();
    expect(orderSensitivity([])).toBeNull();
  });

  it("mostFlipped: distinct texts descending, then id; minDistinct and limit", () => {
    const qs = [
      { exampleId: "b", distinctTexts: 2 },
      { exampleId: "a", distinctTexts: 2 },
      { exampleId: "c", distinctTexts: 3 },
      { exampleId: "d", distinctTexts: 1 },
      { exampleId: "e", distinctTexts: 0 },
    ];
    expect(mostFlipped(qs)).toEqual(["c", "a", "b"]);
    expect(mostFlipped(qs, { limit: 2 })).toEqual(["c", "a"]);
    expect(mostFlipped(qs, { minDistinct: 3 })).toEqual(["c"]);
    expect(mostFlipped(qs, { minDistinct: 1 })).toEqual(["c", "a", "b", "d"]);
    // numeric ids: 9 before 10
    expect(mostFlipped([{ exampleId: "10", distinctTexts: 2 }, { exampleId: "9", distinctTexts: 2 }])).toEqual(["9", "10"]);
  });
});
