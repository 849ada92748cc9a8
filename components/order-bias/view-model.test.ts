import { describe, expect, it } from "vitest";

import type { OrderBiasView } from "@/lib/queries/order-bias-types";

import { datasetLabel, heatmapModel, sensitivityPoints, shuffleSeeds } from "./view-model";

const view = {
  benchmarks: [
    { slug: "medqa", name: "MedQA", datasets: ["medqa::base"], note: null },
    { slug: "longhealth", name: "LongHealth", datasets: ["longhealth::task1"], note: "documents too" },
  ],
  datasets: [
    { benchmark: "medqa", foldedKey: "medqa::base", subtask: "", orderSeeds: [1618, 9331], nConfigs: 2 },
    { benchmark: "longhealth", foldedKey: "longhealth::task1", subtask: "task1", orderSeeds: [1618], nConfigs: 1 },
  ],
  configs: [
    { config: "a", displayName: "A", group: null, boardRank: 1, sensitivityRank: 2, sensitivity: 0.01, meanDelta: -0.01, flipRate: 0.1, anyFlipRate: 0.1, consistency: 0.9, nDatasets: 1, nCells: 2 },
    { config: "b", displayName: "B", group: "medical", boardRank: 2, sensitivityRank: 1, sensitivity: 0.05, meanDelta: 0.05, flipRate: 0.2, anyFlipRate: 0.3, consistency: 0.7, nDatasets: 2, nCells: 2 },
  ],
  heatmap: [
    { config: "a", benchmark: "medqa", value: -0.012, parts: [{ foldedKey: "medqa::base", orderSeed: 1618, delta: -0.012, normalCi: { lo: -0.03, hi: 0.006 }, nPaired: 1273 }], excludesZero: false, why: null },
    { config: "a", benchmark: "longhealth", value: null, parts: [], excludesZero: false, why: "no shuffled run" },
    { config: "b", benchmark: "medqa", value: 0.05, parts: [{ foldedKey: "medqa::base", orderSeed: 9331, delta: 0.05, normalCi: { lo: 0.01, hi: 0.09 }, nPaired: 1273 }], excludesZero: true, why: null },
  ],
} as unknown as OrderBiasView;

describe("order-bias view model", () => {
  it("labels datasets by benchmark and subtask", () => {
    expect(datasetLabel(view, "medqa", "medqa::base")).toBe("MedQA");
    expect(datasetLabel(view, "longhealth", "longhealth::task1")).toBe("LongHealth · task1");
    expect(shuffleSeeds(view)).toEqual([1618, 9331]);
  });

  it("builds the heatmap matrix with hover texts and the scale", () => {
    const m = heatmapModel(view);
    expect(m.rows.map((r) => r.config)).toEqual(["a", "b"]);
    expect(m.columns.map((c) => [c.slug, c.note])).toEqual([["medqa", null], ["longhealth", "documents too"]]);
    expect(m.cells[0][0]).toEqual({
      value: -0.012,
      title: "A · MedQA: mean change −1.2 pp\nshuffle 1618 − original: −1.2 pp (95% CI −3.0 to 0.6), n = 1,273",
      mark: false,
    });
    expect(m.cells[0][1]).toEqual({ value: null, title: "A · LongHealth: no shuffled run", mark: false });
    expect(m.cells[1][1]).toEqual({ value: null, title: "B · LongHealth: not run", mark: false });
    expect(m.cells[1][0].mark).toBe(true);
    expect(m.limit).toBe(0.05);
  });

  it("lists the ranking chart's points by sensitivity rank", () => {
    expect(sensitivityPoints(view).map((p) => [p.config, p.rank])).toEqual([["b", 1], ["a", 2]]);
    expect(sensitivityPoints(view, 1)).toHaveLength(1);
  });
});
