import { describe, expect, it } from "vitest";
import { formatX, formatXTick, logAxis, percentAxis } from "./axis";

describe("logAxis", () => {
  it("rounds the domain out to the 1-2-5 grid with room, ticks on the grid", () => {
    // 50 / 1.2 = 41.7 → 20 (largest 1-2-5 ≤ 41.7); 3163 × 1.2 = 3796 → 5000.
    expect(logAxis([50, 261.6, 3163.2])).toEqual({ domain: [20, 5000], ticks: [20, 50, 100, 200, 500, 1000, 2000, 5000] });
  });

  it("falls back to decades when the 1-2-5 grid would give more than 9 ticks", () => {
    const a = logAxis([12, 150_000]);
    expect(a.domain).toEqual([10, 200_000]);
    expect(a.ticks).toEqual([10, 100, 1000, 10_000, 100_000]);
  });

  it("handles seconds below 1 without binary noise, a single value, and ignores non-positive values", () => {
    expect(logAxis([0.3, 1.51, 10])).toEqual({ domain: [0.2, 20], ticks: [0.2, 0.5, 1, 2, 5, 10, 20] });
    expect(logAxis([1000])).toEqual({ domain: [500, 2000], ticks: [500, 1000, 2000] });
    expect(logAxis([0, -3, NaN, 1000])).toEqual(logAxis([1000]));
    expect(logAxis([])).toEqual({ domain: [1, 10], ticks: [1, 10] });
  });

  it("keeps every value inside the domain", () => {
    for (const vs of [[1], [9.99], [10], [99.5, 100.5], [4_999, 5_001], [0.012, 7.7], [123_456_789]]) {
      const { domain, ticks } = logAxis(vs);
      for (const v of vs) expect(domain[0] < v && v < domain[1]).toBe(true);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.every((t) => t >= domain[0] && t <= domain[1])).toBe(true);
    }
  });
});

describe("percentAxis", () => {
  it("picks a step from the span and rounds out to it", () => {
    expect(percentAxis([0.12, 0.91])).toEqual({ domain: [0.1, 1], ticks: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });
    expect(percentAxis([0.42, 0.61])).toEqual({ domain: [0.42, 0.62], ticks: [0.42, 0.44, 0.46, 0.48, 0.5, 0.52, 0.54, 0.56, 0.58, 0.6, 0.62] });
    expect(percentAxis([0.3, 0.6]).ticks).toEqual([0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]);
  });

  it("widens a single value and clamps to [0, 1]", () => {
    expect(percentAxis([0.5])).toEqual({ domain: [0.49, 0.51], ticks: [0.49, 0.5, 0.51] });
    expect(percentAxis([1])).toEqual({ domain: [0.99, 1], ticks: [0.99, 1] });
    expect(percentAxis([0, 1]).domain).toEqual([0, 1]);
    expect(percentAxis([]).domain).toEqual([0, 1]);
  });
});

describe("x formatting", () => {
  it("formats values and ticks per quantity", () => {
    expect(formatX(4200, "output")).toBe("4.2k");
    expect(formatX(1.512, "latency")).toBe("1.5 s");
    expect(formatX(null, "total")).toBe("—");
    expect([20, 500, 1000, 2000, 10_000, 1_000_000].map((v) => formatXTick(v, "output"))).toEqual(["20", "500", "1k", "2k", "10k", "1M"]);
    expect([0.2, 0.5, 1, 2, 10, 20, 100].map((v) => formatXTick(v, "latency"))).toEqual(["0.2 s", "0.5 s", "1 s", "2 s", "10 s", "20 s", "100 s"]);
  });
});
