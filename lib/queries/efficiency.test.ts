/**
 * getEfficiency on both databases, on a tiny hand-built Medmarks-V board: 4 configurations × 2
 * datasets (medqa 4 questions, pubmedqa 3), one configuration without any usage, one with usage on
 * one dataset only, medqa's shuffled order folded into medqa::base, several rollouts per question,
 * and a demo run the board hides (official runs exist).
 */
import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun, type FixtureRow } from "../ingest/test-fixtures";
import { getBoardData } from "../boards/compute";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { DEFAULT_LEADERBOARD_SETTINGS } from "./leaderboard-types";
import { getEfficiency } from "./efficiency";

const A = "gpt-oss-20b-low";
const B = "gpt-oss-20b-high";
const C = "medgemma-4b-it";
const D = "gemma-3-4b-it";
const E = "gemma-3-27b-it"; // demo run only: hidden by the provenance rule

const rows = (rewards: (number | null)[], extra: (i: number) => Partial<FixtureRow> = () => ({})): FixtureRow[] =>
  rewards.map((reward, i) => ({ id: i, reward, ...extra(i) }));

// Weights of the board (ln n_questions): medqa::base n = 4, pubmedqa::base n = 3.
const W_MEDQA = Math.log(4); // 1.386294
const W_PUBMED = Math.log(3); // 1.098612
const W = W_MEDQA + W_PUBMED; // 2.484907

/*
 * Output tokens per question, by hand (per question: mean over its rollouts; then mean over questions):
 *   A medqa base [100, 200, 300, 400] + shuffle_seed-1618 [300, 400, 500, 600], folded per question:
 *       q0 (100+300)/2 = 200, q1 300, q2 400, q3 500 → 1400/4 = 350
 *     pubmedqa [120, 180, no usage] → the question without usage is left out → (120+180)/2 = 150
 *     board: (350·ln4 + 150·ln3) / (ln4 + ln3) = (485.203 + 164.792) / 2.484907 ≈ 261.577
 *   B medqa, 2 rollouts per question: [1000, 3000], [2000, 2000], [1500, 2500], [4000, 4000]
 *       → 2000, 2000, 2000, 4000 → 2500;  pubmedqa [3000, 3000, 6000] → 4000
 *     board: (2500·ln4 + 4000·ln3) / (ln4 + ln3) = (3465.736 + 4394.449) / 2.484907 ≈ 3163.171
 *   C medqa [50, 50, 50, 50] → 50; pubmedqa: no usage → board 50 over medqa only, coverage ln4 / (ln4 + ln3) ≈ 0.558
 *   D: no usage anywhere → listed, not plotted.
 * Input + output tokens (input 100 per rollout for A and B, 1000 for C; none where usage is missing):
 *   A (450·ln4 + 250·ln3) / W ≈ 361.577;  B (2600·ln4 + 4100·ln3) / W ≈ 3263.171;  C 1050.
 * Latency (timing.total): A and C 1.51 s everywhere, B 10 s, D none.
 */
const X_OUTPUT: Record<string, number> = { [A]: (350 * W_MEDQA + 150 * W_PUBMED) / W, [B]: (2500 * W_MEDQA + 4000 * W_PUBMED) / W, [C]: 50 };
const X_TOTAL: Record<string, number> = { [A]: (450 * W_MEDQA + 250 * W_PUBMED) / W, [B]: (2600 * W_MEDQA + 4100 * W_PUBMED) / W, [C]: 1050 };

describe.each(testDatabases())("getEfficiency on $name", (database) => {
  const db = useCatalogDb(database, async (h) => {
    const official: string[] = [];
    const run = (fn: (root: string) => void) => {
      const root = tmpDir();
      fn(root);
      official.push(root);
    };
    const gptOss = (effort: string) => ({ model: "openai/gpt-oss-20b", samplingArgs: { reasoning_effort: effort } });
    // A: gpt-oss-20b low. medqa rewards 1,0,0,0 (base) and 0,0,0,0 (shuffled): question means .5,0,0,0.
    run((root) => {
      writeGenARun(root, { ...gptOss("low"), envId: "medqa", rows: rows([1, 0, 0, 0], (i) => ({ outputTokens: [100, 200, 300, 400][i] })) });
      writeGenARun(root, {
        ...gptOss("low"),
        envId: "medqa",
        variant: "shuffle_seed-1618",
        envArgs: { shuffle_answers: true, shuffle_seed: 1618 },
        rows: rows([0, 0, 0, 0], (i) => ({ outputTokens: [300, 400, 500, 600][i] })),
      });
      writeGenARun(root, { ...gptOss("low"), envId: "pubmedqa", rows: rows([0, 0, 1], (i) => ({ outputTokens: [120, 180, null][i] })) });
    });
    // B: gpt-oss-20b high, two rollouts per medqa question; 10 s per rollout.
    run((root) => {
      const tokens = [1000, 3000, 2000, 2000, 1500, 2500, 4000, 4000];
      const rewards = [1, 1, 1, 1, 0, 1, 1, 1];
      writeGenARun(root, {
        ...gptOss("high"),
        envId: "medqa",
        numExamples: 4,
        rolloutsPerExample: 2,
        rows: tokens.map((t, k) => ({ id: Math.floor(k / 2), reward: rewards[k], outputTokens: t, latencySeconds: 10 })),
      });
      writeGenARun(root, { ...gptOss("high"), envId: "pubmedqa", rows: rows([1, 1, 1], (i) => ({ outputTokens: [3000, 3000, 6000][i], latencySeconds: 10 })) });
    });
    // C: medgemma-4b-it, usage on medqa only.
    run((root) => {
      writeGenARun(root, { model: "google/medgemma-4b-it", envId: "medqa", rows: rows([1, 1, 0, 1], () => ({ outputTokens: 50, inputTokens: 1000 })) });
      writeGenARun(root, { model: "google/medgemma-4b-it", envId: "pubmedqa", rows: rows([1, 1, 0], () => ({ outputTokens: null })) });
    });
    // D: gemma-3-4b-it, neither usage nor timing.
    run((root) => {
      writeGenARun(root, { model: "google/gemma-3-4b-it", envId: "medqa", rows: rows([0, 0, 0, 0], () => ({ outputTokens: null, latencySeconds: null })) });
      writeGenARun(root, { model: "google/gemma-3-4b-it", envId: "pubmedqa", rows: rows([0, 0, 0], () => ({ outputTokens: null, latencySeconds: null })) });
    });
    await ingestPaths(h.raw, official, { provenance: "official" });
    const demo = tmpDir();
    writeGenARun(demo, { model: "google/gemma-3-27b-it", envId: "medqa", rows: rows([1, 1, 1, 1], () => ({ outputTokens: 5 })) });
    await ingestPaths(h.raw, [demo], { provenance: "demo" });
  });

  it("plots y = weighted win rate against x = output tokens per question, by hand", async () => {
    const view = await getEfficiency({ board: "V", x: "output" }, db().raw);
    const board = await getBoardData(db().raw, "V", DEFAULT_LEADERBOARD_SETTINGS);
    expect(view.board).toBe("V");
    expect(view.benchmark).toBeNull();
    expect(view.synthetic).toBe(false);
    expect(view.datasets.map((d) => [d.key, d.nQuestions])).toEqual([
      ["medqa::base", 4],
      ["pubmedqa::base", 3],
    ]);
    expect(view.datasets[0].weight).toBeCloseTo(W_MEDQA, 12);
    expect(view.benchmarks.map((b) => b.slug).sort()).toEqual(["medqa", "pubmedqa"]);

    const byId = new Map(view.points.map((p) => [p.config, p]));
    expect([...byId.keys()].sort()).toEqual([A, B, C].sort());
    for (const c of [A, B, C]) expect(byId.get(c)!.x).toBeCloseTo(X_OUTPUT[c], 9);
    expect(byId.get(A)!.x).toBeCloseTo(261.577, 3);
    expect(byId.get(B)!.x).toBeCloseTo(3163.171, 3);

    // Coverage: C has usage on medqa only.
    expect(byId.get(C)).toMatchObject({ nDatasets: 1, nBoard: 2, missing: ["pubmedqa::base"] });
    expect(byId.get(C)!.coverage).toBeCloseTo(W_MEDQA / W, 12);
    expect(byId.get(A)!.coverage).toBe(1);

    // y and its interval are the board's.
    for (const p of view.points) {
      const c = board.result.configs.find((r) => r.config === p.config)!;
      expect(p.y).toBe(c.weightedMean);
      expect([p.yLo, p.yHi]).toEqual([c.ci?.lo ?? null, c.ci?.hi ?? null]);
    }
    const y = (c: string) => byId.get(c)!.y;
    expect(y(B)).toBeGreaterThan(y(C));
    expect(y(C)).toBeGreaterThan(y(A));
    // Points by y descending; group, model and effort from the catalog.
    expect(view.points.map((p) => p.config)).toEqual([B, C, A]);
    expect(byId.get(A)).toMatchObject({ modelId: "gpt-oss-20b", effort: "low", group: "open-weight" });
    expect(byId.get(C)).toMatchObject({ modelId: "medgemma-4b-it", effort: null, group: "medical" });

    // Frontier: C (50 tokens) and B (the best y); A costs more than C and scores less.
    expect(view.frontier).toEqual([C, B]);
    expect(view.points.filter((p) => p.onFrontier).map((p) => p.config).sort()).toEqual([B, C].sort());
    // The effort ladder joins gpt-oss-20b low → high.
    expect(view.ladders).toEqual([{ modelId: "gpt-oss-20b", configs: [A, B] }]);

    // D has a win rate but no usage: listed, never plotted; the demo-only E is not on the board at all.
    expect(view.unplotted.map((u) => [u.config, u.reason])).toEqual([[D, "no-usage"]]);
    expect(view.unplotted[0].y).toBe(board.result.configs.find((r) => r.config === D)!.weightedMean);
    expect(byId.has(D)).toBe(false);
    expect([...view.points, ...view.unplotted].some((p) => p.config === E)).toBe(false);
  });

  it("uses the same definition as BoardData.outputTokens for every config", async () => {
    for (const board of ["V", "OE"] as const) {
      const view = await getEfficiency({ board, x: "output" }, db().raw);
      const data = await getBoardData(db().raw, board, DEFAULT_LEADERBOARD_SETTINGS);
      const ours = Object.fromEntries(view.points.map((p) => [p.config, p.x]));
      expect(Object.keys(ours).sort()).toEqual(Object.keys(data.outputTokens).sort());
      for (const [config, x] of Object.entries(data.outputTokens)) expect(ours[config]).toBeCloseTo(x, 9);
      for (const u of view.unplotted) expect(data.outputTokens[u.config]).toBeUndefined();
    }
  });

  it("switches x to input + output tokens and to latency", async () => {
    const total = await getEfficiency({ board: "V", x: "total" }, db().raw);
    const t = new Map(total.points.map((p) => [p.config, p.x]));
    for (const c of [A, B, C]) expect(t.get(c)).toBeCloseTo(X_TOTAL[c], 9);
    // A is now the cheapest: every point is on the frontier.
    expect(total.frontier).toEqual([A, C, B]);
    expect(total.unplotted.map((u) => [u.config, u.reason])).toEqual([[D, "no-usage"]]);

    const latency = await getEfficiency({ board: "V", x: "latency" }, db().raw);
    const l = new Map(latency.points.map((p) => [p.config, p.x]));
    expect(l.get(A)).toBeCloseTo(1.51, 12);
    expect(l.get(C)).toBeCloseTo(1.51, 12);
    expect(l.get(B)).toBeCloseTo(10, 12);
    // A and C tie on x; C scores more, so A is not on the frontier.
    expect(latency.frontier).toEqual([C, B]);
    expect(latency.unplotted.map((u) => [u.config, u.reason])).toEqual([[D, "no-usage"]]);
  });

  it("per benchmark: y = the benchmark's mean score, x over its datasets only", async () => {
    const pub = await getEfficiency({ board: "V", benchmark: "pubmedqa", x: "output" }, db().raw);
    expect(pub.benchmark).toEqual({ slug: "pubmedqa", name: expect.any(String) });
    expect(pub.datasets.map((d) => d.key)).toEqual(["pubmedqa::base"]);
    const p = new Map(pub.points.map((q) => [q.config, q]));
    expect([...p.keys()].sort()).toEqual([A, B].sort());
    expect(p.get(A)!.x).toBeCloseTo(150, 9);
    expect(p.get(B)!.x).toBeCloseTo(4000, 9);
    // Mean scores: A 1/3, B 1; C (2/3) and D (0) have scores but no usage on pubmedqa.
    expect(p.get(A)!.y).toBeCloseTo(1 / 3, 12);
    expect(p.get(B)!.y).toBeCloseTo(1, 12);
    expect(pub.frontier).toEqual([A, B]);
    // By name: "Gemma 3 4B IT" before "MedGemma 4B IT".
    expect(pub.unplotted.map((u) => [u.config, u.reason])).toEqual([
      [D, "no-usage"],
      [C, "no-usage"],
    ]);
    expect(pub.unplotted.find((u) => u.config === C)!.y).toBeCloseTo(2 / 3, 12);

    const medqa = await getEfficiency({ board: "V", benchmark: "medqa", x: "output" }, db().raw);
    const m = new Map(medqa.points.map((q) => [q.config, q]));
    expect(m.get(A)!.x).toBeCloseTo(350, 9);
    expect(m.get(B)!.x).toBeCloseTo(2500, 9);
    expect(m.get(C)!.x).toBeCloseTo(50, 9);
    expect(m.get(A)!.y).toBeCloseTo(0.125, 12);
    expect(m.get(B)!.y).toBeCloseTo(0.875, 12);
    expect(m.get(C)!.y).toBeCloseTo(0.75, 12);
    expect(medqa.frontier).toEqual([C, B]);
    expect(medqa.unplotted.map((u) => u.config)).toEqual([D]);
  });

  it("takes a benchmark's own board, ignores an unknown benchmark, and stores each view once per snapshot", async () => {
    const other = await getEfficiency({ board: "OE", benchmark: "medqa", x: "output" }, db().raw);
    expect(other.board).toBe("V");
    expect(other.frontier).toEqual([C, B]);
    const unknown = await getEfficiency({ board: "V", benchmark: "no-such-benchmark", x: "output" }, db().raw);
    expect(unknown.unknownBenchmark).toBe("no-such-benchmark");
    expect(unknown.benchmark).toBeNull();
    expect(unknown.frontier).toEqual([C, B]);

    const again = await getEfficiency({ board: "V", x: "output" }, db().raw);
    expect(again.snapshot.id).toBe(other.snapshot.id);
    const stored = await db().raw.query<{ view: string; n: number }>(
      `select view, count(*)::int as n from snapshot_views where snapshot_id = $1 and view like 'efficiency%' group by view order by view`,
      [again.snapshot.id],
    );
    // One usage scan per board (V, OE); one view per (board, benchmark, x) asked for: V×{output, total,
    // latency}, OE output, V medqa, V pubmedqa (OE+medqa is V medqa; the unknown benchmark is V output).
    expect(stored.map((r) => [r.view, Number(r.n)])).toEqual([
      ["efficiency", 6],
      ["efficiency-usage", 2],
    ]);
  });
});
