/**
 * Snapshot pinning in the pages: /head-to-head rendered to HTML with `?snapshot=` pinned to an
 * older snapshot (its figures, the notice, links that keep the pin, the citation), an unknown id
 * (404) and a malformed one (ignored with a notice); then /changelog and /methodology. PGlite (or
 * PostgreSQL in CI's second pass), server components awaited by hand.
 */
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

import { useCatalogDb } from "@/tests/support/catalog-db";
import { getBoardData } from "@/lib/boards/compute";
import type { DbHandle } from "@/lib/db";
import { testDatabases } from "@/lib/db/test-db";
import { ingestPaths } from "@/lib/ingest";
import { tmpDir, writeGenARun } from "@/lib/ingest/test-fixtures";
import { DEFAULT_LEADERBOARD_SETTINGS } from "@/lib/queries/leaderboard-types";

const holder: { h?: DbHandle } = {};
vi.mock("next/server", () => ({ connection: async () => {} }));
const url = { search: "" };
vi.mock("next/navigation", async (orig) => ({
  ...(await orig<typeof import("next/navigation")>()),
  useRouter: () => ({ push: () => {}, replace: () => {}, prefetch: () => {} }),
  useSearchParams: () => new URLSearchParams(url.search),
  usePathname: () => "/",
}));
vi.mock("@/lib/db", async (orig) => ({ ...(await orig<typeof import("@/lib/db")>()), getDbHandle: async () => holder.h! }));

const { default: HeadToHeadPage } = await import("@/app/head-to-head/page");
const { default: ChangelogPage } = await import("@/app/changelog/page");
const { default: MethodologyPage } = await import("@/app/methodology/page");
const { default: LeaderboardPage } = await import("@/app/page");
const { default: BenchmarkPage } = await import("@/app/benchmarks/[slug]/page");

const [database] = testDatabases();
const ids: { old?: string; latest?: string } = {};

/** `attr="value"` as React writes it (`&` escaped). */
const attr = (name: string, value: string) => `${name}="${value.replace(/&/g, "&amp;")}"`;

describe("pages pinned to a snapshot", () => {
  const db = useCatalogDb(database, async (h) => {
    holder.h = h;
    const ingest = async (model: string, rewards: number[], mtime: number) => {
      const root = tmpDir();
      writeGenARun(root, { model, envId: "medqa", rows: rewards.map((reward, id) => ({ id, reward })), mtime });
      await ingestPaths(h.raw, [root], { provenance: "official" });
    };
    await ingest("google/gemma-3-4b-it", [1, 1, 0, 0], 1_000_000);
    await ingest("google/gemma-3-27b-it", [1, 0, 0, 0], 1_000_000);
    ids.old = (await getBoardData(h.raw, "V", DEFAULT_LEADERBOARD_SETTINGS)).snapshot.id;
    await ingest("google/gemma-3-27b-it", [1, 1, 1, 1], 2_000_000); // supersedes: a new snapshot where 27b leads
    ids.latest = (await getBoardData(h.raw, "V", DEFAULT_LEADERBOARD_SETTINGS)).snapshot.id;
  });

  const h2h = async (sp: Record<string, string> = {}) => renderToString(await HeadToHeadPage({ searchParams: Promise.resolve(sp) }));

  it("shows the pinned snapshot's numbers, says newer data exists, and keeps the pin in its links", async () => {
    db();
    const { old, latest } = ids as Required<typeof ids>;
    expect(old).not.toBe(latest);
    const html = await h2h({ snapshot: old, a: "gemma-3-4b-it", b: "gemma-3-27b-it" });
    expect(html).toContain(`data-snapshot="${old}" data-pinned="true"`);
    expect(html).toContain(attr("href", `/changelog#${old}`));
    // In the old snapshot gemma-3-4b-it (2 of 4 right) beats gemma-3-27b-it (1 of 4) on medqa.
    expect(html).toContain("wins <strong class=\"text-foreground\">62.5%</strong>");
    expect(html).toContain('data-testid="newer-notice"');
    expect(html).toContain("Newer data available");
    expect(html).toContain(attr("href", "/head-to-head?a=gemma-3-4b-it&b=gemma-3-27b-it"));
    // Links within the view keep the snapshot: board tabs, matrix cells, swap.
    expect(html).toContain(attr("href", `/head-to-head?board=OE&snapshot=${old}`));
    expect(html).toContain(attr("href", `/head-to-head?board=V&a=gemma-3-27b-it&b=gemma-3-4b-it&snapshot=${old}#breakdown`));
    expect(html).toContain(attr("href", `/?board=V&snapshot=${old}`));
    // Cite this view: the permalink is pinned; BibTeX names the snapshot; the board's benchmarks are cited.
    expect(html).toContain('data-testid="cite-this-view"');
    expect(html).toMatch(new RegExp(`data-testid="cite-permalink">/head-to-head\\?a=gemma-3-4b-it&amp;b=gemma-3-27b-it&amp;snapshot=${old}<`));
    expect(html).toContain(`@misc{medmarks_explorer_${old},`);
    expect(html).toContain(`note = {Snapshot ${old}, accessed `);
    expect(html).toContain('data-testid="cite-benchmarks-bibtex"');
    expect(html).toContain("jin2020diseasedoespatienthave"); // MedQA's catalog BibTeX
  });

  it("shows the latest without a pin, and its links do not pin", async () => {
    const html = await h2h({ a: "gemma-3-4b-it", b: "gemma-3-27b-it" });
    expect(html).toContain(`data-snapshot="${ids.latest}" data-pinned="false"`);
    expect(html).toMatch(/Data as of (<!-- -->)?the latest snapshot/);
    expect(html).not.toContain('data-testid="newer-notice"');
    expect(html).toContain(attr("href", "/head-to-head?board=OE"));
    expect(html).toContain("wins <strong class=\"text-foreground\">25.0%</strong>"); // 27b now right on all four: two ties, two losses
    expect(html).toMatch(new RegExp(`data-testid="cite-permalink">/head-to-head\\?a=gemma-3-4b-it&amp;b=gemma-3-27b-it&amp;snapshot=${ids.latest}`));
  });

  it("pinned to the latest snapshot: no notice, but links keep the pin", async () => {
    const html = await h2h({ snapshot: ids.latest! });
    expect(html).toContain(`data-pinned="true"`);
    expect(html).not.toContain('data-testid="newer-notice"');
    expect(html).toContain(attr("href", `/head-to-head?board=OE&snapshot=${ids.latest}`));
  });

  it("404s on an unknown snapshot and ignores a malformed one with a notice", async () => {
    await expect(h2h({ snapshot: "ffffffffffffffff" })).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    const html = await h2h({ snapshot: "last-week" });
    expect(html).toContain('data-testid="invalid-snapshot"');
    expect(html).toContain(`data-snapshot="${ids.latest}" data-pinned="false"`);
    expect(html).toContain(attr("href", "/head-to-head?board=OE"));
  });

  it("lists the snapshots in the changelog with their changes", async () => {
    const html = renderToString(await ChangelogPage({ searchParams: Promise.resolve({}) }));
    expect(html).toContain(`id="${ids.latest}"`);
    expect(html).toContain(`id="${ids.old}"`);
    expect(html.indexOf(`id="${ids.latest}"`)).toBeLessThan(html.indexOf(`id="${ids.old}"`));
    expect(html).toContain('data-testid="runs-added"');
    expect(html).toContain('data-testid="runs-superseded"');
    expect(html).toMatch(/data-testid="moves-V"/);
    expect(html).toContain(attr("href", `/?snapshot=${ids.old}`));
  });

  it("renders the methodology with the snapshot's settings, anchors and the worked example", async () => {
    const html = renderToString(await MethodologyPage({ searchParams: Promise.resolve({ snapshot: ids.old! }) }));
    for (const id of ["win-rate", "intervals", "order-bias", "efficiency", "paired-tests"]) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('data-testid="methodology-settings"');
    expect(html).toMatch(/Bootstrap replicates<\/th><td[^>]*data-board="V"[^>]*>1,000</);
    expect(html).toContain('data-config="a" data-stat="mean-win-rate">0.58333<');
    expect(html).toContain("0.021484375");
    expect(html).toContain('data-testid="newer-notice"');
  });

  it("pins the leaderboard: its tabs keep the snapshot, the rows are the old ranking", async () => {
    url.search = `snapshot=${ids.old}`;
    const html = renderToString(await LeaderboardPage({ searchParams: Promise.resolve({ snapshot: ids.old! }) }));
    expect(html).toContain(`data-snapshot="${ids.old}" data-pinned="true"`);
    expect(html).toContain('data-testid="newer-notice"');
    expect(html).toContain(attr("href", `/?board=OE&snapshot=${ids.old}`));
    expect(html).toContain(attr("href", "/methodology#win-rate"));
    expect(html).toContain('data-testid="cite-this-view"');
    // In the old snapshot gemma-3-4b-it ranks first.
    expect(html.indexOf("Gemma 3 4B IT")).toBeLessThan(html.indexOf("Gemma 3 27B IT"));
    url.search = "";
  });

  it("pins a benchmark page and cites the benchmark's paper", async () => {
    const html = renderToString(
      await BenchmarkPage({ params: Promise.resolve({ slug: "medqa" }), searchParams: Promise.resolve({ snapshot: ids.old! }) }),
    );
    expect(html).toContain(`data-snapshot="${ids.old}" data-pinned="true"`);
    expect(html).toContain(attr("href", `/?board=V&snapshot=${ids.old}`));
    expect(html).toContain("@misc{jin2020diseasedoespatienthave,");
    expect(html).toMatch(new RegExp(`data-testid="cite-permalink">/benchmarks/medqa\\?snapshot=${ids.old}<`));
  });
});
