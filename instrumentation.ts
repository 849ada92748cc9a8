// Runs once when the Next.js server starts, before it answers requests: the database is migrated,
// the catalog synced and (on an empty embedded database) the demo data generated and loaded.
// When that fails (database unreachable, embedded data dir held by another process) the server
// still starts, answers 503 "database unavailable, retrying" and retries with backoff by itself.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startDatabase } = await import("./lib/setup/start");
  await startDatabase();
}

// A page or route failed: when the cause is a lost database connection, mark the database
// unavailable (the following requests get a 503 at once) and start probing until it answers.
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteQueryError } = await import("./lib/db/availability");
  noteQueryError(error);
}
