// npm run ingest -- <path>... [--alias <config>] [--demo]
// Loads Medmarks run artifacts (a folder tree of runs) into DATABASE_URL or the embedded PGlite,
// in one transaction: on any error nothing is written and the problem is named by file/line/field.
import { parseArgs } from "node:util";
import { openDb } from "../lib/db";
import { getEnv } from "../lib/env";
import { IngestError, ingestPaths, type IngestProgress } from "../lib/ingest";
import { prepareDatabase } from "../lib/setup/prepare";

const HELP = `usage: npm run ingest -- <path>... [--alias <config>] [--demo]

  <path>          a folder holding runs (metadata.json + results.jsonl), searched recursively
  --alias <name>  configuration alias for every run given (default: matched from the catalog)
  --demo          mark the runs as synthetic demo data (provenance "demo")
`;

function bar(p: IngestProgress): string {
  const width = 30;
  const done = Math.round((width * p.runsDone) / Math.max(1, p.runsTotal));
  return `[${"#".repeat(done)}${".".repeat(width - done)}] ${p.runsDone}/${p.runsTotal} runs, ${p.rows.toLocaleString("en-US")} rows`;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { alias: { type: "string" }, demo: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help || positionals.length === 0) {
    process.stdout.write(HELP);
    process.exit(values.help ? 0 : 2);
  }
  const env = getEnv();
  const handle = await openDb({ url: env.DATABASE_URL, pgliteDir: env.pgliteDir });
  const t0 = Date.now();
  const tty = process.stderr.isTTY;
  let lastPrint = 0;
  try {
    await prepareDatabase(handle, { migrate: true, seedDemo: false, dataDir: env.DATA_DIR, questionsPerDataset: env.DEMO_QUESTIONS });
    const report = await ingestPaths(handle.raw, positionals, {
      provenance: values.demo ? "demo" : "official",
      alias: values.alias,
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastPrint < (tty ? 100 : 2000) && p.runsDone !== p.runsTotal) return;
        lastPrint = now;
        process.stderr.write(tty ? `\r${bar(p)}` : `${bar(p)}\n`);
      },
    });
    if (tty) process.stderr.write("\n");
    for (const r of report.runs) {
      const completeness = r.expectedRows ? ` ${r.observedRows}/${r.expectedRows} rows` : ` ${r.observedRows} rows`;
      const extra = r.outcome === "duplicate" ? " (already ingested)" : r.supersedes ? ` (supersedes run ${r.supersedes})` : "";
      console.log(`${r.status.padEnd(10)} run ${r.runId}  ${r.config}  ${r.dataset}  [${r.format}]${completeness}${extra}`);
      for (const c of r.newCatalogEntries) console.log(`           not in catalog, created: ${c}`);
    }
    const inserted = report.runs.filter((r) => r.outcome === "inserted").length;
    console.log(
      `ingested ${inserted} runs (${report.runs.length - inserted} already present), ${report.rowsInserted.toLocaleString("en-US")} rows ` +
        `into ${handle.location} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  if (process.stderr.isTTY) process.stderr.write("\n");
  if (e instanceof IngestError) console.error(`error: ${e.message}\nnothing was written.`);
  else console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
