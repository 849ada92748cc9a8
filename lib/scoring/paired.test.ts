import { describe, expect, it } from "vitest";
import { holm, mcnemarExact, normalMeanInterval, normalQuantile, pairedBootstrap, pairedCompare } from "./paired";
import { createRng } from "./prng";

describe("mcnemarExact", () => {
  it("textbook b = 1, c = 9: p = 2·P(X ≤ 1), X ~ Bin(10, ½) = 2·(1 + 10)/1024", () => {
    // P(X = 0) = 1/1024, P(X = 1) = 10/1024 → tail 11/1024 → p = 22/1024 = 0.021484375
    // mid-p = 2·(11/1024 − ½·10/1024) = 12/1024 = 0.01171875
    const t = mcnemarExact(1, 9);
    expect(t.p).toBe(0.021484375);
    expect(t.midP).toBe(0.01171875);
    expect(t).toMatchObject({ b: 1, c: 9 });
  });

  it("is symmetric in b and c", () => {
    expect(mcnemarExact(9, 1).p).toBe(0.021484375);
    expect(mcnemarExact(8, 2)).toMatchObject({ p: mcnemarExact(2, 8).p, midP: mcnemarExact(2, 8).midP });
  });

  it("more hand values", () => {
    // b = 0, c = 5: tail P(X = 0) = 1/32 → p = 2/32 = 0.0625; mid-p = 2·(1/32 − 1/64) = 1/32
    expect(mcnemarExact(0, 5)).toMatchObject({ p: 0.0625, midP: 0.03125 });
    // b = 2, c = 8: tail (1 + 10 + 45)/1024 = 56/1024 → p = 112/1024 = 0.109375
    // mid-p = 2·(56 − 45/2)/1024 = 67/1024 = 0.0654296875
    expect(mcnemarExact(2, 8)).toMatchObject({ p: 0.109375, midP: 0.0654296875 });
    // b = 4, c = 0: P(X = 0) = 1/16 → p = 1/8; mid-p = 2·(1/16 − 1/32) = 1/16
    expect(mcnemarExact(4, 0)).toMatchObject({ p: 0.125, midP: 0.0625 });
  });

  it("b = c gives p = 1 (capped), and so does mid-p (the tail minus half the centre is exactly ½)", () => {
    // b = c = 3: P(X ≤ 3) = (1 + 6 + 15 + 20)/64 = 42/64 → 2·42/64 > 1 → 1
    // mid-p: 2·(42/64 − 10/64) = 1
    expect(mcnemarExact(3, 3)).toMatchObject({ p: 1, midP: 1 });
  });

  it("no discordant question → p = 1", () => {
    expect(mcnemarExact(0, 0)).toEqual({ b: 0, c: 0, p: 1, midP: 1 });
  });

  it("large n (log-space path) agrees with the exact rational tail", () => {
    // Reference values from Python fractions: sum(comb(n, i) for i ≤ k) / 2**n, doubled.
    expect(mcnemarExact(900, 1100).p / 8.457089535503927e-6).toBeCloseTo(1, 9);
    expect(mcnemarExact(900, 1100).midP / 7.656628347757432e-6).toBeCloseTo(1, 9);
    expect(mcnemarExact(1000, 1200).p / 2.1817026407914712e-5).toBeCloseTo(1, 9);
    // n = 1000 (direct path, the largest): 480 vs 520
    expect(mcnemarExact(480, 520).p).toBeCloseTo(0.21744829320414094, 12);
    expect(mcnemarExact(480, 520).midP).toBeCloseTo(0.20610731083295322, 12);
  });

  it("rejects non-integer or negative counts", () => {
    expect(() => mcnemarExact(-1, 3)).toThrow(RangeError);
    expect(() => mcnemarExact(1.5, 3)).toThrow(RangeError);
  });
});

describe("normalQuantile (AS241) and the normal interval", () => {
  it("matches Python's NormalDist().inv_cdf", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.9599639845400536, 14);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.9599639845400538, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446008, 14);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080407, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12); // tail branch r > 5
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.2)).toBeNaN();
  });

  it("x̄ ± z·s/√n with the n − 1 standard deviation", () => {
    // [1, 2, 3, 4]: x̄ = 2.5, s² = (2.25 + 0.25 + 0.25 + 2.25)/3 = 5/3, s/√n = √(5/12)
    const half = 1.9599639845400536 * Math.sqrt(5 / 12);
    const ci = normalMeanInterval([1, 2, null, 3, NaN, 4])!;
    expect(ci.lo).toBeCloseTo(2.5 - half, 12);
    expect(ci.hi).toBeCloseTo(2.5 + half, 12);
    // 90%: z = Φ⁻¹(0.95) = 1.6448536269514715 (Python's NormalDist().inv_cdf(0.95))
    expect(normalMeanInterval([1, 2, 3, 4], 0.9)!.hi).toBeCloseTo(2.5 + 1.6448536269514715 * Math.sqrt(5 / 12), 12);
    expect(normalMeanInterval([0.5, 0.5, 0.5])).toEqual({ lo: 0.5, hi: 0.5 });
    expect(normalMeanInterval([1])).toBeNull();
    expect(normalMeanInterval([])).toBeNull();
  });
});

describe("pairedBootstrap", () => {
  it("a constant difference: every replicate equals it, p = 2/(R + 1)", () => {
    // all diffs 0.2 → every resampled mean is 0.2 → none ≤ 0, all ≥ 0 → p = 2·(0 + 1)/(99 + 1) = 0.02
    const r = pairedBootstrap([0.2, 0.2, 0.2], { replicates: 99 });
    expect(r.n).toBe(3);
    expect(r.mean).toBeCloseTo(0.2, 15);
    expect(r.ci!.lo).toBeCloseTo(0.2, 15);
    expect(r.ci!.hi).toBeCloseTo(0.2, 15);
    expect(r.p).toBe(0.02);
    // negative side is symmetric
    expect(pairedBootstrap([-1, -1], { replicates: 99 }).p).toBe(0.02);
  });

  it("all differences 0: p = min(1, 2·(R + 1)/(R + 1)) = 1", () => {
    expect(pairedBootstrap([0, 0, 0, 0], { replicates: 50 })).toMatchObject({ mean: 0, p: 1, ci: { lo: 0, hi: 0 } });
  });

  it("rounding dust around 0 counts as 0", () => {
    // 0.3 − 0.1 − 0.2 ≠ 0 in floating point; a replicate drawing each once must still count as 0
    const r = pairedBootstrap([0.3, -0.1, -0.2], { replicates: 500 });
    expect(r.mean).toBeCloseTo(0, 15);
    expect(r.p).toBeGreaterThan(0.5);
  });

  it("two values {0, 1}: replicate means are 0, ½, 1 with probabilities ¼, ½, ¼", () => {
    // 95% percentile interval of that distribution = [0, 1]; share ≤ 0 ≈ ¼ → p ≈ 2·¼ = ½
    // (count of zeros ~ Bin(2000, ¼): sd 19.4; ±80 keeps the test deterministic-safe at > 4 sd)
    const r = pairedBootstrap([0, 1], { replicates: 2000, seed: 7 });
    expect(r.mean).toBe(0.5);
    expect(r.ci).toEqual({ lo: 0, hi: 1 });
    expect(r.p!).toBeGreaterThan((2 * (500 - 80)) / 2001);
    expect(r.p!).toBeLessThan((2 * (500 + 80 + 1)) / 2001);
    expect(r.replicates).toBe(2000);
  });

  it("draws R resamples of n from one seeded sfc32 stream (a plain re-implementation agrees)", () => {
    const d = [0.5, -0.25, 1, 0, 0.75, -1, 0.25];
    const r = pairedBootstrap(d, { replicates: 300, seed: 11, stream: 5 });
    const rng = createRng(11, 5);
    const reps: number[] = [];
    for (let k = 0; k < 300; k++) {
      let s = 0;
      for (let i = 0; i < d.length; i++) s += d[Math.floor((rng.u32() / 4294967296) * d.length)];
      reps.push(s / d.length);
    }
    reps.sort((a, b) => a - b);
    // type 7: h = 299·0.025 = 7.475 → reps[7] + 0.475·(reps[8] − reps[7])
    expect(r.ci!.lo).toBeCloseTo(reps[7] + 0.475 * (reps[8] - reps[7]), 12);
    expect(r.ci!.hi).toBeCloseTo(reps[291] + 0.525 * (reps[292] - reps[291]), 12);
    const le = reps.filter((m) => m <= 1e-12).length;
    const ge = reps.filter((m) => m >= -1e-12).length;
    expect(r.p).toBe(Math.min(1, (2 * Math.min(le + 1, ge + 1)) / 301));
  });

  it("same seed → same result; another stream → other draws; nulls left out", () => {
    const d = [0.1, 0.4, -0.3, 0.2, 0, 0.5, -0.1];
    expect(pairedBootstrap(d, { seed: 3 })).toEqual(pairedBootstrap([...d, null, NaN], { seed: 3 }));
    expect(pairedBootstrap(d, { seed: 3, stream: 1 }).ci).not.toEqual(pairedBootstrap(d, { seed: 3, stream: 2 }).ci);
  });

  it("empty input and replicates = 0", () => {
    expect(pairedBootstrap([])).toEqual({ n: 0, mean: null, ci: null, p: null, replicates: 0 });
    expect(pairedBootstrap([1, 0], { replicates: 0 })).toEqual({ n: 2, mean: 0.5, ci: null, p: null, replicates: 0 });
  });
});

describe("holm", () => {
  it("textbook: [0.01, 0.04, 0.03, 0.005] → [0.03, 0.06, 0.06, 0.02]", () => {
    // sorted: 0.005 (#4), 0.01 (#1), 0.03 (#3), 0.04 (#2); m = 4
    // 4·0.005 = 0.02; 3·0.01 = 0.03; 2·0.03 = 0.06; 1·0.04 = 0.04 → running max 0.06
    expect(holm([0.01, 0.04, 0.03, 0.005])).toEqual([0.03, 0.06, 0.06, 0.02]);
  });

  it("caps at 1, keeps nulls in place (not counted in m), ties", () => {
    // [0.5, 0.6]: 2·0.5 = 1, max(1, 0.6) = 1
    expect(holm([0.5, 0.6])).toEqual([1, 1]);
    // nulls out: m = 2 → 2·0.01 = 0.02, max(0.02, 0.04) = 0.04
    expect(holm([null, 0.04, NaN, 0.01])).toEqual([null, 0.04, null, 0.02]);
    // ties: 2·0.01 = 0.02, then max(0.02, 1·0.01) = 0.02
    expect(holm([0.01, 0.01])).toEqual([0.02, 0.02]);
    expect(holm([])).toEqual([]);
    expect(holm([0.2])).toEqual([0.2]);
  });

  it("adjusted values are monotone in the raw ones and ≥ them", () => {
    const rng = createRng(5);
    const ps = Array.from({ length: 40 }, () => rng() * 0.2);
    const adj = holm(ps) as number[];
    const order = ps.map((_, i) => i).sort((i, j) => ps[i] - ps[j]);
    for (let k = 1; k < order.length; k++) expect(adj[order[k]]).toBeGreaterThanOrEqual(adj[order[k - 1]]);
    ps.forEach((p, i) => expect(adj[i]).toBeGreaterThanOrEqual(p));
  });

  it("rejects p outside [0, 1]", () => {
    expect(() => holm([0.1, 1.5])).toThrow(RangeError);
  });
});

describe("pairedCompare", () => {
  it("0/1 rewards → McNemar: b = 1, c = 9 out of 15 shared questions", () => {
    // q1..q9: a 0, b 1 (c = 9); q10: a 1, b 0 (b = 1); q11..q15 both 1; q16 only a; q17 a null, b 0 → only b
    const a = new Map<string, number | null>();
    const b = new Map<string, number | null>();
    for (let q = 1; q <= 9; q++) (a.set(`${q}`, 0), b.set(`${q}`, 1));
    a.set("10", 1).set("16", 1).set("17", null);
    b.set("10", 0).set("17", 0);
    for (let q = 11; q <= 15; q++) (a.set(`${q}`, 1), b.set(`${q}`, 1));
    const r = pairedCompare(a, b, { replicates: 200 });
    expect(r.method).toBe("mcnemar-exact");
    expect(r).toMatchObject({ nShared: 15, onlyA: 1, onlyB: 1, p: 0.021484375, discordant: { b: 1, c: 9 } });
    // meanA = (1 + 5)/15 = 0.4; meanB = (9 + 5)/15 = 14/15; diff = −8/15
    expect(r.meanA).toBeCloseTo(0.4, 15);
    expect(r.meanB).toBeCloseTo(14 / 15, 15);
    expect(r.diff).toBeCloseTo(-8 / 15, 15);
    expect(r.ci!.lo).toBeLessThan(r.diff!);
    expect(r.ci!.hi).toBeGreaterThan(r.diff!);
    expect(r.ci!.hi).toBeLessThan(0);
    expect(pairedCompare(a, b, { replicates: 200, midP: true }).p).toBe(0.01171875);
  });

  it("any non-0/1 value → paired bootstrap", () => {
    // shared q1 (0.5 vs 0), q2 (1 vs 1): diffs [0.5, 0] → mean 0.25; replicate means 0, 0.25, 0.5
    // (¼, ½, ¼) → 95% interval [0, 0.5]; share ≤ 0 ≈ ¼ → p ≈ ½
    const r = pairedCompare(new Map([["1", 0.5], ["2", 1]]), new Map([["1", 0], ["2", 1]]), { replicates: 2000 });
    expect(r.method).toBe("paired-bootstrap");
    expect(r).toMatchObject({ nShared: 2, onlyA: 0, onlyB: 0, meanA: 0.75, meanB: 0.5, diff: 0.25, discordant: null });
    expect(r.ci).toEqual({ lo: 0, hi: 0.5 });
    expect(r.p!).toBeGreaterThan(0.4);
    expect(r.p!).toBeLessThan(0.6);
  });

  it("nothing shared → nulls", () => {
    const r = pairedCompare(new Map([["1", 1]]), new Map([["2", 0]]));
    expect(r).toEqual({
      method: "paired-bootstrap",
      nShared: 0,
      onlyA: 1,
      onlyB: 1,
      meanA: null,
      meanB: null,
      diff: null,
      ci: null,
      p: null,
      discordant: null,
    });
  });

  it("does not depend on map insertion order", () => {
    const entries: [string, number][] = Array.from({ length: 30 }, (_, i) => [`${i}`, (i * 7) % 5 / 4]);
    const other: [string, number][] = entries.map(([k, v]) => [k, (v + 0.25) % 1]);
    const r1 = pairedCompare(new Map(entries), new Map(other));
    const r2 = pairedCompare(new Map([...entries].reverse()), new Map([...other].reverse()));
    expect(r2).toEqual(r1);
  });
});
