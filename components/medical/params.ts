/**
 * URL state of /medical. Plain TypeScript: the page parses it, links build it.
 *
 * | param | values                         | default          | effect                                |
 * | ----- | ------------------------------ | ---------------- | ------------------------------------- |
 * | board | V, OE                          | V                | which board's pairs                   |
 * | pair  | a medical fine-tune's slug     | the first pair   | the pair whose benchmarks are shown   |
 * | snapshot | a snapshot id (16 hex)      | the latest       | pins the view to that snapshot        |
 *
 * Invalid values fall back to the default; a pair not on the board is reported on the page.
 */
import { snapshotFromParam } from "@/lib/cite/url";
import type { Board } from "@/lib/queries/leaderboard-types";

type RawParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export interface MedicalPageParams {
  board: Board;
  /** Fine-tune configuration slug; null = not given. */
  pair: string | null;
  /** The snapshot the URL pins (absent: the latest). */
  snapshot?: string;
}

export function parseMedicalParams(sp: RawParams): MedicalPageParams {
  const board = first(sp.board);
  const pair = first(sp.pair)?.trim();
  const snapshot = snapshotFromParam(sp.snapshot);
  return { board: board === "OE" ? "OE" : "V", pair: pair ? pair : null, ...(snapshot ? { snapshot } : {}) };
}

/** `/medical?board=…&pair=…` with an optional #fragment. */
export function medicalHref(params: { board: Board; pair?: string | null; snapshot?: string | null }, hash?: string): string {
  const q = new URLSearchParams({ board: params.board });
  if (params.pair) q.set("pair", params.pair);
  if (params.snapshot) q.set("snapshot", params.snapshot);
  return `/medical?${q.toString()}${hash ? `#${hash}` : ""}`;
}
