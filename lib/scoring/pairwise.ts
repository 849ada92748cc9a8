/**
 * The per-question and per-pair definitions of spec §3, written plainly. The board engine
 * (`score.ts`) computes the same numbers over dense typed arrays; these are the reference.
 */
import type { MissingPolicy } from "./types";

/** Question mean over rollouts: rewards summed exactly (double-double), nulls/NaN ignored; null when none. */
export function meanOfRewards(rewards: ArrayLike<number | null>): number | null {
  let hi = 0;
  let lo = 0;
  let n = 0;
  for (let i = 0; i < rewards.length; i++) {
    const r = rewards[i];
    if (r === null || r !== r) continue;
    const s = hi + r;
    const bp = s - hi;
    lo += hi - (s - bp) + (r - bp);
    hi = s;
    n++;
  }
  return n === 0 ? null : (hi + lo) / n;
}

/**
 * Per-question means of one configuration's rollouts on one dataset: every question id seen,
 * sorted (numerically when every id is an integer), with its mean (null when all its rewards are null).
 */
export function questionMeans(rows: Iterable<{ exampleId: string; reward: number | null }>): Map<string, number | null> {
  const byQ = new Map<string, (number | null)[]>();
  for (const r of rows) {
    const list = byQ.get(r.exampleId);
    if (list) list.push(r.reward);
    else byQ.set(r.exampleId, [r.reward]);
  }
  const out = new Map<string, number | null>();
  for (const id of sortQuestionIds([...byQ.keys()])) out.set(id, meanOfRewards(byQ.get(id)!));
  return out;
}

/** Sort question ids: numerically when all are integers (`2` before `10`), else by code units. */
export function sortQuestionIds(ids: string[]): string[] {
  const numeric = ids.every((id) => /^-?\d{1,15}$/.test(id));
  const byUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return numeric ? ids.sort((a, b) => Number(a) - Number(b) || byUnits(a, b)) : ids.sort(byUnits);
}

/**
 * Outcome of a against b on one question, in halves: 2 win, 1 tie, 0 loss, −1 when neither has a
 * value (the question is not used). Missing = null, undefined or NaN; filled with −∞ (`neg-inf`) or 0.
 */
export function compareHalves(
  a: number | null | undefined,
  b: number | null | undefined,
  missing: MissingPolicy = "neg-inf",
  epsilon = 1e-9,
): -1 | 0 | 1 | 2 {
  const aMiss = a === null || a === undefined || a !== a;
  const bMiss = b === null || b === undefined || b !== b;
  if (aMiss && bMiss) return -1;
  const fill = missing === "neg-inf" ? -Infinity : 0;
  const d = (aMiss ? fill : (a as number)) - (bMiss ? fill : (b as number));
  return d > epsilon ? 2 : d < -epsilon ? 0 : 1;
}

/**
 * wr(a, b) on one dataset: over questions where at least one of them has a value, the mean of
 * win + 0.5·tie. `a[i]` and `b[i]` are the two configurations' question means for question i.
 * `winRate` is null when no question is usable.
 */
export function pairWinRate(
  a: ArrayLike<number | null | undefined>,
  b: ArrayLike<number | null | undefined>,
  opts: { missing?: MissingPolicy; epsilon?: number } = {},
): { winRate: number | null; nUsed: number } {
  const n = Math.max(a.length, b.length);
  let halves = 0;
  let used = 0;
  for (let i = 0; i < n; i++) {
    const h = compareHalves(a[i], b[i], opts.missing ?? "neg-inf", opts.epsilon ?? 1e-9);
    if (h < 0) continue;
    halves += h;
    used++;
  }
  return used === 0 ? { winRate: null, nUsed: 0 } : { winRate: halves / 2 / used, nUsed: used };
}
