import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { failureResponse } from "../api/handler";
import { availability, backoffMs, describeDbError, isConnectionError, markReady, markUnavailable, noteQueryError, onRecoverNeeded, retryAfterSeconds } from "./availability";
import { openDb } from "./index";
import { DataDirInUseError } from "./lock";
import { unavailableResponse } from "./unavailable-response";

/** A port on which nothing listens. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe("database availability", () => {
  afterEach(() => {
    markReady();
    onRecoverNeeded(() => {});
  });

  it("classifies a refused PostgreSQL connection (a real postgres.js error) as unavailable, a bad query not", async () => {
    const h = await openDb({ url: `postgres://postgres:secret@127.0.0.1:${await closedPort()}/x`, poolMax: 1 });
    let error: unknown;
    try {
      await h.raw.query("select 1");
    } catch (e) {
      error = e;
    }
    await h.close();
    expect(isConnectionError(error)).toBe(true);
    expect(describeDbError(error)).not.toContain("secret");
    expect(isConnectionError(Object.assign(new Error("syntax error at or near"), { code: "42601" }))).toBe(false);
    expect(isConnectionError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isConnectionError(new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "CONNECTION_CLOSED" }) }))).toBe(true);
    expect(isConnectionError(new DataDirInUseError("/d", 1))).toBe(true);
    expect(isConnectionError(new Error("plain"))).toBe(false);
    // A drizzle "Failed query" wrapper is described by the connection error inside it.
    const wrapped = new Error('Failed query: CREATE SCHEMA IF NOT EXISTS "drizzle"', { cause: error });
    expect(isConnectionError(wrapped)).toBe(true);
    expect(describeDbError(wrapped)).toMatch(/ECONNREFUSED/);
  });

  it("a connection error while serving marks the database unavailable once and asks for recovery", () => {
    let recoveries = 0;
    onRecoverNeeded(() => recoveries++);
    expect(noteQueryError(new Error("not a connection error"))).toBe(false);
    expect(availability().state).toBe("ready");
    const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(noteQueryError(down)).toBe(true);
    expect(noteQueryError(down)).toBe(true);
    expect(recoveries).toBe(1);
    const a = availability();
    expect(a.state).toBe("unavailable");
    expect(a.reason).toContain("ECONNREFUSED");
    expect(a.attempts).toBe(2);
    markReady();
    expect(availability().state).toBe("ready");
  });

  it("API routes answer 503 with Retry-After and a message, not 500, when the database is unreachable", async () => {
    markUnavailable(new Error("x"), Date.now() + 4000);
    const res = failureResponse("/api/v1/leaderboard", Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" }));
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await res.json()) as { error: string; status: number };
    expect(body.status).toBe(503);
    expect(body.error).toMatch(/database is unavailable.*retrying/i);
    // Any other error stays a logged 500.
    const other = failureResponse("/api/v1/leaderboard", new TypeError("bug"));
    expect(other.status).toBe(500);
  });

  it("pages get a self-refreshing 503 page; JSON clients get JSON", async () => {
    markUnavailable(new DataDirInUseError("/data/pglite", 42), Date.now() + 2000);
    const page = unavailableResponse("/benchmarks/medqa", "text/html");
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain("Database unavailable, retrying");
    expect(html).toMatch(/http-equiv="refresh"/);
    expect(html).toContain("in use by process 42");
    const api = unavailableResponse("/api/v1/runs/1", null);
    expect(api.headers.get("content-type")).toContain("application/json");
  });

  it("backs off exponentially up to a cap", () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffMs(30)).toBe(15_000);
    expect(retryAfterSeconds({ state: "unavailable", reason: null, since: 0, attempts: 1, nextAttemptAt: 10_500 }, 10_000)).toBe(1);
    expect(retryAfterSeconds({ state: "unavailable", reason: null, since: 0, attempts: 1, nextAttemptAt: 17_100 }, 10_000)).toBe(8);
  });
});
