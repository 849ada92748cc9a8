/** The leaderboard in a browser: loads, sorts, filters, switches board, and a copied URL reproduces the view. */
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch } from "./browser";

const baseURL = inject("baseURL");
const SHOTS = path.resolve(import.meta.dirname, "../../test-results");

/** Wait (up to 5 s) until the table's row order satisfies `ok`, then return it. */
async function rowsWhen(page: Page, ok: (rows: (string | null)[]) => boolean): Promise<(string | null)[]> {
  let rows = await configsShown(page);
  for (let i = 0; i < 50 && !ok(rows); i++) {
    await page.waitForTimeout(100);
    rows = await configsShown(page);
  }
  return rows;
}

const configsShown = (page: Page) => page.locator('[data-testid="leaderboard-table"] tbody tr[data-config]').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-config")));

describe("leaderboard", () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("shows the ranked V board of the synthetic demo, without console errors", async () => {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    const res = await page.goto(`${baseURL}/`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/Medmarks-V leaderboard/);
    await expect(page.getByTestId("demo-banner").textContent()).resolves.toMatch(/synthetic/i);
    const configs = await configsShown(page);
    expect(configs.length).toBeGreaterThanOrEqual(20);
    // Ranked: the first row has rank 1.
    await expect(page.locator('[data-testid="leaderboard-table"] tbody tr[data-config]').first().locator("td, th").nth(1).textContent()).resolves.toMatch(/^\s*1(?!\d)/);
    await page.screenshot({ path: path.join(SHOTS, "leaderboard.png") });
    expect(errors).toEqual([]);
  });

  it("sorts, filters and switches board through the URL, and a reload of the copied URL gives the same view", async () => {
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/`);
    const ranked = await configsShown(page);

    await page.locator("thead").getByRole("button", { name: /Output tokens/ }).click();
    await page.waitForURL(/sort=tokens/);
    const byTokens = await rowsWhen(page, (rows) => rows.join() !== ranked.join());
    expect(byTokens).not.toEqual(ranked);
    expect([...byTokens].sort()).toEqual([...ranked].sort());

    await page.getByPlaceholder("Search model, alias or org").fill("gpt");
    await page.waitForURL(/q=gpt/);
    const filtered = await rowsWhen(page, (rows) => rows.length < ranked.length);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(ranked.length);
    expect(filtered.every((c) => /gpt/i.test(c ?? ""))).toBe(true);

    const copied = page.url();
    const again = await ctx.newPage();
    await again.goto(copied);
    expect(await configsShown(again)).toEqual(filtered);

    await page.getByTestId("board-tabs").getByRole("link", { name: /OE/ }).click();
    await page.waitForURL(/board=OE/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/Medmarks-OE leaderboard/);
    expect((await configsShown(page)).length).toBeGreaterThan(0);
  });

  it("links a benchmark cell to the benchmark's ranking, and that to the runs behind each number", async () => {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${baseURL}/`);
    const first = page.locator('[data-testid="leaderboard-table"] tbody tr[data-config]').first();
    const config = await first.getAttribute("data-config");
    await first.locator('a[href^="/benchmarks/medqa"]').click();
    await page.waitForURL(/\/benchmarks\/medqa#config-/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/MedQA/);
    const row = page.locator(`tr[id="config-${config}"]`);
    expect(await row.count()).toBe(1);
    const runLink = row.locator('a[href^="/runs/"]').first();
    const href = await runLink.getAttribute("href");
    await runLink.click();
    await page.waitForURL(new RegExp(`${href}$`));
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(new RegExp(`Run ${href!.split("/").pop()}`));
    await expect(page.locator("body").textContent()).resolves.toMatch(/synthetic demo run/i);
    expect(errors).toEqual([]);
  });

  it("serves the same rows as JSON from /api/v1/leaderboard", async () => {
    const res = await fetch(`${baseURL}/api/v1/leaderboard?board=V`);
    expect(res.status).toBe(200);
    const view = await res.json();
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/`);
    expect(view.rows.map((r: { config: string }) => r.config)).toEqual(await configsShown(page));
  });
});
