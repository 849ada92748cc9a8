import Link from "next/link";

import { TableExportMenu } from "@/components/export/table-export-menu";
import { benchmarkScoresModel } from "@/components/export/table-models";

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatInterval, formatPercent } from "@/lib/format";
import type { ConfigBoardView } from "@/lib/queries/config-types";

import { DeltaText } from "./delta-text";
import { MissingValue } from "./missing-value";
import { benchmarkRowHref } from "./params";

/**
 * Every benchmark of one board: the configuration's score, the board median, the difference and its
 * rank there. With `snapshot`, a CSV/JSON/LaTeX export of the table.
 */
export function BenchmarkScoresTable({
  board,
  config,
  displayName,
  snapshot,
}: {
  board: ConfigBoardView;
  config: string;
  displayName: string;
  /** The snapshot the numbers come from (names the exported files). */
  snapshot?: { id: string; createdAt: string };
}) {
  return (
    <div className="space-y-2">
      {snapshot ? (
        <div className="flex justify-end">
          <TableExportMenu model={benchmarkScoresModel(board, { slug: config, displayName }, snapshot)} />
        </div>
      ) : null}
      <Table data-testid="benchmark-scores" containerClassName="max-h-[70vh] rounded-lg border">
        <TableHeader className="sticky top-0 z-10 bg-background">
          <TableRow>
            <TableHead className="sticky left-0 z-10 bg-background">Benchmark</TableHead>
            <TableHead numeric>Score % (95% CI)</TableHead>
            <TableHead numeric title="Median over the board's configurations with a score on the benchmark">
              Board median %
            </TableHead>
            <TableHead numeric>Δ to median</TableHead>
            <TableHead numeric title="Competition rank on the benchmark (equal scores share a rank)">
              Rank
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {board.benchmarks.map((b) => {
            const why = b.why ?? "No score";
            return (
              <TableRow key={b.slug} data-testid={`benchmark-score-${b.slug}`}>
                <TableCell className="sticky left-0 bg-background">
                  <Link
                    href={benchmarkRowHref(b.slug, config)}
                    prefetch={false}
                    className="font-medium underline-offset-4 hover:underline"
                    aria-label={`${b.name}: open the benchmark's ranking at ${displayName}`}
                  >
                    {b.name}
                  </Link>
                  {!b.scored ? <span className="ml-1.5 text-xs text-muted-foreground">(left out of the board)</span> : null}
                </TableCell>
                <TableCell numeric>{b.score === null ? <MissingValue why={why} /> : formatInterval(b.score, b.lo, b.hi)}</TableCell>
                <TableCell numeric>
                  {b.median === null ? <MissingValue why={b.scored ? "No configuration has a score" : "Left out of the board"} /> : formatPercent(b.median)}
                </TableCell>
                <TableCell numeric>
                  <DeltaText delta={b.delta} why={why} />
                </TableCell>
                <TableCell numeric>
                  {b.rank === null ? (
                    <MissingValue why={why} />
                  ) : (
                    <>
                      {b.rank}
                      <span className="text-muted-foreground"> / {formatInt(b.nConfigs)}</span>
                    </>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
