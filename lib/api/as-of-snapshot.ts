/**
 * "As of a snapshot": what the API changes in a view when `snapshot=` pins it, so the answer for a
 * pinned snapshot never changes (it is cached as immutable).
 *
 * The boards and stored views (rankings, scores, head-to-head, order bias, efficiency) already
 * follow the pin (withSnapshot). A few facts the pages read live do not: run statuses (a run is
 * superseded later), counts of published runs, configurations and benchmarks that a later ingest
 * created. Pinned, those are read from the snapshot's run set instead: a run is "published" when
 * the snapshot holds it, runs outside the snapshot are not shown (404 for a run asked for by id),
 * and counts are the snapshot's.
 */
import type { BenchmarkIndexRow, BenchmarkView } from "../queries/benchmark";
import type { ConfigIndexRow, ConfigIndexView, ConfigView } from "../queries/config";
import type { RunSummary } from "../queries/run";
import type { SampleView } from "../queries/sample";
import { runsInSnapshot, type SnapshotRunCount } from "../queries/snapshots";

/** Benchmarks of the catalog, plus the others with a run in the snapshot. */
export function benchmarksAsOf(rows: BenchmarkIndexRow[], counts: SnapshotRunCount[]): BenchmarkIndexRow[] {
  const inSnapshot = new Set(counts.map((c) => c.benchmark));
  return rows.filter((r) => r.inCatalog || inSnapshot.has(r.slug));
}

/** The benchmark with its variants' run counts from the snapshot; null when the snapshot does not know it. */
export function benchmarkAsOf(view: BenchmarkView, counts: SnapshotRunCount[]): BenchmarkView | null {
  const mine = counts.filter((c) => c.benchmark === view.slug);
  if (!view.inCatalog && !mine.length) return null;
  const runsOf = (envId: string, variantId: string) =>
    mine.filter((c) => c.envId === envId && c.variantId === variantId).reduce((n, c) => n + c.runs, 0);
  const variants = view.variants
    .map((v) => {
      const runs = runsOf(v.envId, v.variantId);
      return { ...v, publishedRuns: runs, hasRun: runs > 0 };
    })
    // A benchmark known only from runs lists the variants it has runs of.
    .filter((v) => view.inCatalog || v.hasRun);
  return { ...view, variants };
}

/** The configuration index with published runs counted in the snapshot (the page's filter and order). */
export function configIndexAsOf(view: ConfigIndexView, counts: SnapshotRunCount[]): ConfigIndexView {
  const published = new Map<string, { all: number; demo: number }>();
  for (const c of counts) {
    const p = published.get(c.config) ?? { all: 0, demo: 0 };
    p.all += c.runs;
    if (c.provenance === "demo") p.demo += c.runs;
    published.set(c.config, p);
  }
  const rows: ConfigIndexRow[] = view.rows
    .map((r) => {
      const p = published.get(r.slug) ?? { all: 0, demo: 0 };
      return { ...r, publishedRuns: p.all, demoOnly: p.all > 0 && p.demo === p.all };
    })
    .filter((r) => r.publishedRuns > 0 || r.inCatalog);
  const last = Number.MAX_SAFE_INTEGER;
  rows.sort(
    (a, b) =>
      Number(b.publishedRuns > 0) - Number(a.publishedRuns > 0) ||
      (a.rankV ?? last) - (b.rankV ?? last) ||
      (a.rankOE ?? last) - (b.rankOE ?? last) ||
      a.displayName.localeCompare(b.displayName) ||
      a.slug.localeCompare(b.slug),
  );
  return { ...view, rows };
}

/** The configuration with only the snapshot's runs (published as of it); null when the snapshot does not know it. */
export async function configAsOf(view: ConfigView, snapshotId: string): Promise<ConfigView | null> {
  const held = await runsInSnapshot(snapshotId, view.runs.map((r) => r.id));
  if (!view.inCatalog && !held.size) return null;
  return {
    ...view,
    runs: view.runs.filter((r) => held.has(r.id)).map((r) => ({ ...r, status: "published" as const, supersededBy: null })),
  };
}

/** A run the snapshot holds, with its status as of the snapshot. */
export function runAsOf(run: RunSummary): RunSummary {
  return { ...run, status: "published", supersededBy: null };
}

/** A sample of a run the snapshot holds: links to other answer orders only through runs it holds too. */
export async function sampleAsOf(sample: SampleView, snapshotId: string): Promise<SampleView> {
  const held = await runsInSnapshot(snapshotId, sample.orders.map((o) => o.runId));
  return {
    ...sample,
    run: { ...sample.run, status: "published" },
    orders: sample.orders.filter((o) => o.current || held.has(o.runId)).map((o) => ({ ...o, status: "published" as const })),
  };
}
