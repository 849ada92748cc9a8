/**
 * URL state of /medical. Plain TypeScript: the page parses it, links build it.
 *
 * | param | values                         | default          | effect                                |
 * | ----- | ------------------------------ | ---------------- | ------------------------------------- |
 * | board | V, OE                          | V                | which board's pairs                   |
 * | pair  | a medical fine-tune's slug     | the first pair   | the pair whose benchmarks are shown   |
 *
 * Invalid values fall back to the default; a pair not on the board is reported on the page.
 */
import type { Board } from "@/lib/queries/leaderboard-types";

type RawParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export interface MedicalPageParams {
  board: Board;
  /** Fine-tune configuration slug; null = not given. */
  pair: string | null;
}

export function parseMedicalParams(sp: RawParams): MedicalPageParams {
  const board = first(sp.board);
  const pair = first(sp.pair)?.trim();
  return { board: board === "OE" ? "OE" : "V", pair: pair ? pair : null };
}

/** `/medical?board=…&pair=…` with an optional #fragment. */
export function medicalHref(params: { board: Board; pair?: string | null }, hash?: string): string {
  const q = new URLSearchParams({ board: params.board });
  if (params.pair) q.set("pair", params.pair);
  return `/medical?${q.toString()}${hash ? `#${hash}` : ""}`;
}
