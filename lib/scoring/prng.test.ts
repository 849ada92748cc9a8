import { describe, expect, it } from "vitest";
import { kernelCounts } from "./kernel";
import { createRng, hashString, resampleCounts, shuffle } from "./prng";

describe("seeded generator", () => {
  it("is deterministic per (seed, stream, sub) and differs across them", () => {
    const seq = (s: number, a = 0, b = 0) => {
      const r = createRng(s, a, b);
      return Array.from({ length: 5 }, () => r());
    };
    expect(seq(1)).toEqual(seq(1));
    expect(seq(1)).not.toEqual(seq(2));
    expect(seq(1, 1)).not.toEqual(seq(1, 2));
    expect(seq(1, 1, 1)).not.toEqual(seq(1, 1, 2));
  });

  it("is uniform in [0, 1)", () => {
    const r = createRng(42);
    const bins = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100000; i++) {
      const x = r();
      if (!(x >= 0 && x < 1)) outside++;
      else bins[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    for (const b of bins) expect(Math.abs(b - 10000)).toBeLessThan(500);
  });

  it("resample counts add up to n; the kernel draws the same counts", () => {
    const c = resampleCounts(createRng(5, 6, 7), 1000);
    let s = 0;
    for (const x of c) s += x;
    expect(s).toBe(1000);
    expect(Array.from(kernelCounts(1000, 5, 6, 7))).toEqual(Array.from(c));
  });

  it("hashes strings and shuffles into a permutation", () => {
    expect(hashString("medqa::base")).toBe(hashString("medqa::base"));
    expect(hashString("medqa::base")).not.toBe(hashString("medqa::shuffle_seed-1618"));
    const xs = shuffle(Array.from({ length: 50 }, (_, i) => i), createRng(9));
    expect([...xs].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
