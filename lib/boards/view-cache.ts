/**
 * Computed views of a snapshot other than the boards (order bias, efficiency, ...): computed on
 * first request (or after an ingest), stored in `snapshot_views`, then read by key. A snapshot
 * never changes, so neither does a stored view; concurrent first requests share one computation.
 */
import type { RawClient } from "../db/raw";
import type { SnapshotInfo } from "./snapshot";
import { currentSnapshot } from "./snapshot-context";

export interface SnapshotView<T> {
  snapshot: SnapshotInfo;
  result: T;
  computedAt: string;
}

// Per database client: parsed results, and computations in flight (so N requests compute once).
const memos = new WeakMap<object, Map<string, SnapshotView<unknown>>>();
const inflight = new WeakMap<object, Map<string, Promise<SnapshotView<unknown>>>>();

/**
 * The stored `view` for the current snapshot and `paramsKey`, computing it with `compute` when
 * absent. `compute` receives the snapshot; it must depend only on the snapshot's runs and params.
 */
export async function getSnapshotView<T>(
  raw: RawClient,
  view: string,
  paramsKey: string,
  compute: (snapshot: SnapshotInfo) => Promise<T>,
): Promise<SnapshotView<T>> {
  const snapshot = await currentSnapshot(raw);
  const key = `${snapshot.id}|${view}|${paramsKey}`;
  let memo = memos.get(raw);
  if (!memo) memos.set(raw, (memo = new Map()));
  const hit = memo.get(key);
  if (hit) return hit as SnapshotView<T>;
  let pending = inflight.get(raw);
  if (!pending) inflight.set(raw, (pending = new Map()));
  const running = pending.get(key);
  if (running) return (await running) as SnapshotView<T>;

  const work = (async (): Promise<SnapshotView<unknown>> => {
    // As text, parsed here: drivers differ in whether they parse jsonb themselves.
    const stored = await raw.query<{ result: string; computed_at: string }>(
      `select result::text as result, computed_at::text from snapshot_views where snapshot_id = $1 and view = $2 and params_key = $3`,
      [snapshot.id, view, paramsKey],
    );
    if (stored.length) {
      const result = JSON.parse(stored[0].result) as T;
      return { snapshot, result, computedAt: new Date(stored[0].computed_at).toISOString() };
    }
    const t0 = Date.now();
    const result = await compute(snapshot);
    await raw.query(
      `insert into snapshot_views (snapshot_id, view, params_key, result, compute_ms) values ($1, $2, $3, $4::jsonb, $5) on conflict do nothing`,
      [snapshot.id, view, paramsKey, JSON.stringify(result), Date.now() - t0],
    );
    // What is stored (ours, or a concurrent writer's): the same answer before and after a restart.
    const [row] = await raw.query<{ result: string; computed_at: string }>(
      `select result::text as result, computed_at::text from snapshot_views where snapshot_id = $1 and view = $2 and params_key = $3`,
      [snapshot.id, view, paramsKey],
    );
    const kept = JSON.parse(row.result) as T;
    return { snapshot, result: kept, computedAt: new Date(row.computed_at).toISOString() };
  })();
  pending.set(key, work);
  try {
    const data = await work;
    if (memo.size > 64) memo.delete(memo.keys().next().value as string);
    memo.set(key, data);
    return data as SnapshotView<T>;
  } finally {
    pending.delete(key);
  }
}
