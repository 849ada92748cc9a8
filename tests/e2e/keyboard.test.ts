/**
 * Keyboard-only walks (page.keyboard only: Tab, Shift+Tab, Enter, Space, arrows; no clicks), with
 * a visible focus indicator on every element the focus stops at:
 *  (a) the leaderboard: skip link, search box, a filter typed, a column sorted, two rows ticked,
 *      Compare pressed, landing on /compare with those configurations;
 *  (b) the compare page: a configuration added with the search box and one removed;
 *  (c) submitting: sign in, reach the upload form, pick a file (the file chooser is an OS dialog,
 *      so the focused input gets its file through setInputFiles), upload and read the report.
 */
import { zipSync } from "fflate";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { rowJson } from "../../lib/ingest/test-fixtures";
import { launch } from "./browser";
import { focused, tabUntil } from "./keyboard";
import { ADMIN, ensureAdmin } from "./admin";

const baseURL = inject("baseURL");

const configsOf = (page: Page) => (new URL(page.url()).searchParams.get("configs") ?? "").split(",").filter(Boolean);
const rowConfig = (page: Page) => page.evaluate(() => document.activeElement?.closest("tr")?.getAttribute("data-config") ?? null);
const sortOf = (page: Page) => page.evaluate(() => document.activeElement?.closest("th")?.getAttribute("aria-sort") ?? null);

/** A small run archive (metadata.json + results.jsonl of a catalog model on MedQA). */
function archive(): Buffer {
  const options = { A: "Aspirin", B: "Heparin", C: "Warfarin", D: "None of the above" };
  const rows = ["kb-1", "kb-2", "kb-3", "kb-4"].map((id, i) => rowJson({ id, reward: i % 2, options }));
  const metadata = {
    env_id: "medqa", env_args: {}, model: "google/gemma-3-12b-it", base_url: "http://localhost:8000/v1", num_examples: rows.length,
    rollouts_per_example: 1, sampling_args: { temperature: 0.7 }, avg_reward: 0.5, version_info: { vf_version: "0.1.9", env_version: "0.2.0" },
  };
  const dir = "runs/evals/google-gemma-3-12b-it/medqa/base";
  return Buffer.from(
    zipSync({
      [`${dir}/metadata.json`]: Buffer.from(JSON.stringify(metadata)),
      [`${dir}/results.jsonl`]: Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n") + "\n"),
    }),
  );
}

describe("keyboard-only walks", () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  let compared: string[] = [];
  let page: Page;

  it("(a) leaderboard: skip link, search, sort, tick two rows, Compare", async () => {
    page = await ctx.newPage();
    await page.goto(`${baseURL}/`);
    await page.locator('[data-testid="leaderboard-table"] tbody tr[data-config]').first().waitFor();
    await page.waitForLoadState("networkidle"); // hydrated

    // The first Tab from the top of the page is the skip link; Enter moves to the content.
    const skip = await tabUntil(page, () => true, { max: 1 });
    expect(skip.name).toBe("Skip to content");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");

    await tabUntil(page, (f) => f.tag === "input" && f.type === "search", { what: "the search box", max: 10 });
    await page.keyboard.type("gpt");
    await page.waitForURL((u) => u.searchParams.get("q") === "gpt");
    const rows = page.locator('[data-testid="leaderboard-table"] tbody tr[data-config]');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);

    // The first sortable column header: Enter sorts by it.
    await tabUntil(page, (f) => f.tag === "button" && f.sort !== null, { what: "a sortable column header", max: 80 });
    const before = await sortOf(page);
    await page.keyboard.press("Enter");
    await expect.poll(() => sortOf(page), { message: "aria-sort after Enter (focus must stay on the header)" }).not.toBe(before);
    await page.waitForURL((u) => u.searchParams.has("sort"));

    // Tick the first two rows with Space.
    const picked: string[] = [];
    for (let i = 0; i < 2; i++) {
      await tabUntil(page, (f) => f.type === "checkbox" && /^Select .* for comparison$/.test(f.name), { what: `row ${i + 1}'s checkbox`, max: 40 });
      const config = await rowConfig(page);
      expect(config).toBeTruthy();
      picked.push(config!);
      await page.keyboard.press("Space");
      await page.waitForURL((u) => (u.searchParams.get("sel") ?? "").split(",").filter(Boolean).length === i + 1);
      // Focus stays on the (now ticked) checkbox.
      await expect
        .poll(async () => (await rowConfig(page)) === config && (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.checked)), {
          message: `focus after ticking ${config}: ${(await focused(page)).desc}`,
        })
        .toBe(true);
    }

    // Back up to the Compare button and press it.
    const button = await tabUntil(page, (f) => f.testid === "compare-button", { back: true, what: "the Compare button", max: 80 });
    expect(button.name).toMatch(/Compare \(2\)/);
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/compare");
    expect(new Set(configsOf(page))).toEqual(new Set(picked));
    compared = configsOf(page);
  }, 90_000);

  it("(b) compare: adds a configuration and removes one", async () => {
    expect(compared).toHaveLength(2);
    await page.getByTestId("config-picker").waitFor();
    await page.waitForLoadState("networkidle");

    // Add: the search box (a combobox): ArrowDown picks the second suggestion, Enter adds it.
    await tabUntil(page, (f) => f.testid === "config-search", { what: "the configuration search box", max: 80 });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => (u.searchParams.get("configs") ?? "").split(",").length === 3);
    const added = configsOf(page).find((c) => !compared.includes(c));
    expect(added).toBeTruthy();
    await expect.poll(() => page.getByTestId("picked-config").count()).toBe(3);

    // Remove: back to the last chip's × (a link named "Remove <name>"), Enter.
    const remove = await tabUntil(page, (f) => f.name.startsWith("Remove "), { back: true, what: "a Remove link", max: 40 });
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => (u.searchParams.get("configs") ?? "").split(",").length === 2);
    await expect.poll(() => page.getByTestId("picked-config").count()).toBe(2);
    expect(remove.name).toMatch(/^Remove /);
    await page.close();
  }, 60_000);

  it("(c) submit: signs in, picks a file, uploads it and reads the validation report", async () => {
    ensureAdmin(inject("dataDir"), inject("databaseUrl"));
    const own = await launch(); // signed out
    try {
      const p = await own.newPage();
      await p.goto(`${baseURL}/submit`);
      await p.waitForURL((u) => u.pathname === "/signin");
      await p.locator("#signin-name").waitFor();
      await p.waitForLoadState("networkidle");

      if ((await focused(p)).id !== "signin-name") await tabUntil(p, (f) => f.id === "signin-name", { what: "the name field", max: 40 });
      await p.keyboard.type(ADMIN.name);
      await tabUntil(p, (f) => f.id === "signin-password", { what: "the password field", max: 1 });
      await p.keyboard.type(ADMIN.password);
      await p.keyboard.press("Enter");
      await p.waitForURL((u) => u.pathname === "/submit", { timeout: 30_000 });
      await p.getByTestId("archive-input").waitFor();
      await p.waitForLoadState("networkidle");

      await tabUntil(p, (f) => f.id === "archive-input", { what: "the archive input", max: 60 });
      await p.locator("input:focus").setInputFiles({ name: "kb-run.zip", mimeType: "application/zip", buffer: archive() });
      await expect(p.getByTestId("picked").textContent()).resolves.toMatch(/1 file/);
      await tabUntil(p, (f) => f.testid === "upload-button", { what: "the upload button", max: 5 });
      await p.keyboard.press("Enter");
      await p.getByTestId("report").waitFor({ timeout: 30_000 });
      await expect(p.getByTestId("report-totals").textContent()).resolves.toMatch(/1 run found/);
    } finally {
      await own.close();
    }
  }, 90_000);
});
