/**
 * Query-parameter validation for the public API (`/api/v1`). Unlike the pages, which fall back to
 * a default for anything invalid, the API reads each parameter strictly: every invalid value is
 * reported as an issue naming the parameter, and the route answers 400 with all of them.
 * Parameters a route does not know are ignored (they change neither the answer nor its ETag).
 *
 * Plain TypeScript (no Next): the routes and their tests use it.
 */
import { parseSnapshotParam } from "../boards/snapshot-context";

export interface ParamIssue {
  param: string;
  value: string;
  message: string;
}

/** A value as quoted in a message (long values cut). */
export function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/** Longest configuration / benchmark slug accepted (they are aliases: free text, but short). */
export const MAX_SLUG = 200;

/** A slug-like identifier from a URL: non-empty, at most MAX_SLUG characters, no control characters. */
export function isSlug(value: string): boolean {
  return value.length > 0 && value.length <= MAX_SLUG && !/[\u0000-\u001f\u007f]/.test(value);
}

/** Reads one request's query parameters, collecting an issue per invalid one. */
export class ParamReader {
  readonly issues: ParamIssue[] = [];

  constructor(readonly search: URLSearchParams) {}

  /** The parameter's first value, trimmed; null when absent or blank. */
  get(name: string): string | null {
    const v = this.search.get(name);
    if (v === null) return null;
    const t = v.trim();
    return t === "" ? null : t;
  }

  issue(param: string, value: string, message: string): void {
    this.issues.push({ param, value, message });
  }

  /** One of `values` (case-insensitive when `caseInsensitive`), else `fallback` when absent. */
  oneOf<T extends string>(name: string, values: readonly T[], fallback: T, opts: { caseInsensitive?: boolean; what?: string } = {}): T {
    const raw = this.get(name);
    if (raw === null) return fallback;
    const hit = values.find((v) => (opts.caseInsensitive ? v.toLowerCase() === raw.toLowerCase() : v === raw));
    if (hit !== undefined) return hit;
    this.issue(name, raw, `${name}=${quote(raw)} is not ${opts.what ?? "a valid value"} (use ${listOf(values)})`);
    return fallback;
  }

  /** An optional one of `values`: null when absent. */
  optionalOneOf<T extends string>(name: string, values: readonly T[], what?: string): T | null {
    const raw = this.get(name);
    if (raw === null) return null;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    this.issue(name, raw, `${name}=${quote(raw)} is not ${what ?? "a valid value"} (use ${listOf(values)})`);
    return null;
  }

  /** A configuration or benchmark slug; null when absent. */
  slug(name: string, what = "a slug"): string | null {
    const raw = this.get(name);
    if (raw === null) return null;
    if (isSlug(raw)) return raw;
    this.issue(name, raw, `${name}=${quote(raw)} is not ${what} (1 to ${MAX_SLUG} characters)`);
    return null;
  }

  /** A whole number in [min, max]; `fallback` when absent. */
  int(name: string, min: number, max: number, fallback: number): number {
    const raw = this.get(name);
    if (raw === null) return fallback;
    if (/^\d{1,10}$/.test(raw)) {
      const n = Number(raw);
      if (n >= min && n <= max) return n;
    }
    this.issue(name, raw, `${name}=${quote(raw)} is not a whole number from ${min} to ${max}`);
    return fallback;
  }

  /** A finite decimal number; null when absent. */
  number(name: string): number | null {
    const raw = this.get(name);
    if (raw === null) return null;
    if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) {
      const n = Number(raw);
      if (Number.isFinite(n)) return n === 0 ? 0 : n;
    }
    this.issue(name, raw, `${name}=${quote(raw)} is not a number`);
    return null;
  }

  /** 1/true (only rows with the flag), 0/false (only rows without it); null when absent. */
  flag(name: string): boolean | null {
    const raw = this.get(name);
    if (raw === null) return null;
    const t = raw.toLowerCase();
    if (t === "1" || t === "true") return true;
    if (t === "0" || t === "false") return false;
    this.issue(name, raw, `${name}=${quote(raw)} is not a flag (use 1 or 0)`);
    return null;
  }

  /** Free text up to `max` characters (code points); "" when absent. */
  text(name: string, max: number): string {
    const raw = this.get(name);
    if (raw === null) return "";
    if (Array.from(raw).length <= max) return raw;
    this.issue(name, `${raw.slice(0, 40)}…`, `${name} is longer than ${max} characters`);
    return "";
  }

  /** `snapshot=`: a snapshot id (16 lowercase hex digits), or null for the latest snapshot. */
  snapshot(): string | null {
    const raw = this.get("snapshot");
    if (raw === null) return null;
    const id = parseSnapshotParam(raw);
    if (id) return id;
    this.issue("snapshot", raw, `snapshot=${quote(raw)} is not a snapshot id (16 lowercase hexadecimal digits, as listed by /api/v1/snapshots)`);
    return null;
  }
}

function listOf(values: readonly string[]): string {
  return values.length <= 1 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

/**
 * The canonical form of a route's effective parameters: `k=v` pairs sorted by key, defaults
 * included and nulls left out, so equal requests get equal keys whatever the URL's spelling.
 */
export function canonicalParams(params: Record<string, string | number | boolean | null | undefined>): string {
  return Object.keys(params)
    .filter((k) => params[k] !== null && params[k] !== undefined)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(params[k]))}`)
    .join("&");
}

/** A positive database id (int4) from a path segment, or null. */
export function parseId(segment: string): number | null {
  if (!/^\d{1,10}$/.test(segment)) return null;
  const n = Number(segment);
  return n >= 1 && n <= 2_147_483_647 ? n : null;
}

/** A dynamic path segment as the app router passes it (percent-encoded or not) → the value, or null. */
export function decodePathSegment(segment: string, max = 1000): string | null {
  let v = segment;
  try {
    v = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return v.length > 0 && v.length <= max ? v : null;
}

export const BOARDS = ["V", "OE"] as const;
export type ApiBoard = (typeof BOARDS)[number];

/** `board=V|OE` (case-insensitive), default V. */
export function readBoard(reader: ParamReader): ApiBoard {
  return reader.oneOf("board", BOARDS, "V", { caseInsensitive: true, what: "a board" });
}
