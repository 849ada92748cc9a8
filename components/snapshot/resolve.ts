/**
 * Which snapshot a page shows, from its `?snapshot=` parameter (server only):
 *
 * - absent: the latest snapshot (the currently published runs);
 * - a well-formed id (16 hex digits) that exists: that snapshot, every query pinned to it;
 * - a well-formed id that does not exist: 404 (`notFound()`), never silently the latest data;
 * - anything else: ignored, the latest is shown, and the page says so (`SnapshotNotices`).
 *
 * Pages run their queries inside `pinned(snap, fn)`: even the latest is pinned by id, so every
 * query of one request reads the same snapshot although an ingest may land meanwhile.
 */
import { notFound } from "next/navigation";

import { SnapshotNotFoundError, withSnapshot } from "@/lib/boards/snapshot-context";
import { readSnapshotParam } from "@/lib/cite/url";
import { getSnapshotStatus, type SnapshotStatus } from "@/lib/queries/changelog";

export interface PageSnapshot extends SnapshotStatus {
  /** The malformed `snapshot` value that was ignored, if any. */
  invalid: string | null;
}

export async function resolvePageSnapshot(value: string | string[] | undefined): Promise<PageSnapshot> {
  const { id, invalid } = readSnapshotParam(value);
  const status = await getSnapshotStatus(id);
  if (!status) notFound();
  return { ...status, invalid };
}

/** Run `fn` with every board and stored-view read pinned to the page's snapshot. */
export async function pinned<T>(snap: PageSnapshot, fn: () => Promise<T>): Promise<T> {
  try {
    return await withSnapshot(snap.shown.id, fn);
  } catch (e) {
    if (e instanceof SnapshotNotFoundError) notFound();
    throw e;
  }
}
