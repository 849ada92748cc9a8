/**
 * While `npm start` serves the embedded database, it is the only process allowed to write to it.
 * The server leaves DATA_DIR/server.json (pid, origin, a random token; mode 600) so that
 * `npm run ingest` can hand its runs to the server instead of opening the database a second time.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface ServerInfo {
  pid: number;
  /** Where the server listens, e.g. http://127.0.0.1:3000 */
  origin: string;
  token: string;
}

const file = (dataDir: string) => path.join(dataDir, "server.json");

type Global = typeof globalThis & { __medmarksIngestToken?: string };

export function writeServerInfo(dataDir: string, origin: string): ServerInfo {
  const info: ServerInfo = { pid: process.pid, origin, token: randomBytes(32).toString("hex") };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file(dataDir), JSON.stringify(info), { mode: 0o600 });
  (globalThis as Global).__medmarksIngestToken = info.token;
  const cleanup = () => {
    try {
      const current = JSON.parse(fs.readFileSync(file(dataDir), "utf8")) as ServerInfo;
      if (current.pid === process.pid) fs.rmSync(file(dataDir));
    } catch {
      /* gone already */
    }
  };
  process.once("exit", cleanup);
  return info;
}

export function readServerInfo(dataDir: string): ServerInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file(dataDir), "utf8")) as ServerInfo;
    return typeof info.pid === "number" && typeof info.origin === "string" && typeof info.token === "string" ? info : null;
  } catch {
    return null;
  }
}

/** True when `header` is `Bearer <token>` of this server process. */
export function isServerToken(header: string | null): boolean {
  const token = (globalThis as Global).__medmarksIngestToken;
  if (!token || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice(7));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** The server's own origin, reachable from this machine (loopback rather than "localhost"). */
export function localOrigin(): string | null {
  const port = process.env.PORT;
  if (!port) return null;
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  if (origin) {
    try {
      const u = new URL(origin);
      if (u.hostname === "localhost" || u.hostname === "0.0.0.0" || u.hostname === "[::]") u.hostname = "127.0.0.1";
      return u.origin;
    } catch {
      /* fall through */
    }
  }
  return `http://127.0.0.1:${port}`;
}
