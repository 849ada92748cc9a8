// The data version (what servers' snapshot caches and the page cache key on) must not stay behind
// the published runs. An ingest killed after committing runs but before its final bump is
// simulated by a client that refuses every statement outside a transaction once one has
// committed; re-ingesting the same files (all "already") then bumps it.
import { describe, expect, it } from "vitest";
import { ensureSnapshot } from "../boards/snapshot";
import type { RawClient } from "../db/raw";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { ingestPaths } from "./index";
import { tmpDir, writeGenARun } from "./test-fixtures";

describe.each(testDatabases())("data version on $name", (database) => {
  const db = useCatalogDb(database);
  const version = async () => Number((await db().raw.query<{ value: string }>(`select value from app_meta where key = 'data_version'`))[0]?.value ?? "0");

  it("a re-ingest after a kill between commit and bump brings the version up to date, once", async () => {
    const raw = db().raw;
    const first = tmpDir("mm-dv-");
    writeGenARun(first, { model: "google/gemma-3-12b-it", envId: "medqa", rows: [{ id: 0, reward: 1 }] });
    await ingestPaths(raw, [first], { provenance: "official" });
    await ensureSnapshot(raw); // a server has computed the current snapshot
    const dir = tmpDir("mm-dv-");
    writeGenARun(dir, { model: "google/gemma-3-12b-it", envId: "pubmedqa", rows: Array.from({ length: 5 }, (_, id) => ({ id, reward: id % 2 })) });
    const before = await version();
    let committed = false;
    const dying: RawClient = {
      query: (text, params) => (committed ? Promise.reject(new Error("killed")) : raw.query(text, params)),
      copyCsv: (t, c, csv) => raw.copyCsv(t, c, csv),
      transaction: async (fn) => {
        const out = await raw.transaction(fn);
        committed = true;
        return out;
      },
    };
    await expect(ingestPaths(dying, [dir], { provenance: "official" })).rejects.toThrow("killed");
    expect(Number((await raw.query<{ n: number }>(`select count(*)::int as n from runs where source like $1`, [`${dir}%`]))[0].n)).toBe(1);
    expect(await version()).toBe(before); // stale: the run is published, the version did not move

    const again = await ingestPaths(raw, [dir], { provenance: "official" });
    expect(again.runs[0].outcome).toBe("duplicate");
    expect(await version()).toBeGreaterThan(before);
    // Up to date now: once the snapshot exists, another re-run leaves the version alone.
    await ensureSnapshot(raw);
    const now = await version();
    await ingestPaths(raw, [dir], { provenance: "official" });
    expect(await version()).toBe(now);
  });
});
