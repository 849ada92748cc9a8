/**
 * One configuration's order bias per dataset (server-rendered): accuracy in each order with its
 * 95% bootstrap interval, the paired change per shuffle with its paired-bootstrap interval, flip
 * rates, any-flip and consistency. Each order's accuracy links to its run.
 */
import Link from "next/link";

import { MissingValue } from "@/components/model/missing-value";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDelta, formatInt, formatInterval, formatNumber, formatPercent } from "@/lib/format";
import type { OrderBiasCell, OrderBiasDetail, OrderBiasView } from "@/lib/queries/order-bias-types";
import { PAIRED_METHOD_LABELS } from "@/lib/scoring/paired";

import { datasetLabel, shuffleSeeds } from "./view-model";

function ShareCell({ share, why }: { share: { n: number; count: number; rate: number | null }; why: string }) {
  if (share.rate === null) return <MissingValue why={why} />;
  return (
    <span title={`${formatInt(share.count)} of ${formatInt(share.n)} questions`}>
      {formatPercent(share.rate)}
      <span className="block text-[11px] text-muted-foreground">
        {formatInt(share.count)}/{formatInt(share.n)}
      </span>
    </span>
  );
}

function AccuracyCell({ cell, seed }: { cell: OrderBiasCell; seed: number | null }) {
  const o = cell.orders.find((x) => x.orderSeed === seed);
  const run = cell.runs.find((r) => r.orderSeed === seed);
  if (!o || o.accuracy === null) return <MissingValue why={seed === null ? "no original-order run" : `no run with shuffle ${seed}`} />;
  const text = formatInterval(o.accuracy, o.ci?.lo, o.ci?.hi);
  return (
    <span>
      {run ? (
        <Link href={`/runs/${run.id}`} className="underline-offset-4 hover:underline" title={`Run ${run.id}`}>
          {text}
        </Link>
      ) : (
        text
      )}
      <span className="block text-[11px] text-muted-foreground">n = {formatInt(o.n)}</span>
    </span>
  );
}

function DeltaCell({ cell, seed }: { cell: OrderBiasCell; seed: number }) {
  const s = cell.shuffles.find((x) => x.orderSeed === seed);
  if (!s) return <MissingValue why={`no run with shuffle ${seed}`} />;
  if (s.delta === null) return <MissingValue why={cell.orders.some((o) => o.orderSeed === null) ? "no question scored in both orders" : "no original-order run"} />;
  const ci = s.ci ?? s.normalCi;
  const title = [
    `${formatDelta(s.delta)} over ${formatInt(s.nPaired)} paired questions`,
    s.ci ? "95% paired bootstrap percentile interval" : "95% normal-approximation interval",
    s.p !== null ? `p = ${formatNumber(s.p, 3)} (${PAIRED_METHOD_LABELS[s.method]})` : null,
  ]
    .filter(Boolean)
    .join("\n");
  return (
    <span title={title}>
      <span className="font-medium">{formatDelta(s.delta)}</span>
      {ci ? (
        <span className="block text-[11px] text-muted-foreground">
          {formatNumber(ci.lo * 100, 1)} to {formatNumber(ci.hi * 100, 1)}
        </span>
      ) : null}
    </span>
  );
}

export function ConfigDetailTable({ view, detail }: { view: Pick<OrderBiasView, "benchmarks" | "datasets">; detail: OrderBiasDetail }) {
  const seeds = shuffleSeeds(view);
  return (
    <Table containerClassName="rounded-lg border" data-testid="config-detail-table">
      <TableHeader>
        <TableRow>
          <TableHead>Dataset</TableHead>
          <TableHead numeric title="Accuracy in the original order, % (95% bootstrap interval)">
            Original %
          </TableHead>
          {seeds.map((s) => (
            <TableHead key={`a${s}`} numeric title={`Accuracy with shuffle ${s}, % (95% bootstrap interval)`}>
              Shuffle {s} %
            </TableHead>
          ))}
          {seeds.map((s) => (
            <TableHead key={`d${s}`} numeric title={`Paired change shuffle ${s} − original (95% paired bootstrap interval)`}>
              Δ {s}
            </TableHead>
          ))}
          {seeds.map((s) => (
            <TableHead key={`f${s}`} numeric title={`Share of questions whose chosen option text differs between the original order and shuffle ${s}`}>
              Flip {s}
            </TableHead>
          ))}
          <TableHead numeric title="Share of questions with two or more different answers over the orders">
            Any flip
          </TableHead>
          <TableHead numeric title="Share of questions answered with the same option text in every order">
            Consistent
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {detail.cells.map((c) => (
          <TableRow key={`${c.benchmark}\u0000${c.foldedKey}`}>
            <TableCell>
              <Link href={`/benchmarks/${encodeURIComponent(c.benchmark)}`} className="underline-offset-4 hover:underline">
                {datasetLabel(view, c.benchmark, c.foldedKey)}
              </Link>
              <span className="block font-mono text-[11px] text-muted-foreground">{c.foldedKey}</span>
            </TableCell>
            <TableCell numeric>
              <AccuracyCell cell={c} seed={null} />
            </TableCell>
            {seeds.map((s) => (
              <TableCell key={`a${s}`} numeric>
                <AccuracyCell cell={c} seed={s} />
              </TableCell>
            ))}
            {seeds.map((s) => (
              <TableCell key={`d${s}`} numeric>
                <DeltaCell cell={c} seed={s} />
              </TableCell>
            ))}
            {seeds.map((s) => {
              const sh = c.shuffles.find((x) => x.orderSeed === s);
              return (
                <TableCell key={`f${s}`} numeric>
                  {sh ? <ShareCell share={sh.flip} why="no question answered in both orders" /> : <MissingValue why={`no run with shuffle ${s}`} />}
                </TableCell>
              );
            })}
            <TableCell numeric>
              <ShareCell share={c.anyFlip} why="no question answered in two orders" />
            </TableCell>
            <TableCell numeric>
              <ShareCell share={c.consistency} why="no question answered in every order" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
