/**
 * The board: Medmarks' mean win rate (spec §3, reproduced exactly), average rewards, head-to-head,
 * per-benchmark scores, and bootstrap intervals, rank intervals and tie groups.
 * Definitions and the decisions behind them: `lib/scoring/METHODS.md`.
 */
import { datasetKernel, type DatasetOutput, type DatasetTask } from "./dataset-kernel";
import { bootstrapKernel, createKernelRuntime, type KernelOutput, type KernelRuntime } from "./kernel";
import { KERNEL_WASM } from "./wasm";
import { hashString } from "./prng";
import { nearestRankSorted, percentileInterval, simpleMean, weightedMean, weightOf } from "./stats";
import {
  DEFAULT_SETTINGS,
  type BenchmarkScore,
  type BoardInput,
  type BoardResult,
  type CellResult,
  type ConfigResult,
  type DatasetInput,
  type DatasetResult,
  type DroppedDataset,
  type HeadToHeadResult,
  type Interval,
  type ScoringSettings,
} from "./types";

export const BOOTSTRAP_METHOD =
  "percentile bootstrap, questions resampled with replacement within each dataset (the same draws for every configuration), 95% = 2.5th–97.5th percentiles";

/** Fill in defaults; a partial settings object is accepted. */
export function resolveSettings(settings: Partial<ScoringSettings> = {}): ScoringSettings {
  const s: ScoringSettings = { ...DEFAULT_SETTINGS, ...settings };
  for (const k of Object.keys(s) as (keyof ScoringSettings)[]) if (s[k] === undefined) delete s[k];
  if (settings.bootstrap === undefined) s.bootstrap = DEFAULT_SETTINGS.bootstrap ? { ...DEFAULT_SETTINGS.bootstrap } : null;
  if (s.weights === "cap" && !(typeof s.cap === "number" && s.cap >= 0)) throw new Error('weights "cap" needs a non-negative `cap`');
  if (!(s.epsilon >= 0)) throw new Error("epsilon must be ≥ 0");
  if (s.bootstrap && !(Number.isInteger(s.bootstrap.replicates) && s.bootstrap.replicates > 0)) {
    throw new Error("bootstrap.replicates must be a positive integer");
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Plan: which configurations and datasets are scored

export interface PlannedDataset {
  input: DatasetInput;
  /** Scored columns of `input.values` (local column indices), ascending. */
  cols: Int32Array;
  /** Board configuration index of each scored column. */
  board: Int32Array;
  weight: number;
  benchIdx: number;
  /** Random stream id of the dataset's bootstrap (hash of its key). */
  stream: number;
}

export interface BoardPlan {
  settings: ScoringSettings;
  /** Board configurations: selected configurations present in at least one selected dataset, sorted. */
  configs: string[];
  datasets: PlannedDataset[];
  dropped: DroppedDataset[];
  benchmarks: string[];
  warnings: string[];
}

const envOf = (key: string) => {
  const i = key.indexOf("::");
  return i < 0 ? key : key.slice(0, i);
};

function datasetMatches(ds: DatasetInput, set: Set<string>): boolean {
  return set.has(ds.key) || set.has(envOf(ds.key)) || set.has(ds.benchmark);
}

export function planBoard(input: BoardInput, settings: ScoringSettings): BoardPlan {
  const s = settings;
  const warnings: string[] = [];
  const known = new Set(input.configs);
  for (const c of s.includeConfigs ?? []) if (!known.has(c)) warnings.push(`unknown configuration in includeConfigs: ${c}`);
  for (const c of s.excludeConfigs ?? []) if (!known.has(c)) warnings.push(`unknown configuration in excludeConfigs: ${c}`);
  const include = s.includeConfigs?.length ? new Set(s.includeConfigs) : null;
  const exclude = new Set(s.excludeConfigs ?? []);
  const selected = input.configs.map((c) => (!include || include.has(c)) && !exclude.has(c));

  const incDs = s.includeDatasets?.length ? new Set(s.includeDatasets) : null;
  const excDs = new Set(s.excludeDatasets ?? []);
  for (const [label, set] of [["includeDatasets", incDs], ["excludeDatasets", excDs]] as const) {
    for (const f of set ?? []) {
      if (!input.datasets.some((d) => d.key === f || envOf(d.key) === f || d.benchmark === f)) warnings.push(`${label} matches no dataset: ${f}`);
    }
  }
  const candidates = input.datasets.filter((d) => (!incDs || datasetMatches(d, incDs)) && !datasetMatches(d, excDs));

  // Configurations seen in the selected datasets (Medmarks: the required models under all-models coverage).
  const seen = new Uint8Array(input.configs.length);
  for (const d of candidates) for (const g of d.configIndex) if (selected[g]) seen[g] = 1;
  const configs: string[] = [];
  const boardOf = new Int32Array(input.configs.length).fill(-1);
  input.configs.forEach((c, g) => {
    if (seen[g]) boardOf[g] = configs.push(c) - 1;
  });

  const dropped: DroppedDataset[] = [];
  const kept: { input: DatasetInput; cols: Int32Array; board: Int32Array }[] = [];
  for (const d of candidates) {
    const cols: number[] = [];
    d.configIndex.forEach((g, j) => {
      if (boardOf[g] >= 0) cols.push(j);
    });
    if (cols.length === 0) continue;
    if (s.coverage === "all-models" && cols.length < configs.length) {
      const present = new Set(cols.map((j) => boardOf[d.configIndex[j]]));
      dropped.push({ dataset: d.key, benchmark: d.benchmark, missing: configs.filter((_, b) => !present.has(b)) });
      continue;
    }
    kept.push({ input: d, cols: Int32Array.from(cols), board: Int32Array.from(cols, (j) => boardOf[d.configIndex[j]]) });
  }
  if (kept.length === 0 && candidates.length > 0) {
    warnings.push(
      s.coverage === "all-models"
        ? "no dataset has every configuration (coverage all-models): try per-model coverage or fewer configurations"
        : "no dataset remains",
    );
  }
  const benchmarks = [...new Set(kept.map((k) => k.input.benchmark))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const benchPos = new Map(benchmarks.map((b, i) => [b, i]));
  return {
    settings: s,
    configs,
    datasets: kept.map((k) => ({
      ...k,
      weight: weightOf(k.input.questionIds.length, s.weights, s.cap ?? 0),
      benchIdx: benchPos.get(k.input.benchmark)!,
      stream: hashString(k.input.key),
    })),
    dropped,
    benchmarks,
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// One dataset: exact point estimates (one O(M²·U) pass) and the bootstrap rows

export interface DatasetCore extends DatasetOutput {
  plan: PlannedDataset;
}

/** What `datasetKernel` needs for one planned dataset. */
export function datasetTask(pd: PlannedDataset, s: ScoringSettings): DatasetTask {
  return {
    values: pd.input.values,
    Mf: pd.input.configIndex.length,
    Q: pd.input.questionIds.length,
    cols: pd.cols,
    epsilon: s.epsilon,
    negInf: s.missing === "neg-inf",
    bootstrap: s.bootstrap ? { replicates: s.bootstrap.replicates, seed: s.bootstrap.seed, stream: pd.stream } : null,
  };
}

/** Point estimates of one dataset (and its bootstrap replicates when the settings ask for them). */
export function scoreDataset(pd: PlannedDataset, s: ScoringSettings, rt: KernelRuntime | null = kernelRuntime()): DatasetCore {
  return { plan: pd, ...datasetKernel(datasetTask(pd, s), rt, bootstrapKernel) };
}

// ---------------------------------------------------------------------------------------------
// Bootstrap aggregation (datasets folded in key order, so sums are the same however computed)

interface CoreIntervals {
  wrCi: (Interval | null)[];
  avgCi: (Interval | null)[];
}

/**
 * Sums of the replicates over datasets, per configuration (config-major: [g · R + r]): weighted and
 * plain win-rate sums, and per (config, benchmark) average-reward sums. Datasets are folded strictly
 * in plan order (whatever order they arrive in), so the sums are the same however they were computed.
 */
export class BootstrapFolder {
  readonly R: number;
  private readonly nB: number;
  readonly wsum: Float64Array;
  readonly ssum: Float64Array;
  /** [(g · nB + b) · R + r] */
  readonly bsum: Float64Array;
  private readonly scratch: Float64Array;
  readonly intervals = new Map<number, CoreIntervals>();
  private next = 0;
  private readonly pending = new Map<number, DatasetCore>();

  constructor(replicates: number, nConfigs: number, nBenchmarks: number) {
    this.R = replicates;
    this.nB = nBenchmarks;
    this.wsum = new Float64Array(replicates * nConfigs);
    this.ssum = new Float64Array(replicates * nConfigs);
    this.bsum = new Float64Array(replicates * nConfigs * nBenchmarks);
    this.scratch = new Float64Array(replicates);
  }

  /** Add dataset number `index` (its position in the plan); folds happen in index order. */
  add(index: number, core: DatasetCore): void {
    if (!core.boot) throw new Error(`dataset ${core.plan.input.key} has no bootstrap replicates`);
    this.pending.set(index, core);
    while (this.pending.has(this.next)) {
      const c = this.pending.get(this.next)!;
      this.pending.delete(this.next);
      this.fold(this.next, c, c.boot!);
      c.boot = null; // replicates folded: free them
      this.next++;
    }
  }

  private fold(index: number, core: DatasetCore, out: KernelOutput): void {
    const { R, nB, scratch } = this;
    const M = core.M;
    const w = core.plan.weight;
    const bi = core.plan.benchIdx;
    const wrCi: (Interval | null)[] = [];
    const avgCi: (Interval | null)[] = [];
    for (let m = 0; m < M; m++) {
      const g = core.plan.board[m];
      const o = m * R;
      if (core.winRate[m] === core.winRate[m]) {
        const go = g * R;
        for (let r = 0; r < R; r++) {
          const v = out.wr[o + r];
          this.wsum[go + r] += v * w;
          this.ssum[go + r] += v;
        }
        wrCi.push(percentileInterval(out.wr.subarray(o, o + R), 0.95, scratch));
      } else wrCi.push(null);
      if (core.avg[m] === core.avg[m]) {
        const bo = (g * nB + bi) * R;
        for (let r = 0; r < R; r++) this.bsum[bo + r] += out.avg[o + r];
        avgCi.push(percentileInterval(out.avg.subarray(o, o + R), 0.95, scratch));
      } else avgCi.push(null);
    }
    this.intervals.set(index, { wrCi, avgCi });
  }

  get complete(): number {
    return this.next;
  }
}

// ---------------------------------------------------------------------------------------------
// Board assembly

export function assembleBoard(plan: BoardPlan, cores: DatasetCore[], folder: BootstrapFolder | null): BoardResult {
  const s = plan.settings;
  const Mb = plan.configs.length;
  const nB = plan.benchmarks.length;
  const local = cores.map((c) => {
    const l = new Int32Array(Mb).fill(-1);
    c.plan.board.forEach((g, m) => (l[g] = m));
    return l;
  });

  // Per config: mean win rate over datasets (dataset order), simple and weighted.
  const configPoint = plan.configs.map((_, g) => {
    const vals: number[] = [];
    const ws: number[] = [];
    cores.forEach((c, d) => {
      const m = local[d][g];
      if (m >= 0 && c.winRate[m] === c.winRate[m]) {
        vals.push(c.winRate[m]);
        ws.push(c.plan.weight);
      }
    });
    let wTotal = 0;
    for (const w of ws) wTotal += w;
    return { simple: simpleMean(vals), weighted: weightedMean(vals, ws), n: vals.length, wTotal };
  });

  // Bootstrap: weighted / simple replicates, intervals, rank intervals.
  const R = folder?.R ?? 0;
  // config-major: [g · R + r]
  const wRep = folder ? new Float64Array(R * Mb) : null;
  const sRep = folder ? new Float64Array(R * Mb) : null;
  if (folder && wRep && sRep) {
    for (let g = 0; g < Mb; g++) {
      const p = configPoint[g];
      for (let r = 0; r < R; r++) {
        const i = g * R + r;
        if (p.n === 0) {
          wRep[i] = sRep[i] = NaN;
          continue;
        }
        sRep[i] = folder.ssum[i] / p.n;
        wRep[i] = p.wTotal > 0 ? folder.wsum[i] / p.wTotal : sRep[i];
      }
    }
  }
  const column = (rep: Float64Array, g: number) => rep.subarray(g * R, g * R + R);

  const ranked = plan.configs
    .map((config, g) => ({ config, g, v: configPoint[g].weighted }))
    .filter((x): x is { config: string; g: number; v: number } => x.v !== null);
  const rankOf = new Int32Array(Mb);
  for (const x of ranked) rankOf[x.g] = 1 + ranked.filter((y) => y.v > x.v).length;

  let rankIntervals: (Interval | null)[] = plan.configs.map(() => null);
  if (wRep && ranked.length > 0) {
    const ranks = ranked.map(() => new Float64Array(R));
    const vals = new Float64Array(ranked.length);
    for (let r = 0; r < R; r++) {
      for (let i = 0; i < ranked.length; i++) vals[i] = wRep[ranked[i].g * R + r];
      for (let i = 0; i < ranked.length; i++) {
        let above = 0;
        const v = vals[i];
        for (let k = 0; k < ranked.length; k++) if (vals[k] > v) above++;
        ranks[i][r] = 1 + above;
      }
    }
    rankIntervals = plan.configs.map(() => null);
    ranked.forEach((x, i) => {
      const sorted = ranks[i].sort();
      rankIntervals[x.g] = { lo: nearestRankSorted(sorted, 0.025), hi: nearestRankSorted(sorted, 0.975) };
    });
  }

  const configsOut: ConfigResult[] = plan.configs.map((config, g) => {
    const p = configPoint[g];
    return {
      config,
      rank: p.weighted === null ? null : rankOf[g],
      weightedMean: p.weighted,
      simpleMean: p.simple,
      nDatasets: p.n,
      ci: wRep && p.n > 0 ? percentileInterval(column(wRep, g)) : null,
      simpleCi: sRep && p.n > 0 ? percentileInterval(column(sRep, g)) : null,
      rankInterval: rankIntervals[g],
      tieGroup: null,
    };
  });
  configsOut.sort((a, b) => {
    if (a.weightedMean === null || b.weightedMean === null) {
      if (a.weightedMean !== b.weightedMean) return a.weightedMean === null ? 1 : -1;
    } else if (a.weightedMean !== b.weightedMean) return b.weightedMean - a.weightedMean;
    return a.config < b.config ? -1 : a.config > b.config ? 1 : 0;
  });
  // Tie groups: walk the ranking; a group starts at its leader and holds the following configs whose
  // rank interval overlaps the leader's; the first config that does not overlap starts the next group.
  let group = 0;
  let leader: Interval | null = null;
  for (const c of configsOut) {
    if (!c.rankInterval) continue;
    if (!leader || c.rankInterval.lo > leader.hi || c.rankInterval.hi < leader.lo) {
      group++;
      leader = c.rankInterval;
    }
    c.tieGroup = group;
  }

  const datasetsOut: DatasetResult[] = cores.map((c) => ({
    key: c.plan.input.key,
    benchmark: c.plan.input.benchmark,
    nQuestions: c.plan.input.questionIds.length,
    nUsed: c.U,
    weight: c.plan.weight,
    configs: Array.from(c.plan.board, (g) => plan.configs[g]),
  }));

  const cells: CellResult[] = [];
  cores.forEach((c, d) => {
    const iv = folder?.intervals.get(d);
    for (let m = 0; m < c.M; m++) {
      cells.push({
        config: plan.configs[c.plan.board[m]],
        dataset: c.plan.input.key,
        benchmark: c.plan.input.benchmark,
        winRate: c.winRate[m] === c.winRate[m] ? c.winRate[m] : null,
        winRateCi: iv?.wrCi[m] ?? null,
        avgReward: c.avg[m] === c.avg[m] ? c.avg[m] : null,
        avgRewardCi: iv?.avgCi[m] ?? null,
        nAnswered: c.nAnswered[m],
      });
    }
  });

  const headToHead: HeadToHeadResult[] = [];
  for (let g = 0; g < Mb; g++) {
    for (let h = 0; h < Mb; h++) {
      if (h === g) continue;
      const perDataset: Record<string, number> = {};
      const vals: number[] = [];
      const ws: number[] = [];
      cores.forEach((c, d) => {
        const a = local[d][g];
        const b = local[d][h];
        if (a < 0 || b < 0) return;
        const wr = c.pairWr[a * c.M + b];
        if (wr !== wr) return;
        perDataset[c.plan.input.key] = wr;
        vals.push(wr);
        ws.push(c.plan.weight);
      });
      if (vals.length === 0) continue;
      headToHead.push({
        config: plan.configs[g],
        opponent: plan.configs[h],
        simpleMean: simpleMean(vals)!,
        weightedMean: weightedMean(vals, ws)!,
        nDatasets: vals.length,
        perDataset,
      });
    }
  }

  const benchmarks: BenchmarkScore[] = [];
  for (let g = 0; g < Mb; g++) {
    for (let b = 0; b < nB; b++) {
      const vals: number[] = [];
      cores.forEach((c, d) => {
        const m = local[d][g];
        if (c.plan.benchIdx === b && m >= 0 && c.avg[m] === c.avg[m]) vals.push(c.avg[m]);
      });
      if (vals.length === 0) continue;
      let ci: Interval | null = null;
      if (folder) {
        const rep = new Float64Array(R);
        for (let r = 0; r < R; r++) rep[r] = folder.bsum[(g * nB + b) * R + r] / vals.length;
        ci = percentileInterval(rep);
      }
      benchmarks.push({ config: plan.configs[g], benchmark: plan.benchmarks[b], score: simpleMean(vals)!, ci, nDatasets: vals.length });
    }
  }

  return {
    settings: s,
    configs: configsOut,
    datasets: datasetsOut,
    dropped: plan.dropped,
    cells,
    headToHead,
    benchmarks,
    warnings: plan.warnings,
    bootstrap: s.bootstrap ? { replicates: s.bootstrap.replicates, seed: s.bootstrap.seed, method: BOOTSTRAP_METHOD } : null,
  };
}

let runtime: KernelRuntime | null | undefined;
let wasmEnabled = true;
/** This thread's WebAssembly kernel (created once; null without WebAssembly SIMD, or after `setWasmKernel(false)`). */
export function kernelRuntime(): KernelRuntime | null {
  if (!wasmEnabled) return null;
  if (runtime === undefined) runtime = createKernelRuntime(KERNEL_WASM);
  return runtime;
}
/** Switch the WebAssembly SIMD loop off (JS loop, float64 throughout) or back on; for tests and comparisons. */
export function setWasmKernel(enabled: boolean): void {
  wasmEnabled = enabled;
}

/** Score a board: everything in `BoardResult`, single-threaded (see `scoreBoardParallel` for workers). */
export function scoreBoard(input: BoardInput, settings: Partial<ScoringSettings> = DEFAULT_SETTINGS): BoardResult {
  const s = resolveSettings(settings);
  const plan = planBoard(input, s);
  const folder = s.bootstrap ? new BootstrapFolder(s.bootstrap.replicates, plan.configs.length, plan.benchmarks.length) : null;
  const rt = kernelRuntime();
  const cores = plan.datasets.map((pd, i) => {
    const core = scoreDataset(pd, s, rt);
    if (folder) folder.add(i, core);
    return core;
  });
  return assembleBoard(plan, cores, folder);
}
