/**
 * URL state of /head-to-head. Plain TypeScript: the page parses it, links build it.
 *
 * | param | values                 | default | effect                                        |
 * | ----- | ---------------------- | ------- | --------------------------------------------- |
 * | board | V, OE                  | V       | which board's matrix                          |
 * | a     | a configuration slug   | (none)  | row of the selected cell (with b)             |
 * | b     | a configuration slug   | (none)  | column of the selected cell: its breakdown    |
 * | snapshot | a snapshot id       | latest  | pins the view to that snapshot                |
 *
 * Invalid values fall back to the default; an a/b not on the board is reported on the page.
 */
import { snapshotFromParam } from "@/lib/cite/url";
import type { Board } from "@/lib/queries/leaderboard-types";

type RawParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export interface HeadToHeadPageParams {
  board: Board;
  a: string | null;
  b: string | null;
  /** The snapshot the URL pins (absent: the latest). */
  snapshot?: string;
}

export function parseHeadToHeadParams(sp: RawParams): HeadToHeadPageParams {
  const board = first(sp.board);
  const text = (v: string | undefined) => (v && v.trim() ? v.trim() : null);
  const snapshot = snapshotFromParam(sp.snapshot);
  return { board: board === "OE" ? "OE" : "V", a: text(first(sp.a)), b: text(first(sp.b)), ...(snapshot ? { snapshot } : {}) };
}

/** `/head-to-head?board=…&a=…&b=…` (board always written; a and b when given) with an optional #fragment. */
export function headToHeadHref(params: { board: Board; a?: string | null; b?: string | null; snapshot?: string | null }, hash?: string): string {
  const q = new URLSearchParams({ board: params.board });
  if (params.a) q.set("a", params.a);
  if (params.b) q.set("b", params.b);
  if (params.snapshot) q.set("snapshot", params.snapshot);
  return `/head-to-head?${q.toString()}${hash ? `#${hash}` : ""}`;
}
