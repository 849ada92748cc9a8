/**
 * The two hot loops as a tiny hand-assembled WebAssembly module (SIMD): the bootstrap's
 * multiply-adds (f32x4) and the pair pass's rank comparisons (i8x16, 16 pairs at once), several times the
 * throughput of the same loops in JavaScript. Assembled here from readable opcodes, no toolchain.
 *
 *   accum(offCounts, offRows, offAcc, nb, U, V, q0, q1)
 *     for b in [0, nb): for q in [q0, q1): c = counts[b·U + q] (u16); if c ≠ 1:
 *       acc[b][0..4V) += (c − 1) · rows[q][0..4V)      (f32, V = row width in vectors of 4, even)
 *
 * Memory is imported (`e.m`) so the caller sizes and grows it. The caller flushes `acc` (f32) into
 * float64 sums after every block of questions, so an f32 sum never holds more than one block.
 */

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};

// opcodes
const BLOCK = 0x02, LOOP = 0x03, IF = 0x04, END = 0x0b, BR = 0x0c, BR_IF = 0x0d, VOID = 0x40;
const GET = 0x20, SET = 0x21, TEE = 0x22;
const I32_CONST = 0x41, I32_ADD = 0x6a, I32_SUB = 0x6b, I32_MUL = 0x6c, I32_NE = 0x47, I32_LT_U = 0x49, I32_GE_U = 0x4f, I32_SHL = 0x74;
const I32_LOAD16_U = [0x2f, 0x01, 0x00];
const F32_CONVERT_I32_S = 0xb2;
const simd = (op: number) => [0xfd, ...leb(op)];
const V128_LOAD = [...simd(0), 0x04, 0x00];
const V128_STORE = [...simd(11), 0x04, 0x00];
const F32X4_SPLAT = simd(19);
const F32X4_ADD = simd(228);
const F32X4_MUL = simd(230);

// params
const offC = 0, offR = 1, offA = 2, nb = 3, U = 4, V = 5, q0 = 6, q1 = 7;
// locals
const b = 8, q = 9, cptr = 10, abase = 11, a = 12, r = 13, end = 14, c = 15, k = 16;

const get = (i: number) => [GET, i];
const set = (i: number) => [SET, i];
const i32 = (n: number) => [I32_CONST, ...leb(n)];
const shl4 = [...i32(4), I32_SHL];
/** acc[a + off] += rows[r + off] · k */
const fma = (off: number) => [
  ...get(a), ...get(a), V128_LOAD[0], V128_LOAD[1], 0x04, ...leb(off),
  ...get(r), V128_LOAD[0], V128_LOAD[1], 0x04, ...leb(off),
  ...get(k), ...F32X4_MUL, ...F32X4_ADD,
  V128_STORE[0], V128_STORE[1], 0x04, ...leb(off),
];

const body: number[] = [
  // locals: 8 × i32, 1 × v128
  2, 8, 0x7f, 1, 0x7b,
  BLOCK, VOID,
  LOOP, VOID,
  ...get(b), ...get(nb), I32_GE_U, BR_IF, 1,
  ...get(offA), ...get(b), ...get(V), I32_MUL, ...shl4, I32_ADD, ...set(abase),
  ...get(offC), ...get(b), ...get(U), I32_MUL, ...get(q0), I32_ADD, ...i32(1), I32_SHL, I32_ADD, ...set(cptr),
  ...get(q0), ...set(q),
  BLOCK, VOID,
  LOOP, VOID,
  ...get(q), ...get(q1), I32_GE_U, BR_IF, 1,
  ...get(cptr), ...I32_LOAD16_U, TEE, c, ...i32(1), I32_NE,
  IF, VOID,
  ...get(c), ...i32(1), I32_SUB, F32_CONVERT_I32_S, ...F32X4_SPLAT, ...set(k),
  ...get(offR), ...get(q), ...get(V), I32_MUL, ...shl4, I32_ADD, ...set(r),
  ...get(abase), ...set(a),
  ...get(abase), ...get(V), ...shl4, I32_ADD, ...set(end),
  LOOP, VOID,
  ...fma(0), ...fma(16),
  ...get(r), ...i32(32), I32_ADD, ...set(r),
  ...get(a), ...i32(32), I32_ADD, TEE, a, ...get(end), I32_LT_U, BR_IF, 0,
  END,
  END,
  ...get(cptr), ...i32(2), I32_ADD, ...set(cptr),
  ...get(q), ...i32(1), I32_ADD, ...set(q),
  BR, 0,
  END,
  END,
  ...get(b), ...i32(1), I32_ADD, ...set(b),
  BR, 0,
  END,
  END,
  END,
];

/*
 *   pairs(offRanks, offAcc, M, Mc, nq)
 *     for each of nq questions: ranks = u8[Mc·16] (each config's rank among the question's distinct
 *     values); for a in [0, M): acc[a][b] += [r_a > r_b] + [r_a ≥ r_b] for the 16 b of each chunk at
 *     once (u8 lanes; a true comparison is 0xFF, so subtracting it adds 1)
 */
const I32_LOAD8_U = [0x2d, 0x00, 0x00];
const I8X16_SPLAT = simd(15);
const I8X16_GT_U = simd(40);
const I8X16_GE_U = simd(44);
const I8X16_SUB = simd(113);
const P_RANKS = 0, P_ACC = 1, P_M = 2, P_MC = 3, P_NQ = 4;
const L_QI = 5, L_LEV = 6, L_A = 7, L_P = 8, L_L = 9, L_END = 10, L_ROW = 11, L_RA = 12, L_RB = 13;
const pairsBody: number[] = [
  // locals: 7 × i32, 2 × v128
  2, 7, 0x7f, 2, 0x7b,
  ...get(P_MC), ...shl4, ...set(L_ROW),
  BLOCK, VOID,
  LOOP, VOID,
  ...get(L_QI), ...get(P_NQ), I32_GE_U, BR_IF, 1,
  ...get(P_RANKS), ...get(L_QI), ...get(L_ROW), I32_MUL, I32_ADD, ...set(L_LEV),
  ...i32(0), ...set(L_A),
  ...get(L_LEV), ...get(L_ROW), I32_ADD, ...set(L_END),
  BLOCK, VOID,
  LOOP, VOID,
  ...get(L_A), ...get(P_M), I32_GE_U, BR_IF, 1,
  ...get(L_LEV), ...get(L_A), I32_ADD, ...I32_LOAD8_U, ...I8X16_SPLAT, ...set(L_RA),
  ...get(P_ACC), ...get(L_A), ...get(L_ROW), I32_MUL, I32_ADD, ...set(L_P),
  ...get(L_LEV), ...set(L_L),
  LOOP, VOID,
  ...get(L_L), ...V128_LOAD, ...set(L_RB),
  ...get(L_P),
  ...get(L_P), ...V128_LOAD,
  ...get(L_RA), ...get(L_RB), ...I8X16_GT_U, ...I8X16_SUB,
  ...get(L_RA), ...get(L_RB), ...I8X16_GE_U, ...I8X16_SUB,
  ...V128_STORE,
  ...get(L_P), ...i32(16), I32_ADD, ...set(L_P),
  ...get(L_L), ...i32(16), I32_ADD, TEE, L_L, ...get(L_END), I32_LT_U, BR_IF, 0,
  END,
  ...get(L_A), ...i32(1), I32_ADD, ...set(L_A),
  BR, 0,
  END,
  END,
  ...get(L_QI), ...i32(1), I32_ADD, ...set(L_QI),
  BR, 0,
  END,
  END,
  END,
];

/*
 *   draw(offCounts, U, nb, offSeeds)
 *     for b in [0, nb): sfc32 from the state at seeds[b] (4 × i32, seeded and warmed up by the
 *     caller); U draws, counts[b·U + ⌊t·U / 2³²⌋] += 1 (u16) — the same integers as the JS generator
 *     (t/2³²·U is exact in float64 for U < 2²¹, so its floor equals the 64-bit product shifted).
 */
const I32_LOAD = [0x28, 0x02, 0x00];
const I32_STORE16 = [0x3b, 0x01, 0x00];
const I32_XOR = 0x73, I32_SHR_U = 0x76, I32_ROTL = 0x77;
const I64_EXTEND_I32_U = 0xad, I64_MUL = 0x7e, I64_SHR_U = 0x88, I64_CONST = 0x42, I32_WRAP_I64 = 0xa7;
const D_CNT = 0, D_U = 1, D_NB = 2, D_SEEDS = 3;
const D_B = 4, D_SA = 5, D_SB = 6, D_SC = 7, D_SD = 8, D_T = 9, D_I = 10, D_CPTR = 11, D_P = 12;
const loadAt = (off: number) => [0x28, 0x02, ...leb(off)];
const drawBody: number[] = [
  1, 9, 0x7f,
  BLOCK, VOID,
  LOOP, VOID,
  ...get(D_B), ...get(D_NB), I32_GE_U, BR_IF, 1,
  ...get(D_SEEDS), ...get(D_B), ...shl4, I32_ADD, ...set(D_P),
  ...get(D_P), ...loadAt(0), ...set(D_SA),
  ...get(D_P), ...loadAt(4), ...set(D_SB),
  ...get(D_P), ...loadAt(8), ...set(D_SC),
  ...get(D_P), ...loadAt(12), ...set(D_SD),
  ...get(D_CNT), ...get(D_B), ...get(D_U), I32_MUL, ...i32(1), I32_SHL, I32_ADD, ...set(D_CPTR),
  ...i32(0), ...set(D_I),
  BLOCK, VOID,
  LOOP, VOID,
  ...get(D_I), ...get(D_U), I32_GE_U, BR_IF, 1,
  // t = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl(c, 21) + t
  ...get(D_SA), ...get(D_SB), I32_ADD, ...get(D_SD), I32_ADD, ...set(D_T),
  ...get(D_SD), ...i32(1), I32_ADD, ...set(D_SD),
  ...get(D_SB), ...get(D_SB), ...i32(9), I32_SHR_U, I32_XOR, ...set(D_SA),
  ...get(D_SC), ...get(D_SC), ...i32(3), I32_SHL, I32_ADD, ...set(D_SB),
  ...get(D_SC), ...i32(21), I32_ROTL, ...get(D_T), I32_ADD, ...set(D_SC),
  // p = cptr + 2·((t·U) >> 32); counts[p] += 1
  ...get(D_CPTR),
  ...get(D_T), I64_EXTEND_I32_U, ...get(D_U), I64_EXTEND_I32_U, I64_MUL, I64_CONST, 32, I64_SHR_U, I32_WRAP_I64,
  ...i32(1), I32_SHL, I32_ADD, TEE, D_P,
  ...get(D_P), ...I32_LOAD16_U, ...i32(1), I32_ADD, ...I32_STORE16,
  ...get(D_I), ...i32(1), I32_ADD, ...set(D_I),
  BR, 0,
  END,
  END,
  ...get(D_B), ...i32(1), I32_ADD, ...set(D_B),
  BR, 0,
  END,
  END,
  END,
];
void I32_LOAD;

/*
 *   flush(offAcc32, offAcc64, n)
 *     acc64[i] += acc32[i]; acc32[i] = 0   for i in [0, n)   (n a multiple of 4: the padded rows)
 */
const F32_LOAD = [0x2a, 0x02, 0x00];
const F64_LOAD = [0x2b, 0x03, 0x00];
const F64_STORE = [0x39, 0x03, 0x00];
const F32_STORE = [0x38, 0x02, 0x00];
const F64_PROMOTE_F32 = 0xbb, F64_ADD = 0xa0, F32_CONST = 0x43;
const F_A32 = 0, F_A64 = 1, F_N = 2, F_I = 3, F_P32 = 4, F_P64 = 5;
const flushBody: number[] = [
  1, 3, 0x7f,
  ...get(F_A32), ...set(F_P32),
  ...get(F_A64), ...set(F_P64),
  BLOCK, VOID,
  LOOP, VOID,
  ...get(F_I), ...get(F_N), I32_GE_U, BR_IF, 1,
  ...get(F_P64), ...get(F_P64), ...F64_LOAD, ...get(F_P32), ...F32_LOAD, F64_PROMOTE_F32, F64_ADD, ...F64_STORE,
  ...get(F_P32), F32_CONST, 0, 0, 0, 0, ...F32_STORE,
  ...get(F_P32), ...i32(4), I32_ADD, ...set(F_P32),
  ...get(F_P64), ...i32(8), I32_ADD, ...set(F_P64),
  ...get(F_I), ...i32(1), I32_ADD, ...set(F_I),
  BR, 0,
  END,
  END,
  END,
];

const section = (id: number, content: number[]) => [id, ...leb(content.length), ...content];
const name = (s: string) => [...leb(s.length), ...[...s].map((ch) => ch.charCodeAt(0))];

/** The module's bytes (valid wherever WebAssembly SIMD is: Node ≥ 16.4). */
export const KERNEL_WASM: Uint8Array = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [4, 0x60, 8, ...Array(8).fill(0x7f), 0, 0x60, 5, ...Array(5).fill(0x7f), 0, 0x60, 4, ...Array(4).fill(0x7f), 0, 0x60, 3, ...Array(3).fill(0x7f), 0]),
  ...section(2, [1, ...name("e"), ...name("m"), 0x02, 0x00, 0x01]),
  ...section(3, [4, 0, 1, 2, 3]),
  ...section(7, [4, ...name("accum"), 0x00, 0, ...name("pairs"), 0x00, 1, ...name("draw"), 0x00, 2, ...name("flush"), 0x00, 3]),
  ...section(10, [
    4,
    ...leb(body.length), ...body,
    ...leb(pairsBody.length), ...pairsBody,
    ...leb(drawBody.length), ...drawBody,
    ...leb(flushBody.length), ...flushBody,
  ]),
]);
