// Pure helpers of the full-scale rehearsal (scripts/bench/scale.ts): which configurations it
// evaluates, the app's routes read from the app/ folder, percentiles, and parsing the timings the
// ingest CLI logs.
import fs from "node:fs";
import path from "node:path";
import { DEMO_CONFIG_ALIASES } from "../../lib/demo/configs";

/**
 * The first `n` configuration aliases: the demo's hand-tuned ones first (they carry the planned
 * gaps, the incomplete run, the effort ladder, the medical/base and quantized pairs), then the
 * rest of the catalog in catalog order. Throws when the catalog has fewer than `n`.
 */
export function selectAliases(catalogAliases: readonly string[], n: number): string[] {
  const known = new Set(catalogAliases);
  const picked = DEMO_CONFIG_ALIASES.filter((a) => known.has(a)) as string[];
  const chosen = new Set(picked);
  for (const a of catalogAliases) if (!chosen.has(a)) (picked.push(a), chosen.add(a));
  if (picked.length < n) throw new RangeError(`the catalog has ${picked.length} configurations, fewer than ${n}`);
  return picked.slice(0, n);
}

/** Nearest-rank percentile (p in 0..100) of `xs`; NaN for an empty list. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface AppRoute {
  /** URL pattern, e.g. `/benchmarks/[slug]` or `/api/v1/runs/[id]/samples`. */
  pattern: string;
  kind: "page" | "api";
  /** HTTP methods a route.ts exports (pages: GET). */
  methods: string[];
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The URL pattern of an app/ file's folder: route groups `(x)` and `@slots` dropped. */
export function routePattern(relDir: string): string {
  const parts = relDir.split(/[\\/]/).filter((p) => p && p !== "." && !/^\(.*\)$/.test(p) && !p.startsWith("@"));
  return `/${parts.join("/")}`;
}

/** Exported HTTP methods of a route handler's source (`export async function GET`, `export { GET }`, `export const GET`). */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) if (METHODS.includes(m[1])) found.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim() ?? "";
      if (METHODS.includes(name)) found.add(name);
    }
  }
  return METHODS.filter((x) => found.has(x));
}

/** Every page (page.tsx) and route handler (route.ts) under `appDir`, sorted by pattern. */
export function listAppRoutes(appDir: string): AppRoute[] {
  const out: AppRoute[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith("_")) walk(full); // _private folders are not routes
        continue;
      }
      const rel = path.relative(appDir, dir);
      if (/^page\.(tsx|ts|jsx|js)$/.test(e.name)) out.push({ pattern: routePattern(rel), kind: "page", methods: ["GET"] });
      else if (/^route\.(tsx|ts|jsx|js)$/.test(e.name)) {
        const pattern = routePattern(rel);
        out.push({ pattern, kind: pattern.startsWith("/api/") ? "api" : "page", methods: exportedMethods(fs.readFileSync(full, "utf8")) });
      }
    }
  };
  walk(appDir);
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Fill `[param]` / `[...param]` segments of `pattern` from `values`; null when one is missing. */
export function fillPattern(pattern: string, values: Record<string, string>): string | null {
  let missing = false;
  const url = pattern.replace(/\[\[?(?:\.\.\.)?([^\]]+)\]?\]/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) missing = true;
    return v ?? "";
  });
  return missing ? null : url;
}

/** Timings the ingest CLI logs on stderr (refreshBoards and warmViews lines), in ms by label. */
export function parseRecomputeLog(log: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of log.matchAll(/^board (\w+): .*\((\d+) ms\)\s*$/gm)) out[`board ${m[1]}`] = Number(m[2]);
  for (const m of log.matchAll(/^view (.+) ready \((\d+) ms\)\s*$/gm)) out[`view ${m[1]}`] = Number(m[2]);
  return out;
}
