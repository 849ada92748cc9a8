/** What is loaded: configurations × benchmarks with run and row counts (the home page). */
import { asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "../db";
import { getDb } from "../db";
import { benchmarks, configs, datasets, models, runs } from "../db/schema";

export interface InventoryCell {
  /** Published runs (datasets present) of this configuration on this benchmark. */
  runs: number;
  /** Datasets (variants) of the benchmark in the suite. */
  datasets: number;
  rows: number;
  /** Runs with fewer rows than their metadata promised. */
  incompleteRuns: number;
}

export interface InventoryBenchmark {
  slug: string;
  name: string;
  subset: "V" | "OE";
  inCatalog: boolean;
  datasets: number;
}

export interface InventoryConfig {
  slug: string;
  displayName: string;
  group: string | null;
  reasoningEffort: string | null;
  inCatalog: boolean;
  runs: number;
  rows: number;
}

export interface Inventory {
  totals: { configs: number; benchmarks: number; datasets: number; runs: number; rollouts: number; demoRuns: number; supersededRuns: number };
  boards: {
    subset: "V" | "OE";
    benchmarks: InventoryBenchmark[];
    configs: InventoryConfig[];
    /** cells[config][benchmark] */
    cells: Record<string, Record<string, InventoryCell>>;
  }[];
}

export async function getInventory(dbArg?: Db): Promise<Inventory> {
  const db = dbArg ?? (await getDb());
  const published = eq(runs.status, "published");

  const [perCell, benchRows, datasetCounts, configRows, publishedDatasets, statusCounts] = await Promise.all([
    db
      .select({
        config: runs.configSlug,
        benchmark: datasets.benchmarkSlug,
        runs: count(),
        rows: sql<number>`coalesce(sum(${runs.observedRows}), 0)::int`,
        incomplete: sql<number>`(count(*) filter (where ${runs.expectedRows} is not null and ${runs.observedRows} < ${runs.expectedRows}))::int`,
      })
      .from(runs)
      .innerJoin(datasets, eq(datasets.id, runs.datasetId))
      .where(published)
      .groupBy(runs.configSlug, datasets.benchmarkSlug),
    db
      .select({ slug: benchmarks.slug, name: benchmarks.name, subset: benchmarks.subset, inCatalog: benchmarks.inCatalog })
      .from(benchmarks)
      .orderBy(asc(benchmarks.sortOrder), asc(benchmarks.slug)),
    db
      .select({ benchmark: datasets.benchmarkSlug, n: count() })
      .from(datasets)
      .groupBy(datasets.benchmarkSlug),
    db
      .select({
        slug: configs.slug,
        displayName: configs.displayName,
        group: models.group,
        reasoningEffort: configs.reasoningEffort,
        inCatalog: configs.inCatalog,
      })
      .from(configs)
      .innerJoin(models, eq(models.id, configs.modelId))
      .where(sql`exists (select 1 from ${runs} where ${runs.configSlug} = ${configs.slug} and ${published})`)
      .orderBy(asc(configs.slug)),
    db.select({ n: sql<number>`count(distinct ${runs.datasetId})::int` }).from(runs).where(published),
    db
      .select({ status: runs.status, provenance: runs.provenance, n: count() })
      .from(runs)
      .groupBy(runs.status, runs.provenance),
  ]);

  const datasetsOf = new Map(datasetCounts.map((d) => [d.benchmark, Number(d.n)]));
  const cellsAll = new Map<string, Map<string, InventoryCell>>();
  const configTotals = new Map<string, { runs: number; rows: number }>();
  const benchmarksWithRuns = new Set<string>();
  for (const c of perCell) {
    const cell: InventoryCell = {
      runs: Number(c.runs),
      rows: Number(c.rows),
      incompleteRuns: Number(c.incomplete),
      datasets: datasetsOf.get(c.benchmark) ?? 0,
    };
    if (!cellsAll.has(c.config)) cellsAll.set(c.config, new Map());
    cellsAll.get(c.config)!.set(c.benchmark, cell);
    benchmarksWithRuns.add(c.benchmark);
    const t = configTotals.get(c.config) ?? { runs: 0, rows: 0 };
    t.runs += cell.runs;
    t.rows += cell.rows;
    configTotals.set(c.config, t);
  }

  const boards = (["V", "OE"] as const).map((subset) => {
    const bs = benchRows
      .filter((b) => b.subset === subset && (b.inCatalog || benchmarksWithRuns.has(b.slug)))
      .map((b) => ({ ...b, subset, datasets: datasetsOf.get(b.slug) ?? 0 }));
    const slugs = new Set(bs.map((b) => b.slug));
    const cells: Record<string, Record<string, InventoryCell>> = {};
    const cfgs: InventoryConfig[] = [];
    for (const c of configRows) {
      const mine = cellsAll.get(c.slug);
      const entries = mine ? [...mine].filter(([b]) => slugs.has(b)) : [];
      if (entries.length === 0) continue;
      cells[c.slug] = Object.fromEntries(entries);
      cfgs.push({
        ...c,
        runs: entries.reduce((s, [, v]) => s + v.runs, 0),
        rows: entries.reduce((s, [, v]) => s + v.rows, 0),
      });
    }
    return { subset, benchmarks: bs, configs: cfgs, cells };
  });

  let runsN = 0;
  let demoRuns = 0;
  let supersededRuns = 0;
  for (const s of statusCounts) {
    if (s.status === "published") runsN += Number(s.n);
    if (s.status === "published" && s.provenance === "demo") demoRuns += Number(s.n);
    if (s.status === "superseded") supersededRuns += Number(s.n);
  }
  return {
    totals: {
      configs: configRows.length,
      benchmarks: benchmarksWithRuns.size,
      datasets: Number(publishedDatasets[0]?.n ?? 0),
      runs: runsN,
      // Rows of published runs (observed_rows is exact: counted at ingest).
      rollouts: perCell.reduce((s, c) => s + Number(c.rows), 0),
      demoRuns,
      supersededRuns,
    },
    boards,
  };
}
