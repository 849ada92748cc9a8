import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";
import { getSnapshotView } from "./view-cache";

describe.each(testDatabases())("getSnapshotView on $name", (database) => {
  const db = useCatalogDb(database);

  it("computes once per snapshot and params, stores the result, and recomputes for a new snapshot", async () => {
    const root = tmpDir();
    writeGenARun(root, { model: "google/gemma-3-4b-it", envId: "medqa", rows: [{ id: 0, reward: 1 }] });
    await ingestPaths(db().raw, [root], { provenance: "official" });
    let calls = 0;
    const compute = async (s: { id: string }) => ({ snapshot: s.id, n: ++calls });
    const [a, b] = await Promise.all([getSnapshotView(db().raw, "test", "k", compute), getSnapshotView(db().raw, "test", "k", compute)]);
    expect(calls).toBe(1);
    expect(a.result).toEqual(b.result);
    expect(a.result.snapshot).toBe(a.snapshot.id);
    const other = await getSnapshotView(db().raw, "test", "k2", compute);
    expect(other.result.n).toBe(2);
    const [{ n }] = await db().raw.query<{ n: number }>(`select count(*)::int as n from snapshot_views where view = 'test'`);
    expect(Number(n)).toBe(2);

    // A new snapshot (another run published) gets its own computation.
    const root2 = tmpDir();
    writeGenARun(root2, { model: "google/gemma-3-4b-it", envId: "pubmedqa", rows: [{ id: 0, reward: 0 }] });
    await ingestPaths(db().raw, [root2], { provenance: "official" });
    const next = await getSnapshotView(db().raw, "test", "k", compute);
    expect(next.snapshot.id).not.toBe(a.snapshot.id);
    expect(next.result.n).toBe(3);
    expect(next.result.snapshot).toBe(next.snapshot.id);
  });
});
