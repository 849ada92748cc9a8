import { describe, expect, it } from "vitest";
import { testDatabases } from "../db/test-db";
import { useCatalogDb } from "../../tests/support/catalog-db";
import { ingestPaths } from "../ingest";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";
import { getRun } from "./run";

describe.each(testDatabases())("getRun on $name", (database) => {
  const db = useCatalogDb(database);

  it("returns null for an unknown run", async () => {
    expect(await getRun(999999, db().raw)).toBeNull();
  });

  it("reports provenance, supersession links and computed stats", async () => {
    const envArgs = { shuffle_answers: true, shuffle_seed: 1618 };
    const older = tmpDir();
    writeGenARun(older, {
      model: "google/gemma-3-4b-it",
      envId: "medqa",
      variant: "shuffle_seed-1618",
      envArgs,
      numExamples: 8,
      rows: [
        { id: 0, reward: 1, outputTokens: 40 },
        { id: 1, reward: 0, outputTokens: 60 },
        { id: 2, reward: 1, outputTokens: 80 },
        { id: 3, reward: 1, outputTokens: 20 },
      ],
      mtime: 1_000_000,
    });
    await ingestPaths(db().raw, [older], { provenance: "demo" });
    const newer = tmpDir();
    writeGenARun(newer, {
      model: "google/gemma-3-4b-it",
      envId: "medqa",
      variant: "shuffle_seed-1618",
      envArgs,
      samplingArgs: { temperature: 0.7 },
      rows: [
        { id: 0, reward: 0 },
        { id: 1, reward: 0 },
        { id: 2, reward: 1 },
      ],
      mtime: 2_000_000,
    });
    await ingestPaths(db().raw, [newer], { provenance: "official" });

    const ids = await db().raw.query<{ id: number }>(`select id from runs order by run_at`);
    expect(ids).toHaveLength(2);
    const [oldId, newId] = ids.map((r) => r.id);

    const a = await getRun(oldId, db().raw);
    const b = await getRun(newId, db().raw);
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();

    expect(a).toMatchObject({
      id: oldId,
      status: "superseded",
      supersededBy: newId,
      supersedes: [],
      provenance: "demo",
      format: "A",
      expectedRows: 8,
      observedRows: 4,
      observedQuestions: 4,
      completeness: 0.5,
      providerModel: "google/gemma-3-4b-it",
      config: { slug: "gemma-3-4b-it", inCatalog: true, group: "open-weight" },
      benchmark: { slug: "medqa", subset: "V" },
      dataset: { key: "medqa::shuffle_seed-1618", orderSeed: 1618, repeat: 0 },
      envArgs,
      avgRewardMetadata: 0.75,
    });
    expect(a!.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a!.stats.meanReward).toBeCloseTo(0.75, 10);
    expect(a!.stats.meanOutputTokens).toBeCloseTo(50, 10);
    expect(a!.stats).toMatchObject({ errors: 0, truncated: 0 });
    expect(a!.stats.meanLatencyMs).not.toBeNull();
    expect(a!.versionInfo).toMatchObject({ vf_version: "0.1.9" });
    expect(new Date(a!.runAt!).getTime()).toBe(1_000_000_000);
    expect(Number.isNaN(new Date(a!.ingestedAt).getTime())).toBe(false);

    expect(b).toMatchObject({
      id: newId,
      status: "published",
      supersededBy: null,
      supersedes: [oldId],
      provenance: "official",
      expectedRows: 3,
      observedRows: 3,
      observedQuestions: 3,
      completeness: 1,
      envArgs,
      samplingArgs: { temperature: 0.7 },
    });
    expect(b!.stats.meanReward).toBeCloseTo(1 / 3, 10);
    expect(b!.stats.meanOutputTokens).toBeCloseTo(50, 10);
    expect(b!.contentSha256).not.toBe(a!.contentSha256);
  });

  it("rejects ids outside the integer range", async () => {
    expect(await getRun(0, db().raw)).toBeNull();
    expect(await getRun(2 ** 40, db().raw)).toBeNull();
  });
});
