/**
 * The shape every `/api/v1` read route shares, so each route file is only its parameters and its
 * query:
 *
 *   1. read the query parameters strictly (`snapshot=` included) → 400 naming each invalid one;
 *   2. run the route's loader inside `withSnapshot(snapshot)`, so every board and stored view it
 *      reads is the pinned snapshot's (or the latest one's);
 *   3. an unknown snapshot → 404; a loader's `null` → 404 with the route's message; an ApiError →
 *      its status; anything else → 500 (logged), never an empty 200;
 *   4. ETag = the snapshot id the answer came from + route + canonical parameters; a matching
 *      If-None-Match → 304; cache-control immutable when pinned, 60 s for the latest.
 */
import { SnapshotNotFoundError, withSnapshot } from "../boards/snapshot-context";
import type { SnapshotInfo } from "../boards/snapshot";
import { noteQueryError } from "../db/availability";
import { unavailableResponse } from "../db/unavailable-response";
import { ApiError, badRequest, conditionalJson, errorResponse, snapshotEtag } from "./http";
import { ParamReader } from "./params";

/** The snapshot block every answer carries. */
export interface SnapshotRef {
  id: string;
  createdAt: string;
  runCount: number;
}

export function snapshotRef(s: SnapshotInfo): SnapshotRef {
  return { id: s.id, createdAt: s.createdAt, runCount: s.runCount };
}

export interface Loaded<T> {
  /** The snapshot the answer was computed from (keys the ETag). */
  snapshot: SnapshotInfo;
  body: T;
}

/** What a route handler receives from the app router as its second argument. */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export interface RouteRequest<P> {
  params: P;
  /** The pinned snapshot id (`snapshot=`), or null for the latest. */
  pinned: string | null;
  url: URL;
}

export interface ApiRoute<P, T> {
  /** The route's path as the OpenAPI document writes it, e.g. `/api/v1/benchmarks/{slug}`. */
  route: string;
  /** Read the parameters (query and path); report invalid ones on `reader`. */
  parse(reader: ParamReader, path: Record<string, string>): P;
  /** The canonical form of the effective parameters (see canonicalParams). */
  canonical(params: P): string;
  /** The answer (runs inside withSnapshot); null = not found. */
  load(req: RouteRequest<P>): Promise<Loaded<T> | null>;
  /** The snapshot a path names (`/snapshots/{id}`): it pins the answer like `snapshot=` does. */
  pin?(params: P): string | null;
  /** The 404 message for a null answer. */
  notFound?(params: P, pinned: string | null): string;
  /** Override the entity tag (the leaderboard keeps its historical form). */
  etag?(loaded: Loaded<T>, params: P, pinned: string | null): string;
}

async function pathParams(ctx: RouteContext | undefined): Promise<Record<string, string>> {
  const raw = ctx ? await ctx.params : {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw ?? {})) if (typeof v === "string") out[k] = v;
  return out;
}

/**
 * Map a failure to its response: unknown snapshot / ApiError / database unreachable (503 with
 * Retry-After; the server probes until it answers) / anything else (logged, 500).
 */
export function failureResponse(route: string, error: unknown): Response {
  if (noteQueryError(error)) {
    console.error(`GET ${route}: database unavailable`);
    return unavailableResponse("/api/", "application/json");
  }
  if (error instanceof SnapshotNotFoundError) {
    return errorResponse(404, `Snapshot ${error.snapshotId} does not exist (see /api/v1/snapshots for the snapshot ids).`);
  }
  if (error instanceof ApiError) {
    if (error.status === 400 && error.issues?.length) return badRequest(error.issues);
    return errorResponse(error.status, error.message);
  }
  console.error(`GET ${route} failed`, error);
  return errorResponse(500, `GET ${route} failed; see the server log.`);
}

/** Read the parameters of a request: the route's, then `snapshot=`. */
export async function readRequest<P>(
  spec: Pick<ApiRoute<P, unknown>, "parse" | "pin">,
  request: Request,
  ctx?: RouteContext,
): Promise<{ req: RouteRequest<P>; reader: ParamReader }> {
  const url = new URL(request.url);
  const reader = new ParamReader(url.searchParams);
  const params = spec.parse(reader, await pathParams(ctx));
  const query = reader.snapshot();
  const pinned = spec.pin?.(params) ?? query;
  return { req: { params, pinned, url }, reader };
}

/** A GET handler for the app router from a route description. */
export function apiGet<P, T>(spec: ApiRoute<P, T>): (request: Request, ctx?: RouteContext) => Promise<Response> {
  return async (request, ctx) => {
    let req: RouteRequest<P>;
    try {
      const read = await readRequest(spec, request, ctx);
      if (read.reader.issues.length) return badRequest(read.reader.issues);
      req = read.req;
    } catch (error) {
      return failureResponse(spec.route, error);
    }

    let loaded: Loaded<T> | null;
    try {
      loaded = await withSnapshot(req.pinned, () => spec.load(req));
    } catch (error) {
      return failureResponse(spec.route, error);
    }
    if (!loaded) return errorResponse(404, spec.notFound?.(req.params, req.pinned) ?? "Not found.");

    const etag = spec.etag
      ? spec.etag(loaded, req.params, req.pinned)
      : snapshotEtag(loaded.snapshot.id, spec.route, `${spec.canonical(req.params)}${req.pinned ? "|pinned" : ""}`);
    return conditionalJson(request, loaded.body, etag, req.pinned !== null);
  };
}
