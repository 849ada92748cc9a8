/**
 * Hostile uploads: path traversal, absolute paths, symlinks and hardlinks, a zip bomb by ratio,
 * too many entries, oversized uploads and chunks, wrong file types, malformed JSONL and metadata.
 * Each is refused with a message naming the file (and line, field) and nothing is written: no
 * run rows, no file outside the upload's own folder, no leftover extraction folder.
 * Then concurrency: two uploads at once, and an upload confirmed while an approval recomputes
 * the boards, lose nothing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ensureSnapshot } from "../boards/snapshot";
import { testDatabases } from "../db/test-db";
import { rowJson } from "../ingest/test-fixtures";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { SubmissionError } from "./errors";
import { submissionDir } from "./files";
import { appendChunk, approveSubmission, confirmSubmission, createSubmission, validateSubmission } from "./service";
import { bytes, catalogRun, genAFiles, makeContext, makeUser, upload } from "./test-support";

// ---- a tiny tar writer (ustar) ----------------------------------------------------------------

function tarHeader(name: string, size: number, type: string, linkname = ""): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, "utf8");
  h.write("0000644\0", 100, "latin1");
  h.write("0000000\0", 108, "latin1");
  h.write("0000000\0", 116, "latin1");
  h.write(size.toString(8).padStart(11, "0") + "\0", 124, "latin1");
  h.write("00000000000\0", 136, "latin1");
  h.write("        ", 148, "latin1");
  h.write(type, 156, "latin1");
  h.write(linkname, 157, 100, "utf8");
  h.write("ustar\0", 257, "latin1");
  h.write("00", 263, "latin1");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "latin1");
  return h;
}

function tarGz(entries: { name: string; data?: string; type?: string; linkname?: string }[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.data ?? "");
    parts.push(tarHeader(e.name, data.length, e.type ?? "0", e.linkname), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return zlib.gzipSync(Buffer.concat(parts));
}

const META = JSON.stringify({ env_id: "medqa", env_args: {}, model: "google/gemma-3-12b-it", num_examples: 2, rollouts_per_example: 1, sampling_args: {} });
const RESULTS = [rowJson({ id: 0, reward: 1 }), rowJson({ id: 1, reward: 0 })].map((r) => JSON.stringify(r)).join("\n") + "\n";
const RUN = "runs/evals/google-gemma-3-12b-it/medqa/base";

const extractionDirs = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("mm-archive-")).sort();

describe.each(testDatabases())("hostile uploads on $name", (database) => {
  const db = useCatalogDb(database);
  const runCount = async () => Number((await db().raw.query<{ n: number }>(`select count(*)::int as n from runs`))[0].n);

  /** Upload, validate, try to confirm: the problems, with nothing written anywhere. */
  async function refused(files: { path: string; data: Buffer }[], limits = {}) {
    const ctx = makeContext(db().raw, limits);
    const user = await makeUser(db().raw);
    const before = await runCount();
    const tmpBefore = extractionDirs();
    const id = await upload(ctx, user, files);
    const report = await validateSubmission(ctx, user, id);
    const confirm = await confirmSubmission(ctx, user, id).catch((e) => e);
    expect(confirm).toBeInstanceOf(SubmissionError);
    expect(confirm.status).toBe(422);
    expect(await runCount()).toBe(before);
    expect(extractionDirs()).toEqual(tmpBefore);
    // The upload folder holds exactly the uploaded files, nothing extracted beside or outside it.
    const listing = fs.readdirSync(path.join(ctx.dataDir, "uploads"), { recursive: true }).map(String).sort();
    const own = files.flatMap((f) => {
      const kind = /\.(zip|tgz|tar|tar\.gz)$/.test(f.path) ? "archives" : "files";
      const rel = kind === "files" && !f.path.includes("/") ? `base/${f.path}` : f.path;
      const parts = [String(id), kind, ...rel.split("/")];
      return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
    });
    expect(listing).toEqual([...new Set(own)].sort());
    const problems = [...report.problems, ...report.runs.flatMap((r) => r.errors)];
    expect(problems.length).toBeGreaterThan(0);
    return problems;
  }

  it("zip entries with '..' or an absolute path", async () => {
    const p1 = await refused([{ path: "evil.zip", data: Buffer.from(zipSync({ "../../escaped.txt": Buffer.from("x"), [`${RUN}/metadata.json`]: Buffer.from(META) })) }]);
    expect(p1[0]).toMatchObject({ file: "evil.zip", field: "../../escaped.txt" });
    expect(p1[0].message).toMatch(/'\.\.'/);
    expect(fs.existsSync(path.join(os.tmpdir(), "escaped.txt"))).toBe(false);
    const p2 = await refused([{ path: "abs.zip", data: Buffer.from(zipSync({ "/etc/medmarks-evil": Buffer.from("x") })) }]);
    expect(p2[0].message).toMatch(/absolute/);
  });

  it("tar.gz with a symlink, a hardlink, a device", async () => {
    for (const [type, what] of [
      ["2", /symlink/],
      ["1", /hardlink/],
      ["3", /character device/],
    ] as const) {
      const data = tarGz([
        { name: `${RUN}/metadata.json`, data: META },
        { name: `${RUN}/results.jsonl`, type, linkname: "/etc/passwd" },
      ]);
      const p = await refused([{ path: "links.tar.gz", data }]);
      expect(p[0].file).toBe("links.tar.gz");
      expect(p[0].message).toMatch(what);
    }
  });

  it("a zip bomb (compression ratio) and too many entries", async () => {
    const bomb = Buffer.from(zipSync({ [`${RUN}/results.jsonl`]: Buffer.alloc(20 * 1024 * 1024, 0x20) }, { level: 9 }));
    const p = await refused([{ path: "bomb.zip", data: bomb }]);
    expect(p[0].message).toMatch(/compression ratio above/);
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) many[`f${i}.txt`] = Buffer.from("x");
    const q = await refused([{ path: "many.zip", data: Buffer.from(zipSync(many)) }], { maxFiles: 10 });
    expect(q[0].message).toMatch(/more than 10 entries/);
  });

  it("an archive that is not one, and files that are not run files", async () => {
    const p = await refused([{ path: "runs.zip", data: Buffer.from("this is not a zip file at all") }]);
    expect(p[0]).toMatchObject({ file: "runs.zip" });
    expect(p[0].message).toMatch(/not a zip, tar or tar.gz archive/);

    const ctx = makeContext(db().raw);
    const user = await makeUser(db().raw);
    for (const [name, status, msg] of [
      ["evil.exe", 415, /not a run file/],
      ["notes/readme.md", 415, /not a run file/],
      ["../../etc/metadata.json", 400, /'\.\.'/],
      ["/abs/metadata.json", 400, /absolute/],
      ["a\\b\\metadata.json", 400, /backslash/],
      [".hidden/metadata.json", 400, /hidden/],
      ["dir/runs.zip", 400, /on its own/],
    ] as const) {
      const err = await createSubmission(ctx, user, { files: [{ path: name, size: 10 }] }).catch((e) => e);
      expect(err, name).toBeInstanceOf(SubmissionError);
      expect(err.status, name).toBe(status);
      expect(err.message, name).toMatch(msg);
    }
    expect(fs.existsSync(path.join(ctx.dataDir, "uploads"))).toBe(false); // nothing created for refused uploads
  });

  it("oversized uploads and chunks past the declared size", async () => {
    const ctx = makeContext(db().raw, { maxBytes: 100 });
    const user = await makeUser(db().raw);
    const big = await createSubmission(ctx, user, { files: [{ path: "a.zip", size: 101 }] }).catch((e) => e);
    expect(big.status).toBe(413);
    expect(big.message).toMatch(/limit is 100 B/);
    const sub = await createSubmission(ctx, user, { files: [{ path: "a.zip", size: 10 }] });
    await appendChunk(ctx, user, sub.id, 0, 0, bytes(Buffer.from("01234")));
    const over = await appendChunk(ctx, user, sub.id, 0, 5, bytes(Buffer.from("56789ABCDEF"))).catch((e) => e);
    expect(over.status).toBe(413);
    expect(over.message).toMatch(/more bytes than the declared 10/);
    // The refused request wrote nothing: the file still holds the first 5 bytes.
    expect(fs.readFileSync(path.join(submissionDir(ctx.dataDir, sub.id), "archives", "a.zip"), "utf8")).toBe("01234");
  });

  it("malformed JSONL and metadata are reported with file, line and field", async () => {
    const results = RESULTS.split("\n");
    const bad = [results[0], "{\"example_id\": 1, \"reward\": ", ""].join("\n");
    const p = await refused([
      { path: "base/metadata.json", data: Buffer.from(META) },
      { path: "base/results.jsonl", data: Buffer.from(bad) },
    ]);
    expect(p[0]).toMatchObject({ file: "base/results.jsonl", line: 2 });
    expect(p[0].message).toMatch(/not valid JSON/);

    const q = await refused([
      { path: "base/metadata.json", data: Buffer.from(JSON.stringify({ env_id: "medqa", model: 42 })) },
      { path: "base/results.jsonl", data: Buffer.from(RESULTS) },
    ]);
    expect(q[0]).toMatchObject({ file: "base/metadata.json", field: "model" });

    const r = await refused([{ path: "base/results.jsonl", data: Buffer.from(RESULTS) }]);
    expect(r[0].file).toBe("base/metadata.json");
    expect(r[0].message).toMatch(/is missing/);
  });

  // ---- concurrency ------------------------------------------------------------------------------

  it("two simultaneous uploads, and an upload confirmed during an approval's recompute, lose nothing", async () => {
    const ctx = makeContext(db().raw);
    const [u1, u2, admin] = [await makeUser(db().raw), await makeUser(db().raw), await makeUser(db().raw, "admin")];
    const a = genAFiles(catalogRun(101, "google/gemma-3-12b-it"));
    const b = genAFiles({ ...catalogRun(102, "google/gemma-3-12b-it"), envId: "medmcqa" });
    // Two uploads at once, chunk by chunk interleaved, then both confirmed at once.
    const [id1, id2] = await Promise.all([upload(ctx, u1, a), upload(ctx, u2, b)]);
    await Promise.all([confirmSubmission(ctx, u1, id1), confirmSubmission(ctx, u2, id2)]);
    const pendingOf = async (id: number) => Number((await db().raw.query<{ n: number }>(`select count(*)::int as n from runs where submission_id = $1 and status = 'pending'`, [id]))[0].n);
    expect([await pendingOf(id1), await pendingOf(id2)]).toEqual([1, 1]);

    // Approve the first (publish + board recompute) while a third upload is confirmed.
    const c = genAFiles({ ...catalogRun(103, "google/gemma-3-12b-it"), envId: "pubmedqa" });
    const id3 = await upload(ctx, u1, c);
    const [approved] = await Promise.all([approveSubmission(ctx, admin, id1), confirmSubmission(ctx, u1, id3)]);
    expect(approved.published).toHaveLength(1);
    expect(await pendingOf(id3)).toBe(1);
    expect(await pendingOf(id2)).toBe(1);
    // The snapshot holds the approved run and none of the pending ones.
    const snap = await ensureSnapshot(db().raw);
    const inSnap = await db().raw.query<{ submission_id: number | null; status: string }>(
      `select r.submission_id, r.status from snapshot_runs s join runs r on r.id = s.run_id where s.snapshot_id = $1 and r.submission_id is not null`,
      [snap.id],
    );
    expect(inSnap.map((r) => Number(r.submission_id))).toEqual([id1]);
    // Rows are all there.
    const rows = await db().raw.query<{ n: number }>(
      `select count(*)::int as n from rollouts o join runs r on r.id = o.run_id where r.submission_id = any($1::int[])`,
      [[id1, id2, id3]],
    );
    expect(Number(rows[0].n)).toBe(18);
  });
});
