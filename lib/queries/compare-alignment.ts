/**
 * The compare view's configuration alignment check (pure, unit-tested beside): do the compared
 * configurations run with the same settings? One row per setting — the configuration's reasoning
 * effort, then every sampling argument any of them sets (nested objects as dotted paths:
 * `extra_body.top_k`) — with each configuration's value(s) and a flag when they differ.
 *
 * A configuration's values come from the sampling arguments of the runs the board shows (all
 * distinct sets of them), or from the configuration's own arguments when it has no such run. A
 * setting "differs" when the configurations do not all use exactly one and the same value; a
 * setting missing from one of them ("not set") differs from any value. A configuration whose own
 * runs disagree on a setting is marked `varies` (and the row differs too).
 */
import type { AlignmentRow, AlignmentValue } from "./compare-types";
import { canonicalJson } from "./config-stats";

/** Shown first, in this order, when present; the rest alphabetically. */
const COMMON = [
  "temperature",
  "max_tokens",
  "max_completion_tokens",
  "max_output_tokens",
  "top_p",
  "top_k",
  "min_p",
  "seed",
  "n",
  "presence_penalty",
  "frequency_penalty",
  "repetition_penalty",
];

/** The key of the reasoning-effort row (the configuration's identity, not a sampling path). */
export const EFFORT_KEY = "reasoning effort";

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Leaf settings of a sampling-args object as `path → text` (strings as they are, everything else as canonical JSON). */
export function flattenArgs(args: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (!isPlainObject(args)) return out;
  for (const [k, v] of Object.entries(args)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) flattenArgs(v, path, out); // an empty object sets nothing
    else if (v !== undefined) out.set(path, typeof v === "string" ? v : canonicalJson(v));
  }
  return out;
}

function keyOrder(a: string, b: string): number {
  const ia = COMMON.indexOf(a);
  const ib = COMMON.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct values, "not set" (null) last, the rest in first-seen order. */
function distinct(values: (string | null)[]): (string | null)[] {
  const seen = [...new Set(values)];
  return [...seen.filter((v) => v !== null), ...seen.filter((v) => v === null)];
}

function row(key: string, label: string, values: AlignmentValue[]): AlignmentRow {
  const signatures = new Set(values.map((v) => JSON.stringify(v.values)));
  return { key, label, values, differs: signatures.size > 1 || values.some((v) => v.varies) };
}

/**
 * The alignment rows for configurations in page order. `argSets` = the distinct sampling-args
 * objects a configuration ran with (or its own, when it has no run): each is one "observation".
 */
export function alignSettings(items: readonly { config: string; reasoningEffort: string | null; argSets: readonly unknown[] }[]): AlignmentRow[] {
  const flat = items.map((it) => (it.argSets.length ? it.argSets : [{}]).map((a) => flattenArgs(a)));
  const keys = new Set<string>();
  for (const sets of flat) for (const m of sets) for (const k of m.keys()) keys.add(k);
  const rows: AlignmentRow[] = [
    row(
      EFFORT_KEY,
      "Reasoning effort",
      items.map((it) => ({ config: it.config, values: [it.reasoningEffort ?? null], varies: false })),
    ),
  ];
  for (const key of [...keys].sort(keyOrder)) {
    rows.push(
      row(
        key,
        key,
        items.map((it, i) => {
          const values = distinct(flat[i].map((m) => m.get(key) ?? null));
          return { config: it.config, values, varies: values.length > 1 };
        }),
      ),
    );
  }
  return rows;
}
