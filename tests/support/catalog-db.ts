/**
 * Integration-test setup shared by the suites that need a migrated database with the catalog:
 * opens it before the suite, closes (and for PostgreSQL drops) it after.
 */
import { afterAll, beforeAll } from "vitest";
import type { DbHandle } from "../../lib/db";
import { openMigrated, type TestDatabase } from "../../lib/db/test-db";
import { ensureCatalog } from "../../lib/setup/prepare";

/** Returns a getter for the suite's handle (valid inside tests and later hooks). */
export function useCatalogDb(database: TestDatabase, setup?: (h: DbHandle) => Promise<void>): () => DbHandle {
  let h: DbHandle | undefined;
  beforeAll(async () => {
    h = await openMigrated(database);
    await ensureCatalog(h);
    if (setup) await setup(h);
  });
  afterAll(async () => {
    await h?.close();
  });
  return () => {
    if (!h) throw new Error("the test database is not open yet");
    return h;
  };
}
