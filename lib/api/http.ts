/**
 * HTTP helpers shared by the `/api/v1` routes: entity tags keyed by snapshot, conditional
 * requests (If-None-Match → 304), cache headers, and JSON error bodies (never an empty 200).
 *
 * Caching: an answer for `?snapshot=<id>` never changes, so it is cached for a year as
 * `immutable`; an answer for the latest snapshot is cached for 60 s (the "latest" alias moves when
 * runs are published). Errors are `no-store`.
 */
import { createHash } from "node:crypto";
import type { ParamIssue } from "./params";

export const LATEST_CACHE_CONTROL = "public, max-age=60";
export const PINNED_CACHE_CONTROL = "public, max-age=31536000, immutable";
export const NO_STORE = "no-store";

/** A public read API: any origin may read it (no credentials are involved). */
export const CORS = { "access-control-allow-origin": "*" } as const;

export function cacheControl(pinned: boolean): string {
  return pinned ? PINNED_CACHE_CONTROL : LATEST_CACHE_CONTROL;
}

/** An entity tag from visible ASCII (anything else and '"' become '_'). */
export function quotedEtag(value: string): string {
  return `"${value.replace(/[^\x21\x23-\x7e]/g, "_")}"`;
}

/**
 * The entity tag of an answer: the snapshot id it was computed from, then a digest of the route
 * and its canonical parameters (a digest, so ids with any characters never collide).
 */
export function snapshotEtag(snapshotId: string, route: string, canonical: string): string {
  const digest = createHash("sha256").update(`${route}?${canonical}`).digest("base64url").slice(0, 22);
  return quotedEtag(`${snapshotId}-${digest}`);
}

/** RFC 9110 weak comparison against an If-None-Match list (or "*"). */
export function matchesIfNoneMatch(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => strip(t) === strip(etag));
}

/** A failure the client is told about: status, message and (for 400) the issue per parameter. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 500,
    message: string,
    readonly issues?: ParamIssue[],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface ErrorBody {
  error: string;
  status: number;
  issues?: ParamIssue[];
}

export function errorResponse(status: number, message: string, issues?: ParamIssue[]): Response {
  const body: ErrorBody = { error: message, status, ...(issues ? { issues } : {}) };
  return Response.json(body, { status, headers: { "cache-control": NO_STORE, ...CORS } });
}

/** 400 naming every invalid parameter. */
export function badRequest(issues: ParamIssue[]): Response {
  return errorResponse(400, issues.map((i) => i.message).join("; "), issues);
}

/** 200 with the body, or 304 when the client already holds this entity. */
export function conditionalJson(request: Request, body: unknown, etag: string, pinned: boolean): Response {
  const headers = { "cache-control": cacheControl(pinned), etag, ...CORS };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return Response.json(body, { headers });
}
