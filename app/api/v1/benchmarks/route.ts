/**
 * `GET /api/v1/benchmarks?snapshot=` — every benchmark (catalog order, V then OE) with its facts:
 * `{ snapshot, benchmarks: [...] }`. Pinned, benchmarks known only from runs are listed when the
 * snapshot has runs of them.
 */
import { benchmarksAsOf } from "@/lib/api/as-of-snapshot";
import { apiGet, snapshotRef } from "@/lib/api/handler";
import { listBenchmarks } from "@/lib/queries/benchmark";
import { getCurrentSnapshot, getSnapshotRunCounts } from "@/lib/queries/snapshots";

export const GET = apiGet({
  route: "/api/v1/benchmarks",
  parse: () => ({}),
  canonical: () => "",
  async load({ pinned }) {
    const snapshot = await getCurrentSnapshot();
    let benchmarks = await listBenchmarks();
    if (pinned) benchmarks = benchmarksAsOf(benchmarks, await getSnapshotRunCounts(snapshot.id));
    return { snapshot, body: { snapshot: snapshotRef(snapshot), benchmarks } };
  },
});
