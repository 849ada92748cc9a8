/**
 * URL state of the configuration pages. Plain TypeScript: the pages parse it, links build it.
 *
 * /models/<config>
 * | param | values        | default                                   | effect                                   |
 * | ----- | ------------- | ----------------------------------------- | ---------------------------------------- |
 * | board | V, OE         | the first board the configuration is on  | chart, benchmark table, sibling deltas   |
 * | runs  | board, all    | board                                     | runs table: the board's runs, or all     |
 * | snapshot | a snapshot id | the latest                             | pins the boards to that snapshot         |
 *
 * /models
 * | group | proprietary, open-weight, medical, quantized, unknown | all | table filter           |
 * | norun | 1             | (absent)                                  | also list catalog configurations without runs |
 *
 * Invalid values fall back to the default (never an error page).
 */
import type { ModelGroup } from "@/lib/catalog/types";
import { snapshotFromParam } from "@/lib/cite/url";
import type { Board } from "@/lib/queries/config-types";

type RawParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export interface ConfigPageParams {
  /** null = not given (the page picks the first board the configuration is on). */
  board: Board | null;
  runs: "board" | "all";
  /** The snapshot the URL pins (absent: the latest). */
  snapshot?: string;
}

export function parseConfigParams(sp: RawParams): ConfigPageParams {
  const board = first(sp.board);
  const snapshot = snapshotFromParam(sp.snapshot);
  return {
    board: board === "V" || board === "OE" ? board : null,
    runs: first(sp.runs) === "all" ? "all" : "board",
    ...(snapshot ? { snapshot } : {}),
  };
}

/** `/models/<config>` with the given state (defaults dropped) and an optional #fragment. */
export function configHref(
  config: string,
  params: Partial<{ board: Board | null; runs: "board" | "all"; snapshot: string | null }> = {},
  hash?: string,
): string {
  const q = new URLSearchParams();
  if (params.board) q.set("board", params.board);
  if (params.runs === "all") q.set("runs", "all");
  if (params.snapshot) q.set("snapshot", params.snapshot);
  const qs = q.toString();
  return `/models/${encodeURIComponent(config)}${qs ? `?${qs}` : ""}${hash ? `#${hash}` : ""}`;
}

/** The configuration slug from the route segment: decoded when it is valid percent-encoding, else as given. */
export function decodeSlug(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export type GroupFilter = ModelGroup | "unknown";
export const GROUP_FILTERS: readonly GroupFilter[] = ["proprietary", "open-weight", "medical", "quantized", "unknown"];

export interface ConfigIndexParams {
  group: GroupFilter | null;
  /** List catalog configurations without runs too. */
  noRun: boolean;
}

export function parseIndexParams(sp: RawParams): ConfigIndexParams {
  const group = first(sp.group);
  return {
    group: GROUP_FILTERS.includes(group as GroupFilter) ? (group as GroupFilter) : null,
    noRun: first(sp.norun) === "1",
  };
}

export function indexHref(params: Partial<ConfigIndexParams>): string {
  const q = new URLSearchParams();
  if (params.group) q.set("group", params.group);
  if (params.noRun) q.set("norun", "1");
  const qs = q.toString();
  return `/models${qs ? `?${qs}` : ""}`;
}

/** `/compare?configs=a,b`: the comparison page (its own parser owns the format). */
export function compareHref(configs: string[]): string {
  return `/compare?configs=${configs.map(encodeURIComponent).join(",")}`;
}

/** The benchmark page's row of a configuration. */
export function benchmarkRowHref(benchmark: string, config: string): string {
  return `/benchmarks/${encodeURIComponent(benchmark)}#config-${encodeURIComponent(config)}`;
}
