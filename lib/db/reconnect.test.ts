// PostgreSQL going away and coming back (a restart, a network blip): queries issued meanwhile fail
// fast or resume within about a second of its return — not after postgres.js's default reconnect
// backoff (up to 20 s). A TCP relay in front of TEST_DATABASE_URL is closed for 2 s.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { openDb, reconnectBackoff } from "./index";

describe("reconnect backoff", () => {
  it("stays at or under 1 s whatever the number of failed attempts", () => {
    for (const n of [0, 1, 5, 10, 50]) {
      const s = reconnectBackoff(n);
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    expect(reconnectBackoff(1)).toBeLessThan(0.11);
  });
});

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("PostgreSQL behind a connection that drops for 2 s", () => {
  it("answers queries again within ~1 s of its return; none waits for the old 20 s backoff", async () => {
    const target = new URL(url!);
    const sockets = new Set<net.Socket>();
    let server: net.Server | null = null;
    const listen = (port: number) =>
      new Promise<number>((resolve) => {
        server = net.createServer((c) => {
          const up = net.connect(Number(target.port || 5432), target.hostname);
          sockets.add(c).add(up);
          const drop = () => {
            c.destroy();
            up.destroy();
          };
          c.pipe(up).pipe(c);
          c.on("error", drop).on("close", drop);
          up.on("error", drop).on("close", drop);
        });
        server.listen(port, "127.0.0.1", () => resolve((server!.address() as net.AddressInfo).port));
      });
    const close = async () => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      await new Promise<void>((r) => server!.close(() => r()));
    };
    const port = await listen(0);
    const relayed = new URL(url!);
    relayed.hostname = "127.0.0.1";
    relayed.port = String(port);
    const h = await openDb({ url: relayed.toString(), poolMax: 6 });
    const latencies: { ms: number; ok: boolean; at: number }[] = [];
    let stop = false;
    const t0 = Date.now();
    const loops = Array.from({ length: 6 }, async () => {
      while (!stop) {
        const start = Date.now();
        let ok = true;
        try {
          await h.raw.query("select pg_sleep(0.02)");
        } catch {
          ok = false;
          await new Promise((r) => setTimeout(r, 50));
        }
        latencies.push({ ms: Date.now() - start, ok, at: start - t0 });
      }
    });
    try {
      await new Promise((r) => setTimeout(r, 500));
      await close();
      await new Promise((r) => setTimeout(r, 2000));
      const back = Date.now() - t0;
      await listen(port);
      await new Promise((r) => setTimeout(r, 4000));
      stop = true;
      await Promise.all(loops);
      expect(latencies.some((l) => !l.ok)).toBe(true); // the outage was seen
      const firstOkAfter = latencies.filter((l) => l.ok && l.at + l.ms > back).map((l) => l.at + l.ms)[0];
      expect(firstOkAfter - back).toBeLessThan(2000);
      expect(Math.max(...latencies.map((l) => l.ms))).toBeLessThan(5000);
    } finally {
      stop = true;
      await Promise.all(loops);
      await h.close();
      await close().catch(() => {});
    }
  });
});
