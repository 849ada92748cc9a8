/**
 * The data generation the page cache keys on, shared between the app (which knows the database)
 * and the Node server in front of Next (scripts/server.ts), which run in one process but are
 * loaded separately: the app publishes a function on globalThis once its database is ready.
 * The generation is `app_meta.data_version`, bumped by every ingest and moderation that changes
 * runs; it is read at most every `memoMs`, so a change shows within that time.
 */
import type { RawTx } from "../db/raw";

const KEY = Symbol.for("medmarks.pageCache.generation");
type Slot = { [KEY]?: () => Promise<string | null> };

export function publishGeneration(raw: RawTx, memoMs = 250): void {
  let value: string | null = null;
  let readAt = -Infinity;
  let pending: Promise<string | null> | null = null;
  (globalThis as Slot)[KEY] = () => {
    if (Date.now() - readAt < memoMs) return Promise.resolve(value);
    pending ??= raw
      .query<{ value: string }>(`select value from app_meta where key = 'data_version'`)
      .then((rows) => {
        value = `v${rows[0]?.value ?? "0"}`;
        readAt = Date.now();
        return value;
      })
      .catch(() => {
        readAt = -Infinity;
        return null; // database unreachable: serve nothing from the cache
      })
      .finally(() => (pending = null));
    return pending;
  };
}

/** The current generation, or null when the app has not published one (yet) or cannot read it. */
export function currentGeneration(): Promise<string | null> {
  const fn = (globalThis as Slot)[KEY];
  return fn ? fn() : Promise.resolve(null);
}
