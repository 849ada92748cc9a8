import { ensureDemoAdmin } from "../auth/demo-admin";
import { refreshBoards } from "../boards/refresh";
import { warmViews } from "../boards/warm";
import { getDbHandle, type DbHandle } from "../db";
import { backoffMs, describeDbError, markReady, markStarting, markUnavailable, onRecoverNeeded } from "../db/availability";
import { publishGeneration } from "../page-cache/generation";
import { getEnv } from "../env";
import { cleanStaleFiles } from "./cleanup";
import { prepareDatabase } from "./prepare";
import { localOrigin, writeServerInfo } from "./server-info";

const log = (m: string) => console.log(`[medmarks] ${m}`);

/** One start attempt: open the process-wide handle and prepare it, logging each step. */
async function startOnce(): Promise<DbHandle> {
  const env = getEnv();
  const t0 = Date.now();
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
  return handle;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref?.());

export interface RetryOptions {
  /** Backoff cap (ms). */
  maxDelayMs?: number;
  /** Stop after this many failed attempts (default: never). */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<unknown>;
  /** Called after each failed attempt (1-based). */
  onFailure?: (attempt: number, error: unknown) => void;
}

/**
 * Run `attempt` until it succeeds, marking the database unavailable (with the reason and the time
 * of the next attempt) after each failure and ready after the success. Returns the result, or
 * throws the last error when `maxAttempts` is reached.
 */
export async function retryUntilReady<T>(what: string, attempt: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const wait = opts.sleep ?? sleep;
  for (let n = 1; ; n++) {
    try {
      const out = await attempt();
      markReady();
      if (n > 1) log(`${what}: recovered after ${n - 1} failed attempt${n > 2 ? "s" : ""}`);
      return out;
    } catch (e) {
      const delay = backoffMs(n, opts.maxDelayMs);
      markUnavailable(e, Date.now() + delay);
      opts.onFailure?.(n, e);
      if (opts.maxAttempts !== undefined && n >= opts.maxAttempts) throw e;
      console.error(`[medmarks] ${what} failed (attempt ${n}): ${describeDbError(e)}; retrying in ${(delay / 1000).toFixed(1)} s`);
      await wait(delay);
    }
  }
}

type Global = typeof globalThis & { __medmarksRecovering?: Promise<unknown> };

/** After a connection error while serving: probe with `select 1` (backoff) until it answers. */
function recover(): void {
  const g = globalThis as Global;
  if (g.__medmarksRecovering) return;
  // Probe often (at most every 2 s): a restarting PostgreSQL is usually back within seconds.
  g.__medmarksRecovering = retryUntilReady(
    "database connection",
    async () => {
      const handle = await getDbHandle();
      await handle.raw.query(`select 1`);
    },
    { maxDelayMs: 2000 },
  ).finally(() => {
    g.__medmarksRecovering = undefined;
  });
}

/**
 * Server start (instrumentation register()). The first attempt is awaited, so a healthy server
 * answers only once the database is ready, as before. When it fails (PostgreSQL unreachable,
 * the embedded data dir held by another process, ...) the server still comes up: every page and
 * API route answers 503 "database unavailable, retrying" (proxy.ts) while the start is retried
 * with backoff in the background; the first success makes the site serve, with no restart.
 */
export async function startDatabase(): Promise<void> {
  markStarting();
  onRecoverNeeded(recover);
  try {
    cleanStaleFiles(getEnv().DATA_DIR, log);
  } catch (e) {
    console.error(`[medmarks] cleaning stale temporary files failed: ${(e as Error).message}`);
  }
  let firstFailure = () => {};
  const failed = new Promise<void>((r) => (firstFailure = r));
  const started = retryUntilReady("database start", startOnce, { onFailure: () => firstFailure() }).then((handle) => {
    void warmViews(handle.raw, log); // in the background: the site already serves
  });
  // Wait for the first attempt only: on failure, register() returns and the server answers 503
  // until the retries succeed.
  await Promise.race([started, failed]);
}
