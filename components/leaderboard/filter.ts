/**
 * Client-side filtering of the board's rows (search + facets) and the facet counts. Pure: the
 * filters component and the table both use it; ranks stay the board's ranks.
 *
 * Within a facet the chosen values are alternatives (OR); facets and the search combine with AND.
 * A facet value's count is the number of rows it would show given the search and the OTHER facets.
 */
import type { ModelGroup } from "@/lib/catalog/types";
import type { LeaderboardRow } from "@/lib/queries/leaderboard-types";
import { MODEL_GROUPS, SIZE_BUCKETS, type LeaderboardParams, type SizeBucket } from "./params";

/** The fields filtering needs: a slim projection of a row, cheap to send to the client. */
export type FacetRow = Pick<
  LeaderboardRow,
  "config" | "displayName" | "modelName" | "modelId" | "org" | "group" | "reasoningEffort" | "paramsB"
>;

export type Facet = "group" | "org" | "effort" | "size";
export const FACETS: readonly Facet[] = ["group", "org", "effort", "size"];

export type RowFilters = Pick<LeaderboardParams, "q" | Facet>;

/** Key of a row without an organisation, in the `org` facet. */
export const NO_ORG = "unknown";
/** Key of a row without a reasoning effort, in the `effort` facet. */
export const NO_EFFORT = "none";

/** Size buckets by parameter count (billions): < 10 small, 10–70 medium, > 70 large. */
export function sizeBucket(paramsB: number | null | undefined): SizeBucket {
  if (typeof paramsB !== "number" || !Number.isFinite(paramsB) || paramsB <= 0) return "unknown";
  if (paramsB < 10) return "small";
  if (paramsB <= 70) return "medium";
  return "large";
}

export const SIZE_LABELS: Record<SizeBucket, string> = {
  small: "Small (<10B)",
  medium: "Medium (10–70B)",
  large: "Large (>70B)",
  unknown: "Size unknown",
};

/** The row's value in a facet (a group row without a group has none). */
export function facetValue(row: FacetRow, facet: Facet): string | null {
  switch (facet) {
    case "group":
      return row.group;
    case "org":
      return row.org ?? NO_ORG;
    case "effort":
      return row.reasoningEffort ?? NO_EFFORT;
    case "size":
      return sizeBucket(row.paramsB);
  }
}

/** Every whitespace-separated term must occur (case-insensitive) in the alias, names or org. */
export function matchesSearch(row: FacetRow, q: string): boolean {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const hay = [row.config, row.displayName, row.modelName, row.modelId, row.org ?? ""].join(" ").toLowerCase();
  return terms.every((t) => hay.includes(t));
}

function matchesFacet(row: FacetRow, facet: Facet, chosen: readonly string[]): boolean {
  if (chosen.length === 0) return true;
  const v = facetValue(row, facet);
  return v !== null && chosen.includes(v);
}

function matches(row: FacetRow, f: RowFilters, except?: Facet): boolean {
  if (!matchesSearch(row, f.q)) return false;
  for (const facet of FACETS) {
    if (facet !== except && !matchesFacet(row, facet, f[facet])) return false;
  }
  return true;
}

export function filterRows<R extends FacetRow>(rows: readonly R[], f: RowFilters): R[] {
  return rows.filter((r) => matches(r, f));
}

export function hasActiveFilters(f: RowFilters): boolean {
  return f.q.trim() !== "" || FACETS.some((facet) => f[facet].length > 0);
}

export interface FacetOption {
  value: string;
  count: number;
  selected: boolean;
}

const EFFORT_ORDER = ["minimal", "low", "medium", "high", "xhigh", "max"];

function orderOptions(facet: Facet, options: FacetOption[]): FacetOption[] {
  const byCountThenName = (a: FacetOption, b: FacetOption) => b.count - a.count || a.value.localeCompare(b.value);
  switch (facet) {
    case "group":
      return options.sort((a, b) => MODEL_GROUPS.indexOf(a.value as ModelGroup) - MODEL_GROUPS.indexOf(b.value as ModelGroup));
    case "size":
      return options.sort((a, b) => SIZE_BUCKETS.indexOf(a.value as SizeBucket) - SIZE_BUCKETS.indexOf(b.value as SizeBucket));
    case "effort": {
      const rank = (v: string) => (v === NO_EFFORT ? 1e3 : EFFORT_ORDER.indexOf(v) === -1 ? 500 : EFFORT_ORDER.indexOf(v));
      return options.sort((a, b) => rank(a.value) - rank(b.value) || a.value.localeCompare(b.value));
    }
    case "org":
      return options.sort((a, b) => (a.value === NO_ORG ? 1 : 0) - (b.value === NO_ORG ? 1 : 0) || byCountThenName(a, b));
  }
}

/**
 * Options of every facet with counts: each value present on the board (plus selected values that
 * are not, with count 0, so they can be removed). A facet whose rows all share one value filters
 * nothing and gets no options (unless something in it is selected).
 */
export function facetOptions(rows: readonly FacetRow[], f: RowFilters): Record<Facet, FacetOption[]> {
  const out = {} as Record<Facet, FacetOption[]>;
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const v = facetValue(row, facet);
      if (v !== null && !counts.has(v)) counts.set(v, 0);
    }
    for (const row of rows) {
      if (!matches(row, f, facet)) continue;
      const v = facetValue(row, facet);
      if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const chosen = f[facet] as readonly string[];
    for (const v of chosen) if (!counts.has(v)) counts.set(v, 0);
    const options = [...counts].map(([value, count]) => ({ value, count, selected: chosen.includes(value) }));
    out[facet] = options.length > 1 || chosen.length > 0 ? orderOptions(facet, options) : [];
  }
  return out;
}
