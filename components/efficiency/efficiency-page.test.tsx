/**
 * Smoke test of /efficiency: the page rendered to HTML (server component awaited by hand, client
 * leaves rendered as on the server) against a small demo database on PGlite.
 */
import { renderToString } from "react-dom/server";
import { renderToHtml } from "@/tests/support/render-html";
import { describe, expect, it, vi } from "vitest";

import { useCatalogDb } from "@/tests/support/catalog-db";
import { testDatabases } from "@/lib/db/test-db";
import type { DbHandle } from "@/lib/db";
import { ingestPaths } from "@/lib/ingest";
import { tmpDir, writeGenARun } from "@/lib/ingest/test-fixtures";

import { unplottedReason } from "./unplotted-list";

const holder: { h?: DbHandle } = {};
vi.mock("next/server", () => ({ connection: async () => {} }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {}, replace: () => {} }) }));
vi.mock("@/lib/db", async (orig) => ({ ...(await orig<typeof import("@/lib/db")>()), getDbHandle: async () => holder.h! }));

const { default: EfficiencyPage } = await import("@/app/efficiency/page");

// Rendering needs one database; whichever the run uses (PGlite, or PostgreSQL in CI's second pass).
const [database] = testDatabases();

describe("/efficiency renders", () => {
  const db = useCatalogDb(database, async (h) => {
    holder.h = h;
    const root = tmpDir();
    const runs = [
      { model: "google/gemma-3-4b-it", rewards: [0, 1, 1], tokens: 100 },
      { model: "google/medgemma-4b-it", rewards: [1, 1, 0], tokens: 800 },
      { model: "google/gemma-3-27b-it", rewards: [1, 1, 1], tokens: null },
    ];
    for (const r of runs) {
      writeGenARun(root, { model: r.model, envId: "medqa", rows: r.rewards.map((reward, id) => ({ id, reward, outputTokens: r.tokens })) });
    }
    await ingestPaths(h.raw, [root], { provenance: "demo" });
  });

  const render = async (sp: Record<string, string> = {}) => await renderToHtml(await EfficiencyPage({ searchParams: Promise.resolve(sp) }));

  it("renders the chart frame, the table with links and frontier marks, and the configs without usage", async () => {
    db();
    const html = await render();
    expect(html).toContain("Token efficiency — Medmarks-V");
    expect(html).toContain('data-testid="efficiency-synthetic"');
    expect(html).toContain("data-chart-frame");
    expect(html).toContain('data-testid="efficiency-table"');
    expect(html).toContain('href="/models/gemma-3-4b-it"');
    expect(html).toContain('href="/models/medgemma-4b-it"');
    expect(html).toMatch(/data-config="gemma-3-27b-it" data-reason="no-usage"/);
    expect(html).toContain("no token usage in the artifacts");
    // The config without usage is listed, not a table row.
    expect(html).not.toMatch(/<tr[^>]*data-config="gemma-3-27b-it"/);
    expect(html).toContain('data-testid="efficiency-frontier"');
  });

  it("renders a benchmark's view, latency, an unknown benchmark, and an empty board", async () => {
    const medqa = await render({ benchmark: "medqa", x: "latency", ladders: "0" });
    expect(medqa).toContain("Token efficiency — MedQA");
    expect(medqa).toContain("Score on MedQA % (95% CI)");
    expect(medqa).toContain('data-x="latency"');
    expect(await render({ benchmark: "nope" })).toContain('data-testid="efficiency-unknown-benchmark"');
    const oe = await render({ board: "OE" });
    expect(oe).toContain('data-testid="efficiency-empty"');
    expect(oe).toContain("npm run ingest");
  });

  it("says why a configuration is not plotted", () => {
    expect(unplottedReason("no-usage", { x: "output", benchmark: null })).toBe("no token usage in the artifacts");
    expect(unplottedReason("no-usage", { x: "latency", benchmark: null })).toBe("no timing in the artifacts");
    expect(unplottedReason("no-score", { x: "total", benchmark: { slug: "medqa", name: "MedQA" } })).toBe("no score on this benchmark");
  });
});
