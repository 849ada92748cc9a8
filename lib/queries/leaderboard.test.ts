/** getLeaderboard on both databases: ingested fixtures → snapshot → board, checked against hand-computed win rates. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db";
import { openMigrated, testDatabases } from "../db/test-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";
import { ensureCatalog } from "../setup/prepare";
import { discoverRuns } from "../ingest/discover";
import { latestRuns, scanRun } from "../ingest/scan";
import { buildBoardInput, scoreBoard } from "../scoring";
import { DEFAULT_SETTINGS } from "../scoring/types";
import { getLeaderboard } from "./leaderboard";
import { DEFAULT_LEADERBOARD_SETTINGS } from "./leaderboard-types";

// medqa (4 questions) and pubmedqa (3 questions); a = gemma-3-4b-it, b = medgemma-4b-it, c = gemma-3-27b-it.
const MEDQA = { a: [1, 0, 0, 1], b: [1, 1, 0, 1], c: [1, 1, 1, 1] };
const PUBMEDQA = { a: [1, 1, 0], b: [0, 1, 0], c: [0, 0, 1] };
// Per-dataset mean win rates, by hand (ties count half):
//   medqa:    wr(a,b)=1.5/4 wr(a,c)=1/4 wr(b,c)=1.5/4  → a 0.3125, b 0.5, c 0.6875
//   pubmedqa: wr(a,b)=2/3   wr(a,c)=2/3 wr(b,c)=1/2    → a 2/3, b 5/12, c 5/12
const PER_DATASET = { a: [0.3125, 2 / 3], b: [0.5, 5 / 12], c: [0.6875, 5 / 12] };
const W = [Math.log(4), Math.log(3)];
const weighted = (x: number[]) => (W[0] * x[0] + W[1] * x[1]) / (W[0] + W[1]);
const MODELS = { a: "google/gemma-3-4b-it", b: "google/medgemma-4b-it", c: "google/gemma-3-27b-it" };
const ALIAS = { a: "gemma-3-4b-it", b: "medgemma-4b-it", c: "gemma-3-27b-it" };

describe.each(testDatabases())("getLeaderboard on $name", (database) => {
  let h: DbHandle;
  const root = tmpDir();
  beforeAll(async () => {
    h = await openMigrated(database);
    await ensureCatalog(h);
    for (const k of ["a", "b", "c"] as const) {
      writeGenARun(root, { model: MODELS[k], envId: "medqa", rows: MEDQA[k].map((reward, id) => ({ id, reward, outputTokens: 100 * (id + 1) })) });
      writeGenARun(root, { model: MODELS[k], envId: "pubmedqa", rows: PUBMEDQA[k].map((reward, id) => ({ id, reward, outputTokens: 10 })) });
    }
    await ingestPaths(h.raw, [root], { provenance: "official" });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("ranks by the ln(n)-weighted mean win rate and reports simple means, scores and tokens", async () => {
    const view = await getLeaderboard("V", DEFAULT_LEADERBOARD_SETTINGS, h.raw);
    expect(view.synthetic).toBe(false);
    expect(view.rows.map((r) => r.config)).toEqual([ALIAS.c, ALIAS.a, ALIAS.b]);
    for (const k of ["a", "b", "c"] as const) {
      const row = view.rows.find((r) => r.config === ALIAS[k])!;
      expect(row.weighted).toBeCloseTo(weighted(PER_DATASET[k]), 12);
      expect(row.simple).toBeCloseTo((PER_DATASET[k][0] + PER_DATASET[k][1]) / 2, 12);
      expect(row.nDatasets).toBe(2);
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      expect(row.benchmarks.medqa?.score).toBeCloseTo(mean(MEDQA[k]), 12);
      expect(row.benchmarks.pubmedqa?.score).toBeCloseTo(mean(PUBMEDQA[k]), 12);
      // Tokens: per dataset mean over questions (250 and 10), weighted by ln(n) like the win rate.
      expect(row.meanOutputTokens).toBeCloseTo((W[0] * 250 + W[1] * 10) / (W[0] + W[1]), 9);
      expect(row.weightedLo! <= row.weighted && row.weighted <= row.weightedHi!).toBe(true);
      expect(row.group).toBe(k === "b" ? "medical" : "open-weight");
      expect(row.rankChange).toBeNull();
    }
    expect(view.benchmarks.map((b) => b.slug)).toEqual(["medqa", "pubmedqa"]);
    expect(view.snapshot.runCount).toBe(6);
  });

  it("equals, to the last digit, what lib/scoring computes from the artifacts without a database", async () => {
    const scanned = latestRuns(await Promise.all((await discoverRuns(root)).map((r) => scanRun(r))));
    const rows = scanned.flatMap((r) => r.rewards.map((x) => ({ config: r.config, separateKey: r.separateKey, foldedKey: r.foldedKey, benchmark: r.benchmark, ...x })));
    const direct = scoreBoard(buildBoardInput(rows, "folded"), DEFAULT_SETTINGS);
    const view = await getLeaderboard("V", DEFAULT_LEADERBOARD_SETTINGS, h.raw);
    expect(view.rows.map((r) => [r.config, r.weighted, r.weightedLo, r.weightedHi, r.rankLo, r.rankHi])).toEqual(
      direct.configs.map((c) => [c.config, c.weightedMean, c.ci?.lo, c.ci?.hi, c.rankInterval?.lo, c.rankInterval?.hi]),
    );
  });

  it("recomputes under other settings, reports rank changes, and stores each result for the snapshot", async () => {
    const equal = await getLeaderboard("V", { ...DEFAULT_LEADERBOARD_SETTINGS, weights: "equal" }, h.raw);
    const a = equal.rows.find((r) => r.config === ALIAS.a)!;
    expect(a.weighted).toBeCloseTo((PER_DATASET.a[0] + PER_DATASET.a[1]) / 2, 12);
    expect(equal.rows.map((r) => r.rankChange)).toEqual([0, 0, 0]);
    const stored = await h.raw.query<{ n: number }>(`select count(*)::int as n from board_results where snapshot_id = $1`, [equal.snapshot.id]);
    expect(Number(stored[0].n)).toBe(2);
  });

  it("moves to a new snapshot after an ingest that publishes a run", async () => {
    const before = await getLeaderboard("V", DEFAULT_LEADERBOARD_SETTINGS, h.raw);
    const root = tmpDir();
    writeGenARun(root, { model: MODELS.a, envId: "medqa", rows: [1, 1, 1, 1].map((reward, id) => ({ id, reward })), mtime: 2_100_000_000 });
    await ingestPaths(h.raw, [root], { provenance: "official" });
    const after = await getLeaderboard("V", DEFAULT_LEADERBOARD_SETTINGS, h.raw);
    expect(after.snapshot.id).not.toBe(before.snapshot.id);
    expect(after.rows.find((r) => r.config === ALIAS.a)!.benchmarks.medqa?.score).toBe(1);
  });
});
