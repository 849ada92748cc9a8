import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";
import { getInventory } from "./inventory";

describe.each(testDatabases())("getInventory on $name", (database) => {
  const db = useCatalogDb(database);

  it("is empty before anything is ingested", async () => {
    const inv = await getInventory(db().db);
    expect(inv.totals).toMatchObject({ runs: 0, rollouts: 0, configs: 0, datasets: 0 });
    expect(inv.boards.map((b) => b.configs.length)).toEqual([0, 0]);
  });

  it("counts configurations × benchmarks, incomplete runs and superseded runs", async () => {
    const root = tmpDir();
    const rows = (n: number) => Array.from({ length: n }, (_, id) => ({ id, reward: id % 2 }));
    writeGenARun(root, { model: "google/gemma-3-4b-it", envId: "medqa", rows: rows(5) });
    writeGenARun(root, { model: "google/gemma-3-4b-it", envId: "medqa", variant: "shuffle_seed-1618", envArgs: { shuffle_answers: true, shuffle_seed: 1618 }, rows: rows(5) });
    writeGenARun(root, { model: "google/gemma-3-4b-it", envId: "pubmedqa", numExamples: 10, rows: rows(4) });
    writeGenARun(root, { model: "google/medgemma-4b-it", envId: "medqa", rows: rows(5) });
    writeGenARun(root, { model: "google/medgemma-4b-it", envId: "careqa", envArgs: { split: "open", judge_model: "openai/gpt-5-mini" }, rows: rows(3) });
    await ingestPaths(db().raw, [root], { provenance: "demo" });
    const older = tmpDir();
    writeGenARun(older, { model: "google/medgemma-4b-it", envId: "medqa", rows: rows(2), mtime: 1_000_000 });
    await ingestPaths(db().raw, [older], { provenance: "official" });

    const inv = await getInventory(db().db);
    expect(inv.totals).toEqual({ configs: 2, benchmarks: 3, datasets: 4, runs: 5, rollouts: 22, demoRuns: 5, supersededRuns: 1 });
    const [v, oe] = inv.boards;
    expect(v.configs.map((c) => [c.slug, c.runs, c.rows, c.group])).toEqual([
      ["gemma-3-4b-it", 3, 14, "open-weight"],
      ["medgemma-4b-it", 1, 5, "medical"],
    ]);
    expect(v.cells["gemma-3-4b-it"].medqa).toEqual({ runs: 2, datasets: 3, rows: 10, incompleteRuns: 0 });
    expect(v.cells["gemma-3-4b-it"].pubmedqa).toMatchObject({ runs: 1, incompleteRuns: 1 });
    expect(v.cells["medgemma-4b-it"].pubmedqa).toBeUndefined();
    expect(v.benchmarks.map((b) => b.slug)).toContain("careqa");
    expect(oe.configs.map((c) => c.slug)).toEqual(["medgemma-4b-it"]);
    expect(oe.cells["medgemma-4b-it"].careqa_open).toMatchObject({ runs: 1, rows: 3 });
    expect(v.benchmarks.every((b) => b.subset === "V") && oe.benchmarks.every((b) => b.subset === "OE")).toBe(true);
  });
});
