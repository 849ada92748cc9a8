/** getConfigView / listConfigs on both databases, against figures computed by hand. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { suiteVariants } from "../catalog";
import { testDatabases } from "../db/test-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun, type FixtureRun } from "../ingest/test-fixtures";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { getConfigView, listConfigs } from "./config";
import { getStoredTokenStats, getTokenStats } from "./config-tokens";

// V board, three configurations (aliases resolve from the catalog by provider id):
// a = gemma-3-4b-it, b = medgemma-4b-it (a medical fine-tune of a), c = gemma-3-27b-it.
const MODELS = { a: "google/gemma-3-4b-it", b: "google/medgemma-4b-it", c: "google/gemma-3-27b-it" };
const ALIAS = { a: "gemma-3-4b-it", b: "medgemma-4b-it", c: "gemma-3-27b-it" };
const MEDQA = { a: [0, 0, 0, 1], b: [1, 1, 0, 1], c: [1, 0, 1, 0] }; // means .25 .75 .5 → median .5
const PUBMEDQA = { a: [1, 1, 0], b: [0, 1, 0], c: [0, 0, 1] }; // means 2/3 1/3 1/3 → median 1/3
// Per-dataset win rates by hand (mean of pairwise wr over the two opponents; ties count half):
// medqa: wr(a,b)=.25 wr(a,c)=.375 wr(b,c)=.625 → a .3125, b .6875, c .5
// pubmedqa: wr(a,b)=2/3 wr(a,c)=2/3 wr(b,c)=.5 → a 2/3, b 5/12, c 5/12
const L4 = Math.log(4);
const L3 = Math.log(3);
const weighted = (medqa: number, pubmedqa: number) => (medqa * L4 + pubmedqa * L3) / (L4 + L3);
const WR = { a: weighted(0.3125, 2 / 3), b: weighted(0.6875, 5 / 12), c: weighted(0.5, 5 / 12) }; // b .568 > a .469 > c .463

// OE board: gpt-oss-20b at three efforts (one provider id, effort in sampling_args) on MedicationQA.
const OSS = "openai/gpt-oss-20b";
const OSS_ARGS = (effort: string) => ({ temperature: 1, top_p: 1, top_k: 0, reasoning_effort: effort }); // the catalog's

/** Rewrite a written run's metadata and rows (the shared fixture writer has no reasoning tokens or repeats). */
function patchRun(dir: string, meta: Record<string, unknown>, row?: (r: Record<string, unknown>, i: number) => void) {
  const mPath = path.join(dir, "metadata.json");
  fs.writeFileSync(mPath, JSON.stringify({ ...JSON.parse(fs.readFileSync(mPath, "utf8")), ...meta }));
  if (!row) return;
  const rPath = path.join(dir, "results.jsonl");
  const rows = fs.readFileSync(rPath, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
  rows.forEach(row);
  fs.writeFileSync(rPath, rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
}

const run = (root: string, r: FixtureRun) => writeGenARun(root, r);

describe.each(testDatabases())("getConfigView on $name", (database) => {
  const db = useCatalogDb(database, async (h) => {
    const root = tmpDir();
    for (const k of ["a", "b", "c"] as const) {
      run(root, { model: MODELS[k], envId: "medqa", rows: MEDQA[k].map((reward, id) => ({ id, reward, outputTokens: 10 * (id + 1) })) });
      run(root, {
        model: MODELS[k],
        envId: "pubmedqa",
        // a's pubmedqa run stopped after 3 of 4 questions: incomplete.
        numExamples: k === "a" ? 4 : undefined,
        rows: PUBMEDQA[k].map((reward, id) => ({ id, reward, outputTokens: 50 + 10 * id })),
      });
    }
    // One provider id means one Gen A folder per env: each effort goes under its own root.
    const [lowRoot, mediumRoot, highRoot] = [tmpDir(), tmpDir(), tmpDir()];
    run(lowRoot, { model: OSS, envId: "medicationqa", samplingArgs: OSS_ARGS("low"), rows: [{ id: 0, reward: 0.2 }, { id: 1, reward: 0.4 }] });
    // Same arguments as the catalog's, keys in another order: not a mismatch.
    const { reasoning_effort, ...rest } = OSS_ARGS("medium");
    run(mediumRoot, { model: OSS, envId: "medicationqa", samplingArgs: { reasoning_effort, ...rest }, rows: [{ id: 0, reward: 0.5 }, { id: 1, reward: 0.5 }] });
    // Only the medium effort ran MedExQA, and with another temperature: dropped from the board, flagged on the page.
    run(mediumRoot, { model: OSS, envId: "medexqa", samplingArgs: { reasoning_effort: "medium", temperature: 0.7 }, rows: [{ id: 0, reward: 1 }] });
    // High: two rollouts per question, the second question's second rollout missing (incomplete); reasoning tokens reported.
    const high = run(highRoot, {
      model: OSS,
      envId: "medicationqa",
      samplingArgs: OSS_ARGS("high"),
      rows: [
        { id: 0, reward: 0.9, outputTokens: 300 },
        { id: 0, reward: 0.9, outputTokens: 100 },
        { id: 1, reward: 0.7, outputTokens: 500 },
      ],
    });
    const reasoning = [200, 50, 300];
    patchRun(high, { num_examples: 2, rollouts_per_example: 2 }, (r, i) => {
      (r.token_usage as Record<string, unknown>).reasoning_tokens = reasoning[i];
    });
    const report = await ingestPaths(h.raw, [root, lowRoot, mediumRoot, highRoot], { provenance: "official" });
    expect(report.runs.filter((r) => r.outcome !== "inserted")).toEqual([]);

    // A demo run of c: once real runs exist the boards hide demo runs, and so does this page's coverage and tokens.
    const demo = tmpDir();
    run(demo, { model: MODELS.c, envId: "metamedqa", rows: [{ id: 0, reward: 1, outputTokens: 9999 }] });
    await ingestPaths(h.raw, [demo], { provenance: "demo" });
  });

  it("returns null for an unknown configuration", async () => {
    expect(await getConfigView("no-such-config", db().raw)).toBeNull();
  });

  it("gives identity, rank and win rate on the V board, and median, delta and rank per benchmark", async () => {
    const view = (await getConfigView(ALIAS.a, db().raw))!;
    expect(view).toMatchObject({
      slug: ALIAS.a,
      inCatalog: true,
      reasoningEffort: null,
      synthetic: false,
      model: { id: "gemma-3-4b-it", providerId: MODELS.a, group: "open-weight", paramsB: 4, openWeights: true, reasoning: false, base: null },
    });
    const [v, oe] = view.boards;
    expect(v.board).toBe("V");
    expect(v).toMatchObject({ ranked: true, rank: 2, nRanked: 3, nDatasets: 2, nBoardDatasets: 2, synthetic: false });
    expect(v.winRate).toBeCloseTo(WR.a, 12);
    expect(v.winRateLo! <= v.winRate! && v.winRate! <= v.winRateHi!).toBe(true);
    expect(v.rankLo! <= 2 && 2 <= v.rankHi!).toBe(true);
    // The board's figure: ln-weighted over datasets of mean output tokens per question.
    expect(v.outputTokensPerQuestion).toBeCloseTo((25 * L4 + 60 * L3) / (L4 + L3), 9);

    expect(v.benchmarks.map((b) => b.slug)).toEqual(["medqa", "pubmedqa"]);
    const [medqa, pubmedqa] = v.benchmarks;
    expect(medqa).toMatchObject({ scored: true, nConfigs: 3, rank: 3, why: null });
    expect(medqa.score).toBeCloseTo(0.25, 12);
    expect(medqa.median).toBeCloseTo(0.5, 12);
    expect(medqa.delta).toBeCloseTo(-0.25, 12);
    expect(pubmedqa).toMatchObject({ nConfigs: 3, rank: 1 });
    expect(pubmedqa.median).toBeCloseTo(1 / 3, 12);
    expect(pubmedqa.delta).toBeCloseTo(1 / 3, 12);
    expect(pubmedqa.lo! <= pubmedqa.score! && pubmedqa.score! <= pubmedqa.hi!).toBe(true);

    // Not on the OE board: no rank, every OE benchmark explains its "—".
    expect(oe).toMatchObject({ board: "OE", ranked: false, rank: null, winRate: null, nRanked: 3 });
    expect(oe.benchmarks.map((b) => [b.slug, b.score, b.why])).toEqual([
      ["medicationqa", null, "Not on this board: no scored run of this configuration"],
      ["medexqa", null, "Not on this board: no scored run of this configuration"],
    ]);

    // Ties share the benchmark rank (b and c at 1/3 on pubmedqa).
    const c = (await getConfigView(ALIAS.c, db().raw))!;
    expect(c.boards[0].benchmarks.find((b) => b.slug === "pubmedqa")).toMatchObject({ rank: 2, delta: 0 });
    expect(c.boards[0].rank).toBe(3);
  });

  it("finds the medical fine-tune's base and the base's fine-tunes, with deltas", async () => {
    const b = (await getConfigView(ALIAS.b, db().raw))!;
    expect(b.model).toMatchObject({ group: "medical", base: { id: "gemma-3-4b-it" } });
    expect(b.siblings.map((s) => [s.slug, s.kind, s.onBoards])).toEqual([[ALIAS.a, "base", true]]);
    const [sv, soe] = b.siblings[0].boards;
    expect(sv.siblingRank).toBe(2);
    expect(sv.winRateDelta).toBeCloseTo(WR.b - WR.a, 12);
    expect(sv.benchmarks.map((x) => x.slug)).toEqual(["medqa", "pubmedqa"]);
    expect(sv.benchmarks[0].delta).toBeCloseTo(0.75 - 0.25, 12);
    expect(sv.benchmarks[1].delta).toBeCloseTo(1 / 3 - 2 / 3, 12);
    expect(soe).toMatchObject({ board: "OE", siblingRank: null, winRateDelta: null, benchmarks: [] });

    const a = (await getConfigView(ALIAS.a, db().raw))!;
    expect(a.siblings.map((s) => [s.slug, s.kind, s.onBoards])).toEqual([
      ["medgemma-4b-1_5-it", "fine-tune", false],
      [ALIAS.b, "fine-tune", true],
    ]);
    expect(a.siblings[1].boards[0].winRateDelta).toBeCloseTo(WR.a - WR.b, 12);
  });

  it("walks the reasoning-effort ladder on the OE board", async () => {
    const view = (await getConfigView("gpt-oss-20b", db().raw))!;
    expect(view.reasoningEffort).toBe("medium");
    const oe = view.boards[1];
    expect(oe).toMatchObject({ ranked: true, rank: 2, nRanked: 3, nDatasets: 1 });
    expect(oe.winRate).toBeCloseTo(0.5, 12);
    const [medicationqa, medexqa] = oe.benchmarks;
    expect(medicationqa).toMatchObject({ slug: "medicationqa", scored: true, rank: 2, nConfigs: 3 });
    expect(medicationqa.score).toBeCloseTo(0.5, 12);
    expect(medicationqa.median).toBeCloseTo(0.5, 12);
    expect(medicationqa.delta).toBeCloseTo(0, 12);
    expect(medexqa).toMatchObject({ slug: "medexqa", scored: false, score: null, why: "Left out of the board: some configurations have not run it" });
    expect(oe.droppedForThis).toEqual([]);

    expect(view.siblings.map((s) => [s.slug, s.kind])).toEqual([
      ["gpt-oss-20b-low", "effort"],
      ["gpt-oss-20b-high", "effort"],
    ]);
    const [low, high] = view.siblings.map((s) => s.boards[1]);
    expect(low.winRateDelta).toBeCloseTo(0.5, 12);
    expect(low.benchmarks.map((b) => b.slug)).toEqual(["medicationqa"]);
    expect(low.benchmarks[0].delta).toBeCloseTo(0.5 - 0.3, 12);
    expect(high.winRateDelta).toBeCloseTo(-0.5, 12);
    expect(high.benchmarks[0].delta).toBeCloseTo(0.5 - 0.8, 12);
    expect(high.siblingRank).toBe(1);

    const lowView = (await getConfigView("gpt-oss-20b-low", db().raw))!;
    expect(lowView.boards[1].droppedForThis).toEqual([{ key: "medexqa::base", benchmark: "medexqa" }]);
    expect(lowView.boards[1].benchmarks[1].why).toBe("Not run by this configuration (left out of the board: other configurations lack it too)");
  });

  it("flags sampling arguments that differ from the configuration's and from each other", async () => {
    const medium = (await getConfigView("gpt-oss-20b", db().raw))!;
    expect(medium.sampling.config).toEqual(OSS_ARGS("medium"));
    expect(medium.sampling.differsFromConfig).toBe(true);
    expect(medium.sampling.runsDiffer).toBe(true);
    expect(medium.sampling.observed.map((o) => [o.args, o.runIds.length, o.matchesConfig])).toEqual([
      [OSS_ARGS("medium"), 1, true],
      [{ reasoning_effort: "medium", temperature: 0.7 }, 1, false],
    ]);
    const high = (await getConfigView("gpt-oss-20b-high", db().raw))!;
    expect(high.sampling).toMatchObject({ differsFromConfig: false, runsDiffer: false });
    expect(high.sampling.observed).toHaveLength(1);
  });

  it("averages tokens per rollout and per question, and the reasoning share where it is known", async () => {
    const a = (await getConfigView(ALIAS.a, db().raw))!;
    const [all, v, oe] = a.tokens;
    expect(all.scope).toBe("all");
    expect(v.scope).toBe("V");
    for (const t of [all, v]) {
      expect(t).toMatchObject({ rollouts: 7, rolloutsWithUsage: 7, questions: 7, reasoningShare: null, rolloutsWithReasoningTokens: 0, rolloutsWithLatency: 7 });
      expect(t.meanInputPerRollout).toBeCloseTo(100, 9);
      expect(t.meanOutputPerRollout).toBeCloseTo((10 + 20 + 30 + 40 + 50 + 60 + 70) / 7, 9);
      expect(t.meanOutputPerQuestion).toBeCloseTo(40, 9);
      expect(t.meanLatencyMs).toBeCloseTo(1510, 6);
      expect(t.medianLatencyMs).toBeCloseTo(1510, 6);
    }
    expect(oe).toMatchObject({ scope: "OE", rollouts: 0, meanOutputPerRollout: null, reasoningShare: null });

    const high = (await getConfigView("gpt-oss-20b-high", db().raw))!;
    const t = high.tokens[2];
    expect(t).toMatchObject({ scope: "OE", rollouts: 3, questions: 2, rolloutsWithReasoningTokens: 3 });
    expect(t.meanOutputPerRollout).toBeCloseTo(900 / 3, 9);
    // q0: (300 + 100) / 2 = 200, q1: 500 → 350 per question.
    expect(t.meanOutputPerQuestion).toBeCloseTo(350, 9);
    expect(t.reasoningShare).toBeCloseTo(550 / 900, 12);

    // c's demo run (9,999 output tokens) is hidden like on the board.
    const c = (await getConfigView(ALIAS.c, db().raw))!;
    expect(c.tokens[0].rollouts).toBe(7);
    expect(c.tokens[0].meanOutputPerRollout).toBeCloseTo(40, 9);
  });

  it("stores the token stats once per set of runs and reads them back unchanged", async () => {
    const first = (await getConfigView(ALIAS.c, db().raw))!;
    const [{ n }] = await db().raw.query<{ n: number }>(`select count(*)::int as n from snapshot_views where view = 'config-tokens'`);
    expect(Number(n)).toBeGreaterThan(0);
    const stored = await getStoredTokenStats(db().raw, first.runs.filter((r) => r.onBoard).map((r) => r.id).reverse());
    expect(stored).toEqual(first.tokens);
    expect(stored).toEqual(await getTokenStats(db().raw, first.runs.filter((r) => r.onBoard).map((r) => r.id)));
  });

  it("measures coverage of the suite: missing and incomplete variants", async () => {
    const a = (await getConfigView(ALIAS.a, db().raw))!;
    const [v, oe] = a.coverage;
    expect(v).toMatchObject({ board: "V", total: suiteVariants("V").length, withRun: 2, complete: 1, incomplete: 1, missing: suiteVariants("V").length - 2, extraRuns: 0 });
    expect(v.items.filter((i) => i.status !== "missing").map((i) => [i.benchmark, i.variantId, i.status, i.observedRows, i.expectedRows])).toEqual([
      ["medqa", "base", "complete", 4, 4],
      ["pubmedqa", "base", "incomplete", 3, 4],
    ]);
    expect(v.items.find((i) => i.benchmark === "medqa" && i.variantId === "shuffle_seed-1618")?.status).toBe("missing");
    expect(oe).toMatchObject({ total: suiteVariants("OE").length, withRun: 0, missing: suiteVariants("OE").length });

    const high = (await getConfigView("gpt-oss-20b-high", db().raw))!;
    expect(high.coverage[1]).toMatchObject({ withRun: 1, complete: 0, incomplete: 1 });

    const c = (await getConfigView(ALIAS.c, db().raw))!;
    expect(c.coverage[0]).toMatchObject({ withRun: 2, complete: 2 });
  });

  it("lists every run of the configuration, marking those the board shows", async () => {
    const c = (await getConfigView(ALIAS.c, db().raw))!;
    expect(c.runs.map((r) => [r.benchmark.slug, r.datasetKey, r.status, r.provenance, r.onBoard])).toEqual([
      ["medqa", "medqa::base", "published", "official", true],
      ["metamedqa", "metamedqa::base", "published", "demo", false],
      ["pubmedqa", "pubmedqa::base", "published", "official", true],
    ]);
    const a = (await getConfigView(ALIAS.a, db().raw))!;
    const pub = a.runs.find((r) => r.benchmark.slug === "pubmedqa")!;
    expect(pub).toMatchObject({ observedRows: 3, expectedRows: 4, completeness: 0.75, observedQuestions: 3 });
    expect(Number.isNaN(Date.parse(pub.ingestedAt))).toBe(false);
  });

  it("indexes configurations with runs by rank, then catalog configurations without runs", async () => {
    const index = await listConfigs(db().raw);
    expect(index.ranked).toEqual({ V: 3, OE: 3 });
    expect(index.synthetic).toEqual({ V: false, OE: false });
    const withRuns = index.rows.filter((r) => r.publishedRuns > 0);
    expect(withRuns.map((r) => [r.slug, r.rankV, r.rankOE])).toEqual([
      [ALIAS.b, 1, null],
      [ALIAS.a, 2, null],
      [ALIAS.c, 3, null],
      ["gpt-oss-20b-high", null, 1],
      ["gpt-oss-20b", null, 2],
      ["gpt-oss-20b-low", null, 3],
    ]);
    expect(withRuns.find((r) => r.slug === ALIAS.c)).toMatchObject({ publishedRuns: 3, demoOnly: false });
    expect(withRuns.find((r) => r.slug === "gpt-oss-20b")).toMatchObject({ publishedRuns: 2, reasoningEffort: "medium", group: "open-weight" });
    expect(withRuns[0].winRateV).toBeCloseTo(WR.b, 12);
    // Catalog configurations without runs follow, marked by their zero count.
    const rest = index.rows.slice(withRuns.length);
    expect(rest.length).toBeGreaterThan(50);
    expect(rest.every((r) => r.publishedRuns === 0 && r.rankV === null && r.inCatalog)).toBe(true);
    expect(rest.some((r) => r.slug === "medgemma-4b-1_5-it")).toBe(true);
  });
});
