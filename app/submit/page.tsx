import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";

import { SubmitFlow } from "@/components/submit/submit-flow";
import { PageHeader } from "@/components/ui/page-header";
import { getViewer } from "@/lib/auth/viewer";
import { getEnv } from "@/lib/env";
import { formatBytes } from "@/lib/submissions/limits";

export const metadata: Metadata = { title: "Submit runs" };

export default async function SubmitPage() {
  await connection();
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/submit");
  const env = getEnv();
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title="Submit Medmarks runs"
        description={
          <>
            Upload the artifacts the Medmarks harness wrote — an archive of a run tree, or a run folder&apos;s{" "}
            <code>metadata.json</code> and <code>results.jsonl</code>. They are checked without writing anything, you confirm, and a moderator
            reviews them before they reach the boards. Until then only you and the moderators can see them (
            <Link href="/submissions">your submissions</Link>).
          </>
        }
      />
      <p className="text-sm text-muted-foreground">
        Limits: {formatBytes(env.UPLOAD_MAX_BYTES)} per upload; {env.UPLOAD_DAILY_COUNT} uploads and {formatBytes(env.UPLOAD_DAILY_BYTES)} per 24 hours.
        An interrupted upload can be resumed from its submission page.
      </p>
      <SubmitFlow maxBytes={env.UPLOAD_MAX_BYTES} />
    </div>
  );
}
