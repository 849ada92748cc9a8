/**
 * Pure helpers for showing untrusted model text: short excerpts for lists, a bounded head for
 * very long texts, byte sizes, and the jsonpath of the sample browser's text search. Plain TypeScript (no
 * Next, no DOM): used by the queries, the server components and the client leaves.
 */

/** Characters of a text shown before "Show all" (a 1 MB completion must not freeze the page). */
export const LONG_TEXT_HEAD = 20_000;
/** Characters of an excerpt in lists. */
export const EXCERPT_LENGTH = 160;
/** What the queries fetch from the database for an excerpt (whitespace collapses afterwards). */
export const EXCERPT_FETCH = 400;

/** Cut `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
export function headOf(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // a high surrogate whose partner would be cut off
  return text.slice(0, end);
}

/**
 * A one-line excerpt: whitespace runs collapsed to one space, trimmed, cut to `max` characters at
 * a word boundary when one is near, with "…" when cut. Null/empty → "".
 */
export function excerpt(text: string | null | undefined, max = EXCERPT_LENGTH): string {
  if (!text) return "";
  const start = text.search(/\S/);
  if (start < 0) return "";
  // Only look at a bounded prefix: the caller may hand over a very long text.
  const rest = start ? text.slice(start) : text;
  const window = headOf(rest, max * 4 + 64);
  const flat = window.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return window.length < rest.length ? `${flat}…` : flat;
  let cut = headOf(flat, max);
  const space = cut.lastIndexOf(" ");
  if (space >= max * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** UTF-8 byte length of a string (no allocation: safe on megabyte texts). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Escape LIKE/ILIKE wildcards so `q` matches literally (used with `escape '\'`). */
export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `%q%` for a literal substring match inside the text form of a jsonb value (`jsonb::text`), where
 * string contents are JSON-escaped (`"` → `\"`, newline → `\n`, ...) exactly as JSON.stringify
 * escapes them, so the needle is escaped the same way. A trigram index on `prompt::text` /
 * `completion::text` serves this cheap match; the precise jsonpath match then runs on its candidates.
 */
export function jsonContainsPattern(q: string): string {
  return `%${escapeLike(JSON.stringify(sanitizeSearch(q)).slice(1, -1))}%`;
}

/** The search text made safe for a jsonpath string literal: no NUL, no lone surrogate halves. */
export function sanitizeSearch(q: string): string {
  return q.replace(/\u0000/g, "").replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/**
 * A jsonpath (passed as a query parameter, never spliced into SQL) that is true when `q` occurs —
 * literally (`q` flag) and case-insensitively (`i`) — in a message list's text: a plain-string
 * prompt/completion, a string message, a message's `content` (or its text parts), `reasoning_content`
 * or `reasoning`. Keys, roles and tool-call JSON never match.
 */
export function searchJsonPath(q: string): string {
  const lit = JSON.stringify(sanitizeSearch(q)); // a JSON string literal is a valid jsonpath string literal
  const m = (target: string) => `${target} like_regex ${lit} flag "iq"`;
  return `lax $[*] ? (${[m("@"), m("@.content"), m("@.content[*].text"), m("@.reasoning_content"), m("@.reasoning")].join(" || ")})`;
}
