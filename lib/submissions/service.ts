/**
 * Community submissions, from upload to moderation. Plain TypeScript over the raw client: the
 * routes, server actions and tests all call these functions, and each one checks who asks
 * (lib/submissions/authz.ts) before doing anything.
 *
 *   create (uploading) → chunks → validate (dry-run ingest, report) → confirm (ingest: runs
 *   provenance "community", status "pending") → approve (published; older runs of the same
 *   identity superseded; boards refreshed) | reject (reason) | withdraw (owner)
 *
 * Pending runs never reach snapshots (they read status = 'published' only) and the public
 * queries show published and superseded runs only.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Viewer } from "../auth/session";
import { refreshBoards } from "../boards/refresh";
import { getConfig } from "../catalog";
import type { RawClient, RawTx } from "../db/raw";
import { ingestPaths, toJsonSummary, type IngestProgress, type PathsReport } from "../ingest";
import { archiveKind } from "../ingest/archive";
import { catalogModelForProvider } from "../ingest/identity";
import { logAction } from "./audit";
import { authorize, requireAdmin, requireViewer } from "./authz";
import { isStorageFull, STORAGE_FULL_MESSAGE, SubmissionError } from "./errors";
import { checkUploadPath, ingestInputs, receivedBytes, relativeName, storedPath, submissionDir, uploadLabel } from "./files";
import { checkDailyQuota, formatBytes, type UploadLimits } from "./limits";
import { withLock } from "./lock";
import type { Declared, ReportProblem, ReportRun, SubmissionReport, SubmissionStatus, UploadFile } from "./types";

export interface SubmissionContext {
  raw: RawClient;
  dataDir: string;
  limits: UploadLimits;
}

export interface SubmissionRow {
  id: number;
  userId: string;
  userName: string;
  status: SubmissionStatus;
  label: string;
  files: UploadFile[];
  report: SubmissionReport | null;
  declared: Declared | null;
  bytes: number;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
}

interface DbRow {
  id: number;
  user_id: string;
  user_name: string;
  status: SubmissionStatus;
  label: string;
  files: unknown;
  report: unknown;
  declared: unknown;
  bytes: number;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
}

const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

function toRow(r: DbRow): SubmissionRow {
  return {
    id: Number(r.id), userId: r.user_id, userName: r.user_name, status: r.status, label: r.label,
    files: json<UploadFile[]>(r.files) ?? [], report: json<SubmissionReport | null>(r.report), declared: json<Declared | null>(r.declared),
    bytes: Number(r.bytes), createdAt: r.created_at, updatedAt: r.updated_at, decidedAt: r.decided_at, decidedBy: r.decided_by, reason: r.reason,
  };
}

const SELECT = `select s.id, s.user_id, u.name as user_name, s.status, s.label, s.files, s.report, s.declared, s.bytes::float8 as bytes,
  to_json(s.created_at) #>> '{}' as created_at, to_json(s.updated_at) #>> '{}' as updated_at,
  to_json(s.decided_at) #>> '{}' as decided_at, s.decided_by, s.reason
  from submissions s join users u on u.id = s.user_id`;

export function parseSubmissionId(v: unknown): number | null {
  const s = typeof v === "number" ? String(v) : v;
  if (typeof s !== "string" || !/^[1-9]\d{0,9}$/.test(s)) return null;
  const n = Number(s);
  return n <= 2_147_483_647 ? n : null;
}

/** The submission (no permission check: callers authorize). */
export async function loadSubmission(raw: RawTx, id: number, forUpdate = false): Promise<SubmissionRow | null> {
  const rows = await raw.query<DbRow>(`${SELECT} where s.id = $1${forUpdate ? " for update of s" : ""}`, [id]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** The submission if `viewer` may see it; 401/404 otherwise. */
export async function getSubmissionFor(ctx: SubmissionContext, viewer: Viewer | null, id: number): Promise<SubmissionRow> {
  requireViewer(viewer);
  const sub = await loadSubmission(ctx.raw, id);
  authorize(viewer, sub, "view");
  return sub!;
}

// ---------------------------------------------------------------------------------------------
// Create and upload

const createBody = z.object({
  files: z.array(z.object({ path: z.string(), size: z.number().int().min(0) })).min(1, "Choose at least one file."),
});

export async function createSubmission(ctx: SubmissionContext, viewer: Viewer | null, body: unknown): Promise<SubmissionRow> {
  const v = requireViewer(viewer);
  const parsed = createBody.safeParse(body);
  if (!parsed.success) throw new SubmissionError(400, parsed.error.issues[0]?.message ?? "Bad request.");
  const { limits } = ctx;
  if (parsed.data.files.length > limits.maxFiles) throw new SubmissionError(413, `Too many files: at most ${limits.maxFiles} per upload.`);
  const files: UploadFile[] = [];
  const seen = new Set<string>();
  for (const f of parsed.data.files) {
    const checked = checkUploadPath(f.path);
    const key = `${checked.kind}:${checked.path}`;
    if (seen.has(key)) throw new SubmissionError(400, `${f.path}: the same file twice.`, { file: f.path });
    seen.add(key);
    if (f.size === 0) throw new SubmissionError(400, `${f.path}: the file is empty.`, { file: f.path });
    files.push({ ...checked, size: f.size });
  }
  const bytes = files.reduce((s, f) => s + f.size, 0);
  if (bytes > limits.maxBytes) {
    throw new SubmissionError(413, `The upload is ${formatBytes(bytes)}; the limit is ${formatBytes(limits.maxBytes)}.`);
  }
  const id = await ctx.raw.transaction(async (tx) => {
    // One quota decision at a time per user (the row lock serialises concurrent starts).
    await tx.query(`select id from users where id = $1 for update`, [v.id]);
    if (v.role !== "admin") await checkDailyQuota(tx, v.id, bytes, limits);
    const [row] = await tx.query<{ id: number }>(
      `insert into submissions (user_id, status, files, bytes, label) values ($1, 'uploading', $2::jsonb, $3, $4) returning id`,
      [v.id, JSON.stringify(files), bytes, uploadLabel(files)],
    );
    return Number(row.id);
  });
  try {
    await fs.mkdir(submissionDir(ctx.dataDir, id), { recursive: true, mode: 0o700 });
  } catch (e) {
    // No folder (e.g. the disk is full): no submission either, so nothing half-made is kept.
    await ctx.raw.query(`delete from submissions where id = $1 and status = 'uploading'`, [id]);
    if (isStorageFull(e)) throw new SubmissionError(507, STORAGE_FULL_MESSAGE);
    throw e;
  }
  return (await loadSubmission(ctx.raw, id))!;
}

export interface FileProgress {
  path: string;
  size: number;
  received: number;
}

export async function uploadProgress(ctx: SubmissionContext, sub: SubmissionRow): Promise<FileProgress[]> {
  return Promise.all(
    sub.files.map(async (f) => ({ path: f.path, size: f.size, received: await receivedBytes(storedPath(ctx.dataDir, sub.id, f)) })),
  );
}

/**
 * Append the bytes of one request to file `index`, starting at `offset`, which must equal what
 * the server already holds (else 409 with `received`, so the browser resumes from there). A
 * request that would go past the declared size writes nothing.
 */
export async function appendChunk(
  ctx: SubmissionContext,
  viewer: Viewer | null,
  id: number,
  index: number,
  offset: number,
  body: AsyncIterable<Uint8Array> | null,
): Promise<{ received: number; complete: boolean }> {
  requireViewer(viewer);
  const sub = await loadSubmission(ctx.raw, id);
  authorize(viewer, sub, "upload");
  const file = sub!.files[index];
  if (!Number.isInteger(index) || !file) throw new SubmissionError(404, `No file ${index} in this upload.`);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new SubmissionError(400, "Bad offset.");
  const target = storedPath(ctx.dataDir, id, file);
  return withLock(`upload:${id}:${index}`, async () => {
    const start = await receivedBytes(target);
    if (offset !== start) throw new SubmissionError(409, `Expected offset ${start}, got ${offset}.`, { received: start });
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const fh = await fs.open(target, start === 0 ? "w" : "r+", 0o600);
    let pos = start;
    try {
      if (body) {
        for await (const chunk of body) {
          if (pos + chunk.length > file.size) {
            throw new SubmissionError(413, `${file.path}: more bytes than the declared ${file.size}.`, { file: file.path });
          }
          let done = 0;
          while (done < chunk.length) {
            const { bytesWritten } = await fh.write(chunk, done, chunk.length - done, pos);
            done += bytesWritten;
            pos += bytesWritten;
          }
        }
      }
    } catch (e) {
      // Keep what arrived before a dropped connection (the browser resumes from there), but
      // never bytes beyond the declared size, and nothing of a request the disk could not hold
      // (the file is back at `start`: after space is freed the same request succeeds).
      if (e instanceof SubmissionError) await fh.truncate(start);
      else if (isStorageFull(e)) {
        await fh.truncate(start).catch(() => {});
        throw new SubmissionError(507, STORAGE_FULL_MESSAGE, { received: start });
      }
      throw e;
    } finally {
      await fh.close();
    }
    await ctx.raw.query(`update submissions set updated_at = now() where id = $1`, [id]);
    return { received: pos, complete: pos === file.size };
  });
}

// ---------------------------------------------------------------------------------------------
// Validate and confirm

const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

export const declaredSchema = z.object({
  alias: z
    .string()
    .trim()
    .max(80)
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || SLUG.test(v), "Use letters, digits, '.', '_' or '-' (starting with a letter or digit)."),
  modelName: z.string().trim().max(120).optional().transform((v) => (v ? v : undefined)),
  reasoningEffort: z
    .string()
    .trim()
    .max(32)
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^[a-z0-9_-]+$/i.test(v), "Use a single word such as low, medium or high."),
  modelCard: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => {
      if (v === undefined) return true;
      try {
        const u = new URL(v);
        return u.protocol === "https:" || u.protocol === "http:";
      } catch {
        return false;
      }
    }, "Enter an http(s) link."),
  note: z.string().trim().max(2000).optional().transform((v) => (v ? v : undefined)),
});

export function parseDeclared(body: unknown): Declared {
  const parsed = declaredSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SubmissionError(400, `${issue?.path.join(".") || "declared"}: ${issue?.message ?? "invalid"}`, { field: issue?.path.join(".") });
  }
  return parsed.data;
}

async function uploadProblems(ctx: SubmissionContext, sub: SubmissionRow): Promise<ReportProblem[]> {
  const problems: ReportProblem[] = [];
  for (const f of sub.files) {
    const file = storedPath(ctx.dataDir, sub.id, f);
    const got = await receivedBytes(file);
    if (got !== f.size) {
      problems.push({ file: f.path, line: null, field: null, message: `upload not complete: ${got} of ${f.size} bytes received` });
    } else if (f.kind === "archive" && !(await archiveKind(file))) {
      problems.push({ file: f.path, line: null, field: null, message: "not a zip, tar or tar.gz archive (wrong file type)" });
    }
  }
  return problems;
}

function buildReport(ctx: SubmissionContext, sub: SubmissionRow, kind: SubmissionReport["kind"], report: PathsReport | null, problems: ReportProblem[], declared: Declared): SubmissionReport {
  const rel = (f: string) => relativeName(ctx.dataDir, sub.id, f);
  const summary = report ? toJsonSummary(report) : { runs: [] };
  const runs: ReportRun[] = (report?.runs ?? []).map((r, i) => {
    const j = summary.runs[i];
    return {
      ...j,
      path: rel(j.path),
      runId: r.runId,
      newCatalogEntries: r.newCatalogEntries,
      warnings: r.warnings,
      errors: r.errors.map((e) => ({ ...e, file: rel(e.file) })),
    };
  });
  const notes: string[] = [];
  if (declared.alias) {
    if (getConfig(declared.alias)) {
      notes.push(`The alias ${declared.alias} is a catalog configuration: the runs will be scored as that configuration.`);
    } else {
      notes.push(`The alias ${declared.alias} is not in the catalog: it will be created, flagged "not in catalog".`);
    }
  }
  const valid = runs.filter((r) => r.status === "valid" || r.status === "loaded" || r.status === "superseded").length;
  return {
    kind,
    at: new Date().toISOString(),
    runs,
    problems: problems.map((p) => ({ ...p, file: rel(p.file) })),
    skipped: (report?.skipped ?? []).map((s) => ({ ...s, manifest: rel(s.manifest) })),
    notes,
    totals: {
      runs: runs.length,
      valid,
      already: runs.filter((r) => r.status === "already").length,
      rejected: runs.filter((r) => r.status === "rejected").length,
      rows: runs.filter((r) => r.status !== "rejected" && r.status !== "already").reduce((s, r) => s + r.rows, 0),
    },
  };
}

/** Warn when a declared catalog alias belongs to another model than the runs' metadata names. */
async function aliasNotes(raw: RawTx, declared: Declared, submissionId: number): Promise<string[]> {
  const cat = declared.alias ? getConfig(declared.alias) : undefined;
  if (!cat) return [];
  const rows = await raw.query<{ provider_model: string }>(`select distinct provider_model from runs where submission_id = $1`, [submissionId]);
  const notes: string[] = [];
  for (const r of rows) {
    const m = catalogModelForProvider(r.provider_model);
    if (m?.id !== cat.modelId) notes.push(`The runs' model ${r.provider_model} is not the model of the catalog configuration ${declared.alias}.`);
  }
  return notes;
}

function ingestLimits(limits: UploadLimits) {
  return { maxEntries: limits.maxFiles, maxTotalBytes: limits.maxExtractedBytes };
}

/**
 * Validate the upload with the ingest library in dry-run mode (nothing written): which runs, which
 * format, configuration and dataset each maps to, completeness, and every problem with its file,
 * line and field. The report is stored on the submission and returned.
 */
export async function validateSubmission(
  ctx: SubmissionContext,
  viewer: Viewer | null,
  id: number,
  opts: { declared?: unknown; onProgress?: (p: IngestProgress) => void } = {},
): Promise<SubmissionReport> {
  requireViewer(viewer);
  const sub = await loadSubmission(ctx.raw, id);
  authorize(viewer, sub, "upload");
  const declared = parseDeclared(opts.declared);
  return withLock(
    `process:${id}`,
    async () => {
      const problems = await uploadProblems(ctx, sub!);
      let report: PathsReport | null = null;
      if (!problems.some((p) => p.message.startsWith("upload not complete"))) {
        const okFiles = sub!.files.filter((f) => !problems.some((p) => p.file === f.path));
        const inputs = await ingestInputs(ctx.dataDir, id, okFiles);
        if (inputs.length) {
          report = await ingestPaths(ctx.raw, inputs, {
            provenance: "community", status: "pending", dryRun: true, alias: declared.alias,
            archiveLimits: ingestLimits(ctx.limits), onProgress: opts.onProgress,
          });
        }
      }
      const out = buildReport(ctx, sub!, "validation", report, problems, declared);
      if (out.runs.length === 0 && out.problems.length === 0) {
        out.problems.push({ file: ".", line: null, field: null, message: "no runs found: a run is a folder with metadata.json and results.jsonl" });
      }
      await ctx.raw.query(`update submissions set report = $2::jsonb, declared = $3::jsonb, updated_at = now() where id = $1 and status = 'uploading'`, [
        id, JSON.stringify(out), JSON.stringify(declared),
      ]);
      return out;
    },
    () => new SubmissionError(409, "This upload is being processed already."),
  );
}

/**
 * Confirm: ingest the upload's valid runs as provenance "community", status "pending", linked to
 * the submission. The submission becomes pending (visible to its owner and the admins only).
 */
export async function confirmSubmission(
  ctx: SubmissionContext,
  viewer: Viewer | null,
  id: number,
  opts: { declared?: unknown; onProgress?: (p: IngestProgress) => void } = {},
): Promise<{ submission: SubmissionRow; report: SubmissionReport }> {
  const v = requireViewer(viewer);
  const sub = await loadSubmission(ctx.raw, id);
  authorize(viewer, sub, "upload");
  const declared = parseDeclared(opts.declared ?? sub!.declared ?? {});
  return withLock(
    `process:${id}`,
    async () => {
      const problems = await uploadProblems(ctx, sub!);
      if (problems.some((p) => p.message.startsWith("upload not complete"))) {
        throw new SubmissionError(409, `The upload is not complete: ${problems[0].file}: ${problems[0].message}.`);
      }
      const okFiles = sub!.files.filter((f) => !problems.some((p) => p.file === f.path));
      const inputs = await ingestInputs(ctx.dataDir, id, okFiles);
      const report = inputs.length
        ? await ingestPaths(ctx.raw, inputs, {
            provenance: "community", status: "pending", submissionId: id, alias: declared.alias,
            archiveLimits: ingestLimits(ctx.limits), onProgress: opts.onProgress,
          })
        : null;
      const out = buildReport(ctx, sub!, "submitted", report, problems, declared);
      // Runs this submission stored already count as submitted: a confirm interrupted between the
      // ingest and the status update (server killed) is completed by confirming again.
      const mine = new Set(
        (await ctx.raw.query<{ id: number }>(`select id from runs where submission_id = $1 and status = 'pending'`, [id])).map((r) => Number(r.id)),
      );
      const inserted = (report?.runs ?? []).filter((r) => r.outcome === "inserted" || (r.outcome === "duplicate" && r.runId !== null && mine.has(r.runId)));
      if (inserted.length === 0) {
        await ctx.raw.query(`update submissions set report = $2::jsonb, declared = $3::jsonb, updated_at = now() where id = $1`, [
          id, JSON.stringify({ ...out, kind: "validation" }), JSON.stringify(declared),
        ]);
        throw new SubmissionError(422, "Nothing to submit: every run was rejected or is already in the database. See the report.", { report: out });
      }
      out.notes.push(...(await aliasNotes(ctx.raw, declared, id)));
      const dir = submissionDir(ctx.dataDir, id);
      await ctx.raw.transaction(async (tx) => {
        // Stored sources name the upload, not the server's folders.
        for (const sub2 of ["archives", "files"]) {
          const prefix = path.join(dir, sub2) + path.sep;
          await tx.query(
            `update runs set source = $3 || substr(source, $4::int) where submission_id = $1 and left(source, $2::int) = $5`,
            [id, prefix.length, `upload #${id}: `, prefix.length + 1, prefix],
          );
        }
        // A configuration this upload created (not in the catalog) takes the declared name and effort.
        const created = new Set(inserted.flatMap((r) => r.newCatalogEntries.filter((c) => c.startsWith("configuration ")).map((c) => c.slice(14))));
        for (const slug of created) {
          await tx.query(
            `update configs set display_name = coalesce($2, display_name), reasoning_effort = coalesce($3, reasoning_effort) where slug = $1 and not in_catalog`,
            [slug, declared.modelName ?? null, declared.reasoningEffort ?? null],
          );
        }
        await tx.query(
          `update submissions set status = 'pending', report = $2::jsonb, declared = $3::jsonb, updated_at = now() where id = $1 and status = 'uploading'`,
          [id, JSON.stringify(out), JSON.stringify(declared)],
        );
        await logAction(tx, { action: "submit", actorId: v.id, submissionId: id, details: { runs: inserted.map((r) => r.runId) } });
      });
      return { submission: (await loadSubmission(ctx.raw, id))!, report: out };
    },
    () => new SubmissionError(409, "This upload is being processed already."),
  );
}

// ---------------------------------------------------------------------------------------------
// Withdraw, approve, reject

/** Delete the submission's unpublished runs and the catalog entries only they used. */
async function dropPendingRuns(tx: RawTx, id: number): Promise<number> {
  const runs = await tx.query<{ id: number; config_slug: string; dataset_id: number }>(
    `select id, config_slug, dataset_id from runs where submission_id = $1 and status = 'pending'`,
    [id],
  );
  if (!runs.length) return 0;
  const ids = runs.map((r) => Number(r.id));
  await tx.query(`delete from runs where id = any($1::int[])`, [ids]);
  const configsTouched = [...new Set(runs.map((r) => r.config_slug))];
  const datasetsTouched = [...new Set(runs.map((r) => Number(r.dataset_id)))];
  const models = await tx.query<{ model_id: string }>(`select distinct model_id from configs where slug = any($1::text[]) and not in_catalog`, [configsTouched]);
  const benches = await tx.query<{ benchmark_slug: string }>(`select distinct benchmark_slug from datasets where id = any($1::int[])`, [datasetsTouched]);
  await tx.query(
    `delete from configs c where c.slug = any($1::text[]) and not c.in_catalog and not exists (select 1 from runs u where u.config_slug = c.slug)`,
    [configsTouched],
  );
  await tx.query(
    `delete from models m where m.id = any($1::text[]) and not m.in_catalog and not exists (select 1 from configs c where c.model_id = m.id)`,
    [models.map((m) => m.model_id)],
  );
  await tx.query(
    `delete from datasets d where d.id = any($1::int[]) and not exists (select 1 from runs u where u.dataset_id = d.id)
       and exists (select 1 from benchmarks b where b.slug = d.benchmark_slug and not b.in_catalog)`,
    [datasetsTouched],
  );
  await tx.query(
    `delete from benchmarks b where b.slug = any($1::text[]) and not b.in_catalog and not exists (select 1 from datasets d where d.benchmark_slug = b.slug)`,
    [benches.map((b) => b.benchmark_slug)],
  );
  return ids.length;
}

async function removeUploadFiles(ctx: SubmissionContext, id: number) {
  await fs.rm(submissionDir(ctx.dataDir, id), { recursive: true, force: true });
}

export async function withdrawSubmission(ctx: SubmissionContext, viewer: Viewer | null, id: number): Promise<SubmissionRow> {
  const v = requireViewer(viewer);
  const result = await withLock(`process:${id}`, () =>
    ctx.raw.transaction(async (tx) => {
      const sub = await loadSubmission(tx, id, true);
      authorize(viewer, sub, "withdraw");
      const dropped = await dropPendingRuns(tx, id);
      await tx.query(`update submissions set status = 'withdrawn', decided_at = now(), decided_by = $2, updated_at = now() where id = $1`, [id, v.id]);
      await logAction(tx, { action: "withdraw", actorId: v.id, submissionId: id, details: { runsRemoved: dropped, from: sub!.status } });
      return dropped;
    }),
  );
  if (result > 0) await bumpDataVersion(ctx.raw);
  await removeUploadFiles(ctx, id);
  return (await loadSubmission(ctx.raw, id))!;
}

const reasonSchema = z.string().trim().min(1, "Give a reason.").max(2000, "Keep the reason under 2000 characters.");

export async function rejectSubmission(ctx: SubmissionContext, viewer: Viewer | null, id: number, reason: unknown): Promise<SubmissionRow> {
  const v = requireAdmin(viewer);
  const r = reasonSchema.safeParse(reason);
  if (!r.success) throw new SubmissionError(400, r.error.issues[0].message, { field: "reason" });
  const dropped = await withLock(`process:${id}`, () =>
    ctx.raw.transaction(async (tx) => {
      const sub = await loadSubmission(tx, id, true);
      authorize(viewer, sub, "moderate");
      const n = await dropPendingRuns(tx, id);
      await tx.query(`update submissions set status = 'rejected', decided_at = now(), decided_by = $2, reason = $3, updated_at = now() where id = $1`, [
        id, v.id, r.data,
      ]);
      await logAction(tx, { action: "reject", actorId: v.id, submissionId: id, reason: r.data, details: { runsRemoved: n } });
      return n;
    }),
  );
  if (dropped > 0) await bumpDataVersion(ctx.raw);
  await removeUploadFiles(ctx, id);
  return (await loadSubmission(ctx.raw, id))!;
}

async function bumpDataVersion(tx: RawTx) {
  await tx.query(
    `insert into app_meta (key, value) values ('data_version', '1')
     on conflict (key) do update set value = (app_meta.value::bigint + 1)::text, updated_at = now()`,
  );
}

export interface ApproveResult {
  submission: SubmissionRow;
  published: number[];
  /** Runs of this submission kept superseded (a later run of the same identity is published). */
  keptSuperseded: number[];
  /** Previously published runs this submission superseded. */
  superseded: number[];
}

/**
 * Publish a pending submission: each of its runs becomes published, superseding the published
 * run of the same configuration and dataset when that one is older (as the ingest does), or is
 * kept superseded when the published one is later. One transaction; then the boards are
 * recomputed for the new snapshot.
 */
export async function approveSubmission(
  ctx: SubmissionContext,
  viewer: Viewer | null,
  id: number,
  reason?: unknown,
  opts: { refresh?: boolean } = {},
): Promise<ApproveResult> {
  const v = requireAdmin(viewer);
  const note = typeof reason === "string" && reason.trim() ? reason.trim().slice(0, 2000) : null;
  const outcome = await withLock(`process:${id}`, () =>
    ctx.raw.transaction(async (tx) => {
      const sub = await loadSubmission(tx, id, true);
      authorize(viewer, sub, "moderate");
      const runs = await tx.query<{ id: number; config_slug: string; dataset_id: number; at: number }>(
        `select id, config_slug, dataset_id, (extract(epoch from coalesce(run_at, ingested_at)) * 1000)::float8 as at
         from runs where submission_id = $1 and status = 'pending' order by 4, id`,
        [id],
      );
      const published: number[] = [];
      const keptSuperseded: number[] = [];
      const superseded: number[] = [];
      for (const r of runs) {
        const runId = Number(r.id);
        const [current] = await tx.query<{ id: number; at: number }>(
          `select id, (extract(epoch from coalesce(run_at, ingested_at)) * 1000)::float8 as at
           from runs where config_slug = $1 and dataset_id = $2 and status = 'published' for update`,
          [r.config_slug, r.dataset_id],
        );
        if (current && Number(current.at) > Number(r.at)) {
          await tx.query(`update runs set status = 'superseded', superseded_by = $2 where id = $1`, [runId, Number(current.id)]);
          keptSuperseded.push(runId);
          continue;
        }
        if (current) {
          await tx.query(`update runs set status = 'superseded', superseded_by = $2 where id = $1`, [Number(current.id), runId]);
          superseded.push(Number(current.id));
        }
        await tx.query(`update runs set status = 'published' where id = $1`, [runId]);
        published.push(runId);
      }
      await tx.query(
        `update submissions set status = 'approved', decided_at = now(), decided_by = $2, reason = $3, updated_at = now() where id = $1`,
        [id, v.id, note],
      );
      await logAction(tx, { action: "approve", actorId: v.id, submissionId: id, reason: note, details: { published, superseded, keptSuperseded } });
      await bumpDataVersion(tx);
      return { published, keptSuperseded, superseded };
    }),
  );
  // The boards read precomputed results: compute the new snapshot's now.
  if (opts.refresh !== false) await refreshBoards(ctx.raw);
  return { submission: (await loadSubmission(ctx.raw, id))!, ...outcome };
}
