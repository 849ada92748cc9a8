import { afterEach, describe, expect, it } from "vitest";
import { availability, markReady } from "../db/availability";
import { retryUntilReady } from "./start";

describe("retryUntilReady (server start and reconnect)", () => {
  afterEach(() => markReady());

  it("retries a failing start with backoff, reporting unavailable meanwhile, then ready", async () => {
    const waits: number[] = [];
    const seen: string[] = [];
    let calls = 0;
    const out = await retryUntilReady(
      "database start",
      async () => {
        calls++;
        if (calls < 4) throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
        return "handle";
      },
      {
        sleep: async (ms) => {
          waits.push(ms);
          const a = availability();
          seen.push(`${a.state}:${a.attempts}`);
        },
      },
    );
    expect(out).toBe("handle");
    expect(calls).toBe(4);
    expect(waits).toEqual([500, 1000, 2000]);
    expect(seen).toEqual(["unavailable:1", "unavailable:2", "unavailable:3"]);
    expect(availability().state).toBe("ready");
  });

  it("gives up after maxAttempts with the last error, leaving the database marked unavailable", async () => {
    await expect(
      retryUntilReady("x", async () => Promise.reject(new Error("PGlite data dir /d is in use by process 9")), { maxAttempts: 2, sleep: async () => {} }),
    ).rejects.toThrow(/in use/);
    expect(availability().state).toBe("unavailable");
    expect(availability().reason).toContain("in use");
  });
});
