// Benchmark (not a test): a soak of the built app — reads, uploads and ingests together for minutes,
// then a check that nothing was lost.
//
//   npx next build   # once, first: this serves the existing .next
//   npx tsx scripts/bench/soak.ts [--minutes 5] [--connections 16] [--demo-questions 30]
//        [--database-url postgres://…/db | --embedded] [--upload-rows 200] [--ingest-runs 6] [--ingest-rows 300]
//
// Database: by default a fresh PostgreSQL database `faults_soak_<pid>` on 127.0.0.1:5432 (created,
// seeded with the demo data by the server, dropped at the end); `--database-url` serves that
// database instead (kept); `--embedded` a fresh embedded PGlite (temp DATA_DIR, removed).
// For the whole duration, at once:
//   - reads: autocannon, `--connections` keep-alive connections (127.0.0.1 only) cycling over both
//     leaderboards, benchmark, model, run and sample pages, compare, efficiency, order bias and the
//     read API (ids discovered from the pages), `Cache-Control: no-cache` (no page cache);
//   - uploads: a user made with `npm run user`, signed in through the credentials form, uploads
//     a fresh run folder through the submission API (start, PUT, validate, confirm) in a loop;
//   - ingests: `scripts/ingest.ts` (a child process; on the embedded database it hands the runs to
//     the server) of freshly generated artifacts, in a loop.
// Every 5 s the server's RSS (its process group) is sampled. Reported: requests, req/s, the status
// histogram (0 5xx required), p50/p99 latency, RSS in the first and the last minute and the
// least-squares slope after the first minute (flat: slope < 2% of the mean RSS per minute, i.e.
// < 10% growth over 5 minutes); then nothing lost: every uploaded or ingested artifact's run exists
// exactly once with rows = its lines, no partial run, every snapshot consistent, and the server's
// latest snapshot is the published run set. Ends with one JSON line.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { openDb } from "../../lib/db";
import { snapshotId } from "../../lib/boards/snapshot";
import { writeRuns, type Artifact } from "./artifacts";
import { checkInvariants } from "./invariants";
import { discover, getText, matches, startServer } from "./server";
import { addUser, signIn, Uploader, HttpError } from "./uploader";
import { withDatabase } from "./corpus";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PG_BASE = process.env.SOAK_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RssSample {
  t: number; // seconds since start
  mb: number;
}

/** Least-squares slope of mb over t, in MB per minute. */
export function slopePerMinute(samples: RssSample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mt = samples.reduce((s, x) => s + x.t, 0) / n;
  const mm = samples.reduce((s, x) => s + x.mb, 0) / n;
  let num = 0;
  let den = 0;
  for (const x of samples) {
    num += (x.t - mt) * (x.mb - mm);
    den += (x.t - mt) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Run the ingest CLI on `dir`; the JSON summary. */
async function ingestCli(dir: string, env: Record<string, string>): Promise<{ code: number | null; summary: { loaded: number; already: number; rejected: number } | null; out: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", dir, "--json"], { cwd: ROOT, env: { ...process.env, ...env } });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const code = await new Promise<number | null>((r) => child.on("exit", r));
  const line = out.trim().split("\n").at(-1) ?? "";
  let summary = null;
  try {
    summary = JSON.parse(line);
  } catch {
    /* no summary */
  }
  return { code, summary, out: (out + err).slice(-2000) };
}

interface SoakResult {
  database: string;
  minutes: number;
  connections: number;
  requests: number;
  rps: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  p50: number;
  p99: number;
  uploads: { ok: number; failed: number; statuses: Record<string, number>; failures: string[] };
  ingests: { ok: number; failed: number; runsLoaded: number; failures: string[] };
  rss: { samples: number; firstMinuteMb: number; lastMinuteMb: number; slopeMbPerMin: number; slopeAfterWarmupMbPerMin: number; thresholdMbPerMin: number; flat: boolean };
  check: Awaited<ReturnType<typeof checkInvariants>> & { latestSnapshot: string | null; latestIsPublished: boolean };
  pass: boolean;
}

async function soak(opts: {
  databaseUrl?: string;
  embedded: boolean;
  minutes: number;
  connections: number;
  demoQuestions: number;
  uploadRows: number;
  ingestRuns: number;
  ingestRows: number;
}): Promise<SoakResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mm-soak-"));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "mm-soak-art-"));
  const dbEnv: Record<string, string> = opts.embedded ? { DATA_DIR: dataDir, DATABASE_URL: "" } : { DATABASE_URL: opts.databaseUrl!, DATA_DIR: dataDir };
  const t0 = Date.now();
  const server = await startServer({
    databaseUrl: opts.embedded ? undefined : opts.databaseUrl,
    seedDemo: true,
    demoQuestions: opts.demoQuestions,
    dataDir,
    env: { UPLOAD_DAILY_COUNT: "1000000", UPLOAD_DAILY_BYTES: String(1e12), DEMO_ADMIN: "0" },
  });
  let stopped = false;
  try {
    const base = server.baseURL;
    console.log(`server up on ${base} in ${((Date.now() - t0) / 1000).toFixed(1)} s (${opts.embedded ? "embedded PGlite" : "PostgreSQL"}, DEMO_QUESTIONS=${opts.demoQuestions}) · ${os.cpus().length} cores`);

    // Targets, discovered from the pages.
    const { configs, runId, exampleId } = await discover(base);
    const home = await getText(`${base}/`);
    const benches = matches(home, /href="\/benchmarks\/([a-z0-9_-]+)"/g).slice(0, 4);
    const paths = [
      "/", "/?board=OE",
      ...benches.map((b) => `/benchmarks/${b}`),
      ...configs.slice(0, 3).map((c) => `/models/${c}`),
      `/runs/${runId}`, `/runs/${runId}/samples/${encodeURIComponent(exampleId)}`,
      `/compare?configs=${configs.slice(0, 2).join(",")}`, `/compare?configs=${configs.slice(2, 5).join(",")}`,
      "/efficiency", "/order-bias",
      "/api/v1/leaderboard?board=V", "/api/v1/leaderboard?board=OE", "/api/v1/benchmarks", `/api/v1/benchmarks/${benches[0] ?? "medqa"}`,
      "/api/v1/configurations", `/api/v1/configurations/${configs[0]}`, `/api/v1/runs/${runId}`, `/api/v1/runs/${runId}/samples`,
      "/api/v1/snapshots", "/api/v1/efficiency", "/api/v1/order-bias",
    ];
    for (const p of paths) {
      const res = await fetch(base + p);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`warm-up: GET ${p} → ${res.status}`);
    }
    console.log(`${paths.length} read targets: ${paths.join(" ")}`);

    // The uploading user.
    const password = "soak-password-0123456789";
    await addUser("soaker", password, dbEnv);
    const uploader = new Uploader(base, await signIn(base, "soaker", password));

    const seconds = Math.round(opts.minutes * 60);
    const deadline = Date.now() + seconds * 1000;
    const artifacts: Artifact[] = [];
    const uploadStats = { ok: 0, failed: 0, statuses: {} as Record<string, number>, failures: [] as string[] };
    const ingestStats = { ok: 0, failed: 0, runsLoaded: 0, failures: [] as string[] };

    const uploadLoop = async () => {
      for (let seed = 100_000; Date.now() < deadline; seed++) {
        const [a] = await writeRuns(path.join(work, "up"), seed, 1, opts.uploadRows, "upload");
        try {
          const out = await uploader.uploadRun(a.dir);
          for (const s of out.statuses) uploadStats.statuses[s] = (uploadStats.statuses[s] ?? 0) + 1;
          if (out.runs !== 1) throw new Error(`submission ${out.id}: ${out.runs} valid runs`);
          artifacts.push(a);
          uploadStats.ok++;
        } catch (e) {
          uploadStats.failed++;
          if (e instanceof HttpError) uploadStats.statuses[e.status] = (uploadStats.statuses[e.status] ?? 0) + 1;
          if (uploadStats.failures.length < 10) uploadStats.failures.push((e as Error).message);
        }
        fs.rmSync(path.join(work, "up", `s${seed}`), { recursive: true, force: true });
      }
    };
    const ingestLoop = async () => {
      for (let batch = 0, seed = 200_000; Date.now() < deadline; batch++, seed += opts.ingestRuns) {
        const dir = path.join(work, `ingest-${batch}`);
        const made = await writeRuns(dir, seed, opts.ingestRuns, opts.ingestRows, "ingest");
        const r = await ingestCli(dir, dbEnv);
        if (r.code === 0 && r.summary && r.summary.loaded === made.length) {
          ingestStats.ok++;
          ingestStats.runsLoaded += r.summary.loaded;
          artifacts.push(...made);
        } else {
          ingestStats.failed++;
          if (ingestStats.failures.length < 10) ingestStats.failures.push(`exit ${r.code}: ${r.out.slice(-400)}`);
        }
      }
    };

    const rss: { t: number; mb: number }[] = [];
    const sampler = setInterval(() => rss.push({ t: (Date.now() - (deadline - seconds * 1000)) / 1000, mb: server.rss() / 1e6 }), 5000);
    rss.push({ t: 0, mb: server.rss() / 1e6 });
    const readsP = autocannon({
      url: base,
      connections: opts.connections,
      duration: seconds,
      timeout: 30,
      headers: { "cache-control": "no-cache", "accept-encoding": "gzip" },
      requests: paths.map((p) => ({ method: "GET", path: p })),
    });
    const progress = setInterval(() => {
      const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      console.log(`  … ${left} s left · uploads ${uploadStats.ok} ok / ${uploadStats.failed} failed · ingests ${ingestStats.ok} ok / ${ingestStats.failed} failed · RSS ${rss.at(-1)?.mb.toFixed(0)} MB`);
    }, 30_000);
    const [reads] = await Promise.all([readsP, uploadLoop(), ingestLoop()]);
    clearInterval(sampler);
    clearInterval(progress);
    rss.push({ t: (Date.now() - (deadline - seconds * 1000)) / 1000, mb: server.rss() / 1e6 });

    // The server's latest snapshot.
    const snaps = JSON.parse(await getText(`${base}/api/v1/snapshots`)) as { latest?: { id: string }; snapshots?: { id: string }[] };
    const latestSnapshot = snaps.latest?.id ?? snaps.snapshots?.[0]?.id ?? null;

    // Nothing lost: read the database (the embedded one once the server has stopped).
    let check: Awaited<ReturnType<typeof checkInvariants>>;
    if (opts.embedded) {
      server.stop();
      stopped = true;
      for (let i = 0; i < 100 && server.child.exitCode === null && server.child.signalCode === null; i++) await sleep(100);
      await sleep(500);
      const h = await openDb({ pgliteDir: path.join(dataDir, "pglite") });
      try {
        check = await checkInvariants(h.raw, artifacts, { requirePublishedSnapshot: true });
      } finally {
        await h.close();
      }
    } else {
      const h = await openDb({ url: opts.databaseUrl!, poolMax: 2 });
      try {
        check = await checkInvariants(h.raw, artifacts, { requirePublishedSnapshot: true });
      } finally {
        await h.close();
      }
    }
    const latestIsPublished = latestSnapshot !== null && latestSnapshot === check.publishedSnapshot;
    if (!latestIsPublished) check.problems.push(`the server's latest snapshot ${latestSnapshot} is not the published run set's ${check.publishedSnapshot ?? snapshotId([])}`);

    const statuses: Record<string, number> = {};
    for (const [code, v] of Object.entries((reads as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats ?? {})) statuses[code] = v.count;
    const fiveXX = Object.entries(statuses).filter(([c]) => c.startsWith("5")).reduce((s, [, n]) => s + n, 0)
      + Object.entries(uploadStats.statuses).filter(([c]) => c.startsWith("5")).reduce((s, [, n]) => s + n, 0);
    const first = rss.filter((s) => s.t <= 60).map((s) => s.mb);
    const last = rss.filter((s) => s.t >= seconds - 60).map((s) => s.mb);
    const afterWarmup = rss.filter((s) => s.t >= Math.min(60, seconds / 5));
    const level = mean(rss.map((s) => s.mb));
    const slopeAfter = slopePerMinute(afterWarmup);
    const threshold = 0.02 * level;
    const flat = slopeAfter < threshold;
    const pass =
      fiveXX === 0 && reads.errors === 0 && reads.timeouts === 0 && uploadStats.failed === 0 && ingestStats.failed === 0 && flat && check.problems.length === 0;
    return {
      database: opts.embedded ? "embedded PGlite" : "PostgreSQL",
      minutes: opts.minutes,
      connections: opts.connections,
      requests: reads.requests.total,
      rps: reads.requests.average,
      statuses,
      errors: reads.errors,
      timeouts: reads.timeouts,
      p50: reads.latency.p50,
      p99: reads.latency.p99,
      uploads: uploadStats,
      ingests: ingestStats,
      rss: {
        samples: rss.length,
        firstMinuteMb: mean(first),
        lastMinuteMb: mean(last),
        slopeMbPerMin: slopePerMinute(rss),
        slopeAfterWarmupMbPerMin: slopeAfter,
        thresholdMbPerMin: threshold,
        flat,
      },
      check: { ...check, latestSnapshot, latestIsPublished },
      pass,
    };
  } finally {
    if (!stopped) server.stop();
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function print(r: SoakResult) {
  const f = (n: number, d = 0) => n.toFixed(d);
  console.log(`\nSoak: ${r.minutes} min on ${r.database}, ${r.connections} read connections + 1 uploader + 1 ingest loop`);
  console.log(`  reads        ${r.requests} requests, ${f(r.rps, 1)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, timeouts ${r.timeouts}`);
  console.log(`  statuses     ${Object.entries(r.statuses).map(([c, n]) => `${c}: ${n}`).join(", ")}`);
  console.log(`  uploads      ${r.uploads.ok} ok, ${r.uploads.failed} failed; request statuses ${Object.entries(r.uploads.statuses).map(([c, n]) => `${c}: ${n}`).join(", ")}`);
  for (const m of r.uploads.failures) console.log(`               ! ${m}`);
  console.log(`  ingests      ${r.ingests.ok} ok (${r.ingests.runsLoaded} runs), ${r.ingests.failed} failed`);
  for (const m of r.ingests.failures) console.log(`               ! ${m}`);
  console.log(
    `  server RSS   first minute ${f(r.rss.firstMinuteMb)} MB, last minute ${f(r.rss.lastMinuteMb)} MB, slope ${f(r.rss.slopeMbPerMin, 1)} MB/min ` +
      `(after warm-up ${f(r.rss.slopeAfterWarmupMbPerMin, 1)} MB/min; flat < ${f(r.rss.thresholdMbPerMin, 1)} MB/min = 2% of the mean): ${r.rss.flat ? "flat" : "GROWING"}`,
  );
  console.log(
    `  data         ${r.check.runs} runs (${r.check.published} published, ${r.check.pending} pending), ${r.check.rollouts} rows, ${r.check.snapshots} snapshots; ` +
      `${r.check.artifactsChecked} artifacts checked; latest snapshot ${r.check.latestSnapshot} ${r.check.latestIsPublished ? "= the published runs" : "≠ the published runs"}`,
  );
  for (const p of r.check.problems.slice(0, 20)) console.log(`               ! ${p}`);
  console.log(`  result       ${r.pass ? "PASS" : "FAIL"}`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      minutes: { type: "string", default: "5" },
      connections: { type: "string", default: "16" },
      "demo-questions": { type: "string", default: "30" },
      "database-url": { type: "string" },
      embedded: { type: "boolean", default: false },
      "upload-rows": { type: "string", default: "200" },
      "ingest-runs": { type: "string", default: "6" },
      "ingest-rows": { type: "string", default: "300" },
    },
  });
  const common = {
    minutes: Math.max(0.2, Number(values.minutes)),
    connections: Math.min(64, Math.max(1, Number(values.connections))),
    demoQuestions: Number(values["demo-questions"]),
    uploadRows: Number(values["upload-rows"]),
    ingestRuns: Number(values["ingest-runs"]),
    ingestRows: Number(values["ingest-rows"]),
  };
  let result: SoakResult;
  if (values.embedded) result = await soak({ ...common, embedded: true });
  else if (values["database-url"]) result = await soak({ ...common, embedded: false, databaseUrl: values["database-url"] });
  else result = await withDatabase(PG_BASE, `faults_soak_${process.pid}`, (url) => soak({ ...common, embedded: false, databaseUrl: url }));
  print(result);
  console.log(JSON.stringify({ bench: "soak", ...result, check: { ...result.check, problems: result.check.problems.slice(0, 50) } }));
  process.exit(result.pass ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("soak.ts")) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
