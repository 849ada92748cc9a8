/**
 * Model output is untrusted. A newer copy of one demo run is ingested whose prompt, completion,
 * reasoning, options and judge text carry script tags, event-handler attributes and javascript:
 * links, plus one 1 MB completion. Rewards are unchanged, so the boards keep their shape for the
 * other browser tests. The sample page, the run's sample list and the question-across-configs page
 * must show that text literally, execute none of it, and stay responsive.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { tmpDir } from "../../lib/ingest/test-fixtures";
import { launch } from "./browser";

const baseURL = inject("baseURL");
const dataDir = inject("dataDir");
const databaseUrl = inject("databaseUrl");
const ROOT = path.resolve(import.meta.dirname, "../..");

const HOSTILE = [
  `<script>window.__pwned = "script"</script>`,
  `<img src=x onerror="window.__pwned='img'">`,
  `[click me](javascript:window.__pwned='md-link')`,
  `<a href="javascript:window.__pwned='a'">link</a>`,
  `<svg onload="window.__pwned='svg'"></svg>`,
  `<iframe src="javascript:window.__pwned='iframe'"></iframe>`,
].join("\n");
const BIG = 1_000_000;

/** Watch for anything that would mean the text ran: dialogs, the marker global, page errors. */
function guard(page: Page) {
  const events: string[] = [];
  page.on("dialog", (d) => {
    events.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on("pageerror", (e) => events.push(`pageerror: ${e.message}`));
  return events;
}

async function assertInert(page: Page, events: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
  // None of the hostile markup became elements.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
  expect(await page.locator("iframe").count()).toBe(0);
  expect(await page.locator("svg[onload]").count()).toBe(0);
  expect(await page.locator("main script").count()).toBe(0);
  expect(events).toEqual([]);
}

describe("untrusted model text renders inert", () => {
  let ctx: BrowserContext;
  let runId = 0;
  let exampleHostile = "";
  let exampleBig = "";
  let benchmarkQuestionUrl = "";

  beforeAll(async () => {
    ctx = await launch();
    // A newer copy of the last model's demo medqa run with hostile text in its first two rows.
    const evals = path.join(dataDir, "demo-runs", "runs", "evals");
    const model = fs.readdirSync(evals).sort().at(-1)!;
    const src = path.join(evals, model, "medqa", "base");
    const root = tmpDir("mm-hostile-");
    const dest = path.join(root, "runs", "evals", model, "medqa", "base");
    fs.mkdirSync(dest, { recursive: true });
    fs.copyFileSync(path.join(src, "metadata.json"), path.join(dest, "metadata.json"));
    const lines = fs.readFileSync(path.join(src, "results.jsonl"), "utf8").trimEnd().split("\n");
    const first = JSON.parse(lines[0]);
    exampleHostile = String(first.example_id);
    first.prompt = [{ role: "system", content: HOSTILE }, { role: "user", content: `Which option?\n${HOSTILE}` }];
    first.completion = [{ role: "assistant", content: `${HOSTILE}\n<answer>A</answer>`, reasoning_content: HOSTILE }];
    first.info = {
      ...(first.info ?? {}),
      options: { A: `<img src=x onerror="window.__pwned='option'">`, B: "javascript:window.__pwned='opt-b'", C: "plain", D: "plain too" },
      judge_feedback: [{ score: 1, judges: [{ model: "judge-<script>x</script>", raw: HOSTILE, error: null, scores: { correct: 1 }, score: 1 }] }],
    };
    lines[0] = JSON.stringify(first);
    const second = JSON.parse(lines[1]);
    exampleBig = String(second.example_id);
    const sentence = "The answer follows after a long deliberation. ";
    second.completion = [{ role: "assistant", content: `${sentence.repeat(Math.ceil(BIG / sentence.length)).slice(0, BIG)}<answer>B</answer>` }];
    lines[1] = JSON.stringify(second);
    fs.writeFileSync(path.join(dest, "results.jsonl"), lines.join("\n") + "\n");
    const now = Date.now() / 1000;
    fs.utimesSync(path.join(dest, "metadata.json"), now, now);

    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", root, "--demo"], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    // The old run's page names the run that replaced it.
    const m = /supersedes run (\d+)/.exec(r.stdout + r.stderr);
    expect(m, r.stdout + r.stderr).not.toBeNull();
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/runs/${m![1]}`);
    const href = await page.getByRole("link", { name: /^run \d+$/ }).first().getAttribute("href");
    runId = Number(/\/runs\/(\d+)/.exec(href ?? "")?.[1]);
    expect(runId).toBeGreaterThan(0);
    await page.close();
  }, 180_000);

  afterAll(async () => {
    await ctx?.close();
  });

  it("the sample page shows hostile prompt, completion, options and judge text literally and runs none of it", async () => {
    const page = await ctx.newPage();
    const events = guard(page);
    const res = await page.goto(`${baseURL}/runs/${runId}/samples/${encodeURIComponent(exampleHostile)}`);
    expect(res?.status()).toBe(200);
    await page.waitForLoadState("networkidle");
    const text = await page.locator("main").innerText();
    expect(text).toContain(`<script>window.__pwned = "script"</script>`);
    expect(text).toContain(`<img src=x onerror="window.__pwned='img'">`);
    expect(text).toContain(`[click me](javascript:window.__pwned='md-link')`);
    expect(text).toContain(`onerror="window.__pwned='option'"`);
    // Open every collapsed block (reasoning, raw judge text) and click every link in the sample.
    for (const d of await page.locator("main details").all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    await assertInert(page, events);
    const question = page.getByRole("link", { name: /across configurations|all configurations|other configurations/i }).first();
    benchmarkQuestionUrl = (await question.getAttribute("href")) ?? "";
    expect(benchmarkQuestionUrl).toMatch(/^\/benchmarks\/medqa\/questions\//);
    await page.close();
  });

  it("a 1 MB completion keeps the sample page responsive, and all of it can be shown", async () => {
    const page = await ctx.newPage();
    const events = guard(page);
    const t0 = Date.now();
    const res = await page.goto(`${baseURL}/runs/${runId}/samples/${encodeURIComponent(exampleBig)}`);
    expect(res?.status()).toBe(200);
    await page.waitForLoadState("load");
    const loadMs = Date.now() - t0;
    // The main thread answers promptly (a frame round-trip), before and after showing the full text.
    const frame = () => page.evaluate(() => new Promise<number>((r) => { const t = performance.now(); requestAnimationFrame(() => r(performance.now() - t)); }));
    expect(await frame()).toBeLessThan(1000);
    const showAll = page.getByRole("button", { name: /show all/i }).first();
    await showAll.click();
    // textContent, not innerText: innerText drops the spaces where pre-wrap text wraps.
    await expect.poll(() => page.evaluate(() => document.querySelector("main")?.textContent?.length ?? 0), { timeout: 20_000 }).toBeGreaterThan(BIG);
    expect(await frame()).toBeLessThan(1000);
    expect(loadMs).toBeLessThan(20_000);
    await assertInert(page, events);
    await page.close();
  });

  it("the run's sample list finds the hostile row by text search and shows its excerpt as text", async () => {
    const page = await ctx.newPage();
    const events = guard(page);
    await page.goto(`${baseURL}/runs/${runId}?q=${encodeURIComponent("__pwned")}`);
    await page.waitForLoadState("networkidle");
    const rows = page.locator(`a[href*="/runs/${runId}/samples/"]`);
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await page.locator("main").innerText()).toContain("__pwned");
    await assertInert(page, events);
    await page.close();
  });

  it("the same question across configurations shows the hostile answer inert", async () => {
    const page = await ctx.newPage();
    const events = guard(page);
    const res = await page.goto(`${baseURL}${benchmarkQuestionUrl}`);
    expect(res?.status()).toBe(200);
    await page.waitForLoadState("networkidle");
    expect(await page.locator("main").innerText()).toContain("__pwned");
    await assertInert(page, events);
    await page.close();
  });
});
