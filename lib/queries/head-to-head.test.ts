/** getHeadToHead on both databases: ingested fixtures → snapshot → board → head-to-head, checked by hand and against lib/scoring. */
import { describe, expect, it } from "vitest";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { testDatabases } from "../db/test-db";
import { ingestPaths } from "../ingest";
import { discoverRuns } from "../ingest/discover";
import { latestRuns, scanRun } from "../ingest/scan";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";
import { buildBoardInput, scoreBoard } from "../scoring";
import { DEFAULT_SETTINGS } from "../scoring/types";
import { getHeadToHead } from "./head-to-head";

// Three configurations (real catalog models) on medqa (12 questions) and pubmedqa (4 questions), one rollout each.
const MODELS = { f: "google/medgemma-27b-text-it", b: "google/gemma-3-27b-it", c: "google/gemma-3-4b-it" };
const ALIAS = { f: "medgemma-27b-text", b: "gemma-3-27b-it", c: "gemma-3-4b-it" };
const MEDQA = {
  f: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0],
  b: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  c: [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0],
};
// c's last pubmedqa question has a row whose reward is null: a missing value, which loses (−∞).
const PUBMEDQA = { f: [0, 1, 0, 1], b: [1, 1, 0, 0], c: [0, 0, 1, null] };

// By hand, wr(f vs c) (ties count half):
//   medqa:    q0 tie, q1 win, q2 tie, q3 win, q4 tie, q5 win, q6 tie, q7 win, q8 tie, q9 win, q10 tie, q11 tie
//             → 5 wins + 7 ties = (5 + 3.5)/12 = 17/24
//   pubmedqa: q0 tie (0 v 0), q1 win (1 v 0), q2 loss (0 v 1), q3 win (1 v missing = −∞)
//             → (2 + 0.5)/4 = 5/8
//   weights ln(12) and ln(4) (n_questions = 4 on pubmedqa: c's null row still names q3)
//   weighted = (ln12·17/24 + ln4·5/8)/(ln12 + ln4) ≈ 0.67883; simple = (17/24 + 15/24)/2 = 2/3
const WR_FC = { medqa: 17 / 24, pubmedqa: 5 / 8 };
const W = { medqa: Math.log(12), pubmedqa: Math.log(4) };
const WEIGHTED_FC = (W.medqa * WR_FC.medqa + W.pubmedqa * WR_FC.pubmedqa) / (W.medqa + W.pubmedqa);
// Per-dataset mean win rates (for the ranking), by hand:
//   medqa:    wr(f,b) = 11/12, wr(f,c) = 17/24, wr(b,c) = 3.5/12 = 7/24 → f 39/48, b 9/48, c 24/48
//   pubmedqa: wr(f,b) = 1/2,   wr(f,c) = 5/8,   wr(b,c) = 3/4          → f 9/16, b 5/8, c 5/16
//   weighted: f ≈ 0.7229, c ≈ 0.4329, b ≈ 0.3441 → rank order f, c, b

describe.each(testDatabases())("getHeadToHead on $name", (database) => {
  const root = tmpDir();
  const db = useCatalogDb(database, async (h) => {
    for (const k of ["f", "b", "c"] as const) {
      writeGenARun(root, { model: MODELS[k], envId: "medqa", rows: MEDQA[k].map((reward, id) => ({ id, reward })) });
      writeGenARun(root, { model: MODELS[k], envId: "pubmedqa", rows: PUBMEDQA[k].map((reward, id) => ({ id, reward })) });
    }
    const report = await ingestPaths(h.raw, [root], { provenance: "official" });
    expect(report.runs.filter((r) => r.outcome === "rejected")).toEqual([]);
  });

  it("lists the ranked configurations in rank order with names and groups", async () => {
    const view = await getHeadToHead({ board: "V" }, db().raw);
    expect(view.synthetic).toBe(false);
    expect(view.configs.map((c) => [c.config, c.rank, c.group])).toEqual([
      [ALIAS.f, 1, "medical"],
      [ALIAS.c, 2, "open-weight"],
      [ALIAS.b, 3, "open-weight"],
    ]);
    expect(view.configs[0].displayName).toBe("MedGemma 27B Text IT");
    expect(view.nBoardDatasets).toBe(2);
    expect(view.weights).toBe("ln");
    expect(view.selection).toBeNull();
  });

  it("holds wr(row vs column) by hand: weighted and simple means, complementary across the diagonal", async () => {
    const view = await getHeadToHead({ board: "V" }, db().raw);
    const n = view.configs.length;
    const at = (m: (number | null)[], r: string, c: string) =>
      m[view.configs.findIndex((x) => x.config === r) * n + view.configs.findIndex((x) => x.config === c)];
    expect(at(view.weighted, ALIAS.f, ALIAS.c)).toBeCloseTo(WEIGHTED_FC, 14);
    expect(at(view.simple, ALIAS.f, ALIAS.c)).toBeCloseTo(2 / 3, 14);
    expect(at(view.weighted, ALIAS.c, ALIAS.f)).toBeCloseTo(1 - WEIGHTED_FC, 14);
    // wr(f vs b): medqa 11/12, pubmedqa 1/2.
    expect(at(view.weighted, ALIAS.f, ALIAS.b)).toBeCloseTo((W.medqa * (11 / 12) + W.pubmedqa * 0.5) / (W.medqa + W.pubmedqa), 14);
    for (let i = 0; i < n; i++) {
      expect(view.weighted[i * n + i]).toBeNull();
      expect(view.nDatasets[i * n + i]).toBe(0);
      for (let j = 0; j < n; j++) if (i !== j) expect(view.nDatasets[i * n + j]).toBe(2);
    }
  });

  it("breaks one cell down by dataset, highest win rate first, with weights and both scores", async () => {
    const view = await getHeadToHead({ board: "V", a: ALIAS.f, b: ALIAS.c }, db().raw);
    expect(view.selection?.status).toBe("ok");
    if (view.selection?.status !== "ok") return;
    const { cell } = view.selection;
    expect(cell.weighted).toBeCloseTo(WEIGHTED_FC, 14);
    expect(cell.simple).toBeCloseTo(2 / 3, 14);
    expect(cell.nDatasets).toBe(2);
    expect(cell.datasets.map((d) => [d.key, d.benchmark, d.label, d.nQuestions])).toEqual([
      ["medqa::base", "medqa", "MedQA", 12],
      ["pubmedqa::base", "pubmedqa", "PubMedQA", 4],
    ]);
    expect(cell.datasets[0].wr).toBeCloseTo(WR_FC.medqa, 14);
    expect(cell.datasets[1].wr).toBeCloseTo(WR_FC.pubmedqa, 14);
    expect(cell.datasets[0].weight).toBeCloseTo(W.medqa, 14);
    expect(cell.datasets[1].weight).toBeCloseTo(W.pubmedqa, 14);
    // Average rewards: f 11/12 and 1/2; c 6/12 and (0 + 0 + 1)/3 (the null row is unanswered).
    expect(cell.datasets.map((d) => [d.scoreA, d.scoreB])).toEqual([
      [11 / 12, 0.5],
      [0.5, 1 / 3],
    ]);
  });

  it("says why a selection cannot be shown", async () => {
    const raw = db().raw;
    const same = await getHeadToHead({ board: "V", a: ALIAS.f, b: ALIAS.f }, raw);
    expect(same.selection).toMatchObject({ status: "invalid" });
    const unknown = await getHeadToHead({ board: "V", a: ALIAS.f, b: "nope" }, raw);
    expect(unknown.selection).toMatchObject({ status: "invalid", reason: expect.stringContaining("nope") });
    const half = await getHeadToHead({ board: "V", a: ALIAS.f }, raw);
    expect(half.selection?.status).toBe("invalid");
    const oe = await getHeadToHead({ board: "OE" }, raw);
    expect(oe.configs).toEqual([]);
    expect(oe.weighted).toEqual([]);
  });

  it("equals BoardResult.headToHead of lib/scoring on the same rows, to the last digit", async () => {
    const scanned = latestRuns(await Promise.all((await discoverRuns(root)).map((r) => scanRun(r))));
    const rows = scanned.flatMap((r) => r.rewards.map((x) => ({ config: r.config, separateKey: r.separateKey, foldedKey: r.foldedKey, benchmark: r.benchmark, ...x })));
    const direct = scoreBoard(buildBoardInput(rows, "folded"), DEFAULT_SETTINGS);
    const view = await getHeadToHead({ board: "V" }, db().raw);
    const n = view.configs.length;
    expect(direct.headToHead.length).toBe(n * (n - 1));
    for (const h of direct.headToHead) {
      const i = view.configs.findIndex((c) => c.config === h.config);
      const j = view.configs.findIndex((c) => c.config === h.opponent);
      expect([view.weighted[i * n + j], view.simple[i * n + j], view.nDatasets[i * n + j]]).toEqual([h.weightedMean, h.simpleMean, h.nDatasets]);
      const cell = await getHeadToHead({ board: "V", a: h.config, b: h.opponent }, db().raw);
      if (cell.selection?.status !== "ok") throw new Error(`no breakdown for ${h.config} vs ${h.opponent}`);
      expect(Object.fromEntries(cell.selection.cell.datasets.map((d) => [d.key, d.wr]))).toEqual(h.perDataset);
    }
  });
});
