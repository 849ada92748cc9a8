import Link from "next/link";

import { DeltaText } from "@/components/model/delta-text";
import { MissingValue } from "@/components/model/missing-value";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatInterval } from "@/lib/format";
import type { MedicalPair } from "@/lib/queries/medical";
import { PAIRED_METHOD_LABELS } from "@/lib/scoring/paired";

import { formatP } from "./format-p";
import { VERDICT_COLORS, VERDICT_TEXT } from "./verdict";

const METHOD_SHORT = { "mcnemar-exact": "McNemar", "paired-bootstrap": "bootstrap" } as const;

/** One pair, per benchmark: both scores, their difference, the paired difference with its interval, the test and its Holm-adjusted p. */
export function DeltasTable({ pair, alpha }: { pair: MedicalPair; alpha: number }) {
  const ft = pair.fineTune.displayName;
  const base = pair.base.displayName;
  return (
    <Table data-testid="medical-deltas" containerClassName="rounded-lg border">
      <caption className="sr-only">
        {ft} minus {base} per benchmark: scores, score difference, paired difference with 95% interval, p-value and Holm-adjusted p-value.
      </caption>
      <TableHeader>
        <TableRow>
          <TableHead className="sticky left-0 z-10 min-w-44 border-r bg-background">Benchmark</TableHead>
          <TableHead numeric title={`${ft}: mean score over the benchmark's scored datasets (95% bootstrap interval)`}>
            Fine-tune %
          </TableHead>
          <TableHead numeric title={`${base}: mean score over the benchmark's scored datasets (95% bootstrap interval)`}>
            Base %
          </TableHead>
          <TableHead numeric title="Fine-tune score minus base score">
            Δ score
          </TableHead>
          <TableHead numeric title="Mean difference on the questions both answered, in percentage points (paired bootstrap 95% interval)">
            Paired Δ (95% CI)
          </TableHead>
          <TableHead numeric title="Questions both answered (the only ones compared)">
            Questions
          </TableHead>
          <TableHead title="McNemar's exact test when every question mean is 0 or 1, else the paired bootstrap">Test</TableHead>
          <TableHead numeric>p</TableHead>
          <TableHead numeric title="Holm–Bonferroni adjusted over this pair's benchmarks">
            Holm p
          </TableHead>
          <TableHead title={`Holm p < ${alpha}`}>Verdict</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {pair.benchmarks.map((b) => (
          <TableRow key={b.benchmark} data-testid={`delta-${b.benchmark}`}>
            <TableCell className="sticky left-0 z-10 min-w-44 border-r bg-background">
              <Link href={`/benchmarks/${encodeURIComponent(b.benchmark)}`} className="underline-offset-4 hover:underline">
                {b.name}
              </Link>
              {b.nDatasets > 1 ? <div className="text-[11px] text-muted-foreground">{b.nDatasets} datasets pooled for the paired test</div> : null}
            </TableCell>
            <TableCell numeric>{formatInterval(b.fineTuneScore, b.fineTuneCi?.lo, b.fineTuneCi?.hi)}</TableCell>
            <TableCell numeric>{formatInterval(b.baseScore, b.baseCi?.lo, b.baseCi?.hi)}</TableCell>
            <TableCell numeric>
              <DeltaText delta={b.delta} />
            </TableCell>
            <TableCell numeric>{b.diff === null ? <MissingValue why="No question answered by both" /> : formatInterval(b.diff, b.ci?.lo, b.ci?.hi)}</TableCell>
            <TableCell numeric>
              <span title={`${formatInt(b.onlyFineTune)} answered only by the fine-tune, ${formatInt(b.onlyBase)} only by the base`}>{formatInt(b.nShared)}</span>
            </TableCell>
            <TableCell className="text-xs" title={PAIRED_METHOD_LABELS[b.method]}>
              {METHOD_SHORT[b.method]}
              {b.discordant ? (
                <span className="text-muted-foreground">
                  {" "}
                  ({b.discordant.b}:{b.discordant.c})
                </span>
              ) : null}
            </TableCell>
            <TableCell numeric>{formatP(b.p)}</TableCell>
            <TableCell numeric className="font-medium">
              {formatP(b.pHolm)}
            </TableCell>
            <TableCell className="text-xs font-medium">
              <span className="inline-flex items-center gap-1.5">
                <span aria-hidden="true" className="inline-block size-2.5 rounded-full" style={{ backgroundColor: VERDICT_COLORS[b.verdict] }} />
                {VERDICT_TEXT[b.verdict]}
              </span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
