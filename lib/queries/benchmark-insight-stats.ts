/**
 * Pure helpers behind a benchmark's insight sections: score histograms, the top/bottom thirds of
 * configurations, item discrimination, question ordering and the plain-text question excerpt.
 * Plain TypeScript (no database): unit-tested on their own.
 */

/** One bin of a histogram on [0, 1]: `lo ≤ v < hi`, the last bin also holds `v = 1`. */
export interface HistogramBin {
  lo: number;
  hi: number;
  count: number;
}

export const HISTOGRAM_BINS = 20;

/** Below this, a value just under a bin edge because of float error (0.6 as 0.59999…) counts in the upper bin. */
const EDGE_EPS = 1e-9;

/** Index of `v`'s bin among `bins` equal bins on [0, 1]; values outside are clamped to the end bins. */
export function binIndex(v: number, bins = HISTOGRAM_BINS): number {
  const i = Math.floor(v * bins + EDGE_EPS);
  return Math.min(bins - 1, Math.max(0, i));
}

/** Equal-width histogram of `values` on [0, 1] (non-finite values are skipped); 1.0 falls in the last bin. */
export function histogram(values: Iterable<number>, bins = HISTOGRAM_BINS): HistogramBin[] {
  const out: HistogramBin[] = Array.from({ length: bins }, (_, i) => ({ lo: i / bins, hi: (i + 1) / bins, count: 0 }));
  for (const v of values) {
    if (Number.isFinite(v)) out[binIndex(v, bins)].count++;
  }
  return out;
}

/**
 * The top and bottom thirds of configurations ranked best first: ⌊n/3⌋ each (so they never
 * overlap); null with fewer than 3 configurations.
 */
export function rankThirds<T>(rankedBestFirst: readonly T[]): { top: T[]; bottom: T[] } | null {
  const k = Math.floor(rankedBestFirst.length / 3);
  if (k < 1) return null;
  return { top: rankedBestFirst.slice(0, k), bottom: rankedBestFirst.slice(rankedBestFirst.length - k) };
}

/**
 * Item discrimination of one question: the mean score among the top-third configurations that
 * answered it minus the mean among the bottom-third ones that did; null when either group has none.
 */
export function discrimination(topMean: number | null | undefined, bottomMean: number | null | undefined): number | null {
  if (topMean == null || bottomMean == null || !Number.isFinite(topMean) || !Number.isFinite(bottomMean)) return null;
  return topMean - bottomMean;
}

const INT = /^-?\d+$/;

/** Example ids in natural order: numeric ids by value (2 before 10), then text ids by code point. */
export function compareExampleIds(a: string, b: string): number {
  const ai = INT.test(a);
  const bi = INT.test(b);
  if (ai && bi) {
    const d = Number(a) - Number(b);
    if (d !== 0) return d;
  } else if (ai !== bi) {
    return ai ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A question's identity order: folded dataset key, then example id. */
export function compareQuestions(a: { foldedKey: string; exampleId: string }, b: { foldedKey: string; exampleId: string }): number {
  if (a.foldedKey !== b.foldedKey) return a.foldedKey < b.foldedKey ? -1 : 1;
  return compareExampleIds(a.exampleId, b.exampleId);
}

export const EXCERPT_CHARS = 140;

/** Text of a chat message's content: a string, or the text parts of a content list. */
function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((p) => (typeof p === "string" ? p : p && typeof p === "object" && typeof (p as { text?: unknown }).text === "string" ? (p as { text: string }).text : ""))
      .filter(Boolean)
      .join(" ");
  }
  return "";
}

/**
 * A short plain-text excerpt of the question: the last user message of a prompt (a list of chat
 * messages, or a plain string), whitespace collapsed, cut at `max` characters with "…". Null when
 * the prompt has no user text. The result is untrusted text: render it only as a React text node.
 */
export function questionExcerpt(prompt: unknown, max = EXCERPT_CHARS): string | null {
  let text = "";
  if (typeof prompt === "string") text = prompt;
  else if (Array.isArray(prompt)) {
    for (let i = prompt.length - 1; i >= 0; i--) {
      const m = prompt[i] as { role?: unknown; content?: unknown } | null;
      if (m && typeof m === "object" && m.role === "user") {
        text = contentText(m.content);
        break;
      }
    }
  } else if (prompt && typeof prompt === "object" && (prompt as { role?: unknown }).role === "user") {
    text = contentText((prompt as { content?: unknown }).content);
  }
  // Plain text: no control characters, one space between words.
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  if (!flat) return null;
  const chars = Array.from(flat); // do not cut a surrogate pair in half
  return chars.length > max ? chars.slice(0, max - 1).join("").trimEnd() + "…" : flat;
}
