/**
 * `GET /api/v1/order-bias?board=V|OE&data=auto|real|demo|all&config=&snapshot=` — answer-order
 * sensitivity per configuration and dataset (normal intervals), the heatmap and the most flipped
 * questions; with `config`, that configuration's detail (bootstrap intervals, position
 * preference). The same `getOrderBias` / `getOrderBiasDetail` as the page. A configuration not on
 * the view → 404.
 */
import { apiGet, snapshotRef } from "@/lib/api/handler";
import { canonicalParams, readBoard } from "@/lib/api/params";
import { getOrderBias, getOrderBiasDetail } from "@/lib/queries/order-bias";
import { ORDER_BIAS_DATA } from "@/lib/queries/order-bias-types";

export const GET = apiGet({
  route: "/api/v1/order-bias",
  parse(reader) {
    return {
      board: readBoard(reader),
      data: reader.oneOf("data", ORDER_BIAS_DATA, "auto", { caseInsensitive: true, what: "a run selection" }),
      config: reader.slug("config", "a configuration slug"),
    };
  },
  canonical: (p) => canonicalParams(p),
  notFound: (p) => `${p.config} is not on the order-bias view of Medmarks-${p.board} (data=${p.data}).`,
  async load({ params }) {
    const { board, data, config } = params;
    const view = config === null ? await getOrderBias({ board, data }) : await getOrderBiasDetail(config, { board, data });
    if (!view) return null;
    return { snapshot: view.snapshot, body: { ...view, snapshot: snapshotRef(view.snapshot) } };
  },
});
