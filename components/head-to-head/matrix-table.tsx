"use client";

/**
 * The pairwise win-rate matrix as an HTML table: rows and columns in rank order, each cell
 * wr(row vs column) as text on a viridis background, each cell a link that selects it (`?a=&b=`).
 * Sticky header row and first column; a readout above says what the hovered / focused cell is;
 * CSV export of the weighted or simple matrix. The table body is memoised: hovering re-renders
 * only the readout, never the n² cells.
 */
import { memo, useEffect, useRef, useState, useTransition, type MouseEvent, type SyntheticEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { DownloadIcon } from "lucide-react";

import { heatStyle, viridisGradient } from "@/components/leaderboard/heat";
import { downloadText } from "@/components/leaderboard/export";
import { Button } from "@/components/ui/button";
import { GroupSwatch } from "@/components/ui/group-badge";
import { formatInt, formatPercent, GROUP_LABELS, MISSING } from "@/lib/format";
import type { HeadToHeadView } from "@/lib/queries/head-to-head";
import { cn } from "@/lib/utils";

import { matrixCsv, matrixFilename, type MatrixMean } from "./matrix-csv";
import { headToHeadHref } from "./params";

export type MatrixTableProps = Pick<HeadToHeadView, "board" | "configs" | "weighted" | "simple" | "nDatasets" | "synthetic" | "snapshot"> & {
  /** The selected cell (row a, column b), highlighted and scrolled into view. */
  selected: { a: string; b: string } | null;
  /** The snapshot the page's URL pins: cell links keep it (absent: the latest). */
  pinned?: string | null;
};

/** "71.4" (the header says the unit). */
const cellText = (v: number) => formatPercent(v).slice(0, -1);

const configHref = (slug: string) => `/models/${encodeURIComponent(slug)}`;

interface BodyProps {
  board: MatrixTableProps["board"];
  configs: MatrixTableProps["configs"];
  weighted: MatrixTableProps["weighted"];
  selA: number;
  selB: number;
  pinned: string | null;
}

const MatrixBody = memo(function MatrixBody({ board, configs, weighted, selA, selB, pinned }: BodyProps) {
  const n = configs.length;
  return (
    <tbody>
      {configs.map((row, i) => (
        <tr key={row.config}>
          <th
            scope="row"
            className={cn(
              "sticky left-0 z-10 max-w-56 border-r border-b bg-background px-2 py-0.5 text-left font-normal whitespace-nowrap",
              i === selA && "bg-muted font-medium",
            )}
          >
            <span className="flex items-center gap-1.5">
              <span className="w-6 shrink-0 text-right text-muted-foreground">{row.rank}</span>
              {row.group ? <GroupSwatch group={row.group} title={GROUP_LABELS[row.group]} /> : <span className="inline-block size-2.5 shrink-0" />}
              <Link href={configHref(row.config)} prefetch={false} className="truncate hover:underline" title={`${row.displayName} (${row.config})`}>
                {row.displayName}
              </Link>
            </span>
          </th>
          {configs.map((col, j) => {
            if (i === j) return <td key={col.config} className="bg-muted" />;
            const v = weighted[i * n + j];
            if (v === null) {
              return (
                <td key={col.config} className="text-center text-muted-foreground">
                  {MISSING}
                </td>
              );
            }
            return (
              <td key={col.config} style={heatStyle(v)} aria-current={i === selA && j === selB ? "true" : undefined}>
                <a href={headToHeadHref({ board, a: row.config, b: col.config, snapshot: pinned }, "breakdown")}>{cellText(v)}</a>
              </td>
            );
          })}
        </tr>
      ))}
    </tbody>
  );
});

export function MatrixTable({ board, configs, weighted, simple, nDatasets, synthetic, snapshot, selected, pinned = null }: MatrixTableProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [hover, setHover] = useState<{ i: number; j: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const n = configs.length;
  const selA = selected ? configs.findIndex((c) => c.config === selected.a) : -1;
  const selB = selected ? configs.findIndex((c) => c.config === selected.b) : -1;

  // Bring the selected cell into view inside the scrolling box (not the window: the page scrolls to #breakdown).
  useEffect(() => {
    const el = box.current;
    const cell = el?.querySelector<HTMLElement>("td[aria-current]");
    if (!el || !cell) return;
    const headerH = el.querySelector("thead")?.getBoundingClientRect().height ?? 0;
    const firstW = el.querySelector("tbody th")?.getBoundingClientRect().width ?? 0;
    const b = el.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    if (c.left < b.left + firstW || c.right > b.right) el.scrollLeft += c.left - b.left - firstW - (el.clientWidth - firstW - c.width) / 2;
    if (c.top < b.top + headerH || c.bottom > b.bottom) el.scrollTop += c.top - b.top - headerH - (el.clientHeight - headerH - c.height) / 2;
  }, [selA, selB]);

  const cellAt = (e: SyntheticEvent): { i: number; j: number } | null => {
    const td = (e.target as HTMLElement).closest?.("tbody td") as HTMLTableCellElement | null;
    if (!td) return null;
    const i = (td.parentElement as HTMLTableRowElement).sectionRowIndex;
    const j = td.cellIndex - 1;
    return i >= 0 && i < n && j >= 0 && j < n && i !== j ? { i, j } : null;
  };
  const onPoint = (e: SyntheticEvent) => {
    const at = cellAt(e);
    if (at && (at.i !== hover?.i || at.j !== hover?.j)) setHover(at);
  };
  // Client-side navigation for plain clicks on a cell (the links work without JavaScript too).
  const onClick = (e: MouseEvent) => {
    const a = (e.target as HTMLElement).closest?.("tbody td a") as HTMLAnchorElement | null;
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    startTransition(() => router.push(a.getAttribute("href")!));
  };
  const download = (mean: MatrixMean) => {
    setError(null);
    try {
      downloadText(matrixFilename({ board, snapshot, synthetic }, mean), matrixCsv({ configs, weighted, simple, synthetic }, mean), "text/csv;charset=utf-8");
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const shown = hover ?? (selA >= 0 && selB >= 0 ? { i: selA, j: selB } : null);
  const readout = (() => {
    if (!shown) return "Point at a cell to read it; select one for its per-dataset breakdown.";
    const k = shown.i * n + shown.j;
    const row = configs[shown.i].displayName;
    const col = configs[shown.j].displayName;
    if (weighted[k] === null) return `${row} vs ${col}: no shared dataset.`;
    return `${row} vs ${col}: wins ${formatPercent(weighted[k])} (weighted mean), ${formatPercent(simple[k])} (simple mean) over ${formatInt(nDatasets[k])} dataset${nDatasets[k] === 1 ? "" : "s"}.`;
  })();

  return (
    <div className="space-y-2" data-testid="h2h-matrix">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2 text-xs text-muted-foreground" aria-hidden="true">
          <span>0%</span>
          <span className="inline-block h-2.5 w-40 rounded-sm" style={{ background: viridisGradient() }} />
          <span>100%</span>
          <span className="ml-2">share of questions the row configuration wins against the column (50% = even)</span>
        </div>
        <div className="flex items-center gap-1">
          <Button variant="outline" size="sm" onClick={() => download("weighted")} data-testid="h2h-csv">
            <DownloadIcon aria-hidden /> CSV
          </Button>
          <Button variant="outline" size="sm" onClick={() => download("simple")} title="The simple (unweighted) mean over datasets">
            <DownloadIcon aria-hidden /> CSV (simple mean)
          </Button>
        </div>
      </div>
      <p className="min-h-5 text-xs tabular-nums" aria-live="polite" data-testid="h2h-readout">
        {pending ? "Loading the breakdown…" : readout}
      </p>
      {error ? (
        <p role="alert" className="text-xs text-destructive">
          Export failed: {error}
        </p>
      ) : null}
      <div ref={box} className="max-h-[75vh] overflow-auto rounded-lg border" onMouseLeave={() => setHover(null)}>
        <table
          className={cn(
            "border-separate border-spacing-0 text-[11px] tabular-nums",
            // Cells: compact, the link fills the cell, a visible focus ring, a ring on the selected cell.
            "[&_td]:h-6 [&_td]:min-w-11 [&_td]:border-b [&_td]:border-background [&_td]:p-0 [&_td]:text-center",
            "[&_td>a]:block [&_td>a]:px-1 [&_td>a]:py-1 [&_td>a]:leading-4 [&_td>a:hover]:underline",
            "[&_td>a:focus-visible]:outline-2 [&_td>a:focus-visible]:-outline-offset-2 [&_td>a:focus-visible]:outline-ring",
            "[&_td[aria-current]]:outline-2 [&_td[aria-current]]:-outline-offset-2 [&_td[aria-current]]:outline-foreground",
          )}
          onMouseOver={onPoint}
          onFocus={onPoint}
          onClick={onClick}
        >
          <caption className="sr-only">
            Medmarks-{board} head-to-head: weighted mean win rate (%) of each row configuration against each column configuration.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="sticky top-0 left-0 z-30 border-r border-b bg-background px-2 py-1 text-left align-bottom font-medium text-muted-foreground">
                Row vs column (% won)
              </th>
              {configs.map((c, j) => (
                <th key={c.config} scope="col" className={cn("sticky top-0 z-20 border-b bg-background px-0.5 py-1 align-bottom font-normal", j === selB && "bg-muted font-medium")}>
                  <Link
                    href={configHref(c.config)}
                    prefetch={false}
                    title={`${c.rank}. ${c.displayName} (${c.config})`}
                    className="mx-auto block max-h-40 overflow-hidden text-ellipsis whitespace-nowrap [writing-mode:vertical-rl] rotate-180 hover:underline"
                  >
                    {c.rank}. {c.displayName}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <MatrixBody board={board} configs={configs} weighted={weighted} selA={selA} selB={selB} pinned={pinned} />
        </table>
      </div>
    </div>
  );
}
