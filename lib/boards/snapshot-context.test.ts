import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";
import { DEFAULT_LEADERBOARD_SETTINGS } from "../queries/leaderboard-types";
import { getBoardData } from "./compute";
import { parseSnapshotParam, SnapshotNotFoundError, withSnapshot } from "./snapshot-context";
import { getSnapshotView } from "./view-cache";

describe("parseSnapshotParam", () => {
  it("accepts 16 lowercase hex digits only", () => {
    expect(parseSnapshotParam("0123456789abcdef")).toBe("0123456789abcdef");
    expect(parseSnapshotParam(["0123456789abcdef", "x"])).toBe("0123456789abcdef");
    for (const bad of ["0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0", "'; drop table runs", "", null, undefined]) {
      expect(parseSnapshotParam(bad)).toBeNull();
    }
  });
});

describe.each(testDatabases())("snapshot pinning on $name", (database) => {
  const db = useCatalogDb(database);
  const ingest = async (model: string, rewards: number[], mtime: number) => {
    const root = tmpDir();
    writeGenARun(root, { model, envId: "medqa", rows: rewards.map((reward, id) => ({ id, reward })), mtime });
    await ingestPaths(db().raw, [root], { provenance: "official" });
  };

  it("a pinned snapshot keeps its figures after later ingests; the latest moves on", async () => {
    await ingest("google/gemma-3-4b-it", [1, 1, 0, 0], 1_000_000);
    await ingest("google/gemma-3-27b-it", [1, 0, 0, 0], 1_000_000);
    const first = await getBoardData(db().raw, "V", DEFAULT_LEADERBOARD_SETTINGS);
    const score = (d: typeof first, config: string) => d.result.cells.find((c) => c.config === config)?.avgReward;
    expect(score(first, "gemma-3-27b-it")).toBe(0.25);

    // A newer run of gemma-3-27b-it supersedes the old one: a new snapshot.
    await ingest("google/gemma-3-27b-it", [1, 1, 1, 1], 2_000_000);
    const latest = await getBoardData(db().raw, "V", DEFAULT_LEADERBOARD_SETTINGS);
    expect(latest.snapshot.id).not.toBe(first.snapshot.id);
    expect(score(latest, "gemma-3-27b-it")).toBe(1);

    const pinned = await withSnapshot(first.snapshot.id, () => getBoardData(db().raw, "V", DEFAULT_LEADERBOARD_SETTINGS));
    expect(pinned.snapshot).toEqual(first.snapshot);
    expect(score(pinned, "gemma-3-27b-it")).toBe(0.25);
    expect(pinned.result).toEqual(first.result);

    // Stored views follow the pin too.
    const view = await withSnapshot(first.snapshot.id, () => getSnapshotView(db().raw, "pin-test", "k", async (s) => s.id));
    expect(view.result).toBe(first.snapshot.id);
    // Outside the pin, the latest again.
    expect((await getBoardData(db().raw, "V", DEFAULT_LEADERBOARD_SETTINGS)).snapshot.id).toBe(latest.snapshot.id);
  });

  it("an unknown snapshot id is an error, not the latest data", async () => {
    await expect(withSnapshot("ffffffffffffffff", () => getBoardData(db().raw, "V", DEFAULT_LEADERBOARD_SETTINGS))).rejects.toBeInstanceOf(SnapshotNotFoundError);
  });
});
