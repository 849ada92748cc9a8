/**
 * The compare view on the synthetic demo: ticked on the leaderboard, opened with Compare, the
 * comparison and the item-level diff down to one question's two answers, the same view after a
 * reload, configurations added from the page's search box, and no console errors.
 */
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch } from "./browser";

const baseURL = inject("baseURL");
const SHOTS = path.resolve(import.meta.dirname, "../../test-results");

function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${m.text()} @ ${m.location().url}`);
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

describe("compare view", () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("ticks three leaderboard rows, compares them, opens the item diff and one row's answers, and reloads to the same view", async () => {
    const page = await ctx.newPage();
    const errors = watch(page);
    await page.goto(`${baseURL}/`);
    const rows = page.locator('[data-testid="leaderboard-table"] tbody tr[data-config]');
    await rows.first().waitFor();
    await page.waitForLoadState("networkidle"); // hydrated: a tick before that is undone by React
    const picked: string[] = [];
    for (let i = 0; i < 3; i++) {
      picked.push((await rows.nth(i).getAttribute("data-config"))!);
      await rows.nth(i).locator('input[type="checkbox"]').click();
      await page.waitForURL((u) => (u.searchParams.get("sel") ?? "").split(",").length === i + 1);
    }
    const button = page.getByTestId("compare-button").filter({ hasText: "Compare (3)" });
    await button.waitFor();
    await expect(rows.nth(2).locator('input[type="checkbox"]').isChecked()).resolves.toBe(true);
    await button.click();
    await page.waitForURL((u) => u.pathname === "/compare");
    const url = new URL(page.url());
    expect(url.searchParams.get("configs")).toBe(picked.join(","));
    expect(url.searchParams.get("board")).toBe("V");

    // The comparison: one table row per benchmark, the test named, the chart drawn, the other tables there.
    await page.getByTestId("compare-table").waitFor();
    await expect(page.getByTestId("picked-config").count()).resolves.toBe(3);
    const benchRows = await page.locator('[data-testid^="compare-row-"]').count();
    expect(benchRows).toBeGreaterThan(5);
    await expect(page.getByTestId("compare-methods").textContent()).resolves.toMatch(/McNemar's exact test/);
    await expect(page.getByTestId("compare-table").textContent()).resolves.toMatch(/McNemar|paired bootstrap/);
    // The chart's code (recharts) loads after the page's (components/charts/lazy.tsx): wait for it.
    await page.locator("[data-chart-frame] svg.recharts-surface").first().waitFor();
    await page.getByTestId("compare-h2h").waitFor();
    await page.getByTestId("compare-usage").waitFor();
    await page.getByTestId("compare-alignment").waitFor();

    // The item diff of the reference and the second configuration.
    await page.getByTestId(`diff-link-${picked[1]}`).click();
    await page.waitForURL((u) => u.searchParams.get("a") === picked[0] && u.searchParams.get("b") === picked[1]);
    await page.getByTestId("item-diff").waitFor();
    if ((await page.getByTestId("diff-row").count()) === 0) {
      await page.getByTestId("dir-b-only").click();
      await page.waitForURL((u) => u.searchParams.get("dir") === "b-only");
    }
    await page.getByTestId("diff-row").first().waitFor();
    const first = page.getByTestId("diff-row").first();
    const example = await first.getAttribute("data-example");
    const dataset = await first.getAttribute("data-dataset");
    const shown = await page.getByTestId("diff-row").count();

    // One row's answers side by side, with the gold answer and both samples.
    await first.getByTestId("diff-open").click();
    const detail = page.getByTestId("diff-detail").first();
    await detail.waitFor();
    await expect(detail.textContent()).resolves.toMatch(/Gold answer/);
    await expect(detail.getByTestId("diff-answer-A").count()).resolves.toBe(1);
    await expect(detail.getByTestId("diff-answer-B").count()).resolves.toBe(1);
    const samples = await detail.getByTestId("diff-sample-link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(samples).toHaveLength(2);
    for (const href of samples) expect(href).toMatch(new RegExp(`^/runs/\\d+/samples/${encodeURIComponent(example!)}\\?rollout=\\d+$`));
    await expect(detail.getByTestId("diff-question-link").getAttribute("href")).resolves.toContain(`config=${encodeURIComponent(picked[0])}`);
    await page.screenshot({ path: path.join(SHOTS, "compare.png"), fullPage: true });

    // The URL reproduces the view.
    const before = page.url();
    await page.reload();
    expect(page.url()).toBe(before);
    await page.getByTestId("diff-row").first().waitFor();
    await expect(page.locator('[data-testid^="compare-row-"]').count()).resolves.toBe(benchRows);
    await expect(page.getByTestId("diff-row").count()).resolves.toBe(shown);
    await expect(page.getByTestId("diff-row").first().getAttribute("data-example")).resolves.toBe(example);
    await expect(page.getByTestId("diff-row").first().getAttribute("data-dataset")).resolves.toBe(dataset);

    // A sample link opens its sample page.
    await page.getByTestId("diff-open").first().click();
    await page.getByTestId("diff-sample-link").first().click();
    await page.waitForURL(/\/runs\/\d+\/samples\//);
    await page.getByRole("heading", { name: "Result" }).waitFor();

    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a picker for fewer than two configurations, lists unknown ones, and adds one from the search box", async () => {
    const page = await ctx.newPage();
    const errors = watch(page);
    await page.goto(`${baseURL}/`);
    await page.waitForLoadState("networkidle");
    const firstConfig = (await page.locator('[data-testid="leaderboard-table"] tbody tr[data-config]').first().getAttribute("data-config"))!;
    await page.goto(`${baseURL}/compare?configs=${encodeURIComponent(firstConfig)},no-such-config&board=V`);
    await page.getByTestId("compare-empty").waitFor();
    await page.waitForLoadState("networkidle");
    await expect(page.getByTestId("unknown-config").textContent()).resolves.toContain("no-such-config");
    await expect(page.getByTestId("unknown-note").textContent()).resolves.toContain("no-such-config");

    const search = page.getByTestId("config-search");
    await search.click();
    await page.getByTestId("config-option").first().waitFor();
    await search.press("ArrowDown");
    await search.press("Enter");
    await page.waitForURL((u) => (u.searchParams.get("configs") ?? "").split(",").length === 3);
    await page.getByTestId("compare-table").waitFor();
    await expect(page.getByTestId("picked-config").count()).resolves.toBe(2);

    // × removes a configuration (back to the picker).
    await page.getByRole("link", { name: /^Remove / }).first().click();
    await page.waitForURL((u) => !(u.searchParams.get("configs") ?? "").split(",").includes(firstConfig));
    await page.getByTestId("compare-empty").waitFor();
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
    await page.close();
  });
});
