/**
 * Everything about one dataset, from its question-mean matrix to its bootstrap replicates:
 *
 * 1. Used questions: those where at least one scored config has a value (compacted, U of them);
 *    for each pair, D_ab = questions used by the pair = U − (questions where both lack a value).
 * 2. Exact pair outcomes (spec §3): d = a − b with a missing value filled by −∞ (or 0), in halves:
 *    2 if d > ε, 0 if d < −ε, else 1 (tie); wr(a, b) = halves / 2 / D_ab. One O(M²·U) pass over
 *    per-question ranks (see below), never chaining ties within ε.
 * 3. Mean win rate per config (plain mean over opponents with a value), average reward, answered.
 * 4. With the bootstrap, each used question's row for the kernel: g_u[m], the question's term in
 *    the first-order expansion of Σ_o N*_mo/D*_mo (ratio of resampled sums) — exact when no config
 *    misses a question (then wr*_m = mean over the resampled questions of the share of opponents m
 *    beats, ties half) — and x_u[m], the question mean. Σ_o halves(m, o) on a question comes from
 *    its ranks (2·below + equal − itself), plus a direct correction for the few pairs whose D is
 *    below U.
 *
 * Self-contained (no imports, no outside helpers): worker threads run its source text; the
 * bootstrap kernel and its runtime are passed in.
 */
import type { KernelJob, KernelOutput, KernelRuntime } from "./kernel";

export interface DatasetTask {
  /** Q × Mf question means (NaN = none). */
  values: Float64Array;
  Mf: number;
  Q: number;
  /** Scored columns, ascending. */
  cols: Int32Array;
  epsilon: number;
  negInf: boolean;
  bootstrap: { replicates: number; seed: number; stream: number } | null;
}

export interface DatasetOutput {
  U: number;
  M: number;
  /** M × M directional wr (Medmarks: computed for a < b, the reverse is 1 − wr); NaN = no usable question. */
  pairWr: Float64Array;
  winRate: Float64Array;
  avg: Float64Array;
  nAnswered: Int32Array;
  boot: KernelOutput | null;
}

export function datasetKernel(
  task: DatasetTask,
  rt: KernelRuntime | null,
  runBootstrap: (job: KernelJob, rt: KernelRuntime | null) => KernelOutput,
): DatasetOutput {
  const V = task.values;
  const Mf = task.Mf;
  const Q = task.Q;
  const cols = task.cols;
  const M = cols.length;
  const eps = task.epsilon;
  const fill = task.negInf ? -Infinity : 0;

  // 1. used questions, compacted (U × M); pairs both absent
  const X = new Float64Array(Q * M);
  const partial = new Uint8Array(Q);
  const bothAbsent = new Int32Array(M * M);
  const absentList = new Int32Array(M);
  let U = 0;
  for (let q = 0; q < Q; q++) {
    const src = q * Mf;
    const dst = U * M;
    let na = 0;
    for (let j = 0; j < M; j++) {
      const v = V[src + cols[j]];
      X[dst + j] = v;
      if (v !== v) absentList[na++] = j;
    }
    if (na === M) continue;
    if (na > 0) {
      partial[U] = 1;
      for (let i = 0; i < na; i++) {
        for (let k = i + 1; k < na; k++) {
          bothAbsent[absentList[i] * M + absentList[k]]++;
          bothAbsent[absentList[k] * M + absentList[i]]++;
        }
      }
    }
    U++;
  }
  const D = new Float64Array(M * M);
  const invD = new Float64Array(M * M);
  for (let a = 0; a < M; a++) {
    for (let b = 0; b < M; b++) {
      if (a === b) continue;
      const d = U - bothAbsent[a * M + b];
      D[a * M + b] = d;
      invD[a * M + b] = d > 0 ? 1 / d : 0;
    }
  }

  // opponents with a usable question (a value for the pair): the mean win rate's denominator
  const nOpp = new Int32Array(M);
  const invOpp = new Float64Array(M);
  for (let a = 0; a < M; a++) {
    let n = 0;
    for (let o = 0; o < M; o++) if (o !== a && D[a * M + o] > 0) n++;
    nOpp[a] = n;
    invOpp[a] = n > 0 ? 1 / n : 0;
  }

  // 2. exact pair outcomes, in halves. Per question, a missing value takes the fill value and the
  // question's distinct values are ranked. When consecutive distinct values differ by more than ε
  // (always, unless two values are within ε of each other), d = v_a − v_b > ε ⇔ rank_a > rank_b and
  // |d| ≤ ε ⇔ equal ranks (exact: floating subtraction is monotone), so a pair's halves are
  // [r_a > r_b] + [r_a ≥ r_b]. Those run 16 pairs at a time in the WebAssembly loop (u8 sums,
  // flushed every 127 questions). A pair where both values are missing counts as a tie there and is
  // taken out afterwards (bothAbsent). Questions with two distinct values within ε, more than 255
  // distinct values, or no WebAssembly, compare each pair directly.
  const Cp = Math.ceil((2 * M) / 8) * 8;
  const rows = task.bootstrap && U > 0 ? new Float32Array(U * Cp) : null;
  const invU = U > 0 ? 1 / U : 0;
  // pairs whose D is below U (both lack a value somewhere): their 1/D term is corrected one by one
  const corrStart = new Int32Array(M + 1);
  for (let a = 0; a < M; a++) {
    let n = 0;
    for (let o = 0; o < M; o++) if (o !== a && bothAbsent[a * M + o] > 0) n++;
    corrStart[a + 1] = corrStart[a] + n;
  }
  const corrIdx = new Int32Array(corrStart[M]);
  const corrW = new Float64Array(corrStart[M]);
  for (let a = 0, i = 0; a < M; a++) {
    for (let o = 0; o < M; o++) {
      if (o !== a && bothAbsent[a * M + o] > 0) {
        corrIdx[i] = o;
        corrW[i] = invD[a * M + o] - invU;
        i++;
      }
    }
  }
  const NH = new Int32Array(M * M);
  const row = new Float64Array(M);
  const absent = new Uint8Array(M);
  const rank = new Uint8Array(M);
  const lvl = new Uint8Array(M);
  const vals = new Float64Array(16);
  const order = new Uint8Array(16);
  const rankOfLevel = new Uint8Array(16);
  const sorted = new Float64Array(M);
  const distinct = new Float64Array(M);
  const cnt = new Int32Array(M + 1);
  const below = new Int32Array(M + 1);
  const Mc = Math.ceil(M / 16);
  const rowB = Mc * 16;
  const QBLK = 127;
  const offRanks = 0;
  const offAcc = QBLK * rowB;
  let mem8: Uint8Array | null = null;
  if (rt && U > 0 && M <= 255) {
    const need = offAcc + M * rowB;
    const have = rt.mem.buffer.byteLength;
    if (have < need) rt.mem.grow(Math.ceil((need - have) / 65536));
    mem8 = new Uint8Array(rt.mem.buffer);
    mem8.fill(0, offAcc, offAcc + M * rowB);
  }
  let nqb = 0;
  for (let u = 0; u < U; u++) {
    const xo = u * M;
    let na = 0;
    // distinct values (up to 16 by a linear scan, else by sorting), ranked
    let K = 0;
    for (let a = 0; a < M; a++) {
      const v = X[xo + a];
      const miss = v !== v;
      absent[a] = miss ? 1 : 0;
      if (miss) na++;
      const f = miss ? fill : v;
      row[a] = f;
      if (K > 16) continue;
      let k = -1;
      for (let i = 0; i < K; i++) {
        if (vals[i] === f) {
          k = i;
          break;
        }
      }
      if (k < 0) {
        if (K === 16) {
          K = 17;
          continue;
        }
        k = K++;
        vals[k] = f;
      }
      lvl[a] = k;
    }
    let nd = 0;
    let ok = true;
    if (K <= 16) {
      // insertion sort of the ≤ 16 distinct values
      for (let i = 0; i < K; i++) {
        let j = i - 1;
        while (j >= 0 && vals[order[j]] > vals[i]) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = i;
      }
      for (let i = 0; i < K; i++) {
        rankOfLevel[order[i]] = i;
        distinct[i] = vals[order[i]];
      }
      for (let a = 0; a < M; a++) rank[a] = rankOfLevel[lvl[a]];
      nd = K;
    } else {
      for (let a = 0; a < M; a++) sorted[a] = row[a];
      sorted.sort();
      for (let a = 0; a < M; a++) if (a === 0 || sorted[a] !== sorted[a - 1]) distinct[nd++] = sorted[a];
      if (nd > 255) ok = false;
      else {
        for (let a = 0; a < M; a++) {
          const f = row[a];
          let lo = 0;
          let hi = nd - 1;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (distinct[mid] < f) lo = mid + 1;
            else hi = mid;
          }
          rank[a] = lo;
        }
      }
    }
    for (let i = 1; ok && i < nd; i++) if (!(distinct[i] - distinct[i - 1] > eps)) ok = false;
    if (ok && mem8) {
      const lo = offRanks + nqb * rowB;
      for (let a = 0; a < M; a++) mem8[lo + a] = rank[a];
      if (++nqb === QBLK) {
        rt!.pairs(offRanks, offAcc, M, Mc, nqb);
        for (let a = 0; a < M; a++) {
          const ao = offAcc + a * rowB;
          for (let b = a + 1; b < M; b++) NH[a * M + b] += mem8[ao + b];
        }
        mem8.fill(0, offAcc, offAcc + M * rowB);
        nqb = 0;
      }
    } else if (ok) {
      for (let a = 0; a < M; a++) {
        const ra = rank[a];
        const am = a * M;
        for (let b = a + 1; b < M; b++) {
          const rb = rank[b];
          NH[am + b] += +(ra > rb) + +(ra >= rb);
        }
      }
    } else {
      for (let a = 0; a < M; a++) {
        const va = row[a];
        const am = a * M;
        const aa = absent[a];
        for (let b = a + 1; b < M; b++) {
          if (aa === 1 && absent[b] === 1) {
            NH[am + b] += 1; // taken out with bothAbsent, like the ranked path
            continue;
          }
          const d = va - row[b];
          NH[am + b] += +(d > eps) + +(d >= -eps);
        }
      }
    }
    if (rows) {
      // H[a] = Σ_o used·halves(a, o)/D_ao: all pairs at 1/U, then the pairs with D < U corrected
      if (ok) {
        cnt.fill(0, 0, nd);
        for (let a = 0; a < M; a++) cnt[rank[a]]++;
        below[0] = 0;
        for (let r = 1; r < nd; r++) below[r] = below[r - 1] + cnt[r - 1];
      }
      const ro = u * Cp;
      for (let a = 0; a < M; a++) {
        const va = row[a];
        const aa = absent[a];
        let halves = 0;
        if (ok) {
          // 2·(values below) + (equal values) − itself − (other missing ones, when a is missing: not used)
          const r = rank[a];
          halves = 2 * below[r] + cnt[r] - 1 - (aa === 1 ? na - 1 : 0);
        } else {
          for (let o = 0; o < M; o++) {
            if (o === a || (aa === 1 && absent[o] === 1)) continue;
            const d = va - row[o];
            halves += +(d > eps) + +(d >= -eps);
          }
        }
        let h = halves * invU;
        for (let i = corrStart[a]; i < corrStart[a + 1]; i++) {
          const o = corrIdx[i];
          if (aa === 1 && absent[o] === 1) continue;
          const d = va - row[o];
          h += (+(d > eps) + +(d >= -eps)) * corrW[i];
        }
        // g without its constant part −Σ_o wr_ao/D_ao / n_opp (it multiplies Σ_u (c_u − 1) = 0 in
        // every replicate); the part that differs on questions where a has no value is added below
        rows[ro + a] = (h / 2) * invOpp[a];
        rows[ro + M + a] = aa === 1 ? 0 : va;
      }
    }
  }
  if (mem8 && nqb > 0) {
    rt!.pairs(offRanks, offAcc, M, Mc, nqb);
    for (let a = 0; a < M; a++) {
      const ao = offAcc + a * rowB;
      for (let b = a + 1; b < M; b++) NH[a * M + b] += mem8[ao + b];
    }
  }
  // both missing: counted as a tie above, not used by the pair
  for (let a = 0; a < M; a++) for (let b = a + 1; b < M; b++) NH[a * M + b] -= bothAbsent[a * M + b];
  const pairWr = new Float64Array(M * M).fill(NaN);
  for (let a = 0; a < M; a++) {
    for (let b = a + 1; b < M; b++) {
      const d = D[a * M + b];
      if (d <= 0) continue;
      const wr = NH[a * M + b] / 2 / d; // (Σ win + 0.5·tie) / n_used, as Medmarks computes it
      pairWr[a * M + b] = wr;
      pairWr[b * M + a] = 1 - wr;
    }
  }

  // 3. mean win rate (opponents in name order), average reward
  const winRate = new Float64Array(M).fill(NaN);
  for (let m = 0; m < M; m++) {
    let sum = 0;
    let n = 0;
    for (let o = 0; o < M; o++) {
      if (o === m) continue;
      const w = pairWr[m * M + o];
      if (w !== w) continue;
      sum += w;
      n++;
    }
    if (n > 0) winRate[m] = sum / n;
  }
  const avg = new Float64Array(M).fill(NaN);
  const nAnswered = new Int32Array(M);
  const sumX = new Float64Array(M);
  for (let u = 0; u < U; u++) {
    const xo = u * M;
    for (let m = 0; m < M; m++) {
      const v = X[xo + m];
      if (v === v) {
        sumX[m] += v;
        nAnswered[m]++;
      }
    }
  }
  for (let m = 0; m < M; m++) if (nAnswered[m] > 0) avg[m] = sumX[m] / nAnswered[m];

  if (!task.bootstrap) return { U, M, pairWr, winRate, avg, nAnswered, boot: null };
  if (U === 0) {
    const none = task.bootstrap.replicates * M;
    return { U, M, pairWr, winRate, avg, nAnswered, boot: { wr: new Float64Array(none).fill(NaN), avg: new Float64Array(none).fill(NaN) } };
  }

  // 4. bootstrap rows, questions where a config has no value: g gets (Σ_o wr_ao/D_ao − Σ_{o with a value} wr_ao/D_ao) / n_opp
  const kFull = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    let k = 0;
    for (let o = 0; o < M; o++) {
      const w = pairWr[m * M + o];
      if (o !== m && w === w) k += w * invD[m * M + o];
    }
    kFull[m] = k;
  }
  const absStart = new Int32Array(M + 1);
  for (let m = 0; m < M; m++) absStart[m + 1] = absStart[m] + (U - nAnswered[m]);
  const absIdx = new Int32Array(absStart[M]);
  const absFill = absStart.slice(0, M);
  for (let u = 0; u < U; u++) {
    if (partial[u] === 0) continue;
    const xo = u * M;
    const ro = u * Cp;
    for (let a = 0; a < M; a++) {
      if (X[xo + a] === X[xo + a]) continue;
      absIdx[absFill[a]++] = u;
      let k = 0;
      for (let o = 0; o < M; o++) {
        const vo = X[xo + o];
        const w = pairWr[a * M + o];
        if (o !== a && vo === vo && w === w) k += w * invD[a * M + o];
      }
      rows![ro + a] += (kFull[a] - k) * invOpp[a];
    }
  }
  const base = new Float64Array(2 * M);
  for (let m = 0; m < M; m++) {
    base[m] = winRate[m];
    base[M + m] = sumX[m];
  }
  const boot = runBootstrap(
    {
      U,
      M,
      Cp,
      base,
      absStart,
      absIdx,
      rows: rows!,
      replicates: task.bootstrap.replicates,
      seed: task.bootstrap.seed,
      stream: task.bootstrap.stream,
    },
    rt,
  );
  return { U, M, pairWr, winRate, avg, nAnswered, boot };
}
