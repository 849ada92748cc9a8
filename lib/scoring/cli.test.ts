import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tmpDir, writeGenARun } from "../ingest/test-fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");

function winrate(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts/winrate.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const rows = (rewards: (number | null)[]) => rewards.map((reward, id) => ({ id, reward }));

describe("npm run winrate (no database)", () => {
  it("scores a folder of runs: Medmarks JSON, later runs win, orders folded or separate", () => {
    const root = tmpDir("mm-winrate-");
    try {
      // medqa base + one shuffled order; gemma's first base run is superseded by a later one
      writeGenARun(path.join(root, "old"), { model: "google/gemma-3-27b-it", envId: "medqa", rows: rows([1, 1, 1, 1]), mtime: 1_700_000_000 });
      writeGenARun(root, { model: "google/gemma-3-27b-it", envId: "medqa", rows: rows([1, 1, 1, 0]), mtime: 1_800_000_000 });
      writeGenARun(root, { model: "google/medgemma-27b-text-it", envId: "medqa", rows: rows([0, 1, 0, 0]), mtime: 1_800_000_000 });
      const shuffled = { shuffle_answers: true, shuffle_seed: 1618 };
      writeGenARun(root, { model: "google/gemma-3-27b-it", envId: "medqa", variant: "shuffle_seed-1618", envArgs: shuffled, rows: rows([0, 0, 1, 1]) });
      writeGenARun(root, { model: "google/medgemma-27b-text-it", envId: "medqa", variant: "shuffle_seed-1618", envArgs: shuffled, rows: rows([1, 0, 1, 0]) });

      const sep = winrate([root, "--board", "V", "--orders", "separate", "--json", "--replicates", "0"]);
      expect(sep.status, sep.stderr).toBe(0);
      expect(sep.stderr).toMatch(/1 runs superseded/);
      const j = JSON.parse(sep.stdout);
      const [a, b] = Object.keys(j.models);
      expect(Object.keys(j.datasets)).toEqual(["medqa::base", "medqa::shuffle_seed-1618"]);
      expect(j.datasets["medqa::base"].n_questions).toBe(4);
      // base: a {1,1,1,0} vs b {0,1,0,0}: win, tie, win, tie → 0.75; shuffled: {0,0,1,1} vs {1,0,1,0} → 0.5
      expect(j.models[a].vs[b].per_dataset).toEqual({ "medqa::base": 0.75, "medqa::shuffle_seed-1618": 0.5 });
      expect(j.models[a].mean_winrate.simple_mean).toBe(0.625);
      expect(j.models[a].mean_winrate.n_datasets).toBe(2);
      expect(j.models[b].vs[a].per_dataset["medqa::base"]).toBe(0.25);
      expect(j.models[a].avg_reward_per_dataset["medqa::base"]).toBe(0.75);

      const folded = JSON.parse(winrate([root, "--board", "V", "--json", "--replicates", "0"]).stdout);
      expect(Object.keys(folded.datasets)).toEqual(["medqa::base"]);
      // pooled question means: a {0.5, 0.5, 1, 0.5} vs b {0.5, 0.5, 0.5, 0}: tie, tie, win, win → 0.75
      expect(folded.models[a].vs[b].per_dataset["medqa::base"]).toBe(0.75);

      const table = winrate([root, "--replicates", "200"]);
      expect(table.status, table.stderr).toBe(0);
      expect(table.stdout).toMatch(/V board — 4 runs, 1 datasets scored/);
      expect(table.stdout).toMatch(/rank\s+config\s+weighted\s+95% CI\s+simple\s+datasets\s+rank 95%\s+tie group/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("lists the datasets dropped for coverage and who lacks them", () => {
    const root = tmpDir("mm-winrate-");
    try {
      writeGenARun(root, { model: "google/gemma-3-27b-it", envId: "medqa", rows: rows([1, 0]) });
      writeGenARun(root, { model: "google/medgemma-27b-text-it", envId: "medqa", rows: rows([0, 0]) });
      writeGenARun(root, { model: "google/gemma-3-27b-it", envId: "pubmedqa", rows: rows([1, 1]) });
      const r = winrate([root, "--replicates", "0"]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/dropped datasets[^\n]*\n\s+pubmedqa::base\s+lacking: medgemma/);
      const per = JSON.parse(winrate([root, "--coverage", "per-model", "--json", "--replicates", "0"]).stdout);
      expect(Object.keys(per.datasets)).toEqual(["medqa::base", "pubmedqa::base"]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
