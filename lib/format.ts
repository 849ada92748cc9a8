/**
 * The one place that turns numbers into text for the UI (see docs "UI conventions").
 *
 * - Deterministic: "en-US" grouping and UTC dates, whatever the machine locale or time zone.
 * - Every formatter returns MISSING ("—") for null, undefined, NaN and ±Infinity.
 * - Rounding is half away from zero on the decimal value as written (0.9995 → "100.0%",
 *   1.005 → "1.01"), not on the binary float, and never prints "-0".
 * - Negative numbers use the typographic minus sign "−" (U+2212), not a hyphen.
 *
 * Plain TypeScript (no Next, no DOM): usable from server components, client leaves and scripts.
 */
import type { ModelGroup } from "./catalog/types";

/** Shown for a missing value. Pair it with a tooltip that says why (not run / incomplete / ...). */
export const MISSING = "—";
/** U+2212 MINUS SIGN. */
export const MINUS = "\u2212";

type Maybe = number | null | undefined;

function isPresent(x: Maybe): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/** Multiply by 10^places exactly in decimal (via the shortest round-trip string of `v`). */
function shift(v: number, places: number): number {
  const [mantissa, exponent = "0"] = String(v).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** Round half away from zero to `decimals` places (negative = tens, hundreds, ...); never -0. */
function roundTo(v: number, decimals: number): number {
  const r = shift(Math.round(shift(Math.abs(v), decimals)), -decimals);
  return v < 0 && r !== 0 ? -r : r;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let nf = numberFormats.get(decimals);
  if (!nf) {
    nf = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    numberFormats.set(decimals, nf);
  }
  return nf;
}

/** Fixed decimals with thousands separators and a "−" for negatives. */
function fixed(v: number, decimals: number): string {
  const d = Math.max(0, decimals);
  const r = roundTo(v, d);
  const text = numberFormat(d).format(Math.abs(r));
  return r < 0 ? MINUS + text : text;
}

/** A number with fixed decimals: formatNumber(-0.1234, 2) → "−0.12". */
export function formatNumber(x: Maybe, decimals = 2): string {
  return isPresent(x) ? fixed(x, decimals) : MISSING;
}

/** A share in [0, 1] as a percentage: 0.714 → "71.4%". */
export function formatPercent(x: Maybe, decimals = 1): string {
  return isPresent(x) ? `${fixed(shift(x, 2), decimals)}%` : MISSING;
}

/**
 * A share with its interval, in percentage points without "%" (the column header says "%"):
 * (0.714, 0.698, 0.730) → "71.4 (69.8–73.0)". Without both bounds, only the value.
 */
export function formatInterval(x: Maybe, lo: Maybe, hi: Maybe, decimals = 1): string {
  if (!isPresent(x)) return MISSING;
  const mid = fixed(shift(x, 2), decimals);
  if (!isPresent(lo) || !isPresent(hi)) return mid;
  const a = fixed(shift(lo, 2), decimals);
  const b = fixed(shift(hi, 2), decimals);
  // "−3.0–0.5" is hard to read; space the dash when a bound is negative.
  const dash = a.startsWith(MINUS) || b.startsWith(MINUS) ? " – " : "–";
  return `${mid} (${a}${dash}${b})`;
}

/** A difference of shares in percentage points: 0.012 → "+1.2 pp", −0.004 → "−0.4 pp", 0 → "0.0 pp". */
export function formatDelta(x: Maybe, decimals = 1): string {
  if (!isPresent(x)) return MISSING;
  const text = fixed(shift(x, 2), decimals);
  const sign = roundTo(shift(x, 2), decimals) > 0 ? "+" : "";
  return `${sign}${text} pp`;
}

/** An integer with thousands separators: 12751 → "12,751". */
export function formatInt(n: Maybe): string {
  return isPresent(n) ? fixed(n, 0) : MISSING;
}

/** `value` (≥ 0, already in `unit`s) with one decimal below 10, else an integer. */
function compact(value: number, unit: string): string {
  const one = roundTo(value, 1);
  return one < 10 ? `${fixed(one, 1)}${unit}` : `${fixed(value, 0)}${unit}`;
}

function tokensAbs(a: number): string {
  if (roundTo(a, 0) < 1000) return fixed(a, 0);
  if (roundTo(shift(a, -3), 0) < 1000) return compact(shift(a, -3), "k");
  if (roundTo(shift(a, -6), 0) < 1000) return compact(shift(a, -6), "M");
  return compact(shift(a, -9), "B");
}

/** Token counts, compact: 950 → "950", 4200 → "4.2k", 12345 → "12k", 1.3e6 → "1.3M". */
export function formatTokens(n: Maybe): string {
  if (!isPresent(n)) return MISSING;
  const text = tokensAbs(Math.abs(n));
  return n < 0 && text !== "0" ? MINUS + text : text;
}

/** Two significant digits: 0.8412 → "0.84", 12.3 → "12", 134 → "130", 0.995 → "1.0". */
function twoSignificant(v: number): string {
  if (v === 0) return "0";
  let magnitude = Number(Math.abs(v).toExponential().split("e")[1]);
  let r = roundTo(v, 1 - magnitude);
  if (Math.abs(r) >= shift(1, magnitude + 1)) {
    magnitude += 1; // rounding carried into the next power of ten (9.96 → 10)
    r = roundTo(v, 1 - magnitude);
  }
  return fixed(r, 1 - magnitude);
}

/** Latency in seconds with two significant digits: "0.84 s", "12 s", "130 s". */
export function formatSeconds(s: Maybe): string {
  return isPresent(s) ? `${twoSignificant(s)} s` : MISSING;
}

/** Latency stored in milliseconds, shown in seconds: 840 → "0.84 s". */
export function formatMilliseconds(ms: Maybe): string {
  return isPresent(ms) ? formatSeconds(shift(ms, -3)) : MISSING;
}

/** A size in bytes, decimal units: 950 → "950 B", 20480 → "20 kB", 1048576 → "1.0 MB". */
export function formatBytes(n: Maybe): string {
  if (!isPresent(n)) return MISSING;
  const a = Math.abs(n);
  const sign = n < 0 && roundTo(a, 0) !== 0 ? MINUS : "";
  if (roundTo(a, 0) < 1000) return `${sign}${fixed(a, 0)} B`;
  if (roundTo(shift(a, -3), 0) < 1000) return sign + compact(shift(a, -3), " kB");
  if (roundTo(shift(a, -6), 0) < 1000) return sign + compact(shift(a, -6), " MB");
  return sign + compact(shift(a, -9), " GB");
}

type DateInput = string | number | Date | null | undefined;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function toDate(input: DateInput): Date | null {
  if (input == null || input === "") return null;
  const d = input instanceof Date ? input : new Date(input);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A calendar date in UTC: "2025-11-26T14:03:00Z" → "Nov 26, 2025". */
export function formatDate(input: DateInput): string {
  const d = toDate(input);
  if (!d) return MISSING;
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** A timestamp in UTC, 24-hour: "Nov 26, 2025, 14:03 UTC". */
export function formatDateTime(input: DateInput): string {
  const d = toDate(input);
  if (!d) return MISSING;
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${formatDate(d)}, ${hh}:${mm} UTC`;
}

/* ----------------------------------------------------------------------------------------------
 * Model groups: the one categorical palette (CSS variables in app/globals.css).
 * -------------------------------------------------------------------------------------------- */

/** Display order of the groups in legends and filters. */
export const GROUP_ORDER: readonly ModelGroup[] = ["proprietary", "open-weight", "medical", "quantized"];

export const GROUP_LABELS: Record<ModelGroup, string> = {
  proprietary: "Proprietary",
  "open-weight": "Open-weight",
  medical: "Medical",
  quantized: "Quantized",
};

/**
 * The colour of a model group as a CSS value, e.g. "var(--group-medical)". Use it in `style`
 * (backgroundColor, color) and as an SVG/recharts `fill`/`stroke`; it follows the theme.
 */
export function groupColorVar(group: ModelGroup): string {
  return `var(--group-${group})`;
}
