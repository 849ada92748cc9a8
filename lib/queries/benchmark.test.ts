/** getBenchmarkView on both databases: catalog facts, variants with runs, and the ranking on one benchmark. */
import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";
import { getBenchmark } from "../catalog";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { getBenchmarkView, listBenchmarks } from "./benchmark";

// medqa (4 questions) and pubmedqa (3 questions); a = gemma-3-4b-it, b = medgemma-4b-it, c = gemma-3-27b-it.
const MEDQA = { a: [0, 0, 0, 1], b: [1, 1, 0, 1], c: [1, 0, 1, 0] };
const PUBMEDQA = { a: [1, 1, 0], b: [0, 1, 0], c: [0, 0, 1] };
// medqa means by hand: a 0.25, b 0.75, c 0.5 → order b, c, a.
const MEDQA_MEAN = { a: 0.25, b: 0.75, c: 0.5 };
const MODELS = { a: "google/gemma-3-4b-it", b: "google/medgemma-4b-it", c: "google/gemma-3-27b-it" };
const ALIAS = { a: "gemma-3-4b-it", b: "medgemma-4b-it", c: "gemma-3-27b-it" };

describe.each(testDatabases())("getBenchmarkView on $name", (database) => {
  const db = useCatalogDb(database, async (h) => {
    const root = tmpDir();
    for (const k of ["a", "b", "c"] as const) {
      writeGenARun(root, { model: MODELS[k], envId: "medqa", rows: MEDQA[k].map((reward, id) => ({ id, reward })) });
      writeGenARun(root, { model: MODELS[k], envId: "pubmedqa", rows: PUBMEDQA[k].map((reward, id) => ({ id, reward })) });
    }
    await ingestPaths(h.raw, [root], { provenance: "official" });
  });

  it("returns the catalog facts, the variants with runs and the ranking on medqa", async () => {
    const view = await getBenchmarkView("medqa", db().raw);
    expect(view).not.toBeNull();
    const cat = getBenchmark("medqa")!;
    expect(view!).toMatchObject({
      slug: "medqa",
      name: cat.name,
      subset: "V",
      inCatalog: true,
      medmarksT: cat.medmarksT,
      taskType: cat.taskType,
      metric: { key: cat.metric.key, scale: cat.metric.scale },
      license: cat.license,
      url: cat.url,
      nQuestions: cat.nQuestions,
    });
    expect(view!.variants.map((v) => v.variantId)).toEqual(cat.variants.map((v) => v.variantId));
    expect(view!.variants.find((v) => v.variantId === "base")).toMatchObject({ hasRun: true, publishedRuns: 3 });
    expect(view!.variants.filter((v) => v.variantId !== "base").every((v) => !v.hasRun)).toBe(true);

    expect(view!.board.datasets.map((d) => d.key)).toEqual(["medqa::base"]);
    expect(view!.ranking.map((r) => r.config)).toEqual([ALIAS.b, ALIAS.c, ALIAS.a]);
    expect(view!.ranking.map((r) => r.rank)).toEqual([1, 2, 3]);
    for (const k of ["a", "b", "c"] as const) {
      const row = view!.ranking.find((r) => r.config === ALIAS[k])!;
      expect(row.score).toBeCloseTo(MEDQA_MEAN[k], 12);
      expect(row.datasets).toHaveLength(1);
      expect(row.datasets[0].score).toBeCloseTo(MEDQA_MEAN[k], 12);
      expect(row.n).toBe(4);
      expect(row.group).toBe(k === "b" ? "medical" : "open-weight");
      expect(row.displayName).toBeTruthy();
      // The number links to the one published run behind it.
      const runs = await db().raw.query<{ id: number }>(
        `select u.id from runs u join datasets d on d.id = u.dataset_id where u.config_slug = $1 and d.key = 'medqa::base' and u.status = 'published'`,
        [ALIAS[k]],
      );
      expect(row.datasets[0].runIds).toEqual(runs.map((r) => Number(r.id)));
      expect(row.lo! <= row.score && row.score <= row.hi!).toBe(true); // bootstrap is on by default
    }
  });

  it("ranks pubmedqa on its own and returns null for an unknown slug", async () => {
    const view = await getBenchmarkView("pubmedqa", db().raw);
    expect(view!.ranking[0].config).toBe(ALIAS.a);
    expect(view!.ranking[0].score).toBeCloseTo(2 / 3, 12);
    // b and c tie at 1/3 and share rank 2.
    expect(view!.ranking.slice(1).map((r) => r.rank)).toEqual([2, 2]);
    expect(await getBenchmarkView("no-such-benchmark", db().raw)).toBeNull();
  });

  it("lists every catalog benchmark, V before OE", async () => {
    const rows = await listBenchmarks(db().raw);
    expect(rows.find((r) => r.slug === "medqa")).toBeTruthy();
    const firstOE = rows.findIndex((r) => r.subset === "OE");
    expect(rows.slice(firstOE).every((r) => r.subset === "OE")).toBe(true);
  });
});
