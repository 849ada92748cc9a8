import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";

import { QuestionTable } from "@/components/question/question-table";
import { LongText } from "@/components/sample/long-text";
import { MessageList } from "@/components/sample/message-list";
import { PageHeader } from "@/components/ui/page-header";
import { formatInt, formatPercent, MISSING } from "@/lib/format";
import { getQuestionAcrossConfigs } from "@/lib/queries/question";
import { decodeSegment, parseQuestionParams, questionHref, QUESTION_DATA, type QuestionData } from "@/lib/samples/links";
import { cn } from "@/lib/utils";

type Props = {
  params: Promise<{ slug: string; exampleId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const DATA_LABELS: Record<QuestionData, string> = { auto: "Default", real: "Real runs", demo: "Demo runs", all: "All runs" };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, exampleId } = await params;
  const id = decodeSegment(exampleId);
  return { title: id === null ? "Question not found" : `Question ${id} across configurations — ${slug}` };
}

export default async function QuestionPage({ params, searchParams }: Props) {
  await connection(); // always read the database at request time, never at build
  const [{ slug, exampleId: segment }, search] = await Promise.all([params, searchParams]);
  const exampleId = decodeSegment(segment); // the app router hands dynamic segments over percent-encoded
  const slugText = decodeSegment(slug);
  if (exampleId === null || slugText === null) notFound();
  const { set, data, config } = parseQuestionParams(search);
  const result = await getQuestionAcrossConfigs(slugText, set, exampleId, { data });
  if (!result) notFound();

  if (result.kind === "choose-set") {
    return (
      <div className="space-y-6">
        <PageHeader
          title={`Question ${exampleId} across configurations — ${result.benchmark.name}`}
          description={`${result.benchmark.name} has several datasets (subtasks); question ids are only unique within one. Choose which one.`}
        />
        <ul className="space-y-2" data-testid="set-chooser">
          {result.sets.map((s) => (
            <li key={s.key}>
              <Link className="underline underline-offset-4 hover:decoration-2" href={questionHref(result.benchmark.slug, exampleId, s.key, data)}>
                {s.label} <span className="font-mono text-xs text-muted-foreground">({s.key})</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const view = result;
  const s = view.summary;
  return (
    <div className="space-y-8">
      <PageHeader
        title={`Question ${view.exampleId} across configurations — ${view.benchmark.name} (${view.set.label})`}
        description={
          <>
            Every configuration&apos;s published answer to this question under each answer order, best mean reward first. Each reward
            links to its sample. Dataset <span className="font-mono">{view.set.key}</span> on the{" "}
            <Link href={`/benchmarks/${encodeURIComponent(view.benchmark.slug)}`}>{view.benchmark.name}</Link> page
            {view.synthetic ? " · synthetic demo data" : ""}.
          </>
        }
      />
      {view.synthetic ? (
        <p role="note" className="rounded-md border border-warning-border bg-warning px-3 py-2 text-sm text-warning-foreground" data-testid="demo-note">
          These answers come from synthetic demo runs: generated text, not real model results.
        </p>
      ) : null}

      <nav aria-label="Question options" className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-muted-foreground">Runs:</span>
          {QUESTION_DATA.map((d) => (
            <Link
              key={d}
              href={questionHref(view.benchmark.slug, view.exampleId, view.set.key, d)}
              aria-current={d === view.data ? "page" : undefined}
              className={cn("rounded-md border px-2 py-0.5 hover:bg-accent", d === view.data && "bg-muted font-medium")}
            >
              {DATA_LABELS[d]}
            </Link>
          ))}
        </div>
        {view.sets.length > 1 ? (
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-muted-foreground">Dataset:</span>
            {view.sets.map((x) => (
              <Link
                key={x.key}
                href={questionHref(view.benchmark.slug, view.exampleId, x.key, view.data)}
                aria-current={x.key === view.set.key ? "page" : undefined}
                className={cn("rounded-md border px-2 py-0.5 hover:bg-accent", x.key === view.set.key && "bg-muted font-medium")}
              >
                {x.label}
              </Link>
            ))}
          </div>
        ) : null}
      </nav>

      <section className="space-y-3" aria-labelledby="h-question">
        <h2 id="h-question" className="text-lg font-semibold">
          The question{" "}
          <span className="text-sm font-normal text-muted-foreground">
            {view.promptRunId !== null ? `as shown in run ${view.promptRunId}` : ""}
          </span>
        </h2>
        <div className="max-w-3xl space-y-1 text-sm">
          <span className="text-muted-foreground">Gold answer{view.orders.some((o) => o.orderSeed !== null) ? " (original order)" : ""}: </span>
          {view.gold === null ? MISSING : <LongText text={view.goldText && view.goldText !== view.gold ? `${view.gold} — ${view.goldText}` : view.gold} />}
        </div>
        {view.prompt ? (
          <details className="rounded-lg border p-3" open={view.prompt.reduce((n, m) => n + m.content.length, 0) < 4000}>
            <summary className="cursor-pointer text-sm font-medium">Prompt</summary>
            <div className="mt-3">
              <MessageList messages={view.prompt} label="Prompt" />
            </div>
          </details>
        ) : (
          <p className="text-sm text-muted-foreground">No transcript of this question is stored.</p>
        )}
      </section>

      <section className="space-y-3" aria-labelledby="h-answers">
        <h2 id="h-answers" className="text-lg font-semibold">
          Answers{" "}
          <span className="text-sm font-normal text-muted-foreground tabular-nums" data-testid="question-summary">
            {formatInt(s.nConfigs)} configurations · mean reward {formatPercent(s.meanReward)} · all right {formatInt(s.allRight)} · partly right{" "}
            {formatInt(s.someRight)} · never right {formatInt(s.noneRight)}
            {s.unscored ? ` · unscored ${formatInt(s.unscored)}` : ""}
          </span>
        </h2>
        {view.hidden ? (
          <p className="text-sm text-muted-foreground">
            {formatInt(view.hidden)} answers from {view.synthetic ? "real" : "demo"} runs are hidden by the{" "}
            {view.data === "auto" ? "default rule (real runs once any is published)" : "runs filter"}.{" "}
            <Link className="underline underline-offset-4" href={questionHref(view.benchmark.slug, view.exampleId, view.set.key, "all")}>
              Show all runs
            </Link>
          </p>
        ) : null}
        {view.configs.length ? (
          <QuestionTable view={view} highlight={config} />
        ) : (
          <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="empty-question">
            No published run shown here answers this question. Try another runs filter above, or ingest runs of {view.benchmark.name}.
          </p>
        )}
      </section>
    </div>
  );
}
