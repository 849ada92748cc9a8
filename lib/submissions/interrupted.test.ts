// A confirm interrupted by a server kill between storing the runs and marking the submission
// pending: confirming again completes it (before, it answered 422 "nothing to submit").
import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { confirmSubmission } from "./service";
import { catalogRun, genAFiles, makeContext, makeUser, upload } from "./test-support";

describe.each(testDatabases())("interrupted confirm on $name", (database) => {
  const db = useCatalogDb(database);

  it("confirming again after a kill mid-confirm completes the submission without duplicating runs", async () => {
    const ctx = makeContext(db().raw);
    const alice = await makeUser(db().raw);
    const id = await upload(ctx, alice, genAFiles(catalogRun(77)));
    await confirmSubmission(ctx, alice, id, {});
    // What the kill leaves: the runs committed by the ingest, the status update never made.
    await db().raw.query(`update submissions set status = 'uploading' where id = $1`, [id]);
    const { submission, report } = await confirmSubmission(ctx, alice, id, {});
    expect(submission.status).toBe("pending");
    expect(report.runs).toHaveLength(1);
    const runs = await db().raw.query<{ n: number }>(`select count(*)::int as n from runs where submission_id = $1`, [id]);
    expect(Number(runs[0].n)).toBe(1);
  });
});
