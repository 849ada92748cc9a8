/**
 * Smoke test of `/order-bias`: render the page and the per-configuration detail to HTML (server
 * components awaited by hand, client leaves rendered as on the server) against a small database.
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

const { default: OrderBiasPage } = await import("@/app/order-bias/page");
const { ConfigDetailSection } = await import("@/app/order-bias/config-detail-section");
const { getOrderBias } = await import("@/lib/queries/order-bias");
const { parseOrderBiasParams } = await import("./params");

// Rendering needs one database; whichever the run uses (PGlite, or PostgreSQL in CI's second pass).
const [database] = testDatabases();

const O = { A: "Aspirin", B: "Heparin <b>bold</b>", C: "Warfarin" };
const S = { A: "Warfarin", B: "Aspirin", C: "Heparin <b>bold</b>" };

describe("/order-bias renders", () => {
  const db = useCatalogDb(database, async (h) => {
    holder.h = h;
    const root = tmpDir();
    const models = ["google/gemma-3-4b-it", "google/medgemma-4b-it"];
    models.forEach((model, k) => {
      const orig = [0, 1, 2].map((id) => ({ id, reward: 1, options: O, answer: "A", text: "<answer>A</answer>" }));
      // The second model always answers the second displayed option: "Heparin <b>bold</b>" in the shuffle.
      const shuffled = [0, 1, 2].map((id) => ({ id, reward: k === 0 ? 1 : 0, options: S, answer: "B", text: k === 0 ? "<answer>B</answer>" : "<answer>C</answer>" }));
      writeGenARun(root, { model, envId: "medqa", rows: orig });
      writeGenARun(root, { model, envId: "medqa", variant: "shuffle_seed-1618", envArgs: { shuffle_answers: true, shuffle_seed: 1618 }, rows: shuffled });
      writeGenARun(root, { model, envId: "longhealth", variant: "task1", envArgs: { task: "task1" }, rows: [{ id: 0, reward: 1, options: O }] });
      writeGenARun(root, {
        model,
        envId: "longhealth",
        variant: "task1__shuffle_seed-1618",
        envArgs: { task: "task1", shuffle_answers: true, shuffle_seed: 1618, doc_shuffle_seed: 1618 },
        rows: [{ id: 0, reward: 0, options: S, answer: "B", text: "<answer>A</answer>" }],
      });
    });
    await ingestPaths(h.raw, [root], { provenance: "demo" });
  });

  const render = async (sp: Record<string, string> = {}) => await renderToHtml(await OrderBiasPage({ searchParams: Promise.resolve(sp) }));

  it("renders the heatmap, ranking and flipped questions, marked synthetic", async () => {
    db();
    const html = await render();
    expect(html).toContain('data-testid="order-bias-synthetic"');
    expect(html).toContain('data-testid="order-bias-heatmap"');
    expect(html).toContain("data-chart");
    expect(html).toContain('data-testid="sensitivity-table"');
    expect(html).toContain('data-testid="flipped-overall"');
    expect(html).toContain('data-testid="longhealth-note"');
    expect(html).toContain('href="/models/medgemma-4b-it"');
    expect(html).toContain('href="/benchmarks/medqa"');
    expect(html).toContain("−100.0"); // medgemma on medqa: 100% → 0%
    expect(html).toContain('href="/benchmarks/medqa/questions/0?set=medqa%3A%3Abase"');
    expect(html).toContain('href="/order-bias?config=medgemma-4b-it#detail"');
  });

  it("renders the per-configuration detail with untrusted answers as text", async () => {
    const view = await getOrderBias({}, holder.h!.raw);
    const { params } = parseOrderBiasParams({ config: "medgemma-4b-it" });
    const html = await renderToHtml(await ConfigDetailSection({ view, config: "medgemma-4b-it", params }));
    expect(html).toContain('data-testid="config-detail-table"');
    expect(html).toContain('data-testid="flipped-config"');
    expect(html).toContain("Heparin &lt;b&gt;bold&lt;/b&gt;");
    expect(html).not.toContain("<b>bold</b>");
    expect(html).toContain('href="/benchmarks/medqa/questions/0?set=medqa%3A%3Abase&amp;config=medgemma-4b-it"');
    expect(html).toMatch(/href="\/runs\/\d+"/);
  });

  it("says when a configuration or the data has nothing to show, and reports bad parameters", async () => {
    const unknown = await render({ config: "no-such-config", sort: "bogus" });
    expect(unknown).toContain('data-testid="unknown-config"');
    expect(unknown).toContain('data-testid="param-issues"');
    const real = await render({ data: "real" });
    expect(real).toContain('data-testid="empty-state"');
  });
});
