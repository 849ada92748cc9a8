// Benchmark (not a test): the full-scale rehearsal. A corpus the size of the real Medmarks release
// in the real artifact format, loaded into a real PostgreSQL, then every page and API route timed.
//
//   npx tsx scripts/bench/scale.ts --phase generate|ingest|size|recompute|measure|all
//       [--out /work/scale-corpus] [--database-url postgres://postgres@127.0.0.1:5432/scale_big]
//       [--configs 71] [--questions all|N] [--workers 2] [--requests 20] [--only <url substring>[,...]] [--label <name>]
//
// Phases (each can run alone; `all` runs them in order; each adds its figures to
// <out>/scale-report.json):
// - generate: the synthetic demo generator (lib/demo, real Gen A format:
//   runs/evals/<model>/<env>/<variant>/{metadata.json,results.jsonl}) for `--configs`
//   configurations (the 29 demo ones, then the catalog's others in order) × every variant of both
//   suites (answer orders, subtasks, repeats as lib/catalog defines them) at the real question count
//   of every variant (`--questions all`; the default). 71 × 135,661 questions ≈ 9.6M rollouts, the
//   demo's short synthetic transcripts (~1.3 KB a row). `--workers` processes write disjoint runs;
//   each generates one dataset at a time (bounded memory).
// - ingest: creates the database if missing and runs the real ingest CLI (scripts/ingest.ts, a child
//   process; peak RSS from /proc) on the corpus: wall time, rows/s, runs loaded/rejected, and the
//   board and stored-view computations the CLI runs after loading (first compute at this size).
// - size: database size, total and per table (pg_total_relation_size), rows per table, bytes per rollout.
// - recompute: deletes the current snapshot's stored boards and views and times refreshBoards and
//   warmViews again (each board and each view separately), as the app does after an ingest.
// - measure: the built app (`npx next build` first) against the database; every page and API GET
//   route found under app/ (auth/submission routes that need a session are skipped and listed):
//   one cold request, then `--requests` sequential requests with `Cache-Control: no-cache`;
//   p50/p99 per route, routes with p99 > 1 s flagged.
// Prints a table per phase and ends with one JSON line.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import * as catalog from "../../lib/catalog";
import { generateDemoRuns } from "../../lib/demo/generate";
import { fillPattern, listAppRoutes, parseRecomputeLog, percentile, selectAliases } from "./scale-helpers";

const ROOT = path.resolve(import.meta.dirname, "../..");

const { values } = parseArgs({
  options: {
    phase: { type: "string", default: "all" },
    out: { type: "string", default: "/work/scale-corpus" },
    "database-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/scale_big" },
    configs: { type: "string", default: "71" },
    questions: { type: "string", default: "all" },
    workers: { type: "string", default: "2" },
    requests: { type: "string", default: "20" },
    shard: { type: "string" },
    only: { type: "string" },
    label: { type: "string", default: "" },
  },
});
const OUT = path.resolve(values.out!);
const DB_URL = values["database-url"]!;
const REPORT = path.join(OUT, "scale-report.json");

function questionsOpt(): number | "all" {
  return values.questions === "all" ? "all" : Number(values.questions);
}

function aliases(): string[] {
  return selectAliases(
    catalog.configs.map((c) => c.alias),
    Number(values.configs),
  );
}

function record(phase: string, data: unknown) {
  let report: Record<string, unknown> = {};
  try {
    report = JSON.parse(fs.readFileSync(REPORT, "utf8"));
  } catch {
    /* first phase */
  }
  report[phase] = { ...(data as object), at: new Date().toISOString() };
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(REPORT, `${JSON.stringify(report, null, 1)}\n`);
}

function table(rows: Record<string, unknown>[]) {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]);
  const cells = rows.map((r) => cols.map((c) => String(r[c] ?? "")));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  console.log(cols.map((c, i) => c.padEnd(widths[i])).join("  "));
  for (const r of cells) console.log(r.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join("  "));
}

const mb = (b: number) => (b / 1024 ** 2).toFixed(1);

// ---------------------------------------------------------------------------------------------
// generate

async function shard() {
  const [index, count] = values.shard!.split("/").map(Number);
  const t0 = Date.now();
  let last = 0;
  const res = await generateDemoRuns(OUT, {
    questionsPerDataset: questionsOpt(),
    aliases: aliases(),
    shard: { index, count },
    onProgress: (done, total) => {
      if (Date.now() - last > 15_000 || done === total) {
        last = Date.now();
        console.error(`shard ${index}/${count}: ${done}/${total} runs (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      }
    },
  });
  process.stdout.write(`${JSON.stringify(res)}\n`);
}

async function generate() {
  const runsDir = path.join(OUT, "runs");
  if (fs.existsSync(runsDir)) {
    if (!fs.existsSync(REPORT)) throw new Error(`${runsDir} exists and is not a scale corpus (no scale-report.json): choose another --out`);
    fs.rmSync(runsDir, { recursive: true, force: true });
  }
  fs.mkdirSync(OUT, { recursive: true });
  const workers = Math.max(1, Number(values.workers));
  const t0 = Date.now();
  const args = ["--import", "tsx", path.join(ROOT, "scripts/bench/scale.ts"), "--phase", "_shard", "--out", OUT, "--configs", values.configs!, "--questions", values.questions!];
  const results = await Promise.all(
    Array.from({ length: workers }, (_, i) =>
      new Promise<{ runs: number; rows: number; bytes: number; peakRssMb: number }>((resolve, reject) => {
        const child = spawn(process.execPath, [...args, "--shard", `${i}/${workers}`], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        let peak = 0;
        const poll = setInterval(() => (peak = Math.max(peak, peakRss(child.pid))), 200);
        child.stdout.on("data", (d) => (out += d));
        child.on("exit", (code) => {
          clearInterval(poll);
          if (code !== 0) reject(new Error(`generator shard ${i} exited ${code}`));
          else resolve({ ...JSON.parse(out.trim().split("\n").pop()!), peakRssMb: peak });
        });
      }),
    ),
  );
  const seconds = (Date.now() - t0) / 1000;
  const runs = results.reduce((s, r) => s + r.runs, 0);
  const rows = results.reduce((s, r) => s + r.rows, 0);
  const bytes = results.reduce((s, r) => s + r.bytes, 0);
  const du = spawnSync("du", ["-sb", runsDir], { encoding: "utf8" }).stdout.split("\t")[0];
  const summary = {
    configs: Number(values.configs),
    questions: values.questions,
    variants: catalog.suiteVariants("V").length + catalog.suiteVariants("OE").length,
    runs,
    rows,
    resultsBytes: bytes,
    diskBytes: Number(du),
    bytesPerRow: Math.round(bytes / rows),
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(rows / seconds),
    workers,
    peakRssMbPerWorker: results.map((r) => Math.round(r.peakRssMb)),
  };
  console.log("\n== generate ==");
  table([
    { what: "runs", value: runs.toLocaleString("en-US") },
    { what: "rollouts", value: rows.toLocaleString("en-US") },
    { what: "results.jsonl (GB)", value: (bytes / 1e9).toFixed(2) },
    { what: "on disk (GB)", value: (Number(du) / 1e9).toFixed(2) },
    { what: "bytes per rollout", value: summary.bytesPerRow },
    { what: "wall time (s)", value: summary.seconds },
    { what: "rollouts/s", value: summary.rowsPerSecond.toLocaleString("en-US") },
    { what: "peak RSS per worker (MB)", value: summary.peakRssMbPerWorker.join(", ") },
  ]);
  record("generate", summary);
  return summary;
}

function peakRss(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return hwm ? Number(hwm[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// ingest

async function ensureDatabase(url: string) {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  u.pathname = "/postgres";
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    const [{ exists }] = await admin<{ exists: boolean }[]>`select exists(select 1 from pg_database where datname = ${name}) as exists`;
    if (!exists) await admin.unsafe(`create database ${name}`);
    return !exists;
  } finally {
    await admin.end();
  }
}

async function ingest() {
  const created = await ensureDatabase(DB_URL);
  const logFile = path.join(OUT, "ingest.log");
  const log = fs.createWriteStream(logFile);
  const t0 = process.hrtime.bigint();
  // Human output (not --json): the summary line and the board/view timings are read from it.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", OUT], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: DB_URL, INGEST_PROGRESS_MS: "30000" },
  });
  let out = "";
  let peak = 0;
  let loadedAt = 0;
  const onData = (d: Buffer) => {
    const s = d.toString();
    out += s;
    log.write(s);
    process.stderr.write(s);
    // The first board line marks the end of loading (recompute starts).
    if (!loadedAt && /^board \w+:/m.test(out)) loadedAt = Number(process.hrtime.bigint() - t0) / 1e9;
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const poll = setInterval(() => (peak = Math.max(peak, peakRss(child.pid))), 100);
  const code = await new Promise<number | null>((r) => child.on("exit", r));
  clearInterval(poll);
  log.end();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /loaded (\d+) runs \(([\d,]+) rows\), (\d+) already ingested, (\d+) rejected/.exec(out);
  if (!m) throw new Error(`ingest exited ${code} without a summary: ${out.slice(-2000)}`);
  const rows = Number(m[2].replace(/,/g, ""));
  const recompute = parseRecomputeLog(out);
  const recomputeMs = Object.values(recompute).reduce((s, x) => s + x, 0);
  const loadSeconds = loadedAt || seconds - recomputeMs / 1000;
  const summary = {
    databaseCreated: created,
    exitCode: code,
    runsLoaded: Number(m[1]),
    runsAlready: Number(m[3]),
    runsRejected: Number(m[4]),
    rows,
    seconds: Math.round(seconds),
    loadSeconds: Math.round(loadSeconds),
    rowsPerSecond: Math.round(rows / loadSeconds),
    peakRssMb: Math.round(peak),
    firstCompute: recompute,
    log: logFile,
  };
  console.log("\n== ingest ==");
  table([
    { what: "runs loaded / already / rejected", value: `${summary.runsLoaded} / ${summary.runsAlready} / ${summary.runsRejected}` },
    { what: "rollouts inserted", value: rows.toLocaleString("en-US") },
    { what: "wall time incl. first compute (s)", value: summary.seconds },
    { what: "load time (s)", value: summary.loadSeconds },
    { what: "rollouts/s (load)", value: summary.rowsPerSecond.toLocaleString("en-US") },
    { what: "peak RSS (MB)", value: summary.peakRssMb },
    ...Object.entries(recompute).map(([k, v]) => ({ what: `first compute: ${k} (ms)`, value: v })),
  ]);
  record("ingest", summary);
  return summary;
}

// ---------------------------------------------------------------------------------------------
// size

async function size() {
  const sql = postgres(DB_URL, { max: 1, onnotice: () => {} });
  try {
    await sql`analyze`;
    const [{ total }] = await sql<{ total: string }[]>`select pg_database_size(current_database())::text as total`;
    const tables = await sql<{ name: string; total: string; heap: string; indexes: string; toast: string }[]>`
      select c.relname as name, pg_total_relation_size(c.oid)::text as total, pg_relation_size(c.oid)::text as heap,
             pg_indexes_size(c.oid)::text as indexes,
             coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0)::text as toast
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'r' and n.nspname = 'public'
       order by pg_total_relation_size(c.oid) desc`;
    const rows: Record<string, number> = {};
    for (const t of tables) {
      const [{ n }] = await sql.unsafe<{ n: string }[]>(`select count(*)::text as n from "${t.name.replace(/"/g, '""')}"`);
      rows[t.name] = Number(n);
    }
    const rollouts = rows.rollouts ?? 0;
    const summary = {
      databaseBytes: Number(total),
      rollouts,
      bytesPerRollout: rollouts ? Math.round(Number(total) / rollouts) : null,
      tables: tables.map((t) => ({ table: t.name, rows: rows[t.name], totalBytes: Number(t.total), heapBytes: Number(t.heap), indexBytes: Number(t.indexes), toastBytes: Number(t.toast) })),
    };
    console.log("\n== size ==");
    console.log(`database ${(Number(total) / 1e9).toFixed(2)} GB, ${rollouts.toLocaleString("en-US")} rollouts, ${summary.bytesPerRollout} bytes per rollout`);
    table(
      summary.tables.map((t) => ({ table: t.table, rows: t.rows.toLocaleString("en-US"), "total MB": mb(t.totalBytes), "heap MB": mb(t.heapBytes), "index MB": mb(t.indexBytes), "toast MB": mb(t.toastBytes), "B/rollout": rollouts ? Math.round(t.totalBytes / rollouts) : "" })),
    );
    record("size", summary);
    return summary;
  } finally {
    await sql.end();
  }
}

// ---------------------------------------------------------------------------------------------
// recompute

async function recompute() {
  const { openDb } = await import("../../lib/db");
  const { refreshBoards } = await import("../../lib/boards/refresh");
  const { warmViews } = await import("../../lib/boards/warm");
  const handle = await openDb({ url: DB_URL });
  try {
    // Forget what the ingest stored for the current snapshot: the next reads compute again, as
    // after an ingest (older snapshots' results stay: the changelog reads them).
    const { currentSnapshot } = await import("../../lib/boards/snapshot-context");
    const snapshot = await currentSnapshot(handle.raw);
    const dropped = await handle.raw.query<{ n: number }>(
      `with a as (delete from board_results where snapshot_id = $1 returning 1), b as (delete from snapshot_views where snapshot_id = $1 returning 1)
       select (select count(*) from a)::int + (select count(*) from b)::int as n`,
      [snapshot.id],
    );
    const lines: string[] = [];
    const log = (m: string) => (lines.push(m), console.error(m));
    const t0 = Date.now();
    await refreshBoards(handle.raw, log);
    const boardsMs = Date.now() - t0;
    const t1 = Date.now();
    await warmViews(handle.raw, log);
    const viewsMs = Date.now() - t1;
    const steps = parseRecomputeLog(lines.join("\n"));
    const failed = lines.filter((l) => / failed: /.test(l));
    const summary = { storedResultsDropped: dropped[0]?.n ?? 0, boardsMs, viewsMs, totalMs: boardsMs + viewsMs, steps, failed, label: values.label };
    console.log("\n== recompute ==");
    table([...Object.entries(steps).map(([k, v]) => ({ step: k, ms: v })), { step: "total", ms: summary.totalMs }]);
    for (const f of failed) console.log(`FAILED: ${f}`);
    record(values.label ? `recompute-${values.label}` : "recompute", summary);
    return summary;
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------
// measure

/** Routes that need a signed-in session (or are internal / write-only): not measured. */
const SKIPPED: Record<string, string> = {
  "/admin": "administrators only",
  "/admin/submissions/[id]": "administrators only",
  "/api/auth/[...nextauth]": "Auth.js handler",
  "/api/internal/ingest": "internal, POST with the server token",
  "/api/internal/users": "internal, POST with the server token",
  "/api/v1/submissions": "needs a session",
  "/api/v1/submissions/[id]": "needs a session",
  "/api/v1/submissions/[id]/confirm": "needs a session",
  "/api/v1/submissions/[id]/files/[index]": "needs a session",
  "/api/v1/submissions/[id]/validate": "needs a session",
  "/profile": "needs a session",
  "/submissions": "needs a session",
  "/submissions/[id]": "needs a session",
  "/submit": "needs a session",
};

/** Query strings (or extra URLs) per route pattern beyond the bare filled pattern. */
function urlsFor(pattern: string, p: Record<string, string>): string[] {
  const filled = fillPattern(pattern, p);
  switch (pattern) {
    case "/compare":
      return [`/compare?configs=${p.compare}`];
    case "/benchmarks/[slug]/questions/[exampleId]":
      return [p.questionUrl];
    case "/api/v1/leaderboard":
      return ["/api/v1/leaderboard?board=V", "/api/v1/leaderboard?board=OE"];
    case "/api/v1/head-to-head":
      return ["/api/v1/head-to-head?board=V"];
    case "/api/v1/efficiency":
      return ["/api/v1/efficiency?board=V"];
    case "/api/v1/benchmarks/[slug]":
      return [`${filled}`, `${filled}?insight=1`, `/api/v1/benchmarks/${p.bigSlug}?insight=1`];
    case "/benchmarks/[slug]":
      return [`${filled}`, `/benchmarks/${p.bigSlug}`];
    case "/api/v1/configurations/[slug]":
      return [`/api/v1/configurations/${p.config}`];
    case "/":
      return ["/", "/?board=OE"];
    default:
      return filled ? [filled] : [];
  }
}

async function discoverParams(sql: postgres.Sql, baseURL: string): Promise<Record<string, string>> {
  // The largest published run (the sample browser's worst case) and a sample in the middle of it.
  const [run] = await sql<{ id: number; config_slug: string }[]>`
    select id, config_slug from runs where status = 'published' order by observed_rows desc, id limit 1`;
  const [ex] = await sql<{ example_id: string }[]>`
    select example_id from rollouts where run_id = ${run.id} order by example_id offset 5000 limit 1`;
  const exampleId = ex?.example_id ?? (await sql<{ example_id: string }[]>`select example_id from rollouts where run_id = ${run.id} limit 1`)[0].example_id;
  const [snap] = await sql<{ id: string }[]>`select id from snapshots order by created_at desc limit 1`;
  const configs = (await sql<{ config_slug: string }[]>`
    select config_slug from runs where status = 'published' group by config_slug
     order by count(*) desc, (config_slug = 'gpt-5_2') desc, (config_slug = 'grok-4') desc, config_slug limit 3`).map((r) => r.config_slug);
  // The benchmark with the most rollouts (its page and insight aggregate the most rows).
  const [big] = await sql<{ slug: string }[]>`
    select d.benchmark_slug as slug from runs u join datasets d on d.id = u.dataset_id where u.status = 'published'
     group by d.benchmark_slug order by sum(u.observed_rows) desc limit 1`;
  const bench = await fetch(`${baseURL}/benchmarks/medqa`, { headers: { "cache-control": "no-cache" } }).then((r) => r.text());
  const q = /href="(\/benchmarks\/medqa\/questions\/[^"]+)"/.exec(bench)?.[1]?.replace(/&amp;/g, "&") ?? "/benchmarks/medqa/questions/0?set=medqa%3A%3Abase";
  return {
    slug: "medqa",
    bigSlug: big.slug,
    config: configs[0],
    runId: String(run.id),
    id: "", // filled per route (run id or snapshot id)
    exampleId,
    snapshot: snap.id,
    compare: configs.join(","),
    questionUrl: q,
  };
}

interface RouteTiming {
  route: string;
  url: string;
  kind: string;
  status: number;
  bytes: number;
  coldMs: number;
  n: number;
  p50: number;
  p99: number;
  /** Median time to the response headers (differs from p50 for streamed bodies). */
  ttfbP50: number;
  slow: boolean;
}

/** One GET: time to the response headers and to the end of the (decoded) body. */
async function timeOne(url: string): Promise<{ ms: number; ttfbMs: number; status: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { "cache-control": "no-cache", "accept-encoding": "gzip" }, signal: AbortSignal.timeout(900_000) });
  const ttfbMs = performance.now() - t0;
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, ttfbMs, status: res.status, bytes: body.byteLength };
}

async function measure() {
  const { startServer } = await import("./server");
  const requests = Number(values.requests);
  const routes = listAppRoutes(path.join(ROOT, "app"));
  const t0 = Date.now();
  const server = await startServer({ databaseUrl: DB_URL, timeoutMs: 1_800_000 });
  const startMs = Date.now() - t0;
  const sql = postgres(DB_URL, { max: 1, onnotice: () => {} });
  const results: RouteTiming[] = [];
  const skipped: { route: string; reason: string }[] = [];
  try {
    console.error(`server up in ${startMs} ms at ${server.baseURL}`);
    const p = await discoverParams(sql, server.baseURL);
    for (const r of routes) {
      if (SKIPPED[r.pattern]) {
        skipped.push({ route: r.pattern, reason: SKIPPED[r.pattern] });
        continue;
      }
      if (!r.methods.includes("GET")) {
        skipped.push({ route: r.pattern, reason: `no GET (${r.methods.join(", ")})` });
        continue;
      }
      const params = { ...p, id: r.pattern.startsWith("/api/v1/snapshots") ? p.snapshot : p.runId, runId: p.runId };
      const urls = urlsFor(r.pattern, params);
      if (!urls.length) {
        skipped.push({ route: r.pattern, reason: "no URL known for its parameters (add one in urlsFor)" });
        continue;
      }
      for (const u of urls) {
        if (values.only && !values.only.split(",").some((o) => u.includes(o))) continue;
        const full = `${server.baseURL}${u}`;
        const cold = await timeOne(full);
        // Very slow routes: fewer repeats, so the phase ends in bounded time (said in the table).
        const n = cold.ms > 60_000 ? Math.min(1, requests) : cold.ms > 20_000 ? Math.min(3, requests) : requests;
        const times: number[] = [];
        const ttfb: number[] = [];
        let status = cold.status;
        for (let i = 0; i < n; i++) {
          const t = await timeOne(full);
          times.push(t.ms);
          ttfb.push(t.ttfbMs);
          if (t.status !== 200) status = t.status;
        }
        const row: RouteTiming = {
          route: r.pattern,
          url: u,
          kind: r.kind,
          status,
          bytes: cold.bytes,
          coldMs: Math.round(cold.ms),
          n,
          p50: Math.round(percentile(times, 50)),
          p99: Math.round(percentile(times, 99)),
          ttfbP50: Math.round(percentile(ttfb, 50)),
          slow: percentile(times, 99) > 1000,
        };
        results.push(row);
        console.error(`${u}  cold ${row.coldMs} ms  p50 ${row.p50}  p99 ${row.p99}  (${status}, ${n} requests)`);
      }
    }
  } finally {
    await sql.end();
    server.stop();
  }
  console.log("\n== measure ==");
  console.log(`server start (until / answers 200): ${(startMs / 1000).toFixed(1)} s; ${requests} sequential requests per URL with Cache-Control: no-cache after one cold request (KB: decoded body; "headers p50": time to the response headers)`);
  table(
    results.map((r) => ({ url: r.url, status: r.status, KB: (r.bytes / 1024).toFixed(0), "cold ms": r.coldMs, n: r.n, "p50 ms": r.p50, "p99 ms": r.p99, "headers p50": r.ttfbP50, "": r.slow ? "p99 > 1 s" : "" })),
  );
  const slow = results.filter((r) => r.slow);
  console.log(`\n${slow.length} of ${results.length} URLs with p99 > 1 s${slow.length ? `: ${slow.map((r) => r.url).join(", ")}` : ""}`);
  console.log(`not measured: ${skipped.map((s) => `${s.route} (${s.reason})`).join("; ")}`);
  const summary = { serverStartMs: startMs, requests, routes: results, slow: slow.map((r) => r.url), skipped, label: values.label };
  record(values.label ? `measure-${values.label}` : "measure", summary);
  return summary;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const phase = values.phase!;
  if (phase === "_shard") return shard();
  const phases = phase === "all" ? ["generate", "ingest", "size", "recompute", "measure"] : phase.split(",");
  const results: Record<string, unknown> = {};
  for (const p of phases) {
    if (p === "generate") results.generate = await generate();
    else if (p === "ingest") results.ingest = await ingest();
    else if (p === "size") results.size = await size();
    else if (p === "recompute") results.recompute = await recompute();
    else if (p === "measure") results.measure = await measure();
    else throw new Error(`unknown phase ${p}`);
  }
  console.log(JSON.stringify({ bench: "scale", out: OUT, database: DB_URL.replace(/\/\/[^@]*@/, "//"), ...results }));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
