import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatNumber, formatPercent } from "@/lib/format";
import type { ConfigIndexRow } from "@/lib/queries/config-types";

import { MissingValue } from "./missing-value";
import { configHref } from "./params";

function Rank({ rank, winRate, board, row }: { rank: number | null; winRate: number | null; board: "V" | "OE"; row: ConfigIndexRow }) {
  if (rank === null) return <MissingValue why={row.publishedRuns ? `Not ranked on Medmarks-${board}` : "No runs"} />;
  return (
    <Link href={configHref(row.slug, { board })} prefetch={false} className="underline-offset-4 hover:underline">
      {/* The visible "3 45.2%" read out in full (no aria-label: the name must contain the visible text). */}
      <span className="sr-only">rank </span>
      <span className="font-medium">{rank}</span>
      <span className="sr-only"> on Medmarks-{board},</span>
      <span className="ml-1.5 text-xs text-muted-foreground">{formatPercent(winRate)}</span>
      <span className="sr-only"> mean win rate</span>
    </Link>
  );
}

/** Configurations of one group: name (link), model, effort, size, runs, rank and win rate on each board. */
export function ConfigIndexTable({ rows, caption, synthetic }: { rows: ConfigIndexRow[]; caption: string; synthetic: boolean }) {
  return (
    // Fixed layout: the tables of the several groups line up column for column.
    <Table data-testid="config-index" containerClassName="rounded-lg border" className="min-w-[56rem] table-fixed">
      <caption className="sr-only">{caption}</caption>
      <colgroup>
        <col className="w-[30%]" />
        <col className="w-[26%]" />
        <col className="w-[8%]" />
        <col className="w-[7%]" />
        <col className="w-[9%]" />
        <col className="w-[10%]" />
        <col className="w-[10%]" />
      </colgroup>
      <TableHeader>
        <TableRow>
          <TableHead>Configuration</TableHead>
          <TableHead>Model · organisation</TableHead>
          <TableHead>Effort</TableHead>
          <TableHead numeric>Params</TableHead>
          <TableHead numeric>Runs</TableHead>
          <TableHead numeric title="Rank and mean win rate on the default Medmarks-V board">
            V rank · win rate
          </TableHead>
          <TableHead numeric title="Rank and mean win rate on the default Medmarks-OE board">
            OE rank · win rate
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.slug} data-testid={`config-row-${r.slug}`}>
            <TableCell>
              <Link href={configHref(r.slug)} className="font-medium underline-offset-4 hover:underline">
                {r.displayName}
              </Link>
              {r.displayName !== r.slug ? <span className="ml-1.5 font-mono text-[11px] text-muted-foreground">{r.slug}</span> : null}
              {!r.inCatalog ? <span className="ml-1.5 text-xs text-warning-foreground">not in catalog</span> : null}
            </TableCell>
            <TableCell className="text-xs">
              {r.modelName}
              {r.org ? <span className="text-muted-foreground"> · {r.org}</span> : null}
            </TableCell>
            <TableCell className="text-xs">{r.reasoningEffort ?? <MissingValue why="No reasoning effort set" />}</TableCell>
            <TableCell numeric>
              {r.paramsB === null ? <MissingValue why="Not disclosed or not in the catalog" /> : `${formatNumber(r.paramsB, Number.isInteger(r.paramsB) ? 0 : 1)}B`}
            </TableCell>
            <TableCell numeric>
              {r.publishedRuns ? formatInt(r.publishedRuns) : <span className="text-muted-foreground">no runs</span>}
              {/* On real boards, flag the configurations whose only runs are demo runs (hidden from the boards). */}
              {r.demoOnly && !synthetic ? (
                <Badge variant="warning" className="ml-1.5" title="Every published run of this configuration is a synthetic demo run: the boards do not show them">
                  demo
                </Badge>
              ) : null}
            </TableCell>
            <TableCell numeric>
              <Rank rank={r.rankV} winRate={r.winRateV} board="V" row={r} />
            </TableCell>
            <TableCell numeric>
              <Rank rank={r.rankOE} winRate={r.winRateOE} board="OE" row={r} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
