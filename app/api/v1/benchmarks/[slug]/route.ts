/**
 * `GET /api/v1/benchmarks/{slug}?include=insight&snapshot=` — one benchmark: its facts, variants
 * and the ranking of configurations on it (the default board of its subset), the same
 * `getBenchmarkView` as the page; `include=insight` adds the insight sections (per-subtask scores,
 * judges, question lists, distributions). 404 for an unknown benchmark.
 */
import { benchmarkAsOf } from "@/lib/api/as-of-snapshot";
import { apiGet, snapshotRef } from "@/lib/api/handler";
import { canonicalParams, decodePathSegment, isSlug } from "@/lib/api/params";
import { getBenchmarkInsight } from "@/lib/queries/benchmark-insight";
import { getBenchmarkView } from "@/lib/queries/benchmark";
import { getCurrentSnapshot, getSnapshotRunCounts } from "@/lib/queries/snapshots";

export const GET = apiGet({
  route: "/api/v1/benchmarks/{slug}",
  parse(reader, path) {
    const slug = decodePathSegment(path.slug ?? "");
    if (slug === null || !isSlug(slug)) reader.issue("slug", path.slug ?? "", "The benchmark slug in the path is not valid");
    const include = reader.optionalOneOf("include", ["insight"] as const, "an include");
    return { slug: slug ?? "", insight: include === "insight" };
  },
  canonical: (p) => canonicalParams({ slug: p.slug, include: p.insight ? "insight" : null }),
  notFound: (p) => `No benchmark ${JSON.stringify(p.slug)} (see /api/v1/benchmarks).`,
  async load({ params, pinned }) {
    const snapshot = await getCurrentSnapshot();
    let view = await getBenchmarkView(params.slug);
    if (view && pinned) view = benchmarkAsOf(view, await getSnapshotRunCounts(snapshot.id));
    if (!view) return null;
    const insight = params.insight ? await getBenchmarkInsight(params.slug) : undefined;
    return {
      snapshot,
      body: { snapshot: snapshotRef(snapshot), synthetic: view.board.synthetic, ...view, ...(insight ? { insight } : {}) },
    };
  },
});
