import Link from "next/link";
import type { ReactNode } from "react";
import { formatDateTime, MISSING } from "@/lib/format";
import type { RunSummary } from "@/lib/queries/run";
import type { RunSubmission } from "@/lib/queries/submissions";

/** Pretty-printed JSON as plain text (React escapes it; never rendered as HTML). */
function JsonBlock({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <>{MISSING}</>;
  return (
    <pre className="max-h-80 overflow-auto rounded-md bg-muted p-3 font-mono text-xs whitespace-pre-wrap break-all">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

const runLink = (id: number) => (
  <Link key={id} href={`/runs/${id}`} className="underline underline-offset-4 hover:text-foreground">
    Run {id}
  </Link>
);

export function RunProvenance({ run, submission = null }: { run: RunSummary; submission?: RunSubmission | null }) {
  return (
    <dl className="divide-y" data-testid="run-provenance">
      <Field label="Status">
        {run.status}
        {run.supersededBy !== null ? <> — superseded by {runLink(run.supersededBy)}</> : null}
      </Field>
      {run.supersedes.length > 0 ? (
        <Field label="Supersedes">
          {run.supersedes.map((id, i) => (
            <span key={id}>
              {i > 0 ? ", " : null}
              {runLink(id)}
            </span>
          ))}
        </Field>
      ) : null}
      <Field label="Provenance">{run.provenance === "demo" ? "demo (synthetic demo run, not real results)" : run.provenance}</Field>
      {submission ? (
        <Field label="Submitted by">
          <span data-testid="run-submitter">{submission.submitter}</span> on {formatDateTime(submission.submittedAt)} (submission{" "}
          {submission.submissionId})
          {submission.decidedAt && submission.status === "approved" ? <> · approved {formatDateTime(submission.decidedAt)}</> : null}
          {submission.modelCard ? (
            <>
              {" "}
              ·{" "}
              <a href={submission.modelCard} rel="nofollow noopener noreferrer" className="underline underline-offset-4">
                model card
              </a>
            </>
          ) : null}
        </Field>
      ) : null}
      <Field label="Configuration">
        {run.config.displayName} <code className="font-mono text-xs">({run.config.slug})</code>
        {run.config.group ? ` · ${run.config.group}` : null}
        {run.config.inCatalog ? null : " · not in catalog"}
      </Field>
      <Field label="Provider model">
        <code className="font-mono text-xs">{run.providerModel}</code>
      </Field>
      <Field label="Benchmark">
        {run.benchmark.name} <code className="font-mono text-xs">({run.benchmark.slug})</code> · Medmarks-{run.benchmark.subset}
      </Field>
      <Field label="Dataset">
        <code className="font-mono text-xs">{run.dataset.key}</code>
      </Field>
      <Field label="Subtask">{run.dataset.subtask || MISSING}</Field>
      <Field label="Answer order seed">{run.dataset.orderSeed ?? "original order"}</Field>
      <Field label="Repeat">{run.dataset.repeat}</Field>
      <Field label="Artifact format">{run.format}</Field>
      <Field label="Content sha256">
        <code className="font-mono text-xs break-all">{run.contentSha256}</code>
      </Field>
      <Field label="Source">
        <code className="font-mono text-xs break-all">{run.source}</code>
      </Field>
      <Field label="Run at">{formatDateTime(run.runAt)}</Field>
      <Field label="Ingested at">{formatDateTime(run.ingestedAt)}</Field>
      <Field label="Judge models">
        {run.judgeModels.length ? run.judgeModels.map((m) => <code key={m} className="mr-2 font-mono text-xs">{m}</code>) : MISSING}
      </Field>
      <Field label="env_args">
        <JsonBlock value={run.envArgs} />
      </Field>
      <Field label="sampling_args">
        <JsonBlock value={run.samplingArgs} />
      </Field>
      <Field label="version_info">
        <JsonBlock value={run.versionInfo} />
      </Field>
    </dl>
  );
}
