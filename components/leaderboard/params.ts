/**
 * The leaderboard's URL state: one parser (URL → typed params) and its inverse (params → URL), so a
 * copied link reproduces the view. Plain TypeScript (no React, no Next, and no zod: the client leaves
 * import it, and the validators below are a few lines where zod would add ~30 kB gzip): the page, the client
 * leaves, `GET /api/v1/leaderboard` and the tests all use it.
 *
 * Parameters (every one optional; defaults are dropped from generated URLs):
 *
 * | param    | values                                   | default      | effect            |
 * | -------- | ---------------------------------------- | ------------ | ----------------- |
 * | board    | V, OE                                    | V            | server (board)    |
 * | weights  | ln, sqrt, equal, cap                     | ln           | server (scoring)  |
 * | cap      | integer ≥ 1 (only with weights=cap)      | 1000         | server (scoring)  |
 * | coverage | all-models, per-model                    | all-models   | server (scoring)  |
 * | orders   | folded, separate                         | folded       | server (scoring)  |
 * | missing  | neg-inf, zero                            | neg-inf      | server (scoring)  |
 * | data     | auto, real, official, community, demo, all | auto       | server (run set)  |
 * | q        | free text (≤ 200 chars)                  | ""           | client filter     |
 * | group    | comma list of proprietary, open-weight, medical, quantized | all | client filter |
 * | org      | comma list of organisations ("unknown" = none)           | all | client filter |
 * | effort   | comma list of reasoning efforts ("none" = not set)       | all | client filter |
 * | size     | comma list of small, medium, large, unknown              | all | client filter |
 * | sort     | <column>:<asc or desc>                   | rank:asc     | client sort       |
 * | cols     | comma list: -<column> hides, +<column> shows | all shown | client columns    |
 * | sel      | comma list of configuration aliases      | none         | client selection  |
 * | snapshot | a snapshot id (16 hex digits)            | the latest   | server (pin)      |
 *
 * Invalid values never crash the page: `parseLeaderboardParams` falls back to the default for that
 * parameter (and `validateLeaderboardParams` reports what it ignored); the API answers 400 instead.
 * List items cannot contain commas. `snapshot` pins the view to an old snapshot (see
 * lib/boards/snapshot-context.ts); a malformed value is dropped here (the page reports it, see
 * components/snapshot/resolve.ts), and every link built from the params carries a valid one.
 */
import type { ModelGroup } from "@/lib/catalog/types";
import {
  DEFAULT_LEADERBOARD_SETTINGS,
  type Board,
  type LeaderboardSettings,
} from "@/lib/queries/leaderboard-types";
import { snapshotFromParam } from "@/lib/cite/url";
import { ALWAYS_VISIBLE, isDefaultVisible } from "./columns";

export type SizeBucket = "small" | "medium" | "large" | "unknown";
export const SIZE_BUCKETS: readonly SizeBucket[] = ["small", "medium", "large", "unknown"];
export const MODEL_GROUPS: readonly ModelGroup[] = ["proprietary", "open-weight", "medical", "quantized"];

/** The cap used when `weights=cap` comes without a (valid) `cap`. */
export const DEFAULT_CAP = 1000;
export const DEFAULT_BOARD: Board = "V";

export interface LeaderboardSort {
  /** A column id (see ./columns): fixed id or benchmark slug. */
  id: string;
  desc: boolean;
}

export interface LeaderboardParams {
  board: Board;
  settings: LeaderboardSettings;
  /** Search text (alias, display name, model, org). */
  q: string;
  group: ModelGroup[];
  org: string[];
  effort: string[];
  size: SizeBucket[];
  /** null = the board's rank order. */
  sort: LeaderboardSort | null;
  /** Visibility overrides of the default (column id → visible); only non-default entries. */
  cols: Record<string, boolean>;
  /** Selected configuration aliases (for Compare). */
  sel: string[];
  /** The snapshot the URL pins (absent: the latest). */
  snapshot?: string;
}

export interface ParamIssue {
  param: string;
  value: string;
  message: string;
}

/** What a page receives as `searchParams`, a URLSearchParams, or Next's ReadonlyURLSearchParams. */
export type SearchParamsInput =
  | { get(name: string): string | null }
  | Record<string, string | string[] | undefined>;

/** Parameters that change what the server computes (the API accepts only these). */
export const SERVER_PARAMS = ["board", "weights", "cap", "coverage", "orders", "missing", "data"] as const;

export const DEFAULT_PARAMS: LeaderboardParams = {
  board: DEFAULT_BOARD,
  settings: DEFAULT_LEADERBOARD_SETTINGS,
  q: "",
  group: [],
  org: [],
  effort: [],
  size: [],
  sort: null,
  cols: {},
  sel: [],
};

const MAX_Q = 200;
const MAX_LIST = 100;
const MAX_ITEM = 120;

/** A value check: the accepted (normalised) value, or undefined when invalid. */
type Check<T> = (value: string) => T | undefined;

const oneOf =
  <T extends string>(...values: readonly T[]): Check<T> =>
  (v) =>
    (values as readonly string[]).includes(v) ? (v as T) : undefined;
const matching =
  (re: RegExp): Check<string> =>
  (v) =>
    re.test(v) ? v : undefined;

const boardSchema = oneOf<Board>("V", "OE");
const weightsSchema = oneOf<LeaderboardSettings["weights"]>("ln", "sqrt", "equal", "cap");
const coverageSchema = oneOf<LeaderboardSettings["coverage"]>("all-models", "per-model");
const ordersSchema = oneOf<LeaderboardSettings["orders"]>("folded", "separate");
const missingSchema = oneOf<LeaderboardSettings["missing"]>("neg-inf", "zero");
const dataSchema = oneOf<LeaderboardSettings["data"]>("auto", "real", "official", "community", "demo", "all");
/** A whole number from 1 to 1e8, written any way `Number()` reads (as zod's `coerce.number()` did). */
const capSchema: Check<number> = (v) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 100_000_000 ? n : undefined;
};
const groupSchema = oneOf<ModelGroup>(...MODEL_GROUPS);
const sizeSchema = oneOf<SizeBucket>(...SIZE_BUCKETS);
const columnIdSchema = matching(/^[A-Za-z0-9_.-]{1,100}$/);
const sortSchema = matching(/^[A-Za-z0-9_.-]{1,100}:(asc|desc)$/);

function getter(input: SearchParamsInput): (name: string) => string | null {
  if (typeof (input as { get?: unknown }).get === "function") {
    const sp = input as { get(name: string): string | null };
    return (name) => sp.get(name);
  }
  const record = input as Record<string, string | string[] | undefined>;
  return (name) => {
    const v = Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
    if (Array.isArray(v)) return v[0] ?? null; // repeated parameter: the first wins
    return v ?? null;
  };
}

function splitList(raw: string): string[] {
  const out: string[] = [];
  for (const part of raw.split(",")) {
    const item = part.trim();
    if (item && item.length <= MAX_ITEM && !out.includes(item)) out.push(item);
    if (out.length >= MAX_LIST) break;
  }
  return out;
}

/**
 * Parse and validate every parameter, reporting what was invalid. Each invalid parameter falls
 * back to its default (list parameters drop only their invalid items).
 */
export function validateLeaderboardParams(input: SearchParamsInput): {
  params: LeaderboardParams;
  issues: ParamIssue[];
} {
  const get = getter(input);
  const issues: ParamIssue[] = [];

  function one<T>(param: string, schema: Check<T>, fallback: T, normalise?: (raw: string) => string): T {
    const raw = get(param);
    if (raw === null || raw.trim() === "") return fallback;
    const value = normalise ? normalise(raw.trim()) : raw.trim();
    const r = schema(value);
    if (r !== undefined) return r;
    issues.push({ param, value: raw, message: describeIssue(param, raw) });
    return fallback;
  }

  const d = DEFAULT_LEADERBOARD_SETTINGS;
  const board = one("board", boardSchema, DEFAULT_BOARD, (s) => s.toUpperCase());
  const lower = (s: string) => s.toLowerCase();
  const weights = one("weights", weightsSchema, d.weights, lower);
  let cap: number | null = null;
  if (weights === "cap") {
    cap = one("cap", capSchema, DEFAULT_CAP);
  } else if (get("cap") !== null && get("cap")!.trim() !== "") {
    const raw = get("cap")!;
    // A cap without weights=cap has no effect; still reject garbage so the API says so.
    if (capSchema(raw.trim()) === undefined) {
      issues.push({ param: "cap", value: raw, message: describeIssue("cap", raw) });
    }
  }
  const settings: LeaderboardSettings = {
    weights,
    cap,
    coverage: one("coverage", coverageSchema, d.coverage, lower),
    orders: one("orders", ordersSchema, d.orders, lower),
    missing: one("missing", missingSchema, d.missing, lower),
    data: one("data", dataSchema, d.data, lower),
  };

  const qRaw = get("q") ?? "";
  const q = qRaw.trim().slice(0, MAX_Q);

  function list<T extends string>(param: string, schema: Check<T> | null): T[] {
    const raw = get(param);
    if (raw === null) return [];
    const out: T[] = [];
    for (const item of splitList(raw)) {
      if (!schema) {
        out.push(item as T);
        continue;
      }
      const r = schema(item.toLowerCase());
      if (r !== undefined) {
        if (!out.includes(r)) out.push(r);
      } else issues.push({ param, value: item, message: describeIssue(param, item) });
    }
    return out;
  }

  const group = list<ModelGroup>("group", groupSchema);
  const org = list<string>("org", null);
  const effort = list<string>("effort", null);
  const size = list<SizeBucket>("size", sizeSchema);
  const sel = list<string>("sel", null);

  let sort: LeaderboardSort | null = null;
  const sortRaw = get("sort");
  if (sortRaw !== null && sortRaw.trim() !== "") {
    const r = sortSchema(sortRaw.trim());
    if (r !== undefined) {
      const i = r.lastIndexOf(":");
      const id = r.slice(0, i);
      const desc = r.slice(i + 1) === "desc";
      sort = id === "rank" && !desc ? null : { id, desc };
    } else {
      issues.push({ param: "sort", value: sortRaw, message: describeIssue("sort", sortRaw) });
    }
  }

  const cols: Record<string, boolean> = {};
  const colsRaw = get("cols");
  if (colsRaw !== null) {
    for (const item of splitList(colsRaw)) {
      const hide = item.startsWith("-");
      const id = item.replace(/^[-+]/, "").trim();
      if (columnIdSchema(id) === undefined) {
        issues.push({ param: "cols", value: item, message: describeIssue("cols", item) });
        continue;
      }
      if (ALWAYS_VISIBLE.has(id)) continue;
      const visible = !hide;
      if (visible === isDefaultVisible(id)) delete cols[id];
      else cols[id] = visible;
    }
  }

  const snapshot = snapshotFromParam(get("snapshot"));
  return { params: { board, settings, q, group, org, effort, size, sort, cols, sel, ...(snapshot ? { snapshot } : {}) }, issues };
}

/** URL → params; invalid values fall back to defaults (never throws). */
export function parseLeaderboardParams(input: SearchParamsInput): LeaderboardParams {
  return validateLeaderboardParams(input).params;
}

function describeIssue(param: string, value: string): string {
  const v = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  switch (param) {
    case "board":
      return `board=${v} is not a board (use V or OE)`;
    case "weights":
      return `weights=${v} is not a weight policy (use ln, sqrt, equal or cap)`;
    case "cap":
      return `cap=${v} is not a whole number from 1 to 100000000`;
    case "coverage":
      return `coverage=${v} is not a coverage policy (use all-models or per-model)`;
    case "orders":
      return `orders=${v} is not an answer-order mode (use folded or separate)`;
    case "missing":
      return `missing=${v} is not a missing-value policy (use neg-inf or zero)`;
    case "data":
      return `data=${v} is not a run selection (use auto, real, official, community, demo or all)`;
    case "group":
      return `group ${v} is not a model group (use proprietary, open-weight, medical or quantized)`;
    case "size":
      return `size ${v} is not a size bucket (use small, medium, large or unknown)`;
    case "sort":
      return `sort=${v} is not <column>:<asc|desc>`;
    case "cols":
      return `cols entry ${v} is not a column id`;
    default:
      return `${param}=${v} is invalid`;
  }
}

/** True when every scoring setting is the Medmarks default. */
export function isDefaultSettings(s: LeaderboardSettings): boolean {
  const d = DEFAULT_LEADERBOARD_SETTINGS;
  return (
    s.weights === d.weights &&
    (s.weights !== "cap" || s.cap === d.cap) &&
    s.coverage === d.coverage &&
    s.orders === d.orders &&
    s.missing === d.missing &&
    s.data === d.data
  );
}

/**
 * params → URL search parameters, defaults dropped, in a fixed order. Round-trips:
 * `parseLeaderboardParams(toSearchParams(p))` equals `p` for any parsed `p`.
 */
export function toSearchParams(p: LeaderboardParams): URLSearchParams {
  const out = new URLSearchParams();
  const d = DEFAULT_LEADERBOARD_SETTINGS;
  const s = p.settings;
  if (p.board !== DEFAULT_BOARD) out.set("board", p.board);
  if (s.weights !== d.weights) out.set("weights", s.weights);
  if (s.weights === "cap" && s.cap !== null && s.cap !== DEFAULT_CAP) out.set("cap", String(s.cap));
  if (s.coverage !== d.coverage) out.set("coverage", s.coverage);
  if (s.orders !== d.orders) out.set("orders", s.orders);
  if (s.missing !== d.missing) out.set("missing", s.missing);
  if (s.data !== d.data) out.set("data", s.data);
  const q = p.q.trim();
  if (q) out.set("q", q);
  if (p.group.length) out.set("group", p.group.join(","));
  if (p.org.length) out.set("org", p.org.join(","));
  if (p.effort.length) out.set("effort", p.effort.join(","));
  if (p.size.length) out.set("size", p.size.join(","));
  if (p.sort && !(p.sort.id === "rank" && !p.sort.desc)) out.set("sort", `${p.sort.id}:${p.sort.desc ? "desc" : "asc"}`);
  const cols = Object.entries(p.cols)
    .filter(([id, visible]) => !ALWAYS_VISIBLE.has(id) && visible !== isDefaultVisible(id))
    .map(([id, visible]) => `${visible ? "+" : "-"}${id}`);
  if (cols.length) out.set("cols", cols.join(","));
  if (p.sel.length) out.set("sel", p.sel.join(","));
  if (p.snapshot) out.set("snapshot", p.snapshot);
  return out;
}

/** The query string for `params` ("" when everything is default), commas and colons left readable. */
export function toQueryString(p: LeaderboardParams): string {
  const parts: string[] = [];
  for (const [k, v] of toSearchParams(p)) {
    const value = encodeURIComponent(v).replace(/%2C/gi, ",").replace(/%3A/gi, ":");
    parts.push(`${k}=${value}`);
  }
  return parts.join("&");
}

/** A link to the leaderboard showing `params`. */
export function leaderboardHref(p: LeaderboardParams, pathname = "/"): string {
  const qs = toQueryString(p);
  return qs ? `${pathname}?${qs}` : pathname;
}

/** A stable key of what the server computes for (board, settings): used for ETags and caching. */
export function settingsKey(board: Board, s: LeaderboardSettings): string {
  const weights = s.weights === "cap" ? `cap${s.cap ?? DEFAULT_CAP}` : s.weights;
  return [board, weights, s.coverage, s.orders, s.missing, s.data].join(".");
}
