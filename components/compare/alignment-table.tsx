import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt } from "@/lib/format";
import type { CompareView, Comparison } from "@/lib/queries/compare-types";
import { cn } from "@/lib/utils";

import { configColor } from "./colors";

/**
 * Reasoning effort and sampling arguments side by side, one row per setting; rows where the
 * configurations differ are marked "differs" (text, not only the tint). Values are what the runs
 * the board shows were sampled with (or the configuration's own when it has none there).
 */
export function AlignmentTable({ view, comparison }: { view: CompareView; comparison: Comparison }) {
  return (
    <Table data-testid="compare-alignment" containerClassName="rounded-lg border" className="text-xs">
      <caption className="sr-only">Settings of each configuration; rows marked “differs” are not the same for all of them.</caption>
      <TableHeader>
        <TableRow>
          <TableHead className="border-r">Setting</TableHead>
          {view.configs.map((c, i) => (
            <TableHead key={c.config}>
              <span aria-hidden="true" className="mr-1 inline-block size-2 rounded-[2px]" style={{ backgroundColor: configColor(i) }} />
              {c.displayName}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {comparison.alignment.map((r) => (
          <TableRow key={r.key} data-differs={r.differs ? "true" : undefined} className={cn(r.differs && "bg-warning/40 hover:bg-warning/60")}>
            <TableHead scope="row" className="border-r text-foreground">
              <span className={cn(r.key !== r.label ? "" : "font-mono")}>{r.label}</span>
              {r.differs ? (
                <span className="ml-2 rounded-sm border border-warning-border px-1 text-[10px] font-medium text-warning-foreground">differs</span>
              ) : null}
            </TableHead>
            {r.values.map((v) => (
              <TableCell key={v.config} className="align-top font-mono [overflow-wrap:anywhere]">
                {v.values.map((x, k) => (
                  <div key={k}>{x === null ? <span className="font-sans text-muted-foreground italic">not set</span> : x}</div>
                ))}
                {v.varies ? <div className="font-sans text-[10px] text-warning-foreground">its runs differ</div> : null}
              </TableCell>
            ))}
          </TableRow>
        ))}
        <TableRow>
          <TableHead scope="row" className="border-r font-normal">
            Read from
          </TableHead>
          {comparison.sampling.map((s) => (
            <TableCell key={s.config} className="text-muted-foreground">
              {s.source === "runs"
                ? `${formatInt(s.observed.reduce((n, g) => n + g.runIds.length, 0))} runs on Medmarks-${view.board}`
                : "the configuration's defaults (no run on this board)"}
            </TableCell>
          ))}
        </TableRow>
      </TableBody>
    </Table>
  );
}
