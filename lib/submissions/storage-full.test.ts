// Disk full during an upload: a real ENOSPC from /dev/full (the stored file is pointed at it),
// no mocks. The user gets 507 "Storage full", nothing of the failed request is kept, and once space
// is back the same request succeeds and the upload confirms.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { SubmissionError } from "./errors";
import { storedPath } from "./files";
import { errorResponse } from "./http";
import { appendChunk, confirmSubmission, createSubmission } from "./service";
import { bytes, catalogRun, genAFiles, makeContext, makeUser } from "./test-support";

const hasDevFull = fs.existsSync("/dev/full");

describe.skipIf(!hasDevFull).each(testDatabases())("upload with the disk full on $name", (database) => {
  const db = useCatalogDb(database);

  it("answers 507 storage full, keeps nothing of the request, and works again once space is freed", async () => {
    const ctx = makeContext(db().raw);
    const alice = await makeUser(db().raw);
    const files = genAFiles(catalogRun(41));
    const sub = await createSubmission(ctx, alice, { files: files.map((f) => ({ path: f.path, size: f.data.length })) });
    // metadata.json arrives whole; results.jsonl hits a full disk after its first chunk.
    await appendChunk(ctx, alice, sub.id, 0, 0, bytes(files[0].data));
    const half = Math.floor(files[1].data.length / 2);
    await appendChunk(ctx, alice, sub.id, 1, 0, bytes(files[1].data.subarray(0, half), 1024));
    const target = storedPath(ctx.dataDir, sub.id, sub.files[1]);
    const kept = fs.readFileSync(target);
    fs.rmSync(target);
    fs.symlinkSync("/dev/full", target); // every write now fails with ENOSPC
    let error: unknown;
    try {
      // Resuming from 0 on the "new" file (its size reads 0 through the link).
      await appendChunk(ctx, alice, sub.id, 1, 0, bytes(files[1].data, 1024));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SubmissionError);
    expect((error as SubmissionError).status).toBe(507);
    expect((error as SubmissionError).message).toMatch(/^Storage full/);
    const res = errorResponse(error);
    expect(res.status).toBe(507);
    expect(((await res.json()) as { error: string }).error).toMatch(/Storage full/);
    // A raw ENOSPC from anywhere else in a route maps to the same answer.
    const raw = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    expect(errorResponse(raw).status).toBe(507);

    // Space is back: the file as it was before the failed request, and the upload resumes.
    fs.rmSync(target);
    fs.writeFileSync(target, kept);
    const done = await appendChunk(ctx, alice, sub.id, 1, half, bytes(files[1].data.subarray(half), 1024));
    expect(done).toEqual({ received: files[1].data.length, complete: true });
    expect(fs.readFileSync(target).equals(files[1].data)).toBe(true);
    const { submission, report } = await confirmSubmission(ctx, alice, sub.id, {});
    expect(submission.status).toBe("pending");
    expect(report.totals.valid).toBe(1);
  });

  it("a full disk when the upload starts leaves no submission behind", async () => {
    const ctx = makeContext(db().raw);
    const bob = await makeUser(db().raw);
    fs.mkdirSync(ctx.dataDir, { recursive: true });
    fs.writeFileSync(`${ctx.dataDir}/uploads`, ""); // the uploads folder cannot be created
    const count = async () => Number((await db().raw.query<{ n: number }>(`select count(*)::int as n from submissions where user_id = $1`, [bob.id]))[0].n);
    await expect(createSubmission(ctx, bob, { files: [{ path: "base/metadata.json", size: 10 }] })).rejects.toThrow();
    expect(await count()).toBe(0);
  });
});
