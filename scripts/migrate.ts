// npm run db:migrate — apply pending migrations (and sync the catalog) on DATABASE_URL or the
// embedded PGlite. Takes the PGlite lock, so it refuses to run while the server holds the database.
import { openDb } from "../lib/db";
import { getEnv } from "../lib/env";
import { prepareDatabase } from "../lib/setup/prepare";

async function main() {
  const env = getEnv();
  const handle = await openDb({ url: env.DATABASE_URL, pgliteDir: env.pgliteDir });
  try {
    await prepareDatabase(handle, {
      migrate: true,
      seedDemo: process.argv.includes("--seed") && env.seedDemo,
      dataDir: env.DATA_DIR,
      questionsPerDataset: env.DEMO_QUESTIONS,
      log: (m) => console.log(m),
    });
    console.log(`migrated ${handle.location}`);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
