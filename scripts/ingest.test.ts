/** The ingest CLI end to end: --json summary, --dry-run writes nothing, exit code on rejections. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tmpDir, writeGenARun } from "../lib/ingest/test-fixtures";

const ROOT = path.resolve(import.meta.dirname, "..");

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run ingest", () => {
  const db = { PGLITE_DIR: path.join(tmpDir("mm-cli-db-"), "pglite") };
  const runs = tmpDir("mm-cli-runs-");
  writeGenARun(runs, { model: "google/gemma-3-4b-it", envId: "medqa", rows: [{ id: 0, reward: 1 }, { id: 1, reward: 0 }, { id: 2, reward: 1 }] });
  const bad = writeGenARun(runs, { model: "google/gemma-3-4b-it", envId: "pubmedqa", rows: [{ id: 0, reward: 1 }] });
  fs.appendFileSync(path.join(bad, "results.jsonl"), "{broken\n");

  it("--dry-run reports what would be loaded and the problems, and writes nothing", () => {
    const r = cli([runs, "--dry-run", "--json"], db);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ loaded: 1, already: 0, rejected: 1 });
    expect(s.runs.find((x: { status: string }) => x.status === "valid")).toMatchObject({ config: "gemma-3-4b-it", dataset: "medqa::base", rows: 3, expected_rows: 3 });
    const again = cli([runs, "--json"], db);
    expect(JSON.parse(again.stdout)).toMatchObject({ loaded: 1, rejected: 1 }); // the dry run did not load it
  });

  it("prints one JSON summary with every run, exits 1 when a run was rejected, and says already ingested next time", () => {
    const r = cli([runs, "--json"], db);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s.loaded).toBe(0);
    expect(s.already).toBe(1);
    expect(s.rejected).toBe(1);
    const rejected = s.runs.find((x: { status: string }) => x.status === "rejected");
    expect(rejected.errors).toEqual([{ file: path.join(bad, "results.jsonl"), line: 2, field: null, message: expect.stringMatching(/not valid JSON/) }]);
    const ok = s.runs.find((x: { status: string }) => x.status === "already");
    expect(ok).toMatchObject({ path: path.join(runs, "runs/evals/google-gemma-3-4b-it/medqa/base"), mean_reward: null, rows: 3 });
    const human = cli([runs], db);
    expect(human.stdout).toMatch(/already ingested \(same content\)/);
    expect(human.stdout).toMatch(/rejected runs \(nothing of them was written\):/);
  });

  it("exits 0 when every run loads", () => {
    const good = tmpDir("mm-cli-good-");
    writeGenARun(good, { model: "google/gemma-3-27b-it", envId: "m_arc", rows: [{ id: 0, reward: 1 }] });
    const r = cli([good], db);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/loaded 1 runs \(1 rows\), 0 already ingested, 0 rejected/);
  });
});
