/**
 * The drilldown and analysis views on the synthetic demo: each answers, says it is synthetic,
 * logs no console errors, keeps its state in the URL, and its charts export as SVG (title, legend,
 * footer URL · snapshot · date) and PNG.
 */
import fs from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch } from "./browser";

const baseURL = inject("baseURL");

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

describe("drilldown and analysis views", () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it.each([
    ["/models", /Configurations/i],
    ["/benchmarks/medqa", /MedQA/],
    ["/efficiency", /Token efficiency/i],
    ["/efficiency?board=OE&x=latency", /Medmarks-OE/],
    ["/order-bias", /order/i],
    ["/head-to-head", /head-to-head/i],
    ["/medical", /medical/i],
  ])("%s answers, is labelled synthetic and logs no errors", async (url, heading) => {
    const page = await ctx.newPage();
    const errors = watch(page);
    const res = await page.goto(`${baseURL}${url}`);
    expect(res?.status()).toBe(200);
    await expect(page.locator("h1").first().textContent()).resolves.toMatch(heading);
    await expect(page.getByTestId("demo-banner").textContent()).resolves.toMatch(/synthetic/i);
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    "/models/no-such-config",
    "/benchmarks/no-such-benchmark",
    "/benchmarks/medqa/questions/no-such-question?set=medqa%3A%3Abase",
    "/runs/999999",
    "/runs/999999/samples/0",
    "/runs/1/samples/no-such-example",
    "/runs/not-a-number",
  ])("%s is a 404 page", async (url) => {
    const page = await ctx.newPage();
    const res = await page.goto(`${baseURL}${url}`);
    // These routes stream behind a loading skeleton, so the status line (200) is sent before the
    // lookup fails; Next then renders the not-found page and marks it noindex.
    expect([200, 404]).toContain(res?.status());
    await expect(page.getByText(/this page does not exist/i).first().waitFor()).resolves.toBeUndefined();
    await expect(page.locator('meta[name="robots"]').first().getAttribute("content")).resolves.toMatch(/noindex/);
    await page.close();
  });

  it("a configuration page opens from the leaderboard and shows its scores against the median", async () => {
    const page = await ctx.newPage();
    const errors = watch(page);
    await page.goto(`${baseURL}/`);
    const link = page.locator('[data-testid="leaderboard-table"] tbody tr[data-config] a[href^="/models/"]').first();
    const href = await link.getAttribute("href");
    await link.click();
    await page.waitForURL((u) => u.pathname === href);
    await expect(page.locator("h1").first().textContent()).resolves.toBeTruthy();
    // The chart's code (recharts) loads after the page's (components/charts/lazy.tsx): wait for it.
    await page.locator("svg.recharts-surface").first().waitFor();
    // The chart's board lives in the URL.
    await page.getByRole("link", { name: "Medmarks-OE" }).first().click();
    await page.waitForURL(/board=OE/);
    await page.reload();
    expect(new URL(page.url()).searchParams.get("board")).toBe("OE");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("exports the efficiency chart as SVG with title, legend and footer, and as a 2x PNG", async () => {
    const page = await ctx.newPage();
    const errors = watch(page);
    await page.goto(`${baseURL}/efficiency?board=V&x=output`);
    await page.locator("svg.recharts-surface").first().waitFor();
    const frame = page.locator("[data-chart-frame]").first();
    const title = (await frame.locator("figcaption div").first().textContent())!.trim();

    const [svgDownload] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", { name: /as SVG/ }).click()]);
    expect(svgDownload.suggestedFilename()).toMatch(/^medmarks-.*\.svg$/);
    const svg = fs.readFileSync((await svgDownload.path())!, "utf8");
    expect(svg).toContain(`<title>${title.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</title>`);
    expect(svg).toMatch(/>Proprietary<\/text>/); // the legend, drawn into the SVG
    expect(svg).toContain(`${baseURL}/efficiency?board=V&amp;x=output · snapshot `);
    expect(svg).toMatch(/ · \d{4}-\d{2}-\d{2} · synthetic demo data</);
    expect(svg).not.toMatch(/var\(--/); // colours resolved, so the file renders outside the site
    expect((svg.match(/<circle/g) ?? []).length).toBeGreaterThan(10); // the points themselves

    const [pngDownload] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", { name: /as PNG/ }).click()]);
    const png = fs.readFileSync((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const width = png.readUInt32BE(16);
    const svgWidth = Number(/<svg xmlns="[^"]+" width="([\d.]+)"/.exec(svg)![1]);
    expect(width).toBe(Math.round(svgWidth * 2));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens a sample from a run page, and the question across configurations from there", async () => {
    const page = await ctx.newPage();
    const errors = watch(page);
    await page.goto(`${baseURL}/benchmarks/medqa`);
    const runLink = page.locator('a[href^="/runs/"]').first();
    await runLink.click();
    await page.waitForURL(/\/runs\/\d+$/);
    // Filter to wrong answers through the URL-backed filters, then open the first sample.
    const runUrl = page.url();
    await page.goto(`${runUrl}?outcome=wrong&sort=tokens&dir=desc`);
    const sample = page.locator('a[href*="/samples/"]').first();
    await sample.click();
    await page.waitForURL(/\/samples\//);
    await page.getByRole("heading", { name: "Result" }).waitFor();
    await page.getByRole("link", { name: /question across configurations/i }).first().click();
    await page.waitForURL(/\/benchmarks\/medqa\/questions\//);
    await page.getByTestId("question-row").first().waitFor();
    await expect(page.getByTestId("question-row").count()).resolves.toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await page.close();
  });
});
