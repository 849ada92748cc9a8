/**
 * `GET /api/v1/efficiency?board=V|OE&x=output|total|latency&benchmark=&snapshot=` — score against
 * cost per configuration: plotted points with intervals, the Pareto frontier, reasoning-effort
 * ladders and the configurations left off with why. With `benchmark`, y is that benchmark's mean
 * score (and the board is the benchmark's own). The same `getEfficiency` as the page. An unknown
 * benchmark → 404.
 */
import { apiGet, snapshotRef } from "@/lib/api/handler";
import { ApiError } from "@/lib/api/http";
import { canonicalParams, readBoard } from "@/lib/api/params";
import { getEfficiency } from "@/lib/queries/efficiency";
import { EFFICIENCY_X } from "@/lib/queries/efficiency-types";

export const GET = apiGet({
  route: "/api/v1/efficiency",
  parse(reader) {
    return {
      board: readBoard(reader),
      x: reader.oneOf("x", EFFICIENCY_X, "output", { caseInsensitive: true, what: "an x quantity" }),
      benchmark: reader.slug("benchmark", "a benchmark slug"),
    };
  },
  canonical: (p) => canonicalParams(p),
  async load({ params }) {
    const { unknownBenchmark, ...view } = await getEfficiency(params);
    if (unknownBenchmark !== null) throw new ApiError(404, `No benchmark ${JSON.stringify(unknownBenchmark)} (see /api/v1/benchmarks).`);
    return { snapshot: view.snapshot, body: { ...view, snapshot: snapshotRef(view.snapshot) } };
  },
});
