/**
 * Builds the app (unless E2E_SKIP_BUILD=1), then serves it as `npm start` does (scripts/server.ts) on a free port,
 * on a fresh embedded database in a temp dir (or E2E_DATABASE_URL) seeded with demo data.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, SERVER_ARGS } from "../../scripts/server-command";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    /** DATA_DIR of the server under test (its embedded database lives there). */
    dataDir: string;
    /** DATABASE_URL of the server under test, or "" for the embedded database. */
    databaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

async function waitFor(url: string, child: ChildProcess, log: () => string, timeoutMs: number) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms:\n${log()}`);
}

export default async function setup(project: TestProject) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env });
    if (r.status !== 0) throw new Error("next build failed");
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mm-e2e-"));
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, [...SERVER_ARGS, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true, // own process group: teardown kills next-server too
    env: {
      ...env,
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      SEED_DEMO: "1",
      DEMO_QUESTIONS: process.env.E2E_DEMO_QUESTIONS ?? "12",
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123",
    },
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  // Auth.js rewrites loopback hosts to localhost: tests browse http://localhost:PORT.
  const baseURL = `http://localhost:${port}`;
  await waitFor(`${baseURL}/`, child, () => output, 240_000);
  project.provide("baseURL", baseURL);
  project.provide("dataDir", dataDir);
  project.provide("databaseUrl", process.env.E2E_DATABASE_URL ?? "");
  return async () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
