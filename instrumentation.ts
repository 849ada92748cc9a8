// Runs once when the Next.js server starts, before it answers requests: the database is migrated,
// the catalog synced and (on an empty embedded database) the demo data generated and loaded.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startDatabase } = await import("./lib/setup/start");
  await startDatabase();
}
