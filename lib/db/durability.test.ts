/**
 * Embedded database durability: what a process committed survives a SIGKILL of that process,
 * also when it created the data directory itself (PGlite initialises a new directory in memory).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tmpDir } from "../ingest/test-fixtures";
import { openDb } from "./index";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WRITER = `
import { openDb } from "./lib/db/index.ts";
const h = await openDb({ pgliteDir: process.env.DIR });
await h.raw.query("create table if not exists t (x int)");
await h.raw.transaction(async (tx) => { await tx.query("insert into t values (1), (2)"); });
console.log("committed");
setInterval(() => {}, 1000);
`;

function writeThenKill(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", WRITER], { cwd: ROOT, env: { ...process.env, DIR: dir } });
    let out = "";
    child.stderr.on("data", (d) => (out += d));
    child.stdout.on("data", (d) => {
      if (String(d).includes("committed")) child.kill("SIGKILL");
    });
    child.on("exit", (_code, signal) => (signal === "SIGKILL" ? resolve() : reject(new Error(`writer exited without commit: ${out}`))));
  });
}

describe("PGlite durability after kill -9", () => {
  it.each([
    ["a data dir the killed process created", false],
    ["an existing data dir", true],
  ])("keeps committed rows in %s, and the stale lock does not block reopening", async (_name, precreate) => {
    const dir = path.join(tmpDir("mm-durable-"), "pglite");
    if (precreate) await (await openDb({ pgliteDir: dir })).close();
    await writeThenKill(dir);
    expect(fs.existsSync(`${dir}.lock`)).toBe(true); // left behind by the killed process
    const h = await openDb({ pgliteDir: dir });
    try {
      const rows = await h.raw.query<{ n: number }>("select count(*)::int as n from t");
      expect(Number(rows[0].n)).toBe(2);
    } finally {
      await h.close();
    }
  });
});
