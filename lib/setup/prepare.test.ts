import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configs } from "../catalog";
import type { DbHandle } from "../db";
import { testDatabases } from "../db/test-db";
import { tmpDir } from "../ingest/test-fixtures";
import { CATALOG_HASH, prepareDatabase } from "./prepare";

describe.each(testDatabases())("prepareDatabase on $name", (database) => {
  let h: DbHandle;
  const dataDir = tmpDir("mm-prepare-");
  beforeAll(async () => {
    h = await database.open();
  });
  afterAll(async () => {
    await h?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const scalar = async (q: string) => Number(Object.values((await h.raw.query<Record<string, number>>(q))[0])[0]);

  it("migrates an empty database, syncs the catalog and loads the demo data through ingest", async () => {
    await prepareDatabase(h, { migrate: true, seedDemo: true, dataDir, questionsPerDataset: 2 });
    expect(await scalar(`select count(*)::int from configs where in_catalog`)).toBe(configs.length);
    expect((await h.raw.query<{ value: string }>(`select value from app_meta where key='catalog_hash'`))[0].value).toBe(CATALOG_HASH);
    const runs = await scalar(`select count(*)::int from runs`);
    expect(runs).toBeGreaterThan(24 * 60);
    expect(await scalar(`select count(*)::int from runs where provenance <> 'demo'`)).toBe(0);
    expect(await scalar(`select count(distinct config_slug)::int from runs`)).toBeGreaterThanOrEqual(24);
    // Exactly one incomplete run, and the artifacts exist on disk in the Gen A layout.
    expect(await scalar(`select count(*)::int from runs where observed_rows < expected_rows`)).toBe(1);
    expect(fs.existsSync(`${dataDir}/demo-runs/runs/evals`)).toBe(true);
  });

  it("does nothing more on a second start: no re-seed, no catalog rewrite", async () => {
    const before = await scalar(`select count(*)::int from runs`);
    const t = (await h.raw.query<{ updated_at: string }>(`select updated_at::text from app_meta where key='catalog_hash'`))[0].updated_at;
    await prepareDatabase(h, { migrate: true, seedDemo: true, dataDir, questionsPerDataset: 2 });
    expect(await scalar(`select count(*)::int from runs`)).toBe(before);
    expect((await h.raw.query<{ updated_at: string }>(`select updated_at::text from app_meta where key='catalog_hash'`))[0].updated_at).toBe(t);
  });

  it("completes a demo seed that was interrupted (server killed while loading) on the next start", async () => {
    const before = await scalar(`select count(*)::int from runs`);
    expect((await h.raw.query<{ value: string }>(`select value from app_meta where key='demo_seed'`))[0].value).toBe("done");
    // What a kill -9 during the seed leaves: some runs stored, the seed marked started.
    await h.raw.query(`delete from runs where id in (select id from runs order by id desc limit 7)`);
    await h.raw.query(`update app_meta set value = 'started' where key = 'demo_seed'`);
    const logs: string[] = [];
    await prepareDatabase(h, { migrate: true, seedDemo: true, dataDir, questionsPerDataset: 2, log: (m) => logs.push(m) });
    expect(logs.some((m) => m.includes("interrupted"))).toBe(true);
    expect(await scalar(`select count(*)::int from runs`)).toBe(before);
    expect((await h.raw.query<{ value: string }>(`select value from app_meta where key='demo_seed'`))[0].value).toBe("done");
  });
});
