/**
 * URL state of /efficiency (pure): `?board=V|OE&x=output|total|latency&benchmark=<slug>&ladders=0|1&snapshot=<id>`.
 * Anything unknown falls back to the default; hrefs leave the defaults out.
 */
import { snapshotFromParam } from "@/lib/cite/url";
import type { EfficiencyBoard, EfficiencyX } from "@/lib/queries/efficiency-types";

export interface EfficiencyPageParams {
  board: EfficiencyBoard;
  x: EfficiencyX;
  /** A benchmark slug: y = its mean score; null = the board's weighted win rate. */
  benchmark: string | null;
  /** Draw the reasoning-effort ladders. */
  ladders: boolean;
  /** The snapshot the URL pins (absent: the latest). */
  snapshot?: string;
}

/** The x quantities, in the order the controls list them. */
export const X_OPTIONS: readonly EfficiencyX[] = ["output", "total", "latency"];

export const DEFAULT_EFFICIENCY_PARAMS: EfficiencyPageParams = { board: "V", x: "output", benchmark: null, ladders: true };

type Search = Record<string, string | string[] | undefined> | URLSearchParams;

function first(sp: Search, key: string): string | undefined {
  if (sp instanceof URLSearchParams) return sp.get(key) ?? undefined;
  const v = sp[key];
  return Array.isArray(v) ? v[0] : v;
}

const SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export function parseEfficiencyParams(sp: Search): EfficiencyPageParams {
  const board = first(sp, "board")?.toUpperCase();
  const x = first(sp, "x");
  const benchmark = first(sp, "benchmark")?.trim();
  const ladders = first(sp, "ladders");
  const snapshot = snapshotFromParam(first(sp, "snapshot"));
  return {
    board: board === "OE" ? "OE" : "V",
    x: (X_OPTIONS as readonly string[]).includes(x ?? "") ? (x as EfficiencyX) : DEFAULT_EFFICIENCY_PARAMS.x,
    benchmark: benchmark && SLUG.test(benchmark) ? benchmark : null,
    ladders: ladders === "0" || ladders === "false" ? false : DEFAULT_EFFICIENCY_PARAMS.ladders,
    ...(snapshot ? { snapshot } : {}),
  };
}

/** The /efficiency URL of these params (defaults omitted, stable order). */
export function efficiencyHref(p: EfficiencyPageParams): string {
  const q = new URLSearchParams();
  if (p.board !== DEFAULT_EFFICIENCY_PARAMS.board) q.set("board", p.board);
  if (p.x !== DEFAULT_EFFICIENCY_PARAMS.x) q.set("x", p.x);
  if (p.benchmark) q.set("benchmark", p.benchmark);
  if (p.ladders !== DEFAULT_EFFICIENCY_PARAMS.ladders) q.set("ladders", p.ladders ? "1" : "0");
  if (p.snapshot) q.set("snapshot", p.snapshot);
  const qs = q.toString();
  return `/efficiency${qs ? `?${qs}` : ""}`;
}
