import { afterEach, describe, expect, it } from "vitest";
import { buildBoardInput, datasetFromMatrix } from "./input";
import { toMedmarksJson } from "./medmarks-json";
import { createRng, shuffle } from "./prng";
import { resolveSettings, scoreBoard, setWasmKernel } from "./score";
import { randomRows, referenceWinrate } from "./test-reference";
import type { BoardResult, RewardRow, ScoringSettings } from "./types";

const NO_BOOT = { bootstrap: null };

/** Rows for one config on one dataset: q1, q2, … with one reward each (null = a row without reward). */
function rowsOf(config: string, key: string, rewards: (number | null)[], opts: { folded?: string; benchmark?: string; ids?: string[] } = {}): RewardRow[] {
  return rewards.map((reward, i) => ({
    config,
    separateKey: key,
    foldedKey: opts.folded ?? key,
    benchmark: opts.benchmark ?? key.split("::")[0],
    exampleId: opts.ids?.[i] ?? `q${i + 1}`,
    reward,
  }));
}

const wrOf = (r: BoardResult, config: string, opponent: string, dataset: string) =>
  r.headToHead.find((h) => h.config === config && h.opponent === opponent)?.perDataset[dataset];
const cfg = (r: BoardResult, config: string) => r.configs.find((c) => c.config === config)!;
const cell = (r: BoardResult, config: string, dataset: string) => r.cells.find((c) => c.config === config && c.dataset === dataset)!;

// The spec's test vector (§3)
const SPEC_ROWS: RewardRow[] = [
  ...rowsOf("a", "dataset_one::base", [1, 0, 0.8]),
  ...rowsOf("b", "dataset_one::base", [0, 1, 0.6]),
  ...rowsOf("a", "dataset_two::base", [0.2, null, 0.5]),
  ...rowsOf("c", "dataset_two::base", [0.1, 0.3, 0.5]),
];

afterEach(() => setWasmKernel(true));

describe("spec test vectors", () => {
  const input = buildBoardInput(SPEC_ROWS, "separate");

  it("per-model coverage: a 0.58333 = (2/3 + 1/2)/2, b 1/3, c 0.5", () => {
    const r = scoreBoard(input, { coverage: "per-model", ...NO_BOOT });
    expect(cfg(r, "a").simpleMean).toBe((2 / 3 + 1 / 2) / 2);
    expect(cfg(r, "a").weightedMean).toBeCloseTo(0.5833333333333333, 15); // equal weights ln 3: Σvw/Σw
    expect(cfg(r, "b").simpleMean).toBe(1 - 2 / 3); // Medmarks: wr(b, a) = 1 − wr(a, b)
    expect(cfg(r, "b").simpleMean).toBeCloseTo(1 / 3, 15);
    expect(cfg(r, "c").simpleMean).toBe(0.5);
    expect(cfg(r, "a").nDatasets).toBe(2);
    expect(cfg(r, "b").nDatasets).toBe(1);
    expect(r.configs.map((c) => c.config)).toEqual(["a", "c", "b"]);
    expect(r.configs.map((c) => c.rank)).toEqual([1, 2, 3]);
  });

  it("wr(a,b) on one = 2/3, wr(a,c) on two = 0.5", () => {
    const r = scoreBoard(input, { coverage: "per-model", ...NO_BOOT });
    expect(wrOf(r, "a", "b", "dataset_one::base")).toBe(2 / 3);
    expect(wrOf(r, "a", "c", "dataset_two::base")).toBe(0.5);
    expect(wrOf(r, "c", "a", "dataset_two::base")).toBe(0.5);
  });

  it("average rewards: a 0.6 / 0.35, b 0.5333, c 0.3 (nulls excluded)", () => {
    const r = scoreBoard(input, { coverage: "per-model", ...NO_BOOT });
    expect(cell(r, "a", "dataset_one::base").avgReward).toBeCloseTo(0.6, 15);
    expect(cell(r, "a", "dataset_two::base").avgReward).toBeCloseTo(0.35, 15);
    expect(cell(r, "a", "dataset_two::base").nAnswered).toBe(2);
    expect(cell(r, "b", "dataset_one::base").avgReward).toBeCloseTo(1.6 / 3, 15);
    expect(cell(r, "c", "dataset_two::base").avgReward).toBeCloseTo(0.3, 15);
  });

  it("the Medmarks JSON of the vector", () => {
    const j = toMedmarksJson(scoreBoard(input, { coverage: "per-model", ...NO_BOOT }));
    expect(Object.keys(j.models)).toEqual(["a", "b", "c"]);
    expect(j.models.a.mean_winrate).toEqual({ simple_mean: (2 / 3 + 0.5) / 2, weighted_mean: j.models.a.mean_winrate.weighted_mean, n_datasets: 2 });
    expect(j.models.a.vs.b).toEqual({ mean_winrate: { simple_mean: 2 / 3, weighted_mean: 2 / 3 }, per_dataset: { "dataset_one::base": 2 / 3 }, n_datasets: 1 });
    expect(Object.keys(j.models.a.vs)).toEqual(["b", "c"]);
    expect(j.models.c.avg_reward_per_dataset).toEqual({ "dataset_two::base": j.datasets["dataset_two::base"].avg_reward_per_model.c });
    expect(j.datasets["dataset_one::base"].n_questions).toBe(3);
    expect(Object.keys(j.datasets["dataset_two::base"].avg_reward_per_model)).toEqual(["a", "c"]);
  });

  it("all-models coverage drops every dataset some config lacks, and says who lacks it", () => {
    const r = scoreBoard(input, NO_BOOT);
    expect(r.datasets).toEqual([]);
    expect(r.dropped).toEqual([
      { dataset: "dataset_one::base", benchmark: "dataset_one", missing: ["c"] },
      { dataset: "dataset_two::base", benchmark: "dataset_two", missing: ["b"] },
    ]);
    expect(r.warnings.join(" ")).toMatch(/no dataset has every configuration/);
    expect(r.configs.every((c) => c.weightedMean === null && c.rank === null)).toBe(true);
  });

  it("epsilon vector: a {0.1, 0.3} vs b {0, 0} with ε = 0.1 → 0.75", () => {
    const rows = [...rowsOf("a", "e::base", [0.1, 0.3]), ...rowsOf("b", "e::base", [0, 0])];
    const inp = buildBoardInput(rows, "folded");
    expect(wrOf(scoreBoard(inp, { epsilon: 0.1, ...NO_BOOT }), "a", "b", "e::base")).toBe(0.75);
    expect(wrOf(scoreBoard(inp, NO_BOOT), "a", "b", "e::base")).toBe(1);
  });
});

describe("weights", () => {
  // x: 4 questions, a beats b on 3 → wr(a,b) = 0.75; y: 9 questions, a beats b on 3 → 1/3
  const rows = [
    ...rowsOf("a", "x::base", [1, 1, 1, 0]),
    ...rowsOf("b", "x::base", [0, 0, 0, 1]),
    ...rowsOf("a", "y::base", [1, 1, 1, 0, 0, 0, 0, 0, 0]),
    ...rowsOf("b", "y::base", [0, 0, 0, 1, 1, 1, 1, 1, 1]),
  ];
  const input = buildBoardInput(rows, "folded");
  const expectWeighted = (s: Partial<ScoringSettings>, wx: number, wy: number) => {
    const r = scoreBoard(input, { ...s, ...NO_BOOT });
    expect(cfg(r, "a").weightedMean).toBeCloseTo((0.75 * wx + (1 / 3) * wy) / (wx + wy), 14);
    expect(cfg(r, "a").simpleMean).toBeCloseTo((0.75 + 1 / 3) / 2, 15);
    const h = r.headToHead.find((x) => x.config === "a" && x.opponent === "b")!;
    expect(h.weightedMean).toBeCloseTo((0.75 * wx + (1 / 3) * wy) / (wx + wy), 14); // same weights head-to-head
    return r;
  };

  it("ln (default), sqrt, equal, cap", () => {
    expectWeighted({}, Math.log(4), Math.log(9));
    expectWeighted({ weights: "sqrt" }, 2, 3);
    expectWeighted({ weights: "equal" }, 1, 1);
    expectWeighted({ weights: "cap", cap: 5 }, 4, 5);
    expect(() => resolveSettings({ weights: "cap" })).toThrow(/cap/);
  });

  it("dataset weights are reported", () => {
    const r = scoreBoard(input, NO_BOOT);
    expect(r.datasets.map((d) => [d.key, d.nQuestions, d.weight])).toEqual([
      ["x::base", 4, Math.log(4)],
      ["y::base", 9, Math.log(9)],
    ]);
  });

  it("every weight 0 (ln of one-question datasets) → the simple mean", () => {
    const one = buildBoardInput(
      [...rowsOf("a", "p::base", [1]), ...rowsOf("b", "p::base", [0]), ...rowsOf("a", "q::base", [0.5]), ...rowsOf("b", "q::base", [0.5])],
      "folded",
    );
    const r = scoreBoard(one, NO_BOOT);
    expect(r.datasets.map((d) => d.weight)).toEqual([0, 0]);
    expect(cfg(r, "a").weightedMean).toBe(0.75);
    expect(cfg(r, "a").simpleMean).toBe(0.75);
  });
});

describe("coverage, filters, folding, missing values", () => {
  it("all-models drops a dataset one config lacks; per-model keeps it for those who have it", () => {
    const rows = [
      ...rowsOf("a", "x::base", [1, 0]),
      ...rowsOf("b", "x::base", [0, 0]),
      ...rowsOf("c", "x::base", [1, 1]),
      ...rowsOf("a", "y::base", [1, 1, 1]),
      ...rowsOf("b", "y::base", [0, 0, 0]),
    ];
    const input = buildBoardInput(rows, "folded");
    const all = scoreBoard(input, NO_BOOT);
    expect(all.datasets.map((d) => d.key)).toEqual(["x::base"]);
    expect(all.dropped).toEqual([{ dataset: "y::base", benchmark: "y", missing: ["c"] }]);
    expect(cfg(all, "a").nDatasets).toBe(1);
    const per = scoreBoard(input, { coverage: "per-model", ...NO_BOOT });
    expect(per.dropped).toEqual([]);
    expect(cfg(per, "a").nDatasets).toBe(2);
    expect(cfg(per, "c").nDatasets).toBe(1);
    // excluding c brings y back under all-models
    const noC = scoreBoard(input, { excludeConfigs: ["c"], ...NO_BOOT });
    expect(noC.datasets.map((d) => d.key)).toEqual(["x::base", "y::base"]);
    expect(noC.configs.map((c) => c.config)).toEqual(["a", "b"]);
  });

  it("a run with missing questions still counts as present (its missing questions lose)", () => {
    const rows = [...rowsOf("a", "x::base", [0, 0, 0], { ids: ["1", "2", "3"] }), ...rowsOf("b", "x::base", [0], { ids: ["1"] })];
    const r = scoreBoard(buildBoardInput(rows, "folded"), NO_BOOT);
    expect(r.dropped).toEqual([]);
    expect(wrOf(r, "a", "b", "x::base")).toBe((0.5 + 1 + 1) / 3);
    expect(cell(r, "b", "x::base").nAnswered).toBe(1);
  });

  it("missing policy: −∞ (default) vs 0", () => {
    // q1: a 0 vs b null; q2: a 0.5 vs b null; q3: a null vs b 0
    const rows = [...rowsOf("a", "x::base", [0, 0.5, null]), ...rowsOf("b", "x::base", [null, null, 0])];
    const input = buildBoardInput(rows, "folded");
    expect(wrOf(scoreBoard(input, NO_BOOT), "a", "b", "x::base")).toBe(2 / 3); // win, win, loss
    expect(wrOf(scoreBoard(input, { missing: "zero", ...NO_BOOT }), "a", "b", "x::base")).toBe(2 / 3); // tie, win, tie
    const r = scoreBoard(buildBoardInput([...rowsOf("a", "x::base", [0, 0.2]), ...rowsOf("b", "x::base", [null, 0.1])], "folded"), { missing: "zero", ...NO_BOOT });
    expect(wrOf(r, "a", "b", "x::base")).toBe(0.75);
  });

  it("include / exclude configurations and datasets (by key, env or benchmark)", () => {
    const rows = [
      ...rowsOf("a", "medqa::base", [1, 0]),
      ...rowsOf("b", "medqa::base", [0, 0]),
      ...rowsOf("c", "medqa::base", [1, 1]),
      ...rowsOf("a", "longhealth::task1", [1]),
      ...rowsOf("b", "longhealth::task1", [0]),
      ...rowsOf("c", "longhealth::task1", [0]),
      ...rowsOf("a", "mtsamples_procedures::base", [1], { benchmark: "mtsamples" }),
      ...rowsOf("b", "mtsamples_procedures::base", [1], { benchmark: "mtsamples" }),
      ...rowsOf("c", "mtsamples_procedures::base", [1], { benchmark: "mtsamples" }),
    ];
    const input = buildBoardInput(rows, "folded");
    const keys = (s: Partial<ScoringSettings>) => scoreBoard(input, { ...s, ...NO_BOOT }).datasets.map((d) => d.key);
    expect(keys({})).toEqual(["longhealth::task1", "medqa::base", "mtsamples_procedures::base"]);
    expect(keys({ excludeDatasets: ["medqa"] })).toEqual(["longhealth::task1", "mtsamples_procedures::base"]);
    expect(keys({ excludeDatasets: ["longhealth::task1", "mtsamples"] })).toEqual(["medqa::base"]);
    expect(keys({ includeDatasets: ["mtsamples", "medqa::base"] })).toEqual(["medqa::base", "mtsamples_procedures::base"]);
    const r = scoreBoard(input, { includeConfigs: ["a", "c", "zz"], ...NO_BOOT });
    expect(r.configs.map((c) => c.config).sort()).toEqual(["a", "c"]);
    expect(r.headToHead.map((h) => `${h.config}>${h.opponent}`)).toEqual(["a>c", "c>a"]);
    expect(r.warnings).toContain("unknown configuration in includeConfigs: zz");
    expect(scoreBoard(input, { includeConfigs: ["a", "b"], excludeConfigs: ["b"], ...NO_BOOT }).configs.map((c) => c.config)).toEqual(["a"]);
    expect(scoreBoard(input, { excludeDatasets: ["nope"], ...NO_BOOT }).warnings).toContain("excludeDatasets matches no dataset: nope");
  });

  it("answer orders folded as rollouts (default) or kept as separate datasets", () => {
    const rows: RewardRow[] = [
      ...rowsOf("a", "medqa::base", [1, 1], { folded: "medqa::base" }),
      ...rowsOf("a", "medqa::shuffle_seed-1618", [0, 1], { folded: "medqa::base", benchmark: "medqa" }),
      ...rowsOf("a", "medqa::shuffle_seed-9331", [0, 1, 1], { folded: "medqa::base", benchmark: "medqa" }),
      ...rowsOf("b", "medqa::base", [0, 1], { folded: "medqa::base" }),
      ...rowsOf("b", "medqa::shuffle_seed-1618", [1, 1], { folded: "medqa::base", benchmark: "medqa" }),
      ...rowsOf("b", "medqa::shuffle_seed-9331", [0, 0, 0], { folded: "medqa::base", benchmark: "medqa" }),
    ];
    const folded = scoreBoard(buildBoardInput(rows, "folded"), NO_BOOT);
    expect(folded.datasets.map((d) => [d.key, d.nQuestions])).toEqual([["medqa::base", 3]]);
    // a: q1 (1+0+0)/3, q2 1, q3 1 ; b: q1 (0+1+0)/3, q2 2/3, q3 0
    expect(cell(folded, "a", "medqa::base").avgReward).toBeCloseTo((1 / 3 + 1 + 1) / 3, 15);
    expect(wrOf(folded, "a", "b", "medqa::base")).toBe((1 + 2 + 2) / 2 / 3); // tie, win, win
    const sep = scoreBoard(buildBoardInput(rows, "separate"), NO_BOOT);
    expect(sep.datasets.map((d) => [d.key, d.nQuestions])).toEqual([
      ["medqa::base", 2],
      ["medqa::shuffle_seed-1618", 2],
      ["medqa::shuffle_seed-9331", 3],
    ]);
    expect(wrOf(sep, "a", "b", "medqa::base")).toBe(0.75);
    expect(wrOf(sep, "a", "b", "medqa::shuffle_seed-1618")).toBe(0.25);
    // the benchmark score is the mean of its datasets' average rewards
    const bs = sep.benchmarks.find((b) => b.config === "a" && b.benchmark === "medqa")!;
    expect(bs.nDatasets).toBe(3);
    expect(bs.score).toBeCloseTo((1 + 0.5 + 2 / 3) / 3, 15);
  });
});

describe("head-to-head, hand computed", () => {
  it("per dataset and aggregated with the same weights", () => {
    // d1 (2 q): a vs b: win, tie → 0.75 ; a vs c: loss, loss → 0
    // d2 (4 q): a vs b: win, win, loss, tie → 0.625 ; no c
    // d3 (8 q): a vs b: 8 wins → 1 ; a vs c: 4 wins, 4 ties → 0.75
    const rows = [
      ...rowsOf("a", "d1::base", [1, 0.5]),
      ...rowsOf("b", "d1::base", [0, 0.5]),
      ...rowsOf("c", "d1::base", [2, 2]),
      ...rowsOf("a", "d2::base", [1, 1, 0, 0.3]),
      ...rowsOf("b", "d2::base", [0, 0, 1, 0.3]),
      ...rowsOf("a", "d3::base", [1, 1, 1, 1, 1, 1, 1, 1]),
      ...rowsOf("b", "d3::base", [0, 0, 0, 0, 0, 0, 0, 0]),
      ...rowsOf("c", "d3::base", [0, 0, 0, 0, 1, 1, 1, 1]),
    ];
    const r = scoreBoard(buildBoardInput(rows, "folded"), { coverage: "per-model", ...NO_BOOT });
    const ab = r.headToHead.find((h) => h.config === "a" && h.opponent === "b")!;
    expect(ab.perDataset).toEqual({ "d1::base": 0.75, "d2::base": 0.625, "d3::base": 1 });
    expect(ab.nDatasets).toBe(3);
    expect(ab.simpleMean).toBeCloseTo((0.75 + 0.625 + 1) / 3, 15);
    const [w1, w2, w3] = [Math.log(2), Math.log(4), Math.log(8)];
    expect(ab.weightedMean).toBeCloseTo((0.75 * w1 + 0.625 * w2 + 1 * w3) / (w1 + w2 + w3), 15);
    const ca = r.headToHead.find((h) => h.config === "c" && h.opponent === "a")!;
    expect(ca.perDataset).toEqual({ "d1::base": 1, "d3::base": 0.25 });
    expect(ca.weightedMean).toBeCloseTo((1 * w1 + 0.25 * w3) / (w1 + w3), 15);
    // a's dataset means: d1 (0.75 + 0)/2, d2 0.625, d3 (1 + 0.75)/2
    expect(cell(r, "a", "d1::base").winRate).toBe(0.375);
    expect(cell(r, "a", "d3::base").winRate).toBe(0.875);
    expect(cfg(r, "a").weightedMean).toBeCloseTo((0.375 * w1 + 0.625 * w2 + 0.875 * w3) / (w1 + w2 + w3), 15);
    expect(cell(r, "c", "d1::base").avgReward).toBe(2);
  });
});

describe("the engine equals a plain re-implementation of Medmarks' winrate, to the last digit", () => {
  const cases: [string, Partial<ScoringSettings>][] = [
    ["defaults", {}],
    ["per-model", { coverage: "per-model" }],
    ["zero, sqrt", { missing: "zero", weights: "sqrt", coverage: "per-model" }],
    ["cap, ε 0.2", { weights: "cap", cap: 7, epsilon: 0.2, coverage: "per-model" }],
    ["filters", { coverage: "per-model", excludeConfigs: ["cfg1"], includeDatasets: ["env0", "env2", "env3::base"] }],
  ];
  for (const wasm of [true, false]) {
    for (const [name, settings] of cases) {
      it(`${name}${wasm ? "" : " (no WebAssembly)"}`, () => {
        setWasmKernel(wasm);
        for (let seed = 1; seed <= 25; seed++) {
          const rows = randomRows(seed * 7 + (wasm ? 0 : 1));
          for (const orders of ["folded", "separate"] as const) {
            const s = resolveSettings({ ...settings, orders, bootstrap: null });
            const got = toMedmarksJson(scoreBoard(buildBoardInput(rows, orders), s));
            expect(got).toEqual(referenceWinrate(rows, orders, s));
          }
        }
      });
    }
  }

  it("many configurations (rank path, WebAssembly blocks, > 16 distinct values per question)", () => {
    for (const [seed, missing] of [[101, "neg-inf"], [102, "zero"]] as const) {
      const rows = randomRows(seed, { configs: 40, envs: 3, maxQuestions: 300 });
      const s = resolveSettings({ coverage: "per-model", missing, bootstrap: null });
      expect(toMedmarksJson(scoreBoard(buildBoardInput(rows, "folded"), s))).toEqual(referenceWinrate(rows, "folded", s));
    }
  });
});

describe("properties", () => {
  it("wr(a,b) + wr(b,a) = 1 on every dataset", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const r = scoreBoard(buildBoardInput(randomRows(seed), "separate"), { coverage: "per-model", ...NO_BOOT });
      for (const h of r.headToHead) {
        const back = r.headToHead.find((x) => x.config === h.opponent && x.opponent === h.config)!;
        for (const [d, wr] of Object.entries(h.perDataset)) expect(wr + back.perDataset[d]).toBeCloseTo(1, 15);
      }
    }
  });

  it("row order does not change a digit (point estimates and intervals)", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const rows = randomRows(seed);
      const s = { coverage: "per-model" as const, bootstrap: { replicates: 200, seed: 3 } };
      const a = scoreBoard(buildBoardInput(rows, "folded"), s);
      const b = scoreBoard(buildBoardInput(shuffle([...rows], createRng(seed)), "folded"), s);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
  });

  it("a duplicated configuration ties its twin at exactly 0.5 and gets the same score", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const rows = randomRows(seed, { configs: 4 });
      const twin = rows.filter((r) => r.config === "cfg2").map((r) => ({ ...r, config: "cfg2-copy" }));
      const r = scoreBoard(buildBoardInput([...rows, ...twin], "separate"), { coverage: "per-model", ...NO_BOOT });
      const h = r.headToHead.find((x) => x.config === "cfg2" && x.opponent === "cfg2-copy");
      if (!h) continue; // cfg2 never ran
      for (const wr of Object.values(h.perDataset)) expect(wr).toBe(0.5);
      const [x, y] = [cfg(r, "cfg2"), cfg(r, "cfg2-copy")];
      expect(y.weightedMean).toBeCloseTo(x.weightedMean!, 14);
      expect(y.simpleMean).toBeCloseTo(x.simpleMean!, 14);
      expect(y.nDatasets).toBe(x.nDatasets);
      for (const c of r.cells.filter((c) => c.config === "cfg2")) expect(cell(r, "cfg2-copy", c.dataset).avgReward).toBe(c.avgReward);
    }
  });

  it("result is plain JSON data", () => {
    const r = scoreBoard(buildBoardInput(randomRows(4), "folded"), { bootstrap: { replicates: 50, seed: 1 } });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe("dense input", () => {
  it("datasetFromMatrix builds the same input as rows", () => {
    const d = datasetFromMatrix(["a", "b"], "x::base", "x", ["q1", "q2"], ["b", "a"], [
      [0, 1],
      [null, 0.5],
    ]);
    expect(Array.from(d.configIndex)).toEqual([0, 1]);
    expect(Array.from(d.values)).toEqual([1, 0, 0.5, NaN]);
  });
});
