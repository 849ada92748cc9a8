/**
 * Records the response Next writes (status, headers, every body byte as sent, so compressed when
 * Next compressed it) while it streams to the client unchanged. Resolves with the response once it
 * has finished completely and is worth keeping (200, no Set-Cookie, not too big), else with null.
 */
import type { ServerResponse } from "node:http";
import type { CachedResponse } from "./store";

/** Headers that describe one connection or one moment, never stored. */
const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "x-medmarks-cache"]);

type Chunk = string | Uint8Array;

function toBuffer(chunk: unknown, encoding?: unknown): Buffer | null {
  if (chunk === undefined || chunk === null || typeof chunk === "function") return null;
  if (Buffer.isBuffer(chunk)) return Buffer.from(chunk);
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return null;
}

export function captureResponse(res: ServerResponse, maxBytes: number): Promise<Omit<CachedResponse, "storedAt"> | null> {
  let resolve!: (v: Omit<CachedResponse, "storedAt"> | null) => void;
  const result = new Promise<Omit<CachedResponse, "storedAt"> | null>((r) => (resolve = r));
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  let headHeaders: Record<string, string | string[]> = {};
  const record = (chunk: unknown, encoding?: unknown) => {
    if (overflow) return;
    const b = toBuffer(chunk, encoding);
    if (!b) return;
    size += b.length;
    if (size > maxBytes) {
      overflow = true;
      chunks.length = 0;
      resolve(null); // too big to keep: requests waiting on this one go their own way now, not at its end
      return;
    }
    chunks.push(b);
  };

  const write = res.write;
  const end = res.end;
  const writeHead = res.writeHead;
  res.write = function (this: ServerResponse, chunk: Chunk, ...rest: unknown[]) {
    record(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (args.length && typeof args[0] !== "function") record(args[0], args[1]);
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.end;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const h = args.find((a, i) => i > 0 && a && typeof a === "object" && !Array.isArray(a)) as Record<string, string | string[] | number> | undefined;
    if (h) for (const [k, v] of Object.entries(h)) if (v !== undefined) headHeaders[k.toLowerCase()] = Array.isArray(v) ? v.map(String) : String(v);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;

  {
    const done = (ok: boolean) => {
      if (!ok || overflow || res.statusCode !== 200) return resolve(null);
      const headers: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries({ ...res.getHeaders(), ...headHeaders })) {
        if (v === undefined || HOP_HEADERS.has(k.toLowerCase())) continue;
        headers[k.toLowerCase()] = Array.isArray(v) ? v.map(String) : String(v);
      }
      if (headers["set-cookie"]) return resolve(null);
      resolve({ status: 200, headers, body: Buffer.concat(chunks) });
    };
    res.once("finish", () => done(true));
    res.once("close", () => done(res.writableFinished));
  }
  return result;
}

/** Writes a stored response. */
export function sendCached(res: ServerResponse, entry: CachedResponse, now = Date.now()): void {
  res.writeHead(entry.status, {
    ...entry.headers,
    "content-length": String(entry.body.length),
    "x-medmarks-cache": "hit",
    age: String(Math.floor((now - entry.storedAt) / 1000)),
  });
  res.end(entry.body);
}
