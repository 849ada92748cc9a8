/**
 * The one database entry point. postgres.js when DATABASE_URL is set, else embedded PGlite in
 * DATA_DIR/pglite (guarded by a pid lock). Plain TypeScript: usable from Next, scripts and tests.
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { getEnv } from "../env";
import { acquireDirLock } from "./lock";
import { pgliteRaw, postgresRaw, type RawClient } from "./raw";
import * as schema from "./schema";

export { schema };
export type { RawClient, RawTx } from "./raw";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  raw: RawClient;
  kind: "pglite" | "postgres";
  /** Where the data lives, for logs (never includes a password). */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent, PGlite at `pgliteDir`. */
  url?: string;
  /** PGlite data dir or `memory://`. */
  pgliteDir?: string;
  poolMax?: number;
  /** Seconds to wait for a PostgreSQL connection (default 10). */
  connectTimeout?: number;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres";
  }
}

/**
 * Seconds before postgres.js tries to connect again after `retries` failed attempts. Its default
 * grows as 3^n / 100 up to 20 s and counts the failures of every pooled connection together, so
 * after a PostgreSQL restart of a few seconds the queued queries waited 10–20 s more (measured:
 * 18 s). Capped at 1 s (with jitter): queries resume within a second of the server coming back.
 */
export function reconnectBackoff(retries: number): number {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** retries, 1);
}

export async function openDb(opts: OpenOptions): Promise<DbHandle> {
  if (opts.url) {
    const sql = postgres(opts.url, {
      max: opts.poolMax ?? 10,
      // Fail fast when the server cannot be reached (default 30 s): while PostgreSQL restarts, a
      // request then gets a 503 in seconds instead of waiting half a minute for a connection.
      connect_timeout: opts.connectTimeout ?? 10,
      backoff: reconnectBackoff,
      onnotice: () => {},
      // numeric/bigint come back as strings by default; counts are cast in SQL where needed.
    });
    const db = drizzlePostgres({ client: sql, schema }) as unknown as Db;
    return {
      db,
      raw: postgresRaw(sql),
      kind: "postgres",
      location: redact(opts.url),
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const dir = opts.pgliteDir ?? getEnv().pgliteDir;
  const inMemory = dir.startsWith("memory://");
  const release = inMemory ? () => {} : acquireDirLock(dir);
  try {
    if (!inMemory) fs.mkdirSync(dir, { recursive: true });
    if (!inMemory && !fs.existsSync(path.join(dir, "PG_VERSION"))) {
      // A new data dir is initialised in memory and only written out on close: without this, a
      // process killed before closing would lose everything it committed. Create it, close it,
      // reopen it; from then on each commit reaches the files.
      await (await PGlite.create({ dataDir: dir })).close();
    }
    const pg = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
    const db = drizzlePglite({ client: pg, schema }) as unknown as Db;
    return {
      db,
      raw: pgliteRaw(pg),
      kind: "pglite",
      location: inMemory ? dir : `PGlite ${dir}`,
      close: async () => {
        try {
          await pg.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

type Global = typeof globalThis & { __medmarksDb?: Promise<DbHandle> };

/**
 * The process-wide handle used by the app (and shared with instrumentation, which prepares it).
 * Kept on globalThis so every bundle of the server and dev reloads reuse one connection.
 */
export function getDbHandle(): Promise<DbHandle> {
  const g = globalThis as Global;
  if (!g.__medmarksDb) {
    const env = getEnv();
    g.__medmarksDb = openDb({ url: env.DATABASE_URL, pgliteDir: env.pgliteDir, poolMax: env.DB_POOL_MAX });
    g.__medmarksDb.catch(() => {
      g.__medmarksDb = undefined; // let the next request retry (e.g. Postgres was down)
    });
  }
  return g.__medmarksDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
