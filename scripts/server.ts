// `npm start`: the built Next.js app behind a small in-memory page cache (lib/page-cache), in one
// Node process. Takes the same flags as `next start` that we use: -p/--port, -H/--hostname (or
// PORT / HOSTNAME). PAGE_CACHE_MB (default 256; 0 turns the cache off) and PAGE_CACHE_TTL_S
// (default 60) size it. Anonymous GETs of public views and of the read API are kept per URL and
// data generation; everything else (signed-in users, uploads, auth, client-router fetches, requests
// with Cache-Control: no-cache) goes straight to Next.
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { currentGeneration } from "../lib/page-cache/generation";
import { cachingHandler } from "../lib/page-cache/handler";
import { PageStore } from "../lib/page-cache/store";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  strict: false,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = String(values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0");
const cacheMb = Number(process.env.PAGE_CACHE_MB ?? 256);
const ttlS = Number(process.env.PAGE_CACHE_TTL_S ?? 60);
const maxEntryBytes = 8 * 2 ** 20;

(process.env as Record<string, string>).NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
process.env.PORT = String(port);
process.env.__NEXT_PRIVATE_ORIGIN = `http://${hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname}:${port}`;

const app = next({ dev: false, dir: path.resolve(import.meta.dirname, ".."), hostname, port });
const handle = app.getRequestHandler();

async function main() {
  await app.prepare();
  const handler =
    cacheMb > 0
      ? cachingHandler((req, res) => handle(req, res), {
          store: new PageStore({ maxBytes: cacheMb * 2 ** 20, maxEntryBytes, ttlMs: ttlS * 1000 }),
          generation: currentGeneration,
          maxEntryBytes,
          onError: (e) => console.error("[medmarks] page cache:", e),
        })
      : (req: Parameters<typeof handle>[0], res: Parameters<typeof handle>[1]) => handle(req, res);
  const server = createServer((req, res) => void handler(req, res));
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => {
    console.log(`▲ Medmarks Explorer on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}` + (cacheMb > 0 ? ` (page cache ${cacheMb} MB, ${ttlS} s)` : " (page cache off)"));
  });
  const stop = () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
