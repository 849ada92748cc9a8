import fs from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch } from "./browser";

const baseURL = inject("baseURL");
const SHOTS = path.resolve(import.meta.dirname, "../../test-results");

describe("loaded data page and site shell", () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("lists the loaded demo data, says it is synthetic, and logs no console errors", async () => {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    const res = await page.goto(`${baseURL}/data`);
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId("demo-banner").textContent()).resolves.toMatch(/synthetic/i);
    const runs = Number((await page.locator('[data-stat="runs"]').textContent())?.replace(/,/g, ""));
    expect(runs).toBeGreaterThan(100);
    // Both boards have a coverage table with a row per configuration.
    const vRows = await page.locator('[data-testid="inventory-V"] tbody tr').count();
    const oeRows = await page.locator('[data-testid="inventory-OE"] tbody tr').count();
    expect(vRows).toBeGreaterThanOrEqual(24);
    expect(oeRows).toBeGreaterThanOrEqual(20);
    await page.screenshot({ path: path.join(SHOTS, "data.png"), fullPage: false });
    expect(errors).toEqual([]);
  });

  it("switches to dark mode with the toggle and keeps it across reloads", async () => {
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/data`);
    await page.getByRole("button", { name: /theme/i }).click();
    await page.getByRole("menuitemradio", { name: /dark/i }).click();
    await expect(page.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(true);
    await page.reload();
    await expect(page.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(true);
    await page.getByTestId("inventory-totals").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "data-dark.png") });
  });

  it("answers unknown URLs with the 404 page", async () => {
    const page = await ctx.newPage();
    const res = await page.goto(`${baseURL}/no/such/page`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/does not exist/i);
  });
});
