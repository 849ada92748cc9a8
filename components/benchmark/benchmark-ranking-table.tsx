import Link from "next/link";
import { benchmarkRankingModel } from "@/components/export/table-models";
import { TableExportMenu } from "@/components/export/table-export-menu";
import { GroupBadge } from "@/components/ui/group-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatInterval, formatPercent } from "@/lib/format";
import type { BenchmarkView } from "@/lib/queries/benchmark";

/** Configurations ranked by their score on one benchmark, with the per-dataset average rewards; CSV/JSON/LaTeX export of the table. */
export function BenchmarkRankingTable({ view }: { view: BenchmarkView }) {
  const decimals = view.metric?.decimals ?? 1;
  const datasets = view.board.datasets;
  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <TableExportMenu model={benchmarkRankingModel(view)} />
      </div>
      <Table data-testid="benchmark-ranking">
        <TableHeader>
          <TableRow>
            <TableHead numeric>Rank</TableHead>
            <TableHead>Configuration</TableHead>
            <TableHead numeric>Score % (95% CI)</TableHead>
            {datasets.map((d) => (
              <TableHead key={d.key} numeric title={d.key}>
                {datasets.length === 1 ? "Avg reward" : d.label}
              </TableHead>
            ))}
            <TableHead numeric>n</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.ranking.map((r) => (
            <TableRow key={r.config} id={`config-${r.config}`} className="scroll-mt-24 target:bg-muted">
              <TableCell numeric>{r.rank}</TableCell>
              <TableCell>
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/models/${encodeURIComponent(r.config)}`} prefetch={false} className="font-medium underline-offset-4 hover:underline">
                    {r.displayName}
                  </Link>
                  {r.group ? <GroupBadge group={r.group} /> : null}
                </div>
              </TableCell>
              <TableCell numeric>{formatInterval(r.score, r.lo, r.hi, decimals)}</TableCell>
              {r.datasets.map((d) => (
                <TableCell key={d.key} numeric>
                  <div>{formatPercent(d.score, decimals)}</div>
                  {d.runIds.length ? (
                    <div className="text-[0.7rem] text-muted-foreground">
                      {d.runIds.map((id, i) => (
                        <span key={id}>
                          {i ? " · " : ""}
                          <Link href={`/runs/${id}`} prefetch={false} className="underline-offset-2 hover:underline" aria-label={`run ${id} behind ${r.displayName} on ${d.key}`}>
                            run {id}
                          </Link>
                        </span>
                      ))}
                    </div>
                  ) : null}
                </TableCell>
              ))}
              <TableCell numeric>{formatInt(r.n)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
