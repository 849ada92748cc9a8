"use client";

/**
 * The questions where A and B differ, one row each; "Answers" opens a detail row with the gold
 * answer and both configurations' answers side by side (each linking to its sample page) and a
 * link to the question across every configuration. Model text is untrusted: text nodes only.
 */
import { Fragment, useId, useState } from "react";
import Link from "next/link";
import { ChevronDownIcon, ChevronRightIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatNumber, MISSING } from "@/lib/format";
import type { ItemAnswer, ItemDiffRow, ItemDiffView } from "@/lib/queries/compare-types";
import { questionHref, sampleHref } from "@/lib/samples/links";

function Answer({ who, name, answer, mean, n, exampleId }: { who: "A" | "B"; name: string; answer: ItemAnswer | null; mean: number; n: number; exampleId: string }) {
  return (
    <div className="min-w-0 space-y-1 rounded-md border p-3" data-testid={`diff-answer-${who}`}>
      <p className="text-xs font-medium">
        {who} · {name}{" "}
        <span className="font-normal text-muted-foreground tabular-nums">
          question mean {formatNumber(mean, 2)} over {formatInt(n)} reward{n === 1 ? "" : "s"}
        </span>
      </p>
      {answer ? (
        <>
          <p className="text-xs text-muted-foreground tabular-nums">
            First answer ({answer.orderLabel}, rollout {answer.rolloutIndex}): reward {formatNumber(answer.reward, 2)}
          </p>
          <p className="text-sm [overflow-wrap:anywhere]">
            <span className="text-muted-foreground">Answer: </span>
            {answer.chosenText ?? answer.parsedAnswer ?? <span className="text-muted-foreground">no answer parsed</span>}
          </p>
          <p className="text-xs whitespace-pre-wrap text-muted-foreground [overflow-wrap:anywhere]">{answer.excerpt || "No transcript stored."}</p>
          <Link href={sampleHref(answer.runId, exampleId, answer.rolloutIndex)} prefetch={false} className="text-xs underline underline-offset-4 hover:decoration-2" data-testid="diff-sample-link">
            Open {who}&apos;s sample
          </Link>
        </>
      ) : (
        <p className="text-xs text-muted-foreground">No answer found.</p>
      )}
    </div>
  );
}

function Detail({ row, names, a, id }: { row: ItemDiffRow; names: { a: string; b: string }; a: string; id: string }) {
  const question = `${questionHref(row.benchmark, row.exampleId, row.datasetKey)}&config=${encodeURIComponent(a)}`;
  return (
    <div id={id} className="space-y-3 py-2" data-testid="diff-detail">
      <p className="text-sm [overflow-wrap:anywhere]">
        <span className="text-muted-foreground">Gold answer: </span>
        {row.gold === null ? MISSING : row.goldText ? `${row.gold} — ${row.goldText}` : row.gold}
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <Answer who="A" name={names.a} answer={row.answerA} mean={row.meanA} n={row.nA} exampleId={row.exampleId} />
        <Answer who="B" name={names.b} answer={row.answerB} mean={row.meanB} n={row.nB} exampleId={row.exampleId} />
      </div>
      <Link href={question} prefetch={false} className="text-xs underline underline-offset-4 hover:decoration-2" data-testid="diff-question-link">
        This question across every configuration (all answer orders and rollouts)
      </Link>
    </div>
  );
}

export function ItemDiffTable({ view, names }: { view: ItemDiffView; names: { a: string; b: string } }) {
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const base = useId();
  const toggle = (key: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <Table data-testid="diff-table" containerClassName="rounded-lg border" className="text-xs">
      <caption className="sr-only">
        Questions where {view.dir === "a-only" ? `${names.a} is right and ${names.b} is not` : `${names.b} is right and ${names.a} is not`}, with
        each one&apos;s question mean; open a row for both answers and the gold answer.
      </caption>
      <TableHeader>
        <TableRow>
          <TableHead className="w-28">Answers</TableHead>
          <TableHead>Benchmark</TableHead>
          <TableHead>Dataset</TableHead>
          <TableHead>Question</TableHead>
          <TableHead numeric title={`Question mean of ${names.a} over every reward (orders, repeats, rollouts)`}>
            A mean
          </TableHead>
          <TableHead numeric title={`Question mean of ${names.b} over every reward (orders, repeats, rollouts)`}>
            B mean
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {view.rows.map((r, i) => {
          const key = `${r.datasetKey}\u0000${r.exampleId}`;
          const isOpen = open.has(key);
          const detailId = `${base}-d${i}`;
          return (
            <Fragment key={key}>
              <TableRow data-testid="diff-row" data-example={r.exampleId} data-dataset={r.datasetKey}>
                <TableCell>
                  <Button variant="ghost" size="sm" className="h-7 px-1.5" aria-expanded={isOpen} aria-controls={isOpen ? detailId : undefined} onClick={() => toggle(key)} data-testid="diff-open">
                    {isOpen ? <ChevronDownIcon aria-hidden="true" /> : <ChevronRightIcon aria-hidden="true" />}
                    {isOpen ? "Hide" : "Show"}
                    <span className="sr-only"> answers to question {r.exampleId}</span>
                  </Button>
                </TableCell>
                <TableCell>{r.benchmarkName}</TableCell>
                <TableCell className="font-mono text-muted-foreground">{r.datasetLabel}</TableCell>
                <TableCell className="max-w-48 truncate font-mono" title={r.exampleId}>
                  {r.exampleId}
                </TableCell>
                <TableCell numeric>{formatNumber(r.meanA, 2)}</TableCell>
                <TableCell numeric>{formatNumber(r.meanB, 2)}</TableCell>
              </TableRow>
              {isOpen ? (
                <TableRow className="hover:bg-transparent">
                  <TableCell colSpan={6} className="bg-muted/30">
                    <Detail row={r} names={names} a={view.a} id={detailId} />
                  </TableCell>
                </TableRow>
              ) : null}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
