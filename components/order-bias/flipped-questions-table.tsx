/**
 * The most order-flipped questions (server-rendered): over all configurations, or one
 * configuration's with its chosen answer in each order. Answers are untrusted text, rendered as
 * React text nodes only. Each row opens the question page with the answers side by side.
 */
import Link from "next/link";

import { MissingValue } from "@/components/model/missing-value";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt } from "@/lib/format";
import type { OrderBiasFlippedOverall, OrderBiasFlippedQuestion, OrderBiasView } from "@/lib/queries/order-bias-types";

import { datasetLabel, orderLabel } from "./view-model";

type ViewLabels = Pick<OrderBiasView, "benchmarks" | "datasets">;

export function FlippedOverallTable({ view, rows, names }: { view: ViewLabels; rows: OrderBiasFlippedOverall[]; names: Map<string, string> }) {
  return (
    <Table containerClassName="max-h-[70vh] rounded-lg border" data-testid="flipped-overall">
      <TableHeader className="sticky top-0 z-10 bg-background">
        <TableRow>
          <TableHead>Dataset</TableHead>
          <TableHead>Question</TableHead>
          <TableHead numeric title="Configurations whose chosen option text changed with the order, of those answering the question in two or more orders">
            Flipped by
          </TableHead>
          <TableHead numeric title="Configurations choosing a different option in every order">
            All different
          </TableHead>
          <TableHead>Example configuration</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((q) => (
          <TableRow key={`${q.benchmark}\u0000${q.foldedKey}\u0000${q.exampleId}`}>
            <TableCell>
              <Link href={`/benchmarks/${encodeURIComponent(q.benchmark)}`} className="underline-offset-4 hover:underline">
                {datasetLabel(view, q.benchmark, q.foldedKey)}
              </Link>
            </TableCell>
            <TableCell>
              <Link href={q.hrefAll} className="font-mono underline underline-offset-4" title="Every configuration's answer in each order">
                {q.exampleId}
              </Link>
            </TableCell>
            <TableCell numeric>
              {formatInt(q.flippedBy)} of {formatInt(q.answeredBy)}
            </TableCell>
            <TableCell numeric>{formatInt(q.allDifferent)}</TableCell>
            <TableCell>
              <Link href={q.href} className="underline-offset-4 hover:underline" title={`${q.maxDistinct} different answers over the orders`}>
                {names.get(q.topConfig) ?? q.topConfig}
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function FlippedConfigTable({ view, rows, seeds }: { view: ViewLabels; rows: OrderBiasFlippedQuestion[]; seeds: (number | null)[] }) {
  return (
    <Table containerClassName="max-h-[70vh] rounded-lg border" data-testid="flipped-config">
      <TableHeader className="sticky top-0 z-10 bg-background">
        <TableRow>
          <TableHead>Dataset</TableHead>
          <TableHead>Question</TableHead>
          {seeds.map((s) => (
            <TableHead key={String(s)}>Answer, {orderLabel(s)}</TableHead>
          ))}
          <TableHead numeric title="Configurations whose answer to this question flipped, of those answering it in two or more orders">
            Flipped by
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((q) => (
          <TableRow key={`${q.benchmark}\u0000${q.foldedKey}\u0000${q.exampleId}`}>
            <TableCell>{datasetLabel(view, q.benchmark, q.foldedKey)}</TableCell>
            <TableCell>
              <Link href={q.href} className="font-mono underline underline-offset-4" title="This configuration's answers in every order, side by side">
                {q.exampleId}
              </Link>
            </TableCell>
            {seeds.map((s) => {
              const t = q.texts.find((x) => x.orderSeed === s);
              return (
                <TableCell key={String(s)} className="max-w-64 text-xs">
                  {t === undefined ? (
                    <MissingValue why={`no run in the ${orderLabel(s)} order`} />
                  ) : t.text === null ? (
                    <MissingValue why="no option recognised in the answer" />
                  ) : (
                    <span className="line-clamp-2">{t.text}</span>
                  )}
                </TableCell>
              );
            })}
            <TableCell numeric>
              {formatInt(q.flippedBy)} of {formatInt(q.answeredBy)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
