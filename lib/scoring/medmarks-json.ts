/**
 * `BoardResult` → the JSON `medarc-eval winrate` writes, key for key, so the two can be diffed:
 * `{"models": {<config>: {"mean_winrate": {simple_mean, weighted_mean, n_datasets}, "vs": {<other>:
 * {"mean_winrate": {simple_mean, weighted_mean}, "per_dataset": {<dataset>: wr}, "n_datasets"}},
 * "avg_reward_per_dataset": {<dataset>: avg}}}, "datasets": {<dataset>: {"avg_reward_per_model": {...},
 * "n_questions"}}}` — every object's keys sorted, like the Python output.
 */
import type { BoardResult, MedmarksWinrateJson } from "./types";

const byUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortedRecord<T>(entries: [string, T][]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of entries.sort((a, b) => byUnits(a[0], b[0]))) out[k] = v;
  return out;
}

export function toMedmarksJson(result: BoardResult): MedmarksWinrateJson {
  const models: MedmarksWinrateJson["models"] = {};
  const byConfig = new Map(result.configs.map((c) => [c.config, c]));
  // like Medmarks: the models of the scored datasets
  const names = [...new Set(result.cells.map((c) => c.config))].sort(byUnits);
  const vsOf = new Map<string, [string, MedmarksWinrateJson["models"][string]["vs"][string]][]>();
  for (const h of result.headToHead) {
    const list = vsOf.get(h.config) ?? [];
    list.push([
      h.opponent,
      {
        mean_winrate: { simple_mean: h.simpleMean, weighted_mean: h.weightedMean },
        per_dataset: sortedRecord(Object.entries(h.perDataset)),
        n_datasets: h.nDatasets,
      },
    ]);
    vsOf.set(h.config, list);
  }
  const avgOf = new Map<string, [string, number | null][]>();
  const perDataset = new Map<string, [string, number | null][]>();
  for (const cell of result.cells) {
    const a = avgOf.get(cell.config) ?? [];
    a.push([cell.dataset, cell.avgReward]);
    avgOf.set(cell.config, a);
    const d = perDataset.get(cell.dataset) ?? [];
    d.push([cell.config, cell.avgReward]);
    perDataset.set(cell.dataset, d);
  }
  for (const name of names) {
    const c = byConfig.get(name)!;
    models[name] = {
      mean_winrate: { simple_mean: c.simpleMean, weighted_mean: c.weightedMean, n_datasets: c.nDatasets },
      vs: sortedRecord(vsOf.get(name) ?? []),
      avg_reward_per_dataset: sortedRecord(avgOf.get(name) ?? []),
    };
  }
  const datasets: MedmarksWinrateJson["datasets"] = {};
  for (const d of [...result.datasets].sort((a, b) => byUnits(a.key, b.key))) {
    datasets[d.key] = { avg_reward_per_model: sortedRecord(perDataset.get(d.key) ?? []), n_questions: d.nQuestions };
  }
  return { models, datasets };
}
