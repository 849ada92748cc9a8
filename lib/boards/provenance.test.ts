/**
 * The board's `data` setting by provenance, on both databases: official runs (CLI ingest) and
 * approved community runs in one snapshot; `official` / `community` show only theirs, `real` and
 * `auto` both, `demo` none (no demo runs loaded), `all` everything.
 */
import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";
import { getLeaderboard } from "../queries/leaderboard";
import { DEFAULT_LEADERBOARD_SETTINGS, type LeaderboardSettings } from "../queries/leaderboard-types";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { getBoardData, settingsKey } from "./compute";

const OFFICIAL = { "google/gemma-3-4b-it": "gemma-3-4b-it", "google/medgemma-4b-it": "medgemma-4b-it" };
const COMMUNITY = { "google/gemma-3-27b-it": "gemma-3-27b-it", "google/medgemma-27b-text-it": "medgemma-27b-text" };
const MEDQA = [[1, 0, 0, 1], [1, 1, 0, 1], [1, 1, 1, 1], [0, 1, 1, 0]];
const PUBMEDQA = [[1, 1, 0], [0, 1, 0], [0, 0, 1], [1, 0, 1]];

function writeRuns(root: string, models: string[], offset: number) {
  models.forEach((model, i) => {
    writeGenARun(root, { model, envId: "medqa", rows: MEDQA[offset + i].map((reward, id) => ({ id, reward })) });
    writeGenARun(root, { model, envId: "pubmedqa", rows: PUBMEDQA[offset + i].map((reward, id) => ({ id, reward })) });
  });
}

describe.each(testDatabases())("board data=official|community on $name", (database) => {
  const db = useCatalogDb(database, async (h) => {
    const official = tmpDir();
    const community = tmpDir();
    writeRuns(official, Object.keys(OFFICIAL), 0);
    writeRuns(community, Object.keys(COMMUNITY), 2);
    await ingestPaths(h.raw, [official], { provenance: "official" });
    await ingestPaths(h.raw, [community], { provenance: "community" });
  });
  const configsOf = async (data: LeaderboardSettings["data"]) => {
    const view = await getLeaderboard("V", { ...DEFAULT_LEADERBOARD_SETTINGS, data }, db().raw);
    expect(view.settings.data).toBe(data);
    return { configs: view.rows.map((r) => r.config).sort(), synthetic: view.synthetic };
  };
  const officialSlugs = Object.values(OFFICIAL).sort();
  const communitySlugs = Object.values(COMMUNITY).sort();
  const both = [...officialSlugs, ...communitySlugs].sort();

  it("the fixtures are in the database with their provenance", async () => {
    const rows = await db().raw.query<{ provenance: string; config: string }>(
      `select provenance, config_slug as config from runs where status = 'published' order by provenance, config_slug`,
    );
    expect([...new Set(rows.filter((r) => r.provenance === "official").map((r) => r.config))]).toEqual(officialSlugs);
    expect([...new Set(rows.filter((r) => r.provenance === "community").map((r) => r.config))]).toEqual(communitySlugs);
  });

  it("data=official shows only the official runs' configurations", async () => {
    expect(await configsOf("official")).toEqual({ configs: officialSlugs, synthetic: false });
  });

  it("data=community shows only the community runs' configurations", async () => {
    expect(await configsOf("community")).toEqual({ configs: communitySlugs, synthetic: false });
  });

  it("data=real (and auto, with real runs published) shows both; all too; demo none", async () => {
    expect(await configsOf("real")).toEqual({ configs: both, synthetic: false });
    expect(await configsOf("auto")).toEqual({ configs: both, synthetic: false });
    expect(await configsOf("all")).toEqual({ configs: both, synthetic: false });
    expect(await configsOf("demo")).toEqual({ configs: [], synthetic: true });
  });

  it("stores each provenance under its own canonical settings key", async () => {
    const keys = (["official", "community", "real"] as const).map((data) => settingsKey({ ...DEFAULT_LEADERBOARD_SETTINGS, data }));
    expect(new Set(keys).size).toBe(3);
    const official = await getBoardData(db().raw, "V", { ...DEFAULT_LEADERBOARD_SETTINGS, data: "official" });
    const stored = await db().raw.query<{ key: string }>(`select settings_key as key from board_results where snapshot_id = $1`, [official.snapshot.id]);
    expect(stored.map((r) => r.key)).toEqual(expect.arrayContaining(keys));
  });
});
