/**
 * Reads for the account and moderation pages: a user's submissions, the moderation queue, the
 * runs of one submission, and the audit log. Callers authorize first (lib/submissions/authz.ts).
 */
import type { RawTx } from "../db/raw";
import type { SubmissionStatus } from "../submissions/types";

export interface SubmissionListItem {
  id: number;
  user: string;
  status: SubmissionStatus;
  label: string;
  bytes: number;
  runs: number;
  createdAt: string;
  decidedAt: string | null;
  reason: string | null;
}

/** Submissions of one user (newest first), or of everyone when `userId` is null. */
export async function listSubmissions(raw: RawTx, userId: string | null, status?: SubmissionStatus): Promise<SubmissionListItem[]> {
  const rows = await raw.query<{
    id: number; user_name: string; status: SubmissionStatus; label: string; bytes: number; runs: number;
    created_at: string; decided_at: string | null; reason: string | null;
  }>(
    `select s.id, u.name as user_name, s.status, s.label, s.bytes::float8 as bytes,
            (select count(*)::int from runs r where r.submission_id = s.id) as runs,
            to_json(s.created_at) #>> '{}' as created_at, to_json(s.decided_at) #>> '{}' as decided_at, s.reason
     from submissions s join users u on u.id = s.user_id
     where ($1::text is null or s.user_id = $1) and ($2::text is null or s.status = $2)
     order by s.created_at desc, s.id desc
     limit 500`,
    [userId, status ?? null],
  );
  return rows.map((r) => ({
    id: Number(r.id), user: r.user_name, status: r.status, label: r.label, bytes: Number(r.bytes), runs: Number(r.runs),
    createdAt: r.created_at, decidedAt: r.decided_at, reason: r.reason,
  }));
}

export interface SubmissionRunRow {
  id: number;
  status: "published" | "pending" | "rejected" | "superseded";
  config: string;
  configName: string;
  configInCatalog: boolean;
  providerModel: string;
  benchmark: string;
  datasetKey: string;
  observedRows: number;
  expectedRows: number | null;
  meanReward: number | null;
  supersededBy: number | null;
}

export async function getSubmissionRuns(raw: RawTx, submissionId: number): Promise<SubmissionRunRow[]> {
  const rows = await raw.query<{
    id: number; status: SubmissionRunRow["status"]; config_slug: string; display_name: string; in_catalog: boolean; provider_model: string;
    benchmark_slug: string; key: string; observed_rows: number; expected_rows: number | null; mean_reward: number | null; superseded_by: number | null;
  }>(
    `select r.id, r.status, r.config_slug, c.display_name, c.in_catalog, r.provider_model, d.benchmark_slug, d.key,
            r.observed_rows, r.expected_rows, r.superseded_by,
            (select avg(q.m)::float8 from (select avg(o.reward) as m from rollouts o where o.run_id = r.id group by o.example_id) q) as mean_reward
     from runs r join configs c on c.slug = r.config_slug join datasets d on d.id = r.dataset_id
     where r.submission_id = $1 order by d.benchmark_slug, d.key, r.id`,
    [submissionId],
  );
  return rows.map((r) => ({
    id: Number(r.id), status: r.status, config: r.config_slug, configName: r.display_name, configInCatalog: r.in_catalog,
    providerModel: r.provider_model, benchmark: r.benchmark_slug, datasetKey: r.key, observedRows: Number(r.observed_rows),
    expectedRows: r.expected_rows === null ? null : Number(r.expected_rows), meanReward: r.mean_reward === null ? null : Number(r.mean_reward),
    supersededBy: r.superseded_by === null ? null : Number(r.superseded_by),
  }));
}

export interface AuditRow {
  id: number;
  at: string;
  action: string;
  actor: string | null;
  subject: string | null;
  submissionId: number | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export async function getAuditLog(raw: RawTx, limit = 200): Promise<AuditRow[]> {
  const rows = await raw.query<{
    id: number; at: string; action: string; actor: string | null; subject: string | null; submission_id: number | null; reason: string | null; details: unknown;
  }>(
    `select l.id, to_json(l.created_at) #>> '{}' as at, l.action, a.name as actor, s.name as subject, l.submission_id, l.reason, l.details
     from moderation_log l left join users a on a.id = l.actor_id left join users s on s.id = l.subject_user_id
     order by l.created_at desc, l.id desc limit $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: Number(r.id), at: r.at, action: r.action, actor: r.actor, subject: r.subject,
    submissionId: r.submission_id === null ? null : Number(r.submission_id), reason: r.reason,
    details: (typeof r.details === "string" ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
  }));
}

/** The submitter and decision of a community run (shown on the run page); null for other runs. */
export interface RunSubmission {
  submissionId: number;
  submitter: string;
  submittedAt: string;
  decidedAt: string | null;
  status: SubmissionStatus;
  /** Owner of the submission (authorization of pending runs). */
  userId: string;
  modelCard: string | null;
}

export async function getRunSubmission(raw: RawTx, runId: number): Promise<RunSubmission | null> {
  const rows = await raw.query<{ id: number; name: string; user_id: string; created_at: string; decided_at: string | null; status: SubmissionStatus; declared: unknown }>(
    `select s.id, u.name, s.user_id, to_json(s.created_at) #>> '{}' as created_at, to_json(s.decided_at) #>> '{}' as decided_at, s.status, s.declared
     from runs r join submissions s on s.id = r.submission_id join users u on u.id = s.user_id where r.id = $1`,
    [runId],
  );
  const r = rows[0];
  if (!r) return null;
  const declared = (typeof r.declared === "string" ? JSON.parse(r.declared) : r.declared) as { modelCard?: string } | null;
  return {
    submissionId: Number(r.id), submitter: r.name, submittedAt: r.created_at, decidedAt: r.decided_at, status: r.status, userId: r.user_id,
    modelCard: declared?.modelCard ?? null,
  };
}
