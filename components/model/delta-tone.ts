/**
 * The diverging scale of this page's deltas (score − median, this − sibling): blue above 0,
 * red below (RdBu hues, distinguishable with the common colour-vision deficiencies), grey within
 * half a percentage point. The value is always printed too: colour only supports it.
 *
 * Two sets of the same hues: FILLS for bars and legend swatches are plain hex, ≥ 3:1 against both
 * themes' backgrounds, so an exported figure (which cannot resolve theme functions) keeps them;
 * COLORS for text use `light-dark()`, which follows the theme's `color-scheme` (no global CSS
 * needed), for ≥ 4.5:1 in each theme.
 */

/** Below this absolute difference (0.5 pp) a delta reads as "about the same". */
export const NEUTRAL_BAND = 0.005;

export const DELTA_COLORS = {
  positive: "light-dark(#2166ac, #92c5de)",
  negative: "light-dark(#b2182b, #f4a582)",
  neutral: "light-dark(#737373, #a3a3a3)",
} as const;

export const DELTA_FILLS = {
  positive: "#3a7fc4",
  negative: "#d6604d",
  neutral: "#8a8a8a",
} as const;

export type DeltaTone = keyof typeof DELTA_COLORS;

export function deltaTone(delta: number | null | undefined): DeltaTone {
  if (typeof delta !== "number" || !Number.isFinite(delta) || Math.abs(delta) < NEUTRAL_BAND) return "neutral";
  return delta > 0 ? "positive" : "negative";
}

/** Text colour of a delta. */
export function deltaColor(delta: number | null | undefined): string {
  return DELTA_COLORS[deltaTone(delta)];
}

/** Fill of a delta's bar or swatch. */
export function deltaFill(delta: number | null | undefined): string {
  return DELTA_FILLS[deltaTone(delta)];
}
