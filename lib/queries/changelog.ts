/**
 * Snapshots over time: which snapshot a page shows (`getSnapshotStatus`), and the changelog
 * (`getChangelog`): every snapshot newest first with what changed against the one before it.
 *
 * - Runs added / superseded / removed are set differences of `snapshot_runs`: a run of the
 *   previous snapshot that is not in this one is *superseded* when its `superseded_by` run is in
 *   this snapshot, else *removed* (withdrawn, rejected, or superseded by a run published later).
 * - Rank moves compare the stored default board results (`board_results`, default settings) of
 *   the two snapshots: configurations added, removed, and rank changes of at least one place.
 *   When either result is not stored the board says "not computed": ~70 boards are never scored
 *   on page load. Only the newest snapshot and its predecessor are computed on demand
 *   (`computeNewest`), the ones a visitor asks about most and the server usually has already.
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { getBoardData, settingsKey } from "../boards/compute";
import { ensureSnapshot, type SnapshotInfo } from "../boards/snapshot";
import { getSnapshotInfo, withSnapshot } from "../boards/snapshot-context";
import { DEFAULT_LEADERBOARD_SETTINGS, type Board } from "./leaderboard-types";

export const BOARDS: readonly Board[] = ["V", "OE"];
/** Snapshots shown in detail per page. */
export const CHANGELOG_PAGE_SIZE = 20;
/** Runs listed per kind and snapshot (the totals are always exact). */
export const CHANGELOG_RUN_LIMIT = 200;

// ---------------------------------------------------------------------------------------------
// Which snapshot a page shows

export interface SnapshotStatus {
  /** The snapshot the page shows: the pinned one, else the latest. */
  shown: SnapshotInfo;
  /** The snapshot of the currently published runs. */
  latest: SnapshotInfo;
  /** The id the URL pinned (null: not pinned). */
  pinned: string | null;
  /** The shown snapshot is not the latest. */
  outdated: boolean;
}

/**
 * The snapshot a page shows for `?snapshot=<id>` (null = the latest), with the latest beside it
 * (for the "newer data available" notice); null when the pinned id does not exist.
 */
export async function getSnapshotStatus(pinned: string | null, rawArg?: RawClient): Promise<SnapshotStatus | null> {
  const raw = rawArg ?? (await getDbHandle()).raw;
  const latest = await ensureSnapshot(raw);
  if (!pinned) return { shown: latest, latest, pinned: null, outdated: false };
  const shown = await getSnapshotInfo(raw, pinned);
  if (!shown) return null;
  return { shown, latest, pinned, outdated: shown.id !== latest.id };
}

// ---------------------------------------------------------------------------------------------
// The changelog

export interface SnapshotSummary extends SnapshotInfo {
  label: string | null;
  /** The snapshot of the currently published runs. */
  isLatest: boolean;
}

export interface ChangelogRun {
  id: number;
  config: string;
  /** Dataset key `env::variant`. */
  dataset: string;
  benchmark: string;
  provenance: string;
  /** The run's status today (a run of an old snapshot may be superseded since). */
  status: string;
  /** Added runs: the runs of the previous snapshot this one superseded. Superseded runs: the run that replaced it. */
  related: number[];
}

export interface RunChanges {
  total: number;
  /** The first CHANGELOG_RUN_LIMIT, by configuration then dataset. */
  runs: ChangelogRun[];
}

export interface RankMove {
  config: string;
  displayName: string;
  /** Rank in the previous / this snapshot (null: not ranked there). */
  from: number | null;
  to: number | null;
  /** Weighted mean win rate in the previous / this snapshot. */
  fromWinRate: number | null;
  toWinRate: number | null;
  kind: "added" | "removed" | "moved";
}

export interface BoardChanges {
  board: Board;
  /** compared: both results stored; not-computed: one is not; first: no previous snapshot. */
  status: "compared" | "not-computed" | "first";
  /** Which side lacks a stored default result (status not-computed). */
  missing: ("this" | "previous")[];
  /** The boards show the synthetic demo runs (this / previous snapshot); null when not stored. */
  synthetic: { this: boolean | null; previous: boolean | null };
  /** Ranked configurations in this snapshot's board (null when not stored). */
  ranked: number | null;
  /** Rank changes ≥ 1, then additions and removals; by the new rank. */
  moves: RankMove[];
  /** Configurations on both boards with the same rank. */
  unchanged: number;
}

export interface ChangelogEntry extends SnapshotSummary {
  previous: SnapshotSummary | null;
  added: RunChanges;
  superseded: RunChanges;
  removed: RunChanges;
  boards: BoardChanges[];
}

export interface Changelog {
  latest: SnapshotInfo;
  /** Every snapshot, newest first (index of the whole history). */
  snapshots: SnapshotSummary[];
  /** The snapshots shown in detail: from `from` (default the newest), CHANGELOG_PAGE_SIZE of them. */
  entries: ChangelogEntry[];
  /** The `from` asked for, when it exists. */
  from: string | null;
  /** The snapshot after the last entry shown (for "older"), if any. */
  next: string | null;
}

export interface ChangelogOptions {
  /** Start the detailed list at this snapshot (older ones follow). */
  from?: string | null;
  limit?: number;
  /** Compute missing default board results for the newest N snapshots of the history (default 2). */
  computeNewest?: number;
}

export interface StoredRanks {
  synthetic: boolean;
  configs: { config: string; rank: number | null; weightedMean: number | null }[];
}

const parseJson = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

async function listSnapshots(raw: RawClient, latestId: string): Promise<SnapshotSummary[]> {
  const rows = await raw.query<{ id: string; created_at: string; run_count: number; label: string | null }>(
    `select id, created_at::text, run_count, label from snapshots order by created_at desc, id desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at).toISOString(),
    runCount: Number(r.run_count),
    label: r.label,
    isLatest: r.id === latestId,
  }));
}

type DiffRow = { id: number; config: string; dataset: string; benchmark: string; provenance: string; status: string; superseded_by: number | null; replaced: boolean };

/** Runs of snapshot `a` not in `b` (all of `a` when `b` is null); `replaced`: its superseded_by run is in `supersededWithin`. */
async function runsNotIn(raw: RawClient, a: string, b: string | null, supersededWithin: string | null): Promise<DiffRow[]> {
  return raw.query<DiffRow>(
    `select u.id, u.config_slug as config, d.key as dataset, d.benchmark_slug as benchmark, u.provenance, u.status, u.superseded_by,
            ($3::text is not null and exists (select 1 from snapshot_runs x where x.snapshot_id = $3 and x.run_id = u.superseded_by)) as replaced
     from snapshot_runs s
     join runs u on u.id = s.run_id
     join datasets d on d.id = u.dataset_id
     where s.snapshot_id = $1
       and ($2::text is null or not exists (select 1 from snapshot_runs p where p.snapshot_id = $2 and p.run_id = s.run_id))
     order by u.config_slug, d.key, u.id`,
    [a, b, supersededWithin],
  );
}

function toChanges(rows: DiffRow[], related: (r: DiffRow) => number[]): RunChanges {
  return {
    total: rows.length,
    runs: rows.slice(0, CHANGELOG_RUN_LIMIT).map((r) => ({
      id: Number(r.id),
      config: r.config,
      dataset: r.dataset,
      benchmark: r.benchmark,
      provenance: r.provenance,
      status: r.status,
      related: related(r),
    })),
  };
}

async function storedRanks(raw: RawClient, ids: string[]): Promise<Map<string, StoredRanks>> {
  const out = new Map<string, StoredRanks>();
  if (!ids.length) return out;
  const rows = await raw.query<{ snapshot_id: string; board: Board; configs: unknown; synthetic: boolean | null }>(
    `select snapshot_id, board, result->'configs' as configs, (result->>'synthetic')::boolean as synthetic
     from board_results where settings_key = $1 and snapshot_id = any($2::text[])`,
    [settingsKey(DEFAULT_LEADERBOARD_SETTINGS), ids],
  );
  for (const r of rows) {
    const configs = parseJson<StoredRanks["configs"]>(r.configs) ?? [];
    out.set(`${r.snapshot_id}|${r.board}`, {
      synthetic: r.synthetic ?? false,
      configs: configs.map((c) => ({ config: c.config, rank: c.rank ?? null, weightedMean: c.weightedMean ?? null })),
    });
  }
  return out;
}

export function rankMoves(
  prev: StoredRanks["configs"],
  cur: StoredRanks["configs"],
  names: Map<string, string>,
): { moves: RankMove[]; unchanged: number } {
  const before = new Map(prev.filter((c) => c.rank !== null).map((c) => [c.config, c]));
  const after = new Map(cur.filter((c) => c.rank !== null).map((c) => [c.config, c]));
  const moves: RankMove[] = [];
  let unchanged = 0;
  const name = (c: string) => names.get(c) ?? c;
  for (const [config, c] of after) {
    const p = before.get(config);
    if (!p) moves.push({ config, displayName: name(config), from: null, to: c.rank, fromWinRate: null, toWinRate: c.weightedMean, kind: "added" });
    else if (p.rank !== c.rank) {
      moves.push({ config, displayName: name(config), from: p.rank, to: c.rank, fromWinRate: p.weightedMean, toWinRate: c.weightedMean, kind: "moved" });
    } else unchanged++;
  }
  for (const [config, p] of before) {
    if (!after.has(config)) moves.push({ config, displayName: name(config), from: p.rank, to: null, fromWinRate: p.weightedMean, toWinRate: null, kind: "removed" });
  }
  const order = { moved: 0, added: 1, removed: 2 } as const;
  moves.sort((a, b) => order[a.kind] - order[b.kind] || (a.to ?? a.from ?? 0) - (b.to ?? b.from ?? 0) || (a.config < b.config ? -1 : 1));
  return { moves, unchanged };
}

/** The changelog: every snapshot, and the newest (or from `from`) in detail with what changed. */
export async function getChangelog(opts: ChangelogOptions = {}, rawArg?: RawClient): Promise<Changelog> {
  const raw = rawArg ?? (await getDbHandle()).raw;
  const latest = await ensureSnapshot(raw);
  const snapshots = await listSnapshots(raw, latest.id);
  const limit = Math.max(1, opts.limit ?? CHANGELOG_PAGE_SIZE);
  const fromIndex = opts.from ? snapshots.findIndex((s) => s.id === opts.from) : -1;
  const start = Math.max(0, fromIndex);
  const shown = snapshots.slice(start, start + limit);
  const previousOf = (i: number) => snapshots[start + i + 1] ?? null;

  // Default board results: compute the newest few when missing (bounded), read the rest.
  const computeNewest = Math.max(0, opts.computeNewest ?? 2);
  const wanted = new Set<string>();
  shown.forEach((s, i) => {
    wanted.add(s.id);
    const p = previousOf(i);
    if (p) wanted.add(p.id);
  });
  let ranks = await storedRanks(raw, [...wanted]);
  let computed = false;
  for (const s of snapshots.slice(0, computeNewest)) {
    if (!wanted.has(s.id)) continue;
    for (const board of BOARDS) {
      if (ranks.has(`${s.id}|${board}`)) continue;
      await withSnapshot(s.id, () => getBoardData(raw, board, DEFAULT_LEADERBOARD_SETTINGS));
      computed = true;
    }
  }
  if (computed) ranks = await storedRanks(raw, [...wanted]);

  const configSlugs = new Set<string>();
  for (const r of ranks.values()) for (const c of r.configs) configSlugs.add(c.config);
  const names = new Map<string, string>();
  if (configSlugs.size) {
    const rows = await raw.query<{ slug: string; display_name: string }>(`select slug, display_name from configs where slug = any($1::text[])`, [[...configSlugs]]);
    for (const r of rows) names.set(r.slug, r.display_name);
  }

  const entries: ChangelogEntry[] = [];
  for (let i = 0; i < shown.length; i++) {
    const s = shown[i];
    const p = previousOf(i);
    const addedRows = await runsNotIn(raw, s.id, p?.id ?? null, null);
    const goneRows = p ? await runsNotIn(raw, p.id, s.id, s.id) : [];
    const replacedBy = new Map<number, number[]>();
    for (const g of goneRows) {
      if (!g.replaced || g.superseded_by === null) continue;
      const list = replacedBy.get(Number(g.superseded_by)) ?? [];
      list.push(Number(g.id));
      replacedBy.set(Number(g.superseded_by), list);
    }
    const boards: BoardChanges[] = BOARDS.map((board) => {
      const cur = ranks.get(`${s.id}|${board}`) ?? null;
      const prev = p ? (ranks.get(`${p.id}|${board}`) ?? null) : null;
      const ranked = cur ? cur.configs.filter((c) => c.rank !== null).length : null;
      const synthetic = { this: cur?.synthetic ?? null, previous: prev?.synthetic ?? null };
      if (!p) return { board, status: "first", missing: [], synthetic, ranked, moves: [], unchanged: 0 };
      if (!cur || !prev) {
        const missing: ("this" | "previous")[] = [];
        if (!cur) missing.push("this");
        if (!prev) missing.push("previous");
        return { board, status: "not-computed", missing, synthetic, ranked, moves: [], unchanged: 0 };
      }
      return { board, status: "compared", missing: [], synthetic, ranked, ...rankMoves(prev.configs, cur.configs, names) };
    });
    entries.push({
      ...s,
      previous: p,
      added: toChanges(addedRows, (r) => replacedBy.get(Number(r.id)) ?? []),
      superseded: toChanges(
        goneRows.filter((g) => g.replaced),
        (r) => (r.superseded_by === null ? [] : [Number(r.superseded_by)]),
      ),
      removed: toChanges(
        goneRows.filter((g) => !g.replaced),
        () => [],
      ),
      boards,
    });
  }
  const last = start + shown.length;
  return {
    latest,
    snapshots,
    entries,
    from: fromIndex >= 0 ? snapshots[fromIndex].id : null,
    next: snapshots[last]?.id ?? null,
  };
}
