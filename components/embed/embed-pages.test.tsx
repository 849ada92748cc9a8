/**
 * The /embed views rendered to HTML (server components awaited by hand, client leaves as on the
 * server) against a small demo database: each shows its view (chart frame or table), the footer
 * "Medmarks Explorer · snapshot · date · synthetic demo data · open full view ↗" linking to the
 * full page with the same parameters, honours `snapshot=`, and 404s on unknown subjects. The root
 * layout leaves the site's chrome out on /embed (SiteChrome). PGlite (or PostgreSQL in CI).
 */
import { renderToString } from "react-dom/server";
import { renderToHtml } from "@/tests/support/render-html";
import { describe, expect, it, vi } from "vitest";

import { useCatalogDb } from "@/tests/support/catalog-db";
import type { DbHandle } from "@/lib/db";
import { testDatabases } from "@/lib/db/test-db";
import { ingestPaths } from "@/lib/ingest";
import { tmpDir, writeGenARun } from "@/lib/ingest/test-fixtures";

const holder: { h?: DbHandle } = {};
const nav = { search: "", pathname: "/embed/efficiency" };
vi.mock("next/server", () => ({ connection: async () => {} }));
vi.mock("next/navigation", async (orig) => ({
  ...(await orig<typeof import("next/navigation")>()),
  useRouter: () => ({ push: () => {}, replace: () => {}, prefetch: () => {} }),
  useSearchParams: () => new URLSearchParams(nav.search),
  usePathname: () => nav.pathname,
}));
vi.mock("@/lib/db", async (orig) => ({ ...(await orig<typeof import("@/lib/db")>()), getDbHandle: async () => holder.h! }));

const { default: EmbedLeaderboard } = await import("@/app/embed/leaderboard/page");
const { default: EmbedEfficiency } = await import("@/app/embed/efficiency/page");
const { default: EmbedDistribution } = await import("@/app/embed/benchmark/[slug]/distribution/page");
const { default: EmbedConfigScores } = await import("@/app/embed/models/[config]/scores/page");
const { default: EmbedSensitivity } = await import("@/app/embed/order-bias/sensitivity/page");
const { default: EmbedHeadToHead } = await import("@/app/embed/head-to-head/page");
const { default: EmbedMedical } = await import("@/app/embed/medical/page");
const { SiteChrome } = await import("./site-chrome");
const { getSnapshotStatus } = await import("@/lib/queries/changelog");

const [database] = testDatabases();

type Sp = Record<string, string>;
/** The page props for `x`; the client leaves (full-view link, distribution toggle) read the same query. */
const sp = (x: Sp = {}) => {
  nav.search = new URLSearchParams(x).toString();
  return { searchParams: Promise.resolve(x) };
};
const attr = (name: string, value: string) => `${name}="${value.replace(/&/g, "&amp;")}"`;

/** The footer's full-view link (target=_blank, rel=noopener) as React writes it. */
function fullViewLink(html: string): string {
  const m = /<a href="([^"]*)" target="_blank" rel="noopener"[^>]*data-testid="embed-full-view"/.exec(html);
  if (!m) throw new Error("no full-view link in the embed footer");
  return m[1].replace(/&amp;/g, "&");
}

describe("/embed views", () => {
  const db = useCatalogDb(database, async (h) => {
    holder.h = h;
    const root = tmpDir();
    const O = { A: "Aspirin", B: "Heparin", C: "Warfarin" };
    const S = { A: "Warfarin", B: "Aspirin", C: "Heparin" };
    const models = { f: "google/medgemma-27b-text-it", b: "google/gemma-3-27b-it", s: "google/gemma-3-4b-it" };
    const rewards = { f: [1, 1, 1, 1, 1, 0], b: [1, 0, 0, 0, 1, 0], s: [0, 1, 0, 1, 0, 1] };
    for (const k of ["f", "b", "s"] as const) {
      writeGenARun(root, { model: models[k], envId: "medqa", rows: rewards[k].map((reward, id) => ({ id, reward, options: O, answer: "A", outputTokens: 100 + id })) });
      writeGenARun(root, {
        model: models[k],
        envId: "medqa",
        variant: "shuffle_seed-1618",
        envArgs: { shuffle_answers: true, shuffle_seed: 1618 },
        rows: rewards[k].map((reward, id) => ({ id, reward: k === "s" ? 1 - reward : reward, options: S, answer: "B" })),
      });
      writeGenARun(root, { model: models[k], envId: "pubmedqa", rows: rewards[k].map((reward, id) => ({ id, reward: 1 - reward })) });
    }
    await ingestPaths(h.raw, [root], { provenance: "demo" });
  });

  it("leaderboard: the compact ranked table, filters and top n, footer linking the full board", async () => {
    db();
    const html = await renderToHtml(await EmbedLeaderboard(sp({ board: "V", n: "2", h: "300" })));
    expect(html).toContain('data-testid="embed-leaderboard"');
    expect((html.match(/<tr[^>]*data-config="/g) ?? []).length).toBe(2);
    expect(html).toContain("2 of 3 configurations");
    expect(html).toContain("max-height:300px");
    expect(html).toContain('data-testid="embed-synthetic"');
    expect(fullViewLink(html)).toBe("/?board=V");
    expect(html).toContain(attr("href", "/models/medgemma-27b-text"));
    const filtered = await renderToHtml(await EmbedLeaderboard(sp({ q: "medgemma" })));
    expect((filtered.match(/<tr[^>]*data-config="/g) ?? []).length).toBe(1);
    expect(fullViewLink(filtered)).toBe("/?q=medgemma");
    expect(await renderToHtml(await EmbedLeaderboard(sp({ q: "no-such-model" })))).toContain('data-testid="embed-empty"');
  });

  it("efficiency, distribution, configuration scores, order bias, head to head and medical: a chart frame and the footer", async () => {
    const snap = (await getSnapshotStatus(null, db().raw))!.latest.id;
    const cases: [string, () => Promise<React.ReactElement>, string][] = [
      ["efficiency", () => EmbedEfficiency(sp({ board: "V", x: "total", h: "300", snapshot: snap })), `/efficiency?board=V&x=total&snapshot=${snap}`],
      [
        "distribution",
        () => EmbedDistribution({ params: Promise.resolve({ slug: "medqa" }), ...sp({ dist: "questions" }) }),
        "/benchmarks/medqa?dist=questions#h-distribution",
      ],
      ["config-scores", () => EmbedConfigScores({ params: Promise.resolve({ config: "gemma-3-4b-it" }), ...sp({ board: "V" }) }), "/models/gemma-3-4b-it?board=V#scores"],
      ["order-bias-sensitivity", () => EmbedSensitivity(sp({ data: "all" })), "/order-bias?data=all#ranking"],
      ["head-to-head", () => EmbedHeadToHead(sp({ board: "V", a: "gemma-3-4b-it", b: "gemma-3-27b-it" })), "/head-to-head?board=V&a=gemma-3-4b-it&b=gemma-3-27b-it#breakdown"],
      ["medical", () => EmbedMedical(sp({ board: "V", pair: "medgemma-27b-text" })), "/medical?board=V&pair=medgemma-27b-text#pair"],
    ];
    for (const [view, page, full] of cases) {
      const html = await renderToHtml(await page());
      expect(html, view).toContain(`data-embed-view="${view}"`);
      expect(html, view).toContain("data-chart-frame");
      expect(html, view).not.toContain('data-testid="embed-empty"');
      expect(html, view).toContain('data-testid="embed-footer"');
      expect(html, view).toMatch(/>snapshot <code[^>]*>[0-9a-f]{16}<\/code>/);
      expect(html, view).toContain("synthetic demo data");
      expect(fullViewLink(html), view).toBe(full);
      // Embeds offer export but not an "Embed" of themselves.
      expect(html, view).not.toContain('data-testid="embed-button"');
    }
  });

  it("head to head without a cell: the compact matrix", async () => {
    const html = await renderToHtml(await EmbedHeadToHead(sp({ board: "V" })));
    expect(html).toContain('data-testid="embed-h2h-matrix"');
    expect(fullViewLink(html)).toBe("/head-to-head?board=V");
  });

  it("pins a snapshot, reports a malformed one, and 404s on unknown snapshots and subjects", async () => {
    const snap = (await getSnapshotStatus(null, db().raw))!.latest.id;
    const pinnedHtml = await renderToHtml(await EmbedLeaderboard(sp({ snapshot: snap })));
    expect(pinnedHtml).toContain(`data-snapshot="${snap}"`);
    expect(fullViewLink(pinnedHtml)).toBe(`/?snapshot=${snap}`);
    expect(await renderToHtml(await EmbedLeaderboard(sp({ snapshot: "yesterday" })))).toContain('data-testid="embed-invalid-snapshot"');
    await expect(EmbedLeaderboard(sp({ snapshot: "ffffffffffffffff" }))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    await expect(EmbedDistribution({ params: Promise.resolve({ slug: "no-such-benchmark" }), ...sp() })).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
    await expect(EmbedConfigScores({ params: Promise.resolve({ config: "no-such-config" }), ...sp() })).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
    expect(await renderToHtml(await EmbedMedical(sp({ pair: "nope" })))).toContain('data-testid="embed-empty"');
  });

  it("leaves the site chrome out on /embed and keeps it elsewhere", () => {
    const render = (pathname: string) => {
      nav.pathname = pathname;
      return renderToString(
        <SiteChrome header={<header data-slot="site-header">nav</header>} footer={<footer data-slot="site-footer" />}>
          <p>view</p>
        </SiteChrome>,
      );
    };
    const embed = render("/embed/efficiency");
    expect(embed).toBe("<p>view</p>");
    const page = render("/efficiency");
    expect(page).toContain('data-slot="site-header"');
    expect(page).toContain('<main id="main"');
    expect(page).toContain('data-slot="site-footer"');
  });
});
