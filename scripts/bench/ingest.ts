// Benchmark (not a test): ingest throughput against the physical limit, on the real PostgreSQL.
//
//   npx tsx scripts/bench/ingest.ts [--sizes 10000,100000,1000000] [--rows-per-run 5000]
//                                   [--big-file-gb 2] [--base-url postgres://postgres@127.0.0.1:5432/postgres]
//
// For each size N: write N rollouts as Gen A artifacts with realistic transcripts (~3 KB a line),
// ingest them with the CLI (`scripts/ingest.ts`, a child process, peak RSS from /proc) into a fresh
// database, then export exactly the rows it wrote, empty the two row tables and time a raw COPY of
// the same rows from the prepared files into the same tables: the physical limit. Reports rows/s
// for both and the ratio. `--big-file-gb` adds one run with a single results.jsonl of that size
// (peak RSS must stay flat). Databases and files are removed afterwards.
import { createReadStream } from "node:fs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { ingestCli, line, withDatabase, writeCorpus } from "./corpus";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000,1000000" },
    "rows-per-run": { type: "string", default: "5000" },
    "big-file-gb": { type: "string", default: "0" },
    "corpus-only": { type: "string" },
    "base-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
  },
});
const baseUrl = values["base-url"]!;

/** The same rows, COPYed raw from prepared files into the same tables (indexes and keys as in production). */
async function rawCopy(url: string, work: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // Exported by the server itself (it runs on this machine), then streamed back by the client.
    const files: Record<string, string> = {};
    fs.chmodSync(work, 0o777);
    for (const table of ["rollouts", "transcripts"]) {
      files[table] = path.join(work, `${table}.csv`);
      await sql.unsafe(`copy ${table} to '${files[table]}' with (format csv)`);
    }
    await sql.unsafe(`truncate rollouts, transcripts`);
    await sql.unsafe(`checkpoint`);
    const t0 = process.hrtime.bigint();
    await sql.begin(async (tx) => {
      for (const table of ["rollouts", "transcripts"]) {
        await pipeline(createReadStream(files[table], { highWaterMark: 1 << 20 }), await tx.unsafe(`copy ${table} from stdin with (format csv)`).writable());
      }
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    for (const f of Object.values(files)) fs.rmSync(f);
    return seconds;
  } finally {
    await sql.end();
  }
}

async function main() {
  const sizes = values.sizes!.split(",").map((s) => Number(s.trim())).filter((n) => n > 0);
  const perRun = Number(values["rows-per-run"]);
  const cases: { label: string; rows: number; perRun: number }[] = sizes.map((n) => ({ label: `${n.toLocaleString("en-US")} rollouts`, rows: n, perRun }));
  if (values["corpus-only"]) {
    // Write the first size's artifacts to a folder and stop (for profiling the ingest by hand).
    const c = await writeCorpus(values["corpus-only"], sizes[0], perRun);
    console.log(`wrote ${c.runs} runs, ${Math.round(c.bytes / 1048576)} MB to ${values["corpus-only"]}`);
    return;
  }
  const bigGb = Number(values["big-file-gb"]);
  if (bigGb > 0) {
    const rows = Math.round((bigGb * 1024 ** 3) / (line(0, 1).length + 1));
    cases.push({ label: `one ${bigGb} GB results.jsonl`, rows, perRun: rows });
  }
  console.log(`ingest benchmark on ${new URL(baseUrl).host} · ${os.cpus().length} cores · Node ${process.version}`);
  const results = [];
  for (const c of cases) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "mm-bench-ingest-"));
    try {
      const corpus = await writeCorpus(work, c.rows, c.perRun);
      const r = await withDatabase(baseUrl, `mm_bench_ingest_${process.pid}`, async (url) => {
        const ingest = await ingestCli(work, url);
        const summary = JSON.parse(ingest.out.trim().split("\n").pop()!);
        if (summary.loaded !== corpus.runs) throw new Error(`loaded ${summary.loaded} of ${corpus.runs} runs`);
        const raw = await rawCopy(url, work);
        return { ingest, raw };
      });
      const ingestRate = c.rows / r.ingest.seconds;
      const rawRate = c.rows / r.raw;
      const row = {
        case: c.label, runs: corpus.runs, mb: Math.round(corpus.bytes / 1048576), ingestSeconds: +r.ingest.seconds.toFixed(1),
        ingestRowsPerS: Math.round(ingestRate), rawCopySeconds: +r.raw.toFixed(1), rawRowsPerS: Math.round(rawRate),
        ratio: +(ingestRate / rawRate).toFixed(2), peakRssMb: Math.round(r.ingest.peakRssMb),
      };
      results.push(row);
      console.log(
        `${row.case.padEnd(28)} ${String(row.runs).padStart(4)} runs ${String(row.mb).padStart(6)} MB | ingest ${row.ingestSeconds}s ` +
          `${row.ingestRowsPerS.toLocaleString("en-US")} rows/s | raw COPY ${row.rawCopySeconds}s ${row.rawRowsPerS.toLocaleString("en-US")} rows/s | ` +
          `ratio ${row.ratio} | peak RSS ${row.peakRssMb} MB`,
      );
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  console.log(JSON.stringify(results));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
