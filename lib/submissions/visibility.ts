/**
 * Pending (and rejected) runs are private: only the submitter and administrators may open them.
 * Published and superseded runs are public. Used by the run and sample pages.
 */
import type { Viewer } from "../auth/session";
import type { RawTx } from "../db/raw";
import { getRunSubmission, type RunSubmission } from "../queries/submissions";

export const PUBLIC_RUN_STATUSES = ["published", "superseded"] as const;

export function isPublicRunStatus(status: string): boolean {
  return (PUBLIC_RUN_STATUSES as readonly string[]).includes(status);
}

export async function runAccess(
  raw: RawTx,
  runId: number,
  status: string,
  viewer: () => Promise<Viewer | null>,
): Promise<{ visible: boolean; submission: RunSubmission | null }> {
  const submission = await getRunSubmission(raw, runId);
  if (isPublicRunStatus(status)) return { visible: true, submission };
  const v = await viewer();
  const visible = v !== null && (v.role === "admin" || (submission !== null && submission.userId === v.id));
  return { visible, submission };
}
