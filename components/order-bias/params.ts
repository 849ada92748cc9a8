/**
 * URL state of `/order-bias`. Plain TypeScript: the page parses it, links build it.
 *
 * | param  | values                                              | default     | effect                                  |
 * | ------ | --------------------------------------------------- | ----------- | --------------------------------------- |
 * | config | a configuration slug on the view                    | (none)      | the per-configuration detail section    |
 * | sort   | sensitivity, delta, flip, consistency, board, name  | sensitivity | order of the ranking table              |
 * | data   | auto, real, demo, all                               | auto        | which runs (the boards' rule by default) |
 * | snapshot | a snapshot id (16 hex digits)                     | the latest  | pins the view to that snapshot          |
 *
 * Invalid values fall back to the default and are reported (never an error page).
 */
import { snapshotFromParam } from "@/lib/cite/url";
import { ORDER_BIAS_DATA, type OrderBiasConfigRow, type OrderBiasData } from "@/lib/queries/order-bias-types";

export const ORDER_BIAS_SORTS = ["sensitivity", "delta", "flip", "consistency", "board", "name"] as const;
export type OrderBiasSort = (typeof ORDER_BIAS_SORTS)[number];

export interface OrderBiasPageParams {
  config: string | null;
  sort: OrderBiasSort;
  data: OrderBiasData;
  /** The snapshot the URL pins (absent: the latest; a malformed value is reported by the page). */
  snapshot?: string;
}

export interface ParamIssue {
  param: string;
  value: string;
  message: string;
}

type RawParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseOrderBiasParams(sp: RawParams): { params: OrderBiasPageParams; issues: ParamIssue[] } {
  const issues: ParamIssue[] = [];
  const sort = first(sp.sort);
  const data = first(sp.data);
  const config = first(sp.config);
  const params: OrderBiasPageParams = { config: null, sort: "sensitivity", data: "auto" };
  const snapshot = snapshotFromParam(sp.snapshot);
  if (snapshot) params.snapshot = snapshot;
  if (sort !== undefined && sort !== "") {
    if ((ORDER_BIAS_SORTS as readonly string[]).includes(sort)) params.sort = sort as OrderBiasSort;
    else issues.push({ param: "sort", value: sort, message: `Unknown sort “${sort}” (one of ${ORDER_BIAS_SORTS.join(", ")})` });
  }
  if (data !== undefined && data !== "") {
    if ((ORDER_BIAS_DATA as readonly string[]).includes(data)) params.data = data as OrderBiasData;
    else issues.push({ param: "data", value: data, message: `Unknown data “${data}” (one of ${ORDER_BIAS_DATA.join(", ")})` });
  }
  if (config !== undefined && config !== "") {
    if (config.length <= 200) params.config = config;
    else issues.push({ param: "config", value: `${config.slice(0, 40)}…`, message: "Configuration name too long" });
  }
  return { params, issues };
}

/** `/order-bias` with the given state (defaults dropped) and an optional #fragment. */
export function orderBiasHref(params: Partial<OrderBiasPageParams>, hash?: string): string {
  const q = new URLSearchParams();
  if (params.config) q.set("config", params.config);
  if (params.sort && params.sort !== "sensitivity") q.set("sort", params.sort);
  if (params.data && params.data !== "auto") q.set("data", params.data);
  if (params.snapshot) q.set("snapshot", params.snapshot);
  const qs = q.toString();
  return `/order-bias${qs ? `?${qs}` : ""}${hash ? `#${hash}` : ""}`;
}

const nullsLast = (a: number | null, b: number | null, dir: 1 | -1) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : dir * (a - b));

/**
 * The ranking table's rows in `sort` order: sensitivity (most sensitive first), delta (largest
 * drop first), flip (highest flip rate first), consistency (least consistent first), board (board
 * rank), name. Missing values last; ties in board order.
 */
export function sortConfigRows(rows: readonly OrderBiasConfigRow[], sort: OrderBiasSort): OrderBiasConfigRow[] {
  const board = new Map(rows.map((r, i) => [r.config, i]));
  const tie = (a: OrderBiasConfigRow, b: OrderBiasConfigRow) => board.get(a.config)! - board.get(b.config)!;
  const by: Record<OrderBiasSort, (a: OrderBiasConfigRow, b: OrderBiasConfigRow) => number> = {
    sensitivity: (a, b) => nullsLast(a.sensitivity, b.sensitivity, -1),
    delta: (a, b) => nullsLast(a.meanDelta, b.meanDelta, 1),
    flip: (a, b) => nullsLast(a.flipRate, b.flipRate, -1),
    consistency: (a, b) => nullsLast(a.consistency, b.consistency, 1),
    board: () => 0,
    name: (a, b) => a.displayName.localeCompare(b.displayName, "en") || (a.config < b.config ? -1 : a.config > b.config ? 1 : 0),
  };
  return [...rows].sort((a, b) => by[sort](a, b) || tie(a, b));
}
