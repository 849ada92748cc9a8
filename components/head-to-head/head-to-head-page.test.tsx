/**
 * Smoke test of /head-to-head: render the page to HTML (server component awaited by hand, client
 * leaves rendered as on the server) against a small demo database, on PGlite.
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
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {} }) }));
vi.mock("@/lib/db", async (orig) => ({ ...(await orig<typeof import("@/lib/db")>()), getDbHandle: async () => holder.h! }));

const { default: HeadToHeadPage } = await import("@/app/head-to-head/page");

// Rendering needs one database; whichever the run uses (PGlite, or PostgreSQL in CI's second pass).
const [database] = testDatabases();

describe("/head-to-head renders", () => {
  const db = useCatalogDb(database, async (h) => {
    holder.h = h;
    const root = tmpDir();
    const rows = { a: [0, 1, 1, 1], b: [1, 1, 0, 0], c: [0, 0, 1, 0] };
    const models = { a: "google/gemma-3-4b-it", b: "google/medgemma-4b-it", c: "google/gemma-3-27b-it" };
    for (const k of ["a", "b", "c"] as const) {
      writeGenARun(root, { model: models[k], envId: "medqa", rows: rows[k].map((reward, id) => ({ id, reward })) });
      writeGenARun(root, { model: models[k], envId: "pubmedqa", rows: rows[k].map((reward, id) => ({ id, reward: 1 - reward })) });
    }
    await ingestPaths(h.raw, [root], { provenance: "demo" });
  });

  const render = async (sp: Record<string, string> = {}) => await renderToHtml(await HeadToHeadPage({ searchParams: Promise.resolve(sp) }));

  it("renders the matrix with linked cells, the synthetic banner and a hint to select a cell", async () => {
    db();
    const html = await render();
    expect(html).toContain("Head-to-head win rates on Medmarks-V");
    expect(html).toContain('data-testid="h2h-synthetic"');
    expect(html).toContain('data-testid="h2h-matrix"');
    expect(html).toContain('href="/head-to-head?board=V&amp;a=gemma-3-4b-it&amp;b=medgemma-4b-it#breakdown"');
    expect(html).toContain('data-testid="h2h-no-selection"');
    expect(html).toContain('href="/models/gemma-3-27b-it"');
  });

  it("renders the breakdown of a selected cell with its chart and table", async () => {
    const html = await render({ a: "gemma-3-4b-it", b: "medgemma-4b-it" });
    expect(html).toContain('data-testid="h2h-selection"');
    expect(html).toContain("data-chart-frame");
    expect(html).toContain('data-testid="h2h-breakdown-table"');
    expect(html).toContain('href="/benchmarks/medqa"');
    expect(html).toContain('href="/compare?configs=gemma-3-4b-it,medgemma-4b-it"');
    expect(html).toContain('href="/head-to-head?board=V&amp;a=medgemma-4b-it&amp;b=gemma-3-4b-it#breakdown"');
    expect(html).toMatch(/<td[^>]*aria-current="true"/);
  });

  it("says why a selection is invalid, and shows the empty state of a board without runs", async () => {
    expect(await render({ a: "gemma-3-4b-it", b: "nope" })).toContain('data-testid="h2h-invalid"');
    expect(await render({ board: "OE" })).toContain('data-testid="empty-state"');
  });
});
