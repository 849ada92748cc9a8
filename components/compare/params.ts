/**
 * URL state of /compare. Plain TypeScript: the page parses it, links and the leaderboard's
 * Compare button build it, so a copied link reproduces the view.
 *
 * | param     | values                                        | default                  | effect                                  |
 * | --------- | --------------------------------------------- | ------------------------ | --------------------------------------- |
 * | configs   | comma list of configuration slugs (2 to 6)    | none (a picker is shown) | which configurations, in this order     |
 * | ref       | one of them                                   | the first                | reference of the Δ columns              |
 * | board     | V, OE                                         | V                        | which board's benchmarks and runs       |
 * | a, b      | two of them                                   | ref, then the next one   | the pair of the item-level diff         |
 * | dir       | a-only, b-only                                | a-only                   | A right and B not, or the reverse       |
 * | benchmark | a benchmark slug                              | all                      | item diff filter                        |
 * | subtask   | a folded dataset key (`env::subtask`)         | all                      | item diff filter                        |
 * | after     | keyset cursor (opaque)                        | first page               | item diff page                          |
 *
 * Invalid values fall back to the default; unknown configurations are listed on the page.
 */
import { DIFF_DIRS, type DiffDir } from "@/lib/queries/compare-types";
import type { Board } from "@/lib/queries/leaderboard-types";

/** Slugs read from `configs` at most (the page keeps MAX_COMPARE known ones and lists the rest). */
export const MAX_PARSED_CONFIGS = 20;
const MAX_SLUG = 200;

export interface ComparePageParams {
  configs: string[];
  ref: string | null;
  board: Board;
  a: string | null;
  b: string | null;
  dir: DiffDir;
  benchmark: string | null;
  subtask: string | null;
  after: string | null;
}

type Input = URLSearchParams | Record<string, string | string[] | undefined>;

function all(input: Input, k: string): string[] {
  if (input instanceof URLSearchParams) return input.getAll(k);
  const v = input[k];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function one(input: Input, k: string, max = MAX_SLUG): string | null {
  const v = all(input, k)[0]?.trim();
  return v && v.length <= max ? v : null;
}

/** `configs=a,b&configs=c` → [a, b, c]: trimmed, de-duplicated, at most MAX_PARSED_CONFIGS. */
export function parseConfigList(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    for (const part of v.split(",")) {
      const s = part.trim();
      if (s && s.length <= MAX_SLUG && !out.includes(s)) out.push(s);
      if (out.length >= MAX_PARSED_CONFIGS) return out;
    }
  }
  return out;
}

export function parseCompareParams(input: Input): ComparePageParams {
  const board = one(input, "board")?.toUpperCase();
  const dir = one(input, "dir");
  return {
    configs: parseConfigList(all(input, "configs")),
    ref: one(input, "ref"),
    board: board === "OE" ? "OE" : "V",
    a: one(input, "a"),
    b: one(input, "b"),
    dir: (DIFF_DIRS as readonly string[]).includes(dir ?? "") ? (dir as DiffDir) : "a-only",
    benchmark: one(input, "benchmark"),
    subtask: one(input, "subtask", 300),
    after: one(input, "after", 2048),
  };
}

/**
 * `/compare?configs=a,b,c&board=V&…` (commas kept readable; defaults other than the board
 * dropped) with an optional #fragment.
 */
export function compareViewHref(p: Partial<ComparePageParams> & { configs: readonly string[] }, hash?: string): string {
  const parts = [`configs=${p.configs.map(encodeURIComponent).join(",")}`];
  const q = new URLSearchParams();
  if (p.ref) q.set("ref", p.ref);
  q.set("board", p.board ?? "V");
  if (p.a) q.set("a", p.a);
  if (p.b) q.set("b", p.b);
  if (p.dir && p.dir !== "a-only") q.set("dir", p.dir);
  if (p.benchmark) q.set("benchmark", p.benchmark);
  if (p.subtask) q.set("subtask", p.subtask);
  if (p.after) q.set("after", p.after);
  const rest = q.toString();
  return `/compare?${parts.join("&")}${rest ? `&${rest}` : ""}${hash ? `#${hash}` : ""}`;
}
