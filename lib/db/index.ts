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

export async function openDb(opts: OpenOptions): Promise<DbHandle> {
  if (opts.url) {
    const sql = postgres(opts.url, {
      max: opts.poolMax ?? 10,
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
