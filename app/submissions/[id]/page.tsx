import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";

import { ReportView } from "@/components/submit/report-view";
import { StatusBadge } from "@/components/submit/status-badge";
import { SubmissionRuns } from "@/components/submit/submission-runs";
import { SubmitFlow } from "@/components/submit/submit-flow";
import { WithdrawForm } from "@/components/submit/withdraw-form";
import { PageHeader } from "@/components/ui/page-header";
import { getViewer } from "@/lib/auth/viewer";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { getSubmissionRuns } from "@/lib/queries/submissions";
import { SubmissionError } from "@/lib/submissions/errors";
import { submissionContext } from "@/lib/submissions/http";
import { getSubmissionFor, parseSubmissionId, uploadProgress } from "@/lib/submissions/service";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Submission ${(await params).id}` };
}

export default async function SubmissionPage({ params }: Props) {
  await connection();
  const { id: text } = await params;
  const id = parseSubmissionId(text);
  if (id === null) notFound();
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=/submissions/${id}`);
  const ctx = await submissionContext();
  let sub;
  try {
    sub = await getSubmissionFor(ctx, viewer, id);
  } catch (e) {
    if (e instanceof SubmissionError) notFound(); // not yours, or no such submission: the same answer
    throw e;
  }
  const owner = sub.userId === viewer.id;
  const runs = await getSubmissionRuns(ctx.raw, id);
  const files = sub.status === "uploading" ? await uploadProgress(ctx, sub) : [];
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title={`Submission ${sub.id}: ${sub.label}`}
        description={
          <>
            By {sub.userName}, started {formatDateTime(sub.createdAt)}
            {sub.decidedAt ? `, decided ${formatDateTime(sub.decidedAt)}` : ""}.{" "}
            {owner ? <Link href="/submissions">All your submissions</Link> : <Link href="/admin">Moderation queue</Link>}
          </>
        }
        actions={<StatusBadge status={sub.status} />}
      />
      {sub.status === "pending" ? (
        <p role="status" className="rounded-md border border-warning-border bg-warning px-3 py-2 text-sm text-warning-foreground" data-testid="pending-explainer">
          Waiting for a moderator. Its runs are stored but on no board, and only you and the moderators can see them.
          {viewer.role === "admin" ? (
            <>
              {" "}
              <Link href={`/admin/submissions/${sub.id}`} className="underline underline-offset-4">
                Review it
              </Link>
              .
            </>
          ) : null}
        </p>
      ) : null}
      {sub.reason ? (
        <p className="rounded-md border px-3 py-2 text-sm" data-testid="moderator-reason">
          <strong>{sub.status === "rejected" ? "Rejected" : "Moderator's note"}:</strong> {sub.reason}
        </p>
      ) : null}
      {sub.status === "uploading" && owner ? (
        <SubmitFlow
          maxBytes={getEnv().UPLOAD_MAX_BYTES}
          existing={{ id: sub.id, files, report: sub.report, declared: sub.declared }}
        />
      ) : sub.report ? (
        <section className="space-y-3" aria-labelledby="h-report">
          <h2 id="h-report" className="text-lg font-semibold">
            Report
          </h2>
          <ReportView report={sub.report} />
        </section>
      ) : null}
      {sub.declared && sub.status !== "uploading" ? (
        <section className="space-y-2" aria-labelledby="h-declared">
          <h2 id="h-declared" className="text-lg font-semibold">
            Declared configuration
          </h2>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-muted-foreground">Alias</dt>
            <dd>{sub.declared.alias ?? "— (from the metadata)"}</dd>
            <dt className="text-muted-foreground">Model name</dt>
            <dd>{sub.declared.modelName ?? "—"}</dd>
            <dt className="text-muted-foreground">Reasoning effort</dt>
            <dd>{sub.declared.reasoningEffort ?? "—"}</dd>
            <dt className="text-muted-foreground">Model card</dt>
            <dd className="break-all">
              {sub.declared.modelCard ? (
                <a href={sub.declared.modelCard} rel="nofollow noopener noreferrer" className="underline underline-offset-4">
                  {sub.declared.modelCard}
                </a>
              ) : (
                "—"
              )}
            </dd>
            {sub.declared.note ? (
              <>
                <dt className="text-muted-foreground">Note</dt>
                <dd className="whitespace-pre-wrap">{sub.declared.note}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
      {runs.length ? (
        <section className="space-y-3" aria-labelledby="h-runs">
          <h2 id="h-runs" className="text-lg font-semibold">
            Runs
          </h2>
          <SubmissionRuns runs={runs} />
        </section>
      ) : null}
      {owner && (sub.status === "uploading" || sub.status === "pending") ? (
        <section className="space-y-2 border-t pt-4" aria-labelledby="h-withdraw">
          <h2 id="h-withdraw" className="text-base font-semibold">
            Withdraw
          </h2>
          <p className="text-sm text-muted-foreground">Deletes the uploaded files and the runs of this submission. The moderation log keeps a record.</p>
          <WithdrawForm id={sub.id} />
        </section>
      ) : null}
    </div>
  );
}
