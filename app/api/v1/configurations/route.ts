/**
 * `GET /api/v1/configurations?snapshot=` — every configuration with a published run (plus the
 * catalog's without runs), with its rank and win rate on both default boards:
 * `{ snapshot, synthetic, boards: {V, OE}, configurations: [...] }`, the page's order.
 */
import { configIndexAsOf } from "@/lib/api/as-of-snapshot";
import { apiGet, snapshotRef } from "@/lib/api/handler";
import { listConfigs } from "@/lib/queries/config";
import { getSnapshotRunCounts } from "@/lib/queries/snapshots";

export const GET = apiGet({
  route: "/api/v1/configurations",
  parse: () => ({}),
  canonical: () => "",
  async load({ pinned }) {
    let view = await listConfigs();
    if (pinned) view = configIndexAsOf(view, await getSnapshotRunCounts(view.snapshot.id));
    const snapshot = view.snapshot;
    return {
      snapshot,
      body: {
        snapshot: snapshotRef(snapshot),
        synthetic: view.synthetic.V || view.synthetic.OE,
        boards: {
          V: { synthetic: view.synthetic.V, ranked: view.ranked.V },
          OE: { synthetic: view.synthetic.OE, ranked: view.ranked.OE },
        },
        configurations: view.rows,
      },
    };
  },
});
