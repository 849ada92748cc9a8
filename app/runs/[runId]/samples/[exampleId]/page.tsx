import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";

import { JudgeVerdicts } from "@/components/sample/judge-verdicts";
import { LongText } from "@/components/sample/long-text";
import { MessageList } from "@/components/sample/message-list";
import { OptionsTable } from "@/components/sample/options-table";
import { SampleFacts } from "@/components/sample/sample-facts";
import { SampleLinks } from "@/components/sample/sample-links";
import { PageHeader } from "@/components/ui/page-header";
import { getViewer } from "@/lib/auth/viewer";
import { getDbHandle } from "@/lib/db";
import { getSample } from "@/lib/queries/sample";
import { runAccess } from "@/lib/submissions/visibility";
import { decodeSegment, parseRolloutParam } from "@/lib/samples/links";

type Props = {
  params: Promise<{ runId: string; exampleId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function parseRunId(text: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { runId, exampleId } = await params;
  const id = decodeSegment(exampleId);
  return { title: parseRunId(runId) === null || id === null ? "Sample not found" : `Question ${id} — run ${runId}` };
}

export default async function SamplePage({ params, searchParams }: Props) {
  await connection(); // always read the database at request time, never at build
  const [{ runId, exampleId: segment }, search] = await Promise.all([params, searchParams]);
  const id = parseRunId(runId);
  const exampleId = decodeSegment(segment); // the app router hands dynamic segments over percent-encoded
  const rollout = parseRolloutParam(search.rollout);
  if (id === null || exampleId === null || rollout === null) notFound();
  const sample = await getSample(id, exampleId, rollout);
  if (!sample) notFound();
  // A pending (or rejected) community run is visible to its submitter and the admins only.
  if (!(await runAccess((await getDbHandle()).raw, sample.run.id, sample.run.status, () => getViewer())).visible) notFound();

  const { run } = sample;
  const demo = run.provenance === "demo";
  const order = run.dataset.orderSeed === null ? "original answer order" : `answer order shuffled with seed ${run.dataset.orderSeed}`;
  return (
    <div className="space-y-8">
      <PageHeader
        title={`Question ${sample.exampleId}, rollout ${sample.rolloutIndex}`}
        description={
          <>
            <Link href={`/runs/${run.id}#samples`}>Run {run.id}</Link>: {run.config.displayName} on{" "}
            <Link href={`/benchmarks/${encodeURIComponent(run.benchmark.slug)}`}>{run.benchmark.name}</Link> ({run.dataset.key}, {order}) · status{" "}
            <strong>{run.status}</strong> · {demo ? <strong>synthetic demo run</strong> : run.provenance}. Model text below is shown
            exactly as recorded, as plain text.
          </>
        }
      />
      {demo ? (
        <p role="note" className="rounded-md border border-warning-border bg-warning px-3 py-2 text-sm text-warning-foreground" data-testid="demo-note">
          This sample comes from a synthetic demo run: generated text, not a real model&apos;s answer.
        </p>
      ) : null}
      <SampleLinks sample={sample} />

      <section className="space-y-3" aria-labelledby="h-result">
        <h2 id="h-result" className="text-lg font-semibold">
          Result
        </h2>
        <SampleFacts sample={sample} />
      </section>

      {sample.options ? (
        <section className="space-y-3" aria-labelledby="h-options">
          <h2 id="h-options" className="text-lg font-semibold">
            Options{" "}
            <span className="text-sm font-normal text-muted-foreground">
              as displayed to the model
              {sample.options.source === "prompt" ? " (read from the prompt's option lines)" : ""}
              {sample.options.shuffled
                ? sample.options.originalRunId !== null
                  ? `; original positions matched by text against run ${sample.options.originalRunId}`
                  : "; no original-order row of this question was found, so original positions are unknown"
                : ""}
            </span>
          </h2>
          <OptionsTable options={sample.options} />
        </section>
      ) : null}

      {sample.judges.length ? (
        <section className="space-y-3" aria-labelledby="h-judges">
          <h2 id="h-judges" className="text-lg font-semibold">
            Judges{" "}
            <span className="text-sm font-normal text-muted-foreground">each judge&apos;s verdict, scores and raw output</span>
          </h2>
          <JudgeVerdicts rounds={sample.judges} />
        </section>
      ) : null}

      {sample.transcript ? (
        <>
          <section className="space-y-3" aria-labelledby="h-prompt">
            <h2 id="h-prompt" className="text-lg font-semibold">
              Prompt
            </h2>
            <MessageList messages={sample.transcript.prompt} label="Prompt" />
          </section>
          <section className="space-y-3" aria-labelledby="h-completion">
            <h2 id="h-completion" className="text-lg font-semibold">
              Completion
            </h2>
            <MessageList messages={sample.transcript.completion} label="Completion" />
          </section>
          {sample.transcript.info.length ? (
            <section className="space-y-3" aria-labelledby="h-info">
              <h2 id="h-info" className="text-lg font-semibold">
                Other info
              </h2>
              <dl className="space-y-2">
                {sample.transcript.info.map((e) => (
                  <div key={e.key} className="rounded-md border p-3">
                    <dt className="font-mono text-xs text-muted-foreground [overflow-wrap:anywhere]">{e.key}</dt>
                    <dd className="mt-1">
                      <LongText text={e.text} className="font-mono text-xs" />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}
        </>
      ) : (
        <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="no-transcript">
          This run was imported without transcripts (e.g. from processed parquet files): only its numbers are stored.
        </p>
      )}
    </div>
  );
}
