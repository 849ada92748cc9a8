/**
 * Seeded pseudo-random numbers for the bootstrap (and the tests' synthetic data).
 * sfc32 (Chris Doty-Humphrey's small fast counting generator, 128-bit state) seeded through
 * splitmix32. The bootstrap draws one independent stream per (seed, dataset key, replicate), so
 * intervals depend neither on dataset order, nor on how the work is split across threads.
 * `lib/scoring/kernel.ts` inlines the very same generator (it must stay self-contained).
 */

/** 32-bit FNV-1a hash of a string (UTF-16 code units), e.g. a dataset key → a stream id. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32 step: a well-mixed 32-bit value from any 32-bit input. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** A uniform [0, 1) generator with 32-bit resolution. */
export interface Rng {
  (): number;
  /** Next raw 32-bit unsigned value. */
  u32(): number;
  /** Integer in [0, n) (n < 2^32). */
  int(n: number): number;
}

/** sfc32 seeded by up to three 32-bit words (mixed through splitmix32), warmed up by 12 steps. */
export function createRng(seed: number, stream = 0, sub = 0): Rng {
  let a = mix32(seed >>> 0);
  let b = mix32((a ^ (stream >>> 0)) >>> 0);
  let c = mix32((b ^ (sub >>> 0)) >>> 0);
  let d = 1;
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();
  const rng = (() => u32() / 4294967296) as Rng;
  rng.u32 = u32;
  rng.int = (n: number) => Math.floor((u32() / 4294967296) * n);
  return rng;
}

/**
 * Multinomial(n; 1/n, …, 1/n) counts: how many times each of `n` items is drawn when `n` items
 * are drawn with replacement (one bootstrap resample). Written into `out` (length ≥ n).
 */
export function resampleCounts(rng: Rng, n: number, out: Uint16Array | Int32Array = new Int32Array(n)): typeof out {
  out.fill(0, 0, n);
  for (let i = 0; i < n; i++) out[Math.floor((rng.u32() / 4294967296) * n)]++;
  return out;
}

/** Fisher–Yates shuffle in place (tests: row-order invariance). */
export function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}
