/**
 * `npm run ingest` while the server runs: with the embedded database the CLI hands the runs to the
 * server (one writer on PGlite); with PostgreSQL it writes directly. Either way nothing is lost
 * and the pages show the change. The run ingested here is a newer copy of a demo run, so the
 * boards keep their shape for the other browser tests.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { tmpDir } from "../../lib/ingest/test-fixtures";
import { launch } from "./browser";

const baseURL = inject("baseURL");
const dataDir = inject("dataDir");
const databaseUrl = inject("databaseUrl");
const ROOT = path.resolve(import.meta.dirname, "../..");

describe("ingest while the server is running", () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const stat = async (name: string) => {
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/data`);
    const n = Number((await page.locator(`[data-stat="${name}"]`).textContent())?.replace(/,/g, ""));
    await page.close();
    return n;
  };

  it("loads a newer run through the running server: it supersedes the old one and the page shows it", async () => {
    const [published, superseded] = [await stat("runs"), await stat("supersededRuns")];
    // A newer copy of one demo run (one reward changed): same identity, new content.
    const evals = path.join(dataDir, "demo-runs", "runs", "evals");
    const model = fs.readdirSync(evals).sort()[0];
    const src = path.join(evals, model, "medqa", "base");
    const dest = path.join(tmpDir("mm-handoff-"), "runs", "evals", model, "medqa", "base");
    fs.mkdirSync(dest, { recursive: true });
    fs.copyFileSync(path.join(src, "metadata.json"), path.join(dest, "metadata.json"));
    const lines = fs.readFileSync(path.join(src, "results.jsonl"), "utf8").trimEnd().split("\n");
    const first = JSON.parse(lines[0]);
    first.reward = first.reward === 1 ? 0 : 1;
    lines[0] = JSON.stringify(first);
    fs.writeFileSync(path.join(dest, "results.jsonl"), lines.join("\n") + "\n");
    const now = Date.now() / 1000;
    fs.utimesSync(path.join(dest, "metadata.json"), now, now);

    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", path.dirname(path.dirname(path.dirname(path.dirname(dest)))), "--demo"], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    if (!databaseUrl) expect(r.stderr).toMatch(/handing the ingest to http:\/\/127\.0\.0\.1:\d+/);
    expect(r.stdout).toMatch(/loaded 1 runs/);
    expect(r.stdout).toMatch(/supersedes run \d+/);
    expect(await stat("runs")).toBe(published);
    expect(await stat("supersededRuns")).toBe(superseded + 1);
    // `--demo` reached the server: the new run is marked synthetic, so the boards still show the demo.
    const newRun = /published\s+run (\d+)/.exec(r.stdout)?.[1];
    expect(newRun, r.stdout).toBeDefined();
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/runs/${newRun}`);
    await expect(page.getByTestId("demo-note").count()).resolves.toBe(1);
    await page.close();
  });
});
