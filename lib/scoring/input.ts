/**
 * Rows → datasets as dense typed arrays (spec §3 step 1, and "Answer orders").
 *
 * A dataset is keyed `env::variant` (orders kept separate) or `env::subtask` (folded). Folding
 * pools: a question's mean is the mean of every reward it has across orders, repeats and rollouts
 * (a config missing one order simply has fewer values). Rewards are summed exactly (double-double
 * two-sum), so a question mean — and everything after it — does not depend on row order.
 * Questions are indexed densely in sorted id order, configurations in sorted name order.
 */
import { sortQuestionIds } from "./pairwise";
import type { BoardInput, DatasetInput, OrderMode, RewardRow } from "./types";

interface CellAcc {
  hi: Float64Array;
  lo: Float64Array;
  n: Int32Array;
}

interface DatasetAcc {
  key: string;
  benchmark: string;
  questions: Map<string, number>;
  configs: Map<string, CellAcc>;
}

function grow(acc: CellAcc, size: number): CellAcc {
  let cap = acc.hi.length;
  if (size <= cap) return acc;
  while (cap < size) cap = Math.max(16, cap * 2);
  const hi = new Float64Array(cap);
  hi.set(acc.hi);
  const lo = new Float64Array(cap);
  lo.set(acc.lo);
  const n = new Int32Array(cap);
  n.set(acc.n);
  return { hi, lo, n };
}

const byUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Streaming builder: `add` rows in any order, then `build` once. */
export class BoardInputBuilder {
  private readonly datasets = new Map<string, DatasetAcc>();
  private readonly configNames = new Set<string>();

  constructor(readonly orders: OrderMode) {}

  add(row: RewardRow): void {
    const key = this.orders === "separate" ? row.separateKey : row.foldedKey;
    let ds = this.datasets.get(key);
    if (!ds) {
      ds = { key, benchmark: row.benchmark, questions: new Map(), configs: new Map() };
      this.datasets.set(key, ds);
    }
    let q = ds.questions.get(row.exampleId);
    if (q === undefined) {
      q = ds.questions.size;
      ds.questions.set(row.exampleId, q);
    }
    let cell = ds.configs.get(row.config);
    if (!cell || q >= cell.hi.length) {
      if (!cell) this.configNames.add(row.config);
      cell = grow(cell ?? { hi: new Float64Array(0), lo: new Float64Array(0), n: new Int32Array(0) }, q + 1);
      ds.configs.set(row.config, cell);
    }
    const r = row.reward;
    if (r === null || r === undefined || r !== r) return; // a row without a reward: the config is present, the question has no value from it
    // two-sum: hi + lo holds the exact sum of the rewards seen so far
    const h = cell.hi[q];
    const s = h + r;
    const bp = s - h;
    cell.lo[q] += h - (s - bp) + (r - bp);
    cell.hi[q] = s;
    cell.n[q]++;
  }

  addAll(rows: Iterable<RewardRow>): this {
    for (const r of rows) this.add(r);
    return this;
  }

  build(): BoardInput {
    const configs = [...this.configNames].sort(byUnits);
    const configPos = new Map(configs.map((c, i) => [c, i]));
    const keys = [...this.datasets.keys()].sort(byUnits);
    const datasets: DatasetInput[] = keys.map((key) => {
      const ds = this.datasets.get(key)!;
      const questionIds = sortQuestionIds([...ds.questions.keys()]);
      const newIndex = new Int32Array(questionIds.length);
      questionIds.forEach((id, i) => (newIndex[ds.questions.get(id)!] = i));
      const names = [...ds.configs.keys()].sort(byUnits);
      const M = names.length;
      const values = new Float64Array(questionIds.length * M).fill(NaN);
      names.forEach((name, j) => {
        const cell = ds.configs.get(name)!;
        const len = Math.min(cell.n.length, questionIds.length);
        for (let q = 0; q < len; q++) {
          const n = cell.n[q];
          if (n > 0) values[newIndex[q] * M + j] = (cell.hi[q] + cell.lo[q]) / n;
        }
      });
      return {
        key,
        benchmark: ds.benchmark,
        questionIds,
        configIndex: Int32Array.from(names, (n) => configPos.get(n)!),
        values,
      };
    });
    return { configs, datasets };
  }
}

/** Group reward rows into datasets (folded: `foldedKey`, separate: `separateKey`), dense typed arrays. */
export function buildBoardInput(rows: Iterable<RewardRow>, orders: OrderMode): BoardInput {
  return new BoardInputBuilder(orders).addAll(rows).build();
}

/**
 * A dataset from a question × configuration table of question means (null/NaN = no value).
 * Handy for tests and synthetic benchmarks; `configs` are names that must be in `allConfigs`.
 */
export function datasetFromMatrix(
  allConfigs: string[],
  key: string,
  benchmark: string,
  questionIds: string[],
  configs: string[],
  means: ArrayLike<ArrayLike<number | null>>,
): DatasetInput {
  const order = configs.map((c, j) => ({ c, j, g: allConfigs.indexOf(c) })).sort((a, b) => a.g - b.g);
  if (order.some((o) => o.g < 0)) throw new Error(`unknown configuration in ${key}`);
  const M = order.length;
  const values = new Float64Array(questionIds.length * M).fill(NaN);
  for (let q = 0; q < questionIds.length; q++) {
    for (let k = 0; k < M; k++) {
      const v = means[q][order[k].j];
      if (v !== null && v === v) values[q * M + k] = v;
    }
  }
  return { key, benchmark, questionIds, configIndex: Int32Array.from(order, (o) => o.g), values };
}
