/**
 * Make a database ready to serve: apply migrations, sync the catalog when it changed, and on an
 * empty database (embedded default, or SEED_DEMO=1) generate the synthetic demo runs and load
 * them through the same ingest code as real data. Called at server start and by scripts.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { benchmarks, configs, models } from "../catalog";
import type { DbHandle } from "../db";
import { migrateDb } from "../db/migrate";
import { ingestPaths, syncCatalog, type IngestProgress } from "../ingest";

export const CATALOG_HASH = createHash("sha256").update(JSON.stringify({ benchmarks, models, configs })).digest("hex");

type Log = (message: string) => void;

export async function ensureCatalog(handle: DbHandle, log: Log = () => {}): Promise<boolean> {
  const rows = await handle.raw.query<{ value: string }>(`select value from app_meta where key = 'catalog_hash'`);
  if (rows[0]?.value === CATALOG_HASH) return false;
  await handle.raw.transaction(async (tx) => {
    await syncCatalog(tx);
    await tx.query(
      `insert into app_meta (key, value) values ('catalog_hash', $1)
       on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [CATALOG_HASH],
    );
  });
  log(`catalog synced (${benchmarks.length} benchmarks, ${models.length} models, ${configs.length} configurations)`);
  return true;
}

export interface SeedOptions {
  dataDir: string;
  questionsPerDataset: number;
  log?: Log;
  onProgress?: (p: IngestProgress) => void;
}

/** Generate the demo artifacts into DATA_DIR/demo-runs and ingest them as provenance `demo`. */
export async function seedDemo(handle: DbHandle, opts: SeedOptions) {
  const log = opts.log ?? (() => {});
  const dir = path.join(opts.dataDir, "demo-runs");
  const t0 = Date.now();
  const { generateDemoRuns } = await import("../demo");
  const gen = await generateDemoRuns(dir, { questionsPerDataset: opts.questionsPerDataset });
  log(`demo data: generated ${gen.runs} runs, ${gen.rows} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = Date.now();
  const report = await ingestPaths(handle.raw, [path.join(dir, "runs")], { provenance: "demo", onProgress: opts.onProgress });
  log(`demo data: ingested ${report.runs.length} runs, ${report.rowsInserted} rows in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  return report;
}

export interface PrepareOptions {
  migrate: boolean;
  seedDemo: boolean;
  dataDir: string;
  questionsPerDataset: number;
  log?: Log;
}

export async function prepareDatabase(handle: DbHandle, opts: PrepareOptions): Promise<void> {
  const log = opts.log ?? (() => {});
  if (opts.migrate) await migrateDb(handle);
  await ensureCatalog(handle, log);
  if (!opts.seedDemo) return;
  // Seed an empty database, or finish a seed that was interrupted (the server killed while
  // loading): each run is all-or-nothing and the ingest skips what is stored already.
  const seed = await handle.raw.query<{ value: string }>(`select value from app_meta where key = 'demo_seed'`);
  if (seed[0]?.value !== "started") {
    const [{ n }] = await handle.raw.query<{ n: number }>(`select count(*)::int as n from runs`);
    if (Number(n) > 0) return;
  } else {
    log("demo data: the last seed was interrupted; completing it");
  }
  await setMeta(handle, "demo_seed", "started");
  let last = 0;
  await seedDemo(handle, {
    dataDir: opts.dataDir,
    questionsPerDataset: opts.questionsPerDataset,
    log,
    onProgress: (p) => {
      const pct = Math.floor((100 * p.runsDone) / Math.max(1, p.runsTotal));
      if (pct >= last + 10) {
        last = pct;
        log(`demo data: loading ${pct}% (${p.runsDone}/${p.runsTotal} runs, ${p.rows} rows)`);
      }
    },
  });
  await setMeta(handle, "demo_seed", "done");
}

async function setMeta(handle: DbHandle, key: string, value: string): Promise<void> {
  await handle.raw.query(
    `insert into app_meta (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [key, value],
  );
}
