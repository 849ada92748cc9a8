/**
 * Diverging colour scale centred at 0 for order-bias deltas: ColorBrewer RdBu (red = the shuffled
 * order scores lower, blue = higher; readable with the common colour-vision deficiencies),
 * interpolated in code, with black or white text per cell for contrast. The value is always printed
 * too: colour only supports it. Pure.
 */
import { contrastRatio } from "@/components/leaderboard/heat";

/** RdBu, 11 classes, from −1 (dark red) to +1 (dark blue). */
const RDBU = ["#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061"] as const;

type Rgb = [number, number, number];
const hexToRgb = (hex: string): Rgb => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};
const STOPS = RDBU.map(hexToRgb);
const toHex = (c: Rgb) => `#${c.map((x) => Math.round(x).toString(16).padStart(2, "0")).join("")}`;

/** The colour at s ∈ [−1, 1] (clamped; NaN → the centre). */
export function diverging(s: number): string {
  const x = Number.isFinite(s) ? Math.min(1, Math.max(-1, s)) : 0;
  const pos = ((x + 1) / 2) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = STOPS[i];
  const b = STOPS[i + 1];
  return toHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/** Fill and the more readable of black / white text for `value` on a symmetric scale ±`limit`. */
export function divergingStyle(value: number, limit: number): { fill: string; text: string } {
  const fill = diverging(limit > 0 ? value / limit : 0);
  return { fill, text: contrastRatio(fill, "#000000") >= contrastRatio(fill, "#ffffff") ? "#000000" : "#ffffff" };
}

/**
 * The scale's half-width: the largest |value| rounded up to a whole percentage point, at least
 * 2 pp and at most 25 pp (beyond that cells saturate; their values stay printed).
 */
export function divergingLimit(values: readonly (number | null)[]): number {
  let m = 0;
  for (const v of values) if (v !== null && Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  const pp = Math.ceil(m * 100 - 1e-9);
  return Math.min(25, Math.max(2, pp)) / 100;
}

/** CSS gradient of the scale, for an HTML legend. */
export function divergingGradient(direction = "to right"): string {
  return `linear-gradient(${direction}, ${RDBU.join(", ")})`;
}

export const DIVERGING_ENDS = { negative: RDBU[1], neutral: RDBU[5], positive: RDBU[9] } as const;
