/**
 * Which requests the page cache may answer, and under which key.
 *
 * Only anonymous, idempotent reads of public views are cached: GET, no session cookie, no
 * conditional request, no client-router (RSC) fetch, no server action, and a path among the public
 * views and the read API. The key holds everything the response depends on besides the data:
 * host and protocol (permalinks), the full URL (every view's state is in it), and whether the
 * client takes gzip (the stored bytes are what Next sent, compressed or not). The data generation
 * (bumped by every ingest and moderation that changes runs) is part of the key too, so new data is
 * never hidden behind an old page.
 */

export interface RequestLike {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Public views and the read API (each prefix matches itself and anything below it). */
const PUBLIC_PREFIXES = [
  "/benchmarks",
  "/models",
  "/runs",
  "/compare",
  "/efficiency",
  "/order-bias",
  "/head-to-head",
  "/medical",
  "/changelog",
  "/methodology",
  "/data",
  "/docs/api",
  "/embed",
  "/api/v1",
];

/** Under the public prefixes, these are per-user or write endpoints: never cached. */
const PRIVATE_PREFIXES = ["/api/v1/submissions"];

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

function header(req: RequestLike, name: string): string {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : (v ?? "");
}

function underPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + "/");
}

/** The path of a request URL, or null when it is not a plain origin-form path. */
export function requestPath(url: string | undefined): string | null {
  if (!url || !url.startsWith("/") || url.startsWith("//")) return null;
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

export function isPublicPath(path: string): boolean {
  if (path === "/") return true;
  if (PRIVATE_PREFIXES.some((p) => underPrefix(path, p))) return false;
  return PUBLIC_PREFIXES.some((p) => underPrefix(path, p));
}

/** Why a request bypasses the cache, or null when it may be answered from it. */
export function bypassReason(req: RequestLike): string | null {
  if (req.method !== "GET") return "method";
  const path = requestPath(req.url);
  if (path === null || !isPublicPath(path)) return "path";
  if (SESSION_COOKIE.test(header(req, "cookie"))) return "session";
  if (header(req, "rsc") || header(req, "next-router-state-tree") || header(req, "next-action")) return "rsc";
  if (header(req, "if-none-match") || header(req, "if-modified-since")) return "conditional";
  if (/\bno-cache\b|\bno-store\b/i.test(header(req, "cache-control")) || /\bno-cache\b/i.test(header(req, "pragma"))) return "no-cache";
  return null;
}

/** Whether the client accepts gzip (Next compresses with gzip only). */
export function acceptsGzip(req: RequestLike): boolean {
  return /\bgzip\b/i.test(header(req, "accept-encoding"));
}

/** The cache key of a cacheable request under a data generation. */
export function cacheKey(req: RequestLike, generation: string): string {
  const host = header(req, "x-forwarded-host") || header(req, "host");
  const proto = header(req, "x-forwarded-proto") || "http";
  return `${generation}\n${proto}://${host}${req.url}\n${acceptsGzip(req) ? "gzip" : "identity"}`;
}
