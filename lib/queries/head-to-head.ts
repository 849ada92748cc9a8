/**
 * The head-to-head view (spec §3 step 5): wr(row vs column) for every ordered pair of one board's
 * configurations (current snapshot, default settings), and one cell's per-dataset breakdown.
 *
 * The numbers are lib/scoring's `BoardResult.headToHead`, which getBoardData stores beside the
 * board in `board_results.head_to_head` but never loads (at full scale ~70 × 69 pairs × ~60
 * datasets). So the matrix reads only each pair's scalar fields (jsonb extracted in SQL) into a
 * compact numbers-only DTO, and the per-dataset part is read for the one selected pair only.
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { getBoardData, settingsKey, type BoardData } from "../boards/compute";
import type { SnapshotInfo } from "../boards/snapshot";
import type { ModelGroup } from "../catalog/types";
import { datasetLabel } from "./leaderboard";
import { DEFAULT_LEADERBOARD_SETTINGS, type Board } from "./leaderboard-types";

export type { Board };

/** One configuration of the matrix (rows and columns share this order: the board's ranking). */
export interface HeadToHeadConfig {
  config: string;
  displayName: string;
  group: ModelGroup | null;
  rank: number;
  /** The board's weighted mean win rate (against everyone). */
  winRate: number;
}

/** One dataset of a cell: wr(a vs b) on it, with the weight it carries in the weighted mean. */
export interface HeadToHeadDatasetRow {
  /** Dataset key (`env::subtask`, answer orders folded). */
  key: string;
  benchmark: string;
  benchmarkName: string;
  /** Short label: the benchmark's name, plus the subtask when the benchmark has several. */
  label: string;
  wr: number;
  /** The dataset's weight (ln n_questions under the default settings). */
  weight: number;
  nQuestions: number;
  /** Average reward of a and of b on the dataset (the board's cell), null when unanswered. */
  scoreA: number | null;
  scoreB: number | null;
}

export interface HeadToHeadCell {
  a: string;
  b: string;
  /** Weighted mean of wr(a vs b) over the datasets both have (the matrix value). */
  weighted: number;
  simple: number;
  nDatasets: number;
  /** Sorted: highest wr first, then by weight (heaviest first), then by key. */
  datasets: HeadToHeadDatasetRow[];
}

export type HeadToHeadSelection =
  | { status: "ok"; a: string; b: string; cell: HeadToHeadCell }
  /** a or b is not on the board, a = b, or the two share no dataset: `reason` says which. */
  | { status: "invalid"; a: string; b: string; reason: string };

export interface HeadToHeadView {
  board: Board;
  snapshot: SnapshotInfo;
  /** The board shows the synthetic demo runs. */
  synthetic: boolean;
  computedAt: string;
  /** Weight policy of the (default) settings: `ln`. */
  weights: string;
  /** Ranked configurations in rank order: row i and column i of the matrices. */
  configs: HeadToHeadConfig[];
  /**
   * Row-major n × n (n = configs.length): `weighted[i * n + j]` = weighted mean wr(configs[i] vs
   * configs[j]) in [0, 1]; null on the diagonal and for pairs without a shared dataset.
   * wr(j vs i) = 1 − wr(i vs j) on every dataset, so the matrix is complementary across the diagonal.
   */
  weighted: (number | null)[];
  /** Same layout: the simple (unweighted) mean over datasets. */
  simple: (number | null)[];
  /** Same layout: datasets the pair shares (0 when none / diagonal). */
  nDatasets: number[];
  /** Datasets scored on the board. */
  nBoardDatasets: number;
  /** The cell asked for with `a` and `b`, or null when neither was given. */
  selection: HeadToHeadSelection | null;
}

export interface HeadToHeadParams {
  board: Board;
  /** Row configuration of the selected cell. */
  a?: string | null;
  /** Column configuration of the selected cell. */
  b?: string | null;
}

/** The stored pair of head-to-head: wr(a vs b) aggregated and per dataset. */
export interface StoredHeadToHeadCell {
  weighted: number;
  simple: number;
  nDatasets: number;
  perDataset: Record<string, number>;
}

const DEFAULT_KEY = settingsKey(DEFAULT_LEADERBOARD_SETTINGS);

function parseJson<T>(v: unknown): T {
  return (typeof v === "string" ? JSON.parse(v) : v) as T;
}

/** Throws when the board row or its head-to-head part is missing: an empty matrix must mean "no pairs", never "not stored". */
async function assertStored(raw: RawClient, snapshotId: string, board: Board): Promise<void> {
  const rows = await raw.query<{ kind: string | null }>(
    `select jsonb_typeof(head_to_head) as kind from board_results where snapshot_id = $1 and board = $2 and settings_key = $3`,
    [snapshotId, board, DEFAULT_KEY],
  );
  if (!rows.length) throw new Error(`head-to-head: no stored Medmarks-${board} board for snapshot ${snapshotId}`);
  if (rows[0].kind !== "array") throw new Error(`head-to-head: the Medmarks-${board} board of snapshot ${snapshotId} has no stored head-to-head`);
}

/**
 * wr(a vs b) of the current snapshot's default board as stored (aggregates and per dataset), or
 * null when the pair has no shared dataset (or either is not on the board). Call getBoardData
 * first: it stores the row.
 */
export async function loadHeadToHeadCell(raw: RawClient, snapshotId: string, board: Board, a: string, b: string): Promise<StoredHeadToHeadCell | null> {
  const rows = await raw.query<{ w: number; s: number; n: number; pd: unknown }>(
    `select (e->>'weightedMean')::float8 as w, (e->>'simpleMean')::float8 as s, (e->>'nDatasets')::int as n, e->'perDataset' as pd
     from board_results br cross join lateral jsonb_array_elements(br.head_to_head) e
     where br.snapshot_id = $1 and br.board = $2 and br.settings_key = $3 and e->>'config' = $4 and e->>'opponent' = $5`,
    [snapshotId, board, DEFAULT_KEY, a, b],
  );
  if (!rows.length) return null;
  const r = rows[0];
  return { weighted: Number(r.w), simple: Number(r.s), nDatasets: Number(r.n), perDataset: parseJson<Record<string, number>>(r.pd) };
}

interface Matrix {
  configs: HeadToHeadConfig[];
  weighted: (number | null)[];
  simple: (number | null)[];
  nDatasets: number[];
}

// Matrices per database client and snapshot|board (a snapshot's numbers never change).
const memos = new WeakMap<object, Map<string, Matrix>>();

async function loadMatrix(raw: RawClient, data: BoardData, board: Board): Promise<Matrix> {
  const memoKey = `${data.snapshot.id}|${board}`;
  let memo = memos.get(raw);
  if (!memo) memos.set(raw, (memo = new Map()));
  const hit = memo.get(memoKey);
  if (hit) return hit;

  await assertStored(raw, data.snapshot.id, board);
  const ranked = data.result.configs.filter((c) => c.rank !== null && c.weightedMean !== null);
  const names = ranked.map((c) => c.config);
  const [info, pairs] = await Promise.all([
    names.length
      ? raw.query<{ slug: string; display_name: string; group: string | null }>(
          `select c.slug, c.display_name, m."group" from configs c join models m on m.id = c.model_id where c.slug = any($1::text[])`,
          [names],
        )
      : Promise.resolve([]),
    raw.query<{ a: string; b: string; w: number; s: number; n: number }>(
      `select e->>'config' as a, e->>'opponent' as b, (e->>'weightedMean')::float8 as w, (e->>'simpleMean')::float8 as s, (e->>'nDatasets')::int as n
       from board_results br cross join lateral jsonb_array_elements(br.head_to_head) e
       where br.snapshot_id = $1 and br.board = $2 and br.settings_key = $3`,
      [data.snapshot.id, board, DEFAULT_KEY],
    ),
  ]);
  const byName = new Map(info.map((r) => [r.slug, r]));
  const configs: HeadToHeadConfig[] = ranked.map((c) => ({
    config: c.config,
    displayName: byName.get(c.config)?.display_name ?? c.config,
    group: (byName.get(c.config)?.group as ModelGroup | null | undefined) ?? null,
    rank: c.rank!,
    winRate: c.weightedMean!,
  }));
  const n = configs.length;
  const index = new Map(names.map((name, i) => [name, i]));
  const weighted: (number | null)[] = new Array(n * n).fill(null);
  const simple: (number | null)[] = new Array(n * n).fill(null);
  const nDatasets: number[] = new Array(n * n).fill(0);
  for (const p of pairs) {
    const i = index.get(p.a);
    const j = index.get(p.b);
    if (i === undefined || j === undefined || i === j) continue;
    weighted[i * n + j] = Number(p.w);
    simple[i * n + j] = Number(p.s);
    nDatasets[i * n + j] = Number(p.n);
  }
  const matrix = { configs, weighted, simple, nDatasets };
  if (memo.size > 16) memo.delete(memo.keys().next().value as string);
  memo.set(memoKey, matrix);
  return matrix;
}

/** Datasets of a stored cell as rows, with names and both configurations' average rewards. */
async function breakdownRows(raw: RawClient, data: BoardData, a: string, b: string, perDataset: Record<string, number>): Promise<HeadToHeadDatasetRow[]> {
  const datasets = new Map(data.result.datasets.map((d) => [d.key, d]));
  const perBenchmark = new Map<string, number>();
  for (const d of data.result.datasets) perBenchmark.set(d.benchmark, (perBenchmark.get(d.benchmark) ?? 0) + 1);
  const slugs = [...new Set(Object.keys(perDataset).map((k) => datasets.get(k)?.benchmark).filter((s): s is string => !!s))];
  const names = slugs.length
    ? await raw.query<{ slug: string; name: string }>(`select slug, name from benchmarks where slug = any($1::text[])`, [slugs])
    : [];
  const nameOf = new Map(names.map((r) => [r.slug, r.name]));
  const score = new Map<string, number | null>();
  for (const c of data.result.cells) if (c.config === a || c.config === b) score.set(`${c.config}\u0000${c.dataset}`, c.avgReward);
  const rows: HeadToHeadDatasetRow[] = Object.entries(perDataset).map(([key, wr]) => {
    const d = datasets.get(key);
    const benchmark = d?.benchmark ?? key.split("::")[0];
    const benchmarkName = nameOf.get(benchmark) ?? benchmark;
    const label = (perBenchmark.get(benchmark) ?? 1) > 1 ? `${benchmarkName} · ${datasetLabel(key)}` : benchmarkName;
    return {
      key,
      benchmark,
      benchmarkName,
      label,
      wr,
      weight: d?.weight ?? 0,
      nQuestions: d?.nQuestions ?? 0,
      scoreA: score.get(`${a}\u0000${key}`) ?? null,
      scoreB: score.get(`${b}\u0000${key}`) ?? null,
    };
  });
  return rows.sort((x, y) => y.wr - x.wr || y.weight - x.weight || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/**
 * The pairwise win-rate matrix of one board (configurations in rank order) and, when `a` and `b`
 * are given, the per-dataset breakdown of the cell wr(a vs b).
 */
export async function getHeadToHead(params: HeadToHeadParams, rawArg?: RawClient): Promise<HeadToHeadView> {
  const raw = rawArg ?? (await getDbHandle()).raw;
  const { board } = params;
  const data = await getBoardData(raw, board, DEFAULT_LEADERBOARD_SETTINGS);
  const matrix = await loadMatrix(raw, data, board);

  let selection: HeadToHeadSelection | null = null;
  const a = params.a ?? null;
  const b = params.b ?? null;
  if (a !== null || b !== null) {
    const onBoard = new Set(matrix.configs.map((c) => c.config));
    const invalid = (reason: string): HeadToHeadSelection => ({ status: "invalid", a: a ?? "", b: b ?? "", reason });
    if (a === null || b === null) selection = invalid("Choose both a row (a) and a column (b) configuration.");
    else if (!onBoard.has(a)) selection = invalid(`${a} is not ranked on Medmarks-${board}.`);
    else if (!onBoard.has(b)) selection = invalid(`${b} is not ranked on Medmarks-${board}.`);
    else if (a === b) selection = invalid("A configuration is not compared with itself: choose two different ones.");
    else {
      const stored = await loadHeadToHeadCell(raw, data.snapshot.id, board, a, b);
      if (!stored) selection = invalid(`${a} and ${b} share no scored dataset on Medmarks-${board}.`);
      else {
        const datasets = await breakdownRows(raw, data, a, b, stored.perDataset);
        selection = { status: "ok", a, b, cell: { a, b, weighted: stored.weighted, simple: stored.simple, nDatasets: stored.nDatasets, datasets } };
      }
    }
  }

  return {
    board,
    snapshot: data.snapshot,
    synthetic: data.synthetic,
    computedAt: data.computedAt,
    weights: data.result.settings.weights,
    ...matrix,
    nBoardDatasets: data.result.datasets.length,
    selection,
  };
}
