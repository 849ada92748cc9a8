/**
 * Which snapshot a request reads. Without a pin, views show the latest snapshot (the published
 * runs now); `withSnapshot(id, fn)` pins every board and stored view computed inside `fn` to an
 * older snapshot, so a link with `?snapshot=<id>` shows the same numbers years later.
 *
 * AsyncLocalStorage carries the pin through the query functions (lib/queries → lib/boards)
 * without threading a parameter through each of them. Plain Node: usable from scripts too.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { RawTx } from "../db/raw";
import { ensureSnapshot, type SnapshotInfo } from "./snapshot";

const pinned = new AsyncLocalStorage<string>();

export class SnapshotNotFoundError extends Error {
  constructor(readonly snapshotId: string) {
    super(`snapshot ${snapshotId} does not exist`);
    this.name = "SnapshotNotFoundError";
  }
}

/** A snapshot id as written in URLs: 16 lowercase hex digits (see snapshotId()). */
export function parseSnapshotParam(value: string | string[] | null | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return v && /^[0-9a-f]{16}$/.test(v) ? v : null;
}

/** Run `fn` with every snapshot read pinned to `snapshotId` (null = latest). */
export function withSnapshot<T>(snapshotId: string | null, fn: () => T): T {
  return snapshotId ? pinned.run(snapshotId, fn) : fn();
}

/** The pinned snapshot id of this call chain, if any. */
export function pinnedSnapshotId(): string | null {
  return pinned.getStore() ?? null;
}

/** A stored snapshot by id, or null. */
export async function getSnapshotInfo(raw: RawTx, id: string): Promise<SnapshotInfo | null> {
  const rows = await raw.query<{ created_at: string; run_count: number }>(`select created_at::text, run_count from snapshots where id = $1`, [id]);
  return rows.length ? { id, createdAt: new Date(rows[0].created_at).toISOString(), runCount: Number(rows[0].run_count) } : null;
}

/** The snapshot this call reads: the pinned one (SnapshotNotFoundError if unknown), else the latest. */
export async function currentSnapshot(raw: RawTx & { transaction?: <T>(fn: (tx: RawTx) => Promise<T>) => Promise<T> }): Promise<SnapshotInfo> {
  const id = pinnedSnapshotId();
  if (!id) return ensureSnapshot(raw);
  const info = await getSnapshotInfo(raw, id);
  if (!info) throw new SnapshotNotFoundError(id);
  return info;
}
