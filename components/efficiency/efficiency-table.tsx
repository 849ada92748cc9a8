import Link from "next/link";
import { CheckIcon } from "lucide-react";

import { TableExportMenu } from "@/components/export/table-export-menu";
import { efficiencyModel } from "@/components/export/table-models";
import { GroupBadge } from "@/components/ui/group-badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInterval, formatPercent } from "@/lib/format";
import type { EfficiencyView } from "@/lib/queries/efficiency-types";

import { X_NAMES, formatX } from "./axis";

const configHref = (config: string) => `/models/${encodeURIComponent(config)}`;

/**
 * Every plotted configuration with the chart's numbers (the chart's table fallback, for everyone):
 * name → its page, group, effort, x, the share of the datasets' weight x stands on, y with its
 * interval, and whether it is on the Pareto frontier. Rows by y descending, like the chart's order.
 * CSV/JSON/LaTeX export of the table above it.
 */
export function EfficiencyTable({ view }: { view: EfficiencyView }) {
  const yHead = view.benchmark ? `Score on ${view.benchmark.name} % (95% CI)` : "Win rate % (95% CI)";
  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <TableExportMenu model={efficiencyModel(view)} />
      </div>
      <Table containerClassName="max-h-[70vh] rounded-lg border" data-testid="efficiency-table">
        <TableCaption className="sr-only">
          {X_NAMES[view.x]} and {view.benchmark ? `score on ${view.benchmark.name}` : `weighted mean win rate on Medmarks-${view.board}`} per
          configuration
        </TableCaption>
        <TableHeader className="sticky top-0 z-10 bg-background">
          <TableRow>
            <TableHead scope="col" className="sticky left-0 bg-background">
              Configuration
            </TableHead>
            <TableHead scope="col">Group</TableHead>
            <TableHead scope="col">Effort</TableHead>
            <TableHead scope="col" numeric>
              {X_NAMES[view.x]}
            </TableHead>
            <TableHead scope="col" numeric title="Share of the datasets' weight where the configuration has usage data">
              Usage coverage
            </TableHead>
            <TableHead scope="col" numeric>
              {yHead}
            </TableHead>
            <TableHead scope="col" className="text-center">
              Pareto frontier
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.points.map((p) => (
            <TableRow key={p.config} data-config={p.config}>
              <TableHead scope="row" className="sticky left-0 bg-background font-normal text-foreground">
                <Link href={configHref(p.config)} className="underline-offset-4 hover:underline">
                  {p.displayName}
                </Link>
              </TableHead>
              <TableCell>{p.group ? <GroupBadge group={p.group} /> : <span className="text-muted-foreground">unknown</span>}</TableCell>
              <TableCell>{p.effort ?? <span className="text-muted-foreground">default</span>}</TableCell>
              <TableCell numeric>{formatX(p.x, view.x)}</TableCell>
              <TableCell numeric title={p.missing.length ? `No usage on ${p.missing.join(", ")}` : undefined}>
                {formatPercent(p.coverage, 0)}
                {p.nDatasets < p.nBoard ? (
                  <span className="text-muted-foreground">
                    {" "}
                    ({p.nDatasets}/{p.nBoard})
                  </span>
                ) : null}
              </TableCell>
              <TableCell numeric>{formatInterval(p.y, p.yLo, p.yHi)}</TableCell>
              <TableCell className="text-center">
                {p.onFrontier ? (
                  <>
                    <CheckIcon aria-hidden="true" className="inline size-4" />
                    <span className="sr-only">on the frontier</span>
                  </>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
