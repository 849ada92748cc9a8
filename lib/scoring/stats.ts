/**
 * Small statistics pieces: dataset weights, simple/weighted means (summed exactly like Medmarks'
 * Python: left to right), percentiles and the percentile bootstrap of a mean.
 */
import { createRng, resampleCounts } from "./prng";
import type { Interval, WeightPolicy } from "./types";

/** Dataset weight from its question count: ln n (0 when n ≤ 0), √n, 1, or min(n, cap). */
export function weightOf(nQuestions: number, policy: WeightPolicy, cap = 0): number {
  const n = Math.max(nQuestions, 0);
  switch (policy) {
    case "ln":
      return n > 0 ? Math.log(n) : 0;
    case "sqrt":
      return n > 0 ? Math.sqrt(n) : 0;
    case "equal":
      return 1;
    case "cap":
      return Math.min(n, Math.max(cap, 0));
  }
}

/** Plain mean, summed left to right; null for no values. */
export function simpleMean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/** Σ v·w / Σ w, summed left to right; the simple mean when every weight is 0; null for no values. */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sw = 0;
  let svw = 0;
  for (let i = 0; i < values.length; i++) {
    svw += values[i] * weights[i];
    sw += weights[i];
  }
  return sw > 0 ? svw / sw : simpleMean(values);
}

/** Percentile p ∈ [0, 1] of ascending `sorted` values, linear interpolation (numpy's default, Hyndman–Fan type 7). */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Nearest-rank percentile (type 1, inverse of the empirical CDF): always one of the values. */
export function nearestRankSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  return sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))];
}

/**
 * Rearrange a[lo..hi] so that a[k] is the value that would be there if the range were sorted, with
 * a[lo..k) ≤ a[k] ≤ a(k..hi] (quickselect, median-of-three pivot): O(n) on average.
 */
export function selectKth(a: Float64Array, k: number, lo = 0, hi = a.length - 1): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three to a[mid], then Hoare partition around it
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** Type-7 percentile of the first n values of `a` (reordered in place). */
function selectPercentile(a: Float64Array, n: number, p: number, method: "linear" | "nearest"): number {
  if (method === "nearest") {
    const k = Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1));
    selectKth(a, k, 0, n - 1);
    return a[k];
  }
  const h = (n - 1) * p;
  const k = Math.floor(h);
  selectKth(a, k, 0, n - 1);
  const v = a[k];
  if (k + 1 >= n || h === k) return v;
  let next = Infinity;
  for (let i = k + 1; i < n; i++) if (a[i] < next) next = a[i];
  return v + (h - k) * (next - v);
}

/**
 * Percentile interval of replicate values (NaN replicates are left out, e.g. a resample where a
 * config answered nothing). `level` 0.95 → the 2.5th and 97.5th percentiles, interpolated linearly
 * (type 7) or nearest rank. Null when no replicate is defined. `scratch` (length ≥ values) avoids an
 * allocation. Same numbers as sorting, in linear time.
 */
export function percentileInterval(
  values: ArrayLike<number>,
  level = 0.95,
  scratch?: Float64Array,
  method: "linear" | "nearest" = "linear",
): Interval | null {
  const buf = scratch && scratch.length >= values.length ? scratch : new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) buf[n++] = v;
  }
  if (n === 0) return null;
  const a = Math.round(((1 - level) / 2) * 1e12) / 1e12; // 0.95 → exactly 0.025 (not 0.025000000000000022)
  const lo = selectPercentile(buf, n, a, method);
  const hi = selectPercentile(buf, n, 1 - a, method);
  return { lo, hi };
}

/**
 * Percentile bootstrap interval of the mean of `values` (NaN = missing, left out): `replicates`
 * resamples of the values with replacement, seeded. The interval of a single run's score (spec §3).
 */
export function bootstrapMeanInterval(
  values: ArrayLike<number>,
  opts: { replicates?: number; seed?: number; level?: number; stream?: number } = {},
): Interval | null {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) present.push(values[i]);
  const n = present.length;
  if (n === 0) return null;
  const R = opts.replicates ?? 1000;
  const rng = createRng(opts.seed ?? 20251126, opts.stream ?? 0);
  const counts = new Int32Array(n);
  const reps = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    resampleCounts(rng, n, counts);
    let s = 0;
    for (let i = 0; i < n; i++) if (counts[i] !== 0) s += counts[i] * present[i];
    reps[r] = s / n;
  }
  return percentileInterval(reps, opts.level ?? 0.95);
}
