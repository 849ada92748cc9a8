/**
 * URLs of the sample pages. The two schemes are fixed (other pages build them too):
 *   /runs/<run id>/samples/<encoded example id>?rollout=<n>
 *   /benchmarks/<slug>/questions/<encoded example id>?set=<encoded env::subtask folded key>
 * Only ids and keys from the database go into them, always URL-encoded.
 */

export function sampleHref(runId: number, exampleId: string, rolloutIndex = 0): string {
  return `/runs/${runId}/samples/${encodeURIComponent(exampleId)}?rollout=${rolloutIndex}`;
}

export function questionHref(benchmarkSlug: string, exampleId: string, foldedKey: string | null, data?: QuestionData): string {
  const q = new URLSearchParams();
  if (foldedKey !== null) q.set("set", foldedKey);
  if (data && data !== "auto") q.set("data", data);
  const search = q.toString();
  return `/benchmarks/${encodeURIComponent(benchmarkSlug)}/questions/${encodeURIComponent(exampleId)}${search ? `?${search}` : ""}`;
}

/** Which runs the question page shows: auto = the boards' rule (real runs once any is published, else demo). */
export const QUESTION_DATA = ["auto", "real", "demo", "all"] as const;
export type QuestionData = (typeof QUESTION_DATA)[number];

type Input = URLSearchParams | Record<string, string | string[] | undefined>;
const first = (input: Input, k: string): string | null => {
  if (input instanceof URLSearchParams) return input.get(k);
  const v = input[k];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
};

/** `?set=&data=&config=` of the question page; invalid values fall back to null / "auto". */
export function parseQuestionParams(input: Input): { set: string | null; data: QuestionData; config: string | null } {
  const set = first(input, "set");
  const data = first(input, "data");
  const config = first(input, "config");
  return {
    set: set && set.length <= 300 ? set : null,
    /** A configuration to pin at the top and highlight (links from the order-bias view). */
    config: config && config.length <= 200 ? config : null,
    data: (QUESTION_DATA as readonly string[]).includes(data ?? "") ? (data as QuestionData) : "auto",
  };
}

/** `?rollout=` of the sample page: a small non-negative integer, else 0; null when malformed. */
export function parseRolloutParam(value: string | string[] | undefined | null): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v === null || v === "") return 0;
  if (!/^\d{1,5}$/.test(v)) return null;
  const n = Number(v);
  return n <= 32767 ? n : null;
}

/** A dynamic route segment as the app router passes it (percent-encoded) → the id, or null. */
export function decodeSegment(segment: string): string | null {
  try {
    const id = decodeURIComponent(segment);
    return id.length > 0 && id.length <= 1000 ? id : null;
  } catch {
    return null;
  }
}
