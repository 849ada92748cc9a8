import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";

import { AuditLog } from "@/components/admin/audit-log";
import { SubmissionsTable } from "@/components/submit/submissions-table";
import { PageHeader } from "@/components/ui/page-header";
import { getViewer } from "@/lib/auth/viewer";
import { getDbHandle } from "@/lib/db";
import { getAuditLog, listSubmissions } from "@/lib/queries/submissions";

export const metadata: Metadata = { title: "Moderation" };

export default async function AdminPage() {
  await connection();
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/admin");
  if (viewer.role !== "admin") notFound();
  const { raw } = await getDbHandle();
  const [pending, all, log] = await Promise.all([listSubmissions(raw, null, "pending"), listSubmissions(raw, null), getAuditLog(raw)]);
  const decided = all.filter((s) => s.status !== "pending" && s.status !== "uploading").slice(0, 50);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Moderation"
        description="Community submissions waiting for review, recent decisions, and the log of every moderation and account action."
      />
      <section className="space-y-3" aria-labelledby="h-queue">
        <h2 id="h-queue" className="text-lg font-semibold">
          Pending ({pending.length})
        </h2>
        {pending.length ? (
          <SubmissionsTable rows={pending} showUser hrefBase="/admin/submissions" />
        ) : (
          <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="queue-empty">
            No submission waits for review.
          </p>
        )}
      </section>
      <section className="space-y-3" aria-labelledby="h-decided">
        <h2 id="h-decided" className="text-lg font-semibold">
          Recently decided
        </h2>
        {decided.length ? <SubmissionsTable rows={decided} showUser hrefBase="/admin/submissions" /> : <p className="text-sm text-muted-foreground">None yet.</p>}
      </section>
      <section className="space-y-3" aria-labelledby="h-log">
        <h2 id="h-log" className="text-lg font-semibold">
          Audit log
        </h2>
        <AuditLog rows={log} />
      </section>
    </div>
  );
}
