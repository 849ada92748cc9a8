import { afterEach, describe, expect, it } from "vitest";
import { datasetKernel } from "./dataset-kernel";
import { buildBoardInput, datasetFromMatrix } from "./input";
import { bootstrapKernel, kernelCounts } from "./kernel";
import { scoreBoardParallel } from "./parallel";
import { pairWinRate } from "./pairwise";
import { createRng } from "./prng";
import { kernelRuntime, scoreBoard, setWasmKernel } from "./score";
import { randomRows } from "./test-reference";
import type { BoardInput } from "./types";

afterEach(() => setWasmKernel(true));

/** Q × M question means on a 0.25 grid; `missing` share of cells empty (never a whole question). */
function matrix(seed: number, Q: number, M: number, missing = 0): (number | null)[][] {
  const rng = createRng(seed);
  const ability = Array.from({ length: M }, (_, m) => 0.2 + (0.6 * m) / Math.max(1, M - 1));
  return Array.from({ length: Q }, () => {
    const row: (number | null)[] = ability.map((p) => (rng() < missing ? null : Math.round((p + rng() - 0.5) * 4) / 4));
    if (!row.some((v) => v !== null)) row[0] = 0.5;
    return row;
  });
}

/** Medmarks' per-dataset mean win rate, computed plainly from a list of questions. */
function naiveMeans(rows: (number | null)[][], M: number): number[] {
  const col = (m: number) => rows.map((r) => r[m]);
  const wr = (a: number, b: number) => (a < b ? pairWinRate(col(a), col(b)).winRate! : 1 - pairWinRate(col(b), col(a)).winRate!);
  return Array.from({ length: M }, (_, m) => {
    let s = 0;
    for (let o = 0; o < M; o++) if (o !== m) s += wr(m, o);
    return s / (M - 1);
  });
}

function naiveAvg(rows: (number | null)[][], m: number): number {
  const vals = rows.map((r) => r[m]).filter((v): v is number => v !== null);
  return vals.reduce((a, b) => a + b, 0) / vals.length;
}

function runKernel(means: (number | null)[][], M: number, R: number, wasm: boolean) {
  const d = datasetFromMatrix(
    Array.from({ length: M }, (_, i) => `c${i}`),
    "x::base",
    "x",
    means.map((_, i) => String(i)),
    Array.from({ length: M }, (_, i) => `c${i}`),
    means,
  );
  const task = { values: d.values, Mf: M, Q: means.length, cols: d.configIndex, epsilon: 1e-9, negInf: true, bootstrap: { replicates: R, seed: 9, stream: 77 } };
  return datasetKernel(task, wasm ? kernelRuntime() : null, bootstrapKernel);
}

/** The questions replicate r draws, each as many times as it is drawn. */
function resample(means: (number | null)[][], r: number) {
  const counts = kernelCounts(means.length, 9, 77, r);
  return means.flatMap((row, q) => Array.from({ length: counts[q] }, () => row));
}

describe("replicates are reweighted sums equal to a recount", () => {
  for (const wasm of [true, false]) {
    it(`every config answered every question: exactly the recount (float32 rows)${wasm ? "" : ", no WebAssembly"}`, () => {
      setWasmKernel(wasm);
      const M = 6;
      const R = 40;
      const means = matrix(1, 150, M);
      const out = runKernel(means, M, R, wasm);
      expect(out.U).toBe(150);
      for (let r = 0; r < R; r++) {
        const rs = resample(means, r);
        const exact = naiveMeans(rs, M);
        for (let m = 0; m < M; m++) {
          expect(Math.abs(out.boot!.wr[m * R + r] - exact[m])).toBeLessThan(2e-6);
          expect(Math.abs(out.boot!.avg[m * R + r] - naiveAvg(rs, m))).toBeLessThan(2e-6);
        }
      }
    });
  }

  it("with missing answers: win rates first-order close, average rewards exact", () => {
    const M = 5;
    const R = 40;
    const means = matrix(2, 400, M, 0.1);
    const out = runKernel(means, M, R, true);
    let worst = 0;
    for (let r = 0; r < R; r++) {
      const rs = resample(means, r);
      const exact = naiveMeans(rs, M);
      for (let m = 0; m < M; m++) {
        worst = Math.max(worst, Math.abs(out.boot!.wr[m * R + r] - exact[m]));
        expect(Math.abs(out.boot!.avg[m * R + r] - naiveAvg(rs, m))).toBeLessThan(2e-6);
      }
    }
    expect(worst).toBeLessThan(2e-3); // the replicate spread itself is ~2e-2
  });
});

function board(Q: number, probs: number[], seed = 1): BoardInput {
  const configs = probs.map((_, i) => `m${i}`);
  const rng = createRng(seed, Q);
  const datasets = ["a::base", "b::base"].map((key) =>
    datasetFromMatrix(
      configs,
      key,
      key.split("::")[0],
      Array.from({ length: Q }, (_, i) => String(i)),
      configs,
      Array.from({ length: Q }, () => probs.map((p) => (rng() < p ? 1 : 0))),
    ),
  );
  return { configs, datasets };
}

describe("intervals", () => {
  it("same seed → identical intervals; another seed → other intervals", () => {
    const input = buildBoardInput(randomRows(3, { configs: 5 }), "folded");
    const s = { coverage: "per-model" as const, bootstrap: { replicates: 300, seed: 1 } };
    const a = scoreBoard(input, s);
    expect(scoreBoard(input, s)).toEqual(a);
    const b = scoreBoard(input, { ...s, bootstrap: { replicates: 300, seed: 2 } });
    expect(b.configs.map((c) => c.ci)).not.toEqual(a.configs.map((c) => c.ci));
    expect(b.configs.map((c) => c.weightedMean)).toEqual(a.configs.map((c) => c.weightedMean));
  });

  it("worker threads give the very same result", async () => {
    const input = buildBoardInput(randomRows(5, { configs: 6, envs: 4, maxQuestions: 200 }), "separate");
    const s = { coverage: "per-model" as const, bootstrap: { replicates: 200, seed: 4 } };
    const par = await scoreBoardParallel(input, s, { threads: 2 });
    expect(JSON.stringify(par)).toBe(JSON.stringify(scoreBoard(input, s)));
  });

  it("contain the point estimates and narrow with more questions", () => {
    const probs = [0.8, 0.6, 0.4];
    const s = { bootstrap: { replicates: 500, seed: 1 } };
    const small = scoreBoard(board(100, probs), s);
    const big = scoreBoard(board(2000, probs), s);
    for (const r of [small, big]) {
      for (const c of r.configs) {
        expect(c.ci!.lo).toBeLessThanOrEqual(c.weightedMean!);
        expect(c.ci!.hi).toBeGreaterThanOrEqual(c.weightedMean!);
      }
      for (const c of r.cells) {
        expect(c.avgRewardCi!.lo).toBeLessThanOrEqual(c.avgReward!);
        expect(c.avgRewardCi!.hi).toBeGreaterThanOrEqual(c.avgReward!);
        expect(c.winRateCi!.lo).toBeLessThanOrEqual(c.winRate!);
        expect(c.winRateCi!.hi).toBeGreaterThanOrEqual(c.winRate!);
      }
      for (const b of r.benchmarks) expect(b.ci!.lo <= b.score && b.score <= b.ci!.hi).toBe(true);
    }
    const width = (r: typeof small, i: number) => r.configs.find((c) => c.config === `m${i}`)!.ci!;
    for (let i = 0; i < 3; i++) {
      const [a, b] = [width(small, i), width(big, i)];
      expect(b.hi - b.lo).toBeLessThan((a.hi - a.lo) / 3);
    }
  });

  it("rank intervals and tie groups: clear gaps separate, twins tie", () => {
    const r = scoreBoard(board(600, [0.9, 0.5, 0.5, 0.1]), { bootstrap: { replicates: 400, seed: 1 } });
    const by = Object.fromEntries(r.configs.map((c) => [c.config, c]));
    expect(by.m0.rankInterval).toEqual({ lo: 1, hi: 1 });
    expect(by.m3.rankInterval).toEqual({ lo: 4, hi: 4 });
    expect(by.m1.rankInterval).toEqual({ lo: 2, hi: 3 });
    expect(by.m2.rankInterval).toEqual({ lo: 2, hi: 3 });
    expect([by.m0.tieGroup, by.m3.tieGroup]).toEqual([1, 3]);
    expect(by.m1.tieGroup).toBe(2);
    expect(by.m2.tieGroup).toBe(2);
    expect(r.bootstrap).toMatchObject({ replicates: 400, seed: 1 });
  });

  it("no bootstrap → no intervals", () => {
    const r = scoreBoard(board(50, [0.5, 0.6]), { bootstrap: null });
    expect(r.bootstrap).toBeNull();
    expect(r.configs.every((c) => c.ci === null && c.rankInterval === null && c.tieGroup === null)).toBe(true);
    expect(r.cells.every((c) => c.avgRewardCi === null)).toBe(true);
  });

  it("the WebAssembly loop and the JS loop agree", () => {
    const input = buildBoardInput(randomRows(8, { configs: 7, envs: 3, maxQuestions: 100 }), "folded");
    const s = { coverage: "per-model" as const, bootstrap: { replicates: 200, seed: 5 } };
    const a = scoreBoard(input, s);
    setWasmKernel(false);
    const b = scoreBoard(input, s);
    a.configs.forEach((c, i) => {
      expect(b.configs[i].config).toBe(c.config);
      expect(b.configs[i].weightedMean).toBe(c.weightedMean);
      expect(Math.abs(b.configs[i].ci!.lo - c.ci!.lo)).toBeLessThan(1e-6);
      expect(Math.abs(b.configs[i].ci!.hi - c.ci!.hi)).toBeLessThan(1e-6);
    });
  });
});
