/**
 * The page cache in front of Next's request handler. A cacheable request (see policy.ts) under the
 * current data generation is answered from memory when a complete copy is there; else it goes to
 * Next, whose response is recorded on its way out and kept. Concurrent misses of one key render it
 * once. Every response says what happened in `x-medmarks-cache: hit | miss | bypass`.
 * When the generation is unknown (the database is not ready), everything goes to Next.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { captureResponse, sendCached } from "./capture";
import { bypassReason, cacheKey } from "./policy";
import type { PageStore } from "./store";

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown> | unknown;

export interface CachingOptions {
  store: PageStore;
  /** The current data generation, or null when it cannot be known now. */
  generation: () => Promise<string | null> | string | null;
  maxEntryBytes: number;
  onError?: (e: unknown) => void;
}

export function cachingHandler(next: NextHandler, opts: CachingOptions) {
  const pass = (req: IncomingMessage, res: ServerResponse, state: string) => {
    if (!res.headersSent) res.setHeader("x-medmarks-cache", state);
    return next(req, res);
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (bypassReason(req) !== null) return void (await pass(req, res, "bypass"));
      let generation: string | null = null;
      try {
        generation = await opts.generation();
      } catch {
        generation = null;
      }
      if (generation === null) return void (await pass(req, res, "bypass"));
      const key = cacheKey(req, generation);
      const hit = opts.store.get(key);
      if (hit) {
        opts.store.stats.hits++;
        return sendCached(res, hit);
      }
      const flight = opts.store.inFlight(key);
      if (flight) {
        opts.store.stats.waits++;
        const entry = await flight;
        if (entry) return sendCached(res, entry);
        return void (await pass(req, res, "miss"));
      }
      opts.store.stats.misses++;
      void opts.store.fly(key, captureResponse(res, opts.maxEntryBytes));
      await pass(req, res, "miss");
    } catch (e) {
      opts.onError?.(e);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      } else res.destroy();
    }
  };
}
