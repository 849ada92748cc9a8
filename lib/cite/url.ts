/**
 * Snapshot ids in URLs, as plain string functions (no Node, no Next): usable by server pages,
 * client leaves and the URL-state modules of every view.
 *
 * A view pinned to a snapshot carries `?snapshot=<id>`; `withSnapshotParam` adds, replaces or
 * removes that one parameter and leaves every other part of the URL exactly as written (order,
 * encoding, `#fragment`), so a permalink is the page's own URL plus the pin.
 */

export const SNAPSHOT_PARAM = "snapshot";

/** A snapshot id as written in URLs: 16 lowercase hex digits (lib/boards/snapshot.ts `snapshotId`). */
export const SNAPSHOT_ID_RE = /^[0-9a-f]{16}$/;

export function isSnapshotId(value: unknown): value is string {
  return typeof value === "string" && SNAPSHOT_ID_RE.test(value);
}

/** The `snapshot` parameter's value when it is a well-formed id, else null (first value of a repeated parameter). */
export function snapshotFromParam(value: string | string[] | null | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return isSnapshotId(v) ? v : null;
}

/** What a page got for `snapshot`: the id when well formed, the raw text when not (to report it), or neither. */
export function readSnapshotParam(value: string | string[] | null | undefined): { id: string | null; invalid: string | null } {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v === null || v.trim() === "") return { id: null, invalid: null };
  return isSnapshotId(v) ? { id: v, invalid: null } : { id: null, invalid: v };
}

function paramName(part: string): string {
  const eq = part.indexOf("=");
  const raw = (eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, " ");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * `href` with `snapshot=<id>` (replacing any `snapshot` already there, every copy of it), or with
 * no `snapshot` parameter when `snapshotId` is null. Works on absolute URLs, paths and bare
 * query strings (`?a=1`); the other parameters and the fragment are kept verbatim.
 */
export function withSnapshotParam(href: string, snapshotId: string | null): string {
  if (snapshotId !== null && !isSnapshotId(snapshotId)) throw new Error(`not a snapshot id: ${JSON.stringify(snapshotId)}`);
  const hashAt = href.indexOf("#");
  const hash = hashAt < 0 ? "" : href.slice(hashAt);
  const beforeHash = hashAt < 0 ? href : href.slice(0, hashAt);
  const queryAt = beforeHash.indexOf("?");
  const base = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt < 0 ? "" : beforeHash.slice(queryAt + 1);
  const parts = query.split("&").filter((p) => p !== "" && paramName(p) !== SNAPSHOT_PARAM);
  if (snapshotId) parts.push(`${SNAPSHOT_PARAM}=${snapshotId}`);
  return `${base}${parts.length ? `?${parts.join("&")}` : ""}${hash}`;
}

/** A path plus the query of a page's `searchParams` record (repeated values kept, `undefined` dropped). */
export function pathWithQuery(pathname: string, searchParams: Record<string, string | string[] | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(searchParams)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) q.append(k, one);
  }
  // Commas and colons stay readable, as the views' own links write them.
  const qs = q.toString().replace(/%2C/gi, ",").replace(/%3A/gi, ":");
  return qs ? `${pathname}?${qs}` : pathname;
}
