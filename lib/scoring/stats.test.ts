import { describe, expect, it } from "vitest";
import { createRng } from "./prng";
import {
  bootstrapMeanInterval,
  nearestRankSorted,
  percentileInterval,
  percentileSorted,
  selectKth,
  simpleMean,
  weightedMean,
  weightOf,
} from "./stats";

describe("weights", () => {
  it("ln (0 when n ≤ 0), sqrt, equal, cap", () => {
    expect(weightOf(100, "ln")).toBe(Math.log(100));
    expect(weightOf(1, "ln")).toBe(0);
    expect(weightOf(0, "ln")).toBe(0);
    expect(weightOf(-5, "ln")).toBe(0);
    expect(weightOf(49, "sqrt")).toBe(7);
    expect(weightOf(0, "sqrt")).toBe(0);
    expect(weightOf(0, "equal")).toBe(1);
    expect(weightOf(12345, "equal")).toBe(1);
    expect(weightOf(500, "cap", 300)).toBe(300);
    expect(weightOf(200, "cap", 300)).toBe(200);
    expect(weightOf(-1, "cap", 300)).toBe(0);
  });

  it("weighted mean: Σvw/Σw, the simple mean when every weight is 0", () => {
    expect(weightedMean([1, 0], [3, 1])).toBe(0.75);
    expect(weightedMean([1, 0, 0.5], [0, 0, 0])).toBe(0.5);
    expect(weightedMean([], [])).toBeNull();
    expect(simpleMean([1, 2, 3, 4])).toBe(2.5);
    expect(simpleMean([])).toBeNull();
  });
});

describe("percentiles", () => {
  it("type 7 (numpy default) and nearest rank", () => {
    const xs = Float64Array.from([1, 2, 3, 4]);
    expect(percentileSorted(xs, 0.5)).toBe(2.5);
    expect(percentileSorted(xs, 0.025)).toBeCloseTo(1.075, 12);
    expect(percentileSorted(xs, 0.975)).toBeCloseTo(3.925, 12);
    expect(nearestRankSorted(xs, 0.025)).toBe(1);
    expect(nearestRankSorted(xs, 0.975)).toBe(4);
    expect(nearestRankSorted(xs, 0.5)).toBe(2);
  });

  it("selection gives exactly what sorting gives, NaN left out", () => {
    const rng = createRng(3);
    for (let t = 0; t < 200; t++) {
      const n = 1 + rng.int(300);
      const xs = Float64Array.from({ length: n }, () => (rng() < 0.2 ? Math.floor(rng() * 5) : rng()));
      if (n > 3) xs[rng.int(n)] = NaN;
      const sorted = xs.filter((v) => v === v).sort();
      for (const method of ["linear", "nearest"] as const) {
        const f = method === "linear" ? percentileSorted : nearestRankSorted;
        expect(percentileInterval(xs, 0.95, undefined, method)).toEqual({ lo: f(sorted, 0.025), hi: f(sorted, 0.975) });
        expect(percentileInterval(xs, 0.5, undefined, method)).toEqual({ lo: f(sorted, 0.25), hi: f(sorted, 0.75) });
      }
    }
    expect(percentileInterval([NaN, NaN])).toBeNull();
  });

  it("selectKth puts the k-th smallest at k", () => {
    const rng = createRng(4);
    for (let t = 0; t < 100; t++) {
      const a = Float64Array.from({ length: 50 }, () => Math.floor(rng() * 10));
      const k = rng.int(50);
      const sorted = a.slice().sort();
      selectKth(a, k);
      expect(a[k]).toBe(sorted[k]);
      for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(a[k]);
      for (let i = k + 1; i < 50; i++) expect(a[i]).toBeGreaterThanOrEqual(a[k]);
    }
  });
});

describe("bootstrap interval of a mean", () => {
  const rng = createRng(11);
  const small = Array.from({ length: 100 }, () => (rng() < 0.7 ? 1 : 0));
  const big = Array.from({ length: 10000 }, () => (rng() < 0.7 ? 1 : 0));

  it("is reproducible with the same seed and moves with another", () => {
    const a = bootstrapMeanInterval(small, { seed: 1 });
    expect(bootstrapMeanInterval(small, { seed: 1 })).toEqual(a);
    expect(bootstrapMeanInterval(small, { seed: 2 })).not.toEqual(a);
  });

  it("contains the mean and narrows with more questions", () => {
    const mean = simpleMean(small)!;
    const a = bootstrapMeanInterval(small)!;
    expect(a.lo).toBeLessThan(mean);
    expect(a.hi).toBeGreaterThan(mean);
    const b = bootstrapMeanInterval(big)!;
    expect(b.hi - b.lo).toBeLessThan((a.hi - a.lo) / 5);
    // binomial standard error √(p(1−p)/n) ≈ 0.0046 → width ≈ 0.018
    expect(b.hi - b.lo).toBeGreaterThan(0.012);
    expect(b.hi - b.lo).toBeLessThan(0.024);
  });

  it("ignores missing values; null when nothing is left", () => {
    expect(bootstrapMeanInterval([NaN, 1, 1])).toEqual({ lo: 1, hi: 1 });
    expect(bootstrapMeanInterval([NaN])).toBeNull();
  });
});
