import { describe, expect, it } from "vitest";
import { boardTokens, effortLadders, effortRank, meanPerQuestion, meanTokensPerQuestion, paretoFrontier } from "./efficiency";
import { weightOf } from "./stats";

describe("meanTokensPerQuestion", () => {
  it("averages rollouts per question first, then questions; no usage is left out, not 0", () => {
    // q1: (100 + 300)/2 = 200 · q2: 50 (null rollout skipped) · q3, q4: no usage → out · q5: 1000
    // → (200 + 50 + 1000)/3 = 416.67 (a pooled mean over rollouts would give 1450/4 = 362.5)
    const r = meanTokensPerQuestion([
      { exampleId: "q1", outputTokens: 100 },
      { exampleId: "q1", outputTokens: 300 },
      { exampleId: "q2", outputTokens: null },
      { exampleId: "q2", outputTokens: 50 },
      { exampleId: "q3", outputTokens: null },
      { exampleId: "q4", outputTokens: NaN },
      { exampleId: "q4", outputTokens: undefined },
      { exampleId: "q5", outputTokens: 1000 },
    ]);
    expect(r.mean).toBeCloseTo(1250 / 3, 12);
    expect(r).toMatchObject({ nQuestions: 3, nWithout: 2 });
  });

  it("null when no question has usage; empty input", () => {
    expect(meanTokensPerQuestion([{ exampleId: "1", outputTokens: null }])).toEqual({ mean: null, nQuestions: 0, nWithout: 1 });
    expect(meanTokensPerQuestion([])).toEqual({ mean: null, nQuestions: 0, nWithout: 0 });
  });

  it("meanPerQuestion works for any per-rollout value (latency)", () => {
    // q1: (1.5 + 2.5)/2 = 2 · q2: 5 → 3.5
    expect(
      meanPerQuestion([
        { exampleId: "q1", value: 1.5 },
        { exampleId: "q2", value: 5 },
        { exampleId: "q1", value: 2.5 },
      ]).mean,
    ).toBe(3.5);
  });
});

describe("boardTokens", () => {
  it("weighted mean over the board's datasets with usage, with coverage", () => {
    // used: a (w 2, 1000), b (w 1, 4000) → (2000 + 4000)/3 = 2000
    // c (no usage) and d (weight 0, absent) are missing; e is not on the board
    // coverage 2/4; weight coverage (2 + 1)/(2 + 1 + 1 + 0) = 3/4
    const r = boardTokens(
      [
        { key: "b", tokens: 4000 },
        { key: "a", tokens: 1000 },
        { key: "c", tokens: null },
        { key: "e", tokens: 50 },
      ],
      { a: 2, b: 1, c: 1, d: 0 },
    );
    expect(r).toEqual({
      tokens: 2000,
      nDatasets: 2,
      nBoard: 4,
      coverage: 0.5,
      weightCoverage: 0.75,
      missing: ["c", "d"],
      notOnBoard: ["e"],
    });
  });

  it("uses ln(n_questions) weights as the win rate does (map or the board's { key, weight } list)", () => {
    // w = ln 100 = 2·ln 10 and ln 10: (2·ln10·1000 + ln10·4000)/(3·ln10) = 6000/3 = 2000
    const weights = [
      { key: "medqa::base", weight: weightOf(100, "ln") },
      { key: "pubmedqa::base", weight: weightOf(10, "ln") },
    ];
    const tokens = [
      { key: "medqa::base", tokens: 1000 },
      { key: "pubmedqa::base", tokens: 4000 },
    ];
    expect(boardTokens(tokens, weights).tokens).toBeCloseTo(2000, 9);
    expect(boardTokens(tokens, new Map(weights.map((w) => [w.key, w.weight]))).tokens).toBeCloseTo(2000, 9);
    // equal weights would give 2500: the weights matter
    expect(boardTokens(tokens, { "medqa::base": 1, "pubmedqa::base": 1 }).tokens).toBe(2500);
  });

  it("when the used datasets all weigh 0: their simple mean (the win rate's rule)", () => {
    // a (w 0, 100), b (w 0, 300) → (100 + 300)/2 = 200; weight coverage 0/5 = 0
    const r = boardTokens(
      [
        { key: "a", tokens: 100 },
        { key: "b", tokens: 300 },
      ],
      { a: 0, b: 0, c: 5 },
    );
    expect(r).toMatchObject({ tokens: 200, nDatasets: 2, coverage: 2 / 3, weightCoverage: 0, missing: ["c"] });
  });

  it("no usage at all, and an empty board", () => {
    expect(boardTokens([{ key: "a", tokens: null }], { a: 1 })).toMatchObject({ tokens: null, nDatasets: 0, coverage: 0, weightCoverage: 0 });
    expect(boardTokens([], {})).toMatchObject({ tokens: null, nBoard: 0, coverage: null, weightCoverage: null });
  });
});

describe("paretoFrontier", () => {
  it("lower x and higher y are better; ties; unplottable points listed", () => {
    const r = paretoFrontier([
      { id: "p1", x: 100, y: 0.5 },
      { id: "p2", x: 200, y: 0.7 },
      { id: "p3", x: 150, y: 0.4 }, // dominated by p1 (cheaper and better)
      { id: "p4", x: 200, y: 0.6 }, // same x as p2, lower y → dominated
      { id: "p5", x: 300, y: 0.7 }, // same y as p2, higher x → dominated
      { id: "p6", x: 400, y: 0.9 },
      { id: "p7", x: 200, y: 0.7 }, // identical to p2: neither dominates → both on
      { id: "p8", x: null, y: 0.8 },
      { id: "p9", x: 0, y: 0.8 },
      { id: "p10", x: 50, y: null },
      { id: "p11", x: -5, y: 0.3 },
      { id: "p12", x: Infinity, y: 1 },
      { id: "p13", x: 50, y: 0.1 }, // cheapest → on, however poor
    ]);
    // by x: p13 (50) · p1 (100) · p2, p7 (200, 0.7 > 0.5) · p6 (400, 0.9 > 0.7)
    expect(r.frontier).toEqual(["p13", "p1", "p2", "p7", "p6"]);
    expect(r.excluded).toEqual([
      { id: "p8", reason: "missing-x" },
      { id: "p9", reason: "non-positive-x" },
      { id: "p10", reason: "missing-y" },
      { id: "p11", reason: "non-positive-x" },
      { id: "p12", reason: "non-positive-x" },
    ]);
  });

  it("one point, no points, and input order does not matter", () => {
    expect(paretoFrontier([{ id: "a", x: 1, y: 0 }]).frontier).toEqual(["a"]);
    expect(paretoFrontier([])).toEqual({ frontier: [], excluded: [] });
    const pts = [
      { id: "c", x: 3, y: 0.9 },
      { id: "a", x: 1, y: 0.2 },
      { id: "b", x: 2, y: 0.2 }, // same y as a, costlier → off
    ];
    expect(paretoFrontier(pts).frontier).toEqual(["a", "c"]);
    expect(paretoFrontier([...pts].reverse()).frontier).toEqual(["a", "c"]);
  });
});

describe("effortLadders", () => {
  it("ranks efforts none < minimal < low < medium < high < xhigh < unknown < unset", () => {
    expect(["none", "minimal", "low", "medium", "high", "xhigh"].map(effortRank)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(effortRank("X-High")).toBe(5);
    expect(effortRank(" Medium ")).toBe(3);
    expect(effortRank("turbo")).toBe(6);
    expect(effortRank(null)).toBe(7);
  });

  it("groups configs of one model, ordered by effort, ties by id; single configs are no ladder", () => {
    const pts = [
      { id: "gpt-oss-20b-high", modelId: "openai/gpt-oss-20b", effort: "high" },
      { id: "gpt-oss-20b-low", modelId: "openai/gpt-oss-20b", effort: "low" },
      { id: "gpt-oss-20b-medium", modelId: "openai/gpt-oss-20b", effort: "Medium" },
      { id: "gpt-oss-20b-high-b", modelId: "openai/gpt-oss-20b", effort: "high" },
      { id: "gpt-5", modelId: "openai/gpt-5", effort: null },
      { id: "gpt-5-xhigh", modelId: "openai/gpt-5", effort: "x-high" },
      { id: "gpt-5-turbo", modelId: "openai/gpt-5", effort: "turbo" },
      { id: "gpt-5-minimal", modelId: "openai/gpt-5", effort: "minimal" },
      { id: "gpt-5-none", modelId: "openai/gpt-5", effort: "none" },
      { id: "grok-4", modelId: "x-ai/grok-4", effort: null },
    ];
    const ladders = effortLadders(pts);
    expect(ladders.map((l) => [l.modelId, l.steps.map((s) => s.id)])).toEqual([
      ["openai/gpt-5", ["gpt-5-none", "gpt-5-minimal", "gpt-5-xhigh", "gpt-5-turbo", "gpt-5"]],
      ["openai/gpt-oss-20b", ["gpt-oss-20b-low", "gpt-oss-20b-medium", "gpt-oss-20b-high", "gpt-oss-20b-high-b"]],
    ]);
    // the points come back as given (charts keep their x, y)
    expect(ladders[1].steps[0]).toBe(pts[1]);
    expect(effortLadders(pts, { minSize: 1 }).map((l) => l.modelId)).toEqual(["openai/gpt-5", "openai/gpt-oss-20b", "x-ai/grok-4"]);
  });
});
