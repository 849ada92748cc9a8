/**
 * `npm run ingest` while the server runs: with the embedded database the CLI hands the runs to the
 * server (one writer on PGlite); with PostgreSQL it writes directly. Either way nothing is lost
 * and the page shows the new runs.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { tmpDir, writeGenARun } from "../../lib/ingest/test-fixtures";
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

  const publishedRuns = async () => {
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/`);
    const n = Number((await page.locator('[data-stat="runs"]').textContent())?.replace(/,/g, ""));
    await page.close();
    return n;
  };

  it("loads new runs through the running server and shows them", async () => {
    const before = await publishedRuns();
    const root = tmpDir("mm-handoff-");
    writeGenARun(root, { model: "acme/handoff-model", envId: "medqa", rows: [{ id: 0, reward: 1 }, { id: 1, reward: 0 }] });
    writeGenARun(root, { model: "acme/handoff-model", envId: "pubmedqa", rows: [{ id: 0, reward: 1 }] });
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", root], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    if (!databaseUrl) expect(r.stderr).toMatch(/handing the ingest to http:\/\/127\.0\.0\.1:\d+/);
    expect(r.stdout).toMatch(/loaded 2 runs \(3 rows\)/);
    expect(await publishedRuns()).toBe(before + 2);
  });
});
