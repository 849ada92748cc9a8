/**
 * Databases for integration tests. A PostgreSQL test database is created fresh per call and
 * dropped on close.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDb, type DbHandle } from "./index";
import { migrateDb } from "./migrate";

export type TestHandle = DbHandle & { /** Connection string of a PostgreSQL test database. */ url?: string };

export interface TestDatabase {
  name: "pglite" | "postgres";
  open(): Promise<TestHandle>;
}

async function freshPostgres(baseUrl: string): Promise<TestHandle> {
  const name = `mm_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString(), poolMax: 4 });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const a = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * The databases integration suites run on: in-memory PGlite, or — when TEST_DATABASE_URL is set —
 * that PostgreSQL server instead (CI runs `npm test` once each way; TEST_PGLITE=1 keeps both).
 */
export function testDatabases(): TestDatabase[] {
  const url = process.env.TEST_DATABASE_URL;
  const list: TestDatabase[] = [];
  if (!url || process.env.TEST_PGLITE === "1") list.push({ name: "pglite", open: () => openDb({ pgliteDir: "memory://" }) });
  if (url) list.push({ name: "postgres", open: () => freshPostgres(url) });
  return list;
}

/** Open and migrate a test database. */
export async function openMigrated(db: TestDatabase): Promise<DbHandle> {
  const handle = await db.open();
  await migrateDb(handle);
  return handle;
}
