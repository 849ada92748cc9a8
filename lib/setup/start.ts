import { ensureDemoAdmin } from "../auth/demo-admin";
import { refreshBoards } from "../boards/refresh";
import { warmViews } from "../boards/warm";
import { publishGeneration } from "../page-cache/generation";
import { getDbHandle } from "../db";
import { getEnv } from "../env";
import { prepareDatabase } from "./prepare";
import { localOrigin, writeServerInfo } from "./server-info";

/** Server start: open the process-wide database handle and prepare it, logging each step. */
export async function startDatabase(): Promise<void> {
  const env = getEnv();
  const log = (m: string) => console.log(`[medmarks] ${m}`);
  const t0 = Date.now();
  try {
    const handle = await getDbHandle();
    log(`database: ${handle.location}`);
    await prepareDatabase(handle, {
      migrate: env.DB_AUTO_MIGRATE,
      seedDemo: env.seedDemo,
      dataDir: env.DATA_DIR,
      questionsPerDataset: env.DEMO_QUESTIONS,
      log,
    });
    // Embedded database only (never with DATABASE_URL): a demo admin, its password printed once.
    await ensureDemoAdmin(handle.raw, { enabled: env.demoAdmin && handle.kind === "pglite", log });
    await refreshBoards(handle.raw, log);
    if (handle.kind === "pglite") {
      const origin = localOrigin();
      if (origin) writeServerInfo(env.DATA_DIR, origin); // lets `npm run ingest` hand runs to this server
    }
    publishGeneration(handle.raw); // the page cache in front of Next (scripts/server.ts) keys on it
    log(`database ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    void warmViews(handle.raw, log); // in the background: the site already serves

  } catch (e) {
    console.error(`[medmarks] database start failed: ${(e as Error).message}`);
    throw e;
  }
}
