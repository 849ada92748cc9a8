/**
 * The ranking of configurations by order sensitivity (server-rendered). Sortable by URL (`?sort=`):
 * the column headers are links. Configuration names open their page; "Detail" opens this page's
 * per-configuration section.
 */
import Link from "next/link";

import { MissingValue } from "@/components/model/missing-value";
import { GroupBadge } from "@/components/ui/group-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDelta, formatInt, formatPercent } from "@/lib/format";
import type { OrderBiasConfigRow } from "@/lib/queries/order-bias-types";
import { cn } from "@/lib/utils";

import { orderBiasHref, sortConfigRows, type OrderBiasPageParams, type OrderBiasSort } from "./params";

/** Sorts that list the smallest value first. */
const ASCENDING: ReadonlySet<OrderBiasSort> = new Set(["delta", "consistency", "board", "name"]);

const COLUMNS: { sort: OrderBiasSort | null; label: string; numeric?: boolean; title: string }[] = [
  { sort: "sensitivity", label: "#", numeric: true, title: "Rank by order sensitivity" },
  { sort: "name", label: "Configuration", title: "Configuration" },
  { sort: "sensitivity", label: "Mean |Δ|", numeric: true, title: "Mean absolute accuracy change over every dataset and shuffle" },
  { sort: "delta", label: "Mean Δ", numeric: true, title: "Mean signed accuracy change (shuffled − original)" },
  { sort: "flip", label: "Flip rate", numeric: true, title: "Mean over datasets of the share of questions whose chosen option text changes with a shuffle" },
  { sort: null, label: "Any flip", numeric: true, title: "Mean over datasets of the share of questions with two or more different answers over the orders" },
  { sort: "consistency", label: "Consistent", numeric: true, title: "Mean over datasets of the share of questions answered with the same option text in every order" },
  { sort: null, label: "Datasets", numeric: true, title: "Datasets with a change / with any run" },
  { sort: "board", label: "Board rank", numeric: true, title: "Rank on the leaderboard (mean win rate)" },
  { sort: null, label: "", title: "Per-configuration detail" },
];

export function SensitivityTable({ rows, params }: { rows: OrderBiasConfigRow[]; params: OrderBiasPageParams }) {
  const sorted = sortConfigRows(rows, params.sort);
  return (
    <Table containerClassName="max-h-[70vh] rounded-lg border" data-testid="sensitivity-table">
      <TableHeader className="sticky top-0 z-10 bg-background">
        <TableRow>
          {COLUMNS.map((c, i) => {
            const active = c.sort !== null && c.sort === params.sort && (i !== 0 || params.sort !== "sensitivity");
            return (
              <TableHead key={i} numeric={c.numeric} title={c.title} aria-sort={active ? (ASCENDING.has(c.sort!) ? "ascending" : "descending") : undefined}>
                {c.sort && c.label ? (
                  <Link href={orderBiasHref({ ...params, sort: c.sort }, "ranking")} scroll={false} className={cn("underline-offset-4 hover:underline", active && "font-semibold text-foreground")}>
                    {c.label}
                    {active ? <span aria-hidden="true"> {ASCENDING.has(c.sort) ? "↑" : "↓"}</span> : null}
                  </Link>
                ) : (
                  c.label || <span className="sr-only">Detail</span>
                )}
              </TableHead>
            );
          })}
        </TableRow>
      </TableHeader>
      <TableBody>
        {sorted.map((r) => (
          <TableRow key={r.config} data-config={r.config} data-state={params.config === r.config ? "selected" : undefined}>
            <TableCell numeric>{r.sensitivityRank ?? <MissingValue why="no accuracy change: no dataset with both orders" />}</TableCell>
            <TableCell className="sticky left-0 bg-background">
              <span className="flex flex-wrap items-center gap-2">
                <Link href={`/models/${encodeURIComponent(r.config)}`} className="font-medium underline-offset-4 hover:underline">
                  {r.displayName}
                </Link>
                {r.group ? <GroupBadge group={r.group} /> : null}
              </span>
            </TableCell>
            <TableCell numeric>{r.sensitivity === null ? <MissingValue why="no dataset with both an original and a shuffled run" /> : formatDelta(r.sensitivity).replace("+", "")}</TableCell>
            <TableCell numeric>{r.meanDelta === null ? <MissingValue why="no dataset with both an original and a shuffled run" /> : formatDelta(r.meanDelta)}</TableCell>
            <TableCell numeric>{r.flipRate === null ? <MissingValue why="no question answered in two orders" /> : formatPercent(r.flipRate)}</TableCell>
            <TableCell numeric>{r.anyFlipRate === null ? <MissingValue why="no question answered in two orders" /> : formatPercent(r.anyFlipRate)}</TableCell>
            <TableCell numeric>{r.consistency === null ? <MissingValue why="no question answered in every order" /> : formatPercent(r.consistency)}</TableCell>
            <TableCell numeric>
              {formatInt(r.nDatasets)} / {formatInt(r.nCells)}
            </TableCell>
            <TableCell numeric>{r.boardRank ?? <MissingValue why="not ranked on the board" />}</TableCell>
            <TableCell>
              <Link href={orderBiasHref({ ...params, config: r.config }, "detail")} className="text-xs underline underline-offset-4" aria-label={`Order-bias detail of ${r.displayName}`}>
                Detail
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
