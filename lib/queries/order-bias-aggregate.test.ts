import { describe, expect, it } from "vitest";
import { benchmarkNote, FlippedLists, heatCell, LONGHEALTH_NOTE, poolPositions, rankBySensitivity } from "./order-bias-aggregate";
import type { OrderBiasCell, OrderBiasConfigRow } from "./order-bias-types";

const row = (config: string, sensitivity: number | null): OrderBiasConfigRow => ({
  config, displayName: config, group: null, boardRank: null, sensitivityRank: null, sensitivity, meanDelta: null,
  flipRate: null, anyFlipRate: null, consistency: null, nDatasets: 0, nCells: 0,
});

const q = (exampleId: string, texts: (string | null)[]) => ({
  exampleId,
  texts: texts.map((text, i) => ({ orderSeed: [null, 1618, 9331][i] as number | null, text })),
  distinctTexts: new Set(texts.filter((t) => t !== null)).size,
});

describe("order-bias aggregation", () => {
  it("ranks by sensitivity; equal values share a rank, listed in board order; none = unranked", () => {
    const rows = [row("a", 0.01), row("b", 0.03), row("c", null), row("d", 0.03)];
    expect(rankBySensitivity([...rows]).map((r) => [r.config, r.sensitivityRank])).toEqual([["b", 1], ["d", 1], ["a", 3]]);
    expect(rows[2].sensitivityRank).toBeNull();
  });

  it("pools positions weighting each dataset by its items", () => {
    const cell = (positions: OrderBiasCell["positions"]) => ({ positions }) as OrderBiasCell;
    const pooled = poolPositions([
      cell([{ position: "A", n: 10, rateChosen: 0.5, rateCorrect: 0.3, preference: 0.2 }, { position: "B", n: 10, rateChosen: 0.5, rateCorrect: 0.7, preference: -0.2 }]),
      cell([{ position: "A", n: 30, rateChosen: 0.3, rateCorrect: 0.3, preference: 0 }, { position: "C", n: 30, rateChosen: 0.2, rateCorrect: 0.4, preference: -0.2 }]),
    ]);
    expect(pooled.map((p) => [p.position, p.n])).toEqual([["A", 40], ["B", 10], ["C", 30]]);
    expect(pooled[0].rateChosen).toBeCloseTo(14 / 40, 12);
    expect(pooled[0].preference).toBeCloseTo(14 / 40 - 12 / 40, 12);
  });

  it("says why a heatmap cell is empty", () => {
    expect(heatCell("a", "medqa", [])).toMatchObject({ value: null, why: "not run", parts: [] });
    const noShuffle = { meanDelta: null, missing: "no shuffled run", shuffles: [] } as unknown as OrderBiasCell;
    expect(heatCell("a", "medqa", [noShuffle]).why).toBe("no shuffled run");
  });

  it("notes LongHealth and any document reshuffle", () => {
    expect(benchmarkNote("longhealth", false)).toBe(LONGHEALTH_NOTE);
    expect(benchmarkNote("medqa", false)).toBeNull();
    expect(benchmarkNote("other", true)).toMatch(/doc_shuffle_seed/);
  });

  it("keeps the most flipped questions across groups, within the limit", () => {
    const lists = new FlippedLists("demo", new Map([["x", 0], ["y", 1]]), 2);
    lists.addGroup("medqa", "medqa::base", [
      { config: "x", questions: [q("1", ["a", "b", "a"]), q("2", ["a", "a", "a"]), q("10", ["a", "b", "c"])] },
      { config: "y", questions: [q("1", ["a", "b", "b"]), q("2", ["a", null, null]), q("10", ["a", "a", "a"])] },
    ]);
    lists.addGroup("pubmedqa", "pubmedqa::base", [
      { config: "y", questions: [q("7", ["yes", "no", "maybe"])] },
    ]);
    const r = lists.result(["x", "y", "z"]);
    // Overall: medqa 1 (flipped by 2), then medqa 10 and pubmedqa 7 by 1 with all different; medqa 10 has share 1/2, pubmedqa 7 1/1.
    expect(r.overall.map((o) => [o.benchmark, o.exampleId, o.flippedBy, o.answeredBy, o.topConfig])).toEqual([
      ["medqa", "1", 2, 2, "x"],
      ["pubmedqa", "7", 1, 1, "y"],
    ]);
    expect(r.overall[0].href).toBe("/benchmarks/medqa/questions/1?set=medqa%3A%3Abase&config=x&data=demo");
    expect(r.byConfig.x.map((f) => [f.exampleId, f.distinctTexts, f.flippedBy])).toEqual([["10", 3, 1], ["1", 2, 2]]);
    expect(r.byConfig.y.map((f) => f.exampleId)).toEqual(["7", "1"]);
    expect(r.byConfig.z).toEqual([]);
  });
});
