import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";

import { BoardDiffView } from "@/components/admin/board-diff";
import { DecisionForms } from "@/components/admin/decision-forms";
import { ReportView } from "@/components/submit/report-view";
import { StatusBadge } from "@/components/submit/status-badge";
import { SubmissionRuns } from "@/components/submit/submission-runs";
import { PageHeader } from "@/components/ui/page-header";
import { getViewer } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/format";
import { getSubmissionRuns } from "@/lib/queries/submissions";
import { getSubmissionDiff } from "@/lib/submissions/diff";
import { submissionContext } from "@/lib/submissions/http";
import { loadSubmission, parseSubmissionId } from "@/lib/submissions/service";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Review submission ${(await params).id}` };
}

export default async function ReviewPage({ params }: Props) {
  await connection();
  const id = parseSubmissionId((await params).id);
  if (id === null) notFound();
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=/admin/submissions/${id}`);
  if (viewer.role !== "admin") notFound();
  const ctx = await submissionContext();
  const sub = await loadSubmission(ctx.raw, id);
  if (!sub) notFound();
  const [runs, diff] = await Promise.all([getSubmissionRuns(ctx.raw, id), sub.status === "pending" ? getSubmissionDiff(ctx.raw, id) : null]);
  return (
    <div className="max-w-6xl space-y-8">
      <PageHeader
        title={`Review submission ${sub.id}: ${sub.label}`}
        description={
          <>
            By <strong>{sub.userName}</strong>, started {formatDateTime(sub.createdAt)}
            {sub.decidedAt ? `, decided ${formatDateTime(sub.decidedAt)}` : ""}. <Link href="/admin">Back to the queue</Link>.
          </>
        }
        actions={<StatusBadge status={sub.status} />}
      />
      {sub.reason ? (
        <p className="rounded-md border px-3 py-2 text-sm">
          <strong>{sub.status === "rejected" ? "Rejected" : "Note"}:</strong> {sub.reason}
        </p>
      ) : null}
      {sub.declared ? (
        <section className="space-y-1 text-sm" aria-labelledby="h-declared">
          <h2 id="h-declared" className="text-lg font-semibold">
            Declared by the submitter
          </h2>
          <p>
            Alias <strong>{sub.declared.alias ?? "(from the metadata)"}</strong> · model name {sub.declared.modelName ?? "—"} · effort{" "}
            {sub.declared.reasoningEffort ?? "—"} · model card{" "}
            {sub.declared.modelCard ? (
              <a href={sub.declared.modelCard} rel="nofollow noopener noreferrer" className="break-all underline underline-offset-4">
                {sub.declared.modelCard}
              </a>
            ) : (
              "—"
            )}
          </p>
          {sub.declared.note ? <p className="whitespace-pre-wrap text-muted-foreground">Note: {sub.declared.note}</p> : null}
        </section>
      ) : null}
      {diff ? (
        <section className="space-y-3" aria-labelledby="h-diff">
          <h2 id="h-diff" className="text-lg font-semibold">
            What approving would change
          </h2>
          <BoardDiffView diff={diff} />
        </section>
      ) : null}
      {sub.status === "pending" ? (
        <section className="space-y-3" aria-labelledby="h-decide">
          <h2 id="h-decide" className="text-lg font-semibold">
            Decision
          </h2>
          <DecisionForms id={sub.id} />
        </section>
      ) : null}
      <section className="space-y-3" aria-labelledby="h-runs">
        <h2 id="h-runs" className="text-lg font-semibold">
          Runs
        </h2>
        <SubmissionRuns runs={runs} />
      </section>
      {sub.report ? (
        <section className="space-y-3" aria-labelledby="h-report">
          <h2 id="h-report" className="text-lg font-semibold">
            Report
          </h2>
          <ReportView report={sub.report} />
        </section>
      ) : null}
    </div>
  );
}
