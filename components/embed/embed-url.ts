/**
 * URLs of the embeddable views (`/embed/...`) and the `<iframe>` snippet that shows one. Pure
 * string functions: the embed pages (server), the "Embed" popover (client) and tests use them.
 *
 * Parameters every embed takes, besides its view's own (board, x, dist, pair, ...):
 * - `snapshot=<id>` pins the numbers (as on every page);
 * - `h=<px>` the height of the chart (or of the table's scroll area), 120–2000; default per view.
 *
 * The iframe is as wide as the embedder makes it (the chart is responsive); its height is the
 * chart's plus EMBED_CHROME_PX for the title, legend and footer line.
 */
import { pathWithQuery, withSnapshotParam } from "@/lib/cite/url";

export const EMBED_MIN_HEIGHT = 120;
export const EMBED_MAX_HEIGHT = 2000;
/** Room for the figure title, legend, export buttons and the footer line around the chart. */
export const EMBED_CHROME_PX = 150;
/** Parameters that only shape the embed (dropped from the "open full view" link). */
export const EMBED_ONLY_PARAMS: readonly string[] = ["h", "n"];

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** `?h=` as a whole number of pixels within [120, 2000]; anything else is `fallback`. */
export function parseEmbedHeight(value: string | string[] | undefined, fallback?: number): number | undefined {
  const v = first(value)?.trim();
  if (!v || !/^\d{1,5}$/.test(v)) return fallback;
  const n = Number(v);
  return n >= EMBED_MIN_HEIGHT && n <= EMBED_MAX_HEIGHT ? n : fallback;
}

/** `?n=` (top rows of a table) as a whole number in [1, 500]; anything else is null (all rows). */
export function parseEmbedRows(value: string | string[] | undefined): number | null {
  const v = first(value)?.trim();
  if (!v || !/^\d{1,3}$/.test(v)) return null;
  const n = Number(v);
  return n >= 1 && n <= 500 ? n : null;
}

/** `href` with `key=value` set (replacing any), or removed when value is null; other parameters and the #fragment kept. */
export function withParam(href: string, key: string, value: string | null): string {
  const hashAt = href.indexOf("#");
  const hash = hashAt < 0 ? "" : href.slice(hashAt);
  const rest = hashAt < 0 ? href : href.slice(0, hashAt);
  const q = rest.indexOf("?");
  const base = q < 0 ? rest : rest.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : rest.slice(q + 1));
  if (value === null) params.delete(key);
  else params.set(key, value);
  const qs = params.toString().replace(/%2C/gi, ",").replace(/%3A/gi, ":");
  return `${base}${qs ? `?${qs}` : ""}${hash}`;
}

/**
 * The full page an embed shows, with the embed's own parameters (snapshot and the view's state)
 * and without the embed-only ones, e.g. `/embed/efficiency?board=OE&h=300` → `/efficiency?board=OE`.
 */
export function fullViewHref(pathname: string, sp: Search, hash?: string): string {
  const kept: Search = {};
  for (const [k, v] of Object.entries(sp)) if (!EMBED_ONLY_PARAMS.includes(k)) kept[k] = v;
  return `${pathWithQuery(pathname, kept)}${hash ? `#${hash}` : ""}`;
}

/** The embed's URL for a snippet: `path` plus `h` and (when pinning) `snapshot`, absolute with `origin`. */
export function embedSrc(origin: string, path: string, opts: { height?: number; snapshot?: string | null }): string {
  let href = withSnapshotParam(path, opts.snapshot ?? null);
  if (opts.height !== undefined) href = withParam(href, "h", String(Math.round(opts.height)));
  return `${origin}${href}`;
}

const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `<iframe src=… width="100%" height=…>`: the chart height plus the frame around it. */
export function iframeSnippet({ src, chartHeight, title }: { src: string; chartHeight: number; title: string }): string {
  const height = Math.round(chartHeight) + EMBED_CHROME_PX;
  return `<iframe src="${attr(src)}" width="100%" height="${height}" style="border:0" loading="lazy" title="${attr(title)}"></iframe>`;
}
