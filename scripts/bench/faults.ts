// Benchmark (not a test): fault injection against the built app — kill -9 at random moments,
// PostgreSQL restarted under load, a full disk during an upload — and the invariants after each.
//
//   npx next build   # once, first: this serves the existing .next
//   npx tsx scripts/bench/faults.ts [--rounds 20] [--seed 1] [--embedded | --database-url postgres://…/db]
//        [--no-pg-restart] [--no-disk-full] [--no-start-failure]
//
// Database: by default a fresh PostgreSQL database `faults_f_<pid>` on 127.0.0.1:5432 (dropped at
// the end); `--database-url` uses that one (kept); `--embedded` a fresh embedded PGlite.
// (a) `--rounds` rounds, each one fault at a random moment (seeded), rotating over:
//     ingest   — kill -9 the ingest CLI mid-ingest (on the embedded database: mid-hand-off);
//     server   — kill -9 the server under reads (mid-request);
//     handoff  — kill -9 the server while an ingest runs (on PGlite the server does the ingest);
//     upload   — kill -9 the server during an upload (chunked PUTs, validate, confirm);
//     both     — kill -9 the ingest and the server, with reads and an upload in flight.
//   After each: restart the server as is (no file removed by hand: a stale PGlite lock,
//   server.json or archive temp folder must not block it) and time until `/` answers 200; complete
//   the data (re-run the ingest, resume the upload); then check: `/` and both leaderboards answer
//   200 on the current published snapshot; no partial run (rollouts = observed_rows); every
//   uploaded or ingested artifact stored exactly once with rows = its lines; every snapshot's id =
//   the hash of its runs' content hashes; the published run set has its snapshot.
// (b) PostgreSQL only (not with --no-pg-restart): reads in flight while
//   `pg_ctlcluster --skip-systemctl-redirect <v> main restart` runs: every answer must be 200 or a
//   503 with a message (no 500, no hang over 15 s); after the restart the app serves 200 again by
//   itself (time to recover), and an upload and an ingest work.
// (c) Disk full (root only; not with --no-disk-full): a 1 MB tmpfs mounted on DATA_DIR/uploads; an
//   upload larger than that must get 507 "Storage full" with nothing of the failed request kept;
//   after the tmpfs is grown (space freed) the same upload resumes and is confirmed.
// (d) Not with --no-start-failure: a second server started while its database cannot be reached
//   (PostgreSQL behind a closed relay port; on the embedded database, its data dir locked by a live
//   process): `/`, the API and /api/health must answer 503 with a message (not 500); once the
//   obstacle is gone the server must serve 200 by itself, without a restart.
// Prints each round's result and a summary; ends with one JSON line.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDb, type DbHandle } from "../../lib/db";
import { isAlive, lockHolderAlive } from "../../lib/db/lock";
import { describeRun, soakRun, writeRuns, type Artifact } from "./artifacts";
import { withDatabase } from "./corpus";
import { checkInvariants } from "./invariants";
import { freePort } from "../server-command";
import { startServer, type BenchServer } from "./server";
import { addUser, HttpError, signIn, Uploader } from "./uploader";
import { writeGenARun } from "../../lib/ingest/test-fixtures";
import { Rng } from "../../lib/demo/prng";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PG_BASE = process.env.FAULTS_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
process.setMaxListeners(100); // startServer adds an exit listener per (re)start

type Kind = "ingest" | "server" | "handoff" | "upload" | "both";
const KINDS: Kind[] = ["ingest", "server", "handoff", "upload", "both"];

interface RoundResult {
  round: number;
  kind: Kind;
  killAtMs: number;
  killed: string[];
  restartMs: number | null;
  leftovers: string[];
  reads: Record<string, number>;
  completed: string;
  problems: string[];
  ok: boolean;
}

// ---------------------------------------------------------------------------------------------
// Processes

interface IngestProc {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>;
}

function spawnIngest(dir: string, env: Record<string, string>): IngestProc {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", dir, "--json", "--group-rows", "2000"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
  });
  let out = "";
  child.stdout!.on("data", (d) => (out = (out + d).slice(-4000)));
  child.stderr!.on("data", (d) => (out = (out + d).slice(-4000)));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((r) =>
    child.on("exit", (code, signal) => r({ code, signal, out })),
  );
  return { child, done };
}

function killGroup(child: ChildProcess): boolean {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return false;
  try {
    process.kill(-child.pid, "SIGKILL");
    return true;
  } catch {
    return false;
  }
}

async function waitExit(child: ChildProcess, ms = 15_000): Promise<void> {
  const t0 = Date.now();
  while (child.exitCode === null && child.signalCode === null && Date.now() - t0 < ms) await sleep(50);
}

/** Reads in flight: `n` loops over pages and API routes until stopped; statuses counted. */
function readLoad(base: string, n = 4, timeoutMs = 15_000) {
  const paths = ["/", "/?board=OE", "/api/v1/leaderboard?board=V", "/benchmarks/medqa", "/api/v1/snapshots", "/efficiency", "/api/v1/configurations"];
  const counts: Record<string, number> = {};
  const bodies: string[] = [];
  let stop = false;
  const loops = Array.from({ length: n }, async (_, k) => {
    for (let i = k; !stop; i++) {
      const p = paths[i % paths.length];
      const t0 = Date.now();
      let key: string;
      try {
        const res = await fetch(base + p, { headers: { "cache-control": "no-cache" }, signal: AbortSignal.timeout(timeoutMs) });
        const text = await res.text();
        key = String(res.status);
        if (res.status >= 500 && bodies.length < 5) bodies.push(`${res.status} ${p}: ${text.replace(/\s+/g, " ").slice(0, 200)}`);
        if (res.status === 503 && !/database/i.test(text)) key = "503-no-message";
        if (res.status >= 500 && /at .*\.(js|ts):\d+/.test(text)) key = `${res.status}-stack-trace`;
      } catch (e) {
        const name = (e as Error).name;
        key = name === "TimeoutError" ? `hang>${timeoutMs / 1000}s` : "conn-error";
        if (key === "conn-error") await sleep(100);
      }
      if (Date.now() - t0 > timeoutMs && !key.startsWith("hang")) key = `${key}-slow`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  });
  return {
    counts,
    bodies,
    stop: async () => {
      stop = true;
      await Promise.all(loops);
    },
  };
}

// ---------------------------------------------------------------------------------------------

interface Ctx {
  embedded: boolean;
  databaseUrl?: string;
  dataDir: string;
  work: string;
  server: BenchServer | null;
  cookie: string;
  artifacts: Artifact[];
  dbEnv: Record<string, string>;
  seed: number;
  pg: DbHandle | null;
}

async function start(ctx: Ctx): Promise<number> {
  const t0 = Date.now();
  ctx.server = await startServer({
    databaseUrl: ctx.embedded ? undefined : ctx.databaseUrl,
    seedDemo: true,
    demoQuestions: 10,
    dataDir: ctx.dataDir,
    timeoutMs: 240_000,
    env: { UPLOAD_DAILY_COUNT: "1000000", UPLOAD_DAILY_BYTES: String(1e12), DEMO_ADMIN: "0" },
  });
  return Date.now() - t0;
}

async function stopGracefully(ctx: Ctx) {
  if (!ctx.server) return;
  const child = ctx.server.child;
  ctx.server.stop();
  await waitExit(child);
  ctx.server = null;
}

async function killServer(ctx: Ctx): Promise<boolean> {
  if (!ctx.server) return false;
  const child = ctx.server.child;
  const ok = killGroup(child);
  await waitExit(child);
  ctx.server = null;
  return ok;
}

/** What a killed server or ingest left behind (none of it may need removing by hand). */
function leftovers(ctx: Ctx): string[] {
  const out: string[] = [];
  const lock = path.join(ctx.dataDir, "pglite.lock");
  if (fs.existsSync(lock)) out.push(`pglite.lock (${lockHolderAlive(fs.readFileSync(lock, "utf8")).alive ? "live" : "stale"})`);
  const info = path.join(ctx.dataDir, "server.json");
  if (fs.existsSync(info)) {
    let alive = false;
    try {
      alive = isAlive((JSON.parse(fs.readFileSync(info, "utf8")) as { pid: number }).pid);
    } catch {
      /* half-written */
    }
    out.push(`server.json (${alive ? "live" : "stale"})`);
  }
  // Archive extraction folders of dead processes (other processes' live ones are theirs).
  const temps = fs.readdirSync(os.tmpdir()).filter((n) => {
    const m = /^mm-archive-(\d+)-/.exec(n);
    return m !== null && !isAlive(Number(m[1]));
  });
  if (temps.length) out.push(`${temps.length} archive temp dir(s) (stale)`);
  return out;
}

/** Upload a run folder in chunks; resumable: `state` keeps the submission id across a kill. */
async function uploadChunked(base: string, cookie: string, dir: string, state: { id?: number; stage?: string }, chunk = 128 * 1024): Promise<string> {
  const up = new Uploader(base, cookie);
  const statuses: number[] = [];
  const files = ["metadata.json", "results.jsonl"].map((f) => ({ path: `base/${f}`, data: fs.readFileSync(path.join(dir, f)) }));
  if (state.id === undefined) state.id = await up.start(files.map((f) => ({ path: f.path, size: f.data.length })), statuses);
  const id = state.id;
  const info = await fetch(`${base}/api/v1/submissions/${id}`, { headers: { cookie } });
  const sub = ((await info.json()) as { submission?: { status: string; files: { received: number }[] } }).submission;
  if (!sub) throw new Error(`submission ${id}: ${info.status}`);
  if (sub.status !== "uploading") return sub.status;
  for (const [i, f] of files.entries()) {
    let at = sub.files[i]?.received ?? 0;
    while (at < f.data.length) {
      const end = Math.min(f.data.length, at + chunk);
      state.stage = `PUT file ${i} at ${Math.round(at / 1024)} KB`;
      at = await up.put(id, i, f.data.subarray(0, end), at, statuses);
    }
  }
  state.stage = "validate";
  await up.step(id, "validate", statuses);
  state.stage = "confirm";
  await up.step(id, "confirm", statuses);
  state.stage = "done";
  return "pending";
}

async function dbCheck(ctx: Ctx, apiSnapshot: string | null): Promise<string[]> {
  let h: DbHandle;
  let close = async () => {};
  if (ctx.embedded) {
    await stopGracefully(ctx); // one process at a time on the embedded database
    h = await openDb({ pgliteDir: path.join(ctx.dataDir, "pglite") });
    close = () => h.close();
  } else {
    ctx.pg ??= await openDb({ url: ctx.databaseUrl!, poolMax: 2 });
    h = ctx.pg;
  }
  try {
    const r = await checkInvariants(h.raw, ctx.artifacts, { requirePublishedSnapshot: true });
    if (apiSnapshot !== null && r.publishedSnapshot !== apiSnapshot) r.problems.push(`the API serves snapshot ${apiSnapshot}, the published runs are ${r.publishedSnapshot}`);
    return r.problems;
  } finally {
    await close();
  }
}

/** `/` and both leaderboards answer 200; the snapshot id the API serves. */
async function httpCheck(base: string): Promise<{ problems: string[]; snapshot: string | null }> {
  const problems: string[] = [];
  let snapshot: string | null = null;
  for (const p of ["/", "/api/v1/leaderboard?board=V", "/api/v1/leaderboard?board=OE"]) {
    const res = await fetch(base + p, { headers: { "cache-control": "no-cache" } });
    const text = await res.text();
    if (res.status !== 200) problems.push(`GET ${p} → ${res.status}: ${text.slice(0, 200)}`);
    else if (p.startsWith("/api")) snapshot = (JSON.parse(text) as { snapshot?: { id: string } }).snapshot?.id ?? snapshot;
  }
  return { problems, snapshot };
}

async function completeIngest(ctx: Ctx, dir: string): Promise<string> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const r = await spawnIngest(dir, ctx.dbEnv).done;
    if (r.code === 0) {
      const s = JSON.parse(r.out.trim().split("\n").at(-1) ?? "{}") as { loaded?: number; already?: number };
      return `ingest again: ${s.loaded} loaded, ${s.already} already`;
    }
    if (attempt === 3) throw new Error(`re-ingest failed (${r.code}): ${r.out.slice(-500)}`);
    await sleep(1000);
  }
  return "";
}

async function round(ctx: Ctx, n: number, kind: Kind, rand: () => number): Promise<RoundResult> {
  const res: RoundResult = { round: n, kind, killAtMs: 0, killed: [], restartMs: null, leftovers: [], reads: {}, completed: "", problems: [], ok: false };
  if (!ctx.server) await start(ctx);
  const base = ctx.server!.baseURL;
  const wantsIngest = kind === "ingest" || kind === "handoff" || kind === "both";
  const wantsUpload = kind === "upload" || kind === "both";
  const wantsServerKill = kind !== "ingest";
  const dir = path.join(ctx.work, `round-${n}`);
  let batch: Artifact[] = [];
  if (wantsIngest) {
    batch = await writeRuns(dir, ctx.seed, 6, 1500, "ingest");
    ctx.seed += 6;
  }
  let upDir: string | null = null;
  if (wantsUpload) {
    upDir = writeGenARun(path.join(ctx.work, `up-${n}`), soakRun(ctx.seed++, 3000));
  }
  const reads = readLoad(base, 3);
  const ingest = wantsIngest ? spawnIngest(dir, ctx.dbEnv) : null;
  const upState: { id?: number; stage?: string } = {};
  const upload = upDir ? uploadChunked(base, ctx.cookie, upDir, upState).catch((e: Error) => `failed: ${e.message.slice(0, 120)}`) : null;
  res.killAtMs = Math.round(200 + rand() * (wantsServerKill && !wantsIngest && !wantsUpload ? 2000 : 9000));
  await sleep(res.killAtMs);
  if (kind === "ingest" || kind === "both") {
    if (ingest && killGroup(ingest.child)) res.killed.push("ingest");
    else if (ingest) res.killed.push("ingest (had finished)");
  }
  if (kind === "both") await sleep(Math.round(rand() * 1500));
  const stageAtKill = upState.stage;
  if (wantsServerKill) {
    if (await killServer(ctx)) res.killed.push(upload ? `server (upload: ${stageAtKill ?? "starting"})` : "server");
  }
  const ingestEnd = ingest ? await ingest.done : null;
  const upEnd = upload ? await upload : null;
  await reads.stop();
  res.reads = reads.counts;
  if (ingestEnd && !res.killed.includes("ingest")) res.completed += `ingest ${ingestEnd.code === 0 ? "finished" : `exited ${ingestEnd.code ?? ingestEnd.signal}`}; `;
  if (upEnd) res.completed += `upload ${upEnd}; `;

  // Restart as is, without touching any file.
  if (!ctx.server) {
    res.leftovers = leftovers(ctx);
    res.restartMs = await start(ctx);
    const after = leftovers(ctx).filter((l) => l.includes("stale"));
    if (after.length) res.problems.push(`left after restart: ${after.join(", ")}`);
  }
  const base2 = ctx.server!.baseURL;
  // Complete the data.
  if (wantsIngest) {
    res.completed += `${await completeIngest(ctx, dir)}; `;
    ctx.artifacts.push(...batch);
  }
  if (upDir) {
    const status = await uploadChunked(base2, ctx.cookie, upDir, upState);
    res.completed += `upload #${upState.id} ${status}; `;
    ctx.artifacts.push(await describeRun(upDir, "upload"));
  }
  const http = await httpCheck(base2);
  res.problems.push(...http.problems);
  res.problems.push(...(await dbCheck(ctx, http.snapshot)));
  // Reads before the kill: 200 (or 503 with a message); a kill itself shows as conn-error.
  for (const [k, v] of Object.entries(res.reads)) if (!["200", "503", "conn-error"].includes(k)) res.problems.push(`${v} reads answered ${k}`);
  if (reads.bodies.length) res.problems.push(...reads.bodies.filter((b) => !b.startsWith("503")).slice(0, 2));
  res.ok = res.problems.length === 0;
  return res;
}

// ---------------------------------------------------------------------------------------------
// (b) PostgreSQL restarted mid-request

interface PgRestartResult {
  ran: boolean;
  reason?: string;
  restartSeconds: number;
  during: Record<string, number>;
  samples500: string[];
  recoverSeconds: number | null;
  uploadAfter: string;
  ingestAfter: string;
  ok: boolean;
}

async function pgRestart(ctx: Ctx): Promise<PgRestartResult> {
  const out: PgRestartResult = { ran: false, restartSeconds: 0, during: {}, samples500: [], recoverSeconds: null, uploadAfter: "", ingestAfter: "", ok: false };
  let version: string;
  try {
    version = fs.readdirSync("/etc/postgresql")[0];
  } catch {
    out.reason = "no /etc/postgresql (cannot restart the server)";
    return out;
  }
  if (!ctx.server) await start(ctx);
  const base = ctx.server!.baseURL;
  const reads = readLoad(base, 6, 15_000);
  await sleep(2000);
  const t0 = Date.now();
  console.log(`  restarting PostgreSQL ${version} at ${new Date().toISOString()} (pg_ctlcluster … restart)`);
  // Asynchronously: the reads go on while PostgreSQL stops and starts.
  const restarted = new Promise<number | null>((resolve) =>
    spawn("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "restart"], { stdio: "ignore" }).on("exit", (code) => resolve(code)),
  ).then((code) => {
    out.restartSeconds = (Date.now() - t0) / 1000;
    if (code !== 0) throw new Error(`pg_ctlcluster restart exited ${code}`);
  });
  out.ran = true;
  await restarted;
  // Recovery: once PostgreSQL is back, the first moment from which 10 reads in a row answer 200.
  let streak = 0;
  while (Date.now() - t0 < 60_000) {
    const r = await fetch(`${base}/api/v1/leaderboard?board=V`, { headers: { "cache-control": "no-cache" }, signal: AbortSignal.timeout(15_000) }).catch(() => null);
    if (r) await r.arrayBuffer();
    streak = r?.status === 200 ? streak + 1 : 0;
    if (streak >= 10) {
      out.recoverSeconds = (Date.now() - t0) / 1000;
      break;
    }
    await sleep(100);
  }
  await sleep(3000);
  await reads.stop();
  out.during = reads.counts;
  out.samples500 = reads.bodies;
  const up = writeGenARun(path.join(ctx.work, "pg-up"), soakRun(ctx.seed++, 50));
  try {
    out.uploadAfter = await uploadChunked(base, ctx.cookie, up, {});
    ctx.artifacts.push(await describeRun(up, "upload"));
  } catch (e) {
    out.uploadAfter = `failed: ${(e as Error).message}`;
  }
  const dir = path.join(ctx.work, "pg-ingest");
  const batch = await writeRuns(dir, ctx.seed, 2, 100, "ingest");
  ctx.seed += 2;
  const r = await spawnIngest(dir, ctx.dbEnv).done;
  out.ingestAfter = r.code === 0 ? "ok" : `failed (${r.code}): ${r.out.slice(-300)}`;
  if (r.code === 0) ctx.artifacts.push(...batch);
  const bad = Object.keys(out.during).filter((k) => !["200", "503", "conn-error"].includes(k));
  out.ok = bad.length === 0 && out.recoverSeconds !== null && out.uploadAfter === "pending" && out.ingestAfter === "ok";
  return out;
}

// ---------------------------------------------------------------------------------------------
// (c) Disk full during an upload

interface DiskFullResult {
  ran: boolean;
  reason?: string;
  status: number | null;
  message: string;
  keptBytes: number | null;
  statusAfterFailure: string;
  afterFreed: string;
  ok: boolean;
}

async function diskFull(ctx: Ctx): Promise<DiskFullResult> {
  const out: DiskFullResult = { ran: false, status: null, message: "", keptBytes: null, statusAfterFailure: "", afterFreed: "", ok: false };
  if (process.getuid?.() !== 0) {
    out.reason = "not root: cannot mount a tmpfs (the unit test lib/submissions/storage-full.test.ts covers ENOSPC with /dev/full)";
    return out;
  }
  if (!ctx.server) await start(ctx);
  const base = ctx.server!.baseURL;
  const uploads = path.join(ctx.dataDir, "uploads");
  fs.mkdirSync(uploads, { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", uploads]);
  } catch (e) {
    out.reason = `mount failed: ${(e as Error).message}`;
    return out;
  }
  out.ran = true;
  try {
    const dir = writeGenARun(path.join(ctx.work, "full"), soakRun(ctx.seed++, 3000)); // ~2 MB results.jsonl
    const up = new Uploader(base, ctx.cookie);
    const files = ["metadata.json", "results.jsonl"].map((f) => ({ path: `base/${f}`, data: fs.readFileSync(path.join(dir, f)) }));
    const statuses: number[] = [];
    const id = await up.start(files.map((f) => ({ path: f.path, size: f.data.length })), statuses);
    await up.put(id, 0, files[0].data, 0, statuses);
    try {
      await up.put(id, 1, files[1].data, 0, statuses); // one request of ~2 MB into 1 MB
      out.message = "(no error)";
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      out.status = e.status;
      out.message = (JSON.parse(e.body) as { error?: string }).error ?? e.body;
    }
    const stored = path.join(uploads, String(id), "files", "base", "results.jsonl");
    out.keptBytes = fs.existsSync(stored) ? fs.statSync(stored).size : 0;
    const info = await fetch(`${base}/api/v1/submissions/${id}`, { headers: { cookie: ctx.cookie } });
    out.statusAfterFailure = ((await info.json()) as { submission?: { status: string } }).submission?.status ?? String(info.status);
    // Space is freed: the same upload goes on from where it stopped.
    execFileSync("mount", ["-o", "remount,size=64m", uploads]);
    out.afterFreed = await uploadChunked(base, ctx.cookie, dir, { id });
    ctx.artifacts.push(await describeRun(dir, "upload"));
    out.ok = (out.status === 507 || out.status === 503) && /storage full/i.test(out.message) && out.keptBytes === 0 && out.statusAfterFailure === "uploading" && out.afterFreed === "pending";
  } finally {
    try {
      execFileSync("umount", [uploads]);
    } catch {
      /* left mounted: reported below */
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// (d) The database unreachable when the server starts

interface StartFailureResult {
  ran: boolean;
  how: string;
  whileDown: Record<string, number>;
  sample: string;
  recoverSeconds: number | null;
  ok: boolean;
}

/** A TCP relay to PostgreSQL that can be opened and closed (a network outage, no restart). */
function relay(target: { host: string; port: number }) {
  let server: net.Server | null = null;
  const sockets = new Set<net.Socket>();
  return {
    async open(port: number) {
      server = net.createServer((c) => {
        const up = net.connect(target.port, target.host);
        sockets.add(c).add(up);
        const drop = () => {
          c.destroy();
          up.destroy();
          sockets.delete(c);
          sockets.delete(up);
        };
        c.pipe(up).pipe(c);
        c.on("error", drop).on("close", drop);
        up.on("error", drop).on("close", drop);
      });
      await new Promise<void>((r) => server!.listen(port, "127.0.0.1", () => r()));
    },
    async close() {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (server) await new Promise<void>((r) => server!.close(() => r()));
      server = null;
    },
  };
}

/**
 * Start a second server while its database cannot be reached — PostgreSQL behind a closed relay
 * port, or the embedded data dir locked by a live process — read `/` and the API meanwhile (503
 * with a message expected, not 500), then remove the obstacle and time the recovery (no restart).
 */
async function startFailure(ctx: Ctx): Promise<StartFailureResult> {
  const out: StartFailureResult = { ran: true, how: "", whileDown: {}, sample: "", recoverSeconds: null, ok: false };
  const port = await freePort();
  let unblock: () => Promise<void>;
  let opts: Parameters<typeof startServer>[0];
  const dataDir = ctx.embedded ? ctx.dataDir : fs.mkdtempSync(path.join(os.tmpdir(), "mm-faults-start-"));
  let holder: ChildProcess | null = null;
  if (ctx.embedded) {
    // The data dir of the main run, held by a live process that is not the server.
    await stopGracefully(ctx);
    holder = spawn("sleep", ["600"], { stdio: "ignore" });
    fs.writeFileSync(path.join(ctx.dataDir, "pglite.lock"), String(holder.pid));
    out.how = `embedded data dir locked by a live process (pid ${holder.pid})`;
    opts = { port, dataDir: ctx.dataDir, seedDemo: true, demoQuestions: 10, timeoutMs: 120_000 };
    unblock = async () => {
      holder!.kill("SIGKILL");
      await waitExit(holder!);
    };
  } else {
    const target = new URL(ctx.databaseUrl!);
    const r = relay({ host: target.hostname, port: Number(target.port || 5432) });
    const relayPort = await freePort();
    const url = new URL(ctx.databaseUrl!);
    url.port = String(relayPort);
    out.how = `PostgreSQL behind a closed port (relay 127.0.0.1:${relayPort} → ${target.host})`;
    opts = { port, databaseUrl: url.toString(), dataDir, timeoutMs: 120_000 };
    unblock = () => r.open(relayPort);
    (out as { close?: () => Promise<void> }).close = () => r.close();
  }
  const started = startServer({ ...opts, env: { DEMO_ADMIN: "0" } });
  started.catch(() => {});
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  // While the database is down: 20 reads over 10 s.
  for (let i = 0; Date.now() - t0 < 60_000 && i < 20; ) {
    for (const p of ["/", "/api/v1/leaderboard?board=V", "/benchmarks/medqa", "/api/health"]) {
      try {
        const res = await fetch(base + p, { signal: AbortSignal.timeout(15_000) });
        const text = await res.text();
        const key = res.status === 503 && /database/i.test(text) ? "503" : res.status === 503 ? "503-no-message" : String(res.status);
        out.whileDown[key] = (out.whileDown[key] ?? 0) + 1;
        if (!out.sample && res.status === 503) out.sample = `${p}: ${text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim().slice(0, 220)}`;
        i++;
      } catch {
        await sleep(200); // not listening yet
      }
    }
    await sleep(500);
  }
  const t1 = Date.now();
  await unblock();
  let srv: BenchServer | null = null;
  try {
    srv = await started;
    out.recoverSeconds = (Date.now() - t1) / 1000;
  } catch (e) {
    out.sample += ` · did not recover: ${(e as Error).message.slice(0, 300)}`;
  }
  srv?.stop();
  if (srv) await waitExit(srv.child);
  await (out as { close?: () => Promise<void> }).close?.();
  delete (out as { close?: () => Promise<void> }).close;
  if (holder && holder.exitCode === null) holder.kill("SIGKILL");
  if (!ctx.embedded) fs.rmSync(dataDir, { recursive: true, force: true });
  const bad = Object.keys(out.whileDown).filter((k) => k !== "503");
  out.ok = bad.length === 0 && (out.whileDown["503"] ?? 0) > 0 && out.recoverSeconds !== null;
  return out;
}

// ---------------------------------------------------------------------------------------------

async function run(opts: { embedded: boolean; databaseUrl?: string; rounds: number; seed: number; pgRestart: boolean; diskFull: boolean; startFailure: boolean }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mm-faults-"));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "mm-faults-art-"));
  const ctx: Ctx = {
    embedded: opts.embedded,
    databaseUrl: opts.databaseUrl,
    dataDir,
    work,
    server: null,
    cookie: "",
    artifacts: [],
    dbEnv: opts.embedded ? { DATA_DIR: dataDir, DATABASE_URL: "" } : { DATA_DIR: dataDir, DATABASE_URL: opts.databaseUrl! },
    seed: 300_000,
    pg: null,
  };
  const rng = new Rng(opts.seed); // reproducible random moments
  const rand = () => rng.next();
  const rounds: RoundResult[] = [];
  let pg: PgRestartResult | null = null;
  let disk: DiskFullResult | null = null;
  let start_: StartFailureResult | null = null;
  try {
    const firstStart = await start(ctx);
    console.log(`server up on ${ctx.server!.baseURL} in ${(firstStart / 1000).toFixed(1)} s (${opts.embedded ? "embedded PGlite" : "PostgreSQL"}, DEMO_QUESTIONS=10)`);
    await addUser("faulty", "faults-password-0123456789", ctx.dbEnv);
    ctx.cookie = await signIn(ctx.server!.baseURL, "faulty", "faults-password-0123456789");

    console.log(`\n(a) ${opts.rounds} rounds of kill -9 (seed ${opts.seed})`);
    console.log(`${"#".padStart(3)}  ${"kind".padEnd(8)} ${"kill at".padStart(8)}  ${"killed".padEnd(24)} ${"restart".padStart(8)}  ${"leftovers before restart".padEnd(34)} result`);
    for (let i = 0; i < opts.rounds; i++) {
      const kind = KINDS[i % KINDS.length];
      let r: RoundResult;
      try {
        r = await round(ctx, i + 1, kind, rand);
      } catch (e) {
        r = { round: i + 1, kind, killAtMs: 0, killed: [], restartMs: null, leftovers: [], reads: {}, completed: "", problems: [`round failed: ${(e as Error).message.slice(0, 500)}`], ok: false };
        if (!ctx.server) await start(ctx).catch(() => {});
      }
      rounds.push(r);
      const reads = Object.entries(r.reads).map(([k, v]) => `${k}:${v}`).join(" ");
      console.log(
        `${String(r.round).padStart(3)}  ${r.kind.padEnd(8)} ${`${r.killAtMs} ms`.padStart(8)}  ${(r.killed.join("+") || "-").padEnd(24)} ${r.restartMs === null ? "-".padStart(8) : `${(r.restartMs / 1000).toFixed(1)} s`.padStart(8)}  ${(r.leftovers.join(", ") || "-").padEnd(34)} ${r.ok ? "ok" : "FAIL"}  reads ${reads || "-"} · ${r.completed}`,
      );
      for (const p of r.problems.slice(0, 10)) console.log(`       ! ${p}`);
    }

    if (opts.pgRestart && !opts.embedded) {
      console.log(`\n(b) PostgreSQL restarted mid-request`);
      pg = await pgRestart(ctx);
      if (!pg.ran) console.log(`  skipped: ${pg.reason}`);
      else {
        console.log(`  restart took ${pg.restartSeconds.toFixed(1)} s; answers during: ${Object.entries(pg.during).map(([k, v]) => `${k}: ${v}`).join(", ")}`);
        for (const b of pg.samples500) console.log(`    e.g. ${b}`);
        console.log(`  recovered by itself (10 answers 200 in a row) ${pg.recoverSeconds === null ? "NEVER (60 s)" : `${pg.recoverSeconds.toFixed(1)} s after the restart began`}`);
        console.log(`  upload afterwards: ${pg.uploadAfter}; ingest afterwards: ${pg.ingestAfter}; ${pg.ok ? "ok" : "FAIL"}`);
      }
    }
    if (opts.startFailure) {
      console.log(`\n(d) the database unreachable when the server starts`);
      start_ = await startFailure(ctx);
      console.log(`  ${start_.how}: answers while down ${Object.entries(start_.whileDown).map(([k, v]) => `${k}: ${v}`).join(", ")}`);
      console.log(`  e.g. ${start_.sample}`);
      console.log(`  recovered by itself ${start_.recoverSeconds === null ? "NEVER" : `${start_.recoverSeconds.toFixed(1)} s after the obstacle was removed`}; ${start_.ok ? "ok" : "FAIL"}`);
    }
    if (opts.diskFull) {
      console.log(`\n(c) disk full during an upload (1 MB tmpfs on DATA_DIR/uploads)`);
      disk = await diskFull(ctx);
      if (!disk.ran) console.log(`  skipped: ${disk.reason}`);
      else {
        console.log(`  upload of 2 MB: ${disk.status} "${disk.message}"`);
        console.log(`  bytes of the failed request kept: ${disk.keptBytes}; submission then: ${disk.statusAfterFailure}; after space was freed: ${disk.afterFreed}; ${disk.ok ? "ok" : "FAIL"}`);
      }
    }
    // Final: everything given is there exactly once.
    if (!ctx.server) await start(ctx);
    const http = await httpCheck(ctx.server!.baseURL);
    const finalProblems = [...http.problems, ...(await dbCheck(ctx, http.snapshot))];
    const okRounds = rounds.filter((r) => r.ok).length;
    const restarts = rounds.map((r) => r.restartMs).filter((x): x is number => x !== null);
    const summary = {
      bench: "faults",
      database: opts.embedded ? "embedded PGlite" : "PostgreSQL",
      rounds: rounds.length,
      roundsOk: okRounds,
      kills: rounds.reduce((s, r) => s + r.killed.filter((k) => !k.includes("finished")).length, 0),
      restartSecondsMax: restarts.length ? Math.max(...restarts) / 1000 : null,
      restartSecondsMedian: restarts.length ? [...restarts].sort((a, b) => a - b)[Math.floor(restarts.length / 2)] / 1000 : null,
      artifacts: ctx.artifacts.length,
      finalProblems,
      pgRestart: pg,
      diskFull: disk,
      startFailure: start_,
      pass:
        okRounds === rounds.length && finalProblems.length === 0 && (pg === null || !pg.ran || pg.ok) && (disk === null || !disk.ran || disk.ok) &&
        (start_ === null || start_.ok),
      rows: rounds,
    };
    console.log(`\nSummary: ${okRounds}/${rounds.length} rounds ok, ${summary.kills} kill -9, restart to 200 median ${summary.restartSecondsMedian} s, max ${summary.restartSecondsMax} s; ${ctx.artifacts.length} artifacts all stored once with their rows${finalProblems.length ? " — NO: " + finalProblems.slice(0, 5).join("; ") : ""}`);
    console.log(`start with the database unreachable: ${start_ === null ? "not run" : start_.ok ? "ok" : "FAIL"}`);
    console.log(`PostgreSQL restart: ${pg === null ? "not run" : pg.ran ? (pg.ok ? "ok" : "FAIL") : `skipped (${pg.reason})`} · disk full: ${disk === null ? "not run" : disk.ran ? (disk.ok ? "ok" : "FAIL") : `skipped (${disk.reason})`} · ${summary.pass ? "PASS" : "FAIL"}`);
    console.log(JSON.stringify(summary));
    return summary.pass;
  } finally {
    if (ctx.server) ctx.server.stop();
    await ctx.pg?.close();
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: "string", default: "20" },
      seed: { type: "string", default: "1" },
      embedded: { type: "boolean", default: false },
      "database-url": { type: "string" },
      "no-pg-restart": { type: "boolean", default: false },
      "no-disk-full": { type: "boolean", default: false },
      "no-start-failure": { type: "boolean", default: false },
    },
  });
  const common = {
    rounds: Math.max(0, Number(values.rounds)),
    seed: Number(values.seed),
    pgRestart: !values["no-pg-restart"],
    diskFull: !values["no-disk-full"],
    startFailure: !values["no-start-failure"],
  };
  let pass: boolean;
  if (values.embedded) pass = await run({ ...common, embedded: true });
  else if (values["database-url"]) pass = await run({ ...common, embedded: false, databaseUrl: values["database-url"] });
  else pass = await withDatabase(PG_BASE, `faults_f_${process.pid}`, (url) => run({ ...common, embedded: false, databaseUrl: url }));
  process.exit(pass ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
