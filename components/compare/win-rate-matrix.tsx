import Link from "next/link";

import { headToHeadHref } from "@/components/head-to-head/params";
import { deltaColor } from "@/components/model/delta-tone";
import { MissingValue } from "@/components/model/missing-value";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatPercent } from "@/lib/format";
import type { CompareView, Comparison } from "@/lib/queries/compare-types";

import { configColor } from "./colors";

/**
 * wr(row vs column) among the compared configurations: the board's stored head-to-head (weighted
 * mean over the datasets both ran), coloured on the diverging scale around 50%; each cell opens the
 * pair's per-dataset breakdown on the head-to-head page.
 */
export function WinRateMatrix({ view, comparison }: { view: CompareView; comparison: Comparison }) {
  const n = view.configs.length;
  const { weighted, nDatasets } = comparison.headToHead;
  return (
    <Table data-testid="compare-h2h" containerClassName="rounded-lg border" className="w-auto text-xs">
      <caption className="sr-only">
        Head-to-head win rate of the row configuration against the column configuration, in percent, over the datasets both ran.
      </caption>
      <TableHeader>
        <TableRow>
          <TableHead className="border-r">Row vs column</TableHead>
          {view.configs.map((c, i) => (
            <TableHead key={c.config} numeric className="max-w-32 whitespace-normal">
              <span aria-hidden="true" className="mr-1 inline-block size-2 rounded-[2px]" style={{ backgroundColor: configColor(i) }} />
              {c.displayName}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {view.configs.map((row, i) => (
          <TableRow key={row.config}>
            <TableHead scope="row" className="border-r text-foreground">
              <span aria-hidden="true" className="mr-1 inline-block size-2 rounded-[2px]" style={{ backgroundColor: configColor(i) }} />
              {row.displayName}
            </TableHead>
            {view.configs.map((col, j) => {
              if (i === j) {
                return (
                  <TableCell key={col.config} numeric className="bg-muted/50 text-muted-foreground" aria-label="same configuration">
                    ·
                  </TableCell>
                );
              }
              const w = weighted[i * n + j];
              return (
                <TableCell key={col.config} numeric>
                  {w === null ? (
                    <MissingValue why={`No dataset both ran on Medmarks-${view.board}`} />
                  ) : (
                    <Link prefetch={false}
                      href={headToHeadHref({ board: view.board, a: row.config, b: col.config }, "breakdown")}
                      className="font-medium underline-offset-2 hover:underline"
                      style={{ color: deltaColor(w - 0.5) }}
                      title={`${row.displayName} vs ${col.displayName}: ${formatPercent(w)} over ${formatInt(nDatasets[i * n + j])} datasets (open the breakdown)`}
                    >
                      {formatPercent(w)}
                    </Link>
                  )}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
