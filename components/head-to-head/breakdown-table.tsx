import Link from "next/link";

import { MissingValue } from "@/components/model/missing-value";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatNumber, formatPercent } from "@/lib/format";
import type { HeadToHeadCell } from "@/lib/queries/head-to-head";

/** The selected cell per dataset (the chart's numbers, and its screen-reader fallback), with the two means as the footer. */
export function BreakdownTable({ cell, aName, bName }: { cell: HeadToHeadCell; aName: string; bName: string }) {
  const totalWeight = cell.datasets.reduce((s, d) => s + d.weight, 0);
  return (
    <Table data-testid="h2h-breakdown-table" containerClassName="max-h-[70vh] rounded-lg border">
      <caption className="sr-only">
        {aName} against {bName}: share of questions {aName} wins on each dataset, the dataset&apos;s weight, and both average rewards.
      </caption>
      <TableHeader className="sticky top-0 z-10 bg-background">
        <TableRow>
          <TableHead className="sticky left-0 z-10 min-w-52 border-r bg-background">Dataset</TableHead>
          <TableHead numeric>Questions</TableHead>
          <TableHead numeric title="ln(number of questions): the dataset's weight in the weighted mean">
            Weight
          </TableHead>
          <TableHead numeric title="The dataset's share of the summed weights">
            Share of weight
          </TableHead>
          <TableHead numeric title={`Share of the dataset's questions where ${aName} scores higher than ${bName} (ties half)`}>
            {aName} wins %
          </TableHead>
          <TableHead numeric title={`Average reward of ${aName} on the dataset`}>
            Score {aName} %
          </TableHead>
          <TableHead numeric title={`Average reward of ${bName} on the dataset`}>
            Score {bName} %
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {cell.datasets.map((d) => (
          <TableRow key={d.key}>
            <TableCell className="sticky left-0 z-10 min-w-52 border-r bg-background">
              <Link href={`/benchmarks/${encodeURIComponent(d.benchmark)}`} className="underline-offset-4 hover:underline">
                {d.label}
              </Link>
              <div className="font-mono text-[11px] text-muted-foreground">{d.key}</div>
            </TableCell>
            <TableCell numeric>{formatInt(d.nQuestions)}</TableCell>
            <TableCell numeric>{formatNumber(d.weight, 2)}</TableCell>
            <TableCell numeric>{totalWeight > 0 ? formatPercent(d.weight / totalWeight) : <MissingValue why="All weights are 0" />}</TableCell>
            <TableCell numeric className="font-medium">
              {formatPercent(d.wr)}
            </TableCell>
            <TableCell numeric>{d.scoreA === null ? <MissingValue why={`${aName} answered no question of this dataset`} /> : formatPercent(d.scoreA)}</TableCell>
            <TableCell numeric>{d.scoreB === null ? <MissingValue why={`${bName} answered no question of this dataset`} /> : formatPercent(d.scoreB)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell className="sticky left-0 border-r bg-muted">Weighted mean (the matrix value)</TableCell>
          <TableCell numeric>{formatInt(cell.nDatasets)} datasets</TableCell>
          <TableCell numeric>{formatNumber(totalWeight, 2)}</TableCell>
          <TableCell numeric>100.0%</TableCell>
          <TableCell numeric data-testid="h2h-weighted">{formatPercent(cell.weighted)}</TableCell>
          <TableCell colSpan={2} className="text-xs text-muted-foreground">
            simple mean over datasets {formatPercent(cell.simple)}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}
