"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";

import { useId, useMemo, type CSSProperties, type MouseEvent, type ReactNode } from "react";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon, FileCodeIcon, FileJsonIcon, FileSpreadsheetIcon, GitCompareIcon, XIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { GroupBadge } from "@/components/ui/group-badge";
import { MISSING, formatInt, formatInterval, formatPercent, formatTokens } from "@/lib/format";
import type { LeaderboardBenchmark, LeaderboardRow } from "@/lib/queries/leaderboard-types";
import { cn } from "@/lib/utils";
import { ALWAYS_VISIBLE, FIXED_COLUMN_LABELS, SELECT_COLUMN, benchmarkColumnId, isDefaultVisible } from "./columns";
import { ColumnsButton } from "./columns-button";
import { compareViewHref } from "@/components/compare/params";
import { EmbedButton } from "@/components/embed/embed-button";
import { MAX_COMPARE, MIN_COMPARE } from "@/lib/queries/compare-types";
import { expandRows, type CompactBoard } from "./compact";
import { filterRows } from "./filter";
import { heatStyle, scalePosition, viridisGradient } from "./heat";
import { LeaderboardFilters } from "./leaderboard-filters";
import { weightPhrase } from "./settings-options";
import { nextSort, sortRows, type SortState, type SortValue } from "./sort";
import { useTableTip } from "./table-tip";
import { useLeaderboardUrl } from "./use-leaderboard-url";
import styles from "./leaderboard-table.module.css";

// The column chooser's menu (Radix) is not needed for the first paint: it loads after hydration,
// with a disabled stand-in button until then.
const ColumnChooser = dynamic(() => import("./column-chooser").then((m) => m.ColumnChooser), {
  ssr: false,
  loading: () => <ColumnsButton hiddenCount={0} disabled />,
});

/* ------------------------------------------------------------------------------------------------
 * Columns
 * ---------------------------------------------------------------------------------------------- */

type Sticky = "select" | "rank" | "config";

interface Column {
  id: string;
  /** Plain-text name (column chooser, captions). */
  label: string;
  header: ReactNode;
  numeric?: boolean;
  sticky?: Sticky;
  /** Index into the board's benchmarks, for benchmark columns. */
  bench?: number;
  hideable: boolean;
  /** Sortable when set: the value sorted on (undefined = missing, sorted last). */
  sortValue?: (r: LeaderboardRow) => SortValue;
  descFirst?: boolean;
  cell: (r: LeaderboardRow, ctx: CellContext) => ReactNode;
}

interface CellContext {
  tieMembers: Map<number, LeaderboardRow[]>;
  heatRange: Map<string, { min: number; max: number }>;
  showIntervals: boolean;
  selected: boolean;
  toggle: (config: string) => void;
}

const orUndefined = (x: number | null | undefined) => (typeof x === "number" && Number.isFinite(x) ? x : undefined);

/** Sticky placement: on small screens only the configuration sticks (rank and checkbox scroll under it). */
const STICKY_CLASS: Record<Sticky, string> = {
  select: "sm:sticky sm:left-0 w-9 min-w-9 max-w-9",
  rank: "sm:sticky sm:left-9 w-24 min-w-24 max-w-24",
  config: "sticky left-0 sm:left-33 min-w-44 max-w-[16rem] border-r",
};

/** A focusable span whose tooltip (see table-tip.tsx) is `tip`: "t:<text>", "tied", "b:<i>" or "h:<i>". */
function Tip({ tip, children, className }: { tip: string; children: ReactNode; className?: string }) {
  return (
    <span data-tip={tip} tabIndex={0} className={cn("cursor-default rounded-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring", className)}>
      {children}
    </span>
  );
}

function RankCell({ row, ctx }: { row: LeaderboardRow; ctx: CellContext }) {
  const tied = (ctx.tieMembers.get(row.tieGroup)?.length ?? 0) > 1;
  const change = row.rankChange;
  return (
    <div className="flex flex-col items-end leading-tight">
      <div className="flex items-baseline gap-1">
        {change !== null ? (
          <span
            className="text-[10px] text-muted-foreground"
            title={change === 0 ? "Same rank as under the Medmarks default settings" : `${change > 0 ? "Up" : "Down"} ${Math.abs(change)} vs the Medmarks default settings`}
          >
            <span aria-hidden="true">{change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : "="}</span>
            <span className="sr-only">
              {change === 0 ? "unchanged from default settings" : `${change > 0 ? "up" : "down"} ${Math.abs(change)} from default settings`}
            </span>
          </span>
        ) : null}
        <span className="text-sm font-semibold">{row.rank}</span>
      </div>
      {tied || (ctx.showIntervals && row.rankLo !== row.rankHi) ? (
        <div className="flex items-center gap-1 text-[10px] text-muted-foreground">
          {tied ? (
            <Tip tip="tied" className="rounded border px-1 leading-4 font-medium text-foreground">
              tied
            </Tip>
          ) : null}
          {ctx.showIntervals && row.rankLo !== row.rankHi ? (
            <span title="95% bootstrap rank interval">
              <span className="sr-only">rank interval </span>
              {row.rankLo}–{row.rankHi}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function ConfigCell({ row }: { row: LeaderboardRow }) {
  const second = row.config !== row.displayName || row.reasoningEffort || !row.inCatalog;
  return (
    <div className="min-w-0 leading-tight">
      <div className="flex min-w-0 items-center gap-1.5">
        <a
          href={`/models/${encodeURIComponent(row.config)}`}
          className="truncate font-medium underline-offset-2 hover:underline focus-visible:underline"
          title={`${row.displayName}: all its scores, tokens and runs`}
        >
          {row.displayName}
        </a>
        {row.group ? <GroupBadge group={row.group} className="px-1 py-0 text-[10px]" /> : null}
      </div>
      {second ? (
        <div className="flex min-w-0 flex-wrap items-center gap-x-1.5 text-[11px] text-muted-foreground">
          {row.config !== row.displayName ? <span className="truncate font-mono">{row.config}</span> : null}
          {row.reasoningEffort ? <span className="whitespace-nowrap">effort {row.reasoningEffort}</span> : null}
          {!row.inCatalog ? (
            <Tip tip="t:Not in the Medmarks model catalog: its group, organisation and size are unknown." className="whitespace-nowrap text-warning-foreground">
              not in catalog
            </Tip>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function Missing({ why }: { why: string }) {
  return (
    <Tip tip={`t:${why}`} className="text-muted-foreground">
      {MISSING}
      <span className="sr-only"> ({why})</span>
    </Tip>
  );
}

/** The heat colours of a benchmark cell (undefined when missing): applied to the whole <td>. */
function heatCellStyle(row: LeaderboardRow, benchmark: LeaderboardBenchmark, ctx: CellContext): CSSProperties | undefined {
  const score = row.benchmarks[benchmark.slug]?.score;
  if (typeof score !== "number" || !Number.isFinite(score)) return undefined;
  const range = ctx.heatRange.get(benchmark.slug);
  return heatStyle(range ? scalePosition(score, range.min, range.max) : 0.5);
}

/** A benchmark cell: the score, linking to the benchmark's ranking; its interval and datasets are its tooltip. */
function benchmarkCell(row: LeaderboardRow, benchmark: LeaderboardBenchmark, index: number): ReactNode {
  const cell = row.benchmarks[benchmark.slug] ?? null;
  if (!cell || !Number.isFinite(cell.score)) return <Missing why="Not run" />;
  return (
    <a
      href={`/benchmarks/${encodeURIComponent(benchmark.slug)}#config-${encodeURIComponent(row.config)}`}
      data-tip={`b:${index}`}
      aria-label={`${row.displayName} on ${benchmark.name}: ${formatPercent(cell.score)}; open the benchmark's results`}
    >
      {formatInterval(cell.score, null, null)}
    </a>
  );
}

function BenchmarkTip({ row, benchmark }: { row: LeaderboardRow; benchmark: LeaderboardBenchmark }) {
  const cell = row.benchmarks[benchmark.slug];
  if (!cell) return null;
  return (
    <>
      <p className="font-medium">
        {row.displayName} · {benchmark.name}
      </p>
      <p className="tabular-nums">
        {formatInterval(cell.score, cell.lo, cell.hi)} % · n = {formatInt(cell.n)}
      </p>
      {cell.datasets.length > 0 ? (
        <ul className="mt-1 space-y-0.5 tabular-nums">
          {cell.datasets.map((d) => (
            <li key={d.key}>
              {d.label}: {d.score === null ? "not run" : formatPercent(d.score)} · n = {formatInt(d.n)}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function BenchmarkHeaderTip({ benchmark }: { benchmark: LeaderboardBenchmark }) {
  return (
    <>
      <p className="font-medium">{benchmark.name}</p>
      <p>
        Average reward (%) · {benchmark.taskType} · {benchmark.datasets.length} dataset{benchmark.datasets.length === 1 ? "" : "s"}
        {benchmark.datasets.length > 1 ? `: ${benchmark.datasets.map((d) => d.label).join(", ")}` : ""}
      </p>
      {!benchmark.inThirty ? <p>Not one of the 30 Medmarks benchmarks (shown, flagged).</p> : null}
      {!benchmark.inCatalog ? <p>Not in the benchmark catalog.</p> : null}
    </>
  );
}

function buildColumns(benchmarks: LeaderboardBenchmark[]): Column[] {
  return [
    {
      id: SELECT_COLUMN,
      label: "Select",
      header: <span className="sr-only">Select for comparison</span>,
      sticky: "select",
      hideable: false,
      cell: (r, ctx) => (
        <input
          type="checkbox"
          className="size-4 accent-foreground"
          checked={ctx.selected}
          onChange={() => ctx.toggle(r.config)}
          aria-label={`Select ${r.displayName} for comparison`}
        />
      ),
    },
    {
      id: "rank",
      label: FIXED_COLUMN_LABELS.rank,
      header: FIXED_COLUMN_LABELS.rank,
      numeric: true,
      sticky: "rank",
      hideable: false,
      sortValue: (r) => r.rank,
      descFirst: false,
      cell: (r, ctx) => <RankCell row={r} ctx={ctx} />,
    },
    {
      id: "config",
      label: FIXED_COLUMN_LABELS.config,
      header: FIXED_COLUMN_LABELS.config,
      sticky: "config",
      hideable: false,
      sortValue: (r) => r.displayName,
      descFirst: false,
      cell: (r) => <ConfigCell row={r} />,
    },
    {
      id: "weighted",
      label: FIXED_COLUMN_LABELS.weighted,
      header: (
        <>
          Win rate <span className="font-normal">% (95% CI)</span>
        </>
      ),
      numeric: true,
      hideable: true,
      sortValue: (r) => orUndefined(r.weighted),
      descFirst: true,
      cell: (r) => {
        const mid = formatInterval(r.weighted, null, null);
        const rest = formatInterval(r.weighted, r.weightedLo, r.weightedHi).slice(mid.length);
        return (
          <>
            <span className="font-semibold">{mid}</span>
            <span className="text-muted-foreground">{rest}</span>
          </>
        );
      },
    },
    {
      id: "simple",
      label: FIXED_COLUMN_LABELS.simple,
      header: (
        <>
          Simple <span className="font-normal">win rate %</span>
        </>
      ),
      numeric: true,
      hideable: true,
      sortValue: (r) => orUndefined(r.simple),
      descFirst: true,
      cell: (r) => formatInterval(r.simple, null, null),
    },
    {
      id: "datasets",
      label: FIXED_COLUMN_LABELS.datasets,
      header: FIXED_COLUMN_LABELS.datasets,
      numeric: true,
      hideable: true,
      sortValue: (r) => r.nDatasets,
      descFirst: true,
      cell: (r) => formatInt(r.nDatasets),
    },
    {
      id: "score",
      label: FIXED_COLUMN_LABELS.score,
      header: (
        <>
          Mean <span className="font-normal">score %</span>
        </>
      ),
      numeric: true,
      hideable: true,
      sortValue: (r) => orUndefined(r.meanScore),
      descFirst: true,
      cell: (r) => (r.meanScore === null ? <Missing why="No benchmark scores" /> : formatInterval(r.meanScore, null, null)),
    },
    {
      id: "tokens",
      label: FIXED_COLUMN_LABELS.tokens,
      header: (
        <>
          Output <span className="font-normal">tokens</span>
        </>
      ),
      numeric: true,
      hideable: true,
      sortValue: (r) => orUndefined(r.meanOutputTokens),
      descFirst: false,
      cell: (r) => {
        const t = r.meanOutputTokens;
        if (t === null) return <Missing why="No usage data" />;
        return <span title={`${formatInt(t)} output tokens per question (mean)`}>{formatTokens(t)}</span>;
      },
    },
    ...benchmarks.map(
      (b, i): Column => ({
        id: benchmarkColumnId(b.slug),
        label: b.name,
        header: (
          <>
            {b.name}
            {!b.inThirty || !b.inCatalog ? (
              <span aria-hidden="true" className="text-warning-foreground">
                *
              </span>
            ) : null}
          </>
        ),
        numeric: true,
        bench: i,
        hideable: true,
        sortValue: (r) => orUndefined(r.benchmarks[b.slug]?.score),
        descFirst: true,
        cell: (r) => benchmarkCell(r, b, i),
      }),
    ),
  ];
}

/** A body cell's classes (leaderboard-table.module.css). */
function cellClass(c: Column): string {
  let cls = styles.cell;
  if (c.numeric) cls += ` ${styles.num}`;
  if (c.sticky) cls += ` ${styles.stuck} ${styles[c.sticky]}`;
  return cls;
}

function ariaSort(dir: false | "asc" | "desc"): "ascending" | "descending" | "none" {
  return dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none";
}

/* ------------------------------------------------------------------------------------------------
 * Component
 * ---------------------------------------------------------------------------------------------- */

/**
 * The search and facets, and the ranked board: sticky header and identity columns, sortable
 * headers, heat-coloured benchmark cells with interval tooltips, a column chooser, row selection
 * for Compare and CSV/JSON/LaTeX export of exactly what is shown. All view state (filters, sort,
 * columns, selection) is in the URL. Receives the board in its compact shape (./compact.ts).
 *
 * Kept light for a table of thousands of cells: plain <a> links (client-side navigation through one
 * click handler), one delegated tooltip for every cell (./table-tip.tsx), the export code and the
 * column menu loaded when needed.
 */
export function LeaderboardTable({ board: view }: { board: CompactBoard }) {
  const { params, replace } = useLeaderboardUrl();
  const router = useRouter();
  const compareHintId = useId();

  const rows = useMemo(() => expandRows(view), [view]);
  const benchmarks = view.benchmarks;

  const base = useMemo(() => {
    const tieMembers = new Map<number, LeaderboardRow[]>();
    for (const r of rows) tieMembers.set(r.tieGroup, [...(tieMembers.get(r.tieGroup) ?? []), r]);
    const heatRange = new Map<string, { min: number; max: number }>();
    for (const b of benchmarks) {
      let min = Infinity;
      let max = -Infinity;
      for (const r of rows) {
        const s = r.benchmarks[b.slug]?.score;
        if (typeof s === "number" && Number.isFinite(s)) {
          min = Math.min(min, s);
          max = Math.max(max, s);
        }
      }
      if (min <= max) heatRange.set(b.slug, { min, max });
    }
    return { tieMembers, heatRange, showIntervals: view.replicates > 0 };
  }, [rows, benchmarks, view.replicates]);

  const columns = useMemo(() => buildColumns(benchmarks), [benchmarks]);
  const byConfig = useMemo(() => new Map(rows.map((r) => [r.config, r])), [rows]);

  const ranked = useMemo(() => [...rows].sort((a, b) => a.rank - b.rank || a.config.localeCompare(b.config)), [rows]);
  const filters = useMemo(
    () => ({ q: params.q, group: params.group, org: params.org, effort: params.effort, size: params.size }),
    [params.q, params.group, params.org, params.effort, params.size],
  );
  const filtered = useMemo(() => filterRows(ranked, filters), [ranked, filters]);

  // No `sort` in the URL = the board's rank order, shown as "rank ascending" (so the Rank header
  // toggles to descending and back, and aria-sort tells the truth).
  const sorting = useMemo<SortState>(() => {
    const col = params.sort && columns.find((c) => c.id === params.sort!.id && c.sortValue);
    return col ? { id: col.id, desc: params.sort!.desc } : { id: "rank", desc: false };
  }, [params.sort, columns]);
  const shownRows = useMemo(() => {
    const col = columns.find((c) => c.id === sorting.id)!;
    return sorting.id === "rank" && !sorting.desc ? filtered : sortRows(filtered, col.sortValue!, sorting.desc);
  }, [filtered, sorting, columns]);

  const visible = (c: Column) => !c.hideable || (params.cols[c.id] ?? isDefaultVisible(c.id));
  const visibleColumns = columns.filter(visible);
  const selected = useMemo(() => new Set(params.sel), [params.sel]);

  function setVisibility(changes: Record<string, boolean>) {
    const cols: Record<string, boolean> = { ...params.cols };
    for (const [id, v] of Object.entries(changes)) {
      if (ALWAYS_VISIBLE.has(id)) continue;
      if (v === isDefaultVisible(id)) delete cols[id];
      else cols[id] = v;
    }
    replace({ cols });
  }

  function toggleSelected(config: string) {
    const next = new Set(selected);
    if (next.has(config)) next.delete(config);
    else next.add(config);
    // Keep the board's rank order for the URL; selections from the other board stay at the end.
    const order = new Map(ranked.map((r, i) => [r.config, i]));
    replace({ sel: [...next].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9)) });
  }

  const exportColumnIds = visibleColumns.map((c) => c.id).filter((id) => id !== SELECT_COLUMN);
  const hideable = columns.filter((c) => c.hideable);
  const choice = (c: Column) => ({ id: c.id, label: c.label, visible: visible(c) });
  const hiddenCount = hideable.filter((c) => !visible(c)).length;
  const selectedCount = params.sel.length;
  const compareOk = selectedCount >= MIN_COMPARE && selectedCount <= MAX_COMPARE;
  const compareHint =
    selectedCount > MAX_COMPARE
      ? `At most ${MAX_COMPARE} configurations: untick ${selectedCount - MAX_COMPARE}`
      : compareOk
        ? `Compare the ${selectedCount} ticked configurations side by side`
        : `Tick ${MIN_COMPARE} to ${MAX_COMPARE} rows to compare them`;
  const rankOrder = new Map(ranked.map((r, i) => [r.config, i]));
  const compareTarget = compareViewHref({
    configs: params.sel.map((c, i) => ({ c, i })).sort((x, y) => (rankOrder.get(x.c) ?? 1e9 + x.i) - (rankOrder.get(y.c) ?? 1e9 + y.i)).map((x) => x.c),
    board: view.board,
  });
  const boardName = `Medmarks-${view.board}`;

  async function exportAs(kind: "csv" | "json" | "tex") {
    // The export code is loaded on the first click: nobody needs it to see the table.
    const { downloadText, exportFilename, toCsv, toExportJson, toLeaderboardLatex } = await import("./export");
    if (kind === "csv") {
      downloadText(exportFilename(view, "csv"), toCsv(shownRows, exportColumnIds, benchmarks), "text/csv;charset=utf-8");
    } else if (kind === "tex") {
      const tex = toLeaderboardLatex({ ...view, rows }, shownRows, exportColumnIds, window.location.href);
      downloadText(exportFilename(view, "tex"), tex, "application/x-tex;charset=utf-8");
    } else {
      const doc = toExportJson(view, shownRows, exportColumnIds, { ...filters, sort: sorting });
      downloadText(exportFilename(view, "json"), JSON.stringify(doc, null, 2) + "\n", "application/json");
    }
  }

  /** The compact embed of this board (`/embed/leaderboard`): the URL's board, settings and filters; not its sort, columns or selection. */
  function embedPath(): string {
    const q = new URLSearchParams(window.location.search);
    for (const k of ["sort", "cols", "sel", "snapshot", "h", "n"]) q.delete(k);
    const qs = q.toString().replace(/%2C/gi, ",");
    return `/embed/leaderboard${qs ? `?${qs}` : ""}`;
  }

  const tip = useTableTip((el) => {
    const kind = el.dataset.tip ?? "";
    if (kind.startsWith("t:")) return { content: kind.slice(2) };
    if (kind.startsWith("h:")) {
      const b = benchmarks[Number(kind.slice(2))];
      return b ? { content: <BenchmarkHeaderTip benchmark={b} />, className: "text-left" } : null;
    }
    const row = byConfig.get(el.closest("tr")?.dataset.config ?? "");
    if (!row) return null;
    if (kind === "tied") {
      const tied = (base.tieMembers.get(row.tieGroup) ?? []).filter((r) => r.config !== row.config);
      return {
        content: (
          <>
            Statistically tied (overlapping 95% rank intervals) with{" "}
            {tied.map((r, i) => (
              <span key={r.config}>
                {i > 0 ? ", " : ""}
                {r.displayName} (#{r.rank})
              </span>
            ))}
            .
          </>
        ),
      };
    }
    if (kind.startsWith("b:")) {
      const b = benchmarks[Number(kind.slice(2))];
      return b ? { content: <BenchmarkTip row={row} benchmark={b} />, className: "max-w-sm text-left" } : null;
    }
    return null;
  });

  /** Plain links in the body navigate client-side (as <Link> would) without a component per link. */
  function onBodyClick(e: MouseEvent<HTMLTableSectionElement>) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element).closest("a");
    const href = a?.getAttribute("href");
    if (!a || !href?.startsWith("/") || a.target) return;
    e.preventDefault();
    router.push(href);
  }

  const ctxFor = (r: LeaderboardRow): CellContext => ({ ...base, selected: selected.has(r.config), toggle: toggleSelected });

  return (
    <>
      <LeaderboardFilters rows={rows} />
      <div className="space-y-2" data-testid="leaderboard">
        <div className="flex flex-wrap items-center gap-2">
          <ColumnChooser
            summary={hideable.filter((c) => c.bench === undefined).map(choice)}
            benchmarks={hideable.filter((c) => c.bench !== undefined).map(choice)}
            hiddenCount={hiddenCount}
            onToggle={(id, v) => setVisibility({ [id]: v })}
            onBenchmarks={(v) => setVisibility(Object.fromEntries(hideable.filter((c) => c.bench !== undefined).map((c) => [c.id, v])))}
          />

          <div className="flex items-center gap-1">
            {compareOk ? (
              <Button asChild variant="outline" size="sm">
                <Link href={compareTarget} aria-describedby={compareHintId} data-testid="compare-button" title={compareHint}>
                  <GitCompareIcon aria-hidden="true" />
                  Compare ({selectedCount})
                </Link>
              </Button>
            ) : (
              <span title={compareHint}>
                <Button variant="outline" size="sm" disabled aria-describedby={compareHintId} data-testid="compare-button">
                  <GitCompareIcon aria-hidden="true" />
                  Compare ({selectedCount})
                </Button>
              </span>
            )}
            <span id={compareHintId} className={selectedCount > 0 && !compareOk ? "text-xs text-muted-foreground" : "sr-only"}>
              {compareHint}
            </span>
            {selectedCount > 0 ? (
              <Button variant="ghost" size="sm" onClick={() => replace({ sel: [] })}>
                <XIcon aria-hidden="true" />
                Clear selection
              </Button>
            ) : null}
          </div>

          <div className="ml-auto flex items-center gap-1">
            <span className="mr-1 hidden text-xs text-muted-foreground sm:inline">Export shown rows:</span>
            <Button variant="outline" size="sm" onClick={() => exportAs("csv")} data-testid="export-csv">
              <FileSpreadsheetIcon aria-hidden="true" />
              CSV
            </Button>
            <Button variant="outline" size="sm" onClick={() => exportAs("json")} data-testid="export-json">
              <FileJsonIcon aria-hidden="true" />
              JSON
            </Button>
            <Button
              variant="outline"
              size="sm"
              onClick={() => exportAs("tex")}
              data-testid="export-latex"
              title="A booktabs LaTeX table of the shown rows and columns, with intervals (needs \usepackage{booktabs})"
            >
              <FileCodeIcon aria-hidden="true" />
              LaTeX
            </Button>
            <EmbedButton path={embedPath} height={480} snapshotId={view.snapshot.id} title={`${boardName} leaderboard`} />
          </div>
        </div>

        {benchmarks.length > 0 ? (
          <p className="text-xs text-muted-foreground">
            Benchmark cells: average reward (%), coloured within each benchmark from its lowest{" "}
            <span
              aria-hidden="true"
              className="inline-block h-2.5 w-20 rounded-sm align-middle"
              style={{ backgroundImage: viridisGradient() } as CSSProperties}
            />
            <span className="sr-only"> to its</span> highest score on this board; hover or focus a cell for its interval and datasets.
          </p>
        ) : null}

        <div
          role="region"
          aria-label={`${boardName} leaderboard table (scrolls horizontally)`}
          tabIndex={0}
          className="relative max-h-[75vh] overflow-auto rounded-lg border focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          {...tip.handlers}
        >
          <table className={cn("w-max min-w-full border-separate border-spacing-0 text-xs", styles.table)} data-testid="leaderboard-table">
            <caption className="sr-only">
              {boardName} leaderboard: {shownRows.length} of {rows.length} configurations, ranked by the {weightPhrase(view.settings)} mean win rate
              over datasets with its 95% interval; then the simple mean win rate, datasets covered, mean score, mean output tokens, and the
              average reward on each benchmark in percent. Column headers are buttons that sort the table.
            </caption>
            <thead>
              <tr>
                {visibleColumns.map((c) => {
                  const dir = sorting.id === c.id ? (sorting.desc ? "desc" : "asc") : false;
                  const SortIcon = dir === "asc" ? ArrowUpIcon : dir === "desc" ? ArrowDownIcon : ArrowUpDownIcon;
                  return (
                    <th
                      key={c.id}
                      scope="col"
                      aria-sort={c.sortValue ? ariaSort(dir) : undefined}
                      className={cn(
                        "sticky top-0 z-20 border-b bg-muted px-2 py-2 align-bottom text-xs font-medium text-muted-foreground",
                        c.numeric ? "text-right" : "text-left",
                        c.sticky && cn(STICKY_CLASS[c.sticky], "z-30"),
                      )}
                    >
                      {!c.sortValue ? (
                        c.header
                      ) : (
                        <button
                          type="button"
                          data-tip={c.bench !== undefined ? `h:${c.bench}` : undefined}
                          onClick={() => replace({ sort: nextSort(sorting, { id: c.id, descFirst: c.descFirst ?? false }) })}
                          className={cn(
                            "inline-flex items-end gap-1 rounded-sm text-left font-medium hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
                            c.numeric && "flex-row-reverse text-right",
                            dir && "text-foreground",
                          )}
                        >
                          <span className={c.bench !== undefined ? "max-w-24 whitespace-normal" : "whitespace-nowrap"}>{c.header}</span>
                          <SortIcon aria-hidden="true" className={cn("mb-px size-3 shrink-0", !dir && "opacity-40")} />
                        </button>
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody onClick={onBodyClick}>
              {shownRows.length === 0 ? (
                <tr>
                  <td colSpan={visibleColumns.length} className="px-3 py-8 text-center text-sm text-muted-foreground">
                    No configuration matches the search and filters. Clear them to see all {rows.length}.
                  </td>
                </tr>
              ) : (
                shownRows.map((row) => {
                  const ctx = ctxFor(row);
                  return (
                    <tr key={row.config} data-state={ctx.selected ? "selected" : undefined} data-config={row.config} className="group">
                      {visibleColumns.map((c) => {
                        if (c.bench !== undefined) {
                          const b = benchmarks[c.bench];
                          return (
                            <td key={c.id} className={styles.bench} style={heatCellStyle(row, b, ctx)}>
                              {c.cell(row, ctx)}
                            </td>
                          );
                        }
                        const Cell = c.sticky === "config" ? "th" : "td";
                        return (
                          <Cell key={c.id} scope={Cell === "th" ? "row" : undefined} className={cellClass(c)}>
                            {c.cell(row, ctx)}
                          </Cell>
                        );
                      })}
                    </tr>
                  );
                })
              )}
            </tbody>
          </table>
        </div>
      </div>
      {tip.node}
    </>
  );
}
