/**
 * One colour per compared configuration (by its position on the page), the same in the chart, its
 * legend and the table headers. Plain hex (an exported figure cannot resolve theme variables),
 * from the Okabe–Ito colour-blind-safe set, darkened where needed for ≥ 3:1 against white; the
 * names are always printed too, so colour never carries the meaning alone.
 */
export const CONFIG_COLORS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#b08800", "#8e6bbf"] as const;

export function configColor(index: number): string {
  return CONFIG_COLORS[index % CONFIG_COLORS.length];
}
