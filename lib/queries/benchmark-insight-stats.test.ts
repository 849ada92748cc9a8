/** Pure helpers of the benchmark insight: binning, thirds, discrimination, ordering, excerpts. */
import { describe, expect, it } from "vitest";
import { binIndex, compareExampleIds, compareQuestions, discrimination, histogram, questionExcerpt, rankThirds } from "./benchmark-insight-stats";

describe("histogram", () => {
  it("has 20 equal bins on [0, 1], 1.0 in the last one", () => {
    const h = histogram([0, 0.049, 0.05, 0.5, 0.999, 1]);
    expect(h).toHaveLength(20);
    expect(h[0]).toEqual({ lo: 0, hi: 0.05, count: 2 });
    expect(h[1].count).toBe(1);
    expect(h[10].count).toBe(1);
    expect(h[19]).toEqual({ lo: 0.95, hi: 1, count: 2 });
    expect(h.reduce((n, b) => n + b.count, 0)).toBe(6);
  });

  it("puts values a float error below an edge in the upper bin, clamps outliers and skips non-finite", () => {
    expect(binIndex(0.1 + 0.2 + 0.3)).toBe(12); // 0.6000000000000001
    expect(binIndex((0.1 * 3 + 0.3) / 1)).toBe(12);
    expect(binIndex(0.59999999999999998)).toBe(12);
    expect(binIndex(0.15)).toBe(3);
    expect(binIndex(-0.2)).toBe(0);
    expect(binIndex(1.5)).toBe(19);
    expect(histogram([Number.NaN, Infinity]).every((b) => b.count === 0)).toBe(true);
    expect(histogram([0.3], 4).map((b) => b.count)).toEqual([0, 1, 0, 0]);
  });
});

describe("rankThirds", () => {
  it("takes ⌊n/3⌋ from each end, never overlapping; none below 3", () => {
    expect(rankThirds(["a", "b"])).toBeNull();
    expect(rankThirds(["a", "b", "c"])).toEqual({ top: ["a"], bottom: ["c"] });
    expect(rankThirds(["a", "b", "c", "d", "e"])).toEqual({ top: ["a"], bottom: ["e"] });
    expect(rankThirds(["a", "b", "c", "d", "e", "f", "g"])).toEqual({ top: ["a", "b"], bottom: ["f", "g"] });
  });
});

describe("discrimination", () => {
  it("is the top-third mean minus the bottom-third mean", () => {
    expect(discrimination(1, 0)).toBe(1);
    expect(discrimination(0.25, 0.75)).toBe(-0.5);
    expect(discrimination(0.5, 0.5)).toBe(0);
    expect(discrimination(null, 0.5)).toBeNull();
    expect(discrimination(0.5, undefined)).toBeNull();
  });
});

describe("question order", () => {
  it("orders numeric ids by value, before text ids, within a folded key", () => {
    expect(["10", "2", "b", "a", "1"].sort(compareExampleIds)).toEqual(["1", "2", "10", "a", "b"]);
    expect(compareQuestions({ foldedKey: "x::a", exampleId: "9" }, { foldedKey: "x::b", exampleId: "1" })).toBeLessThan(0);
    expect(compareQuestions({ foldedKey: "x::a", exampleId: "9" }, { foldedKey: "x::a", exampleId: "10" })).toBeLessThan(0);
  });
});

describe("questionExcerpt", () => {
  it("takes the last user message as one line of plain text", () => {
    const prompt = [
      { role: "system", content: "You are a clinician." },
      { role: "user", content: "Earlier turn" },
      { role: "assistant", content: "..." },
      { role: "user", content: "A 45-year-old\n\nman   presents <b>with</b>\tchest pain." },
    ];
    expect(questionExcerpt(prompt)).toBe("A 45-year-old man presents <b>with</b> chest pain.");
  });

  it("reads content parts and plain-string prompts", () => {
    expect(questionExcerpt([{ role: "user", content: [{ type: "text", text: "Part one" }, { type: "image_url" }, { type: "text", text: "part two" }] }])).toBe("Part one part two");
    expect(questionExcerpt("  Just a string prompt ")).toBe("Just a string prompt");
  });

  it("cuts at 140 characters with an ellipsis, and is null without user text", () => {
    const long = "word ".repeat(60);
    const out = questionExcerpt([{ role: "user", content: long }])!;
    expect(Array.from(out)).toHaveLength(140);
    expect(out.endsWith("…")).toBe(true);
    expect(questionExcerpt([{ role: "system", content: "x" }])).toBeNull();
    expect(questionExcerpt(null)).toBeNull();
    expect(questionExcerpt([{ role: "user", content: " \n " }])).toBeNull();
  });
});
