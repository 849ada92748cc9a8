import { describe, expect, it } from "vitest";
import { PageStore } from "./store";

const body = (n: number) => ({ status: 200, headers: { "content-type": "text/html" }, body: Buffer.alloc(n, 1) });

describe("PageStore", () => {
  it("keeps at most maxBytes, evicting the least recently used", () => {
    const s = new PageStore({ maxBytes: 100, maxEntryBytes: 60, ttlMs: 1000 });
    expect(s.set("a", body(40))).toBe(true);
    expect(s.set("b", body(40))).toBe(true);
    s.get("a"); // a is now more recent than b
    expect(s.set("c", body(40))).toBe(true);
    expect(s.get("b")).toBeUndefined();
    expect(s.get("a")?.body.length).toBe(40);
    expect(s.get("c")?.body.length).toBe(40);
    expect(s.snapshot().bytes).toBe(80);
    expect(s.set("big", body(61))).toBe(false);
    expect(s.snapshot().entries).toBe(2);
  });

  it("does not serve entries older than the TTL", () => {
    let now = 0;
    const s = new PageStore({ maxBytes: 100, maxEntryBytes: 100, ttlMs: 1000, now: () => now });
    s.set("a", body(10));
    now = 1000;
    expect(s.get("a")).toBeDefined();
    now = 1001;
    expect(s.get("a")).toBeUndefined();
    expect(s.snapshot()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it("replacing a key does not count its bytes twice", () => {
    const s = new PageStore({ maxBytes: 100, maxEntryBytes: 100, ttlMs: 1000 });
    s.set("a", body(30));
    s.set("a", body(50));
    expect(s.snapshot()).toMatchObject({ entries: 1, bytes: 50 });
  });

  it("single flight: one render per key, stored when it yields a response, forgotten when it fails", async () => {
    const s = new PageStore({ maxBytes: 100, maxEntryBytes: 100, ttlMs: 1000 });
    let resolve!: (v: ReturnType<typeof body> | null) => void;
    const f = s.fly("k", new Promise((r) => (resolve = r)));
    expect(s.inFlight("k")).toBe(f);
    resolve(body(5));
    expect((await f)?.body.length).toBe(5);
    expect(s.inFlight("k")).toBeUndefined();
    expect(s.get("k")).toBeDefined();
    expect(await s.fly("x", Promise.reject(new Error("boom")))).toBeNull();
    expect(await s.fly("y", Promise.resolve(null))).toBeNull();
    expect(s.get("x") ?? s.get("y")).toBeUndefined();
  });
});
