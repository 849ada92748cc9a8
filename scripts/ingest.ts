// npm run ingest -- <path>... [--alias <config>] [--format A|A1|C] [--dry-run] [--json] [--demo]
// Loads Medmarks run artifacts into DATABASE_URL or the embedded PGlite. Each run is loaded
// whole or not at all; a bad run is reported (file, line, field) and the others go on.
import path from "node:path";
import { parseArgs } from "node:util";
import { openDb } from "../lib/db";
import { DataDirInUseError } from "../lib/db/lock";
import { getEnv } from "../lib/env";
import { formatProgress, ingestPaths, toJsonSummary, type IngestProgress, type PathsReport } from "../lib/ingest";
import type { RunFormat } from "../lib/ingest/metadata";
import { refreshBoards } from "../lib/boards/refresh";
import { warmViews } from "../lib/boards/warm";
import { prepareDatabase } from "../lib/setup/prepare";
import { readServerInfo, type ServerInfo } from "../lib/setup/server-info";

const HELP = `usage: npm run ingest -- <path>... [options]

  <path>             a folder searched recursively for runs (metadata.json + results.jsonl folders,
                     run_manifest.json with its job folders, *.parquet), a .parquet file, or a
                     .zip / .tar.gz / .tar archive of such a tree (unpacked safely first)
  --alias <name>     configuration alias for every run given (default: manifest alias, else
                     matched from the catalog on provider id + reasoning effort)
  --format <f>       force the artifact format: A (bench tree), A1 (single run), B (run manifest
                     job), C (earliest, Sept 2025), parquet
  --dry-run          validate and report what would be loaded; write nothing
  --json             print one machine-readable summary on stdout
  --demo             mark the runs as synthetic demo data (provenance "demo")
  --group-rows <n>   rows held in memory before a write (default 5000): small runs are written
                     together up to this size; a larger run is streamed in chunks of this size

Exit code: 0 when every run was loaded or already present, 1 when any run was rejected.
`;

const FORMATS = new Set(["A", "A1", "B", "C", "parquet"]);

function printHuman(report: PathsReport, dryRun: boolean, seconds: number, location: string) {
  for (const s of report.skipped) console.log(`skipped    job ${s.jobId} of ${s.manifest}: ${s.reason}`);
  for (const r of report.runs) {
    const rows = r.expectedRows !== null ? `${r.observedRows}/${r.expectedRows} rows` : `${r.observedRows} rows`;
    const label =
      r.outcome === "rejected" ? "REJECTED" : r.outcome === "duplicate" ? "already" : r.outcome === "valid" ? "valid" : (r.status ?? "");
    const id = r.runId !== null ? `run ${r.runId}  ` : "";
    console.log(`${label.padEnd(10)} ${id}${r.config ?? "?"}  ${r.dataset ?? "?"}  [${r.format}] ${r.outcome === "rejected" ? "" : rows}`);
    if (r.outcome === "duplicate") console.log(`           already ingested (same content)`);
    if (r.supersedes) console.log(`           supersedes run ${r.supersedes}`);
    for (const c of r.newCatalogEntries) console.log(`           not in catalog${dryRun ? ", would create" : ", created"}: ${c}`);
    for (const w of r.warnings) console.log(`           warning: ${w}`);
    for (const e of r.errors) {
      console.log(`           error: ${e.file}${e.line !== null ? `:${e.line}` : ""}${e.field ? ` field "${e.field}"` : ""}: ${e.message}`);
    }
  }
  const s = toJsonSummary(report);
  const verb = dryRun ? "would load" : "loaded";
  const rows = dryRun ? report.runs.filter((r) => r.outcome === "valid").reduce((n, r) => n + r.observedRows, 0) : report.rowsInserted;
  console.log(
    `${verb} ${s.loaded} runs (${rows.toLocaleString("en-US")} rows), ${s.already} already ingested, ` +
      `${s.rejected} rejected${dryRun ? "" : ` into ${location}`} in ${seconds.toFixed(1)} s`,
  );
  const rejected = report.runs.filter((r) => r.outcome === "rejected");
  if (rejected.length) {
    console.log(`\nrejected runs (nothing of them was written):`);
    for (const r of rejected) console.log(`  ${r.dir}: ${r.errors.map((e) => e.message).join("; ")}`);
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      alias: { type: "string" },
      format: { type: "string" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
      demo: { type: "boolean" },
      "group-rows": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || positionals.length === 0) {
    process.stdout.write(HELP);
    process.exit(values.help ? 0 : 2);
  }
  if (values.format && !FORMATS.has(values.format)) {
    console.error(`--format must be one of ${[...FORMATS].join(", ")}`);
    process.exit(2);
  }
  const dryRun = values["dry-run"] === true;
  const env = getEnv();
  const t0 = Date.now();
  const tty = process.stderr.isTTY && !values.json;
  let lastPrint = 0;
  // Non-terminal output: a progress line every 5 s (INGEST_PROGRESS_MS overrides, 0 = every step).
  const interval = tty ? 200 : Number(process.env.INGEST_PROGRESS_MS ?? 5000);
  const onProgress = (p: IngestProgress) => {
    if (values.json) return;
    const now = Date.now();
    if (now - lastPrint < interval && p.current !== null) return;
    lastPrint = now;
    const line = formatProgress(p, (now - t0) / 1000);
    process.stderr.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
  };
  const options = {
    provenance: values.demo ? ("demo" as const) : ("official" as const),
    alias: values.alias,
    format: values.format as RunFormat | undefined,
    dryRun,
    groupRows: values["group-rows"] ? Number.parseInt(values["group-rows"], 10) : undefined,
  };
  const finish = (report: PathsReport, location: string) => {
    if (tty) process.stderr.write("\n");
    if (values.json) process.stdout.write(JSON.stringify(toJsonSummary(report)) + "\n");
    else printHuman(report, dryRun, (Date.now() - t0) / 1000, location);
    process.exitCode = report.runs.some((r) => r.outcome === "rejected") ? 1 : 0;
  };

  let handle;
  try {
    handle = await openDb({ url: env.DATABASE_URL, pgliteDir: env.pgliteDir });
  } catch (e) {
    // The embedded database has one writer: when the running server holds it, hand the runs over.
    const server = e instanceof DataDirInUseError ? readServerInfo(env.DATA_DIR) : null;
    if (!server || !(e instanceof DataDirInUseError) || server.pid !== e.pid) throw e;
    if (!values.json) console.error(`the embedded database is held by the running server (pid ${server.pid}): handing the ingest to ${server.origin}`);
    const { provenance, ...rest } = options;
    const report = await handOff(server, { ...rest, demo: provenance === "demo", paths: positionals.map((p) => path.resolve(p)) }, onProgress);
    finish(report, `the server's embedded database (${server.origin})`);
    return;
  }
  try {
    if (!dryRun) {
      await prepareDatabase(handle, { migrate: true, seedDemo: false, dataDir: env.DATA_DIR, questionsPerDataset: env.DEMO_QUESTIONS });
    }
    const report = await ingestPaths(handle.raw, positionals, { ...options, onProgress });
    if (!dryRun && report.runs.some((r) => r.outcome === "inserted")) {
      // The boards read precomputed results: compute the new snapshot's now, not on the first page view.
      await refreshBoards(handle.raw, values.json ? undefined : (m) => console.error(m));
      // And the snapshot's stored views (order bias takes about a minute at full scale), so the
      // server's first visitor does not wait for them.
      await warmViews(handle.raw, values.json ? undefined : (m) => console.error(m));
    }
    finish(report, handle.location);
  } finally {
    await handle.close();
  }
}

/** POST the ingest to the server that holds the embedded database; follow its NDJSON progress. */
async function handOff(server: ServerInfo, body: Record<string, unknown>, onProgress: (p: IngestProgress) => void): Promise<PathsReport> {
  const res = await fetch(`${server.origin}/api/internal/ingest`, {
    method: "POST",
    headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok || !res.body) throw new Error(`the server answered ${res.status}: ${await res.text()}`);
  let buffered = "";
  let report: PathsReport | null = null;
  const decoder = new TextDecoder();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const msg = JSON.parse(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
      if (msg.type === "progress") onProgress(msg.progress);
      else if (msg.type === "report") report = msg.report;
      else if (msg.type === "error") throw new Error(`the server's ingest failed: ${msg.message}`);
    }
  }
  if (!report) throw new Error("the server closed the connection before reporting");
  return report;
}

main().catch((e) => {
  if (process.stderr.isTTY) process.stderr.write("\n");
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
