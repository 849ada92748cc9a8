/** The moderation audit log: one append-only row per moderation or account action. */
import type { RawTx } from "../db/raw";

export type AuditAction =
  | "submit"
  | "approve"
  | "reject"
  | "withdraw"
  | "create-user"
  | "set-role"
  | "set-password"
  | "disable"
  | "enable";

export interface AuditEntry {
  action: AuditAction;
  /** Who acted; null = the command line or the server itself. */
  actorId: string | null;
  submissionId?: number | null;
  subjectUserId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export async function logAction(tx: RawTx, e: AuditEntry): Promise<void> {
  await tx.query(
    `insert into moderation_log (submission_id, actor_id, subject_user_id, action, reason, details) values ($1,$2,$3,$4,$5,$6::jsonb)`,
    [e.submissionId ?? null, e.actorId, e.subjectUserId ?? null, e.action, e.reason ?? null, JSON.stringify(e.details ?? {})],
  );
}
