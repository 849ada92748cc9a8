import { beforeEach, describe, expect, it, vi } from "vitest";

import { buildFixtureLeaderboardView } from "@/components/leaderboard/fixture";
import type { Board, LeaderboardSettings } from "@/lib/queries/leaderboard-types";

const getLeaderboard = vi.fn(async (board: Board, settings: LeaderboardSettings) => ({
  ...buildFixtureLeaderboardView({ board }),
  settings,
}));
vi.mock("@/lib/queries/leaderboard", () => ({ getLeaderboard: (b: Board, s: LeaderboardSettings) => getLeaderboard(b, s) }));

const { GET } = await import("./route");

const get = (qs: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/v1/leaderboard${qs}`, { headers }));

describe("GET /api/v1/leaderboard", () => {
  beforeEach(() => getLeaderboard.mockClear());

  it("answers the view as JSON with cache headers, computed with the parsed settings", async () => {
    const res = await get("?board=OE&weights=cap&cap=300&coverage=per-model&q=ignored&sort=medqa:desc");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("etag")).toBe('"fixture0123456789abcdef.OE.cap300.per-model.folded.neg-inf.auto"');
    expect(getLeaderboard).toHaveBeenCalledWith("OE", {
      weights: "cap",
      cap: 300,
      coverage: "per-model",
      orders: "folded",
      missing: "neg-inf",
      data: "auto",
    });
    const body = await res.json();
    expect(body.board).toBe("OE");
    expect(body.synthetic).toBe(true);
    expect(body.rows.length).toBeGreaterThan(0);
  });

  it("answers 400 naming each invalid parameter, without computing", async () => {
    const res = await get("?board=XL&missing=maybe");
    expect(res.status).toBe(400);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body.error).toMatch(/board="XL"/);
    expect(body.error).toMatch(/missing="maybe"/);
    expect(body.issues.map((i: { param: string }) => i.param)).toEqual(["board", "missing"]);
    expect(getLeaderboard).not.toHaveBeenCalled();
  });

  it("accepts data=official and data=community and rejects an unknown run selection", async () => {
    for (const data of ["official", "community"] as const) {
      const res = await get(`?data=${data}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).toBe(`"fixture0123456789abcdef.V.ln.all-models.folded.neg-inf.${data}"`);
      expect(getLeaderboard).toHaveBeenLastCalledWith("V", expect.objectContaining({ data }));
    }
    getLeaderboard.mockClear();
    const res = await get("?data=submitted");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.issues).toEqual([
      { param: "data", value: "submitted", message: 'data="submitted" is not a run selection (use auto, real, official, community, demo or all)' },
    ]);
    expect(getLeaderboard).not.toHaveBeenCalled();
  });

  it("answers 304 when If-None-Match matches (strong, weak or in a list)", async () => {
    const etag = (await get("")).headers.get("etag")!;
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const res = await get("", { "if-none-match": inm });
      expect(res.status).toBe(304);
      expect(res.headers.get("etag")).toBe(etag);
      expect(await res.text()).toBe("");
    }
    expect((await get("?weights=sqrt", { "if-none-match": etag })).status).toBe(200);
  });

  it("answers 500 (never an empty 200) when computing fails", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    getLeaderboard.mockRejectedValueOnce(new Error("db down"));
    const res = await get("");
    expect(res.status).toBe(500);
    expect((await res.json()).error).toMatch(/failed/);
    spy.mockRestore();
  });
});

describe("GET /api/v1/leaderboard?snapshot=", () => {
  beforeEach(() => getLeaderboard.mockClear());

  it("pins the computation to the snapshot and caches the answer as immutable", async () => {
    const { pinnedSnapshotId } = await import("@/lib/boards/snapshot-context");
    let seen: string | null = null;
    getLeaderboard.mockImplementationOnce(async (board: Board, settings: LeaderboardSettings) => {
      seen = pinnedSnapshotId();
      return { ...buildFixtureLeaderboardView({ board }), settings };
    });
    const res = await get("?snapshot=0123456789abcdef");
    expect(res.status).toBe(200);
    expect(seen).toBe("0123456789abcdef");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("answers 400 for a malformed snapshot id and 404 for an unknown one", async () => {
    const bad = await get("?snapshot=LATEST");
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues.map((i: { param: string }) => i.param)).toEqual(["snapshot"]);
    expect(getLeaderboard).not.toHaveBeenCalled();

    const { SnapshotNotFoundError } = await import("@/lib/boards/snapshot-context");
    getLeaderboard.mockRejectedValueOnce(new SnapshotNotFoundError("ffffffffffffffff"));
    const missing = await get("?snapshot=ffffffffffffffff");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("no-store");
    expect((await missing.json()).error).toMatch(/ffffffffffffffff does not exist/);
  });
});
