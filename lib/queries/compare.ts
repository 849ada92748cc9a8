/**
 * The compare view: 2 to 6 configurations side by side on one board (current snapshot, default
 * settings, so every number is the leaderboard's).
 *
 * Per benchmark (any of them scored on it): each one's board score with its 95% interval, and
 * against the reference configuration the paired comparison `pairedCompare` (lib/scoring/paired.ts)
 * on the questions both answered — question means of the snapshot's runs under the board's
 * demo/real provenance rule, answer orders, repeats and rollouts folded (`datasets.folded_key`),
 * only the board's scored datasets, questions of all the benchmark's datasets pooled: the mean
 * difference config − ref with its paired bootstrap 95% interval, and McNemar's exact p when every
 * compared question mean is 0 or 1, else the paired bootstrap p. Questions only one of the two
 * answered are not compared; they are counted (onlyConfig / onlyRef), never dropped silently.
 * p-values are Holm-adjusted per pair over the benchmarks tested for that pair.
 *
 * Also: wr(row vs column) among them from the stored head-to-head; tokens and latency over the runs
 * the board shows; each one's reasoning effort and sampling arguments with the settings that
 * differ flagged (lib/queries/compare-alignment.ts).
 *
 * Everything that depends on the data is computed once per snapshot and stored with
 * getSnapshotView: the set's scores, head-to-head, usage and settings per board and SORTED set of
 * configurations (view `compare`, key `v1|<board>|<sorted slugs>`), and the paired tests per board
 * and sorted pair (view `compare-pair`, key `v1|<board>|<a>|<b>`, both directions derivable). Only
 * the pairs the page shows (each configuration against the reference) are computed, on first use:
 * a paired bootstrap over every question of the board costs seconds per pair at full scale, and a
 * pair is shared by every set (and reference) that contains it. The page order and the reference
 * only arrange what is stored.
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { getBoardData, type BoardData } from "../boards/compute";
import { getSnapshotView } from "../boards/view-cache";
import type { ModelGroup } from "../catalog/types";
import { holm, pairedCompare, PAIRED_BOOTSTRAP_REPLICATES, type PairedMethod } from "../scoring/paired";
import { hashString } from "../scoring/prng";
import { DEFAULT_BOOTSTRAP } from "../scoring/types";
import { alignSettings } from "./compare-alignment";
import {
  COMPARE_ALPHA,
  COMPARE_VIEW_VERSION,
  MAX_COMPARE,
  MIN_COMPARE,
  type CompareBenchmarkRow,
  type CompareConfig,
  type CompareParams,
  type CompareScore,
  type CompareStored,
  type CompareView,
  type Comparison,
  type StoredPair,
  type StoredPairTest,
  type StoredPairTests,
  type VsRef,
} from "./compare-types";
import { compareSampling, parseJson } from "./config-stats";
import { getTokenStats } from "./config-tokens";
import { loadHeadToHeadCell } from "./head-to-head";
import { datasetLabel } from "./leaderboard";
import { DEFAULT_LEADERBOARD_SETTINGS, type Board } from "./leaderboard-types";
import { questionMeans } from "./medical";

export type * from "./compare-types";

export { COMPARE_VIEW_VERSION };

/** The snapshot-view key of a comparison: version, board and the sorted set. */
export function compareViewKey(board: Board, configs: readonly string[]): string {
  return `${COMPARE_VIEW_VERSION}|${board}|${sortSlugs(configs).join(",")}`;
}

/** The snapshot-view key of a pair's paired tests: version, board and the two slugs in code-unit order. */
export function comparePairKey(board: Board, x: string, y: string): string {
  const [a, b] = sortSlugs([x, y]);
  return `${COMPARE_VIEW_VERSION}|${board}|${a}|${b}`;
}

function sortSlugs(configs: readonly string[]): string[] {
  return [...new Set(configs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

interface ConfigRow {
  slug: string;
  display_name: string;
  reasoning_effort: string | null;
  sampling_args: unknown;
  model_id: string;
  model_name: string;
  group: string | null;
}

async function loadConfigRows(raw: RawClient, slugs: readonly string[]): Promise<ConfigRow[]> {
  if (!slugs.length) return [];
  return raw.query<ConfigRow>(
    `select c.slug, c.display_name, c.reasoning_effort, c.sampling_args, m.id as model_id, m.display_name as model_name, m."group"
     from configs c join models m on m.id = c.model_id where c.slug = any($1::text[])`,
    [[...slugs]],
  );
}

// ---------------------------------------------------------------------------------------------
// Computation (stored)

async function computeCompare(raw: RawClient, data: BoardData, board: Board, configs: string[]): Promise<CompareStored> {
  const { result } = data;
  const index = new Map(configs.map((c, i) => [c, i]));

  // Benchmarks: the board's scored datasets grouped by benchmark, kept when any of them has a score.
  const datasetsOf = new Map<string, string[]>();
  for (const d of result.datasets) {
    if (!datasetsOf.has(d.benchmark)) datasetsOf.set(d.benchmark, []);
    datasetsOf.get(d.benchmark)!.push(d.key);
  }
  const answered = new Map<string, number>(); // config \0 benchmark → questions answered
  for (const c of result.cells) {
    if (!index.has(c.config)) continue;
    const k = `${c.config}\u0000${c.benchmark}`;
    answered.set(k, (answered.get(k) ?? 0) + c.nAnswered);
  }
  const scores = new Map<string, (CompareScore | null)[]>();
  for (const s of result.benchmarks) {
    const i = index.get(s.config);
    if (i === undefined) continue;
    if (!scores.has(s.benchmark)) scores.set(s.benchmark, configs.map(() => null));
    scores.get(s.benchmark)![i] = { score: s.score, ci: s.ci, nAnswered: answered.get(`${s.config}\u0000${s.benchmark}`) ?? 0 };
  }
  const slugs = [...scores.keys()].filter((s) => datasetsOf.has(s));
  const names = slugs.length
    ? await raw.query<{ slug: string; name: string; sort_order: number }>(`select slug, name, sort_order from benchmarks where slug = any($1::text[])`, [slugs])
    : [];
  const nameOf = new Map(names.map((r) => [r.slug, r.name]));
  const orderOf = new Map(names.map((r) => [r.slug, Number(r.sort_order)]));
  slugs.sort((x, y) => (orderOf.get(x) ?? 1e9) - (orderOf.get(y) ?? 1e9) || (x < y ? -1 : x > y ? 1 : 0));
  const benchmarks = slugs.map((slug) => ({
    slug,
    name: nameOf.get(slug) ?? slug,
    datasets: datasetsOf.get(slug)!.map((key) => ({ key, label: datasetLabel(key) })),
    scores: scores.get(slug)!,
  }));

  const pairs: StoredPair[] = [];
  for (let i = 0; i < configs.length; i++) {
    for (let j = i + 1; j < configs.length; j++) {
      const cell = await loadHeadToHeadCell(raw, data.snapshot.id, board, configs[i], configs[j]);
      pairs.push({ a: configs[i], b: configs[j], headToHead: cell ? { weighted: cell.weighted, simple: cell.simple, nDatasets: cell.nDatasets } : null });
    }
  }

  // Runs the board shows (its scored datasets, its provenance rule): tokens, latency, sampling arguments.
  const keys = result.datasets.map((d) => d.key);
  const provenance = data.provenanceSql;
  const runs = keys.length
    ? await raw.query<{ id: number; config: string; sampling_args: unknown }>(
        `select u.id, u.config_slug as config, u.sampling_args
         from snapshot_runs sr
         join runs u on u.id = sr.run_id
         join datasets d on d.id = u.dataset_id
         join benchmarks b on b.slug = d.benchmark_slug
         where sr.snapshot_id = $1 and b.subset = $2 and u.config_slug = any($3::text[]) and d.folded_key = any($4::text[]) ${provenance}
         order by u.id`,
        [data.snapshot.id, board, configs, keys],
      )
    : [];
  const rows = new Map((await loadConfigRows(raw, configs)).map((r) => [r.slug, r]));
  const usage = [];
  const sampling = [];
  for (const c of configs) {
    const own = runs.filter((r) => r.config === c).map((r) => ({ id: Number(r.id), args: parseJson(r.sampling_args) }));
    const stats = (await getTokenStats(raw, own.map((r) => r.id))).find((s) => s.scope === board)!;
    usage.push({ config: c, outputTokensPerQuestion: data.outputTokens[c] ?? null, stats });
    const configArgs = parseJson(rows.get(c)?.sampling_args ?? {});
    const observed = compareSampling(configArgs, own).observed.map((g) => ({ args: g.args, runIds: g.runIds }));
    sampling.push({
      config: c,
      reasoningEffort: rows.get(c)?.reasoning_effort ?? null,
      configArgs,
      observed,
      source: (observed.length ? "runs" : "config") as "runs" | "config",
    });
  }
  const alignment = alignSettings(
    sampling.map((s) => ({ config: s.config, reasoningEffort: s.reasoningEffort, argSets: s.observed.length ? s.observed.map((g) => g.args) : [s.configArgs] })),
  );

  return { configs, benchmarks, pairs, usage, sampling, alignment, replicates: PAIRED_BOOTSTRAP_REPLICATES, seed: DEFAULT_BOOTSTRAP.seed };
}

// ---------------------------------------------------------------------------------------------
// Paired tests (stored per pair)

type MeansByBenchmark = Map<string, Map<string, Map<string, number | null>>>;

/** Question means of some configurations split by benchmark: config → benchmark → `dataset\0example` → mean. */
async function meansByBenchmark(raw: RawClient, data: BoardData, board: Board, configs: string[]): Promise<MeansByBenchmark> {
  const benchOf = new Map(data.result.datasets.map((d) => [d.key, d.benchmark]));
  const means = await questionMeans(raw, data, board, configs);
  const out: MeansByBenchmark = new Map();
  for (const c of configs) {
    const split = new Map<string, Map<string, number | null>>();
    for (const [k, v] of means.get(c) ?? []) {
      const bench = benchOf.get(k.slice(0, k.indexOf("\u0000")));
      if (bench === undefined) continue;
      if (!split.has(bench)) split.set(bench, new Map());
      split.get(bench)!.set(k, v);
    }
    out.set(c, split);
  }
  return out;
}

/** pairedCompare of a − b (a < b) on every benchmark both have a board score on, Holm-adjusted over them. */
function computePairTests(data: BoardData, board: Board, a: string, b: string, means: MeansByBenchmark): StoredPairTests {
  const scored = new Map<string, number>();
  for (const s of data.result.benchmarks) if (s.config === a || s.config === b) scored.set(s.benchmark, (scored.get(s.benchmark) ?? 0) + 1);
  const slugs = [...scored].filter(([, n]) => n === 2).map(([slug]) => slug).sort();
  const empty = new Map<string, number | null>();
  const raws = slugs.map((slug) =>
    pairedCompare(means.get(a)?.get(slug) ?? empty, means.get(b)?.get(slug) ?? empty, { stream: hashString(`compare|${board}|${a}|${b}|${slug}`) }),
  );
  const adjusted = holm(raws.map((t) => t.p));
  const tests: Record<string, StoredPairTest> = {};
  raws.forEach((t, k) => {
    tests[slugs[k]] = {
      method: t.method,
      nShared: t.nShared,
      onlyA: t.onlyA,
      onlyB: t.onlyB,
      meanA: t.meanA,
      meanB: t.meanB,
      diff: t.diff,
      ci: t.ci,
      p: t.p,
      pHolm: adjusted[k],
      discordant: t.discordant,
    };
  });
  return { a, b, tests };
}

/** The stored tests of (config, ref) for every other configuration: read, or computed now (question means loaded once, when first needed). */
async function loadRefTests(raw: RawClient, data: BoardData, board: Board, configs: string[], ref: string): Promise<Map<string, StoredPairTests>> {
  let means: Promise<MeansByBenchmark> | null = null;
  const out = new Map<string, StoredPairTests>();
  for (const x of configs) {
    if (x === ref) continue;
    const [a, b] = sortSlugs([x, ref]);
    const view = await getSnapshotView<StoredPairTests>(raw, "compare-pair", comparePairKey(board, a, b), async () =>
      computePairTests(data, board, a, b, await (means ??= meansByBenchmark(raw, data, board, configs))),
    );
    out.set(x, view.result);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Arrangement (page order, reference)

/** The stored test of a − b seen as x − ref (x and ref are the pair's two configurations). */
export function orientTest(t: StoredPairTest, pair: { a: string; b: string }, config: string): VsRef {
  if (config === pair.a) {
    return {
      method: t.method,
      nShared: t.nShared,
      onlyConfig: t.onlyA,
      onlyRef: t.onlyB,
      meanConfig: t.meanA,
      meanRef: t.meanB,
      diff: t.diff,
      ci: t.ci,
      p: t.p,
      pHolm: t.pHolm,
      discordant: t.discordant ? { config: t.discordant.b, ref: t.discordant.c } : null,
    };
  }
  return {
    method: t.method,
    nShared: t.nShared,
    onlyConfig: t.onlyB,
    onlyRef: t.onlyA,
    meanConfig: t.meanB,
    meanRef: t.meanA,
    diff: t.diff === null ? null : 0 - t.diff,
    ci: t.ci ? { lo: 0 - t.ci.hi, hi: 0 - t.ci.lo } : null,
    p: t.p,
    pHolm: t.pHolm,
    discordant: t.discordant ? { config: t.discordant.c, ref: t.discordant.b } : null,
  };
}

function arrange(stored: CompareStored, order: readonly string[], ref: string, refTests: Map<string, StoredPairTests>): Comparison {
  const at = new Map(stored.configs.map((c, i) => [c, i]));
  const pairOf = (x: string, y: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    return stored.pairs.find((p) => p.a === a && p.b === b)!;
  };
  const methods = new Set<PairedMethod>();
  const benchmarks: CompareBenchmarkRow[] = stored.benchmarks.map((bm) => {
    const rowMethods = new Set<PairedMethod>();
    const cells = order.map((config) => {
      const score = bm.scores[at.get(config)!];
      let vsRef: VsRef | null = null;
      if (config !== ref) {
        const pair = refTests.get(config)!;
        const t = pair.tests[bm.slug];
        if (t) {
          vsRef = orientTest(t, pair, config);
          rowMethods.add(t.method);
          methods.add(t.method);
        }
      }
      return { config, score, vsRef };
    });
    return { slug: bm.slug, name: bm.name, datasets: bm.datasets, cells, methods: [...rowMethods].sort() };
  });
  const n = order.length;
  const weighted: (number | null)[] = new Array(n * n).fill(null);
  const simple: (number | null)[] = new Array(n * n).fill(null);
  const nDatasets: number[] = new Array(n * n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const pair = pairOf(order[i], order[j]);
      const h = pair.headToHead;
      if (!h) continue;
      const flip = pair.a !== order[i];
      weighted[i * n + j] = flip ? 1 - h.weighted : h.weighted;
      simple[i * n + j] = flip ? 1 - h.simple : h.simple;
      nDatasets[i * n + j] = h.nDatasets;
    }
  }
  const byConfig = <T extends { config: string }>(xs: T[]) => order.map((c) => xs.find((x) => x.config === c)!);
  return {
    benchmarks,
    headToHead: { weighted, simple, nDatasets },
    usage: byConfig(stored.usage),
    sampling: byConfig(stored.sampling),
    alignment: stored.alignment.map((r) => ({ ...r, values: byConfig(r.values) })),
    methods: [...methods].sort(),
    replicates: stored.replicates,
    seed: stored.seed,
    alpha: COMPARE_ALPHA,
  };
}

/**
 * 2 to 6 configurations side by side on one board. Unknown slugs are listed (not an error), known
 * ones beyond MAX_COMPARE are dropped and listed, `ref` defaults to the first known one. With fewer
 * than MIN_COMPARE known configurations, `comparison` is null (the page shows a picker).
 */
export async function getComparison(params: CompareParams, rawArg?: RawClient): Promise<CompareView> {
  const raw = rawArg ?? (await getDbHandle()).raw;
  const { board } = params;
  const requested = [...new Set(params.configs.map((c) => c.trim()).filter((c) => c.length > 0 && c.length <= 200))];
  const data = await getBoardData(raw, board, DEFAULT_LEADERBOARD_SETTINGS);
  const rows = new Map((await loadConfigRows(raw, requested)).map((r) => [r.slug, r]));
  const knownAll = requested.filter((c) => rows.has(c));
  const unknown = requested.filter((c) => !rows.has(c));
  const known = knownAll.slice(0, MAX_COMPARE);
  const dropped = knownAll.slice(MAX_COMPARE);

  const wanted = params.ref?.trim() || null;
  const ref = wanted && known.includes(wanted) ? wanted : (known[0] ?? null);
  const refIgnored = wanted && wanted !== ref ? wanted : null;

  const ranked = new Map(data.result.configs.map((c) => [c.config, c]));
  const configs: CompareConfig[] = known.map((slug) => {
    const r = rows.get(slug)!;
    const c = ranked.get(slug);
    const onBoard = !!c && c.rank !== null && c.weightedMean !== null;
    return {
      config: slug,
      displayName: r.display_name,
      modelId: r.model_id,
      modelName: r.model_name,
      group: (r.group as ModelGroup | null) ?? null,
      reasoningEffort: r.reasoning_effort,
      onBoard,
      rank: onBoard ? c!.rank : null,
      winRate: onBoard ? c!.weightedMean : null,
      winRateCi: onBoard ? c!.ci : null,
      nDatasets: c?.nDatasets ?? 0,
    };
  });

  const base = { board, snapshot: data.snapshot, synthetic: data.synthetic, configs, unknown, dropped, ref, refIgnored };
  if (known.length < MIN_COMPARE || ref === null) return { ...base, computedAt: null, comparison: null };
  const sorted = sortSlugs(known);
  const view = await getSnapshotView<CompareStored>(raw, "compare", compareViewKey(board, sorted), () => computeCompare(raw, data, board, sorted));
  const refTests = await loadRefTests(raw, data, board, sorted, ref);
  return { ...base, computedAt: view.computedAt, comparison: arrange(view.result, known, ref, refTests) };
}
