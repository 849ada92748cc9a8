/**
 * Smoke test of the configuration pages: render them to HTML (server components awaited by hand,
 * client leaves rendered as on the server) against a small database, on PGlite.
 */
import { renderToString } from "react-dom/server";
import { renderToHtml } from "@/tests/support/render-html";
import { describe, expect, it, vi } from "vitest";

import { useCatalogDb } from "@/tests/support/catalog-db";
import { testDatabases } from "@/lib/db/test-db";
import type { DbHandle } from "@/lib/db";
import { ingestPaths } from "@/lib/ingest";
import { tmpDir, writeGenARun } from "@/lib/ingest/test-fixtures";

const holder: { h?: DbHandle } = {};
vi.mock("next/server", () => ({ connection: async () => {} }));
vi.mock("@/lib/db", async (orig) => ({ ...(await orig<typeof import("@/lib/db")>()), getDbHandle: async () => holder.h! }));

const { default: ConfigPage } = await import("@/app/models/[config]/page");
const { default: ModelsPage } = await import("@/app/models/page");

// Rendering needs one database; whichever the run uses (PGlite, or PostgreSQL in CI's second pass).
const [database] = testDatabases();

describe("configuration pages render", () => {
  const db = useCatalogDb(database, async (h) => {
    holder.h = h;
    const root = tmpDir();
    const rows = { a: [0, 1, 1], b: [1, 1, 0], c: [0, 0, 1] };
    const models = { a: "google/gemma-3-4b-it", b: "google/medgemma-4b-it", c: "google/gemma-3-27b-it" };
    for (const k of ["a", "b", "c"] as const) {
      writeGenARun(root, { model: models[k], envId: "medqa", rows: rows[k].map((reward, id) => ({ id, reward })) });
    }
    await ingestPaths(h.raw, [root], { provenance: "demo" });
  });

  const render = async (config: string, sp: Record<string, string> = {}) =>
    await renderToHtml(await ConfigPage({ params: Promise.resolve({ config: encodeURIComponent(config) }), searchParams: Promise.resolve(sp) }));

  it("renders a configuration with its chart, tables, siblings and runs", async () => {
    db();
    const html = await render("medgemma-4b-it");
    expect(html).toContain("MedGemma 4B IT");
    expect(html).toContain('data-testid="config-synthetic"');
    expect(html).toContain('data-testid="score-delta-chart"');
    expect(html).toContain('href="/benchmarks/medqa#config-medgemma-4b-it"');
    expect(html).toContain('href="/compare?configs=medgemma-4b-it,gemma-3-4b-it"');
    expect(html).toContain('href="/models/gemma-3-4b-it?board=V"');
    expect(html).toMatch(/href="\/runs\/\d+"/);
    expect(html).toContain('data-testid="coverage-V"');
    expect(html).toContain('href="/?board=OE"');
  });

  it("renders the OE view of a configuration that is not on the OE board, and all runs", async () => {
    const html = await render("gemma-3-4b-it", { board: "OE", runs: "all" });
    expect(html).toContain('data-testid="empty-chart"');
    expect(html).toContain('data-testid="unranked-OE"');
  });

  it("renders a catalog configuration without runs", async () => {
    const html = await render("gpt-oss-20b-high");
    expect(html).toContain('data-testid="no-runs"');
    expect(html).toContain("gpt-oss-20b-low");
  });

  it("throws notFound for an unknown configuration", async () => {
    await expect(render("no-such-config")).rejects.toThrow();
  });

  it("renders the index, filtered by group", async () => {
    const all = await renderToHtml(await ModelsPage({ searchParams: Promise.resolve({}) }));
    expect(all).toContain('data-testid="group-medical"');
    expect(all).toContain('href="/models/medgemma-4b-it"');
    const medical = await renderToHtml(await ModelsPage({ searchParams: Promise.resolve({ group: "medical" }) }));
    expect(medical).not.toContain('data-testid="group-open-weight"');
    const withCatalog = await renderToHtml(await ModelsPage({ searchParams: Promise.resolve({ norun: "1" }) }));
    expect(withCatalog).toContain('href="/models/gpt-oss-20b-high"');
  });
});
