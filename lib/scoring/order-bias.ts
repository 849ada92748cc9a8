/**
 * Answer-order bias of one configuration on one MCQ dataset (spec §4): accuracy in each answer
 * order, the paired change when the options are shuffled, how often the chosen option (by its
 * text) changes with the order, and which displayed positions the model prefers.
 * Definitions and decisions: lib/scoring/METHODS.md, "Answer-order bias".
 */
import { normalMeanInterval, pairedCompare, PAIRED_BOOTSTRAP_REPLICATES, type PairedMethod } from "./paired";
import { meanOfRewards, sortQuestionIds } from "./pairwise";
import { hashString } from "./prng";
import { bootstrapMeanInterval } from "./stats";
import { DEFAULT_BOOTSTRAP, type Interval } from "./types";

/** One rollout of one configuration on one dataset (`env::subtask`), in any answer order. */
export interface OrderBiasRow {
  exampleId: string;
  /** null = the original order; else the shuffle seed (1618, 9331, …). */
  orderSeed: number | null;
  rolloutIndex?: number;
  reward: number | null;
  /** Answer parsed from the completion (`B`, `(B)`, `B. text`, or an option's text). */
  parsedAnswer: string | null;
  /** Text of the chosen option as displayed, null when no option was recognised. */
  chosenText: string | null;
  /** Gold answer in this order (the gold letter after shuffling). */
  gold: string | null;
  /** Options as displayed in this order: letter → text. */
  options: Record<string, string> | null;
}

export interface OrderBiasOptions {
  /** Bootstrap replicates for every interval here (default 2000). 0 skips the bootstrap: ci null, the normal interval stays. */
  replicates?: number;
  /** Bootstrap seed (default 20251126). Each order / shuffle draws its own stream of it. */
  seed?: number;
  /** Interval level (default 0.95). */
  level?: number;
}

/** A count out of n and its share (null when n = 0). */
export interface Share {
  n: number;
  count: number;
  rate: number | null;
}

export interface OrderAccuracy {
  orderSeed: number | null;
  /** Questions with at least one non-null reward in this order. */
  n: number;
  /** Mean over those questions of the question's mean reward (its rollouts averaged). */
  accuracy: number | null;
  /** Percentile bootstrap interval of the accuracy over questions. */
  ci: Interval | null;
  /** Questions with a recognised chosen option (non-null chosen text) in this order. */
  nAnswered: number;
}

/** One shuffled order against the original order. */
export interface ShuffleComparison {
  orderSeed: number;
  /** Questions with a non-null question mean in both orders. */
  nPaired: number;
  /** Mean over the paired questions of (shuffle − original); null when nothing is paired. */
  delta: number | null;
  /** Primary interval: paired bootstrap percentile interval over the paired questions. */
  ci: Interval | null;
  /** Secondary: normal approximation, delta ± z·s/√n (null when nPaired < 2). */
  normalCi: Interval | null;
  /** Two-sided p-value: McNemar's exact test when every paired mean is 0 or 1, else the paired bootstrap's. */
  p: number | null;
  method: PairedMethod;
  /** Questions answered (non-null chosen text) in both orders, and those whose normalised text differs. */
  flip: Share;
}

export interface PositionPreference {
  /** Displayed letter (uppercase). */
  position: string;
  /** (question, order) items that display this letter and have a gold and a chosen letter. */
  n: number;
  /** Share of those items answered with this letter (an item's rollouts share its weight). */
  rateChosen: number | null;
  /** Share of those items whose gold letter is this one. */
  rateCorrect: number | null;
  /** rateChosen − rateCorrect: > 0 = picked more often than it is right. */
  preference: number | null;
}

export interface QuestionChoices {
  exampleId: string;
  /** One entry per order of the result (same order as `orders`): the chosen text, null when not answered there. */
  texts: { orderSeed: number | null; text: string | null }[];
  /** Distinct normalised texts over the orders where it was answered. */
  distinctTexts: number;
}

export interface OrderBiasResult {
  /** Every order seen: original first, then shuffle seeds ascending. */
  orders: OrderAccuracy[];
  /** Each shuffle against the original (empty when there is no shuffle; delta null without an original). */
  shuffles: ShuffleComparison[];
  /** Mean |delta| over the shuffles with a delta (`orderSensitivity`). */
  sensitivity: number | null;
  /** Questions answered in ≥ 2 orders; count = those with ≥ 2 distinct texts. */
  anyFlip: Share;
  /** Questions answered in every order (≥ 2 orders); count = those with one text in all. */
  consistency: Share;
  /** Per displayed position, pooled over all orders. */
  positions: PositionPreference[];
  /** Items (question, order) left out of the position preference: no options, no gold letter, or no chosen letter. */
  positionsSkipped: { noOptions: number; noGold: number; noChoice: number };
  /** Per question, ids in `sortQuestionIds` order. */
  questions: QuestionChoices[];
}

// ---------------------------------------------------------------------------------------------
// Text and letters

/** Option text as compared across orders: NFC, trimmed, whitespace runs → one space, lower case. */
export function normalizeOptionText(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Option keys in display order: shorter first, then code units (A < B < … < Z < AA). */
export function compareOptionKeys(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const LETTER = /^\(?([A-Za-z])\)?(?=$|[.):,\s])/;
const LETTER_WITH_TEXT = /^\(?[A-Za-z]\)?[.):]/;

/**
 * The displayed letter an answer names, uppercase and present in `options` (keys compared in upper
 * case), else null. A letter form (`B`, `(B)`, `B.`, `B)`, or `B. text` / `(B) text`, the same rule
 * as the ingest's chosen-text matcher) is read as the letter; any other answer is matched against
 * the options' normalised texts (the first key in display order wins when two texts are equal).
 */
export function optionLetter(answer: string | null, options: Record<string, string> | null): string | null {
  if (!answer || !options) return null;
  const s = answer.trim();
  const m = LETTER.exec(s);
  if (m && (s.length <= 3 || LETTER_WITH_TEXT.test(s))) {
    const letter = m[1].toUpperCase();
    if (Object.keys(options).some((k) => k.toUpperCase() === letter)) return letter;
  }
  return letterOfText(s, options);
}

function letterOfText(text: string, options: Record<string, string>): string | null {
  const wanted = normalizeOptionText(text);
  if (wanted === "") return null;
  for (const k of Object.keys(options).sort(compareOptionKeys)) if (normalizeOptionText(options[k]) === wanted) return k.toUpperCase();
  return null;
}

/**
 * Recover a shuffle's permutation (spec §4: it is not stored): for each letter of the `shuffled`
 * options, the letter of the `original` option with the same normalised text, null when no
 * original option has that text. Duplicate texts pair up in display order (the first shuffled
 * occurrence gets the first original letter with that text, …); a text occurring more often in
 * the shuffled options than in the original maps to null for the extra occurrences. Keys are
 * returned as given, in display order.
 */
export function mapOptionsToOriginal(
  original: Record<string, string>,
  shuffled: Record<string, string>,
): Record<string, string | null> {
  const pool = new Map<string, string[]>();
  for (const k of Object.keys(original).sort(compareOptionKeys)) {
    const t = normalizeOptionText(original[k]);
    const list = pool.get(t);
    if (list) list.push(k);
    else pool.set(t, [k]);
  }
  const out: Record<string, string | null> = {};
  for (const k of Object.keys(shuffled).sort(compareOptionKeys)) {
    const list = pool.get(normalizeOptionText(shuffled[k]));
    out[k] = list && list.length > 0 ? list.shift()! : null;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rankings for the heatmap

/** Mean |delta| over the shuffles that have a delta; null when none. Ranks the most order-sensitive configurations. */
export function orderSensitivity(shuffles: ReadonlyArray<{ delta: number | null }>): number | null {
  const abs = shuffles.filter((s) => s.delta !== null && s.delta === s.delta).map((s) => Math.abs(s.delta as number));
  return meanOfRewards(abs);
}

/**
 * Question ids ranked by how many distinct texts were chosen across orders (most first), ties by
 * id (`sortQuestionIds` order: numeric when every id is an integer). Only questions with at least
 * `minDistinct` (default 2, i.e. flipped at least once) distinct texts; at most `limit`.
 */
export function mostFlipped(
  questions: ReadonlyArray<{ exampleId: string; distinctTexts: number }>,
  opts: { limit?: number; minDistinct?: number } = {},
): string[] {
  const min = opts.minDistinct ?? 2;
  const distinct = new Map<string, number>();
  for (const q of questions) if (q.distinctTexts >= min) distinct.set(q.exampleId, Math.max(q.distinctTexts, distinct.get(q.exampleId) ?? 0));
  const rank = new Map(sortQuestionIds([...distinct.keys()]).map((id, i) => [id, i]));
  const ids = [...distinct.keys()].sort((a, b) => distinct.get(b)! - distinct.get(a)! || rank.get(a)! - rank.get(b)!);
  return opts.limit === undefined ? ids : ids.slice(0, Math.max(0, opts.limit));
}

// ---------------------------------------------------------------------------------------------
// The analysis

interface Item {
  rows: OrderBiasRow[];
}

const orderKey = (seed: number | null) => (seed === null ? "original" : `seed:${seed}`);

/**
 * Answer-order bias of ONE configuration on ONE dataset (`env::subtask`, all its orders).
 * Rows with another order are other orders of the same questions; `example_id` is the join key.
 *
 * - accuracy per order: mean over questions of the mean reward over its rollouts (null rewards
 *   skipped), with a percentile bootstrap interval;
 * - per shuffle: delta = mean over the questions both orders scored of (shuffle − original),
 *   paired bootstrap percentile interval (primary) and normal interval, p-value (McNemar exact
 *   for 0/1 means, else the bootstrap's);
 * - flips: per (question, order) the chosen text is the most frequent normalised chosen text of
 *   its rollouts (ties: the smallest in code-unit order); an order where no rollout has a chosen
 *   text does not count as answered. flip = answered in both orders and the texts differ;
 *   anyFlip over questions answered in ≥ 2 orders; consistency over questions answered in every order;
 * - position preference: pooled over (question, order) items, see `PositionPreference`.
 *
 * Cost: five bootstraps of O(replicates × questions) each (~0.13 s at 5000 questions, 2000
 * replicates); for a whole-board heatmap pass `replicates: 0` (deltas, sensitivity, flips, normal
 * intervals and McNemar p-values need no bootstrap).
 */
export function orderBias(rows: Iterable<OrderBiasRow>, opts: OrderBiasOptions = {}): OrderBiasResult {
  const R = opts.replicates ?? PAIRED_BOOTSTRAP_REPLICATES;
  const seed = opts.seed ?? DEFAULT_BOOTSTRAP.seed;
  const level = opts.level ?? 0.95;

  // order key → question id → item
  const byOrder = new Map<string, Map<string, Item>>();
  const seeds = new Map<string, number | null>();
  const allIds = new Set<string>();
  let position = 0;
  const pos = new Map<OrderBiasRow, number>();
  for (const row of rows) {
    pos.set(row, position++);
    const key = orderKey(row.orderSeed);
    let items = byOrder.get(key);
    if (!items) {
      items = new Map();
      byOrder.set(key, items);
      seeds.set(key, row.orderSeed);
    }
    const item = items.get(row.exampleId);
    if (item) item.rows.push(row);
    else items.set(row.exampleId, { rows: [row] });
    allIds.add(row.exampleId);
  }
  // rollouts in rolloutIndex order (missing index: after the indexed ones, in input order)
  for (const items of byOrder.values()) {
    for (const item of items.values()) {
      item.rows.sort((a, b) => (a.rolloutIndex ?? Infinity) - (b.rolloutIndex ?? Infinity) || pos.get(a)! - pos.get(b)!);
    }
  }
  const orderKeys = [...byOrder.keys()].sort((a, b) => {
    const sa = seeds.get(a)!;
    const sb = seeds.get(b)!;
    if (sa === null || sb === null) return sa === null ? (sb === null ? 0 : -1) : 1;
    return sa - sb;
  });
  const ids = sortQuestionIds([...allIds]);

  // question means and chosen texts per order
  const means = new Map<string, Map<string, number | null>>();
  const chosen = new Map<string, Map<string, { norm: string; text: string }>>();
  for (const key of orderKeys) {
    const items = byOrder.get(key)!;
    const m = new Map<string, number | null>();
    const c = new Map<string, { norm: string; text: string }>();
    for (const id of ids) {
      const item = items.get(id);
      if (!item) continue;
      m.set(id, meanOfRewards(item.rows.map((r) => r.reward)));
      const pick = modalText(item.rows);
      if (pick) c.set(id, pick);
    }
    means.set(key, m);
    chosen.set(key, c);
  }

  const orders: OrderAccuracy[] = orderKeys.map((key) => {
    const values: number[] = [];
    for (const v of means.get(key)!.values()) if (v !== null) values.push(v);
    return {
      orderSeed: seeds.get(key)!,
      n: values.length,
      accuracy: meanOfRewards(values),
      ci: R > 0 ? bootstrapMeanInterval(values, { replicates: R, seed, level, stream: hashString(`order-bias:accuracy:${key}`) }) : null,
      nAnswered: chosen.get(key)!.size,
    };
  });

  const originalMeans = means.get("original");
  const originalChosen = chosen.get("original");
  const shuffles: ShuffleComparison[] = [];
  for (const key of orderKeys) {
    if (key === "original") continue;
    const m = means.get(key)!;
    const cmp = pairedCompare(m, originalMeans ?? new Map(), {
      replicates: R,
      seed,
      level,
      stream: hashString(`order-bias:delta:${key}`),
    });
    const diffs: number[] = [];
    if (originalMeans) {
      for (const id of ids) {
        const s = m.get(id);
        const o = originalMeans.get(id);
        if (s !== null && s !== undefined && o !== null && o !== undefined) diffs.push(s - o);
      }
    }
    let nBoth = 0;
    let flipped = 0;
    const c = chosen.get(key)!;
    if (originalChosen) {
      for (const [id, pick] of c) {
        const o = originalChosen.get(id);
        if (!o) continue;
        nBoth++;
        if (o.norm !== pick.norm) flipped++;
      }
    }
    shuffles.push({
      orderSeed: seeds.get(key) as number,
      nPaired: cmp.nShared,
      delta: cmp.diff,
      ci: cmp.ci,
      normalCi: normalMeanInterval(diffs, level),
      p: cmp.p,
      method: cmp.method,
      flip: share(nBoth, flipped),
    });
  }

  // flips across all orders, consistency, per-question choices
  const questions: QuestionChoices[] = [];
  let nMulti = 0;
  let nFlipped = 0;
  let nAll = 0;
  let nConsistent = 0;
  for (const id of ids) {
    const texts = orderKeys.map((key) => ({ orderSeed: seeds.get(key)!, text: chosen.get(key)!.get(id)?.text ?? null }));
    const norms = new Set<string>();
    let answered = 0;
    for (const key of orderKeys) {
      const pick = chosen.get(key)!.get(id);
      if (!pick) continue;
      answered++;
      norms.add(pick.norm);
    }
    if (answered >= 2) {
      nMulti++;
      if (norms.size >= 2) nFlipped++;
    }
    if (orderKeys.length >= 2 && answered === orderKeys.length) {
      nAll++;
      if (norms.size === 1) nConsistent++;
    }
    questions.push({ exampleId: id, texts, distinctTexts: norms.size });
  }

  const { positions, skipped } = positionPreference(orderKeys.map((k) => byOrder.get(k)!));

  return {
    orders,
    shuffles,
    sensitivity: orderSensitivity(shuffles),
    anyFlip: share(nMulti, nFlipped),
    consistency: share(nAll, nConsistent),
    positions,
    positionsSkipped: skipped,
    questions,
  };
}

function share(n: number, count: number): Share {
  return { n, count, rate: n > 0 ? count / n : null };
}

/** Most frequent normalised chosen text of an item's rollouts (ties: smallest in code-unit order); shown as its first raw form. */
function modalText(rows: OrderBiasRow[]): { norm: string; text: string } | null {
  const counts = new Map<string, { n: number; text: string }>();
  for (const r of rows) {
    if (r.chosenText === null || r.chosenText === undefined) continue;
    const norm = normalizeOptionText(r.chosenText);
    if (norm === "") continue;
    const e = counts.get(norm);
    if (e) e.n++;
    else counts.set(norm, { n: 1, text: r.chosenText.trim() });
  }
  let best: { norm: string; text: string; n: number } | null = null;
  for (const [norm, e] of counts) {
    if (!best || e.n > best.n || (e.n === best.n && norm < best.norm)) best = { norm, text: e.text, n: e.n };
  }
  return best && { norm: best.norm, text: best.text };
}

/**
 * Position preference pooled over every (question, order) item. An item's displayed options and
 * gold come from its first rollout (rolloutIndex order) that has options; each of its rollouts
 * with a chosen letter (`optionLetter` of the parsed answer, else of the chosen text) carries
 * 1/k of the item (k such rollouts). Per position P: n = items showing P; rateChosen = chosen
 * weight at P / n; rateCorrect = items with gold P / n.
 */
function positionPreference(orders: Map<string, Item>[]): {
  positions: PositionPreference[];
  skipped: OrderBiasResult["positionsSkipped"];
} {
  const n = new Map<string, number>();
  const chosenW = new Map<string, number>();
  const correct = new Map<string, number>();
  const skipped = { noOptions: 0, noGold: 0, noChoice: 0 };
  for (const items of orders) {
    for (const item of items.values()) {
      const head = item.rows.find((r) => r.options && Object.keys(r.options).length > 0);
      if (!head) {
        skipped.noOptions++;
        continue;
      }
      const options = head.options!;
      const gold = optionLetter(head.gold, options);
      if (gold === null) {
        skipped.noGold++;
        continue;
      }
      const letters: string[] = [];
      for (const r of item.rows) {
        const letter = optionLetter(r.parsedAnswer, options) ?? (r.chosenText ? letterOfText(r.chosenText, options) : null);
        if (letter !== null) letters.push(letter);
      }
      if (letters.length === 0) {
        skipped.noChoice++;
        continue;
      }
      const shown = new Set(Object.keys(options).map((k) => k.toUpperCase()));
      for (const p of shown) n.set(p, (n.get(p) ?? 0) + 1);
      for (const l of letters) chosenW.set(l, (chosenW.get(l) ?? 0) + 1 / letters.length);
      correct.set(gold, (correct.get(gold) ?? 0) + 1);
    }
  }
  const positions = [...n.keys()].sort(compareOptionKeys).map((p) => {
    const np = n.get(p)!;
    const rateChosen = (chosenW.get(p) ?? 0) / np;
    const rateCorrect = (correct.get(p) ?? 0) / np;
    return { position: p, n: np, rateChosen, rateCorrect, preference: rateChosen - rateCorrect };
  });
  return { positions, skipped };
}
