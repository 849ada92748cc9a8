/**
 * Board results per snapshot: computed once with lib/scoring from the snapshot's rows, stored in
 * `board_results`, then read by key. Defaults are computed after each ingest; other settings on
 * first request.
 */
import type { RawClient } from "../db/raw";
import type { LeaderboardSettings } from "../queries/leaderboard-types";
import { scoreBoard } from "../scoring";
import { BoardInputBuilder } from "../scoring/input";
import { DEFAULT_SETTINGS, type BoardResult, type ScoringSettings } from "../scoring/types";
import type { SnapshotInfo } from "./snapshot";
import { currentSnapshot } from "./snapshot-context";

export type Board = "V" | "OE";
export type StoredBoard = Omit<BoardResult, "headToHead">;

export interface BoardData {
  snapshot: SnapshotInfo;
  result: StoredBoard;
  /** The rows are the synthetic demo runs. */
  synthetic: boolean;
  computedAt: string;
  /** Mean output tokens per question by config (ln-weighted over the scored datasets); absent = no usage data. */
  outputTokens: Record<string, number>;
  /**
   * The board's run filter as SQL on `runs u` (`and u.provenance ...`, or ""): views that read rows
   * behind the board (tokens, paired tests, item diffs) use it so they see exactly the board's runs.
   */
  provenanceSql: string;
}

export function settingsKey(s: LeaderboardSettings): string {
  return [s.weights, s.weights === "cap" ? (s.cap ?? 0) : "", s.coverage, s.orders, s.missing, s.data].join("|");
}

export function scoringSettings(s: LeaderboardSettings): ScoringSettings {
  return { ...DEFAULT_SETTINGS, weights: s.weights, cap: s.cap ?? undefined, coverage: s.coverage, orders: s.orders, missing: s.missing };
}

/** The SQL filter on `runs u` for a `data` setting, once `auto` has been decided (synthetic or not). */
function provenanceClause(data: LeaderboardSettings["data"], synthetic: boolean): string {
  switch (data) {
    case "all":
      return "";
    case "demo":
      return `and u.provenance = 'demo'`;
    case "official":
      return `and u.provenance = 'official'`;
    case "community":
      return `and u.provenance = 'community'`;
    case "real":
      return `and u.provenance <> 'demo'`;
    case "auto":
      return synthetic ? `and u.provenance = 'demo'` : `and u.provenance <> 'demo'`;
  }
}

/**
 * Which provenance the board shows: real runs when any are published in the snapshot (`auto`),
 * else the demo; `real` = official + community; `official` = runs an admin ingested through the
 * CLI; `community` = approved community submissions.
 */
export async function provenanceFilter(raw: RawClient, snapshotId: string, data: LeaderboardSettings["data"]): Promise<{ sql: string; synthetic: boolean }> {
  let synthetic = data === "demo";
  if (data === "auto") {
    const [{ real }] = await raw.query<{ real: number }>(
      `select count(*)::int as real from snapshot_runs s join runs u on u.id = s.run_id where s.snapshot_id = $1 and u.provenance <> 'demo'`,
      [snapshotId],
    );
    synthetic = Number(real) === 0;
  }
  return { sql: provenanceClause(data, synthetic), synthetic };
}

/** Rows read per query when loading a board (whole configuration × dataset groups): bounds memory at full scale. */
const ROW_BATCH = 250_000;

type BoardRow = { config: string; skey: string; fkey: string; benchmark: string; example_id: string; reward: number | null; output_tokens: number | null };
/** Per `config\0dataset key`: sum of the question means of output tokens, and the number of questions. */
type TokenSums = Map<string, { sum: number; n: number }>;

/**
 * The board's scoring input and output-token sums, read in batches of runs. Runs are ordered by
 * configuration and folded dataset and a batch never splits a (configuration, folded dataset)
 * group, so every question's rows (all its orders, repeats, rollouts) are in one batch; only one
 * batch of rows is in memory at a time (at full scale a board has ~8M rollouts).
 */
async function loadBoard(raw: RawClient, snapshotId: string, board: Board, filter: string, orders: LeaderboardSettings["orders"]) {
  const runs = await raw.query<{ id: number; config: string; fkey: string; rows: number }>(
    `select u.id, u.config_slug as config, d.folded_key as fkey, u.observed_rows as rows
     from snapshot_runs s
     join runs u on u.id = s.run_id
     join datasets d on d.id = u.dataset_id
     join benchmarks b on b.slug = d.benchmark_slug
     where s.snapshot_id = $1 and b.subset = $2 ${filter}
     order by u.config_slug, d.folded_key, u.id`,
    [snapshotId, board],
  );
  const builder = new BoardInputBuilder(orders);
  const tokens: TokenSums = new Map();
  let batch: number[] = [];
  let batchRows = 0;
  const flush = async () => {
    if (!batch.length) return;
    const rows = await raw.query<BoardRow>(
      `select u.config_slug as config, d.key as skey, d.folded_key as fkey, d.benchmark_slug as benchmark,
              r.example_id, r.reward, r.output_tokens
       from runs u
       join datasets d on d.id = u.dataset_id
       join rollouts r on r.run_id = u.id
       where u.id = any($1::int[])`,
      [batch],
    );
    for (const r of rows) {
      builder.add({
        config: r.config, separateKey: r.skey, foldedKey: r.fkey, benchmark: r.benchmark, exampleId: r.example_id,
        reward: r.reward === null ? null : Number(r.reward),
      });
    }
    addTokenSums(rows, orders, tokens);
    batch = [];
    batchRows = 0;
  };
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    batch.push(Number(r.id));
    batchRows += Number(r.rows);
    const next = runs[i + 1];
    if (batchRows >= ROW_BATCH && (!next || next.config !== r.config || next.fkey !== r.fkey)) await flush();
  }
  await flush();
  return { input: builder.build(), tokens };
}

/** Add a batch's per-question mean output tokens to the per-(config, dataset) sums (questions are whole in a batch). */
function addTokenSums(rows: readonly BoardRow[], orders: LeaderboardSettings["orders"], perDataset: TokenSums) {
  // config\0key → question → sum and count (questions in order of first appearance, as before)
  const perQuestion = new Map<string, Map<string, { sum: number; n: number }>>();
  for (const r of rows) {
    if (r.output_tokens === null) continue;
    const dk = `${r.config}\u0000${orders === "folded" ? r.fkey : r.skey}`;
    let questions = perQuestion.get(dk);
    if (!questions) perQuestion.set(dk, (questions = new Map()));
    const q = questions.get(r.example_id);
    if (q) {
      q.sum += Number(r.output_tokens);
      q.n++;
    } else questions.set(r.example_id, { sum: Number(r.output_tokens), n: 1 });
  }
  for (const [dk, questions] of perQuestion) {
    const d = perDataset.get(dk) ?? { sum: 0, n: 0 };
    for (const q of questions.values()) {
      d.sum += q.sum / q.n;
      d.n++;
    }
    perDataset.set(dk, d);
  }
}

/** Per config: mean over each dataset's questions of the output tokens, then weighted over the scored datasets like the win rate. */
function outputTokensByConfig(perDataset: TokenSums, result: BoardResult) {
  const weight = new Map(result.datasets.map((d) => [d.key, d.weight]));
  const acc = new Map<string, { wsum: number; w: number; sum: number; n: number }>();
  for (const [dk, d] of perDataset) {
    const [config, key] = dk.split("\u0000");
    if (!weight.has(key)) continue;
    const a = acc.get(config) ?? { wsum: 0, w: 0, sum: 0, n: 0 };
    const w = weight.get(key) ?? 0;
    a.wsum += w * (d.sum / d.n);
    a.w += w;
    a.sum += d.sum / d.n;
    a.n++;
    acc.set(config, a);
  }
  const out: Record<string, number> = {};
  for (const [config, a] of acc) out[config] = a.w > 0 ? a.wsum / a.w : a.sum / a.n;
  return out;
}

// Parsed board results per database client (the app has one; tests open several).
const memos = new WeakMap<object, Map<string, BoardData>>();

/** The board for the current snapshot and these settings: from memory, the table, or computed now. */
export async function getBoardData(raw: RawClient, board: Board, settings: LeaderboardSettings): Promise<BoardData> {
  const snapshot = await currentSnapshot(raw);
  const key = settingsKey(settings);
  const memoKey = `${snapshot.id}|${board}|${key}`;
  let memo = memos.get(raw);
  if (!memo) memos.set(raw, (memo = new Map()));
  const hit = memo.get(memoKey);
  if (hit) return hit;
  const stored = await raw.query<{ result: StoredBoard & { outputTokens?: Record<string, number>; synthetic?: boolean }; computed_at: string }>(
    `select result, computed_at::text from board_results where snapshot_id = $1 and board = $2 and settings_key = $3`,
    [snapshot.id, board, key],
  );
  let data: BoardData;
  if (stored.length) {
    const { outputTokens, synthetic, ...result } = stored[0].result;
    data = {
      snapshot, result, synthetic: synthetic ?? false, outputTokens: outputTokens ?? {}, computedAt: new Date(stored[0].computed_at).toISOString(),
      provenanceSql: provenanceClause(settings.data, synthetic ?? false),
    };
  } else {
    const t0 = Date.now();
    const filter = await provenanceFilter(raw, snapshot.id, settings.data);
    const { input, tokens } = await loadBoard(raw, snapshot.id, board, filter.sql, settings.orders);
    const full = scoreBoard(input, scoringSettings(settings));
    const { headToHead, ...result } = full;
    const outputTokens = outputTokensByConfig(tokens, full);
    await raw.query(
      `insert into board_results (snapshot_id, board, settings_key, result, head_to_head, compute_ms)
       values ($1, $2, $3, $4::jsonb, $5::jsonb, $6) on conflict do nothing`,
      [snapshot.id, board, key, JSON.stringify({ ...result, outputTokens, synthetic: filter.synthetic }), JSON.stringify(headToHead), Date.now() - t0],
    );
    // The stored time (ours, or a concurrent writer's), so answers agree before and after a restart.
    const [row] = await raw.query<{ computed_at: string }>(
      `select computed_at::text from board_results where snapshot_id = $1 and board = $2 and settings_key = $3`,
      [snapshot.id, board, key],
    );
    const computedAt = new Date(row.computed_at).toISOString();
    data = { snapshot, result, synthetic: filter.synthetic, outputTokens, computedAt, provenanceSql: filter.sql };
  }
  if (memo.size > 64) memo.delete(memo.keys().next().value as string);
  memo.set(memoKey, data);
  return data;
}
