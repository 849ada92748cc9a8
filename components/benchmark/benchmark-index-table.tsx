import Link from "next/link";

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt } from "@/lib/format";
import type { BenchmarkIndexRow } from "@/lib/queries/benchmark";

/** All benchmarks of one subset: name (link), Medmarks-T, task type, metric, questions, license. */
export function BenchmarkIndexTable({ rows }: { rows: BenchmarkIndexRow[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Benchmark</TableHead>
          <TableHead>Subset</TableHead>
          <TableHead>Medmarks-T</TableHead>
          <TableHead>Task type</TableHead>
          <TableHead>Metric</TableHead>
          <TableHead numeric>Questions</TableHead>
          <TableHead>License</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((b) => (
          <TableRow key={b.slug} data-testid={`benchmark-row-${b.slug}`}>
            <TableCell>
              <Link href={`/benchmarks/${b.slug}`} className="font-medium underline-offset-4 hover:underline">
                {b.name}
              </Link>
              {!b.inThirty ? <span className="ml-1.5 text-xs text-muted-foreground">(not one of the 30)</span> : null}
              {!b.inCatalog ? <span className="ml-1.5 text-xs text-muted-foreground">(not in catalog)</span> : null}
            </TableCell>
            <TableCell>{b.subset}</TableCell>
            <TableCell>{b.medmarksT ? "Yes" : "No"}</TableCell>
            <TableCell>{b.taskType}</TableCell>
            <TableCell>
              <code className="text-xs">{b.metricKey ?? "—"}</code>
            </TableCell>
            <TableCell numeric>{formatInt(b.nQuestions)}</TableCell>
            <TableCell>{b.license ?? "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
