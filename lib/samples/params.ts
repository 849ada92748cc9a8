/**
 * The sample browser's state, all of it in the run page's URL:
 *
 *   sort=id|reward|tokens|latency   dir=asc|desc (default asc for id, desc otherwise)
 *   outcome=correct|wrong|partial   min=<reward>  max=<reward>
 *   mismatch=1|0 (parsed ≠ gold)    truncated=1|0  error=1|0  reasoning=1|0   (1 = only, 0 = none)
 *   q=<text, ≤ 200 chars>           size=<1..200, default 50>
 *   after=<cursor> | before=<cursor>   (keyset pagination; no cursor = first page)
 *
 * `parseSampleParams` never throws: an invalid value falls back to its default (a cursor that does
 * not decode for the chosen sort → first page); `sampleParamsToSearch` writes only non-defaults,
 * and the two round-trip. Pure TypeScript, shared by the server page and the client filters.
 */
import { decodeCursor } from "./cursor";

export const SAMPLE_SORTS = ["id", "reward", "tokens", "latency"] as const;
export type SampleSort = (typeof SAMPLE_SORTS)[number];
export type SortDir = "asc" | "desc";
export const SAMPLE_OUTCOMES = ["correct", "wrong", "partial"] as const;
export type SampleOutcome = (typeof SAMPLE_OUTCOMES)[number];
/** true = only rows with the flag, false = only rows without it, null = any. */
export type TriState = boolean | null;

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const MAX_QUERY_LENGTH = 200;

export interface SampleFilters {
  outcome: SampleOutcome | null;
  minReward: number | null;
  maxReward: number | null;
  /** Parsed answer differs from gold (both present; case and whitespace ignored). */
  mismatch: TriState;
  truncated: TriState;
  error: TriState;
  reasoning: TriState;
  /** Case-insensitive literal substring of the prompt or completion text; "" = no search. */
  q: string;
}

export interface SampleParams extends SampleFilters {
  sort: SampleSort;
  dir: SortDir;
  size: number;
  /** Cursor of the last row of the previous page (next page) ... */
  after: string | null;
  /** ... or of the first row of the following page (previous page). Never both. */
  before: string | null;
}

export const DEFAULT_SAMPLE_FILTERS: SampleFilters = {
  outcome: null,
  minReward: null,
  maxReward: null,
  mismatch: null,
  truncated: null,
  error: null,
  reasoning: null,
  q: "",
};

export const DEFAULT_SAMPLE_PARAMS: SampleParams = {
  ...DEFAULT_SAMPLE_FILTERS,
  sort: "id",
  dir: "asc",
  size: DEFAULT_PAGE_SIZE,
  after: null,
  before: null,
};

/** Lowest values first for ids; highest first for rewards, tokens and latency. */
export function defaultDir(sort: SampleSort): SortDir {
  return sort === "id" ? "asc" : "desc";
}

export type SearchInput = URLSearchParams | Record<string, string | string[] | undefined>;

function getter(input: SearchInput): (key: string) => string | null {
  if (input instanceof URLSearchParams) return (k) => input.get(k);
  return (k) => {
    const v = input[k];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function parseNumber(text: string | null): number | null {
  if (text === null || !NUMBER.test(text.trim())) return null;
  const n = Number(text.trim());
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : n; // no -0: it would not survive String() and back
}

function parseTri(text: string | null): TriState {
  if (text === null) return null;
  const t = text.trim().toLowerCase();
  if (t === "1" || t === "true" || t === "yes") return true;
  if (t === "0" || t === "false" || t === "no") return false;
  return null;
}

function parseSize(text: string | null): number {
  if (text === null || !/^\d{1,6}$/.test(text.trim())) return DEFAULT_PAGE_SIZE;
  const n = Number(text.trim());
  if (n < 1) return DEFAULT_PAGE_SIZE;
  return Math.min(n, MAX_PAGE_SIZE);
}

/** Trim and bound the search text (by code points, so no half surrogate pair is kept). */
export function normalizeQuery(text: string | null | undefined): string {
  if (!text) return "";
  return Array.from(text.trim()).slice(0, MAX_QUERY_LENGTH).join("").trim();
}

export function parseSampleParams(input: SearchInput): SampleParams {
  const get = getter(input);
  const sortText = get("sort");
  const sort: SampleSort = (SAMPLE_SORTS as readonly string[]).includes(sortText ?? "") ? (sortText as SampleSort) : "id";
  const dirText = get("dir");
  const dir: SortDir = dirText === "asc" || dirText === "desc" ? dirText : defaultDir(sort);
  const outcomeText = get("outcome");
  const outcome = (SAMPLE_OUTCOMES as readonly string[]).includes(outcomeText ?? "") ? (outcomeText as SampleOutcome) : null;
  // A cursor only counts when it decodes for this sort and direction; `after` wins over `before`.
  const afterText = get("after");
  const beforeText = get("before");
  const after = decodeCursor(afterText, sort, dir) ? afterText : null;
  const before = after === null && decodeCursor(beforeText, sort, dir) ? beforeText : null;
  return {
    sort,
    dir,
    outcome,
    minReward: parseNumber(get("min")),
    maxReward: parseNumber(get("max")),
    mismatch: parseTri(get("mismatch")),
    truncated: parseTri(get("truncated")),
    error: parseTri(get("error")),
    reasoning: parseTri(get("reasoning")),
    q: normalizeQuery(get("q")),
    size: parseSize(get("size")),
    after,
    before,
  };
}

/** The URL search params of a state, defaults omitted (a fixed key order keeps URLs stable). */
export function sampleParamsToSearch(p: SampleParams): URLSearchParams {
  const s = new URLSearchParams();
  if (p.sort !== "id") s.set("sort", p.sort);
  if (p.dir !== defaultDir(p.sort)) s.set("dir", p.dir);
  if (p.outcome) s.set("outcome", p.outcome);
  if (p.minReward !== null) s.set("min", String(p.minReward));
  if (p.maxReward !== null) s.set("max", String(p.maxReward));
  for (const k of ["mismatch", "truncated", "error", "reasoning"] as const) {
    if (p[k] !== null) s.set(k, p[k] ? "1" : "0");
  }
  const q = normalizeQuery(p.q);
  if (q) s.set("q", q);
  if (p.size !== DEFAULT_PAGE_SIZE) s.set("size", String(p.size));
  if (p.after) s.set("after", p.after);
  else if (p.before) s.set("before", p.before);
  return s;
}

/** `pathname?search#hash` of a state (the hash keeps the browser in view after navigating). */
export function sampleParamsHref(pathname: string, p: SampleParams, hash = "samples"): string {
  const search = sampleParamsToSearch(p).toString();
  return `${pathname}${search ? `?${search}` : ""}${hash ? `#${hash}` : ""}`;
}

/** True when any filter differs from the defaults (sort, size and cursors are not filters). */
export function hasSampleFilters(p: SampleFilters): boolean {
  return (
    p.outcome !== null ||
    p.minReward !== null ||
    p.maxReward !== null ||
    p.mismatch !== null ||
    p.truncated !== null ||
    p.error !== null ||
    p.reasoning !== null ||
    p.q !== ""
  );
}
