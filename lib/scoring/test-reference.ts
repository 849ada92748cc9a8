/**
 * Test helpers: a deliberately plain re-implementation of `medarc-eval winrate` (spec §3) over reward
 * rows — maps and loops, pair by pair, no typed arrays — and a random board generator. The engine
 * must agree with it to the last digit.
 */
import { meanOfRewards, pairWinRate, sortQuestionIds } from "./pairwise";
import { createRng } from "./prng";
import { weightOf } from "./stats";
import type { MedmarksWinrateJson, OrderMode, RewardRow, ScoringSettings } from "./types";

const byUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function referenceWinrate(rows: RewardRow[], orders: OrderMode, s: ScoringSettings): MedmarksWinrateJson {
  // dataset → model → question → rewards
  const data = new Map<string, { benchmark: string; models: Map<string, Map<string, (number | null)[]>>; questions: Set<string> }>();
  for (const r of rows) {
    const key = orders === "separate" ? r.separateKey : r.foldedKey;
    let d = data.get(key);
    if (!d) data.set(key, (d = { benchmark: r.benchmark, models: new Map(), questions: new Set() }));
    d.questions.add(r.exampleId);
    let m = d.models.get(r.config);
    if (!m) d.models.set(r.config, (m = new Map()));
    const list = m.get(r.exampleId) ?? [];
    list.push(r.reward);
    m.set(r.exampleId, list);
  }
  const env = (k: string) => k.split("::")[0];
  const matches = (k: string, set: string[] | undefined) => !!set?.some((f) => f === k || f === env(k) || f === data.get(k)!.benchmark);
  const keep = (c: string) => (!s.includeConfigs?.length || s.includeConfigs.includes(c)) && !s.excludeConfigs?.includes(c);
  let keys = [...data.keys()].sort(byUnits).filter((k) => (!s.includeDatasets?.length || matches(k, s.includeDatasets)) && !matches(k, s.excludeDatasets));
  const present = new Map(keys.map((k) => [k, [...data.get(k)!.models.keys()].filter(keep).sort(byUnits)]));
  keys = keys.filter((k) => present.get(k)!.length > 0);
  if (s.coverage === "all-models") {
    const seen = new Set(keys.flatMap((k) => present.get(k)!));
    keys = keys.filter((k) => present.get(k)!.length === seen.size);
  }

  const pairWr = new Map<string, Map<string, number>>(); // `${a}|${b}` → dataset → wr(a, b)
  const dsMeans = new Map<string, Map<string, number>>(); // model → dataset → mean win rate
  const avg = new Map<string, Map<string, number | null>>(); // dataset → model → avg reward
  const nq = new Map<string, number>();
  for (const k of keys) {
    const d = data.get(k)!;
    nq.set(k, d.questions.size);
    const qs = sortQuestionIds([...d.questions]);
    const models = present.get(k)!;
    const means = new Map(models.map((m) => [m, qs.map((q) => (d.models.get(m)!.has(q) ? meanOfRewards(d.models.get(m)!.get(q)!) : null))]));
    const a: Map<string, number | null> = new Map();
    for (const m of models) {
      const vals = means.get(m)!.filter((v): v is number => v !== null);
      let sum = 0;
      for (const v of vals) sum += v;
      a.set(m, vals.length ? sum / vals.length : null);
    }
    avg.set(k, a);
    for (let i = 0; i < models.length; i++) {
      for (let j = i + 1; j < models.length; j++) {
        const { winRate } = pairWinRate(means.get(models[i])!, means.get(models[j])!, { missing: s.missing, epsilon: s.epsilon });
        if (winRate === null) continue;
        const set = (x: string, y: string, v: number) => {
          const key = `${x}|${y}`;
          if (!pairWr.has(key)) pairWr.set(key, new Map());
          pairWr.get(key)!.set(k, v);
        };
        set(models[i], models[j], winRate);
        set(models[j], models[i], 1 - winRate);
      }
    }
    for (const m of models) {
      const wrs: number[] = [];
      for (const o of models) {
        if (o === m) continue;
        const v = pairWr.get(`${m}|${o}`)?.get(k);
        if (v !== undefined) wrs.push(v);
      }
      if (wrs.length === 0) continue;
      let sum = 0;
      for (const v of wrs) sum += v;
      if (!dsMeans.has(m)) dsMeans.set(m, new Map());
      dsMeans.get(m)!.set(k, sum / wrs.length);
    }
  }
  const w = (k: string) => weightOf(nq.get(k)!, s.weights, s.cap ?? 0);
  const agg = (vals: [string, number][]) => {
    let sum = 0;
    let sw = 0;
    let svw = 0;
    for (const [k, v] of vals) {
      sum += v;
      svw += v * w(k);
      sw += w(k);
    }
    const simple = sum / vals.length;
    return { simple_mean: simple, weighted_mean: sw > 0 ? svw / sw : simple };
  };
  const models = [...new Set(keys.flatMap((k) => present.get(k)!))].sort(byUnits);
  const out: MedmarksWinrateJson = { models: {}, datasets: {} };
  for (const m of models) {
    const means = [...(dsMeans.get(m) ?? new Map<string, number>())].sort((x, y) => byUnits(x[0], y[0]));
    const vs: MedmarksWinrateJson["models"][string]["vs"] = {};
    for (const o of models) {
      const per = pairWr.get(`${m}|${o}`);
      if (o === m || !per) continue;
      const entries = [...per].sort((x, y) => byUnits(x[0], y[0]));
      vs[o] = { mean_winrate: agg(entries), per_dataset: Object.fromEntries(entries), n_datasets: entries.length };
    }
    const avgs: Record<string, number | null> = {};
    for (const k of keys) if (avg.get(k)!.has(m)) avgs[k] = avg.get(k)!.get(m)!;
    out.models[m] = {
      mean_winrate: means.length ? { ...agg(means), n_datasets: means.length } : { simple_mean: null, weighted_mean: null, n_datasets: 0 },
      vs,
      avg_reward_per_dataset: avgs,
    };
  }
  for (const k of keys) out.datasets[k] = { avg_reward_per_model: Object.fromEntries(avg.get(k)!), n_questions: nq.get(k)! };
  return out;
}

/** A random board: configs with abilities, datasets with answer orders, repeats, missing runs / questions / rewards, ties. */
export function randomRows(seed: number, opts: { configs?: number; envs?: number; maxQuestions?: number } = {}): RewardRow[] {
  const rng = createRng(seed);
  const nC = opts.configs ?? 2 + rng.int(6);
  const nE = opts.envs ?? 1 + rng.int(5);
  const rows: RewardRow[] = [];
  const ability = Array.from({ length: nC }, () => rng() * 2 - 1);
  for (let e = 0; e < nE; e++) {
    const envId = `env${e}`;
    const nQ = 1 + rng.int(opts.maxQuestions ?? 30);
    const variants = rng() < 0.5 ? ["base"] : ["base", "shuffle_seed-1618", "shuffle_seed-9331"];
    const kind = rng.int(4); // 0/1, partial credit on a grid, continuous, values ε apart
    for (let c = 0; c < nC; c++) {
      if (rng() < 0.15) continue; // this config never ran this env
      for (const variant of variants) {
        if (variant !== "base" && rng() < 0.2) continue; // missed one order
        const rollouts = 1 + rng.int(3);
        for (let q = 0; q < nQ; q++) {
          if (rng() < 0.08) continue; // interrupted run: question missing
          for (let k = 0; k < rollouts; k++) {
            let reward: number | null;
            const p = 1 / (1 + Math.exp(-(ability[c] * 2 + (q % 5) - 2)));
            if (rng() < 0.05) reward = null;
            else if (kind === 0) reward = rng() < p ? 1 : 0;
            else if (kind === 1) reward = Math.round(p * 4 + rng() - 0.5) / 4;
            else if (kind === 2) reward = rng();
            else reward = rng() < 0.5 ? 0.3 : rng() < 0.5 ? 0.1 + 0.2 : rng() < 0.5 ? 0.3 + 5e-10 : 0.7;
            if (reward !== null) reward = Math.min(1, Math.max(0, reward));
            rows.push({
              config: `cfg${c}`,
              separateKey: `${envId}::${variant}`,
              foldedKey: `${envId}::base`,
              benchmark: envId,
              exampleId: String(q),
              reward,
            });
          }
        }
      }
    }
  }
  return rows;
}
