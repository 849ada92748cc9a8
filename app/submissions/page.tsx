import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";

import { SubmissionsTable } from "@/components/submit/submissions-table";
import { PageHeader } from "@/components/ui/page-header";
import { getViewer } from "@/lib/auth/viewer";
import { getDbHandle } from "@/lib/db";
import { listSubmissions } from "@/lib/queries/submissions";

export const metadata: Metadata = { title: "My submissions" };

export default async function SubmissionsPage() {
  await connection();
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/submissions");
  const rows = await listSubmissions((await getDbHandle()).raw, viewer.id);
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Submissions of ${viewer.name}`}
        description={
          <>
            Runs you uploaded. Pending submissions are visible to you and the moderators only; approved ones are on the boards as{" "}
            <em>community</em> runs. <Link href="/submit">Submit more runs</Link>.
          </>
        }
      />
      {rows.length ? (
        <SubmissionsTable rows={rows} />
      ) : (
        <p className="rounded-lg border border-dashed p-6 text-sm" data-testid="empty-state">
          No submissions yet. <Link href="/submit" className="underline underline-offset-4">Upload your first runs</Link>.
        </p>
      )}
    </div>
  );
}
