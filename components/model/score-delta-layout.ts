/** Layout of the "score − board median" bar chart, shared by the chart (client) and its figure (server). */

/** Pixels per benchmark bar. */
export const SCORE_DELTA_ROW_HEIGHT = 26;

/** The chart's natural height for `n` bars (bars plus the axis). */
export function scoreDeltaHeight(n: number): number {
  return n * SCORE_DELTA_ROW_HEIGHT + 56;
}
