/**
 * Heat colouring of score cells: viridis (perceptually uniform, colour-blind safe), interpolated
 * in code, with a text colour chosen per cell for contrast (≥ 4.5:1 for every colour of the ramp).
 * The value is always printed as text; colour only supports it. Pure.
 */

/** viridis at 10 evenly spaced points (matplotlib / R `viridis(10)`): dark purple → yellow. */
const VIRIDIS = [
  "#440154",
  "#482878",
  "#3e4a89",
  "#31688e",
  "#26828e",
  "#1f9e89",
  "#35b779",
  "#6dcd59",
  "#b4de2c",
  "#fde725",
] as const;

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const STOPS: Rgb[] = VIRIDIS.map(hexToRgb);

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** The viridis colour at t ∈ [0, 1] (clamped) as "#rrggbb". */
export function viridis(t: number): string {
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const pos = x * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = STOPS[i];
  const b = STOPS[i + 1];
  return toHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/** WCAG relative luminance of "#rrggbb". */
export function luminance(hex: string): number {
  const lin = hexToRgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const BLACK = "#000000";
const WHITE = "#ffffff";

/** Background and the more readable of black/white text for a position t ∈ [0, 1] on the ramp. */
export function heatStyle(t: number): { backgroundColor: string; color: string } {
  const bg = viridis(t);
  const color = contrastRatio(bg, BLACK) >= contrastRatio(bg, WHITE) ? BLACK : WHITE;
  return { backgroundColor: bg, color };
}

/** Where `value` sits between `min` and `max` (0.5 when they coincide). */
export function scalePosition(value: number, min: number, max: number): number {
  if (!(max - min > 1e-12)) return 0.5;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** CSS gradient of the ramp, for a legend. */
export function viridisGradient(direction = "to right"): string {
  return `linear-gradient(${direction}, ${VIRIDIS.join(", ")})`;
}
