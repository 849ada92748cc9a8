/** getMedicalVsBase on both databases: a medical fine-tune beside its generalist base, deltas and paired tests checked by hand. */
import { describe, expect, it } from "vitest";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { testDatabases } from "../db/test-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";
import { mcnemarExact } from "../scoring/paired";
import { getLeaderboard } from "./leaderboard";
import { DEFAULT_LEADERBOARD_SETTINGS } from "./leaderboard-types";
import { getMedicalVsBase, pickBaseConfig } from "./medical";

// f = MedGemma 27B text (medical, base gemma-3-27b-it), b = Gemma 3 27B IT (its base),
// m = MediPhi Instruct (medical, base Phi-3.5-mini-instruct, which has no run → unpaired).
const MODELS = { f: "google/medgemma-27b-text-it", b: "google/gemma-3-27b-it", m: "microsoft/MediPhi-Instruct" };
const ALIAS = { f: "medgemma-27b-text", b: "gemma-3-27b-it", m: "mediphi" };
const RUNS: { envId: string; variant?: string; envArgs?: Record<string, unknown>; rewards: Record<"f" | "b" | "m", number[]> }[] = [
  // medqa, 12 questions, 0/1: f right on q0..q10, b right on q0 only.
  { envId: "medqa", rewards: { f: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0], b: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], m: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] } },
  // pubmedqa, 4 questions, 0/1.
  { envId: "pubmedqa", rewards: { f: [0, 1, 0, 1], b: [1, 1, 0, 0], m: [1, 1, 1, 1] } },
  // medhallu, two subtasks (datasets) of 3 and 2 questions; 0.01 = "unsure" (not 0/1 → paired bootstrap).
  { envId: "medhallu", variant: "easy", envArgs: { difficulty: "easy" }, rewards: { f: [1, 0.01, 1], b: [0, 1, 1], m: [1, 1, 1] } },
  { envId: "medhallu", variant: "medium", envArgs: { difficulty: "medium" }, rewards: { f: [1, 0], b: [0, 0], m: [1, 1] } },
];

// By hand:
// medqa:    scores f 11/12, b 1/12 → delta 10/12. McNemar: discordant b = 10 (q1..q10 only f right),
//           c = 0 → p = 2·P(X ≤ 0 | X ~ Bin(10, ½)) = 2/1024 = 0.001953125.
// pubmedqa: scores f 2/4, b 2/4 → delta 0. Discordant b = 1 (q3), c = 1 (q0) → p = min(1, 2·(1 + 2)/4) = 1.
// medhallu: score = mean of the subtasks' average rewards:
//           f (2.01/3 + 1/2)/2 = 0.585, b (2/3 + 0)/2 = 1/3 → delta 0.585 − 1/3 ≈ 0.25167.
//           Paired, questions of both subtasks pooled: differences 1, −0.99, 0, 1, 0 → diff = 1.01/5 = 0.202
//           (≠ delta: pooling weighs the 3-question subtask more). Not 0/1 → paired bootstrap p.
// Holm over the three p-values: medqa's is the smallest (the bootstrap p is far above it: 2 of 5
//           differences are ≤ 0) → 3 × 0.001953125 = 0.005859375 < 0.05 → "better"; pubmedqa stays 1.
// Aggregate: mean delta = (10/12 + 0 + (0.585 − 1/3))/3; better 1, worse 0.
const DELTA = { medqa: 10 / 12, pubmedqa: 0, medhallu: 0.585 - 1 / 3 };

describe.each(testDatabases())("getMedicalVsBase on $name", (database) => {
  const db = useCatalogDb(database, async (h) => {
    const root = tmpDir();
    for (const run of RUNS) {
      for (const k of ["f", "b", "m"] as const) {
        writeGenARun(root, { model: MODELS[k], envId: run.envId, variant: run.variant, envArgs: run.envArgs, rows: run.rewards[k].map((reward, id) => ({ id, reward })) });
      }
    }
    const report = await ingestPaths(h.raw, [root], { provenance: "official" });
    expect(report.runs.filter((r) => r.outcome === "rejected")).toEqual([]);
  });

  it("pairs the fine-tune with its base from the catalog and lists the unpaired one", async () => {
    const view = await getMedicalVsBase({ board: "V" }, db().raw);
    expect(view.synthetic).toBe(false);
    expect(view.pairs.map((p) => [p.fineTune.config, p.base.config, p.pick])).toEqual([[ALIAS.f, ALIAS.b, "default-config"]]);
    expect(view.unpaired).toEqual([
      expect.objectContaining({ config: ALIAS.m, baseModelId: "phi-3.5-mini-instruct", reason: expect.stringContaining("Phi-3.5-mini-instruct") }),
    ]);
    expect(view.pairs[0].fineTune.group).toBe("medical");
    expect(view.pairs[0].base.modelName).toBe("Gemma 3 27B IT");
  });

  it("computes per-benchmark deltas, McNemar p-values and Holm adjustment by hand", async () => {
    const [pair] = (await getMedicalVsBase({ board: "V" }, db().raw)).pairs;
    const by = Object.fromEntries(pair.benchmarks.map((b) => [b.benchmark, b]));
    expect(Object.keys(by).sort()).toEqual(["medhallu", "medqa", "pubmedqa"]);

    expect(by.medqa.fineTuneScore).toBeCloseTo(11 / 12, 14);
    expect(by.medqa.baseScore).toBeCloseTo(1 / 12, 14);
    expect(by.medqa.delta).toBeCloseTo(DELTA.medqa, 14);
    expect(by.medqa.method).toBe("mcnemar-exact");
    expect(by.medqa.discordant).toEqual({ b: 10, c: 0 });
    expect(by.medqa.p).toBe(0.001953125);
    expect(by.medqa.p).toBe(mcnemarExact(10, 0).p);
    expect(by.medqa.diff).toBeCloseTo(DELTA.medqa, 14);
    expect(by.medqa.nShared).toBe(12);
    expect(by.medqa.ci!.lo).toBeGreaterThan(0);
    expect(by.medqa.ci!.hi).toBeLessThanOrEqual(1);

    expect(by.pubmedqa.delta).toBe(0);
    expect(by.pubmedqa.discordant).toEqual({ b: 1, c: 1 });
    expect(by.pubmedqa.p).toBe(1);
    expect(by.pubmedqa.pHolm).toBe(1);
    expect(by.pubmedqa.verdict).toBe("not-significant");

    expect(by.medhallu.nDatasets).toBe(2);
    expect(by.medhallu.delta).toBeCloseTo(DELTA.medhallu, 14);
    expect(by.medhallu.method).toBe("paired-bootstrap");
    expect(by.medhallu.diff).toBeCloseTo(0.202, 14);
    expect(by.medhallu.nShared).toBe(5);
    expect(by.medhallu.discordant).toBeNull();
    expect(by.medhallu.p!).toBeGreaterThan(0.001953125);
    expect(by.medhallu.ci!.lo).toBeLessThanOrEqual(0.202);
    expect(by.medhallu.ci!.hi).toBeGreaterThanOrEqual(0.202);

    expect(by.medqa.pHolm).toBe(0.005859375);
    expect(by.medqa.verdict).toBe("better");
    expect(by.medhallu.pHolm!).toBeGreaterThanOrEqual(by.medhallu.p!);

    expect(pair.nBenchmarks).toBe(3);
    expect(pair.better).toBe(1);
    expect(pair.worse).toBe(0);
    expect(pair.meanDelta).toBeCloseTo((DELTA.medqa + DELTA.pubmedqa + DELTA.medhallu) / 3, 14);
  });

  it("reports the board win-rate delta and the head-to-head win rate of the pair", async () => {
    const raw = db().raw;
    const [pair] = (await getMedicalVsBase({ board: "V" }, raw)).pairs;
    const board = await getLeaderboard("V", DEFAULT_LEADERBOARD_SETTINGS, raw);
    const wr = (c: string) => board.rows.find((r) => r.config === c)!.weighted;
    expect(pair.fineTune.winRate).toBe(wr(ALIAS.f));
    expect(pair.winRateDelta).toBeCloseTo(wr(ALIAS.f) - wr(ALIAS.b), 14);
    // wr(f vs b) per dataset: medqa 11/12 (q0 and q11 ties), pubmedqa 2/4, medhallu::easy (1 + 0.5)/3, medhallu::medium (1 + 0.5)/2.
    const w = [Math.log(12), Math.log(4), Math.log(3), Math.log(2)];
    const x = [11 / 12, 0.5, 0.5, 0.75];
    expect(pair.headToHead).toBeCloseTo(w.reduce((s, wi, i) => s + wi * x[i], 0) / w.reduce((s, wi) => s + wi, 0), 14);
  });

  it("stores the view for the snapshot and reads it back unchanged", async () => {
    const raw = db().raw;
    const first = await getMedicalVsBase({ board: "V" }, raw);
    const stored = await raw.query<{ n: number }>(
      `select count(*)::int as n from snapshot_views where snapshot_id = $1 and view = 'medical' and params_key = 'V'`,
      [first.snapshot.id],
    );
    expect(Number(stored[0].n)).toBe(1);
    const again = await getMedicalVsBase({ board: "V" }, raw);
    expect(again.pairs).toEqual(first.pairs);
    const oe = await getMedicalVsBase({ board: "OE" }, raw);
    expect(oe.pairs).toEqual([]);
  });
});

describe("pickBaseConfig", () => {
  const c = (config: string, reasoningEffort: string | null) => ({ config, reasoningEffort });
  it("prefers the same effort, then the default config, then medium, then the lowest effort", () => {
    const all = [c("x-high", "high"), c("x-medium", "medium"), c("x", null), c("x-low", "low")];
    expect(pickBaseConfig("high", all)).toEqual({ base: all[0], pick: "same-effort" });
    expect(pickBaseConfig("HIGH", all)?.pick).toBe("same-effort");
    expect(pickBaseConfig("xhigh", all)).toEqual({ base: all[2], pick: "default-config" });
    expect(pickBaseConfig(null, all)).toEqual({ base: all[2], pick: "default-config" });
    expect(pickBaseConfig(null, [all[0], all[1], all[3]])).toEqual({ base: all[1], pick: "medium-effort" });
    expect(pickBaseConfig(null, [all[0], all[3]])).toEqual({ base: all[3], pick: "first" });
    expect(pickBaseConfig("low", [])).toBeNull();
  });
});
