/**
 * Snapshots as the public API shows them: the list (with which one is the latest), one snapshot
 * with its runs, its per-question scores (read in batches for the CSV download), and the facts
 * the API needs to answer "as of a snapshot" (is a run in it, how many runs of each configuration
 * and benchmark variant it holds).
 *
 * Everything here depends only on the snapshot's run set (immutable), except the `latest` flag of
 * the list (the latest snapshot moves when runs are published).
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { ensureSnapshot, type SnapshotInfo } from "../boards/snapshot";
import { currentSnapshot, pinnedSnapshotId } from "../boards/snapshot-context";
import type { RunProvenance, RunStatus } from "./run";

async function rawOf(rawArg?: RawClient): Promise<RawClient> {
  return rawArg ?? (await getDbHandle()).raw;
}

/** The snapshot this call reads: the pinned one (SnapshotNotFoundError if unknown), else the latest. */
export async function getCurrentSnapshot(rawArg?: RawClient): Promise<SnapshotInfo> {
  return currentSnapshot(await rawOf(rawArg));
}

export interface SnapshotListItem {
  id: string;
  createdAt: string;
  runCount: number;
  label: string | null;
  /** The snapshot the boards show now (with a pin: the pinned snapshot, see listSnapshots). */
  latest: boolean;
}

export interface SnapshotList {
  /** The latest snapshot, or the pinned one. */
  current: SnapshotInfo;
  /** Newest first. */
  snapshots: SnapshotListItem[];
}

/**
 * Every snapshot, newest first, the latest flagged. Pinned (`withSnapshot`), the list is as of
 * that snapshot: the snapshots created up to it, with it flagged latest — so the answer for a
 * pinned snapshot never changes.
 */
export async function listSnapshots(rawArg?: RawClient): Promise<SnapshotList> {
  const raw = await rawOf(rawArg);
  const pinned = pinnedSnapshotId();
  const current = pinned ? await currentSnapshot(raw) : await ensureSnapshot(raw);
  const rows = await raw.query<{ id: string; created_at: string; run_count: number; label: string | null }>(
    `select id, created_at::text, run_count, label from snapshots
     ${pinned ? "where created_at <= (select created_at from snapshots where id = $1)" : ""}
     order by created_at desc, id`,
    pinned ? [pinned] : [],
  );
  return {
    current,
    snapshots: rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      runCount: Number(r.run_count),
      label: r.label,
      latest: r.id === current.id,
    })),
  };
}

export interface SnapshotRun {
  id: number;
  config: string;
  benchmark: string;
  subset: "V" | "OE";
  /** Separate-mode dataset key (`env::variant`). */
  datasetKey: string;
  /** Folded dataset key (`env::subtask`). */
  foldedKey: string;
  orderSeed: number | null;
  provenance: RunProvenance;
  format: string;
  contentSha256: string;
  ingestedAt: string;
}

export interface SnapshotDetail {
  id: string;
  createdAt: string;
  runCount: number;
  label: string | null;
  /** Runs per provenance. */
  provenance: Record<RunProvenance, number>;
  /** Only synthetic demo runs: the boards of this snapshot show the demo data. */
  synthetic: boolean;
  /** By configuration, benchmark, dataset key, run id. */
  runs: SnapshotRun[];
}

/** One snapshot with its runs; null for an unknown id. Independent of any pin. */
export async function getSnapshotDetail(id: string, rawArg?: RawClient): Promise<SnapshotDetail | null> {
  const raw = await rawOf(rawArg);
  const [head] = await raw.query<{ created_at: string; run_count: number; label: string | null }>(
    `select created_at::text, run_count, label from snapshots where id = $1`,
    [id],
  );
  if (!head) return null;
  const rows = await raw.query<{
    id: number; config: string; benchmark: string; subset: "V" | "OE"; key: string; folded_key: string; order_seed: number | null;
    provenance: RunProvenance; format: string; sha: string; ingested_at: string;
  }>(
    `select u.id, u.config_slug as config, d.benchmark_slug as benchmark, b.subset, d.key, d.folded_key, d.order_seed,
            u.provenance, u.format, u.content_sha256 as sha, to_json(u.ingested_at) #>> '{}' as ingested_at
     from snapshot_runs s
     join runs u on u.id = s.run_id
     join datasets d on d.id = u.dataset_id
     join benchmarks b on b.slug = d.benchmark_slug
     where s.snapshot_id = $1
     order by u.config_slug collate "C", d.benchmark_slug collate "C", d.key collate "C", u.id`,
    [id],
  );
  const provenance: Record<RunProvenance, number> = { official: 0, community: 0, demo: 0 };
  for (const r of rows) provenance[r.provenance] += 1;
  return {
    id,
    createdAt: new Date(head.created_at).toISOString(),
    runCount: Number(head.run_count),
    label: head.label,
    provenance,
    synthetic: provenance.demo > 0 && provenance.official + provenance.community === 0,
    runs: rows.map((r) => ({
      id: Number(r.id),
      config: r.config,
      benchmark: r.benchmark,
      subset: r.subset,
      datasetKey: r.key,
      foldedKey: r.folded_key,
      orderSeed: r.order_seed === null ? null : Number(r.order_seed),
      provenance: r.provenance,
      format: r.format,
      contentSha256: r.sha,
      ingestedAt: r.ingested_at,
    })),
  };
}

/** A run's public status and whether `snapshotId` holds it; null for an unknown run. */
export async function getRunSnapshotState(
  runId: number,
  snapshotId: string,
  rawArg?: RawClient,
): Promise<{ status: RunStatus; provenance: RunProvenance; inSnapshot: boolean } | null> {
  if (!Number.isSafeInteger(runId) || runId <= 0 || runId > 2_147_483_647) return null;
  const raw = await rawOf(rawArg);
  const [row] = await raw.query<{ status: RunStatus; provenance: RunProvenance; in_snapshot: boolean }>(
    `select u.status, u.provenance, exists (select 1 from snapshot_runs s where s.snapshot_id = $2 and s.run_id = u.id) as in_snapshot
     from runs u where u.id = $1`,
    [runId, snapshotId],
  );
  return row ? { status: row.status, provenance: row.provenance, inSnapshot: Boolean(row.in_snapshot) } : null;
}

/** Which of `runIds` the snapshot holds. */
export async function runsInSnapshot(snapshotId: string, runIds: readonly number[], rawArg?: RawClient): Promise<Set<number>> {
  if (!runIds.length) return new Set();
  const raw = await rawOf(rawArg);
  const rows = await raw.query<{ run_id: number }>(
    `select run_id from snapshot_runs where snapshot_id = $1 and run_id = any($2::int[])`,
    [snapshotId, [...runIds]],
  );
  return new Set(rows.map((r) => Number(r.run_id)));
}

export interface SnapshotRunCount {
  config: string;
  benchmark: string;
  envId: string;
  variantId: string;
  provenance: RunProvenance;
  runs: number;
}

/** The snapshot's runs counted per configuration, benchmark variant and provenance. */
export async function getSnapshotRunCounts(snapshotId: string, rawArg?: RawClient): Promise<SnapshotRunCount[]> {
  const raw = await rawOf(rawArg);
  const rows = await raw.query<{ config: string; benchmark: string; env_id: string; variant_id: string; provenance: RunProvenance; n: number }>(
    `select u.config_slug as config, d.benchmark_slug as benchmark, d.env_id, d.variant_id, u.provenance, count(*)::int as n
     from snapshot_runs s join runs u on u.id = s.run_id join datasets d on d.id = u.dataset_id
     where s.snapshot_id = $1
     group by u.config_slug, d.benchmark_slug, d.env_id, d.variant_id, u.provenance`,
    [snapshotId],
  );
  return rows.map((r) => ({ config: r.config, benchmark: r.benchmark, envId: r.env_id, variantId: r.variant_id, provenance: r.provenance, runs: Number(r.n) }));
}

// ---------------------------------------------------------------------------------------------
// Per-question scores of a snapshot (the bulk download)

/** Columns of the scores CSV, in order. Stable: append new columns at the end only. */
export const SCORE_COLUMNS = [
  "config",
  "benchmark",
  "dataset_key",
  "folded_key",
  "example_id",
  "mean_reward",
  "n_rollouts",
  "n_scored",
  "run_id",
  "provenance",
] as const;

export interface ScoreRun {
  id: number;
  config: string;
  benchmark: string;
  datasetKey: string;
  foldedKey: string;
  provenance: RunProvenance;
}

export interface ScoreRow {
  exampleId: string;
  /** Mean of the question's non-null rewards in the run; null when none is scored. */
  meanReward: number | null;
  /** Rollouts of the question in the run, and of them those with a reward. */
  nRollouts: number;
  nScored: number;
}

/** The snapshot's runs in download order (configuration, benchmark, dataset key, run id). */
export async function getScoreRuns(snapshotId: string, rawArg?: RawClient): Promise<ScoreRun[]> {
  const raw = await rawOf(rawArg);
  const rows = await raw.query<{ id: number; config: string; benchmark: string; key: string; folded_key: string; provenance: RunProvenance }>(
    `select u.id, u.config_slug as config, d.benchmark_slug as benchmark, d.key, d.folded_key, u.provenance
     from snapshot_runs s join runs u on u.id = s.run_id join datasets d on d.id = u.dataset_id
     where s.snapshot_id = $1
     order by u.config_slug collate "C", d.benchmark_slug collate "C", d.key collate "C", u.id`,
    [snapshotId],
  );
  return rows.map((r) => ({ id: Number(r.id), config: r.config, benchmark: r.benchmark, datasetKey: r.key, foldedKey: r.folded_key, provenance: r.provenance }));
}

/**
 * One batch of a run's per-question scores in question order (numeric ids numerically: length,
 * then bytes), after the question `afterExampleId` (keyset; null = from the start).
 */
export async function getScoreBatch(runId: number, afterExampleId: string | null, limit: number, rawArg?: RawClient): Promise<ScoreRow[]> {
  const raw = await rawOf(rawArg);
  const rows = await raw.query<{ example_id: string; mean: number | null; n: number; scored: number }>(
    `select example_id, avg(reward)::float8 as mean, count(*)::int as n, count(reward)::int as scored
     from rollouts
     where run_id = $1${afterExampleId === null ? "" : ` and (length(example_id), example_id collate "C") > (length($3::text), $3::text collate "C")`}
     group by example_id
     order by length(example_id), example_id collate "C"
     limit $2`,
    afterExampleId === null ? [runId, limit] : [runId, limit, afterExampleId],
  );
  return rows.map((r) => ({ exampleId: r.example_id, meanReward: r.mean === null ? null : Number(r.mean), nRollouts: Number(r.n), nScored: Number(r.scored) }));
}
