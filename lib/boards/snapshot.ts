/**
 * Snapshots: the published run set, named by a content hash of its runs' content hashes. The same
 * set of runs always gives the same id; any ingest that publishes or supersedes a run gives a new one.
 */
import { createHash } from "node:crypto";
import type { RawTx } from "../db/raw";

export interface SnapshotInfo {
  id: string;
  createdAt: string;
  runCount: number;
}

// Per database client (the app has one; tests open several): the last snapshot and its data version.
const cache = new WeakMap<object, { version: string; info: SnapshotInfo }>();

/** The current data version (bumped by every ingest that inserts runs). */
async function dataVersion(raw: RawTx): Promise<string> {
  const rows = await raw.query<{ value: string }>(`select value from app_meta where key = 'data_version'`);
  return rows[0]?.value ?? "0";
}

export function snapshotId(contentHashes: string[]): string {
  const h = createHash("sha256").update("medmarks-snapshot-v1\n");
  for (const sha of [...contentHashes].sort()) h.update(sha + "\n");
  return h.digest("hex").slice(0, 16);
}

/** The snapshot of the currently published runs, created (with its run list) if new. */
export async function ensureSnapshot(raw: RawTx & { transaction?: <T>(fn: (tx: RawTx) => Promise<T>) => Promise<T> }): Promise<SnapshotInfo> {
  const version = await dataVersion(raw);
  const hit = cache.get(raw);
  if (hit?.version === version) return hit.info;
  const runs = await raw.query<{ id: number; sha: string }>(`select id, content_sha256 as sha from runs where status = 'published' order by id`);
  const id = snapshotId(runs.map((r) => r.sha));
  const existing = await raw.query<{ created_at: string; run_count: number }>(`select created_at::text, run_count from snapshots where id = $1`, [id]);
  let info: SnapshotInfo;
  if (existing.length) {
    info = { id, createdAt: new Date(existing[0].created_at).toISOString(), runCount: Number(existing[0].run_count) };
  } else {
    const create = async (tx: RawTx) => {
      const inserted = await tx.query<{ created_at: string }>(
        `insert into snapshots (id, run_count) values ($1, $2) on conflict (id) do nothing returning created_at::text`,
        [id, runs.length],
      );
      if (inserted.length && runs.length) {
        await tx.query(`insert into snapshot_runs (snapshot_id, run_id) select $1, unnest($2::int[])`, [id, runs.map((r) => Number(r.id))]);
      }
    };
    if (raw.transaction) await raw.transaction(create);
    else await create(raw);
    const [row] = await raw.query<{ created_at: string }>(`select created_at::text from snapshots where id = $1`, [id]);
    info = { id, createdAt: new Date(row.created_at).toISOString(), runCount: runs.length };
  }
  cache.set(raw, { version, info });
  return info;
}
