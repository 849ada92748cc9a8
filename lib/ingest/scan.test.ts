import { describe, expect, it } from "vitest";
import { discoverRuns } from "./discover";
import { latestRuns, scanRun } from "./scan";
import { tmpDir, writeGenARun } from "./test-fixtures";

describe("scanRun (no database)", () => {
  it("reads identity and rewards the way the ingest does, and keeps the later run of an identity", async () => {
    const root = tmpDir();
    writeGenARun(root, { model: "openai/gpt-oss-20b", envId: "medqa", variant: "shuffle_seed-1618", envArgs: { shuffle_answers: true, shuffle_seed: 1618 },
      samplingArgs: { reasoning_effort: "low" }, rows: [{ id: 0, reward: 1 }, { id: 1, reward: null }], mtime: 2_000_000_000 });
    const older = tmpDir();
    writeGenARun(older, { model: "openai/gpt-oss-20b", envId: "medqa", variant: "shuffle_seed-1618", envArgs: { shuffle_answers: true, shuffle_seed: 1618 },
      samplingArgs: { reasoning_effort: "low" }, rows: [{ id: 0, reward: 0 }], mtime: 1_000_000_000 });
    const scanned = await Promise.all([...(await discoverRuns(root)), ...(await discoverRuns(older))].map((r) => scanRun(r)));
    expect(scanned[0]).toMatchObject({
      config: "gpt-oss-20b-low", benchmark: "medqa", subset: "V", separateKey: "medqa::shuffle_seed-1618", foldedKey: "medqa::base",
      rewards: [{ exampleId: "0", reward: 1 }, { exampleId: "1", reward: null }],
    });
    const kept = latestRuns([scanned[1], scanned[0]]);
    expect(kept).toHaveLength(1);
    expect(kept[0].rewards).toHaveLength(2);
  });
});
