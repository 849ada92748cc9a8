/**
 * Smoke test of /medical: render the page to HTML (server component awaited by hand, client leaves
 * rendered as on the server) against a small demo database, on PGlite.
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

const { default: MedicalPage } = await import("@/app/medical/page");

// Rendering needs one database; whichever the run uses (PGlite, or PostgreSQL in CI's second pass).
const [database] = testDatabases();

describe("/medical renders", () => {
  const db = useCatalogDb(database, async (h) => {
    holder.h = h;
    const root = tmpDir();
    const rows = { f: [1, 1, 1, 1, 1, 0], b: [1, 0, 0, 0, 1, 0], m: [0, 1, 0, 1, 0, 1] };
    const models = { f: "google/medgemma-27b-text-it", b: "google/gemma-3-27b-it", m: "microsoft/MediPhi-Instruct" };
    for (const k of ["f", "b", "m"] as const) {
      writeGenARun(root, { model: models[k], envId: "medqa", rows: rows[k].map((reward, id) => ({ id, reward })) });
      writeGenARun(root, { model: models[k], envId: "pubmedqa", rows: rows[k].map((reward, id) => ({ id, reward: 1 - reward })) });
    }
    await ingestPaths(h.raw, [root], { provenance: "demo" });
  });

  const render = async (sp: Record<string, string> = {}) => await renderToHtml(await MedicalPage({ searchParams: Promise.resolve(sp) }));

  it("renders the pairs, the unpaired fine-tune and the first pair's forest chart and table", async () => {
    db();
    const html = await render();
    expect(html).toContain("Medical fine-tunes vs their generalist bases on Medmarks-V");
    expect(html).toContain('data-testid="medical-synthetic"');
    expect(html).toContain('data-testid="pair-medgemma-27b-text"');
    expect(html).toContain('data-testid="medical-unpaired"');
    expect(html).toContain('data-testid="medical-pair"');
    expect(html).toContain("data-chart-frame");
    expect(html).toContain('data-testid="delta-medqa"');
    expect(html).toContain('href="/models/medgemma-27b-text?board=V"');
    expect(html).toContain('href="/compare?configs=medgemma-27b-text,gemma-3-27b-it"');
    expect(html).toContain('href="/medical?board=V&amp;pair=medgemma-27b-text#pair"');
  });

  it("reports an unknown pair and shows the empty state of a board without pairs", async () => {
    expect(await render({ pair: "nope" })).toContain('data-testid="medical-unknown-pair"');
    expect(await render({ board: "OE" })).toContain('data-testid="empty-state"');
  });
});
