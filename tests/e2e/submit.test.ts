/**
 * A community submission end to end in a browser: sign up, upload a small archive (a real Gen A
 * run of a catalog configuration, built here with fflate), read the report, confirm, see it
 * pending (and private), sign in as an administrator (made with `npm run user`, which hands the
 * command to the server holding the embedded database), see the board diff, approve, and find
 * the configuration on the public board and the submitter on the run page.
 *
 * Publishing a community run switches the boards from the demo to real data, which the other
 * browser tests do not expect: this file runs its own server on its own data (the build of the
 * global setup, a fresh embedded database — or a fresh database on E2E_DATABASE_URL).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import postgres from "postgres";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { rowJson } from "../../lib/ingest/test-fixtures";
import { launch } from "./browser";
import { freePort, SERVER_ARGS } from "../../scripts/server-command";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CONFIG = "gemma-3-12b-it"; // a catalog configuration the demo does not evaluate
const PROVIDER = "google/gemma-3-12b-it";
const USER = { name: `e2e-user-${Date.now().toString(36)}`, password: "e2e user password" };
const MOD = { name: "moderator", password: "moderator password" };

describe("community submission", () => {
  const sharedDb = inject("databaseUrl");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mm-e2e-submit-"));
  let databaseUrl = "";
  let dropDb: (() => Promise<void>) | null = null;
  let server: ChildProcess | null = null;
  let log = "";
  let base = "";
  let ctx: BrowserContext;

  beforeAll(async () => {
    if (sharedDb) {
      // A fresh database on the same PostgreSQL server.
      const name = `mm_e2e_submit_${Date.now().toString(36)}`;
      const admin = postgres(sharedDb, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      await admin.end();
      const u = new URL(sharedDb);
      u.pathname = `/${name}`;
      databaseUrl = u.toString();
      dropDb = async () => {
        const a = postgres(sharedDb, { max: 1, onnotice: () => {} });
        await a.unsafe(`drop database if exists ${name} with (force)`);
        await a.end();
      };
    }
    const port = await freePort();
    server = spawn(process.execPath, [...SERVER_ARGS, "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      detached: true,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        DATA_DIR: dataDir,
        PGLITE_DIR: path.join(dataDir, "pglite"),
        DATABASE_URL: databaseUrl,
        SEED_DEMO: "1",
        DEMO_QUESTIONS: "4",
        AUTH_SECRET: "e2e-submit-secret-e2e-submit-secret-0123",
      },
    });
    server.stdout?.on("data", (d) => (log += d));
    server.stderr?.on("data", (d) => (log += d));
    // Auth.js rewrites loopback hosts to localhost: browse http://localhost:PORT.
    base = `http://localhost:${port}`;
    const start = Date.now();
    for (;;) {
      if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${log}`);
      if (Date.now() - start > 240_000) throw new Error(`the server did not answer within 240 s:\n${log}`);
      const ok = await fetch(`${base}/`).then((r) => r.status < 500, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    ctx = await launch();
  }, 300_000);

  afterAll(async () => {
    await ctx?.close();
    try {
      if (server?.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      /* gone */
    }
    await new Promise((r) => setTimeout(r, 500));
    await dropDb?.().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** A real Gen A run of a catalog configuration on the demo's MedQA questions (so it is ranked against them). */
  function archive(): Buffer {
    const evals = path.join(dataDir, "demo-runs", "runs", "evals");
    const demoModel = fs.readdirSync(evals).sort()[0];
    const demoRows = fs.readFileSync(path.join(evals, demoModel, "medqa", "base", "results.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const ids = [...new Set(demoRows.map((r) => r.example_id))];
    const options = { A: "Aspirin", B: "Heparin", C: "Warfarin", D: "None of the above" };
    const rows = ids.map((id, i) => rowJson({ id, reward: i % 2 === 0 ? 1 : 0, options, text: i % 2 === 0 ? "<answer>A</answer>" : "<answer>B</answer>" }));
    const metadata = {
      env_id: "medqa", env_args: {}, model: PROVIDER, base_url: "http://localhost:8000/v1", num_examples: ids.length, rollouts_per_example: 1,
      sampling_args: { temperature: 0.7 }, avg_reward: rows.filter((r) => r.reward === 1).length / rows.length,
      version_info: { vf_version: "0.1.9", env_version: "0.2.0" },
    };
    const dir = `runs/evals/google-gemma-3-12b-it/medqa/base`;
    return Buffer.from(
      zipSync({
        [`${dir}/metadata.json`]: Buffer.from(JSON.stringify(metadata, null, 2)),
        [`${dir}/results.jsonl`]: Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n") + "\n"),
      }),
    );
  }

  /** On failure: the page's HTML, a screenshot and its console errors under test-results/. */
  async function diagnose<T>(page: Page, label: string, fn: () => Promise<T>): Promise<T> {
    const consoleLines: string[] = [];
    page.on("console", (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => consoleLines.push(`pageerror: ${e.message}`));
    try {
      return await fn();
    } catch (e) {
      const dir = path.join(ROOT, "test-results");
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, `submit-${label}.png`), fullPage: true }).catch(() => undefined);
      fs.writeFileSync(path.join(dir, `submit-${label}.html`), await page.content().catch(() => ""));
      fs.writeFileSync(path.join(dir, `submit-${label}.log`), [`url: ${page.url()}`, ...consoleLines, "--- server ---", log.slice(-20_000)].join("\n"));
      throw e;
    }
  }

  /** A page in a separate browser profile: no session cookie. */
  async function anonymous(fn: (page: Page) => Promise<void>) {
    const other = await launch();
    try {
      await fn(await other.newPage());
    } finally {
      await other.close();
    }
  }

  async function signIn(page: Page, who: { name: string; password: string }) {
    await page.goto(`${base}/signin`);
    await page.locator("#signin-name").fill(who.name);
    await page.locator("#signin-password").fill(who.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/profile$/);
    await expect(page.getByTestId("account-menu").textContent()).resolves.toContain(who.name);
  }

  async function signOut(page: Page) {
    await page.goto(`${base}/profile`);
    await page.getByTestId("profile-signout").click();
    await page.waitForURL((u) => u.pathname === "/");
    await page.getByTestId("signin-link").waitFor();
  }

  let submissionId = 0;
  let runId = 0;

  it("the embedded demo printed its admin password once at the first start", () => {
    if (sharedDb) expect(log).not.toMatch(/demo admin created/); // never with DATABASE_URL
    else expect(log).toMatch(/demo admin created: sign in at \/signin as "admin" with password \S+/);
  });

  it("signs up, uploads an archive with a progress bar, reads the report and submits it for review", async () => {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await diagnose(page, "upload", async () => {
    await page.goto(`${base}/submit`);
    await page.waitForURL(/\/signin\?callbackUrl=%2Fsubmit|\/signin\?callbackUrl=\/submit/); // signed out: sent to sign in
    await page.goto(`${base}/signup?callbackUrl=/submit`);
    await page.locator("#signup-name").fill(USER.name);
    await page.locator("#signup-password").fill(USER.password);
    await page.locator("#signup-confirm").fill(USER.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/submit$/);
    await expect(page.getByTestId("account-menu").textContent()).resolves.toContain(USER.name);

    await page.locator('[data-testid="archive-input"]').setInputFiles({ name: "gemma-run.zip", mimeType: "application/zip", buffer: archive() });
    await expect(page.getByTestId("picked").textContent()).resolves.toMatch(/1 file/);
    await page.getByTestId("upload-button").click();
    await page.getByTestId("report").waitFor({ timeout: 30_000 });
    await expect(page.getByTestId("report-totals").textContent()).resolves.toMatch(/1 run found: 1 valid/);
    await expect(page.getByTestId("report-status").textContent()).resolves.toBe("valid");
    await expect(page.getByTestId("report-config").textContent()).resolves.toBe(CONFIG);
    await expect(page.getByTestId("report-runs").textContent()).resolves.toMatch(/medqa::base/);

    await page.locator("#decl-card").fill("https://huggingface.co/google/gemma-3-12b-it");
    await page.getByTestId("confirm-button").click();
    await page.waitForURL(/\/submissions\/\d+$/, { timeout: 30_000 });
    submissionId = Number(page.url().split("/").pop());
    await page.locator('[data-testid="submission-status"][data-status="pending"]').waitFor({ timeout: 30_000 });
    await page.getByTestId("pending-explainer").waitFor();
    const href = await page.locator('[data-testid="submission-runs"] a[href^="/runs/"]').first().getAttribute("href");
    runId = Number(href!.split("/").pop());
    expect(runId).toBeGreaterThan(0);

    // The owner sees the pending run; nobody else does, and it is on no board.
    await page.goto(`${base}/runs/${runId}`);
    await page.getByTestId("pending-note").waitFor();
    // Anonymous (a browser without cookies): the not-found page.
    await anonymous(async (anon) => {
      const res = await anon.goto(`${base}/runs/${runId}`);
      expect([200, 404]).toContain(res?.status()); // behind the loading skeleton the status line may be sent first
      await anon.getByText(/this page does not exist/i).first().waitFor();
      expect(await anon.getByTestId("pending-note").count()).toBe(0);
      expect(await anon.getByTestId("run-provenance").count()).toBe(0);
    });
    const board = await (await fetch(`${base}/api/v1/leaderboard?board=V&data=all`)).json();
    expect(board.rows.map((r: { config: string }) => r.config)).not.toContain(CONFIG);

    await page.goto(`${base}/submissions`);
    await expect(page.locator(`[data-testid="submission-row"][data-id="${submissionId}"]`).textContent()).resolves.toMatch(/pending review/);
    await signOut(page);
    });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it("an administrator (made with npm run user while the server runs) sees the diff and approves", async () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/user.ts", "add", MOD.name, "--admin", "--password", MOD.password], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PGLITE_DIR: path.join(dataDir, "pglite"), DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/created admin moderator/);
    if (!databaseUrl) expect(r.stderr).toMatch(/handing the command to http:\/\/127\.0\.0\.1:\d+/);

    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await diagnose(page, "approve", async () => {
    await signIn(page, MOD);
    await page.goto(`${base}/admin`);
    await page.locator(`[data-testid="submission-row"][data-id="${submissionId}"]`).waitFor();
    await page.goto(`${base}/admin/submissions/${submissionId}`);
    await page.getByTestId("board-diff").waitFor();
    await expect(page.locator('[data-testid="diff-table-V"] tr[data-kind="new"]').first().textContent()).resolves.toContain(CONFIG);
    await page.getByTestId("diff-flip").first().waitFor(); // the first real run switches the boards from the demo
    await page.getByTestId("approve-button").click();
    await page.locator('[data-testid="submission-status"][data-status="approved"]').waitFor({ timeout: 60_000 });
    await page.goto(`${base}/admin`);
    await expect(page.getByTestId("audit-log").locator('tr[data-action="approve"]').first().textContent()).resolves.toContain(MOD.name);
    });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it("the configuration is on the public board, and the run page names the submitter", async () => {
    const board = await (await fetch(`${base}/api/v1/leaderboard?board=V&data=all`)).json();
    expect(board.rows.map((r: { config: string }) => r.config)).toContain(CONFIG);
    const page = await ctx.newPage();
    await page.goto(`${base}/?board=V&data=all`);
    await page.locator(`[data-testid="leaderboard-table"] tbody tr[data-config="${CONFIG}"]`).waitFor();
    const res = await page.goto(`${base}/runs/${runId}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId("run-submitter").textContent()).resolves.toBe(USER.name);
    await expect(page.getByTestId("run-provenance").textContent()).resolves.toMatch(/community/);
    await page.close();
    // Published, the run is public: anyone sees it with its submitter.
    await anonymous(async (anon) => {
      const r = await anon.goto(`${base}/runs/${runId}`);
      expect(r?.status()).toBe(200);
      await expect(anon.getByTestId("run-submitter").textContent()).resolves.toBe(USER.name);
      await anon.getByTestId("signin-link").waitFor();
    });
  }, 60_000);
});
