// npm run db:search-index [-- --drop] — create (or drop) the trigram indexes that make the sample
// browser's text search fast on large PostgreSQL databases (lib/queries/samples.ts uses them as
// soon as they exist). Optional because they are expensive: on the 2-core reference machine they
// take ~4 minutes and ~1 GB per million rollouts with ~3 KB transcripts, and slow every later
// ingest. Without them a search reads the run's transcripts (~100 ms for a 5 000-row run).
// PostgreSQL only (DATABASE_URL); built CONCURRENTLY, so the site keeps serving meanwhile.
import postgres from "postgres";
import { getEnv } from "../lib/env";
import { SEARCH_INDEXES } from "../lib/queries/samples";

async function main() {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    console.error("db:search-index needs DATABASE_URL (PostgreSQL); the embedded database searches fast enough without it.");
    process.exit(2);
  }
  const sql = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    if (process.argv.includes("--drop")) {
      for (const name of SEARCH_INDEXES) await sql.unsafe(`drop index concurrently if exists ${name}`);
      console.log(`dropped ${SEARCH_INDEXES.join(", ")}`);
      return;
    }
    await sql.unsafe(`create extension if not exists pg_trgm`);
    await sql.unsafe(`create extension if not exists btree_gin`);
    await sql.unsafe(`set maintenance_work_mem = '512MB'`);
    const columns: Record<(typeof SEARCH_INDEXES)[number], string> = {
      transcripts_prompt_trgm: "prompt",
      transcripts_completion_trgm: "completion",
    };
    for (const name of SEARCH_INDEXES) {
      const t0 = Date.now();
      // A failed concurrent build leaves an INVALID index behind: drop it and build again.
      await sql.unsafe(`drop index concurrently if exists ${name}`);
      await sql.unsafe(`create index concurrently ${name} on transcripts using gin (run_id, (${columns[name]}::text) gin_trgm_ops)`);
      console.log(`created ${name} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await sql.end();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
