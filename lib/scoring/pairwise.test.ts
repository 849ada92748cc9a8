import { describe, expect, it } from "vitest";
import { compareHalves, meanOfRewards, pairWinRate, questionMeans, sortQuestionIds } from "./pairwise";

describe("question means", () => {
  it("averages rollouts, ignoring nulls; all null → null", () => {
    expect(meanOfRewards([1, 0, null, 0.5])).toBe(0.5);
    expect(meanOfRewards([null, null])).toBeNull();
    expect(meanOfRewards([NaN, 1])).toBe(1);
    expect(meanOfRewards([])).toBeNull();
  });

  it("sums exactly, so the order of rollouts never changes a digit", () => {
    const xs = [0.1, 0.7, 0.2, 1e-3, 0.3333333333333333, 0.9];
    const a = meanOfRewards(xs);
    const b = meanOfRewards([...xs].reverse());
    const c = meanOfRewards([xs[3], xs[0], xs[5], xs[1], xs[4], xs[2]]);
    expect(a).toBe(b);
    expect(a).toBe(c);
  });

  it("groups rows by question, ids sorted numerically", () => {
    const m = questionMeans([
      { exampleId: "10", reward: 1 },
      { exampleId: "2", reward: 0 },
      { exampleId: "10", reward: 0 },
      { exampleId: "2", reward: null },
      { exampleId: "3", reward: null },
    ]);
    expect([...m.keys()]).toEqual(["2", "3", "10"]);
    expect(m.get("10")).toBe(0.5);
    expect(m.get("2")).toBe(0);
    expect(m.get("3")).toBeNull();
  });

  it("sorts ids by code units when they are not all integers", () => {
    expect(sortQuestionIds(["b", "a10", "a2"])).toEqual(["a10", "a2", "b"]);
    expect(sortQuestionIds(["10", "9", "009"])).toEqual(["009", "9", "10"]);
  });
});

describe("pair outcome and win rate", () => {
  it("win / tie / loss in halves, −1 when neither has a value", () => {
    expect(compareHalves(1, 0)).toBe(2);
    expect(compareHalves(0, 1)).toBe(0);
    expect(compareHalves(0.5, 0.5 + 1e-10)).toBe(1);
    expect(compareHalves(null, null)).toBe(-1);
  });

  it("missing counts as −∞ (default) or as 0", () => {
    expect(compareHalves(null, 0)).toBe(0); // −∞ < 0
    expect(compareHalves(null, 0, "zero")).toBe(1); // 0 = 0
    expect(compareHalves(0.4, null, "zero")).toBe(2);
    expect(compareHalves(undefined, -0.5, "zero")).toBe(2);
  });

  it("spec test vector: wr(a,b) on dataset one = 2/3, wr(a,c) on dataset two = 0.5", () => {
    expect(pairWinRate([1, 0, 0.8], [0, 1, 0.6]).winRate).toBe(2 / 3);
    // q2: a missing → −∞ loses; q1 a wins; q3 tie → (1 + 0 + 0.5) / 3
    expect(pairWinRate([0.2, null, 0.5], [0.1, 0.3, 0.5])).toEqual({ winRate: 0.5, nUsed: 3 });
  });

  it("spec epsilon vector: a {0.1, 0.3} vs b {0, 0} with ε = 0.1 → 0.75 (q1 is a tie)", () => {
    expect(pairWinRate([0.1, 0.3], [0, 0], { epsilon: 0.1 }).winRate).toBe(0.75);
    expect(pairWinRate([0.1, 0.3], [0, 0]).winRate).toBe(1);
  });

  it("skips questions where neither has a value; none usable → null", () => {
    expect(pairWinRate([null, 1], [null, 0])).toEqual({ winRate: 1, nUsed: 1 });
    expect(pairWinRate([null], [null])).toEqual({ winRate: null, nUsed: 0 });
  });

  it("zero policy: a missing answer ties a zero and loses to anything above", () => {
    expect(pairWinRate([null, null], [0, 0.5], { missing: "zero" }).winRate).toBe(0.25);
    expect(pairWinRate([null, null], [0, 0.5]).winRate).toBe(0);
  });
});
