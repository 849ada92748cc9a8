/**
 * Accessibility of the main pages with axe-core (WCAG 2.0 A/AA and 2.1 A/AA rules): every page,
 * anonymous (light theme; the most colourful ones also in the dark theme), plus /submit and /admin
 * signed in as the demo administrator, has no serious and no critical violation, and every chart
 * SVG is either hidden from assistive technology (the page gives its numbers as a table) or a
 * named graphic. A failure lists each rule id, its impact and the target selectors.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, formatViolations } from "./axe";
import { launch } from "./browser";
import { mainPages } from "../../scripts/bench/main-pages";
import { ensureAdmin, signIn } from "./admin";

const baseURL = inject("baseURL");

/** Loads `path` and returns its problems: serious/critical axe violations and unlabelled charts. */
async function check(page: Page, path: string): Promise<string[]> {
  const res = await page.goto(`${baseURL}${path}`);
  if ((res?.status() ?? 0) >= 400) return [`${path}: HTTP ${res?.status()}`];
  await page.waitForLoadState("networkidle");
  await page.locator("main h1").first().waitFor();
  const problems: string[] = [];
  const violations = await axeViolations(page, { minImpact: "serious" });
  if (violations.length) problems.push(`${path}: ${violations.length} serious/critical axe violation(s):\n${formatViolations(violations)}`);
  // Charts: either out of the accessibility tree (the page carries the numbers in a table) or a
  // named graphic. recharts' default role="application" without a name is neither.
  const charts = await page.evaluate(() =>
    [...document.querySelectorAll("main svg.recharts-surface, main svg[data-chart]")]
      .filter((svg) => !svg.closest('[aria-hidden="true"]'))
      .filter((svg) => !svg.getAttribute("role") || !(svg.getAttribute("aria-label") || svg.getAttribute("aria-labelledby") || svg.querySelector(":scope > title")))
      .map((svg) => svg.outerHTML.slice(0, 120)),
  );
  if (charts.length) problems.push(`${path}: ${charts.length} chart SVG(s) without aria-hidden or a role and a name:\n${charts.join("\n")}`);
  return problems;
}

describe("accessibility (axe-core)", () => {
  let ctx: BrowserContext;
  let page: Page;
  let pages: [string, string][] = [];
  beforeAll(async () => {
    [ctx, pages] = await Promise.all([launch(), mainPages(baseURL)]);
    page = await ctx.newPage();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("every main page has no serious or critical violation", async () => {
    const failures: string[] = [];
    for (const [label, path] of pages) failures.push(...(await check(page, path)).map((p) => `${label} — ${p}`));
    expect(failures, failures.join("\n\n")).toEqual([]);
  }, 240_000);

  it("the dark theme has none on the pages with the most colour (leaderboard, benchmark, model, compare, order bias)", async () => {
    const dark = await ctx.newPage();
    await dark.emulateMedia({ colorScheme: "dark" }); // the theme follows the system until chosen
    const failures: string[] = [];
    for (const [label, path] of pages.filter(([l]) => ["leaderboard V", "benchmark", "model", "compare", "order bias"].includes(l))) {
      failures.push(...(await check(dark, path)).map((p) => `${label} (dark) — ${p}`));
    }
    await expect(dark.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(true);
    await dark.close();
    expect(failures, failures.join("\n\n")).toEqual([]);
  }, 120_000);

  it("/submit and /admin, signed in as the demo administrator, have none either", async () => {
    ensureAdmin(inject("dataDir"), inject("databaseUrl"));
    const admin = await launch(); // own profile: the other test stays anonymous
    try {
      const p = await admin.newPage();
      await signIn(p, baseURL);
      const failures: string[] = [];
      for (const path of ["/submit", "/admin"]) failures.push(...(await check(p, path)));
      expect(failures, failures.join("\n\n")).toEqual([]);
    } finally {
      await admin.close();
    }
  }, 90_000);
});
