/**
 * `GET /api/v1/snapshots/{id}` — one snapshot: when it was made, its runs (id, configuration,
 * benchmark, dataset keys, provenance, artifact hash) and the link to its per-question scores.
 * A snapshot never changes, so neither does this answer (cached as immutable). `snapshot=`, when
 * given, must be the same id.
 */
import { apiGet, snapshotRef } from "@/lib/api/handler";
import { readSnapshotPath } from "@/lib/api/snapshot-path";
import { getSnapshotDetail } from "@/lib/queries/snapshots";

export const GET = apiGet({
  route: "/api/v1/snapshots/{id}",
  parse: readSnapshotPath,
  pin: (p) => p.id || null,
  canonical: (p) => `id=${p.id}`,
  notFound: (p) => `Snapshot ${p.id} does not exist (see /api/v1/snapshots for the snapshot ids).`,
  async load({ params, url }) {
    const detail = await getSnapshotDetail(params.id);
    if (!detail) return null;
    const snapshot = { id: detail.id, createdAt: detail.createdAt, runCount: detail.runCount };
    return {
      snapshot,
      body: {
        snapshot: snapshotRef(snapshot),
        ...detail,
        downloads: { scores: `${url.origin}/api/v1/snapshots/${detail.id}/scores.csv.gz` },
      },
    };
  },
});
