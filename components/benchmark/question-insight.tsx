import Link from "next/link";

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDelta, formatInt, formatPercent, MISSING } from "@/lib/format";
import { QUESTION_LIST_LIMIT, type BenchmarkInsight, type QuestionInsightRow, type QuestionList } from "@/lib/queries/benchmark-insight";

type Props = {
  insight: Pick<BenchmarkInsight, "questions" | "binaryMetric">;
  decimals: number;
};

function QuestionTable({ list, id, empty, decimals }: { list: QuestionList; id: string; empty: string; decimals: number }) {
  if (!list.rows.length) {
    return <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">{empty}</p>;
  }
  return (
    <Table data-testid={`questions-${id}`}>
      <TableHeader>
        <TableRow>
          <TableHead numeric>#</TableHead>
          <TableHead>Question</TableHead>
          <TableHead numeric title="Mean over configurations of the question's score">
            Mean %
          </TableHead>
          <TableHead numeric title="Configurations with a score on this question">
            Configs
          </TableHead>
          <TableHead numeric title="Mean score of the top third of configurations minus the bottom third, in percentage points">
            Discrimination
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {list.rows.map((q, i) => (
          <QuestionRow key={`${q.foldedKey}/${q.exampleId}`} q={q} index={i + 1} decimals={decimals} />
        ))}
      </TableBody>
    </Table>
  );
}

function QuestionRow({ q, index, decimals }: { q: QuestionInsightRow; index: number; decimals: number }) {
  // q.excerpt is untrusted suite text: a React text node only, never markup, never in a URL.
  return (
    <TableRow>
      <TableCell numeric className="align-top text-muted-foreground">
        {index}
      </TableCell>
      <TableCell className="max-w-[40rem] align-top">
        <Link href={q.href} prefetch={false} className="block underline-offset-2 hover:underline">
          {q.excerpt ?? <span className="text-muted-foreground italic" title="No transcript is stored for this question">Question {q.exampleId}</span>}
        </Link>
        <div className="text-[0.7rem] text-muted-foreground">
          <code>{q.foldedKey}</code> · id <code>{q.exampleId}</code>
        </div>
      </TableCell>
      <TableCell numeric className="align-top">
        {formatPercent(q.mean, decimals)}
      </TableCell>
      <TableCell numeric className="align-top">
        {formatInt(q.nConfigs)}
      </TableCell>
      <TableCell numeric className="align-top">
        {q.discrimination === null ? (
          <span title="No configuration of the top or of the bottom third answered it, or fewer than 3 configurations are ranked">{MISSING}</span>
        ) : (
          formatDelta(q.discrimination, decimals)
        )}
      </TableCell>
    </TableRow>
  );
}

function count(list: QuestionList): string {
  return list.total > list.rows.length ? `${formatInt(list.rows.length)} of ${formatInt(list.total)}` : formatInt(list.total);
}

/**
 * Question-level insight: the hardest questions, the most discriminating ones and the ones every
 * configuration fails, each row linking to the question page. Server component.
 */
export function QuestionInsight({ insight, decimals }: Props) {
  const { questions, binaryMetric } = insight;
  const failTitle = binaryMetric ? "Failed by every configuration" : "Scored 0 by every configuration";
  const sections = [
    {
      id: "hardest",
      title: "Hardest questions",
      list: questions.hardest,
      blurb: "Lowest mean score over configurations first; ties by dataset and id.",
      empty: "No question has scores from at least two configurations.",
    },
    {
      id: "discriminating",
      title: "Most discriminating questions",
      list: questions.discriminating,
      blurb: questions.thirds
        ? `Item discrimination: the question's mean score among the top third of configurations by benchmark score (${formatInt(questions.thirds.top.length)}) minus its mean among the bottom third (${formatInt(questions.thirds.bottom.length)}), counting the configurations that answered it. High values separate strong from weak configurations; near 0 or negative, the question does not.`
        : "Item discrimination needs at least 3 configurations with a benchmark score (top third minus bottom third).",
      empty: questions.thirds ? "No question was answered by both a top-third and a bottom-third configuration." : "Not enough configurations to split into thirds.",
    },
    {
      id: "all-fail",
      title: failTitle,
      list: questions.allFail,
      blurb: binaryMetric
        ? "Every configuration that answered the question got it wrong in every answer order and rollout."
        : "Every configuration that answered the question scores 0 on it, in every answer order and rollout.",
      empty: binaryMetric ? "No question is failed by every configuration." : "No question scores 0 for every configuration.",
    },
  ];
  return (
    <div className="space-y-6">
      <p className="text-sm text-muted-foreground">
        A question (dataset + example id) counts when at least two configurations have a score on it:{" "}
        {formatInt(questions.eligible)} of {formatInt(questions.total)}. A configuration&apos;s score on a question is the mean of its
        rewards over answer orders and rollouts. Each list shows up to {formatInt(QUESTION_LIST_LIMIT)} questions.
      </p>
      <nav aria-label="Question lists" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {sections.map((s) => (
          <a key={s.id} href={`#questions-${s.id}`} className="underline underline-offset-4 hover:text-foreground">
            {s.title} ({formatInt(s.list.total)})
          </a>
        ))}
      </nav>
      {sections.map((s) => (
        <section key={s.id} id={`questions-${s.id}`} aria-labelledby={`h-questions-${s.id}`} className="scroll-mt-24 space-y-2">
          <h3 id={`h-questions-${s.id}`} className="font-semibold">
            {s.title} <span className="text-sm font-normal text-muted-foreground">({count(s.list)})</span>
          </h3>
          <p className="text-xs text-muted-foreground">{s.blurb}</p>
          <QuestionTable list={s.list} id={s.id} empty={s.empty} decimals={decimals} />
        </section>
      ))}
    </div>
  );
}
