import net from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** What `npm start` runs once built (node arguments): the app behind the page cache, scripts/server.ts. */
export const SERVER_ARGS = ["--import", "tsx", path.join(root, "scripts", "server.ts")];

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}
