/**
 * The page cache's store: complete responses (status, headers, body bytes) under a key, bounded in
 * total bytes (least recently used first out) and in age, with single flight: while one request
 * renders a key, the others for the same key wait for it instead of rendering it again.
 */

export interface CachedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  storedAt: number;
}

export interface StoreOptions {
  maxBytes: number;
  /** Largest single body kept, in bytes. */
  maxEntryBytes: number;
  /** Age after which an entry is not served any more, in ms. */
  ttlMs: number;
  now?: () => number;
}

export interface StoreStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  waits: number;
}

export class PageStore {
  private entries = new Map<string, CachedResponse>();
  private flights = new Map<string, Promise<CachedResponse | null>>();
  private bytes = 0;
  private readonly now: () => number;
  readonly stats = { hits: 0, misses: 0, waits: 0 };

  constructor(private readonly opts: StoreOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** A fresh entry (and marks it recently used), or undefined. */
  get(key: string): CachedResponse | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() - e.storedAt > this.opts.ttlMs) {
      this.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  /** Keeps a response unless it is too big; evicts the least recently used beyond maxBytes. */
  set(key: string, value: Omit<CachedResponse, "storedAt">): boolean {
    const size = value.body.length;
    if (size > this.opts.maxEntryBytes || size > this.opts.maxBytes) return false;
    this.delete(key);
    this.entries.set(key, { ...value, storedAt: this.now() });
    this.bytes += size;
    for (const [k] of this.entries) {
      if (this.bytes <= this.opts.maxBytes) break;
      this.delete(k);
    }
    return true;
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.body.length;
    this.entries.delete(key);
  }

  /** The render in flight for a key, if any. */
  inFlight(key: string): Promise<CachedResponse | null> | undefined {
    return this.flights.get(key);
  }

  /** Registers the render of a key; stores its result when it resolves to a response. */
  fly(key: string, render: Promise<Omit<CachedResponse, "storedAt"> | null>): Promise<CachedResponse | null> {
    const flight = render
      .then((r) => (r && this.set(key, r) ? this.entries.get(key)! : null))
      .catch(() => null)
      .finally(() => this.flights.delete(key));
    this.flights.set(key, flight);
    return flight;
  }

  snapshot(): StoreStats {
    return { entries: this.entries.size, bytes: this.bytes, ...this.stats };
  }
}
