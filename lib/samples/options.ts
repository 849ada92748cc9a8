/**
 * The options table of a multiple-choice sample: each option as displayed, the gold and the chosen
 * one marked, and — for a shuffled answer order — where the option sat in the ORIGINAL order. The
 * permutation is not stored (spec §4): it is recovered by matching option texts against the
 * original-order row of the same question.
 */
import { answerLetter } from "../ingest/parse-answer";

export interface OptionRow {
  /** Label as displayed in this order ("A", "B", ...). */
  label: string;
  text: string;
  gold: boolean;
  chosen: boolean;
  /** Label of the same text in the original order; null when unmatched or not a shuffled order. */
  originalLabel: string | null;
  /** 1-based position in the original order; null when unmatched or not a shuffled order. */
  originalPosition: number | null;
}

/** Text comparison key: case, surrounding and repeated whitespace ignored. */
export function optionKey(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * For each displayed label, the label and 1-based position of the same text in `original`.
 * Duplicate texts pair up in order (the first displayed copy with the first original copy).
 */
export function mapOriginalPositions(
  shown: Record<string, string>,
  original: Record<string, string>,
): Map<string, { label: string; position: number } | null> {
  const pool = new Map<string, { label: string; position: number }[]>();
  Object.entries(original).forEach(([label, text], i) => {
    const k = optionKey(text);
    pool.set(k, [...(pool.get(k) ?? []), { label, position: i + 1 }]);
  });
  const out = new Map<string, { label: string; position: number } | null>();
  for (const [label, text] of Object.entries(shown)) {
    const candidates = pool.get(optionKey(text));
    out.set(label, candidates?.shift() ?? null);
  }
  return out;
}

/** Which displayed label an answer names: the label itself ("C", "(C)", "C. text"), else its option text. */
export function labelOf(answer: string | null | undefined, options: Record<string, string>): string | null {
  if (!answer) return null;
  const trimmed = answer.trim();
  const labels = Object.keys(options);
  const exact = labels.find((l) => l.toLowerCase() === trimmed.toLowerCase());
  if (exact) return exact;
  const letter = answerLetter(trimmed);
  if (letter) {
    const byLetter = labels.find((l) => l.toUpperCase() === letter);
    if (byLetter) return byLetter;
  }
  const key = optionKey(trimmed);
  return labels.find((l) => optionKey(options[l]) === key) ?? null;
}

export interface OptionRowsInput {
  options: Record<string, string>;
  gold: string | null;
  parsedAnswer: string | null;
  /** Chosen option text as stored at ingest (used when the parsed answer names no label). */
  chosenText: string | null;
  /** The same question's options in the original order (null: this is the original order, or unknown). */
  original: Record<string, string> | null;
}

export function optionRows(input: OptionRowsInput): OptionRow[] {
  const { options, original } = input;
  const goldLabel = labelOf(input.gold, options);
  const chosenLabel = labelOf(input.parsedAnswer, options) ?? labelOf(input.chosenText, options);
  const positions = original ? mapOriginalPositions(options, original) : null;
  return Object.entries(options).map(([label, text]) => {
    const pos = positions?.get(label) ?? null;
    return {
      label,
      text,
      gold: label === goldLabel,
      chosen: label === chosenLabel,
      originalLabel: pos?.label ?? null,
      originalPosition: pos?.position ?? null,
    };
  });
}
