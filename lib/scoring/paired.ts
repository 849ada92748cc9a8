/**
 * Paired comparisons of two configurations on the questions both answered (the compare view, the
 * order-bias deltas): McNemar's exact test for 0/1 rewards, the paired bootstrap for anything else,
 * Holm–Bonferroni for many comparisons at once. Definitions: lib/scoring/METHODS.md, "Paired comparisons".
 */
import { meanOfRewards, sortQuestionIds } from "./pairwise";
import { createRng } from "./prng";
import { percentileInterval } from "./stats";
import { DEFAULT_BOOTSTRAP, type Interval } from "./types";

/** Replicates of the paired bootstrap by default: more than the scores' 1000, because its p-value cannot go below 2/(R + 1). */
export const PAIRED_BOOTSTRAP_REPLICATES = 2000;

/** The names the UI shows for the two tests `pairedCompare` can pick. */
export const PAIRED_METHOD_LABELS = {
  "mcnemar-exact": "McNemar's exact test (two-sided binomial test on the discordant questions)",
  "paired-bootstrap": "Paired bootstrap over questions (percentile interval)",
} as const;

export type PairedMethod = keyof typeof PAIRED_METHOD_LABELS;

// ---------------------------------------------------------------------------------------------
// McNemar

export interface McNemarResult {
  /** Discordant questions: b = only the first is right, c = only the second is right. */
  b: number;
  c: number;
  /** Two-sided exact p-value: min(1, 2·P(X ≤ min(b, c))), X ~ Binomial(b + c, ½); 1 when b + c = 0. */
  p: number;
  /** Mid-p variant: min(1, 2·[P(X ≤ min(b, c)) − ½·P(X = min(b, c))]); 1 when b + c = 0. */
  midP: number;
}

/**
 * McNemar's exact test: under "both configurations are equally good", each of the n = b + c
 * discordant questions is equally likely to favour either one, so b ~ Binomial(n, ½). The
 * two-sided p-value doubles the smaller tail (the distribution is symmetric) and caps it at 1.
 * Concordant questions (both right, both wrong) carry no information and do not enter.
 *
 *   mcnemarExact(1, 9).p    = 2·(1 + 10)/2¹⁰        = 0.021484375
 *   mcnemarExact(1, 9).midP = 2·(11 − 10/2)/2¹⁰     = 0.01171875
 *
 * Up to n = 1000 the binomial terms are summed directly (exact for the textbook cases); above, the
 * tail is summed relative to its largest term with that term in log space (relative error ~1e-12),
 * so nothing underflows until the p-value itself is below ~1e-300 (then it is reported as 0).
 */
export function mcnemarExact(b: number, c: number): McNemarResult {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) {
    throw new RangeError(`mcnemarExact: b and c must be non-negative integers (got ${b}, ${c})`);
  }
  const n = b + c;
  if (n === 0) return { b, c, p: 1, midP: 1 };
  const k = Math.min(b, c);
  const { tail, atK } = binomialHalfLowerTail(n, k);
  return { b, c, p: Math.min(1, 2 * tail), midP: Math.min(1, 2 * (tail - 0.5 * atK)) };
}

/** P(X ≤ k) and P(X = k) for X ~ Binomial(n, ½), k ≤ n/2. */
function binomialHalfLowerTail(n: number, k: number): { tail: number; atK: number } {
  if (n <= 1000) {
    // pmf(0) = 2⁻ⁿ (exact, ≥ 9.3e-302), pmf(i + 1) = pmf(i)·(n − i)/(i + 1), summed smallest first:
    // exact while C(n, i) < 2⁵³ (every textbook case).
    let pmf = Math.pow(2, -n);
    let tail = pmf;
    for (let i = 0; i < k; i++) {
      pmf = (pmf * (n - i)) / (i + 1);
      tail += pmf;
    }
    return { tail: Math.min(1, tail), atK: pmf };
  }
  // Large n: pmf(k) in log space, the tail relative to it, r_k = 1, r_{i−1} = r_i·i/(n − i + 1)
  // (terms fall geometrically below k, so the sum stops once they no longer change it).
  let log = -n * Math.LN2;
  for (let i = 1; i <= k; i++) log += Math.log((n - k + i) / i);
  const atK = Math.exp(log);
  let s = 1;
  let r = 1;
  for (let i = k; i > 0; i--) {
    r *= i / (n - i + 1);
    if (r < 1e-17 * s) break;
    s += r;
  }
  return { tail: Math.min(1, atK * s), atK };
}

// ---------------------------------------------------------------------------------------------
// Normal approximation

/**
 * Standard normal quantile Φ⁻¹(p) (Wichura's AS241, PPND16: ~1e-16 relative accuracy; the same
 * algorithm as Python's `statistics.NormalDist.inv_cdf`). Φ⁻¹(0.975) = 1.959963984540054.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    const num =
      (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
        13731.693765509461125) *
        r +
        1971.5909503065514427) *
        r +
        133.14166789178437745) *
        r +
        3.387132872796366608) *
      q;
    const den =
      ((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
      1.0;
    return num / den;
  }
  let r = q <= 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let num: number;
  let den: number;
  if (r <= 5) {
    r -= 1.6;
    num =
      ((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
      1.42343711074968357734;
    den =
      ((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
      1.0;
  } else {
    r -= 5;
    num =
      ((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
      6.6579046435011037772;
    den =
      ((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
      1.0;
  }
  const x = num / den;
  return q < 0 ? -x : x;
}

/**
 * Normal-approximation interval of a mean: x̄ ± z·s/√n with s the sample standard deviation
 * (n − 1 in the denominator) and z = Φ⁻¹(1 − (1 − level)/2) (1.96 for 95%). Null/NaN values are
 * left out; null when fewer than 2 values remain (s is undefined). A constant sample gives [x̄, x̄].
 */
export function normalMeanInterval(values: ArrayLike<number | null>, level = 0.95): Interval | null {
  const xs = presentValues(values);
  const n = xs.length;
  if (n < 2) return null;
  const mean = meanOfRewards(xs)!;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  const half = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(ss / (n - 1) / n);
  return { lo: mean - half, hi: mean + half };
}

// ---------------------------------------------------------------------------------------------
// Paired bootstrap

export interface PairedBootstrapOptions {
  /** Resamples (default 2000, `PAIRED_BOOTSTRAP_REPLICATES`). 0 = point estimate only (ci and p null). */
  replicates?: number;
  /** Seed of the sfc32 generator (default 20251126, the site-wide bootstrap seed). */
  seed?: number;
  /** Independent stream of that seed, e.g. `hashString(key)`, so two comparisons don't share draws. */
  stream?: number;
  /** Interval level (default 0.95). */
  level?: number;
}

export interface PairedBootstrapResult {
  /** Number of differences used (nulls and NaNs left out). */
  n: number;
  /** Mean difference; null when n = 0. */
  mean: number | null;
  /** Percentile interval of the replicate means (type 7, linear), null when n = 0 or no replicates. */
  ci: Interval | null;
  /**
   * Two-sided p-value: min(1, 2·min((#{m* ≤ 0} + 1)/(R + 1), (#{m* ≥ 0} + 1)/(R + 1))) over the
   * replicate means m* (|m*| ≤ 1e-12·max(1, max|d|) counts as 0, against rounding). Null when n = 0
   * or no replicates. Never below 2/(R + 1).
   */
  p: number | null;
  /** Replicates actually drawn. */
  replicates: number;
}

/**
 * Paired bootstrap of the mean of per-question differences d_i = a_i − b_i: R resamples of the n
 * differences with replacement (one seeded sfc32 stream), the mean of each, the percentile
 * interval of those means, and a two-sided p-value from how often the resampled mean falls on
 * either side of 0 (the interval-inversion p-value: p < 0.05 ⇔ 0 lies outside the 95%
 * percentile interval, up to the +1 correction, which keeps p > 0 with finitely many replicates).
 * Same input, seed and stream → the same numbers. Cost O(R·n).
 */
export function pairedBootstrap(diffs: ArrayLike<number | null>, opts: PairedBootstrapOptions = {}): PairedBootstrapResult {
  const xs = presentValues(diffs);
  const n = xs.length;
  const R = Math.max(0, Math.floor(opts.replicates ?? PAIRED_BOOTSTRAP_REPLICATES));
  if (n === 0) return { n, mean: null, ci: null, p: null, replicates: 0 };
  const mean = meanOfRewards(xs)!;
  if (R === 0) return { n, mean, ci: null, p: null, replicates: 0 };
  let scale = 1;
  for (const x of xs) if (Math.abs(x) > scale) scale = Math.abs(x);
  const zero = 1e-12 * scale;
  const rng = createRng(opts.seed ?? DEFAULT_BOOTSTRAP.seed, opts.stream ?? 0);
  const values = Float64Array.from(xs);
  const reps = new Float64Array(R);
  let le = 0;
  let ge = 0;
  for (let r = 0; r < R; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[Math.floor((rng.u32() / 4294967296) * n)];
    const m = s / n;
    reps[r] = m;
    if (m <= zero) le++;
    if (m >= -zero) ge++;
  }
  const p = Math.min(1, (2 * Math.min(le + 1, ge + 1)) / (R + 1));
  return { n, mean, ci: percentileInterval(reps, opts.level ?? 0.95), p, replicates: R };
}

// ---------------------------------------------------------------------------------------------
// Multiple comparisons

/**
 * Holm–Bonferroni adjusted p-values, in the input's order. With the m non-null p-values sorted
 * ascending p₍₁₎ ≤ … ≤ p₍ₘ₎ (ties keep input order): p̃₍ⱼ₎ = max_{i ≤ j} min(1, (m − i + 1)·p₍ᵢ₎),
 * so adjusted values never decrease along the sorted order and never exceed 1. Null (or NaN)
 * entries stay null and do not count in m. Controls the family-wise error rate under any dependence.
 *
 *   holm([0.01, 0.04, 0.03, 0.005]) = [0.03, 0.06, 0.06, 0.02]
 */
export function holm(pValues: ReadonlyArray<number | null>): (number | null)[] {
  const idx: number[] = [];
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i];
    if (p === null || p !== p) continue;
    if (p < 0 || p > 1) throw new RangeError(`holm: p-value ${p} at index ${i} is outside [0, 1]`);
    idx.push(i);
  }
  idx.sort((i, j) => (pValues[i] as number) - (pValues[j] as number) || i - j);
  const out: (number | null)[] = pValues.map(() => null);
  const m = idx.length;
  let running = 0;
  for (let j = 0; j < m; j++) {
    running = Math.max(running, Math.min(1, (m - j) * (pValues[idx[j]] as number)));
    out[idx[j]] = running;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Two configurations, question by question

export interface PairedCompareOptions extends PairedBootstrapOptions {
  /** Report McNemar's mid-p instead of the exact p (0/1 rewards only). Default false. */
  midP?: boolean;
}

export interface PairedCompareResult {
  /** `mcnemar-exact` when every shared value of both is exactly 0 or 1, else `paired-bootstrap`. */
  method: PairedMethod;
  /** Questions where both have a value (the only ones compared). */
  nShared: number;
  /** Questions where only a (only b) has a value. */
  onlyA: number;
  onlyB: number;
  /** Means over the shared questions; null when nShared = 0. */
  meanA: number | null;
  meanB: number | null;
  /** meanA − meanB = mean of the per-question differences a − b (summed exactly). */
  diff: number | null;
  /** Paired bootstrap percentile interval of diff (both methods); null when nShared = 0 or replicates = 0. */
  ci: Interval | null;
  /** Two-sided p-value of the chosen method; null when nShared = 0 (or bootstrap with 0 replicates). */
  p: number | null;
  /** McNemar's discordant counts (a right / b wrong, a wrong / b right); null for the bootstrap. */
  discordant: { b: number; c: number } | null;
}

/**
 * Compare two configurations on the questions both answered. `a` and `b` map question id →
 * question mean (null or NaN = no value, e.g. from `questionMeans`). Only questions where both
 * have a value are compared (the rest are counted in onlyA / onlyB). When every compared value
 * is 0 or 1 the p-value is McNemar's exact test (mid-p on request), otherwise the paired
 * bootstrap's; the interval is the paired bootstrap percentile interval in both cases (questions
 * in id order, so the result does not depend on map order).
 */
export function pairedCompare(
  a: ReadonlyMap<string, number | null>,
  b: ReadonlyMap<string, number | null>,
  opts: PairedCompareOptions = {},
): PairedCompareResult {
  const has = (v: number | null | undefined): v is number => v !== null && v !== undefined && v === v;
  const shared: string[] = [];
  let onlyA = 0;
  let onlyB = 0;
  for (const [id, va] of a) {
    if (!has(va)) continue;
    if (has(b.get(id))) shared.push(id);
    else onlyA++;
  }
  for (const [id, vb] of b) if (has(vb) && !has(a.get(id))) onlyB++;
  sortQuestionIds(shared);
  const n = shared.length;
  const xa = new Float64Array(n);
  const xb = new Float64Array(n);
  const d = new Float64Array(n);
  let binary = true;
  let disB = 0;
  let disC = 0;
  for (let i = 0; i < n; i++) {
    xa[i] = a.get(shared[i]) as number;
    xb[i] = b.get(shared[i]) as number;
    d[i] = xa[i] - xb[i];
    if ((xa[i] !== 0 && xa[i] !== 1) || (xb[i] !== 0 && xb[i] !== 1)) binary = false;
    else if (xa[i] > xb[i]) disB++;
    else if (xa[i] < xb[i]) disC++;
  }
  const boot = pairedBootstrap(d, opts);
  const method: PairedMethod = binary && n > 0 ? "mcnemar-exact" : "paired-bootstrap";
  let p = boot.p;
  let discordant: PairedCompareResult["discordant"] = null;
  if (method === "mcnemar-exact") {
    const t = mcnemarExact(disB, disC);
    p = opts.midP ? t.midP : t.p;
    discordant = { b: disB, c: disC };
  }
  return {
    method,
    nShared: n,
    onlyA,
    onlyB,
    meanA: meanOfRewards(xa),
    meanB: meanOfRewards(xb),
    diff: boot.mean,
    ci: boot.ci,
    p,
    discordant,
  };
}

function presentValues(values: ArrayLike<number | null>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v === v) out.push(v);
  }
  return out;
}
