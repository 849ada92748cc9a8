"use client";

import Link from "next/link";

import { useId, useMemo, type CSSProperties, type ReactNode } from "react";
import {
  columnVisibilityFeature,
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnVisibilityState,
  type RowSelectionState,
  type SortFn,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon, Columns3Icon, FileCodeIcon, FileJsonIcon, FileSpreadsheetIcon, GitCompareIcon, XIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { GroupBadge } from "@/components/ui/group-badge";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { MISSING, formatInt, formatInterval, formatPercent, formatTokens } from "@/lib/format";
import type { LeaderboardBenchmark, LeaderboardRow, LeaderboardView } from "@/lib/queries/leaderboard-types";
import { cn } from "@/lib/utils";
import {
  ALWAYS_VISIBLE,
  FIXED_COLUMN_LABELS,
  SELECT_COLUMN,
  benchmarkColumnId,
  isDefaultVisible,
} from "./columns";
import { compareViewHref } from "@/components/compare/params";
import { EmbedButton } from "@/components/embed/embed-button";
import { MAX_COMPARE, MIN_COMPARE } from "@/lib/queries/compare-types";
import { downloadText, exportFilename, toCsv, toExportJson, toLeaderboardLatex } from "./export";
import { filterRows } from "./filter";
import { heatStyle, scalePosition, viridisGradient } from "./heat";
import { weightPhrase } from "./settings-options";
import { useLeaderboardUrl } from "./use-leaderboard-url";

/* ------------------------------------------------------------------------------------------------
 * Table definition (TanStack Table v9)
 * ---------------------------------------------------------------------------------------------- */

type Sticky = "select" | "rank" | "config";

interface ColumnMeta {
  /** Plain-text name (column chooser, captions). */
  label: string;
  numeric?: boolean;
  sticky?: Sticky;
  benchmark?: LeaderboardBenchmark;
}

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnVisibilityFeature,
  rowSelectionFeature,
  columnMeta: metaHelper<ColumnMeta>(),
});

type Features = typeof features;
const helper = createColumnHelper<Features, LeaderboardRow>();

/** Ascending numeric comparison (missing values are placed last by `sortUndefined`). */
const byNumber: SortFn<Features, LeaderboardRow> = (a, b, id) =>
  (a.getValue<number | undefined>(id) ?? 0) - (b.getValue<number | undefined>(id) ?? 0);
const byText: SortFn<Features, LeaderboardRow> = (a, b, id) =>
  String(a.getValue(id)).localeCompare(String(b.getValue(id)), "en", { sensitivity: "base", numeric: true });

const rowId = (r: LeaderboardRow) => r.config;

const orUndefined = (x: number | null | undefined) => (typeof x === "number" && Number.isFinite(x) ? x : undefined);

/** Sticky placement: on small screens only the configuration sticks (rank and checkbox scroll under it). */
const STICKY_CLASS: Record<Sticky, string> = {
  select: "sm:sticky sm:left-0 w-9 min-w-9 max-w-9",
  rank: "sm:sticky sm:left-9 w-24 min-w-24 max-w-24",
  config: "sticky left-0 sm:left-33 min-w-44 max-w-[16rem] border-r",
};

interface CellContextData {
  tieMembers: Map<number, LeaderboardRow[]>;
  heatRange: Map<string, { min: number; max: number }>;
  showIntervals: boolean;
}

function FocusTip({ tip, children, className }: { tip: ReactNode; children: ReactNode; className?: string }) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span
          tabIndex={0}
          className={cn("cursor-default rounded-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring", className)}
        >
          {children}
        </span>
      </TooltipTrigger>
      <TooltipContent>{tip}</TooltipContent>
    </Tooltip>
  );
}

function RankCell({ row, ctx }: { row: LeaderboardRow; ctx: CellContextData }) {
  const tied = (ctx.tieMembers.get(row.tieGroup) ?? []).filter((r) => r.config !== row.config);
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
      <div className="flex items-center gap-1 text-[10px] text-muted-foreground">
        {tied.length > 0 ? (
          <FocusTip
            className="rounded border px-1 leading-4 font-medium text-foreground"
            tip={
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
            }
          >
            tied
          </FocusTip>
        ) : null}
        {ctx.showIntervals && row.rankLo !== row.rankHi ? (
          <span title="95% bootstrap rank interval">
            <span className="sr-only">rank interval </span>
            {row.rankLo}–{row.rankHi}
          </span>
        ) : null}
      </div>
    </div>
  );
}

function ConfigCell({ row }: { row: LeaderboardRow }) {
  return (
    <div className="min-w-0 leading-tight">
      <div className="flex min-w-0 items-center gap-1.5">
        <Link
          href={`/models/${encodeURIComponent(row.config)}`}
          className="truncate font-medium underline-offset-2 hover:underline focus-visible:underline"
          title={`${row.displayName}: all its scores, tokens and runs`}
        >
          {row.displayName}
        </Link>
        {row.group ? <GroupBadge group={row.group} className="px-1 py-0 text-[10px]" /> : null}
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-x-1.5 text-[11px] text-muted-foreground">
        {row.config !== row.displayName ? <span className="truncate font-mono">{row.config}</span> : null}
        {row.reasoningEffort ? <span className="whitespace-nowrap">effort {row.reasoningEffort}</span> : null}
        {!row.inCatalog ? (
          <FocusTip
            className="whitespace-nowrap text-warning-foreground"
            tip="Not in the Medmarks model catalog: its group, organisation and size are unknown."
          >
            not in catalog
          </FocusTip>
        ) : null}
      </div>
    </div>
  );
}

function Missing({ why }: { why: string }) {
  return (
    <FocusTip tip={why} className="text-muted-foreground">
      {MISSING}
      <span className="sr-only"> ({why})</span>
    </FocusTip>
  );
}

/** The heat colours of a benchmark cell (null when missing): applied to the whole <td>. */
function heatCellStyle(row: LeaderboardRow, benchmark: LeaderboardBenchmark, ctx: CellContextData): CSSProperties | undefined {
  const score = row.benchmarks[benchmark.slug]?.score;
  if (typeof score !== "number" || !Number.isFinite(score)) return undefined;
  const range = ctx.heatRange.get(benchmark.slug);
  return heatStyle(range ? scalePosition(score, range.min, range.max) : 0.5);
}

function BenchmarkCell({ row, benchmark }: { row: LeaderboardRow; benchmark: LeaderboardBenchmark }) {
  const cell = row.benchmarks[benchmark.slug] ?? null;
  if (!cell || !Number.isFinite(cell.score)) {
    return (
      <div className="px-2 py-1.5">
        <Missing why="Not run" />
      </div>
    );
  }
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Link
          href={`/benchmarks/${encodeURIComponent(benchmark.slug)}#config-${encodeURIComponent(row.config)}`}
          prefetch={false}
          aria-label={`${row.displayName} on ${benchmark.name}: ${formatPercent(cell.score)}; open the benchmark's results`}
          className="block w-full px-2 py-1.5 text-right text-inherit tabular-nums hover:underline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring"
        >
          {formatInterval(cell.score, null, null)}
        </Link>
      </TooltipTrigger>
      <TooltipContent className="max-w-sm text-left">
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
      </TooltipContent>
    </Tooltip>
  );
}

function buildColumns(benchmarks: LeaderboardBenchmark[], ctx: CellContextData) {
  return helper.columns([
    helper.display({
      id: SELECT_COLUMN,
      header: () => <span className="sr-only">Select for comparison</span>,
      cell: ({ row }) => (
        <input
          type="checkbox"
          className="size-4 accent-foreground"
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
          aria-label={`Select ${row.original.displayName} for comparison`}
        />
      ),
      enableSorting: false,
      enableHiding: false,
      meta: { label: "Select", sticky: "select" },
    }),
    helper.accessor((r) => r.rank, {
      id: "rank",
      header: FIXED_COLUMN_LABELS.rank,
      cell: ({ row }) => <RankCell row={row.original} ctx={ctx} />,
      sortFn: byNumber,
      sortDescFirst: false,
      enableHiding: false,
      meta: { label: FIXED_COLUMN_LABELS.rank, numeric: true, sticky: "rank" },
    }),
    helper.accessor((r) => r.displayName, {
      id: "config",
      header: FIXED_COLUMN_LABELS.config,
      cell: ({ row }) => <ConfigCell row={row.original} />,
      sortFn: byText,
      sortDescFirst: false,
      enableHiding: false,
      meta: { label: FIXED_COLUMN_LABELS.config, sticky: "config" },
    }),
    helper.accessor((r) => orUndefined(r.weighted), {
      id: "weighted",
      header: () => (
        <>
          Win rate <span className="font-normal">% (95% CI)</span>
        </>
      ),
      cell: ({ row }) => {
        const r = row.original;
        const mid = formatInterval(r.weighted, null, null);
        const rest = formatInterval(r.weighted, r.weightedLo, r.weightedHi).slice(mid.length);
        return (
          <>
            <span className="font-semibold">{mid}</span>
            <span className="text-muted-foreground">{rest}</span>
          </>
        );
      },
      sortFn: byNumber,
      sortDescFirst: true,
      sortUndefined: "last",
      meta: { label: FIXED_COLUMN_LABELS.weighted, numeric: true },
    }),
    helper.accessor((r) => orUndefined(r.simple), {
      id: "simple",
      header: () => (
        <>
          Simple <span className="font-normal">win rate %</span>
        </>
      ),
      cell: ({ row }) => formatInterval(row.original.simple, null, null),
      sortFn: byNumber,
      sortDescFirst: true,
      sortUndefined: "last",
      meta: { label: FIXED_COLUMN_LABELS.simple, numeric: true },
    }),
    helper.accessor((r) => r.nDatasets, {
      id: "datasets",
      header: FIXED_COLUMN_LABELS.datasets,
      cell: ({ row }) => formatInt(row.original.nDatasets),
      sortFn: byNumber,
      sortDescFirst: true,
      meta: { label: FIXED_COLUMN_LABELS.datasets, numeric: true },
    }),
    helper.accessor((r) => orUndefined(r.meanScore), {
      id: "score",
      header: () => (
        <>
          Mean <span className="font-normal">score %</span>
        </>
      ),
      cell: ({ row }) =>
        row.original.meanScore === null ? <Missing why="No benchmark scores" /> : formatInterval(row.original.meanScore, null, null),
      sortFn: byNumber,
      sortDescFirst: true,
      sortUndefined: "last",
      meta: { label: FIXED_COLUMN_LABELS.score, numeric: true },
    }),
    helper.accessor((r) => orUndefined(r.meanOutputTokens), {
      id: "tokens",
      header: () => (
        <>
          Output <span className="font-normal">tokens</span>
        </>
      ),
      cell: ({ row }) => {
        const t = row.original.meanOutputTokens;
        if (t === null) return <Missing why="No usage data" />;
        return <span title={`${formatInt(t)} output tokens per question (mean)`}>{formatTokens(t)}</span>;
      },
      sortFn: byNumber,
      sortDescFirst: false,
      sortUndefined: "last",
      meta: { label: FIXED_COLUMN_LABELS.tokens, numeric: true },
    }),
    ...benchmarks.map((b) =>
      helper.accessor((r) => orUndefined(r.benchmarks[b.slug]?.score), {
        id: benchmarkColumnId(b.slug),
        header: () => (
          <>
            {b.name}
            {!b.inThirty || !b.inCatalog ? (
              <span aria-hidden="true" className="text-warning-foreground">
                *
              </span>
            ) : null}
          </>
        ),
        cell: ({ row }) => <BenchmarkCell row={row.original} benchmark={b} />,
        sortFn: byNumber,
        sortDescFirst: true,
        sortUndefined: "last",
        meta: { label: b.name, numeric: true, benchmark: b },
      }),
    ),
  ]);
}

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;
}

function ariaSort(dir: false | "asc" | "desc"): "ascending" | "descending" | "none" {
  return dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none";
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

/* ------------------------------------------------------------------------------------------------
 * Component
 * ---------------------------------------------------------------------------------------------- */

/**
 * The ranked board: sticky header and identity columns, sortable headers, heat-coloured benchmark
 * cells with interval tooltips, a column chooser, row selection for Compare and CSV/JSON/LaTeX
 * export of exactly what is shown. All view state (filters, sort, columns, selection) is in the URL.
 */
export function LeaderboardTable({ view }: { view: LeaderboardView }) {
  const { params, replace } = useLeaderboardUrl();
  const compareHintId = useId();

  const ctx = useMemo<CellContextData>(() => {
    const tieMembers = new Map<number, LeaderboardRow[]>();
    for (const r of view.rows) tieMembers.set(r.tieGroup, [...(tieMembers.get(r.tieGroup) ?? []), r]);
    const heatRange = new Map<string, { min: number; max: number }>();
    for (const b of view.benchmarks) {
      let min = Infinity;
      let max = -Infinity;
      for (const r of view.rows) {
        const s = r.benchmarks[b.slug]?.score;
        if (typeof s === "number" && Number.isFinite(s)) {
          min = Math.min(min, s);
          max = Math.max(max, s);
        }
      }
      if (min <= max) heatRange.set(b.slug, { min, max });
    }
    return { tieMembers, heatRange, showIntervals: view.replicates > 0 };
  }, [view.rows, view.benchmarks, view.replicates]);

  const columns = useMemo(() => buildColumns(view.benchmarks, ctx), [view.benchmarks, ctx]);
  const columnIds = useMemo(() => new Set(columns.map((c) => c.id as string)), [columns]);

  const ranked = useMemo(() => [...view.rows].sort((a, b) => a.rank - b.rank || a.config.localeCompare(b.config)), [view.rows]);
  const filters = useMemo(
    () => ({ q: params.q, group: params.group, org: params.org, effort: params.effort, size: params.size }),
    [params.q, params.group, params.org, params.effort, params.size],
  );
  const data = useMemo(() => filterRows(ranked, filters), [ranked, filters]);

  // No `sort` in the URL = the board's rank order, shown as "rank ascending" (so the Rank header
  // toggles to descending and back, and aria-sort tells the truth).
  const sorting = useMemo<SortingState>(
    () => [params.sort && columnIds.has(params.sort.id) ? { id: params.sort.id, desc: params.sort.desc } : { id: "rank", desc: false }],
    [params.sort, columnIds],
  );
  const columnVisibility = useMemo<ColumnVisibilityState>(() => {
    const v: ColumnVisibilityState = {};
    for (const id of columnIds) v[id] = params.cols[id] ?? isDefaultVisible(id);
    for (const id of ALWAYS_VISIBLE) v[id] = true;
    return v;
  }, [params.cols, columnIds]);
  const rowSelection = useMemo<RowSelectionState>(() => Object.fromEntries(params.sel.map((c) => [c, true])), [params.sel]);

  const table = useTable({
    features,
    columns,
    data,
    getRowId: rowId,
    state: { sorting, columnVisibility, rowSelection },
    onSortingChange: (u) => {
      const next = resolve(u, sorting)[0];
      replace({ sort: next ? { id: next.id, desc: next.desc } : null });
    },
    onColumnVisibilityChange: (u) => {
      const next = resolve(u, columnVisibility);
      const cols: Record<string, boolean> = { ...params.cols };
      for (const [id, visible] of Object.entries(next)) {
        if (ALWAYS_VISIBLE.has(id)) continue;
        if (visible === isDefaultVisible(id)) delete cols[id];
        else cols[id] = visible;
      }
      replace({ cols });
    },
    onRowSelectionChange: (u) => {
      const next = resolve(u, rowSelection);
      // Keep the board's rank order for the URL; selections from the other board stay at the end.
      const order = new Map(ranked.map((r, i) => [r.config, i]));
      const sel = Object.keys(next)
        .filter((k) => next[k])
        .sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
      replace({ sel });
    },
    enableMultiSort: false,
    enableSortingRemoval: true,
  });

  const visibleColumns = table.getVisibleLeafColumns();
  const shownRows = table.getRowModel().rows;
  const exportColumnIds = visibleColumns.map((c) => c.id).filter((id) => id !== SELECT_COLUMN);
  const hideable = table.getAllLeafColumns().filter((c) => c.getCanHide());
  const fixedHideable = hideable.filter((c) => !c.columnDef.meta?.benchmark);
  const benchHideable = hideable.filter((c) => c.columnDef.meta?.benchmark);
  const hiddenCount = hideable.filter((c) => !c.getIsVisible()).length;
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

  function exportAs(kind: "csv" | "json" | "tex") {
    const rows = shownRows.map((r) => r.original);
    if (kind === "csv") {
      downloadText(exportFilename(view, "csv"), toCsv(rows, exportColumnIds, view.benchmarks), "text/csv;charset=utf-8");
    } else if (kind === "tex") {
      const tex = toLeaderboardLatex(view, rows, exportColumnIds, window.location.href);
      downloadText(exportFilename(view, "tex"), tex, "application/x-tex;charset=utf-8");
    } else {
      const doc = toExportJson(view, rows, exportColumnIds, { ...filters, sort: sorting[0] ?? null });
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

  function setBenchmarksVisible(visible: boolean) {
    table.setColumnVisibility((old) => ({ ...old, ...Object.fromEntries(benchHideable.map((c) => [c.id, visible])) }));
  }

  return (
    <div className="space-y-2" data-testid="leaderboard">
      <div className="flex flex-wrap items-center gap-2">
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" size="sm">
              <Columns3Icon aria-hidden="true" />
              Columns
              {hiddenCount > 0 ? <span className="text-muted-foreground tabular-nums">({hiddenCount} hidden)</span> : null}
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start" className="w-64">
            <DropdownMenuLabel>Summary columns</DropdownMenuLabel>
            {fixedHideable.map((c) => (
              <DropdownMenuCheckboxItem
                key={c.id}
                checked={c.getIsVisible()}
                onCheckedChange={(v) => c.toggleVisibility(v === true)}
                onSelect={(e) => e.preventDefault()}
              >
                {c.columnDef.meta?.label ?? c.id}
              </DropdownMenuCheckboxItem>
            ))}
            {benchHideable.length > 0 ? (
              <>
                <DropdownMenuSeparator />
                <DropdownMenuLabel>Benchmarks (average reward %)</DropdownMenuLabel>
                <DropdownMenuItem
                  onSelect={(e) => {
                    e.preventDefault();
                    setBenchmarksVisible(true);
                  }}
                >
                  Show all benchmarks
                </DropdownMenuItem>
                <DropdownMenuItem
                  onSelect={(e) => {
                    e.preventDefault();
                    setBenchmarksVisible(false);
                  }}
                >
                  Hide all benchmarks
                </DropdownMenuItem>
                {benchHideable.map((c) => (
                  <DropdownMenuCheckboxItem
                    key={c.id}
                    checked={c.getIsVisible()}
                    onCheckedChange={(v) => c.toggleVisibility(v === true)}
                    onSelect={(e) => e.preventDefault()}
                  >
                    {c.columnDef.meta?.label ?? c.id}
                  </DropdownMenuCheckboxItem>
                ))}
              </>
            ) : null}
          </DropdownMenuContent>
        </DropdownMenu>

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

      {view.benchmarks.length > 0 ? (
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
      >
        <table className="w-max min-w-full border-separate border-spacing-0 text-xs" data-testid="leaderboard-table">
          <caption className="sr-only">
            {boardName} leaderboard: {shownRows.length} of {view.rows.length} configurations, ranked by the {weightPhrase(view.settings)} mean
            win rate over datasets with its 95% interval; then the simple mean win rate, datasets covered, mean score, mean output
            tokens, and the average reward on each benchmark in percent. Column headers are buttons that sort the table.
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const canSort = header.column.getCanSort();
                  const dir = header.column.getIsSorted();
                  const label = <table.FlexRender header={header} />;
                  const SortIcon = dir === "asc" ? ArrowUpIcon : dir === "desc" ? ArrowDownIcon : ArrowUpDownIcon;
                  const button = (
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className={cn(
                        "inline-flex items-end gap-1 rounded-sm text-left font-medium hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
                        meta?.numeric && "flex-row-reverse text-right",
                        dir && "text-foreground",
                      )}
                    >
                      <span className={cn(meta?.benchmark ? "max-w-24 whitespace-normal" : "whitespace-nowrap")}>{label}</span>
                      <SortIcon aria-hidden="true" className={cn("mb-px size-3 shrink-0", !dir && "opacity-40")} />
                    </button>
                  );
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      colSpan={header.colSpan}
                      aria-sort={canSort ? ariaSort(dir) : undefined}
                      className={cn(
                        "sticky top-0 z-20 border-b bg-muted px-2 py-2 align-bottom text-xs font-medium text-muted-foreground",
                        meta?.numeric ? "text-right" : "text-left",
                        meta?.sticky && cn(STICKY_CLASS[meta.sticky], "z-30"),
                      )}
                    >
                      {header.isPlaceholder ? null : !canSort ? (
                        label
                      ) : meta?.benchmark ? (
                        <Tooltip>
                          <TooltipTrigger asChild>{button}</TooltipTrigger>
                          <TooltipContent className="text-left">
                            <BenchmarkHeaderTip benchmark={meta.benchmark} />
                          </TooltipContent>
                        </Tooltip>
                      ) : (
                        button
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {shownRows.length === 0 ? (
              <tr>
                <td colSpan={visibleColumns.length} className="px-3 py-8 text-center text-sm text-muted-foreground">
                  No configuration matches the search and filters. Clear them to see all {view.rows.length}.
                </td>
              </tr>
            ) : (
              shownRows.map((row) => {
                const selected = row.getIsSelected();
                return (
                  <tr
                    key={row.id}
                    data-state={selected ? "selected" : undefined}
                    data-config={row.original.config}
                    className="group"
                  >
                    {row.getVisibleCells().map((cell) => {
                      const meta = cell.column.columnDef.meta;
                      const isBench = Boolean(meta?.benchmark);
                      const Cell = meta?.sticky === "config" ? "th" : "td";
                      return (
                        <Cell
                          key={cell.id}
                          scope={Cell === "th" ? "row" : undefined}
                          style={meta?.benchmark ? heatCellStyle(row.original, meta.benchmark, ctx) : undefined}
                          className={cn(
                            "border-b align-middle font-normal",
                            isBench ? "p-0" : "px-2 py-1.5",
                            meta?.numeric && "text-right whitespace-nowrap tabular-nums",
                            meta?.sticky
                              ? cn(STICKY_CLASS[meta.sticky], "z-10 bg-background text-left group-hover:bg-muted group-data-[state=selected]:bg-muted")
                              : !isBench && "group-hover:bg-muted/50 group-data-[state=selected]:bg-muted/60",
                            meta?.sticky === "rank" && "text-right",
                          )}
                        >
                          <table.FlexRender cell={cell} />
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
  );
}
