/**
 * `GET /api/v1/snapshots?snapshot=` — every snapshot (newest first: id, createdAt, runCount,
 * label, latest). A snapshot is the published run set at a moment, named by a content hash; every
 * other route takes its id as `snapshot=` to answer as of it. Pinned, the list is as of that
 * snapshot (the snapshots created up to it, with it flagged latest).
 */
import { apiGet, snapshotRef } from "@/lib/api/handler";
import { listSnapshots } from "@/lib/queries/snapshots";

export const GET = apiGet({
  route: "/api/v1/snapshots",
  parse: () => ({}),
  canonical: () => "",
  async load() {
    const { current, snapshots } = await listSnapshots();
    return { snapshot: current, body: { snapshot: snapshotRef(current), latest: current.id, snapshots } };
  },
});
