/**
 * Smoke test of /compare: render the page to HTML (server component awaited by hand, client leaves
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
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {}, replace: () => {} }) }));
vi.mock("@/lib/db", async (orig) => ({ ...(await orig<typeof import("@/lib/db")>()), getDbHandle: async () => holder.h! }));

const { default: ComparePage } = await import("@/app/compare/page");

const [database] = testDatabases();

describe("/compare renders", () => {
  const db = useCatalogDb(database, async (h) => {
    holder.h = h;
    const root = tmpDir();
    const rows = { f: [1, 1, 1, 1, 1, 0], b: [1, 0, 0, 0, 1, 0], c: [0, 1, 0, 1, 0, 1] };
    const models = { f: "google/medgemma-27b-text-it", b: "google/gemma-3-27b-it", c: "google/gemma-3-4b-it" };
    for (const k of ["f", "b", "c"] as const) {
      const text = (id: number) => `<script>alert(${id})</script> answer of ${k}`;
      const samplingArgs = { temperature: k === "c" ? 0.5 : 1 };
      writeGenARun(root, { model: models[k], envId: "medqa", samplingArgs, rows: rows[k].map((reward, id) => ({ id, reward, text: text(id) })) });
      writeGenARun(root, { model: models[k], envId: "pubmedqa", samplingArgs, rows: rows[k].map((reward, id) => ({ id, reward: 1 - reward })) });
    }
    await ingestPaths(h.raw, [root], { provenance: "demo" });
  });

  const render = async (sp: Record<string, string> = {}) => await renderToHtml(await ComparePage({ searchParams: Promise.resolve(sp) }));

  it("renders the comparison: table rows, method, chart, matrix, usage, alignment and the item diff", async () => {
    db();
    const html = await render({ configs: "medgemma-27b-text,gemma-3-27b-it,gemma-3-4b-it" });
    expect(html).toContain("MedGemma 27B Text IT vs Gemma 3 27B IT vs Gemma 3 4B IT on Medmarks-V");
    expect(html).toContain('data-testid="compare-synthetic"');
    expect(html).toContain('data-testid="compare-row-medqa"');
    expect(html).toContain('data-testid="compare-row-pubmedqa"');
    expect(html).toContain("McNemar&#x27;s exact test");
    expect(html).toContain("data-chart-frame");
    expect(html).toContain('data-testid="compare-h2h"');
    expect(html).toContain('data-testid="compare-usage"');
    expect(html).toContain('data-testid="compare-alignment"');
    expect(html).toContain('data-testid="alignment-differs"'); // temperature 1 vs 0.5
    expect(html).toContain('data-testid="item-diff"');
    expect(html).toContain('data-testid="diff-row"');
    expect(html).toContain('href="/compare?configs=medgemma-27b-text,gemma-3-27b-it,gemma-3-4b-it&amp;board=V&amp;a=medgemma-27b-text&amp;b=gemma-3-4b-it#items"');
    expect(html).not.toContain("<script>alert");
  });

  it("shows a picker and a hint with fewer than two configurations, and lists unknown ones", async () => {
    const html = await render({ configs: "gemma-3-27b-it,no-such-config" });
    expect(html).toContain('data-testid="compare-empty"');
    expect(html).toContain('data-testid="config-picker"');
    expect(html).toContain('data-testid="unknown-config"');
    expect(html).toContain('data-testid="unknown-note"');
    expect(await render()).toContain('data-testid="compare-empty"');
  });

  it("opens the item diff for a chosen pair, direction and benchmark", async () => {
    const html = await render({ configs: "medgemma-27b-text,gemma-3-27b-it", a: "gemma-3-27b-it", b: "medgemma-27b-text", dir: "b-only", benchmark: "medqa" });
    // b-only = medgemma right, gemma-3-27b wrong on medqa: q1, q2, q3.
    expect(html.match(/data-testid="diff-row"/g)?.length).toBe(3);
    expect(html).toContain('aria-current="page" class="rounded-md border px-2 py-0.5 text-xs hover:bg-accent');
  });
});
