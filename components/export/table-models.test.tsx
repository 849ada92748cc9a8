/**
 * The export models of the main tables hold what the tables show: one row per table row in the
 * same order, the same header labels, and every cell's text is in the rendered table (tables
 * rendered to HTML from the same views, against a small demo database on PGlite).
 */
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

import { useCatalogDb } from "@/tests/support/catalog-db";
import type { DbHandle } from "@/lib/db";
import { testDatabases } from "@/lib/db/test-db";
import { toLatex } from "@/lib/export/latex";
import { checkModel, type TableModel } from "@/lib/export/table-model";
import { ingestPaths } from "@/lib/ingest";
import { tmpDir, writeGenARun } from "@/lib/ingest/test-fixtures";
import { MISSING } from "@/lib/format";

const holder: { h?: DbHandle } = {};
vi.mock("next/server", () => ({ connection: async () => {} }));
vi.mock("@/lib/db", async (orig) => ({ ...(await orig<typeof import("@/lib/db")>()), getDbHandle: async () => holder.h! }));

const { getBenchmarkView } = await import("@/lib/queries/benchmark");
const { getConfigView } = await import("@/lib/queries/config");
const { getEfficiency } = await import("@/lib/queries/efficiency");
const { getMedicalVsBase } = await import("@/lib/queries/medical");
const { getComparison } = await import("@/lib/queries/compare");
const { BenchmarkRankingTable } = await import("@/components/benchmark/benchmark-ranking-table");
const { BenchmarkScoresTable } = await import("@/components/model/benchmark-scores-table");
const { EfficiencyTable } = await import("@/components/efficiency/efficiency-table");
const { PairsTable } = await import("@/components/medical/pairs-table");
const { METHOD_SHORT } = await import("@/components/compare/differences-table");
const models = await import("./table-models");

const [database] = testDatabases();

/** The visible text of rendered HTML: tags and React's text separators dropped, entities decoded. */
function textOf(markup: string): string {
  return markup
    .replace(/<span class="sr-only">.*?<\/span>/g, "")
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * Every label and every cell of `model` appears in the rendered table's text, rows in the table's
 * order; `shownAs` maps a model cell to the text the table shows for it where they differ (icons).
 */
function expectShown(model: TableModel, rendered: string, rowKeys: string[], shownAs: (cell: string) => string = (c) => c) {
  checkModel(model);
  const text = textOf(rendered);
  expect(model.rows).toHaveLength(rowKeys.length);
  for (const c of model.columns) expect(text, c.label).toContain(c.label);
  for (const row of model.rows) for (const cell of row) if (cell && cell !== MISSING) expect(text, cell).toContain(shownAs(cell));
  // Row order: each row's first cell appears after the previous row's.
  let at = 0;
  for (const row of model.rows) {
    const i = text.indexOf(row[0], at);
    expect(i, row[0]).toBeGreaterThanOrEqual(at);
    at = i;
  }
  // Row keys are the rendered rows, in order.
  const keys = [...rendered.matchAll(/<tr[^>]*data-(?:config|testid)="(?:benchmark-score-|pair-)?([^"]+)"/g)].map((m) => m[1]);
  if (keys.length) expect(keys).toEqual(rowKeys);
  // And it makes a LaTeX table with one line per row.
  const tex = toLatex(model);
  expect(tex.split("\n").filter((l) => l.trim().endsWith("\\\\"))).toHaveLength(model.rows.length + 1);
}

describe("table export models", () => {
  const db = useCatalogDb(database, async (h) => {
    holder.h = h;
    const root = tmpDir();
    const ids = { f: "google/medgemma-27b-text-it", b: "google/gemma-3-27b-it", s: "google/gemma-3-4b-it" };
    const rewards = { f: [1, 1, 1, 1, 1, 0], b: [1, 0, 0, 0, 1, 0], s: [0, 1, 0, 1, 0, 1] };
    for (const k of ["f", "b", "s"] as const) {
      writeGenARun(root, { model: ids[k], envId: "medqa", rows: rewards[k].map((reward, id) => ({ id, reward, outputTokens: 100 * (id + 1) })) });
      writeGenARun(root, { model: ids[k], envId: "pubmedqa", rows: rewards[k].map((reward, id) => ({ id, reward: 1 - reward, outputTokens: 50 })) });
    }
    await ingestPaths(h.raw, [root], { provenance: "demo" });
  });

  it("benchmark ranking", async () => {
    db();
    const view = (await getBenchmarkView("medqa"))!;
    const model = models.benchmarkRankingModel(view);
    expectShown(model, renderToString(<BenchmarkRankingTable view={view} />), view.ranking.map((r) => r.config));
    expect(model.rows.map((r) => r[1])).toEqual(view.ranking.map((r) => r.displayName));
    expect(model.synthetic).toBe(true);
    expect(model.columns.map((c) => c.align)).toEqual(["right", "left", "right", ...view.board.datasets.map(() => "right"), "right"]);
  });

  it("configuration scores", async () => {
    const view = (await getConfigView("gemma-3-4b-it"))!;
    const board = view.boards.find((b) => b.board === "V")!;
    const model = models.benchmarkScoresModel(board, { slug: view.slug, displayName: view.displayName }, view.snapshot);
    const rendered = renderToString(<BenchmarkScoresTable board={board} config={view.slug} displayName={view.displayName} snapshot={view.snapshot} />);
    expectShown(model, rendered, board.benchmarks.map((b) => b.slug));
    expect(rendered).toContain('data-testid="table-export"');
    expect(model.snapshot.id).toBe(view.snapshot.id);
  });

  it("efficiency", async () => {
    const view = await getEfficiency({ board: "V", x: "output", benchmark: null });
    expect(view.points.length).toBeGreaterThan(1);
    const model = models.efficiencyModel(view);
    const rendered = renderToString(<EfficiencyTable view={view} />);
    expectShown(model, rendered, view.points.map((p) => p.config), (c) => (c === "yes" ? "" : c)); // the table shows a check mark
    expect(model.rows.filter((r) => r[6] === "yes")).toHaveLength(view.points.filter((p) => p.onFrontier).length);
    expect((rendered.match(/on the frontier/g) ?? []).length).toBe(view.points.filter((p) => p.onFrontier).length);
  });

  it("medical pairs", async () => {
    const view = await getMedicalVsBase({ board: "V" });
    expect(view.pairs.length).toBeGreaterThan(0);
    const model = models.medicalPairsModel(view);
    expectShown(model, renderToString(<PairsTable view={view} selected={null} />), view.pairs.map((p) => p.fineTune.config));
  });

  it("compare differences: one row per benchmark, one score column per configuration and Δ / p per non-reference", async () => {
    const view = await getComparison({ configs: ["gemma-3-4b-it", "gemma-3-27b-it", "medgemma-27b-text"], board: "V" });
    const c = view.comparison!;
    const model = models.compareDifferencesModel(view, c, METHOD_SHORT);
    checkModel(model);
    expect(model.rows.map((r) => r[0])).toEqual(c.benchmarks.map((b) => b.name));
    expect(model.columns).toHaveLength(2 + 1 + 3 * (view.configs.length - 1));
    expect(model.columns[2].label).toMatch(/: Score % \(95% CI\)$/);
    const deltas = model.columns.map((col, i) => [col, i] as const).filter(([col]) => /: Δ vs .+, pp \(95% CI\)$/.test(col.label));
    expect(deltas).toHaveLength(view.configs.length - 1);
    for (const [, i] of deltas) for (const row of model.rows) expect(row[i]).toMatch(/^[+−]?\d+\.\d pp( \(.+ to .+\))?$|^—$/);
  });
});
