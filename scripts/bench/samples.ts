// Benchmark (not a test): server-side latency of the sample browser on the real PostgreSQL.
//
//   npx tsx scripts/bench/samples.ts [--rollouts 1000000] [--rows-per-run 5000] [--iterations 300]
//                                    [--keep] [--base-url postgres://postgres@127.0.0.1:5432/postgres]
//
// Writes N rollouts as Gen A artifacts (~3 KB transcripts), ingests them with the CLI into a
// database `mm_bench_samples_<N>` (reused when it already holds exactly N rollouts and `--keep` was
// given before), then times the query functions the pages call, in-process, warm:
//   list first page · list deep page (keyset, ~page 60 of a 5 000-row run) · list filtered
//   (wrong answers, sorted by output tokens) · text search · the sample page.
// Each case runs `--iterations` times over random runs; reports p50/p99/max in ms against the
// goal p99 ≤ 50 ms.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { postgresRaw, type RawClient } from "../../lib/db/raw";
import { getSample } from "../../lib/queries/sample";
import { listSamples, parseSampleParams } from "../../lib/queries/samples";
import { ingestCli, withDatabase, writeCorpus } from "./corpus";

const { values } = parseArgs({
  options: {
    rollouts: { type: "string", default: "1000000" },
    "rows-per-run": { type: "string", default: "5000" },
    iterations: { type: "string", default: "300" },
    keep: { type: "boolean", default: false },
    "base-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
  },
});
const baseUrl = values["base-url"]!;
const total = Number(values.rollouts);
const perRun = Number(values["rows-per-run"]);
const iterations = Number(values.iterations);
const GOAL_P99_MS = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A tiny deterministic PRNG so runs of the benchmark pick the same runs and pages. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

async function countRollouts(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = await sql`select count(*)::bigint as n from rollouts`;
    return Number(n);
  } catch {
    return -1;
  } finally {
    await sql.end();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  const sql = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    return rows.length > 0;
  } finally {
    await sql.end();
  }
}

async function prepare(url: string): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "mm-bench-samples-"));
  try {
    const t0 = Date.now();
    const corpus = await writeCorpus(work, total, perRun);
    console.log(`corpus: ${corpus.runs} runs, ${Math.round(corpus.bytes / 1048576)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const ingest = await ingestCli(work, url);
    console.log(`ingest: ${ingest.seconds.toFixed(1)} s, peak RSS ${Math.round(ingest.peakRssMb)} MB`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function time(label: string, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await fn(i); // warm-up: plan cache, buffers
  const ms: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const row = { case: label, p50: +percentile(ms, 50).toFixed(2), p99: +percentile(ms, 99).toFixed(2), max: +ms[ms.length - 1].toFixed(2) };
  console.log(`${label.padEnd(44)} p50 ${String(row.p50).padStart(7)} ms · p99 ${String(row.p99).padStart(7)} ms · max ${String(row.max).padStart(7)} ms · p99/goal ${(row.p99 / GOAL_P99_MS).toFixed(2)}`);
  return row;
}

async function measure(url: string) {
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  const raw: RawClient = postgresRaw(sql);
  try {
    const runs = (await raw.query<{ id: number; n: number }>(`select id, observed_rows as n from runs where status = 'published' order by id`)).map((r) => ({ id: Number(r.id), n: Number(r.n) }));
    const [{ n: rollouts }] = await raw.query<{ n: string }>(`select count(*)::bigint as n from rollouts`);
    const [{ size }] = await raw.query<{ size: string }>(`select pg_size_pretty(pg_database_size(current_database())) as size`);
    console.log(`database: ${Number(rollouts).toLocaleString("en-US")} rollouts in ${runs.length} runs, ${size}`);
    const pick = rng(20261126);
    const randomRun = () => runs[Math.floor(pick() * runs.length)];

    // Deep-page cursors: walk each chosen run's pages once (outside the timing), keep the ~60th.
    const deep: { run: number; search: URLSearchParams }[] = [];
    for (let i = 0; i < 20; i++) {
      const run = randomRun();
      let search = new URLSearchParams({ sort: "reward", dir: "desc" });
      for (let page = 0; page < 60; page++) {
        const res = await listSamples(run.id, parseSampleParams(search), raw);
        if (!res.nextCursor) break;
        search = new URLSearchParams({ sort: "reward", dir: "desc", after: res.nextCursor });
      }
      deep.push({ run: run.id, search });
    }

    const results = [];
    results.push(await time("sample list, first page (by id)", () => listSamples(randomRun().id, parseSampleParams(new URLSearchParams()), raw)));
    results.push(await time("sample list, deep page (~#60, by reward)", (i) => {
      const d = deep[i % deep.length];
      return listSamples(d.run, parseSampleParams(d.search), raw);
    }));
    results.push(await time("sample list, filtered (wrong, by tokens desc)", () =>
      listSamples(randomRun().id, parseSampleParams(new URLSearchParams({ outcome: "wrong", sort: "tokens", dir: "desc" })), raw)));
    results.push(await time("sample list, filtered (truncated + parsed≠gold)", () =>
      listSamples(randomRun().id, parseSampleParams(new URLSearchParams({ truncated: "1", mismatch: "1" })), raw)));
    results.push(await time("sample list, text search ('aortic dissection')", () =>
      listSamples(randomRun().id, parseSampleParams(new URLSearchParams({ q: "aortic dissection" })), raw)));
    results.push(await time("sample page", () => {
      const run = randomRun();
      return getSample(run.id, String(Math.floor(pick() * run.n)), 0, raw);
    }));
    console.log(JSON.stringify({ rollouts: Number(rollouts), runs: runs.length, databaseSize: size, goalP99Ms: GOAL_P99_MS, results }));
  } finally {
    await sql.end();
  }
}

async function main() {
  const name = `mm_bench_samples_${total}`;
  console.log(`sample-browser benchmark on ${new URL(baseUrl).host} · ${os.cpus().length} cores · Node ${process.version}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  if (values.keep && (await databaseExists(name)) && (await countRollouts(url.toString())) === total) {
    console.log(`reusing database ${name}`);
    await measure(url.toString());
    return;
  }
  await withDatabase(baseUrl, name, async (u) => {
    await prepare(u);
    await measure(u);
  }, values.keep);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
