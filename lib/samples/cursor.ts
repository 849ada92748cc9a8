/**
 * Keyset cursors of the sample browser: an opaque base64url JSON of the sort, the direction and
 * the last (or first) row's sort tuple. Anything that does not decode to exactly that shape — a
 * tampered, truncated or foreign cursor, or one made for another sort — decodes to null, and the
 * browser shows the first page instead of failing.
 */
import type { SampleSort, SortDir } from "./params";

export interface CursorKey {
  /** The row's sort value (reward, output tokens or latency ms); null for sort=id or a missing value. */
  value: number | null;
  exampleId: string;
  rolloutIndex: number;
}

/** Longest cursor accepted (a row key with a long example id fits easily). */
export const MAX_CURSOR_LENGTH = 2048;
const MAX_EXAMPLE_ID = 1000;
const INT4_MAX = 2_147_483_647;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return null;
  try {
    const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function encodeCursor(sort: SampleSort, dir: SortDir, key: CursorKey): string {
  return toBase64Url(JSON.stringify([sort, dir, sort === "id" ? null : key.value, key.exampleId, key.rolloutIndex]));
}

function validValue(sort: SampleSort, v: unknown): v is number | null {
  if (v === null) return true;
  if (sort === "id") return false;
  if (typeof v !== "number" || !Number.isFinite(v)) return false;
  // tokens and latency are int4 columns; reward is float8.
  return sort === "reward" || (Number.isInteger(v) && Math.abs(v) <= INT4_MAX);
}

/** The key of a cursor made for this sort and direction, or null when it is not one. */
export function decodeCursor(text: string | null | undefined, sort: SampleSort, dir: SortDir): CursorKey | null {
  if (!text || text.length > MAX_CURSOR_LENGTH) return null;
  const json = fromBase64Url(text);
  if (json === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 5) return null;
  const [s, d, value, exampleId, rolloutIndex] = parsed as unknown[];
  if (s !== sort || d !== dir || !validValue(sort, value)) return null;
  if (typeof exampleId !== "string" || exampleId.length === 0 || exampleId.length > MAX_EXAMPLE_ID) return null;
  if (typeof rolloutIndex !== "number" || !Number.isInteger(rolloutIndex) || rolloutIndex < 0 || rolloutIndex > 32767) return null;
  return { value, exampleId, rolloutIndex };
}
