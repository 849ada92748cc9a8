/**
 * Leaderboard export: exactly the rows shown (filtered, in the shown order) and the columns shown
 * (in the shown order), generated in the browser. The string builders are pure and unit-tested;
 * `downloadText` is the only DOM code.
 *
 * Format decisions:
 * - Numbers are RAW with full precision (`String(x)`, the shortest round-trip form): shares and
 *   scores in [0, 1] (0.714, not "71.4%"), token counts as plain numbers. Nothing is rounded, so
 *   the file reproduces the page's figures at any precision.
 * - A shown column may expand to several fields: its value plus its interval / n, e.g.
 *   `weighted_win_rate, weighted_win_rate_lo, weighted_win_rate_hi`; a benchmark column
 *   `<slug>, <slug>_lo, <slug>_hi, <slug>_n`; the configuration column its identity fields.
 * - Missing values are empty CSV fields and `null` in JSON (never 0).
 * - Every row ends with a `synthetic` field (true for generated demo runs): provenance travels
 *   with the numbers even when the file leaves the site.
 * - CSV: RFC 4180 — comma separated, CRLF line ends, one header line; a field is quoted ("…",
 *   inner quotes doubled) when it holds a comma, quote, CR/LF or leading/trailing space. Text
 *   fields that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
 *   leading apostrophe (OWASP CSV injection); numbers are never altered.
 * - JSON: the same flat records (typed: numbers, booleans, null) plus the board, settings,
 *   snapshot, filters and sort that produced them.
 * - LaTeX (`toLeaderboardLatex`): a booktabs table for papers, one column per shown column and one
 *   line per shown row in the shown order, the numbers as the table writes them ("71.4
 *   (69.8--73.0)", benchmark cells with their intervals), caption naming the snapshot
 *   (lib/export/latex.ts). Same rows and columns as the CSV, which expands a column into fields.
 */
import { csvCell } from "@/lib/export/csv";
import { toLatex } from "@/lib/export/latex";
import { col, type ExportColumn, type TableModel } from "@/lib/export/table-model";
import { formatInt, formatInterval, formatTokens } from "@/lib/format";
import type { LeaderboardRow, LeaderboardView } from "@/lib/queries/leaderboard-types";
import { benchmarkColumnId, FIXED_COLUMN_LABELS, type FixedColumnId } from "./columns";
import type { LeaderboardParams } from "./params";
import { weightPhrase } from "./settings-options";

export type ExportValue = string | number | boolean | null;

export interface ExportField {
  key: string;
  value: (row: LeaderboardRow) => ExportValue;
}

type BenchmarkRef = Pick<LeaderboardView["benchmarks"][number], "slug">;

const FIXED_FIELDS: Record<FixedColumnId, ExportField[]> = {
  rank: [
    { key: "rank", value: (r) => r.rank },
    { key: "rank_lo", value: (r) => r.rankLo },
    { key: "rank_hi", value: (r) => r.rankHi },
    { key: "tie_group", value: (r) => r.tieGroup },
    { key: "rank_change", value: (r) => r.rankChange },
  ],
  config: [
    { key: "config", value: (r) => r.config },
    { key: "display_name", value: (r) => r.displayName },
    { key: "model_id", value: (r) => r.modelId },
    { key: "org", value: (r) => r.org },
    { key: "group", value: (r) => r.group },
    { key: "reasoning_effort", value: (r) => r.reasoningEffort },
    { key: "params_b", value: (r) => r.paramsB },
    { key: "in_catalog", value: (r) => r.inCatalog },
  ],
  weighted: [
    { key: "weighted_win_rate", value: (r) => r.weighted },
    { key: "weighted_win_rate_lo", value: (r) => r.weightedLo },
    { key: "weighted_win_rate_hi", value: (r) => r.weightedHi },
  ],
  simple: [{ key: "simple_win_rate", value: (r) => r.simple }],
  datasets: [{ key: "n_datasets", value: (r) => r.nDatasets }],
  score: [{ key: "mean_score", value: (r) => r.meanScore }],
  tokens: [{ key: "mean_output_tokens", value: (r) => r.meanOutputTokens }],
};

const SYNTHETIC_FIELD: ExportField = { key: "synthetic", value: (r) => r.synthetic };

function benchmarkFields(slug: string): ExportField[] {
  const cell = (r: LeaderboardRow) => r.benchmarks[slug] ?? null;
  return [
    { key: slug, value: (r) => cell(r)?.score ?? null },
    { key: `${slug}_lo`, value: (r) => cell(r)?.lo ?? null },
    { key: `${slug}_hi`, value: (r) => cell(r)?.hi ?? null },
    { key: `${slug}_n`, value: (r) => cell(r)?.n ?? null },
  ];
}

/**
 * The fields for the shown columns, in order. Unknown column ids (e.g. the checkbox column) are
 * skipped; `synthetic` comes last.
 */
export function exportFields(columnIds: readonly string[], benchmarks: readonly BenchmarkRef[]): ExportField[] {
  const bySlug = new Map(benchmarks.map((b) => [benchmarkColumnId(b.slug), b.slug]));
  const fields: ExportField[] = [];
  for (const id of columnIds) {
    if (id in FIXED_FIELDS) fields.push(...FIXED_FIELDS[id as FixedColumnId]);
    else {
      const slug = bySlug.get(id);
      if (slug !== undefined) fields.push(...benchmarkFields(slug));
    }
  }
  fields.push(SYNTHETIC_FIELD);
  return fields;
}

/** Normalise a value for output: non-finite numbers and undefined become null. */
function clean(v: ExportValue | undefined): ExportValue {
  if (v === undefined) return null;
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  return v;
}

/** One CSV field (RFC 4180 quoting, formula guard on text). */
export function csvField(value: ExportValue | undefined): string {
  const v = clean(value);
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return csvCell(v); // the one quoting and formula-guard rule (lib/export/csv.ts)
}

/** The shown rows × shown columns as CSV (header line + one line per row, CRLF, no BOM). */
export function toCsv(
  rows: readonly LeaderboardRow[],
  columnIds: readonly string[],
  benchmarks: readonly BenchmarkRef[],
): string {
  const fields = exportFields(columnIds, benchmarks);
  const lines = [fields.map((f) => csvField(f.key)).join(",")];
  for (const row of rows) lines.push(fields.map((f) => csvField(f.value(row))).join(","));
  return lines.join("\r\n") + "\r\n";
}

export type ExportView = Pick<
  LeaderboardView,
  "board" | "settings" | "snapshot" | "synthetic" | "replicates" | "computedAt" | "benchmarks"
>;

export interface LeaderboardJsonExport {
  board: LeaderboardView["board"];
  settings: LeaderboardView["settings"];
  snapshot: LeaderboardView["snapshot"];
  synthetic: boolean;
  replicates: number;
  computedAt: string;
  filters: Pick<LeaderboardParams, "q" | "group" | "org" | "effort" | "size">;
  sort: LeaderboardParams["sort"];
  /** Column ids shown, in order. */
  columns: string[];
  /** Keys of each record, in order (the CSV header). */
  fields: string[];
  rows: Record<string, ExportValue>[];
}

/** The shown rows × shown columns as a JSON document (see LeaderboardJsonExport). */
export function toExportJson(
  view: ExportView,
  rows: readonly LeaderboardRow[],
  columnIds: readonly string[],
  state: Pick<LeaderboardParams, "q" | "group" | "org" | "effort" | "size" | "sort">,
): LeaderboardJsonExport {
  const fields = exportFields(columnIds, view.benchmarks);
  const known = new Set(fields.map((f) => f.key));
  return {
    board: view.board,
    settings: view.settings,
    snapshot: view.snapshot,
    synthetic: view.synthetic,
    replicates: view.replicates,
    computedAt: view.computedAt,
    filters: { q: state.q, group: state.group, org: state.org, effort: state.effort, size: state.size },
    sort: state.sort,
    columns: columnIds.filter((id) => id in FIXED_FIELDS || view.benchmarks.some((b) => benchmarkColumnId(b.slug) === id)),
    fields: [...known],
    rows: rows.map((row) => Object.fromEntries(fields.map((f) => [f.key, clean(f.value(row))]))),
  };
}

/* ------------------------------------------------------------------------------------------------
 * As shown: the table's text per column (LaTeX)
 * ---------------------------------------------------------------------------------------------- */

interface ShownColumn {
  column: ExportColumn;
  text: (row: LeaderboardRow) => string;
}

const FIXED_TEXT: Record<FixedColumnId, (r: LeaderboardRow) => string> = {
  rank: (r) => String(r.rank),
  config: (r) => r.displayName,
  weighted: (r) => formatInterval(r.weighted, r.weightedLo, r.weightedHi),
  simple: (r) => formatInterval(r.simple, null, null),
  datasets: (r) => formatInt(r.nDatasets),
  score: (r) => formatInterval(r.meanScore, null, null),
  tokens: (r) => formatTokens(r.meanOutputTokens),
};

type NamedBenchmark = Pick<LeaderboardView["benchmarks"][number], "slug" | "name">;

/**
 * The shown columns as text columns, in order (the same ids `exportFields` expands, unknown ids
 * such as the checkbox column skipped). Benchmark cells carry their 95% interval (the table shows
 * it on hover).
 */
export function shownColumns(columnIds: readonly string[], benchmarks: readonly NamedBenchmark[]): ShownColumn[] {
  const byId = new Map(benchmarks.map((b) => [benchmarkColumnId(b.slug), b]));
  const out: ShownColumn[] = [];
  for (const id of columnIds) {
    if (id in FIXED_TEXT) {
      const fixed = id as FixedColumnId;
      out.push({ column: col(fixed, FIXED_COLUMN_LABELS[fixed], fixed === "config" ? "left" : "right"), text: FIXED_TEXT[fixed] });
      continue;
    }
    const b = byId.get(id);
    if (!b) continue;
    out.push({
      column: col(id, `${b.name} %`, "right"),
      text: (r) => {
        const cell = r.benchmarks[b.slug];
        return formatInterval(cell?.score, cell?.lo, cell?.hi);
      },
    });
  }
  return out;
}

/** The shown rows × shown columns as a table model (lib/export), for LaTeX (and any as-shown export). */
export function leaderboardTableModel(
  view: Pick<LeaderboardView, "board" | "settings" | "snapshot" | "synthetic" | "benchmarks" | "rows">,
  rows: readonly LeaderboardRow[],
  columnIds: readonly string[],
  path?: string,
): TableModel {
  const columns = shownColumns(columnIds, view.benchmarks);
  const filtered = rows.length < view.rows.length ? `; ${rows.length} of ${view.rows.length} configurations (search and filters)` : "";
  return {
    title: `Medmarks-${view.board} leaderboard: ${weightPhrase(view.settings)} mean win rate over datasets with 95% intervals, scores in %${filtered}`,
    columns: columns.map((c) => c.column),
    rows: rows.map((r) => columns.map((c) => c.text(r))),
    snapshot: { id: view.snapshot.id, createdAt: view.snapshot.createdAt },
    synthetic: view.synthetic,
    path,
    filename: `medmarks-${view.board.toLowerCase()}-leaderboard`,
  };
}

/** The shown rows × shown columns as a booktabs LaTeX table. */
export function toLeaderboardLatex(
  view: Pick<LeaderboardView, "board" | "settings" | "snapshot" | "synthetic" | "benchmarks" | "rows">,
  rows: readonly LeaderboardRow[],
  columnIds: readonly string[],
  url?: string,
): string {
  return toLatex(leaderboardTableModel(view, rows, columnIds, url));
}

/** e.g. `medmarks-v-leaderboard-3f9a1c2e.csv` (demo data says so in the name). */
export function exportFilename(view: Pick<LeaderboardView, "board" | "snapshot" | "synthetic">, ext: "csv" | "json" | "tex"): string {
  const snap = view.snapshot.id.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 12) || "snapshot";
  const demo = view.synthetic ? "-synthetic-demo" : "";
  return `medmarks-${view.board.toLowerCase()}-leaderboard-${snap}${demo}.${ext}`;
}

/** Browser only: save `text` as a file. CSV gets a UTF-8 BOM so spreadsheets read names right. */
export function downloadText(filename: string, text: string, mime: string): void {
  const bom = mime.startsWith("text/csv") ? "\uFEFF" : "";
  const url = URL.createObjectURL(new Blob([bom + text], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
