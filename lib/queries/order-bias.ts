/**
 * Answer-order bias (spec §4) for every configuration × MCQ dataset with shuffled copies in the
 * current snapshot: accuracy per order, paired change, flips, consistency and position preference
 * (lib/scoring `orderBias`), a configuration × benchmark heatmap, a sensitivity ranking and the
 * most-flipped questions. Computed once per snapshot and parameters (`getSnapshotView`), stored.
 *
 * Runs: the snapshot's published runs of the board's benchmarks under the boards' provenance rule
 * (`auto`: real runs once any is published, else the demo runs); a dataset (benchmark + env +
 * subtask) is in the view when it has both an original-order run and a shuffled one.
 *
 * Intervals: the whole-board view runs `orderBias` with `replicates: 0` (no bootstrap): deltas carry
 * the normal-approximation 95% interval of the paired mean difference (and McNemar's exact p for
 * 0/1 rewards). `getOrderBiasDetail` recomputes one configuration with the paired bootstrap (2000
 * replicates, fixed seed), the primary interval of METHODS.md, and percentile intervals on accuracy.
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { getBoardData } from "../boards/compute";
import { getSnapshotView } from "../boards/view-cache";
import type { SnapshotInfo } from "../boards/snapshot";
import type { ModelGroup } from "../catalog/types";
import { orderBias } from "../scoring/order-bias";
import { PAIRED_BOOTSTRAP_REPLICATES } from "../scoring/paired";
import { DEFAULT_LEADERBOARD_SETTINGS } from "./leaderboard-types";
import { benchmarkNote, FlippedLists, heatCell, poolPositions, rankBySensitivity, summarizeConfig, toCell, type GroupQuestions } from "./order-bias-aggregate";
import { loadCellRows, loadPlan, prefetchOptions, type OptionsCache, type PlanGroup } from "./order-bias-load";
import type {
  OrderBiasBenchmarkView,
  OrderBiasBoard,
  OrderBiasCell,
  OrderBiasConfigRow,
  OrderBiasData,
  OrderBiasDatasetView,
  OrderBiasDetail,
  OrderBiasHeatCell,
  OrderBiasParams,
  OrderBiasView,
} from "./order-bias-types";

export type * from "./order-bias-types";
export { FLIPPED_LIMIT, LONGHEALTH_NOTE } from "./order-bias-aggregate";

/** Bumped when the stored result's shape or method changes (old stored views are then not read). */
const VERSION = "v1";
/** Configurations computed at once within a dataset (overlaps the database and the computation). */
const CONCURRENCY = 4;

function normalize(params: OrderBiasParams): { board: OrderBiasBoard; data: OrderBiasData } {
  return { board: params.board ?? "V", data: params.data ?? "auto" };
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Runs of one configuration in a group, by config, in the group's order. */
function runsByConfig(group: PlanGroup): Map<string, PlanGroup["runs"]> {
  const m = new Map<string, PlanGroup["runs"]>();
  for (const r of group.runs) m.set(r.config, [...(m.get(r.config) ?? []), r]);
  return m;
}

async function configInfo(raw: RawClient, slugs: string[]) {
  const rows = slugs.length
    ? await raw.query<{ slug: string; display_name: string; group: string | null }>(
        `select c.slug, c.display_name, m."group" from configs c join models m on m.id = c.model_id where c.slug = any($1::text[])`,
        [slugs],
      )
    : [];
  return new Map(rows.map((r) => [r.slug, { displayName: r.display_name, group: (r.group as ModelGroup | null) ?? null }]));
}

/** Configurations in board rank order (the board's list), then the others by name. */
function boardOrder(boardConfigs: { config: string; rank: number | null }[], configs: string[]): { config: string; boardRank: number | null }[] {
  const present = new Set(configs);
  const ranked = boardConfigs.filter((c) => present.has(c.config));
  const seen = new Set(ranked.map((c) => c.config));
  const rest = configs.filter((c) => !seen.has(c)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...ranked.map((c) => ({ config: c.config, boardRank: c.rank })), ...rest.map((config) => ({ config, boardRank: null }))];
}

function snapshotOf(s: SnapshotInfo) {
  return { id: s.id, createdAt: s.createdAt, runCount: s.runCount };
}

async function computeView(raw: RawClient, snapshot: SnapshotInfo, board: OrderBiasBoard, data: OrderBiasData): Promise<Omit<OrderBiasView, "computedAt">> {
  const plan = await loadPlan(raw, snapshot.id, board, data);
  const configSlugs = [...new Set(plan.groups.flatMap((g) => g.runs.map((r) => r.config)))];
  const boardData = configSlugs.length ? await getBoardData(raw, board, { ...DEFAULT_LEADERBOARD_SETTINGS, data }) : null;
  const ordered = boardOrder(boardData?.result.configs ?? [], configSlugs);
  const orderIndex = new Map(ordered.map((c, i) => [c.config, i]));
  const info = await configInfo(raw, configSlugs);

  const cellsByConfig = new Map<string, OrderBiasCell[]>(ordered.map((c) => [c.config, []]));
  const flipped = new FlippedLists(data, orderIndex);
  const datasets: OrderBiasDatasetView[] = [];
  const benchmarks = new Map<string, OrderBiasBenchmarkView & { docShuffle: boolean }>();

  for (const group of plan.groups) {
    const cache: OptionsCache = new Map();
    await prefetchOptions(raw, group.runs, cache);
    const perConfig = [...runsByConfig(group)].sort((a, b) => orderIndex.get(a[0])! - orderIndex.get(b[0])!);
    const results = await mapLimit(perConfig, CONCURRENCY, async ([config, runs]) => {
      const result = orderBias(await loadCellRows(raw, runs, cache), { replicates: 0 });
      return { config, runs, result };
    });
    const questions: GroupQuestions[] = [];
    for (const { config, runs, result } of results) {
      cellsByConfig.get(config)!.push(toCell(config, group.benchmark, group.foldedKey, runs.map((r) => ({ id: r.id, orderSeed: r.orderSeed })), result));
      questions.push({ config, questions: result.questions });
    }
    flipped.addGroup(group.benchmark, group.foldedKey, questions);
    datasets.push({
      benchmark: group.benchmark,
      foldedKey: group.foldedKey,
      subtask: group.subtask === "base" ? "" : group.subtask,
      orderSeeds: [...new Set(group.runs.map((r) => r.orderSeed).filter((s): s is number => s !== null))].sort((a, b) => a - b),
      nConfigs: perConfig.length,
    });
    const b = benchmarks.get(group.benchmark) ?? { slug: group.benchmark, name: group.benchmarkName, datasets: [], note: null, docShuffle: false };
    b.datasets.push(group.foldedKey);
    b.docShuffle ||= group.docShuffle;
    benchmarks.set(group.benchmark, b);
  }

  const configs: OrderBiasConfigRow[] = ordered.map((c) =>
    summarizeConfig(
      { config: c.config, displayName: info.get(c.config)?.displayName ?? c.config, group: info.get(c.config)?.group ?? null, boardRank: c.boardRank },
      cellsByConfig.get(c.config)!,
    ),
  );
  rankBySensitivity([...configs]);

  const heatmap: OrderBiasHeatCell[] = [];
  for (const c of configs) {
    const cells = cellsByConfig.get(c.config)!;
    for (const b of benchmarks.values()) heatmap.push(heatCell(c.config, b.slug, cells.filter((x) => x.benchmark === b.slug)));
  }
  const lists = flipped.result(ordered.map((c) => c.config));
  return {
    board,
    data,
    snapshot: snapshotOf(snapshot),
    synthetic: plan.synthetic,
    replicates: 0,
    benchmarks: [...benchmarks.values()].map(({ docShuffle, ...b }) => ({ ...b, note: benchmarkNote(b.slug, docShuffle) })),
    datasets,
    configs,
    cells: ordered.flatMap((c) => cellsByConfig.get(c.config)!),
    heatmap,
    mostFlipped: lists.overall,
    mostFlippedByConfig: lists.byConfig,
  };
}

/**
 * The order-bias view of the current snapshot: computed on first request for these parameters,
 * stored in `snapshot_views` (view `order-bias`), then read.
 */
export async function getOrderBias(params: OrderBiasParams = {}, rawArg?: RawClient): Promise<OrderBiasView> {
  const { board, data } = normalize(params);
  const raw = rawArg ?? (await getDbHandle()).raw;
  const view = await getSnapshotView(raw, "order-bias", `${VERSION}|${board}|${data}`, (snapshot) => computeView(raw, snapshot, board, data));
  return { ...view.result, computedAt: view.computedAt };
}

/**
 * One configuration's order bias with bootstrap intervals (paired bootstrap on the deltas,
 * percentile on the accuracies; 2000 replicates, fixed seed) and its position preference pooled
 * over datasets. Null when the configuration is not on the order-bias view (nothing is stored then).
 * Stored per snapshot as view `order-bias-detail`.
 */
export async function getOrderBiasDetail(config: string, params: OrderBiasParams = {}, rawArg?: RawClient): Promise<OrderBiasDetail | null> {
  const { board, data } = normalize(params);
  const raw = rawArg ?? (await getDbHandle()).raw;
  const overview = await getOrderBias({ board, data }, raw);
  const row = overview.configs.find((c) => c.config === config);
  if (!row) return null;
  const datasetOrder = new Map(overview.datasets.map((d, i) => [`${d.benchmark}\u0000${d.foldedKey}`, i]));
  const view = await getSnapshotView(raw, "order-bias-detail", `${VERSION}|${board}|${data}|${config}`, async (snapshot) => {
    const plan = await loadPlan(raw, snapshot.id, board, data, config);
    const groups = plan.groups
      .filter((g) => datasetOrder.has(`${g.benchmark}\u0000${g.foldedKey}`))
      .sort((a, b) => datasetOrder.get(`${a.benchmark}\u0000${a.foldedKey}`)! - datasetOrder.get(`${b.benchmark}\u0000${b.foldedKey}`)!);
    const cells: OrderBiasCell[] = [];
    for (const g of groups) {
      const cache: OptionsCache = new Map();
      const result = orderBias(await loadCellRows(raw, g.runs, cache), { replicates: PAIRED_BOOTSTRAP_REPLICATES });
      cells.push(toCell(config, g.benchmark, g.foldedKey, g.runs.map((r) => ({ id: r.id, orderSeed: r.orderSeed })), result));
    }
    const detail: Omit<OrderBiasDetail, "computedAt"> = {
      config,
      displayName: row.displayName,
      group: row.group,
      board,
      data,
      snapshot: snapshotOf(snapshot),
      synthetic: plan.synthetic,
      replicates: PAIRED_BOOTSTRAP_REPLICATES,
      cells,
      positions: poolPositions(cells),
    };
    return detail;
  });
  return { ...view.result, computedAt: view.computedAt };
}
