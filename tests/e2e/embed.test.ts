/**
 * Embeds and table exports in a browser, on the synthetic demo: every /embed view renders alone (no
 * site header, nav, banner or footer) with its chart or table, a footer linking back to the full
 * view in a new tab, and no console errors; embeds may be framed by any page (about:blank, another
 * origin) while the rest of the site may not; the "Embed" snippet of a chart works as pasted; the
 * leaderboard's LaTeX export is a booktabs table of the rows shown.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { escapeLatex } from "@/lib/export/latex";

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

/** `s` as a literal inside a RegExp. */
const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The site's chrome is absent: header, main nav, demo banner, footer. */
async function expectNoChrome(page: Page | Frame) {
  for (const sel of ['[data-slot="site-header"]', 'nav[aria-label="Main"]', '[data-testid="demo-banner"]', '[data-slot="site-footer"]']) {
    expect(await page.locator(sel).count(), sel).toBe(0);
  }
}

/** The footer's link back: new tab, noopener, the full view's path and query. */
async function fullViewHref(page: Page | Frame): Promise<string> {
  const link = page.getByTestId("embed-full-view");
  expect(await link.getAttribute("target")).toBe("_blank");
  expect(await link.getAttribute("rel")).toMatch(/noopener/);
  return (await link.getAttribute("href"))!;
}

describe("embeds", () => {
  let ctx: BrowserContext;
  /** Two configurations ranked on the V board of the demo, and the first row's display name. */
  const demo = { a: "", b: "" };
  let embedder: http.Server | undefined;

  beforeAll(async () => {
    ctx = await launch();
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/`);
    const configs = await page.locator('[data-testid="leaderboard-table"] tbody tr[data-config]').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-config")!));
    [demo.a, demo.b] = configs;
    await page.close();
  });
  afterAll(async () => {
    await ctx?.close();
    await new Promise((r) => (embedder ? embedder.close(r) : r(undefined)));
  });

  const cases = () =>
    [
      ["/embed/leaderboard?board=V&n=10", "table", "/?board=V"],
      ["/embed/leaderboard?board=OE&group=proprietary,open-weight", "table", "/?board=OE&group=proprietary,open-weight"],
      ["/embed/efficiency?board=V&x=total&h=320", "chart", "/efficiency?board=V&x=total"],
      ["/embed/benchmark/medqa/distribution?dist=questions", "chart", "/benchmarks/medqa?dist=questions#h-distribution"],
      [`/embed/models/${demo.a}/scores?board=V`, "chart", `/models/${demo.a}?board=V#scores`],
      ["/embed/order-bias/sensitivity", "chart", "/order-bias#ranking"],
      ["/embed/head-to-head?board=V", "table", "/head-to-head?board=V"],
      [`/embed/head-to-head?board=V&a=${demo.a}&b=${demo.b}`, "chart", `/head-to-head?board=V&a=${demo.a}&b=${demo.b}#breakdown`],
      ["/embed/medical?board=V", "chart", "/medical?board=V#pair"],
    ] as const;

  it("every embed renders alone: its chart or table, the footer linking back, no chrome, no console errors, frameable", async () => {
    for (const [url, kind, full] of cases()) {
      const page = await ctx.newPage();
      const errors = watch(page);
      const res = await page.goto(`${baseURL}${url}`);
      expect(res?.status(), url).toBe(200);
      const headers = res!.headers();
      expect(headers["x-frame-options"], url).toBeUndefined();
      expect(headers["content-security-policy"] ?? "", url).not.toMatch(/frame-ancestors/);
      await page.getByTestId("embed-footer").waitFor({ timeout: 15_000 }).catch((e: Error) => {
        throw new Error(`${url}: ${e.message}`);
      });
      await expectNoChrome(page);
      if (kind === "chart") await page.locator("[data-chart-frame] svg.recharts-surface").first().waitFor();
      else await page.locator("table tbody tr").first().waitFor();
      expect(await page.getByTestId("embed-empty").count(), url).toBe(0);
      await expect(page.getByTestId("embed-footer").textContent()).resolves.toMatch(/Medmarks Explorer.*snapshot [0-9a-f]{16}.*synthetic demo data.*open full view/);
      expect(await fullViewHref(page), url).toBe(full);
      // No "Embed" of an embed; the chart still exports.
      expect(await page.getByTestId("embed-button").count(), url).toBe(0);
      await page.waitForLoadState("networkidle");
      expect(errors, url).toEqual([]);
      await page.close();
    }
  });

  it("the chart fills the width it is given and takes its height from ?h=", async () => {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 520, height: 700 });
    await page.goto(`${baseURL}/embed/efficiency?board=V&h=300`);
    const svg = page.locator("[data-chart-frame] svg.recharts-surface").first();
    await svg.waitFor();
    const box = (await svg.boundingBox())!;
    expect(box.height).toBeCloseTo(300, 0);
    expect(box.width).toBeGreaterThan(460);
    expect(box.width).toBeLessThanOrEqual(520);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(520);
    await page.close();
  });

  it("the full site is not frameable by other sites", async () => {
    const res = await fetch(`${baseURL}/efficiency`);
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'self'/);
  });

  it("renders inside an iframe on about:blank and on another origin", async () => {
    const src = `${baseURL}/embed/efficiency?board=V&h=300`;
    const html = `<!doctype html><title>embedder</title><h1>My post</h1><iframe id="mm" src="${src}" width="100%" height="460" style="border:0"></iframe>`;

    const page = await ctx.newPage();
    const errors = watch(page);
    await page.setContent(html); // about:blank
    const frame = await (await page.waitForSelector("iframe#mm")).contentFrame();
    await frame!.getByTestId("embed-footer").waitFor();
    await frame!.locator("svg.recharts-surface").first().waitFor();
    await expectNoChrome(frame!);
    expect(await fullViewHref(frame!)).toBe("/efficiency?board=V");
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
    await page.close();

    // A page of another origin (127.0.0.1 vs localhost), as a blog would be.
    embedder = http.createServer((_, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
    });
    await new Promise<void>((r) => embedder!.listen(0, "127.0.0.1", r));
    const other = await ctx.newPage();
    await other.goto(`http://127.0.0.1:${(embedder.address() as AddressInfo).port}/`);
    const frame2 = await (await other.waitForSelector("iframe#mm")).contentFrame();
    await frame2!.getByTestId("embed-footer").waitFor();
    await frame2!.locator("svg.recharts-surface").first().waitFor();
    await other.close();
  });

  it("a chart's Embed snippet, pasted into a page, shows the same view pinned to its snapshot", async () => {
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/efficiency?board=OE&x=latency`);
    const frame = page.locator("[data-chart-frame]").first();
    await frame.locator("svg.recharts-surface").first().waitFor();
    await frame.getByTestId("embed-button").locator("summary").click();
    const snippet = await frame.getByTestId("embed-snippet").inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/localhost:\d+\/embed\/efficiency\?board=OE&amp;x=latency&amp;snapshot=[0-9a-f]{16}&amp;h=\d+" width="100%" height="\d+"/);
    const snapshot = /snapshot=([0-9a-f]{16})/.exec(snippet)![1];

    const host = await ctx.newPage();
    const errors = watch(host);
    await host.setContent(`<!doctype html><body>${snippet}</body>`);
    const embedded = await (await host.waitForSelector("iframe")).contentFrame();
    await embedded!.locator("svg.recharts-surface").first().waitFor();
    expect(await embedded!.getByTestId("embed-footer").getAttribute("data-snapshot")).toBe(snapshot);
    expect(await fullViewHref(embedded!)).toBe(`/efficiency?board=OE&x=latency&snapshot=${snapshot}`);
    await host.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
    await host.close();
    await page.close();
  });

  it("each embeddable chart (and the leaderboard) offers the snippet of its embed", async () => {
    const pages = [
      [`/?board=OE&group=medical&sort=tokens:asc`, /\/embed\/leaderboard\?board=OE&amp;group=medical&amp;snapshot=/],
      ["/benchmarks/medqa?dist=questions", /\/embed\/benchmark\/medqa\/distribution\?dist=questions&amp;snapshot=/],
      [`/models/${demo.a}?board=V`, new RegExp(`/embed/models/${re(demo.a)}/scores\\?board=V&amp;snapshot=`)],
      ["/order-bias", /\/embed\/order-bias\/sensitivity\?snapshot=/],
      [`/head-to-head?board=V&a=${demo.a}&b=${demo.b}`, new RegExp(`/embed/head-to-head\\?board=V&amp;a=${re(demo.a)}&amp;b=${re(demo.b)}&amp;snapshot=`)],
      ["/medical?board=V", /\/embed\/medical\?board=V&amp;pair=[^&]+&amp;snapshot=/],
    ] as const;
    for (const [url, embed] of pages) {
      const page = await ctx.newPage();
      const errors = watch(page);
      await page.goto(`${baseURL}${url}`);
      const button = page.getByTestId("embed-button").first();
      await button.waitFor();
      await button.locator("summary").click();
      await expect(button.getByTestId("embed-snippet").inputValue(), url).resolves.toMatch(embed);
      await page.waitForLoadState("networkidle");
      expect(errors, url).toEqual([]);
      await page.close();
    }
  });

  it("the distribution toggle stays inside the embed", async () => {
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/embed/benchmark/medqa/distribution?dist=questions`);
    await page.locator("svg.recharts-surface").first().waitFor();
    await page.locator('[data-dist-option="configs"]').click();
    await page.waitForURL(/dist=configs/);
    expect(new URL(page.url()).pathname).toBe("/embed/benchmark/medqa/distribution");
    // The link back follows: the full view shows what the embed now shows.
    await expect.poll(() => fullViewHref(page)).toBe("/benchmarks/medqa?dist=configs#h-distribution");
    await page.close();
  });
});

describe("table exports", () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("the leaderboard's LaTeX export is a booktabs table starting with the first row shown", async () => {
    const page = await ctx.newPage();
    const errors = watch(page);
    await page.goto(`${baseURL}/?board=V&sort=tokens:asc`);
    const first = page.locator('[data-testid="leaderboard-table"] tbody tr[data-config]').first();
    const name = (await first.locator('a[href^="/models/"]').first().textContent())!.trim();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-latex").click()]);
    expect(download.suggestedFilename()).toMatch(/^medmarks-v-leaderboard-[0-9a-f]+-synthetic-demo\.tex$/);
    const tex = fs.readFileSync((await download.path())!, "utf8");
    expect(tex).toContain("\\toprule");
    expect(tex).toContain("\\midrule");
    expect(tex).toContain("\\bottomrule");
    const lines = tex.split("\n").map((l) => l.trim());
    const firstRow = lines[lines.indexOf("\\midrule") + 1];
    expect(firstRow).toContain(` & ${escapeLatex(name)} & `);
    expect(tex).toMatch(/snapshot \\texttt\{[0-9a-f]{16}\}/);
    expect(tex).toContain("synthetic demo data");
    expect(tex).toMatch(/\d+\.\d \(\d+\.\d--\d+\.\d\)/); // intervals with LaTeX en dashes
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a benchmark ranking exports CSV, JSON and LaTeX of its rows", async () => {
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/benchmarks/medqa`);
    const table = page.getByTestId("benchmark-ranking");
    const firstName = (await table.locator("tbody tr").first().locator('a[href^="/models/"]').first().textContent())!.trim();
    const rows = await table.locator("tbody tr").count();
    const save = async (format: "csv" | "json" | "tex") => {
      await page.getByTestId("table-export-trigger").first().click();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`table-export-${format}`).click()]);
      return fs.readFileSync((await download.path())!, "utf8");
    };
    const csv = await save("csv");
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^Rank,Configuration,Score % \(95% CI\)/);
    expect(csv.trimEnd().split("\r\n")).toHaveLength(rows + 1);
    const json = JSON.parse(await save("json"));
    expect(json.rows).toHaveLength(rows);
    expect(json.rows[0].config).toBe(firstName);
    expect(json.synthetic).toBe(true);
    const tex = await save("tex");
    expect(tex).toContain("\\toprule");
    expect(tex).toContain(escapeLatex(firstName));
    await page.close();
  });
});
