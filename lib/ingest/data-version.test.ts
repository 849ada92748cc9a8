// The data version (what the servers' snapshot caches are keyed on) moves in the same transaction
// as the runs it announces: an ingest killed right after committing runs must not leave a server
// serving the old snapshot. Simulated by a client that refuses every statement outside a
// transaction once one has committed (the process "died" there).
import { describe, expect, it } from "vitest";
import type { RawClient } from "../db/raw";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { ingestPaths } from "./index";
import { tmpDir, writeGenARun } from "./test-fixtures";

describe.each(testDatabases())("data version on $name", (database) => {
  const db = useCatalogDb(database);
  const version = async () => (await db().raw.query<{ value: string }>(`select value from app_meta where key = 'data_version'`))[0]?.value ?? "0";

  it("is bumped by the commit that stores the runs, not by a later statement", async () => {
    const dir = tmpDir("mm-dv-");
    writeGenARun(dir, { model: "google/gemma-3-12b-it", envId: "medqa", rows: Array.from({ length: 5 }, (_, id) => ({ id, reward: id % 2 })) });
    const before = await version();
    const raw = db().raw;
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
    const runs = await raw.query<{ n: number }>(`select count(*)::int as n from runs where source like $1`, [`${dir}%`]);
    expect(Number(runs[0].n)).toBe(1);
    expect(Number(await version())).toBeGreaterThan(Number(before));
  });
});
