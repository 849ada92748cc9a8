import { describe, expect, it } from "vitest";
import { hashString, hex40, Rng, rngFor } from "./prng";

describe("prng", () => {
  it("is deterministic per key and independent of call order", () => {
    const a = rngFor("gpt-5_2", "medqa", "base", 3);
    const b = rngFor("gpt-5_2", "medqa", "base", 3);
    const xs = Array.from({ length: 5 }, () => a.next());
    rngFor("something else").next();
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(rngFor("gpt-5_2", "medqa", "base", 4).next()).not.toBe(xs[0]);
    expect(hashString("abc")).toBe(hashString("abc"));
    expect(hex40("x")).toMatch(/^[0-9a-f]{40}$/);
  });

  it("draws uniform, normal and weighted values with the right shape", () => {
    const r = new Rng(42);
    const u = Array.from({ length: 20000 }, () => r.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((s, x) => s + x, 0) / u.length).toBeCloseTo(0.5, 1);
    const z = Array.from({ length: 20000 }, () => r.normal());
    const m = z.reduce((s, x) => s + x, 0) / z.length;
    expect(m).toBeCloseTo(0, 1);
    expect(z.reduce((s, x) => s + (x - m) ** 2, 0) / z.length).toBeCloseTo(1, 1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 9000; i++) counts[r.weighted([1, 2, 0])]++;
    expect(counts[2]).toBe(0);
    expect(counts[1] / counts[0]).toBeGreaterThan(1.7);
  });
});
