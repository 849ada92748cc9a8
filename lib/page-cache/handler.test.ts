import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { cachingHandler } from "./handler";
import { PageStore } from "./store";

let server: Server | null = null;
const events: string[] = [];
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A stand-in for Next: streams a page in pieces after a delay, counting renders per path. */
function fakeNext(renders: Map<string, number>, generationRef: { value: string | null }) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    renders.set(url, (renders.get(url) ?? 0) + 1);
    await new Promise((r) => setTimeout(r, 30));
    if (url.includes("missing")) {
      res.statusCode = 404;
      return void res.end("not here");
    }
    if (url.includes("huge")) {
      const n = renders.get(url);
      events.push(`start ${n}`);
      res.setHeader("content-type", "text/csv");
      res.write(Buffer.alloc(70_000, 97)); // over maxEntryBytes (64 KiB): never kept
      await new Promise((r) => setTimeout(r, 300));
      res.end("\n");
      events.push(`end ${n}`);
      return;
    }
    if (url.includes("slow")) {
      res.setHeader("content-type", "text/html");
      res.write("<p>part one</p>");
      await new Promise((r) => setTimeout(r, 300));
      if (!res.destroyed) res.end("<p>part two</p>");
      return;
    }
    if (url.includes("cookie")) res.setHeader("set-cookie", "a=b");
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.writeHead(200, { "x-from-writehead": "yes" });
    res.write(`<p>${url} `);
    res.write(Buffer.from(`gen ${generationRef.value} `));
    await new Promise((r) => setTimeout(r, 5));
    res.end(`render ${renders.get(url)}</p>`);
  };
}

async function start(generationRef: { value: string | null }) {
  const renders = new Map<string, number>();
  const store = new PageStore({ maxBytes: 1 << 20, maxEntryBytes: 1 << 16, ttlMs: 60_000 });
  const handler = cachingHandler(fakeNext(renders, generationRef), { store, generation: () => generationRef.value, maxEntryBytes: 1 << 16 });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, { headers });
    return { status: res.status, cache: res.headers.get("x-medmarks-cache"), type: res.headers.get("content-type"), extra: res.headers.get("x-from-writehead"), body: await res.text() };
  };
  return { renders, store, get };
}

describe("cachingHandler", () => {
  it("answers the second request from memory with the same status, headers and body", async () => {
    const { renders, get } = await start({ value: "v1" });
    const a = await get("/benchmarks/medqa?x=1");
    const b = await get("/benchmarks/medqa?x=1");
    expect(a).toMatchObject({ status: 200, cache: "miss", body: "<p>/benchmarks/medqa?x=1 gen v1 render 1</p>" });
    expect(b).toMatchObject({ status: 200, cache: "hit", type: "text/html; charset=utf-8", extra: "yes", body: a.body });
    expect(renders.get("/benchmarks/medqa?x=1")).toBe(1);
  });

  it("renders again when the data generation changes", async () => {
    const gen = { value: "v1" as string | null };
    const { get } = await start(gen);
    await get("/");
    gen.value = "v2";
    const b = await get("/");
    expect(b).toMatchObject({ cache: "miss", body: "<p>/ gen v2 render 2</p>" });
    expect((await get("/")).cache).toBe("hit");
  });

  it("renders a key once for concurrent requests", async () => {
    const { renders, store, get } = await start({ value: "v1" });
    const all = await Promise.all(Array.from({ length: 6 }, () => get("/compare?configs=a,b")));
    expect(renders.get("/compare?configs=a,b")).toBe(1);
    expect(new Set(all.map((r) => r.body)).size).toBe(1);
    expect(all.filter((r) => r.cache === "miss")).toHaveLength(1);
    expect(store.stats.waits).toBe(5);
  });

  it("does not keep errors, Set-Cookie responses, private paths or requests it cannot key", async () => {
    const gen = { value: "v1" as string | null };
    const { renders, get } = await start(gen);
    await get("/runs/missing");
    expect((await get("/runs/missing")).status).toBe(404);
    expect(renders.get("/runs/missing")).toBe(2);
    await get("/compare/cookie");
    await get("/compare/cookie");
    expect(renders.get("/compare/cookie")).toBe(2);
    expect((await get("/signin")).cache).toBe("bypass");
    expect((await get("/signin")).cache).toBe("bypass");
    expect((await get("/", { cookie: "authjs.session-token=x" })).cache).toBe("bypass");
    gen.value = null; // database not ready: everything goes to Next
    expect((await get("/efficiency")).cache).toBe("bypass");
    expect((await get("/efficiency")).cache).toBe("bypass");
    expect(renders.get("/efficiency")).toBe(2);
  });

  it("a no-cache request renders afresh and leaves the stored copy alone", async () => {
    const { renders, get } = await start({ value: "v1" });
    await get("/data");
    const fresh = await get("/data", { "cache-control": "no-cache" });
    expect(fresh).toMatchObject({ cache: "bypass", body: "<p>/data gen v1 render 2</p>" });
    expect(await get("/data")).toMatchObject({ cache: "hit", body: "<p>/data gen v1 render 1</p>" });
    expect(renders.get("/data")).toBe(2);
  });

  it("does not keep a response whose client went away before it was complete", async () => {
    const { renders, get } = await start({ value: "v1" });
    const { port } = server!.address() as AddressInfo;
    const ctrl = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/models/slow`, { signal: ctrl.signal });
    expect(res.headers.get("x-medmarks-cache")).toBe("miss");
    ctrl.abort();
    await new Promise((r) => setTimeout(r, 400));
    const again = await get("/models/slow");
    expect(again).toMatchObject({ cache: "miss", body: "<p>part one</p><p>part two</p>" });
    expect(renders.get("/models/slow")).toBe(2);
    expect((await get("/models/slow")).cache).toBe("hit");
  });

  it("requests waiting on a response too big to keep start their own as soon as it is known to be too big", async () => {
    const { renders, get } = await start({ value: "v1" });
    events.length = 0;
    const [a, b] = await Promise.all([get("/api/v1/snapshots/x/scores.csv.huge"), get("/api/v1/snapshots/x/scores.csv.huge")]);
    expect(a.body.length).toBe(70_001);
    expect(b.body.length).toBe(70_001);
    expect(renders.get("/api/v1/snapshots/x/scores.csv.huge")).toBe(2);
    // The second render began while the first was still streaming, not after it ended.
    expect(events).toEqual(["start 1", "start 2", "end 1", "end 2"]);
  });
});
