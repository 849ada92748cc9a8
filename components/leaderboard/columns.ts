/**
 * Column identities of the leaderboard table, shared by the table, the URL (`sort`, `cols`) and the
 * export. Plain TypeScript (no React): usable from tests and the server.
 */

/** The fixed columns, in display order. Benchmark columns follow, one per benchmark. */
export const FIXED_COLUMNS = ["rank", "config", "weighted", "simple", "datasets", "score", "tokens"] as const;
export type FixedColumnId = (typeof FIXED_COLUMNS)[number];

/** The row-selection checkbox column (never exported, never hidden). */
export const SELECT_COLUMN = "select";

/** Columns that cannot be hidden (the row's identity). */
export const ALWAYS_VISIBLE: ReadonlySet<string> = new Set<string>([SELECT_COLUMN, "rank", "config"]);

/** Columns hidden unless the URL shows them (`cols=+id`). None today: every column starts visible. */
export const DEFAULT_HIDDEN: ReadonlySet<string> = new Set<string>();

export const FIXED_COLUMN_LABELS: Record<FixedColumnId, string> = {
  rank: "Rank",
  config: "Configuration",
  weighted: "Win rate % (95% CI)",
  simple: "Simple win rate %",
  datasets: "Datasets",
  score: "Mean score %",
  tokens: "Mean output tokens",
};

const RESERVED = new Set<string>([SELECT_COLUMN, ...FIXED_COLUMNS]);

/**
 * The column id of a benchmark: its slug, unless that collides with a fixed column id (then
 * `bench-<slug>`). Used in the `sort` and `cols` URL parameters.
 */
export function benchmarkColumnId(slug: string): string {
  return RESERVED.has(slug) ? `bench-${slug}` : slug;
}

export function isDefaultVisible(columnId: string): boolean {
  return !DEFAULT_HIDDEN.has(columnId);
}
