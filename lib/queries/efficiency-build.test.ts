/** buildEfficiency on hand-made board results: reasons for leaving a config out, weights, ladders. */
import { describe, expect, it } from "vitest";
import type { ConfigResult, DatasetResult } from "../scoring/types";
import { buildEfficiency, type BuildInput, type DatasetUsage } from "./efficiency-build";

const cfg = (config: string, weightedMean: number | null): ConfigResult => ({
  config, rank: null, weightedMean, simpleMean: weightedMean, nDatasets: 2, ci: weightedMean === null ? null : { lo: weightedMean - 0.1, hi: weightedMean + 0.1 },
  simpleCi: null, rankInterval: null, tieGroup: null,
});
const ds = (key: string, benchmark: string, weight: number): DatasetResult => ({ key, benchmark, nQuestions: 10, nUsed: 10, weight, configs: [] });
const use = (config: string, key: string, output: number | null, latency: number | null = null): DatasetUsage => ({
  config, key, output, total: output === null ? null : output + 10, latency, nQuestions: 10, nOutput: output === null ? 0 : 10, nTotal: 0, nLatency: 0,
});

const input = (over: Partial<BuildInput> = {}): BuildInput => ({
  board: "V",
  x: "output",
  result: {
    configs: [cfg("a-low", 0.4), cfg("a-high", 0.7), cfg("zero", 0.5), cfg("none", 0.6), cfg("noscore", null)],
    datasets: [ds("d1::base", "d1", 2), ds("d2::base", "d2", 1)],
    benchmarks: [
      { config: "a-low", benchmark: "d2", score: 0.25, ci: null, nDatasets: 1 },
      { config: "a-high", benchmark: "d2", score: 0.5, ci: { lo: 0.4, hi: 0.6 }, nDatasets: 1 },
    ],
    bootstrap: { replicates: 1000 },
  },
  synthetic: false,
  usage: [
    use("a-low", "d1::base", 100), use("a-low", "d2::base", 400),
    use("a-high", "d1::base", 1000), use("a-high", "d2::base", 4000),
    use("zero", "d1::base", 0), use("zero", "d2::base", 0),
    use("none", "d1::base", null),
    use("noscore", "d1::base", 10),
    use("a-low", "elsewhere::base", 1e9), // not on the board: ignored
  ],
  configInfo: new Map([
    ["a-low", { displayName: "A (low)", modelId: "a", modelName: "A", group: "open-weight", effort: "low" }],
    ["a-high", { displayName: "A (high)", modelId: "a", modelName: "A", group: "open-weight", effort: "high" }],
  ]),
  benchmark: null,
  benchmarks: [],
  ...over,
});

describe("buildEfficiency", () => {
  it("weights x like the board, lists configs it cannot plot with why, and joins efforts", () => {
    const r = buildEfficiency(input());
    // a-low: (100·2 + 400·1) / 3 = 200; a-high: (1000·2 + 4000·1) / 3 = 2000.
    expect(r.points.map((p) => [p.config, p.x])).toEqual([
      ["a-high", 2000],
      ["a-low", 200],
    ]);
    expect(r.frontier).toEqual(["a-low", "a-high"]);
    expect(r.unplotted.map((u) => [u.config, u.reason])).toEqual([
      ["none", "no-usage"],
      ["noscore", "no-score"],
      ["zero", "zero-usage"],
    ]);
    // Without catalog facts: the config name stands in, group unknown.
    expect(r.unplotted[0]).toMatchObject({ displayName: "none", modelId: "none", group: null, y: 0.6 });
    expect(r.ladders).toEqual([{ modelId: "a", configs: ["a-low", "a-high"] }]);
    expect(r.replicates).toBe(1000);
  });

  it("per benchmark: its datasets and scores only", () => {
    const r = buildEfficiency(input({ benchmark: { slug: "d2", name: "D2" }, x: "total" }));
    expect(r.datasets.map((d) => d.key)).toEqual(["d2::base"]);
    expect(r.points.map((p) => [p.config, p.x, p.y, p.yLo])).toEqual([
      ["a-high", 4010, 0.5, 0.4],
      ["a-low", 410, 0.25, null],
    ]);
    expect(r.unplotted).toEqual([]);
  });

  it("falls back to the simple mean when every weight is 0", () => {
    const base = input();
    const r = buildEfficiency({ ...base, result: { ...base.result, datasets: [ds("d1::base", "d1", 0), ds("d2::base", "d2", 0)] } });
    expect(r.points.find((p) => p.config === "a-low")!.x).toBe(250);
    expect(r.points.find((p) => p.config === "a-low")!.coverage).toBeNull();
  });
});
