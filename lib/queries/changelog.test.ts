import { describe, expect, it } from "vitest";

import { useCatalogDb } from "../../tests/support/catalog-db";
import { getBoardData } from "../boards/compute";
import { testDatabases } from "../db/test-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";
import { getChangelog, getSnapshotStatus, rankMoves } from "./changelog";
import { DEFAULT_LEADERBOARD_SETTINGS } from "./leaderboard-types";

describe("rankMoves", () => {
  it("lists moves, then additions, then removals; equal ranks are unchanged", () => {
    const prev = [
      { config: "a", rank: 1, weightedMean: 0.9 },
      { config: "b", rank: 2, weightedMean: 0.5 },
      { config: "c", rank: 3, weightedMean: 0.1 },
      { config: "x", rank: null, weightedMean: null },
    ];
    const cur = [
      { config: "b", rank: 1, weightedMean: 0.7 },
      { config: "a", rank: 2, weightedMean: 0.6 },
      { config: "d", rank: 3, weightedMean: 0.2 },
    ];
    const { moves, unchanged } = rankMoves(prev, cur, new Map([["a", "Model A"]]));
    expect(unchanged).toBe(0);
    expect(moves.map((m) => [m.kind, m.config, m.from, m.to])).toEqual([
      ["moved", "b", 2, 1],
      ["moved", "a", 1, 2],
      ["added", "d", null, 3],
      ["removed", "c", 3, null],
    ]);
    expect(moves[1].displayName).toBe("Model A");
    expect(rankMoves(prev, prev, new Map()).unchanged).toBe(3);
  });
});

describe.each(testDatabases())("changelog on $name", (database) => {
  const db = useCatalogDb(database);
  const ingest = async (model: string, rewards: number[], mtime: number) => {
    const root = tmpDir();
    writeGenARun(root, { model, envId: "medqa", rows: rewards.map((reward, id) => ({ id, reward })), mtime });
    await ingestPaths(db().raw, [root], { provenance: "official" });
  };
  const runId = async (config: string, status: string) => {
    const rows = await db().raw.query<{ id: number }>(`select id from runs where config_slug = $1 and status = $2 order by id`, [config, status]);
    return rows.map((r) => Number(r.id));
  };

  it("lists snapshots newest first with runs added, superseded and removed, and rank moves", async () => {
    const raw = db().raw;
    // Snapshot 1: gemma-3-4b-it ahead of gemma-3-27b-it.
    await ingest("google/gemma-3-4b-it", [1, 1, 0, 0], 1_000_000);
    await ingest("google/gemma-3-27b-it", [1, 0, 0, 0], 1_000_000);
    const first = (await getBoardData(raw, "V", DEFAULT_LEADERBOARD_SETTINGS)).snapshot;
    const [old27] = await runId("gemma-3-27b-it", "published");

    // Snapshot 2: a newer gemma-3-27b-it run supersedes the old one and overtakes; MedGemma joins last.
    await ingest("google/gemma-3-27b-it", [1, 1, 1, 1], 2_000_000);
    await ingest("google/medgemma-4b-it", [0, 0, 0, 0], 1_000_000);
    const second = (await getBoardData(raw, "V", DEFAULT_LEADERBOARD_SETTINGS)).snapshot;
    expect(second.id).not.toBe(first.id);
    const [new27] = await runId("gemma-3-27b-it", "published");
    const [medgemma] = await runId("medgemma-4b-it", "published");

    // Stored results only: the OE boards were never computed.
    const log = await getChangelog({ computeNewest: 0 }, raw);
    expect(log.latest.id).toBe(second.id);
    expect(log.snapshots.map((s) => s.id)).toEqual([second.id, first.id]);
    expect(log.snapshots[0].isLatest).toBe(true);
    const [e2, e1] = log.entries;
    expect(e2.id).toBe(second.id);
    expect(e2.previous?.id).toBe(first.id);
    expect(e2.runCount).toBe(3);

    expect(e2.added.total).toBe(2);
    expect(e2.added.runs.map((r) => [r.id, r.config, r.dataset, r.related])).toEqual([
      [new27, "gemma-3-27b-it", "medqa::base", [old27]],
      [medgemma, "medgemma-4b-it", "medqa::base", []],
    ]);
    expect(e2.superseded.total).toBe(1);
    expect(e2.superseded.runs[0]).toMatchObject({ id: old27, config: "gemma-3-27b-it", status: "superseded", related: [new27] });
    expect(e2.removed.total).toBe(0);

    const v = e2.boards.find((b) => b.board === "V")!;
    expect(v.status).toBe("compared");
    expect(v.ranked).toBe(3);
    expect(v.moves.map((m) => [m.kind, m.config, m.from, m.to])).toEqual([
      ["moved", "gemma-3-27b-it", 2, 1],
      ["moved", "gemma-3-4b-it", 1, 2],
      ["added", "medgemma-4b-it", null, 3],
    ]);
    expect(v.moves[0].fromWinRate).toBeLessThan(v.moves[0].toWinRate!);
    expect(e2.boards.find((b) => b.board === "OE")).toMatchObject({ status: "not-computed", missing: ["this", "previous"] });

    // The first snapshot: everything was added.
    expect(e1.previous).toBeNull();
    expect(e1.added.total).toBe(2);
    expect(e1.added.runs.map((r) => r.id)).toContain(old27);
    expect(e1.boards.every((b) => b.status === "first")).toBe(true);

    // Paging: start at the second snapshot.
    const page = await getChangelog({ from: first.id, limit: 1, computeNewest: 0 }, raw);
    expect(page.entries.map((e) => e.id)).toEqual([first.id]);
    expect(page.from).toBe(first.id);
    expect(page.next).toBeNull();
    expect((await getChangelog({ limit: 1, computeNewest: 0 }, raw)).next).toBe(first.id);
  });

  it("computes the newest boards on demand and reports a withdrawn run as removed", async () => {
    const raw = db().raw;
    const [medgemma] = await runId("medgemma-4b-it", "published");
    // Withdraw MedGemma's run (as a moderator would) and bump the data version: a third snapshot.
    await raw.query(`update runs set status = 'rejected' where id = $1`, [medgemma]);
    await raw.query(`update app_meta set value = value || 'x' where key = 'data_version'`);

    const log = await getChangelog({}, raw);
    const [e3, e2] = log.entries;
    expect(e3.isLatest).toBe(true);
    expect(e3.runCount).toBe(2);
    expect(e3.added.total).toBe(0);
    expect(e3.superseded.total).toBe(0);
    expect(e3.removed.runs.map((r) => [r.id, r.status])).toEqual([[medgemma, "rejected"]]);
    const v = e3.boards.find((b) => b.board === "V")!;
    expect(v.status).toBe("compared");
    expect(v.moves.map((m) => [m.kind, m.config])).toEqual([["removed", "medgemma-4b-it"]]);
    expect(v.unchanged).toBe(2);
    // computeNewest (2): the OE boards of the two newest snapshots are now computed (empty, nothing moved).
    expect(e3.boards.find((b) => b.board === "OE")).toMatchObject({ status: "compared", moves: [], ranked: 0 });
    // ... but not the third newest's, so the second snapshot's OE comparison is still "not computed".
    expect(e2.boards.find((b) => b.board === "OE")).toMatchObject({ status: "not-computed", missing: ["previous"] });
  });

  it("says which snapshot a page shows", async () => {
    const raw = db().raw;
    const log = await getChangelog({ computeNewest: 0 }, raw);
    const oldest = log.snapshots[log.snapshots.length - 1];
    const latest = await getSnapshotStatus(null, raw);
    expect(latest).toMatchObject({ pinned: null, outdated: false });
    expect(latest!.shown.id).toBe(log.latest.id);
    const pinned = await getSnapshotStatus(oldest.id, raw);
    expect(pinned).toMatchObject({ pinned: oldest.id, outdated: true });
    expect(pinned!.shown).toEqual({ id: oldest.id, createdAt: oldest.createdAt, runCount: oldest.runCount });
    expect(await getSnapshotStatus("ffffffffffffffff", raw)).toBeNull();
  });
});
