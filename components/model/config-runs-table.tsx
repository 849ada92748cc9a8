import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatInt, formatPercent } from "@/lib/format";
import type { ConfigRunRow, RunStatus } from "@/lib/queries/config-types";

import { MissingValue } from "./missing-value";

const STATUS_VARIANT: Record<RunStatus, "secondary" | "outline" | "warning" | "destructive"> = {
  published: "secondary",
  pending: "warning",
  superseded: "outline",
  rejected: "destructive",
};

/** Runs of the configuration (every status), each linking to its run page. */
export function ConfigRunsTable({ runs }: { runs: ConfigRunRow[] }) {
  return (
    <Table data-testid="config-runs" containerClassName="max-h-[70vh] rounded-lg border">
      <TableHeader className="sticky top-0 z-10 bg-background">
        <TableRow>
          <TableHead numeric>Run</TableHead>
          <TableHead>Benchmark</TableHead>
          <TableHead>Dataset</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Provenance</TableHead>
          <TableHead numeric>Rows (observed / expected)</TableHead>
          <TableHead numeric>Complete</TableHead>
          <TableHead numeric>Questions</TableHead>
          <TableHead>Ingested</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((r) => (
          <TableRow key={r.id} data-testid={`config-run-${r.id}`} className={r.onBoard ? undefined : "text-muted-foreground"}>
            <TableCell numeric>
              <Link href={`/runs/${r.id}`} prefetch={false} className="font-medium underline-offset-4 hover:underline">
                {r.id}
              </Link>
            </TableCell>
            <TableCell>
              <Link href={`/benchmarks/${encodeURIComponent(r.benchmark.slug)}`} prefetch={false} className="underline-offset-4 hover:underline">
                {r.benchmark.name}
              </Link>{" "}
              <span className="text-xs text-muted-foreground">{r.benchmark.subset}</span>
            </TableCell>
            <TableCell>
              <code className="font-mono text-xs">{r.datasetKey}</code>
            </TableCell>
            <TableCell>
              <Badge variant={STATUS_VARIANT[r.status]}>{r.status}</Badge>
              {r.supersededBy !== null ? (
                <Link href={`/runs/${r.supersededBy}`} prefetch={false} className="ml-1 text-xs underline underline-offset-2">
                  by {r.supersededBy}
                </Link>
              ) : null}
            </TableCell>
            <TableCell>
              {r.provenance === "demo" ? <Badge variant="warning">synthetic demo</Badge> : r.provenance}
              {r.status === "published" && !r.onBoard ? (
                <span className="block text-[11px]" title="The boards show either the demo runs or the real ones, never both">
                  not on the boards
                </span>
              ) : null}
            </TableCell>
            <TableCell numeric>
              {formatInt(r.observedRows)} / {r.expectedRows === null ? <MissingValue why="The metadata does not say how many rows to expect" /> : formatInt(r.expectedRows)}
            </TableCell>
            <TableCell numeric className={r.completeness !== null && r.completeness < 1 ? "text-warning-foreground" : undefined}>
              {r.completeness === null ? <MissingValue why="Expected row count unknown" /> : formatPercent(r.completeness, r.completeness < 1 ? 1 : 0)}
            </TableCell>
            <TableCell numeric>{formatInt(r.observedQuestions)}</TableCell>
            <TableCell className="whitespace-nowrap text-xs">{formatDateTime(r.ingestedAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
