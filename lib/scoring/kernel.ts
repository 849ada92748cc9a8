/**
 * The bootstrap kernel of one dataset: every replicate is a reweighted sum, not a recount.
 *
 * Each used question u of the dataset has a precomputed row (float32, padded to Cp):
 *   g[m]  the question's term in config m's mean win rate (METHODS.md: exact when every config
 *         answered every question, first-order otherwise),
 *   x[m]  config m's question mean (0 when it has none).
 * A replicate draws multinomial counts c_u (U draws with replacement among the U used questions,
 * the same draws for every configuration) and forms
 *   wr*_m  = wr_m + Σ_u (c_u − 1)·g_u[m]
 *   avg*_m = (X_m + Σ_u (c_u − 1)·x_u[m]) / (U − Σ_{u: m has no value} c_u)
 * Only questions drawn ≠ 1 times contribute (≈ 63% of them). Replicates go in batches of 64 and
 * questions in blocks that stay in cache across a batch; the multiply-adds run in the WebAssembly
 * SIMD loop of `wasm.ts` (f32 within a block, flushed into float64 sums), or in JS without it.
 *
 * Replicate r draws from its own sfc32 stream seeded by (seed, stream = hash of the dataset key, r),
 * so the numbers depend neither on dataset order nor on which thread computes them.
 *
 * `createKernelRuntime` and `bootstrapKernel` must stay self-contained (no imports, helpers or
 * closures): worker threads run their source text.
 */
import { createRng, resampleCounts } from "./prng";

export interface KernelJob {
  /** Used questions. */
  U: number;
  /** Configurations (columns) in the dataset. */
  M: number;
  /** Padded row width: 2M rounded up to a multiple of 8. */
  Cp: number;
  /** U × Cp, row-major: g[0..M), x[M..2M), zero padding. */
  rows: Float32Array;
  /** 2M numbers: point win rate per config (NaN = none), then Σ x per config. */
  base: Float64Array;
  /** Questions (indices in [0, U)) where config m has no value: absIdx[absStart[m] .. absStart[m+1]). */
  absStart: Int32Array;
  absIdx: Int32Array;
  replicates: number;
  seed: number;
  stream: number;
}

export interface KernelOutput {
  /** M × replicates (config-major): replicate mean win rate per config (NaN when the config has none). */
  wr: Float64Array;
  /** M × replicates: replicate average reward per config (NaN when the resample has none of its answers). */
  avg: Float64Array;
}

export interface KernelRuntime {
  mem: WebAssembly.Memory;
  accum: (offC: number, offR: number, offA: number, nb: number, U: number, V: number, q0: number, q1: number) => void;
  pairs: (offRanks: number, offAcc: number, M: number, Mc: number, nq: number) => void;
  draw: (offCounts: number, U: number, nb: number, offSeeds: number) => void;
  flush: (offAcc32: number, offAcc64: number, n: number) => void;
}

/** Instantiate the SIMD module (lib/scoring/wasm.ts); null where WebAssembly SIMD is unavailable (the kernels then loop in JS). */
export function createKernelRuntime(bytes: Uint8Array | null): KernelRuntime | null {
  if (!bytes || typeof WebAssembly === "undefined") return null;
  try {
    const mem = new WebAssembly.Memory({ initial: 16 });
    const ex = new WebAssembly.Instance(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>), { e: { m: mem } }).exports;
    return {
      mem,
      accum: ex.accum as KernelRuntime["accum"],
      pairs: ex.pairs as KernelRuntime["pairs"],
      draw: ex.draw as KernelRuntime["draw"],
      flush: ex.flush as KernelRuntime["flush"],
    };
  } catch {
    return null;
  }
}

export function bootstrapKernel(job: KernelJob, rt: KernelRuntime | null): KernelOutput {
  const U = job.U;
  const M = job.M;
  const Cp = job.Cp;
  const R = job.replicates;
  const base = job.base;
  const absStart = job.absStart;
  const absIdx = job.absIdx;
  const wrOut = new Float64Array(M * R);
  const avgOut = new Float64Array(M * R);
  if (U === 0) {
    wrOut.fill(NaN);
    avgOut.fill(NaN);
    return { wr: wrOut, avg: avgOut };
  }
  const RB = Math.min(R, 64);
  const QB = Math.max(2, Math.floor(32768 / Cp));
  // WebAssembly memory: counts (u16, RB × U) | generator states (RB × 4 i32) | rows (f32, U × Cp)
  //                     | block sums (f32, RB × Cp) | sums (f64, RB × Cp)
  const offC = 0;
  const offS = Math.ceil((RB * U * 2) / 16) * 16;
  const offR = offS + RB * 16;
  const offA = offR + U * Cp * 4;
  const off64 = offA + RB * Cp * 4;
  const total = off64 + RB * Cp * 8;
  let counts: Uint16Array;
  let rows: Float32Array;
  let states: Int32Array | null = null;
  let acc: Float64Array;
  if (rt) {
    const have = rt.mem.buffer.byteLength;
    if (have < total) rt.mem.grow(Math.ceil((total - have) / 65536));
    const buf = rt.mem.buffer;
    counts = new Uint16Array(buf, offC, RB * U);
    states = new Int32Array(buf, offS, RB * 4);
    rows = new Float32Array(buf, offR, U * Cp);
    rows.set(job.rows);
    new Float32Array(buf, offA, RB * Cp).fill(0);
    acc = new Float64Array(buf, off64, RB * Cp);
  } else {
    counts = new Uint16Array(RB * U);
    rows = job.rows;
    acc = new Float64Array(RB * Cp);
  }
  const seedA = job.seed >>> 0;
  const streamB = job.stream >>> 0;
  for (let r0 = 0; r0 < R; r0 += RB) {
    const nb = Math.min(RB, R - r0);
    counts.fill(0);
    acc.fill(0);
    for (let b = 0; b < nb; b++) {
      // sfc32 seeded through splitmix32 and warmed up — identical to createRng(seed, stream, r) in prng.ts
      let z = (seedA + 0x9e3779b9) | 0;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      let sa = (z ^ (z >>> 15)) >>> 0;
      z = (((sa ^ streamB) >>> 0) + 0x9e3779b9) | 0;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      let sb = (z ^ (z >>> 15)) >>> 0;
      z = (((sb ^ ((r0 + b) >>> 0)) >>> 0) + 0x9e3779b9) | 0;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      let sc = (z ^ (z >>> 15)) >>> 0;
      let sd = 1;
      let t = 0;
      for (let i = 0; i < 12; i++) {
        t = (((sa + sb) | 0) + sd) | 0;
        sd = (sd + 1) | 0;
        sa = sb ^ (sb >>> 9);
        sb = (sc + (sc << 3)) | 0;
        sc = (sc << 21) | (sc >>> 11);
        sc = (sc + t) | 0;
      }
      if (states) {
        states[b * 4] = sa;
        states[b * 4 + 1] = sb;
        states[b * 4 + 2] = sc;
        states[b * 4 + 3] = sd;
        continue;
      }
      const off = b * U;
      for (let i = 0; i < U; i++) {
        t = (((sa + sb) | 0) + sd) | 0;
        sd = (sd + 1) | 0;
        sa = sb ^ (sb >>> 9);
        sb = (sc + (sc << 3)) | 0;
        sc = (sc << 21) | (sc >>> 11);
        sc = (sc + t) | 0;
        counts[off + Math.floor(((t >>> 0) / 4294967296) * U)]++;
      }
    }
    if (rt) rt.draw(offC, U, nb, offS);
    for (let q0 = 0; q0 < U; q0 += QB) {
      const q1 = Math.min(U, q0 + QB);
      if (rt) {
        rt.accum(offC, offR, offA, nb, U, Cp / 4, q0, q1);
        rt.flush(offA, off64, nb * Cp); // the block's f32 sums into float64
        continue;
      }
      for (let b = 0; b < nb; b++) {
        const ab = b * Cp;
        const cb = b * U;
        for (let q = q0; q < q1; q++) {
          const c = counts[cb + q];
          if (c === 1) continue;
          const k = c - 1;
          let ro = q * Cp;
          let a = ab;
          const end = ab + 2 * M;
          const end4 = end - 3;
          for (; a < end4; a += 4, ro += 4) {
            acc[a] += k * rows[ro];
            acc[a + 1] += k * rows[ro + 1];
            acc[a + 2] += k * rows[ro + 2];
            acc[a + 3] += k * rows[ro + 3];
          }
          for (; a < end; a++, ro++) acc[a] += k * rows[ro];
        }
      }
    }
    for (let b = 0; b < nb; b++) {
      const ab = b * Cp;
      const cb = b * U;
      const r = r0 + b;
      for (let m = 0; m < M; m++) {
        const w = base[m] + acc[ab + m];
        wrOut[m * R + r] = w < 0 ? 0 : w > 1 ? 1 : w; // a win rate: float noise (or the first-order term with missing values) clamped to [0, 1]
        const num = base[M + m] + acc[ab + M + m];
        let den = U;
        for (let i = absStart[m]; i < absStart[m + 1]; i++) den -= counts[cb + absIdx[i]];
        avgOut[m * R + r] = den > 0 ? num / den : NaN;
      }
    }
  }
  return { wr: wrOut, avg: avgOut };
}

/** The counts replicate r of a kernel job draws (the kernel inlines this very generator; tests check they agree). */
export function kernelCounts(U: number, seed: number, stream: number, r: number): Int32Array {
  return resampleCounts(createRng(seed, stream, r), U, new Int32Array(U)) as Int32Array;
}
