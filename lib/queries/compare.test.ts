/** getComparison and getItemDiff on both databases: three configurations on four benchmarks, checked by hand. */
import { describe, expect, it } from "vitest";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { testDatabases } from "../db/test-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun, type FixtureRow } from "../ingest/test-fixtures";
import { holm, mcnemarExact } from "../scoring/paired";
import { alignSettings, flattenArgs } from "./compare-alignment";
import { decodeItemCursor, encodeItemCursor, getItemDiff } from "./compare-items";
import { comparePairKey, compareViewKey, getComparison, orientTest } from "./compare";
import type { ItemDiffView, StoredPairTest } from "./compare-types";

// L = gpt-oss-20b-low, H = gpt-oss-20b-high (one provider id, told apart by reasoning effort),
// G = gemma-3-27b-it. Every run has one rollout per question except metamedqa (two).
const MODEL = { L: "openai/gpt-oss-20b", H: "openai/gpt-oss-20b", G: "google/gemma-3-27b-it" };
const ALIAS = { L: "gpt-oss-20b-low", H: "gpt-oss-20b-high", G: "gemma-3-27b-it" };
const SAMPLING = {
  L: { temperature: 1, top_p: 1, max_tokens: 4096, reasoning_effort: "low" },
  H: { temperature: 1, top_p: 1, max_tokens: 8192, reasoning_effort: "high" },
  G: { temperature: 0.6, top_p: 1, max_tokens: 4096 },
};
const TOKENS = { L: 100, H: 300, G: 50 };
type K = keyof typeof ALIAS;
const KS: K[] = ["L", "H", "G"];

// medqa, 12 questions (0/1):
//   L right on all but q8, q9; H right on q0, q9, q11; G right on q0..q4, q10, q11.
// pubmedqa, 6 questions (0/1): H has no row for q5 (an unshared question).
// medhallu::easy, 4 questions, graded (0.01 = "unsure").
// metamedqa, 2 questions × 2 rollouts (0/1 rewards, question means 1, 0.5, 0).
const MEDQA: Record<K, number[]> = {
  L: [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1],
  H: [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1],
  G: [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1],
};
const PUBMEDQA: Record<K, number[]> = { L: [1, 1, 1, 1, 1, 1], H: [0, 0, 0, 0, 0], G: [1, 0, 1, 0, 1, 0] };
const MEDHALLU: Record<K, number[]> = { L: [1, 0.01, 0, 1], H: [1, 1, 0, 0], G: [0.01, 0.01, 0.01, 0.01] };
const METAMEDQA: Record<K, [number, number][]> = {
  L: [
    [1, 1],
    [1, 0],
  ],
  H: [
    [1, 0],
    [0, 0],
  ],
  G: [
    [0, 0],
    [1, 1],
  ],
};
const CAREQA = { L: [1, 1, 1], H: [0, 0, 0] };
const CAREQA_OPEN = { L: [1, 0.5, 0], H: [0.5, 0.5, 0.5] };

// By hand, H − L (reference L):
//   medqa     scores L 10/12, H 3/12 → paired diff −7/12 (all 12 shared). Discordant: only L right q1..q7, q10 (8),
//             only H right q9 (1) → McNemar p = 2·P(X ≤ 1 | Bin(9, ½)) = 2·(1 + 9)/512 = 0.0390625.
//   pubmedqa  5 shared (L alone has q5): diff = 0 − 1 = −1; discordant 5 : 0 → p = 2/32 = 0.0625.
//   medhallu  diffs 0, 0.99, 0, −1 → mean −0.0025, paired bootstrap (not 0/1), p far above 0.125.
//   metamedqa question means L 1, 0.5 / H 0.5, 0 → diffs −0.5, −0.5: every resample has mean −0.5,
//             so the bootstrap p = 2·(0 + 1)/2001 (method: bootstrap, the means are not all 0/1).
//   Holm over the 4 benchmarks: metamedqa 4·2/2001, medqa 3·0.0390625 = 0.1171875, pubmedqa 2·0.0625 = 0.125,
//             medhallu max(0.125, p).
// G − L: medqa 7/12 − 10/12 = −0.25, discordant 0 : 3 → p = 0.25; pubmedqa −0.5, discordant 0 : 3 → p = 0.25.
const P_BOOT_CONSTANT = 2 / 2001;

function rows(values: number[], k: K): FixtureRow[] {
  return values.map((reward, id) => ({ id, reward, outputTokens: TOKENS[k], text: `<answer>${reward >= 1 ? "A" : "B"}</answer> answer of ${k} to ${id}` }));
}

describe.each(testDatabases())("compare on $name", (database) => {
  const db = useCatalogDb(database, async (h) => {
    const roots: string[] = [];
    for (const k of KS) {
      const root = tmpDir(); // L and H share one provider id and thus one Gen A folder: one root each
      roots.push(root);
      const base = { model: MODEL[k], samplingArgs: SAMPLING[k] };
      writeGenARun(root, { ...base, envId: "medqa", rows: rows(MEDQA[k], k) });
      // G's pubmedqa run used another temperature: its own runs disagree.
      writeGenARun(root, { ...base, envId: "pubmedqa", samplingArgs: k === "G" ? { ...SAMPLING.G, temperature: 0.7 } : SAMPLING[k], rows: rows(PUBMEDQA[k], k) });
      writeGenARun(root, { ...base, envId: "medhallu", variant: "easy", envArgs: { difficulty: "easy" }, rows: rows(MEDHALLU[k], k) });
      writeGenARun(root, {
        ...base,
        envId: "metamedqa",
        rolloutsPerExample: 2,
        rows: METAMEDQA[k].flatMap(([x, y], id) => [...rows([x], k).map((r) => ({ ...r, id })), ...rows([y], k).map((r) => ({ ...r, id }))]),
      });
    }
    // CareQA (V) and CareQA Open (OE) share the env id, the `base` folder and the folded key `careqa::base`.
    // L and H only: the V dataset is dropped from the board (G lacks it), so the V numbers above stay as they are.
    for (const k of ["L", "H"] as const) {
      const v = tmpDir();
      const oe = tmpDir();
      roots.push(v, oe);
      writeGenARun(v, { model: MODEL[k], samplingArgs: SAMPLING[k], envId: "careqa", envArgs: { split: "en" }, rows: rows(CAREQA[k], k) });
      writeGenARun(oe, { model: MODEL[k], samplingArgs: SAMPLING[k], envId: "careqa", envArgs: { split: "open" }, rows: rows(CAREQA_OPEN[k], k) });
    }
    const report = await ingestPaths(h.raw, roots, { provenance: "official" });
    expect(report.runs.filter((r) => r.outcome === "rejected")).toEqual([]);
    expect(report.runs.length).toBe(16);
  });

  const compare = (configs: string[], ref?: string) => getComparison({ configs, ref, board: "V" }, db().raw);
  const cell = (view: Awaited<ReturnType<typeof compare>>, bench: string, config: string) =>
    view.comparison!.benchmarks.find((b) => b.slug === bench)!.cells.find((c) => c.config === config)!;

  it("lists the configurations in the order asked, with facts and board ranks", async () => {
    const view = await compare([ALIAS.L, ALIAS.H, ALIAS.G]);
    expect(view.synthetic).toBe(false);
    expect(view.configs.map((c) => [c.config, c.reasoningEffort, c.onBoard])).toEqual([
      [ALIAS.L, "low", true],
      [ALIAS.H, "high", true],
      [ALIAS.G, null, true],
    ]);
    expect(view.configs[2].displayName).toBe("Gemma 3 27B IT");
    expect(view.ref).toBe(ALIAS.L);
    expect(view.unknown).toEqual([]);
    expect(view.comparison!.benchmarks.map((b) => b.slug).sort()).toEqual(["medhallu", "medqa", "metamedqa", "pubmedqa"]);
  });

  it("computes scores, paired deltas against the reference, McNemar p-values and Holm adjustment by hand", async () => {
    const view = await compare([ALIAS.L, ALIAS.H, ALIAS.G]);
    const ref = cell(view, "medqa", ALIAS.L);
    expect(ref.vsRef).toBeNull();
    expect(ref.score!.score).toBeCloseTo(10 / 12, 14);
    expect(ref.score!.nAnswered).toBe(12);

    const mq = cell(view, "medqa", ALIAS.H);
    expect(mq.score!.score).toBeCloseTo(3 / 12, 14);
    expect(mq.vsRef!.method).toBe("mcnemar-exact");
    expect(mq.vsRef!.diff).toBeCloseTo(-7 / 12, 14);
    expect(mq.vsRef!.nShared).toBe(12);
    expect(mq.vsRef!.discordant).toEqual({ config: 1, ref: 8 });
    expect(mq.vsRef!.p).toBe(0.0390625);
    expect(mq.vsRef!.p).toBe(mcnemarExact(8, 1).p);
    expect(mq.vsRef!.ci!.hi).toBeLessThan(0);

    const pm = cell(view, "pubmedqa", ALIAS.H);
    expect(pm.score!.score).toBe(0);
    expect(pm.vsRef!.nShared).toBe(5);
    expect(pm.vsRef!.onlyConfig).toBe(0);
    expect(pm.vsRef!.onlyRef).toBe(1); // q5: L answered it, H has no row
    expect(pm.vsRef!.diff).toBe(-1);
    expect(pm.vsRef!.p).toBe(0.0625);

    const mh = cell(view, "medhallu", ALIAS.H);
    expect(mh.vsRef!.method).toBe("paired-bootstrap");
    expect(mh.vsRef!.diff).toBeCloseTo(-0.0025, 14);
    expect(mh.vsRef!.discordant).toBeNull();
    expect(mh.vsRef!.p!).toBeGreaterThan(0.125);

    const mm = cell(view, "metamedqa", ALIAS.H);
    expect(mm.score!.score).toBeCloseTo(0.25, 14);
    expect(cell(view, "metamedqa", ALIAS.L).score!.score).toBeCloseTo(0.75, 14);
    expect(mm.vsRef!.method).toBe("paired-bootstrap");
    expect(mm.vsRef!.diff).toBe(-0.5);
    expect(mm.vsRef!.ci).toEqual({ lo: -0.5, hi: -0.5 });
    expect(mm.vsRef!.p).toBe(P_BOOT_CONSTANT);

    // Holm over the pair's four benchmarks.
    expect(mm.vsRef!.pHolm).toBe(4 * P_BOOT_CONSTANT);
    expect(mq.vsRef!.pHolm).toBe(0.1171875);
    expect(pm.vsRef!.pHolm).toBe(0.125);
    expect(mh.vsRef!.pHolm).toBe(mh.vsRef!.p);

    // G − L: two McNemar tests at 0.25 and two bootstraps; Holm checked against holm() on the raw p-values.
    const g = ["medqa", "pubmedqa", "medhallu", "metamedqa"].map((b) => cell(view, b, ALIAS.G).vsRef!);
    expect(g[0].diff).toBeCloseTo(-0.25, 14);
    expect(g[0].p).toBe(0.25);
    expect(g[1].diff).toBe(-0.5);
    expect(g[1].p).toBe(0.25);
    expect(g.map((t) => t.pHolm)).toEqual(holm(g.map((t) => t.p)));

    expect(view.comparison!.methods).toEqual(["mcnemar-exact", "paired-bootstrap"]);
    expect(view.comparison!.benchmarks.find((b) => b.slug === "medqa")!.methods).toEqual(["mcnemar-exact"]);
  });

  it("turns the reference around: the same tests seen from the other side", async () => {
    const fromL = await compare([ALIAS.L, ALIAS.H, ALIAS.G]);
    const fromH = await compare([ALIAS.L, ALIAS.H, ALIAS.G], ALIAS.H);
    expect(fromH.ref).toBe(ALIAS.H);
    for (const b of ["medqa", "pubmedqa", "medhallu", "metamedqa"]) {
      const x = cell(fromL, b, ALIAS.H).vsRef!;
      const y = cell(fromH, b, ALIAS.L).vsRef!;
      expect(y.diff).toBe(x.diff === null ? null : 0 - x.diff);
      expect(y.ci).toEqual(x.ci ? { lo: 0 - x.ci.hi, hi: 0 - x.ci.lo } : null);
      expect([y.p, y.pHolm, y.nShared, y.onlyConfig, y.onlyRef]).toEqual([x.p, x.pHolm, x.nShared, x.onlyRef, x.onlyConfig]);
    }
    expect(cell(fromH, "medqa", ALIAS.L).vsRef!.discordant).toEqual({ config: 8, ref: 1 });
    // G vs H: discordant only G right q1..q4, q10 (5), only H right q9 (1) → p = 2·(1 + 6)/64.
    expect(cell(fromH, "medqa", ALIAS.G).vsRef!.p).toBe(14 / 64);
  });

  it("reads the head-to-head win rates among them, complementary across the diagonal", async () => {
    const view = await compare([ALIAS.L, ALIAS.H, ALIAS.G]);
    const h = view.comparison!.headToHead;
    // wr(L vs H): medqa q0 tie, q1..q7 win, q8 tie, q9 loss, q10 win, q11 tie → (8 + 1.5)/12;
    // pubmedqa q0..q4 win, q5 win against a missing value → 6/6; medhallu q0 tie, q1 loss, q2 tie, q3 win → 2/4;
    // metamedqa q0 win (1 v 0.5), q1 win (0.5 v 0) → 1.
    const w = [Math.log(4), Math.log(12), Math.log(2), Math.log(6)]; // datasets sorted by key: medhallu, medqa, metamedqa, pubmedqa
    const x = [0.5, 9.5 / 12, 1, 1];
    const weighted = w.reduce((s, wi, i) => s + wi * x[i], 0) / w.reduce((s, wi) => s + wi, 0);
    expect(h.weighted[0 * 3 + 1]).toBeCloseTo(weighted, 14);
    expect(h.weighted[1 * 3 + 0]).toBeCloseTo(1 - weighted, 14);
    expect(h.simple[0 * 3 + 1]).toBeCloseTo(x.reduce((s, v) => s + v, 0) / 4, 14);
    expect(h.nDatasets[0 * 3 + 1]).toBe(4);
    for (let i = 0; i < 3; i++) expect(h.weighted[i * 3 + i]).toBeNull();
  });

  it("reports tokens and latency of the runs the board shows", async () => {
    const view = await compare([ALIAS.L, ALIAS.H, ALIAS.G]);
    const u = Object.fromEntries(view.comparison!.usage.map((x) => [x.config, x]));
    expect(u[ALIAS.L].stats.meanOutputPerRollout).toBe(100);
    expect(u[ALIAS.H].stats.meanOutputPerRollout).toBe(300);
    expect(u[ALIAS.G].outputTokensPerQuestion).toBeCloseTo(50, 10);
    expect(u[ALIAS.L].stats.rollouts).toBe(12 + 6 + 4 + 4);
    expect(u[ALIAS.H].stats.rollouts).toBe(12 + 5 + 4 + 4);
    expect(u[ALIAS.L].stats.medianLatencyMs).toBeCloseTo(1510, 6);
    expect(u[ALIAS.L].stats.scope).toBe("V");
  });

  it("flags the settings that differ: reasoning effort, temperature, max_tokens, and runs that disagree", async () => {
    const view = await compare([ALIAS.L, ALIAS.H, ALIAS.G]);
    const rowsByKey = Object.fromEntries(view.comparison!.alignment.map((r) => [r.key, r]));
    const values = (key: string) => rowsByKey[key].values.map((v) => v.values);
    expect(view.comparison!.alignment[0].label).toBe("Reasoning effort");
    expect(view.comparison!.alignment[0].differs).toBe(true);
    expect(view.comparison!.alignment[0].values.map((v) => v.values)).toEqual([["low"], ["high"], [null]]);
    expect(values("temperature")).toEqual([["1"], ["1"], ["0.6", "0.7"]]);
    expect(rowsByKey.temperature.differs).toBe(true);
    expect(rowsByKey.temperature.values[2].varies).toBe(true);
    expect(values("max_tokens")).toEqual([["4096"], ["8192"], ["4096"]]);
    expect(rowsByKey.max_tokens.differs).toBe(true);
    expect(values("top_p")).toEqual([["1"], ["1"], ["1"]]);
    expect(rowsByKey.top_p.differs).toBe(false);
    expect(values("reasoning_effort")).toEqual([["low"], ["high"], [null]]);
    expect(view.comparison!.alignment.map((r) => r.key).slice(0, 4)).toEqual(["reasoning effort", "temperature", "max_tokens", "top_p"]);
    const s = view.comparison!.sampling.find((x) => x.config === ALIAS.G)!;
    expect(s.source).toBe("runs");
    expect(s.observed.length).toBe(2);
  });

  it("lists unknown slugs, drops configurations beyond six, and falls back from an unknown reference", async () => {
    const unknown = await compare([ALIAS.L, "no-such-config", ALIAS.H], "nope");
    expect(unknown.unknown).toEqual(["no-such-config"]);
    expect(unknown.configs.map((c) => c.config)).toEqual([ALIAS.L, ALIAS.H]);
    expect(unknown.ref).toBe(ALIAS.L);
    expect(unknown.refIgnored).toBe("nope");
    expect(unknown.comparison).not.toBeNull();

    const few = await compare([ALIAS.L, "no-such-config", ALIAS.L]);
    expect(few.configs.map((c) => c.config)).toEqual([ALIAS.L]);
    expect(few.comparison).toBeNull();
    expect((await compare([])).comparison).toBeNull();

    // Catalog configurations without runs are known (shown, with no scores).
    const seven = [ALIAS.L, ALIAS.H, ALIAS.G, "gpt-oss-20b", "gemma-3-4b-it", "medgemma-27b-text", "gpt-oss-120b"];
    const many = await compare(seven);
    expect(many.configs.map((c) => c.config)).toEqual(seven.slice(0, 6));
    expect(many.dropped).toEqual(["gpt-oss-120b"]);
    const idle = many.configs.find((c) => c.config === "gemma-3-4b-it")!;
    expect(idle.onBoard).toBe(false);
    expect(cell(many, "medqa", "gemma-3-4b-it")).toEqual({ config: "gemma-3-4b-it", score: null, vsRef: null });
    expect(many.comparison!.usage.find((u) => u.config === "gemma-3-4b-it")!.stats.rollouts).toBe(0);
    expect(many.comparison!.sampling.find((u) => u.config === "gemma-3-4b-it")!.source).toBe("config");
  });

  it("stores one view per snapshot, board and sorted set, whatever the order and reference", async () => {
    const raw = db().raw;
    const first = await compare([ALIAS.G, ALIAS.H, ALIAS.L]);
    await compare([ALIAS.L, ALIAS.G, ALIAS.H], ALIAS.G);
    const key = compareViewKey("V", [ALIAS.H, ALIAS.L, ALIAS.G]);
    expect(key).toBe(`v1|V|${[ALIAS.G, ALIAS.H, ALIAS.L].join(",")}`);
    const stored = await raw.query<{ n: number }>(`select count(*)::int as n from snapshot_views where snapshot_id = $1 and view = 'compare' and params_key = $2`, [
      first.snapshot.id,
      key,
    ]);
    expect(Number(stored[0].n)).toBe(1);
    // Paired tests: one stored view per pair shown against a reference (ref L, then ref G).
    const pairs = await raw.query<{ params_key: string }>(`select params_key from snapshot_views where snapshot_id = $1 and view = 'compare-pair' order by params_key`, [
      first.snapshot.id,
    ]);
    for (const [x, y] of [[ALIAS.G, ALIAS.H], [ALIAS.G, ALIAS.L], [ALIAS.H, ALIAS.L]]) expect(pairs.map((r) => r.params_key)).toContain(comparePairKey("V", y, x));
    expect(comparePairKey("V", ALIAS.L, ALIAS.G)).toBe(`v1|V|${ALIAS.G}|${ALIAS.L}`);
    const oe = await getComparison({ configs: [ALIAS.L, ALIAS.H, ALIAS.G], board: "OE" }, raw);
    expect(oe.comparison!.benchmarks.map((b) => b.slug)).toEqual(["careqa_open"]);
    expect(oe.configs.map((c) => c.onBoard)).toEqual([true, true, false]);
    const open = cell(oe, "careqa_open", ALIAS.H).vsRef!;
    expect([open.method, open.nShared, open.diff]).toEqual(["paired-bootstrap", 3, 0]); // (−0.5 + 0 + 0.5)/3
    expect(cell(oe, "careqa_open", ALIAS.G)).toEqual({ config: ALIAS.G, score: null, vsRef: null });
  });

  describe("item diff", () => {
    const diff = (over: Partial<Parameters<typeof getItemDiff>[0]> = {}) =>
      getItemDiff({ board: "V", a: ALIAS.L, b: ALIAS.H, dir: "a-only", ...over }, db().raw);
    const ids = (v: ItemDiffView) => v.rows.map((r) => `${r.datasetKey}/${r.exampleId}`);

    it("stores each page once per snapshot and reads it back unchanged", async () => {
      const first = await diff({ dir: "b-only" });
      const [{ n }] = await db().raw.query<{ n: number }>(`select count(*)::int as n from snapshot_views where view = 'compare-items-page'`);
      expect(Number(n)).toBeGreaterThan(0);
      expect(await diff({ dir: "b-only" })).toEqual(first);
      expect(first.a).toBe(ALIAS.L);
      expect(first.dir).toBe("b-only");
    });

    it("lists the questions A gets right and B does not, in both directions (exact ids)", async () => {
      const a = await diff();
      // medhallu (graded): L > H on q3 only. medqa: only L right q1..q7, q10. metamedqa (0/1 rewards, two rollouts):
      // L right in every rollout on q0 (H 0.5); on q1 L is 0.5 → not "right". pubmedqa: q0..q4 (q5 is unshared).
      expect(ids(a)).toEqual([
        "medhallu::easy/3",
        ...[1, 2, 3, 4, 5, 6, 7, 10].map((i) => `medqa::base/${i}`),
        "metamedqa::base/0",
        ...[0, 1, 2, 3, 4].map((i) => `pubmedqa::base/${i}`),
      ]);
      expect(a.next).toBeNull();
      const b = await diff({ dir: "b-only" });
      expect(ids(b)).toEqual(["medhallu::easy/1", "medqa::base/9"]);
      const flipped = await diff({ a: ALIAS.H, b: ALIAS.L, dir: "b-only" });
      expect(ids(flipped)).toEqual(ids(a));
    });

    it("counts per dataset, flags graded benchmarks and matches McNemar's discordant counts", async () => {
      const v = await diff();
      const by = Object.fromEntries(v.datasets.map((d) => [d.key, d]));
      expect(by["medqa::base"]).toMatchObject({ benchmark: "medqa", graded: false, shared: 12, aOnly: 8, bOnly: 1 });
      expect(by["pubmedqa::base"]).toMatchObject({ shared: 5, aOnly: 5, bOnly: 0 });
      expect(by["medhallu::easy"]).toMatchObject({ graded: true, shared: 4, aOnly: 1, bOnly: 1 });
      expect(by["metamedqa::base"]).toMatchObject({ graded: false, shared: 2, aOnly: 1, bOnly: 0 });
      expect(v.totals).toEqual({ shared: 23, aOnly: 15, bOnly: 2 });
      const stored = await db().raw.query<{ n: number }>(`select count(*)::int as n from snapshot_views where view = 'compare-items' and params_key = $1`, [
        `v1|V|${ALIAS.H}|${ALIAS.L}`,
      ]);
      expect(Number(stored[0].n)).toBe(1); // one stored set of counts serves both orders of the pair
      const view = await compare([ALIAS.L, ALIAS.H]);
      expect(cell(view, "medqa", ALIAS.H).vsRef!.discordant).toEqual({ config: by["medqa::base"].bOnly, ref: by["medqa::base"].aOnly });
    });

    it("filters by benchmark and by subtask (folded dataset key)", async () => {
      const mq = await diff({ benchmark: "medqa" });
      expect(ids(mq)).toEqual([1, 2, 3, 4, 5, 6, 7, 10].map((i) => `medqa::base/${i}`));
      expect(mq.totals).toEqual({ shared: 12, aOnly: 8, bOnly: 1 });
      expect(mq.datasets.length).toBe(4); // the filter options stay complete
      const pm = await diff({ subtask: "pubmedqa::base" });
      expect(ids(pm)).toEqual([0, 1, 2, 3, 4].map((i) => `pubmedqa::base/${i}`));
      expect(ids(await diff({ benchmark: "medhallu", subtask: "medhallu::easy", dir: "b-only" }))).toEqual(["medhallu::easy/1"]);
      expect(ids(await diff({ benchmark: "medqa", subtask: "pubmedqa::base" }))).toEqual([]);
    });

    it("pages with a keyset cursor, numeric ids in numeric order", async () => {
      const p1 = await diff({ size: 5 });
      expect(ids(p1)).toEqual(["medhallu::easy/3", "medqa::base/1", "medqa::base/2", "medqa::base/3", "medqa::base/4"]);
      expect(p1.paged).toBe(false);
      const p2 = await diff({ size: 5, after: p1.next });
      expect(ids(p2)).toEqual(["medqa::base/5", "medqa::base/6", "medqa::base/7", "medqa::base/10", "metamedqa::base/0"]);
      expect(p2.paged).toBe(true);
      const p3 = await diff({ size: 5, after: p2.next });
      expect(ids(p3)).toEqual([0, 1, 2, 3, 4].map((i) => `pubmedqa::base/${i}`));
      expect(p3.next).toBeNull();
      expect(ids(await diff({ size: 5, after: "garbage!" }))).toEqual(ids(p1));
      expect(decodeItemCursor(encodeItemCursor("medqa::base", "7"))).toEqual({ datasetKey: "medqa::base", exampleId: "7" });
      expect(decodeItemCursor(Buffer.from(JSON.stringify([1, 2])).toString("base64url"))).toBeNull();
    });

    it("carries both answers and the gold answer for the side-by-side detail", async () => {
      const v = await diff({ benchmark: "medqa", size: 1 });
      const [r] = v.rows;
      expect(r).toMatchObject({ benchmark: "medqa", benchmarkName: "MedQA", exampleId: "1", meanA: 1, meanB: 0, nA: 1, nB: 1, graded: false, gold: "A" });
      expect(r.answerA).toMatchObject({ rolloutIndex: 0, orderLabel: "original order", reward: 1 });
      expect(r.answerA!.excerpt).toBe(`<answer>A</answer> answer of L to 1`);
      expect(r.answerB!.excerpt).toBe(`<answer>B</answer> answer of H to 1`);
      expect(r.answerA!.runId).not.toBe(r.answerB!.runId);
      const mm = await diff({ benchmark: "metamedqa" });
      expect(mm.rows[0]).toMatchObject({ meanA: 1, meanB: 0.5, nA: 2, nB: 2 });
    });

    it("keeps each board to its own benchmarks when they share a dataset key (CareQA / CareQA Open)", async () => {
      const v = await diff({ board: "OE" });
      expect(v.datasets.map((d) => [d.key, d.benchmark, d.graded, d.shared, d.aOnly, d.bOnly])).toEqual([["careqa::base", "careqa_open", true, 3, 1, 1]]);
      expect(ids(v)).toEqual(["careqa::base/0"]);
      expect(v.rows[0]).toMatchObject({ benchmark: "careqa_open", meanA: 1, meanB: 0.5 });
      expect(v.rows[0].answerA!.excerpt).toContain("answer of L to 0");
      expect(ids(await diff({ board: "OE", dir: "b-only" }))).toEqual(["careqa::base/2"]);
      expect((await diff()).datasets.some((d) => d.benchmark.startsWith("careqa"))).toBe(false); // dropped from V (G lacks it)
    });

    it("returns nothing for a configuration against itself", async () => {
      const v = await diff({ b: ALIAS.L });
      expect(v.rows).toEqual([]);
      expect(v.datasets).toEqual([]);
    });
  });
});

describe("orientTest", () => {
  const t: StoredPairTest = {
    method: "mcnemar-exact", nShared: 10, onlyA: 1, onlyB: 2, meanA: 0.7, meanB: 0.4, diff: 0.3, ci: { lo: 0.1, hi: 0.5 }, p: 0.02, pHolm: 0.04,
    discordant: { b: 4, c: 1 },
  };
  it("keeps a − b for a and turns it around for b", () => {
    expect(orientTest(t, { a: "x", b: "y" }, "x")).toMatchObject({ diff: 0.3, onlyConfig: 1, onlyRef: 2, discordant: { config: 4, ref: 1 } });
    expect(orientTest(t, { a: "x", b: "y" }, "y")).toEqual({
      method: "mcnemar-exact", nShared: 10, onlyConfig: 2, onlyRef: 1, meanConfig: 0.4, meanRef: 0.7, diff: -0.3, ci: { lo: -0.5, hi: -0.1 },
      p: 0.02, pHolm: 0.04, discordant: { config: 1, ref: 4 },
    });
  });
});

describe("alignSettings", () => {
  it("flattens nested arguments to dotted paths, strings as they are", () => {
    expect([...flattenArgs({ temperature: 0.6, extra_body: { reasoning_effort: "high", chat: { a: [1, 2] } }, stop: ["x"], empty: {} })]).toEqual([
      ["temperature", "0.6"],
      ["extra_body.reasoning_effort", "high"],
      ["extra_body.chat.a", "[1,2]"],
      ["stop", '["x"]'],
    ]);
    expect([...flattenArgs(null)]).toEqual([]);
  });

  it("differs when a value, a missing key or a configuration's own runs disagree", () => {
    const rows = alignSettings([
      { config: "a", reasoningEffort: "low", argSets: [{ temperature: 1, top_p: 1, zeta: 1 }] },
      { config: "b", reasoningEffort: "low", argSets: [{ temperature: 1, top_p: 1 }, { temperature: 1, top_p: 0.9, zeta: 1 }] },
    ]);
    expect(rows.map((r) => [r.key, r.differs])).toEqual([
      ["reasoning effort", false],
      ["temperature", false],
      ["top_p", true],
      ["zeta", true],
    ]);
    expect(rows[2].values[1]).toEqual({ config: "b", values: ["1", "0.9"], varies: true });
    expect(rows[3].values[1].values).toEqual(["1", null]);
    expect(alignSettings([{ config: "a", reasoningEffort: null, argSets: [] }]).map((r) => r.key)).toEqual(["reasoning effort"]);
  });
});
