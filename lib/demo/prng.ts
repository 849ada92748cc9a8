/**
 * Deterministic pseudo-random numbers for the demo generator.
 * Every random decision is drawn from a generator seeded by a string key (e.g.
 * `${alias}|${envId}|${variantId}|${exampleId}`), so results never depend on iteration order.
 */

/** The global seed mixed into every key; bump it to get a different (still deterministic) demo. */
export const DEMO_SEED = "medmarks-demo-v1";

/** 32-bit string hash (cyrb53-style mixing, folded to 32 bits). */
export function hashString(s: string): number {
  return finalize(absorb(0xdeadbeef, 0x41c6ce57, s));
}

function absorb(h1: number, h2: number, s: string): [number, number] {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return [h1, h2];
}

function finalize([h1, h2]: [number, number]): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ (h2 >>> 3)) >>> 0;
}

/** 40 hex characters derived from a string (fake git commits). */
export function hex40(s: string): string {
  let out = "";
  for (let i = 0; out.length < 40; i++) out += hashString(`${s}#${i}`).toString(16).padStart(8, "0");
  return out.slice(0, 40);
}

/** mulberry32 generator with a few distribution helpers. */
export class Rng {
  private state: number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in (0, 1): safe for logit / log. */
  open(): number {
    return (Math.floor(this.next() * 4294967294) + 1) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Standard normal (Box–Muller, caching the second value). */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    const u = this.open();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Standard logistic variate. */
  logistic(): number {
    const u = this.open();
    return Math.log(u / (1 - u));
  }

  /** `k` distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = items.slice();
    const out: T[] = [];
    for (let i = 0; i < k && pool.length > 0; i++) {
      const j = this.int(pool.length);
      out.push(pool[j]);
      pool[j] = pool[pool.length - 1];
      pool.pop();
    }
    return out;
  }

  /** Index drawn with probability proportional to `weights`. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}

const SEEDED = absorb(0xdeadbeef, 0x41c6ce57, DEMO_SEED);

/** A generator seeded by the hash of `DEMO_SEED|part1|part2|...`. */
export function rngFor(...parts: (string | number)[]): Rng {
  let state = SEEDED;
  for (const part of parts) state = absorb(state[0], state[1], `|${part}`);
  return new Rng(finalize(state));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Round to `d` decimals (keeps JSON short and stable). */
export function round(x: number, d = 4): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}
