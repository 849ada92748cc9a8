/**
 * `GET /api/v1/head-to-head?board=V|OE&a=&b=&snapshot=` — the pairwise win-rate matrix of one
 * board (default settings; configurations in rank order, row-major n × n arrays) and, with `a`
 * and `b`, the per-dataset breakdown of wr(a vs b) as `selection`. The same `getHeadToHead` as
 * the page. `a` without `b` (or the same twice) → 400; a pair not on the board → 404.
 */
import { apiGet, snapshotRef } from "@/lib/api/handler";
import { ApiError } from "@/lib/api/http";
import { canonicalParams, readBoard } from "@/lib/api/params";
import { getHeadToHead } from "@/lib/queries/head-to-head";

export const GET = apiGet({
  route: "/api/v1/head-to-head",
  parse(reader) {
    const board = readBoard(reader);
    const a = reader.slug("a", "a configuration slug");
    const b = reader.slug("b", "a configuration slug");
    for (const [name, other] of [["a", b], ["b", a]] as const) {
      if (reader.get(name) === null && other !== null) reader.issue(name, "", `${name} is missing: a (row) and b (column) select a cell together`);
    }
    if (a !== null && a === b) reader.issue("b", b!, "a and b are the same configuration: choose two different ones");
    return { board, a, b };
  },
  canonical: (p) => canonicalParams(p),
  async load({ params }) {
    const view = await getHeadToHead(params);
    if (view.selection?.status === "invalid") throw new ApiError(404, view.selection.reason);
    return { snapshot: view.snapshot, body: { ...view, snapshot: snapshotRef(view.snapshot) } };
  },
});
