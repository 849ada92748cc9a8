import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { zipSync } from "fflate";
import { ensureSnapshot } from "../boards/snapshot";
import { testDatabases } from "../db/test-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";
import { getAuditLog, getSubmissionRuns, listSubmissions } from "../queries/submissions";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { getSubmissionDiff } from "./diff";
import { SubmissionError } from "./errors";
import { submissionDir } from "./files";
import {
  appendChunk,
  approveSubmission,
  confirmSubmission,
  createSubmission,
  loadSubmission,
  rejectSubmission,
  uploadProgress,
  validateSubmission,
  withdrawSubmission,
} from "./service";
import { bytes, catalogRun, genAFiles, makeContext, makeUser, upload } from "./test-support";

const statusOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof SubmissionError) return e.status;
    throw e;
  }
};

describe.each(testDatabases())("submissions on $name", (database) => {
  const db = useCatalogDb(database);
  const runsOf = async (id: number) =>
    (await db().raw.query<{ id: number; status: string; provenance: string; source: string }>(`select id, status, provenance, source from runs where submission_id = $1 order by id`, [id])).map(
      (r) => ({ ...r, id: Number(r.id) }),
    );

  it("uploads in chunks with resume, validates (dry run), confirms as pending, approves into the boards", async () => {
    const ctx = makeContext(db().raw);
    const alice = await makeUser(db().raw);
    const admin = await makeUser(db().raw, "admin");
    const files = genAFiles(catalogRun(1));
    const sub = await createSubmission(ctx, alice, { files: files.map((f) => ({ path: f.path, size: f.data.length })) });
    expect(sub.status).toBe("uploading");
    expect(sub.label).toBe("base/ (2 files)");

    // First half of the results, then a wrong offset (409 with what the server holds), then the rest.
    const results = files[1].data;
    const half = Math.floor(results.length / 2);
    await appendChunk(ctx, alice, sub.id, 0, 0, bytes(files[0].data));
    expect(await appendChunk(ctx, alice, sub.id, 1, 0, bytes(results.subarray(0, half)))).toEqual({ received: half, complete: false });
    const wrong = await appendChunk(ctx, alice, sub.id, 1, 0, bytes(results.subarray(half))).catch((e) => e);
    expect(wrong).toBeInstanceOf(SubmissionError);
    expect(wrong.status).toBe(409);
    expect(wrong.extra.received).toBe(half);
    expect((await uploadProgress(ctx, (await loadSubmission(db().raw, sub.id))!)).map((f) => f.received)).toEqual([files[0].data.length, half]);
    // Validating an incomplete upload says so.
    const early = await validateSubmission(ctx, alice, sub.id);
    expect(early.problems[0].message).toMatch(/upload not complete/);
    expect(await appendChunk(ctx, alice, sub.id, 1, half, bytes(results.subarray(half)))).toEqual({ received: results.length, complete: true });

    const report = await validateSubmission(ctx, alice, sub.id);
    expect(report.problems).toEqual([]);
    expect(report.runs).toHaveLength(1);
    expect(report.runs[0]).toMatchObject({ status: "valid", config: "gemma-3-12b-it", dataset: "medqa::base", rows: 6, expected_rows: 6, format: "A" });
    expect(report.runs[0].path).toBe("base");
    expect(await runsOf(sub.id)).toEqual([]); // dry run: nothing written

    const snapBefore = await ensureSnapshot(db().raw);
    const { submission, report: submitted } = await confirmSubmission(ctx, alice, sub.id, { declared: { modelCard: "https://example.org/card" } });
    expect(submission.status).toBe("pending");
    expect(submitted.kind).toBe("submitted");
    const pending = await runsOf(sub.id);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ status: "pending", provenance: "community" });
    expect(pending[0].source).toBe(`upload #${sub.id}: base`);
    // Pending runs never enter a snapshot.
    const snapPending = await ensureSnapshot(db().raw);
    expect(snapPending.id).toBe(snapBefore.id);
    const inSnap = await db().raw.query(`select 1 from snapshot_runs where run_id = $1`, [pending[0].id]);
    expect(inSnap).toHaveLength(0);
    // The files can no longer change.
    expect(await statusOf(appendChunk(ctx, alice, sub.id, 1, results.length, bytes(Buffer.from("x"))))).toBe(409);

    const diff = await getSubmissionDiff(db().raw, sub.id);
    expect(diff.publish).toEqual([{ runId: pending[0].id, config: "gemma-3-12b-it", datasetKey: "medqa::base", supersedes: null }]);
    const v = diff.boards.find((b) => b.board === "V")!;
    expect(v.moves.find((m) => m.config === "gemma-3-12b-it")).toMatchObject({ kind: "new", touched: true });

    const approved = await approveSubmission(ctx, admin, sub.id, "looks right");
    expect(approved.published).toEqual([pending[0].id]);
    expect(approved.submission.status).toBe("approved");
    expect((await runsOf(sub.id))[0].status).toBe("published");
    const snapAfter = await ensureSnapshot(db().raw);
    expect(snapAfter.id).not.toBe(snapBefore.id);
    const board = await db().raw.query<{ n: number }>(`select count(*)::int as n from board_results where snapshot_id = $1`, [snapAfter.id]);
    expect(Number(board[0].n)).toBeGreaterThan(0);
    expect((await getAuditLog(db().raw)).slice(0, 2).map((a) => a.action)).toEqual(["approve", "submit"]);
    expect(fs.existsSync(submissionDir(ctx.dataDir, sub.id))).toBe(true); // kept: the published runs came from it
  });

  it("approval supersedes an older published run of the same identity, and a later one wins over it", async () => {
    const ctx = makeContext(db().raw);
    const bob = await makeUser(db().raw);
    const admin = await makeUser(db().raw, "admin");
    // An official run of the same configuration and dataset, ingested before the upload.
    const root = tmpDir();
    writeGenARun(root, { ...catalogRun(7, "google/gemma-3-27b-it"), mtime: Date.now() / 1000 - 3600 });
    const official = await ingestPaths(db().raw, [root], { provenance: "official" });
    const officialId = official.runs[0].runId!;
    const id = await upload(ctx, bob, genAFiles(catalogRun(8, "google/gemma-3-27b-it")));
    await confirmSubmission(ctx, bob, id);
    const diff = await getSubmissionDiff(db().raw, id);
    expect(diff.publish[0].supersedes).toBe(officialId);
    const r = await approveSubmission(ctx, admin, id);
    expect(r.superseded).toEqual([officialId]);
    const [o] = await db().raw.query<{ status: string; superseded_by: number }>(`select status, superseded_by from runs where id = $1`, [officialId]);
    expect(o.status).toBe("superseded");
    expect(Number(o.superseded_by)).toBe(r.published[0]);
  });

  it("rejects with a reason: the runs go, the owner sees the reason; withdraw works while pending only", async () => {
    const ctx = makeContext(db().raw);
    const carol = await makeUser(db().raw);
    const admin = await makeUser(db().raw, "admin");
    const id = await upload(ctx, carol, genAFiles({ ...catalogRun(2), model: "acme/unknown-model-x" }));
    const { report } = await confirmSubmission(ctx, carol, id, { declared: { alias: "acme-x", modelName: "ACME X", reasoningEffort: "high" } });
    expect(report.runs[0].config).toBe("acme-x");
    const [cfg] = await db().raw.query<{ display_name: string; reasoning_effort: string; in_catalog: boolean }>(`select display_name, reasoning_effort, in_catalog from configs where slug = 'acme-x'`);
    expect(cfg).toEqual({ display_name: "ACME X", reasoning_effort: "high", in_catalog: false });
    expect(await statusOf(rejectSubmission(ctx, admin, id, "  "))).toBe(400); // a reason is required
    const rejected = await rejectSubmission(ctx, admin, id, "Wrong model name");
    expect(rejected).toMatchObject({ status: "rejected", reason: "Wrong model name" });
    expect(await runsOf(id)).toEqual([]);
    // The catalog entries only this upload created are gone too.
    expect(await db().raw.query(`select 1 from configs where slug = 'acme-x'`)).toHaveLength(0);
    expect(await db().raw.query(`select 1 from models where provider_id = 'acme/unknown-model-x'`)).toHaveLength(0);
    expect(fs.existsSync(submissionDir(ctx.dataDir, id))).toBe(false);
    expect((await listSubmissions(db().raw, carol.id))[0]).toMatchObject({ id, status: "rejected", reason: "Wrong model name" });
    expect(await statusOf(withdrawSubmission(ctx, carol, id))).toBe(409);
    expect(await statusOf(approveSubmission(ctx, admin, id))).toBe(409);

    // Withdraw while pending; the same content can then be submitted again.
    const files = genAFiles(catalogRun(3));
    const id2 = await upload(ctx, carol, files);
    await confirmSubmission(ctx, carol, id2);
    expect((await withdrawSubmission(ctx, carol, id2)).status).toBe("withdrawn");
    expect(await runsOf(id2)).toEqual([]);
    const id3 = await upload(ctx, carol, files);
    const again = await confirmSubmission(ctx, carol, id3);
    expect(again.report.totals.valid).toBe(1);
    expect((await getSubmissionRuns(db().raw, id3))[0]).toMatchObject({ status: "pending", config: "gemma-3-12b-it" });
  });

  it("nothing to submit: content already in the database is reported as such", async () => {
    const ctx = makeContext(db().raw);
    const dave = await makeUser(db().raw);
    const files = genAFiles(catalogRun(4, "google/gemma-3-4b-it"));
    const id = await upload(ctx, dave, files);
    await confirmSubmission(ctx, dave, id);
    const id2 = await upload(ctx, dave, files);
    const report = await validateSubmission(ctx, dave, id2);
    expect(report.runs[0].status).toBe("already");
    const err = await confirmSubmission(ctx, dave, id2).catch((e) => e);
    expect(err.status).toBe(422);
    expect((await loadSubmission(db().raw, id2))!.status).toBe("uploading");
  });

  it("enforces the upload size and the daily count and byte quotas (admins are not limited)", async () => {
    const erin = await makeUser(db().raw);
    const admin = await makeUser(db().raw, "admin");
    const small = makeContext(db().raw, { maxBytes: 1000, dailyCount: 2, dailyBytes: 1500 });
    const one = [{ path: "x.zip", size: 600 }];
    expect(await statusOf(createSubmission(small, erin, { files: [{ path: "x.zip", size: 1001 }] }))).toBe(413);
    expect(await statusOf(createSubmission(small, erin, { files: one }))).toBe(200);
    expect(await statusOf(createSubmission(small, erin, { files: one }))).toBe(200);
    const third = await createSubmission(small, erin, { files: [{ path: "x.zip", size: 10 }] }).catch((e) => e);
    expect(third.status).toBe(429);
    expect(third.message).toMatch(/2 uploads per 24 hours/);
    const bytesCtx = makeContext(db().raw, { maxBytes: 1000, dailyCount: 100, dailyBytes: 1500 });
    const over = await createSubmission(bytesCtx, erin, { files: [{ path: "x.zip", size: 400 }] }).catch((e) => e);
    expect(over.status).toBe(429);
    expect(over.message).toMatch(/per 24 hours/);
    expect(await statusOf(createSubmission(small, admin, { files: one }))).toBe(200);
    expect(await statusOf(createSubmission(small, admin, { files: one }))).toBe(200);
    expect(await statusOf(createSubmission(small, admin, { files: one }))).toBe(200);
  });

  it("accepts a .zip of a Gen A tree and names files inside it as archive!/path", async () => {
    const ctx = makeContext(db().raw);
    const fay = await makeUser(db().raw);
    const root = tmpDir();
    const dir = writeGenARun(root, catalogRun(5, "google/gemma-3-12b-it"));
    const rel = path.relative(root, dir);
    const lines = fs.readFileSync(path.join(dir, "results.jsonl"), "utf8").split("\n");
    lines[2] = "{not json";
    const zip = Buffer.from(
      zipSync({ [`${rel}/metadata.json`]: fs.readFileSync(path.join(dir, "metadata.json")), [`${rel}/results.jsonl`]: Buffer.from(lines.join("\n")) }),
    );
    const id = await upload(ctx, fay, [{ path: "runs.zip", data: zip }]);
    const report = await validateSubmission(ctx, fay, id);
    expect(report.runs[0].status).toBe("rejected");
    expect(report.runs[0].errors[0]).toMatchObject({ file: `runs.zip!/${rel}/results.jsonl`, line: 3 });
    expect(report.runs[0].errors[0].message).toMatch(/not valid JSON/);
  });
});
