/**
 * Axes of the efficiency chart (pure, unit-tested): a log x axis with readable ticks on the
 * 1-2-5 grid (1k, 2k, 5k, 10k) or on decades when the data spans many of them, a y axis in
 * percent, and the labels and tick texts of each x quantity.
 */
import { formatSeconds, formatTokens } from "@/lib/format";
import type { EfficiencyX } from "@/lib/queries/efficiency-types";

/** m × 10^k without binary noise (0.2, not 0.20000000000000004). */
const decimal = (m: number, k: number) => Number(`${m}e${k}`);

const STEPS = [1, 2, 5] as const;

/** Every 1-2-5 value (or only the decades) from `lo` to `hi` inclusive. */
function grid(lo: number, hi: number, mantissas: readonly number[]): number[] {
  const out: number[] = [];
  for (let k = Math.floor(Math.log10(lo)) - 1; k <= Math.ceil(Math.log10(hi)) + 1; k++) {
    for (const m of mantissas) {
      const v = decimal(m, k);
      if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) out.push(v);
    }
  }
  return out;
}

/** The 1-2-5 values around v's decade: 5·10^(k−1), 1·10^k, 2·10^k, 5·10^k, 1·10^(k+1). */
function around(v: number): number[] {
  const k = Math.floor(Math.log10(v));
  return [decimal(5, k - 1), decimal(1, k), decimal(2, k), decimal(5, k), decimal(1, k + 1)];
}

/** The largest 1-2-5 value ≤ v. */
function niceFloor(v: number): number {
  return Math.max(...around(v).filter((c) => c <= v * (1 + 1e-12)));
}

/** The smallest 1-2-5 value ≥ v. */
function niceCeil(v: number): number {
  return Math.min(...around(v).filter((c) => c >= v * (1 - 1e-12)));
}

/** At most this many ticks on the 1-2-5 grid; more → decades only. */
const MAX_TICKS = 9;

/**
 * A log-scale domain holding every positive value with ~20% room on each side, rounded out to
 * the 1-2-5 grid, and its ticks: the 1-2-5 values inside it, or the powers of ten when those would
 * be more than 9. Non-positive and non-finite values are ignored (they are never plotted).
 */
export function logAxis(values: readonly number[]): { domain: [number, number]; ticks: number[] } {
  const v = values.filter((x) => Number.isFinite(x) && x > 0);
  if (!v.length) return { domain: [1, 10], ticks: [1, 10] };
  const lo = niceFloor(Math.min(...v) / 1.2);
  const hi = niceCeil(Math.max(...v) * 1.2);
  let ticks = grid(lo, hi, STEPS);
  if (ticks.length > MAX_TICKS) ticks = grid(lo, hi, [1]);
  return { domain: [lo, hi], ticks };
}

/**
 * A y domain in [0, 1] holding every value (scores and their interval bounds), on a step that
 * gives 4–11 ticks (1, 2, 5 or 10 percentage points), and those ticks.
 */
export function percentAxis(values: readonly number[]): { domain: [number, number]; ticks: number[] } {
  const v = values.filter((x) => Number.isFinite(x));
  if (!v.length) return { domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] };
  const min = Math.max(0, Math.min(...v));
  const max = Math.min(1, Math.max(...v));
  const span = max - min;
  const step = span > 0.5 ? 0.1 : span > 0.2 ? 0.05 : span > 0.08 ? 0.02 : 0.01;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  let lo = round(Math.floor(round(min / step)) * step);
  let hi = round(Math.ceil(round(max / step)) * step);
  if (hi - lo < 2 * step) {
    lo = Math.max(0, round(lo - step));
    hi = Math.min(1, round(hi + step));
  }
  const n = Math.round((hi - lo) / step);
  return { domain: [lo, hi], ticks: Array.from({ length: n + 1 }, (_, i) => round(lo + i * step)) };
}

/** Axis title of each x quantity (the axis is always logarithmic). */
export const X_LABELS: Record<EfficiencyX, string> = {
  output: "Mean output tokens per question (log scale)",
  total: "Mean input + output tokens per question (log scale)",
  latency: "Mean latency per question, seconds (log scale)",
};

/** Short names, for selects, table headers and tooltips. */
export const X_NAMES: Record<EfficiencyX, string> = {
  output: "Output tokens / question",
  total: "Input + output tokens / question",
  latency: "Latency / question",
};

/** A value of x as the tables show it: tokens compact (4.2k), latency in seconds (2 significant digits). */
export function formatX(v: number | null | undefined, x: EfficiencyX): string {
  return x === "latency" ? formatSeconds(v) : formatTokens(v);
}

/** A tick of the x axis: as `formatX`, without trailing zeros (1k, 2k, 0.5 s, 1 s). */
export function formatXTick(v: number, x: EfficiencyX): string {
  const text = formatX(v, x);
  return x === "latency" ? text.replace(/\.0+ s$/, " s").replace(/(\.\d*?)0+ s$/, "$1 s") : text.replace(/\.0(?=[kMB]$)/, "");
}
