import { Fragment } from "react";
import Link from "next/link";

import { TableExportMenu } from "@/components/export/table-export-menu";
import { compareDifferencesModel } from "@/components/export/table-models";
import { formatP } from "@/components/medical/format-p";
import { deltaColor } from "@/components/model/delta-tone";
import { MissingValue } from "@/components/model/missing-value";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDelta, formatInt, formatInterval } from "@/lib/format";
import type { CompareCell, CompareView, Comparison, PairedMethod } from "@/lib/queries/compare-types";
import { PAIRED_METHOD_LABELS } from "@/lib/scoring/paired";
import { cn } from "@/lib/utils";

import { configColor } from "./colors";
import { compareViewHref, type ComparePageParams } from "./params";

export const METHOD_SHORT: Record<PairedMethod, string> = { "mcnemar-exact": "McNemar", "paired-bootstrap": "paired bootstrap" };

function ciText(lo: number | null | undefined, hi: number | null | undefined): string {
  if (typeof lo !== "number" || typeof hi !== "number") return "";
  const a = formatDelta(lo).replace(" pp", "");
  const b = formatDelta(hi).replace(" pp", "");
  return `(${a} to ${b})`;
}

function DeltaCell({ cell, refName, name, href }: { cell: CompareCell; refName: string; name: string; href: string }) {
  const t = cell.vsRef;
  if (!t) return <MissingValue why={cell.score ? `${refName} has no score on this benchmark` : `${name} has no score on this benchmark`} />;
  if (t.diff === null) return <MissingValue why="No question answered by both" />;
  const unshared = t.onlyConfig + t.onlyRef;
  return (
    <div className="leading-tight">
      <div>
        <span className="font-medium" style={{ color: deltaColor(t.diff) }}>
          {formatDelta(t.diff)}
        </span>{" "}
        <span className="text-[11px] text-muted-foreground">{ciText(t.ci?.lo, t.ci?.hi)}</span>
      </div>
      <div className="text-[11px] text-muted-foreground">
        <span title="Questions both answered (the only ones compared)">{formatInt(t.nShared)} shared</span>
        {unshared ? (
          <span className="text-warning-foreground" title={`Not compared: ${formatInt(t.onlyConfig)} answered only by ${name}, ${formatInt(t.onlyRef)} only by ${refName}`}>
            {" "}
            · {formatInt(t.onlyConfig)} only this · {formatInt(t.onlyRef)} only ref
          </span>
        ) : null}{" "}
        ·{" "}
        <Link prefetch={false} href={href} className="underline underline-offset-2 hover:text-foreground" aria-label={`Questions where ${name} and ${refName} differ on this benchmark`}>
          questions
        </Link>
      </div>
    </div>
  );
}

/**
 * Per benchmark: every configuration's score (95% CI), and for each one but the reference its
 * paired difference from the reference on the questions both answered (95% CI, counts of shared
 * and unshared questions) and the Holm-adjusted p of the paired test (method per row). CSV/JSON/LaTeX
 * export of the table as shown (the page's CSV button keeps the raw, full-precision long format).
 */
export function DifferencesTable({ view, comparison, params }: { view: CompareView; comparison: Comparison; params: ComparePageParams }) {
  const ref = view.ref!;
  const refName = view.configs.find((c) => c.config === ref)?.displayName ?? ref;
  const diffHref = (config: string, benchmark: string | null) =>
    compareViewHref({ ...params, configs: params.configs, a: ref, b: config, dir: "a-only", benchmark, subtask: null, after: null }, "items");
  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <TableExportMenu model={compareDifferencesModel(view, comparison, METHOD_SHORT)} label="Export table" />
      </div>
      <Table data-testid="compare-table" containerClassName="max-h-[80vh] rounded-lg border" className="text-xs">
        <caption className="sr-only">
          Per benchmark: each configuration&apos;s score in percent with its 95% interval; for each configuration other than the reference{" "}
          {refName}, the paired difference from it in percentage points with its 95% interval, the questions compared, and the
          Holm-adjusted p-value.
        </caption>
        <TableHeader className="sticky top-0 z-20 bg-background">
          <TableRow>
            <TableHead rowSpan={2} className="sticky left-0 z-30 min-w-40 border-r bg-background align-bottom">
              Benchmark
            </TableHead>
            <TableHead rowSpan={2} className="align-bottom" title="The paired test against the reference">
              Test
            </TableHead>
            {view.configs.map((c, i) => (
              <TableHead key={c.config} colSpan={c.config === ref ? 1 : 3} className="border-l text-foreground" scope="colgroup">
                <div className="flex items-center gap-1.5">
                  <span aria-hidden="true" className="inline-block size-2.5 rounded-[2px]" style={{ backgroundColor: configColor(i) }} />
                  <span className="font-semibold">{c.displayName}</span>
                  {c.config === ref ? <span className="rounded-full bg-muted px-1.5 text-[10px] font-normal text-muted-foreground">reference</span> : null}
                </div>
                {c.config !== ref ? (
                  <Link prefetch={false}
                    href={diffHref(c.config, null)}
                 
                    className="text-[11px] font-normal text-muted-foreground underline underline-offset-2 hover:text-foreground"
                    data-testid={`diff-link-${c.config}`}
                  >
                    questions where they differ
                  </Link>
                ) : null}
              </TableHead>
            ))}
          </TableRow>
          <TableRow>
            {view.configs.map((c) =>
              c.config === ref ? (
                <TableHead key={c.config} numeric className="border-l">
                  Score % (95% CI)
                </TableHead>
              ) : (
                <Fragment key={c.config}>
                  <TableHead numeric className="border-l">
                    Score % (95% CI)
                  </TableHead>
                  <TableHead title={`${c.displayName} − ${refName}: mean over the questions both answered (paired bootstrap 95% interval)`}>
                    Δ vs ref, pp (95% CI)
                  </TableHead>
                  <TableHead numeric title="Holm–Bonferroni adjusted over the benchmarks tested for this pair">
                    Holm p
                  </TableHead>
                </Fragment>
              ),
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {comparison.benchmarks.map((b) => (
            <TableRow key={b.slug} data-testid={`compare-row-${b.slug}`}>
              <TableCell className="sticky left-0 z-10 min-w-40 border-r bg-background">
                <Link prefetch={false} href={`/benchmarks/${encodeURIComponent(b.slug)}`} className="font-medium underline-offset-4 hover:underline">
                  {b.name}
                </Link>
                {b.datasets.length > 1 ? (
                  <div className="text-[11px] text-muted-foreground" title={b.datasets.map((d) => d.label).join(", ")}>
                    {b.datasets.length} datasets pooled
                  </div>
                ) : null}
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground" title={b.methods.map((m) => PAIRED_METHOD_LABELS[m]).join("; ")}>
                {b.methods.length ? b.methods.map((m) => METHOD_SHORT[m]).join(" / ") : "—"}
              </TableCell>
              {b.cells.map((cell) => {
                const c = view.configs.find((x) => x.config === cell.config)!;
                const score = cell.score ? (
                  formatInterval(cell.score.score, cell.score.ci?.lo, cell.score.ci?.hi)
                ) : (
                  <MissingValue why={c.onBoard ? "Not run (or not scored on this board)" : `Not on Medmarks-${view.board}`} />
                );
                if (cell.config === ref) {
                  return (
                    <TableCell key={cell.config} numeric className="border-l font-medium">
                      {score}
                    </TableCell>
                  );
                }
                const t = cell.vsRef;
                const significant = t?.pHolm !== null && t?.pHolm !== undefined && t.pHolm < comparison.alpha;
                return (
                  <Fragment key={cell.config}>
                    <TableCell numeric className="border-l">
                      {score}
                    </TableCell>
                    <TableCell className="tabular-nums">
                      <DeltaCell cell={cell} refName={refName} name={c.displayName} href={diffHref(cell.config, b.slug)} />
                    </TableCell>
                    <TableCell
                      numeric
                      className={cn(significant && "font-semibold")}
                      title={
                        t
                          ? `p = ${formatP(t.p)} before adjustment${t.discordant ? `; discordant questions: ${t.discordant.config} only ${c.displayName} right, ${t.discordant.ref} only ${refName} right` : ""}`
                          : undefined
                      }
                    >
                      {t ? formatP(t.pHolm) : "—"}
                      {significant ? <span className="sr-only"> (significant at {comparison.alpha})</span> : null}
                      {significant ? <span aria-hidden="true">*</span> : null}
                    </TableCell>
                  </Fragment>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
