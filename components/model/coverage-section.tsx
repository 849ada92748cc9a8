import Link from "next/link";

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatPercent } from "@/lib/format";
import type { CoverageView } from "@/lib/queries/config-types";

function Count({ label, value, tone }: { label: string; value: number; tone?: "warn" }) {
  return (
    <div className="min-w-20">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={tone === "warn" && value > 0 ? "text-lg font-semibold text-warning-foreground tabular-nums" : "text-lg font-semibold tabular-nums"}>
        {formatInt(value)}
      </dd>
    </div>
  );
}

function BoardCoverage({ c, synthetic }: { c: CoverageView; synthetic: boolean }) {
  const gaps = c.items.filter((i) => i.status !== "complete");
  return (
    <div className="space-y-2 rounded-lg border px-4 py-3" data-testid={`coverage-${c.board}`}>
      <h3 className="font-medium">
        Medmarks-{c.board}{" "}
        <span className="text-sm font-normal text-muted-foreground">
          {formatInt(c.withRun)} of {formatInt(c.total)} suite variants run ({formatPercent(c.total ? c.withRun / c.total : null, 0)})
          {synthetic ? " · synthetic demo data" : ""}
        </span>
      </h3>
      <dl className="flex flex-wrap gap-x-6 gap-y-1">
        <Count label="Complete" value={c.complete} />
        <Count label="Incomplete" value={c.incomplete} tone="warn" />
        <Count label="Missing" value={c.missing} />
        {c.extraRuns ? <Count label="Outside the suite" value={c.extraRuns} /> : null}
      </dl>
      {gaps.length ? (
        <details className="text-sm" data-testid={`coverage-gaps-${c.board}`}>
          <summary className="cursor-pointer text-muted-foreground underline underline-offset-2 hover:text-foreground">
            {c.incomplete ? `${formatInt(c.incomplete)} incomplete and ` : ""}
            {formatInt(c.missing)} missing variant{c.missing === 1 ? "" : "s"}
          </summary>
          <Table className="mt-2">
            <TableHeader>
              <TableRow>
                <TableHead>Benchmark</TableHead>
                <TableHead>Variant</TableHead>
                <TableHead>Status</TableHead>
                <TableHead numeric>Rows (observed / expected)</TableHead>
                <TableHead numeric>Suite questions</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {gaps.map((i) => (
                <TableRow key={`${i.benchmark}:${i.envId}:${i.variantId}`}>
                  <TableCell>
                    <Link href={`/benchmarks/${encodeURIComponent(i.benchmark)}`} prefetch={false} className="underline-offset-4 hover:underline">
                      {i.benchmarkName}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <code className="font-mono text-xs">
                      {i.envId}::{i.variantId}
                    </code>
                  </TableCell>
                  <TableCell>
                    {i.status === "incomplete" && i.runId !== null ? (
                      <Link href={`/runs/${i.runId}`} prefetch={false} className="text-warning-foreground underline underline-offset-2">
                        incomplete (run {i.runId})
                      </Link>
                    ) : (
                      <span className="text-muted-foreground">not run</span>
                    )}
                  </TableCell>
                  <TableCell numeric>{i.runId === null ? "" : `${formatInt(i.observedRows)} / ${formatInt(i.expectedRows)}`}</TableCell>
                  <TableCell numeric>{formatInt(i.nQuestions)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </details>
      ) : (
        <p className="text-sm text-muted-foreground">Every suite variant has a complete run.</p>
      )}
    </div>
  );
}

/** Coverage of the suite per board: counts, and a collapsible list of the missing and incomplete variants. */
export function CoverageSection({ coverage, synthetic }: { coverage: CoverageView[]; synthetic: Record<string, boolean> }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {coverage.map((c) => (
        <BoardCoverage key={c.board} c={c} synthetic={synthetic[c.board] ?? false} />
      ))}
    </div>
  );
}
