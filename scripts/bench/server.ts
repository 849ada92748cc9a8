// Shared by the benchmarks that need a running app: start the built app on 127.0.0.1 (the same
// server `npm start` runs) on a fresh embedded database or a given PostgreSQL, wait for it, measure
// its memory, stop it; and small helpers to read pages.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, SERVER_ARGS } from "../server-command";

const root = path.resolve(import.meta.dirname, "../..");

export interface BenchServer {
  baseURL: string;
  child: ChildProcess;
  dataDir: string;
  log: () => string;
  /** Resident set size of the server's whole process group, in bytes (Linux /proc; 0 elsewhere). */
  rss: () => number;
  stop: () => void;
}


function groupRss(pgid: number): number {
  let total = 0;
  let pids: string[] = [];
  try {
    pids = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after "(comm)": state ppid pgrp ... ; rss is field 24 (pages).
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(rest[2]) !== pgid) continue;
      total += Number(rest[21]) * 4096;
    } catch {
      /* gone */
    }
  }
  return total;
}

export interface StartOptions {
  /** DEMO_QUESTIONS for the demo seed (embedded database only). */
  demoQuestions?: number;
  /** Serve this PostgreSQL instead of a fresh embedded database (no demo seed unless seedDemo). */
  databaseUrl?: string;
  seedDemo?: boolean;
  /** Use this DATA_DIR (kept at stop) instead of a fresh temp dir (removed at stop). */
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** The built app on 127.0.0.1:<free port>; resolves once `/` answers 200. */
export async function startServer(opts: StartOptions | number = {}): Promise<BenchServer> {
  const o: StartOptions = typeof opts === "number" ? { demoQuestions: opts } : opts;
  const timeoutMs = o.timeoutMs ?? 240_000;
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no build in .next: run `npx next build` first");
  const ownDir = !o.dataDir;
  const dataDir = o.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "mm-bench-"));
  const port = o.port ?? (await freePort());
  let output = "";
  const child = spawn(process.execPath, [...SERVER_ARGS, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true, // own process group: stop() kills next-server too
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      DATABASE_URL: o.databaseUrl ?? "",
      SEED_DEMO: o.databaseUrl && !o.seedDemo ? "0" : "1",
      DEMO_QUESTIONS: String(o.demoQuestions ?? 60),
      AUTH_SECRET: "bench-secret-bench-secret-bench-0123",
      ...o.env,
    },
  });
  child.stdout?.on("data", (d) => (output = (output + d).slice(-200_000)));
  child.stderr?.on("data", (d) => (output = (output + d).slice(-200_000)));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.once("exit", stop);
  const baseURL = `http://127.0.0.1:${port}`;
  const start = Date.now();
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
      if (Date.now() - start > timeoutMs) throw new Error(`server did not answer / with 200 within ${timeoutMs} ms:\n${output}`);
      try {
        const res = await fetch(`${baseURL}/`);
        await res.arrayBuffer();
        if (res.status === 200) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (e) {
    stop();
    throw e;
  }
  return { baseURL, child, dataDir, log: () => output, rss: () => (child.pid ? groupRss(child.pid) : 0), stop };
}

export async function getText(url: string): Promise<string> {
  const res = await fetch(url);
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}`);
  return text;
}

/** Path-unique matches of `re` (first group) in `html`, in order. */
export function matches(html: string, re: RegExp): string[] {
  return [...new Set([...html.matchAll(re)].map((m) => m[1]))];
}

/** A configuration slug, a run id and a sample's example id from the running demo server. */
export async function discover(baseURL: string): Promise<{ configs: string[]; runId: number; exampleId: string }> {
  const configs = matches(await getText(`${baseURL}/`), /href="\/models\/([^"?#/]+)"/g);
  if (configs.length < 2) throw new Error("fewer than two /models/<config> links on /");
  let runId = 0;
  for (const c of configs.slice(0, 5)) {
    const ids = matches(await getText(`${baseURL}/models/${c}`), /href="\/runs\/(\d+)"/g);
    if (ids.length) {
      runId = Number(ids[0]);
      break;
    }
  }
  if (!runId) {
    // Fall back to the benchmark page's run links.
    const ids = matches(await getText(`${baseURL}/benchmarks/medqa`), /href="\/runs\/(\d+)/g);
    runId = Number(ids[0] ?? 0);
  }
  if (!runId) throw new Error("no /runs/<id> link found on the model or benchmark pages");
  const samples = JSON.parse(await getText(`${baseURL}/api/v1/runs/${runId}/samples`));
  const row = (samples.rows ?? samples.samples ?? [])[0];
  const exampleId = row?.exampleId ?? row?.example_id ?? row?.id;
  if (exampleId === undefined) throw new Error(`no sample row in /api/v1/runs/${runId}/samples: ${JSON.stringify(samples).slice(0, 300)}`);
  return { configs, runId, exampleId: String(exampleId) };
}

