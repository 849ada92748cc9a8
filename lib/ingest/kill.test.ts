/**
 * Crash safety: an ingest process killed with SIGKILL at any moment leaves no partial run, and the
 * next ingest completes normally. Runs the real CLI (`scripts/ingest.ts`) against PGlite on disk
 * and, when TEST_DATABASE_URL is set, PostgreSQL.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "../db";
import { migrateDb } from "../db/migrate";
import { testDatabases } from "../db/test-db";
import { rowJson, tmpDir, writeGenARun } from "./test-fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** 120 small runs plus one large run that is streamed in many COPY chunks. */
function writeCorpus(): { dir: string; runs: number; rows: number } {
  const dir = tmpDir("mm-kill-");
  let rows = 0;
  let runs = 0;
  for (let m = 0; m < 12; m++) {
    for (const envId of ["medqa", "pubmedqa", "m_arc", "metamedqa", "mmlu_pro_health", "medbullets", "careqa", "sctpublic", "head_qa_v2", "med_mcqa"]) {
      const n = 20 + ((m * 7) % 13);
      writeGenARun(dir, { model: `acme/kill-model-${m}`, envId, rows: Array.from({ length: n }, (_, id) => ({ id, reward: (id * m) % 3 === 0 ? 1 : 0 })) });
      rows += n;
      runs++;
    }
  }
  const big = writeGenARun(dir, { model: "acme/kill-big", envId: "medqa", rows: [{ id: 0, reward: 1 }] });
  const lines: string[] = [];
  for (let id = 0; id < 4000; id++) lines.push(JSON.stringify({ ...rowJson({ id, reward: id % 2 }), padding: "p".repeat(400) }));
  fs.writeFileSync(path.join(big, "results.jsonl"), lines.join("\n") + "\n");
  const meta = JSON.parse(fs.readFileSync(path.join(big, "metadata.json"), "utf8"));
  meta.num_examples = 4000;
  fs.writeFileSync(path.join(big, "metadata.json"), JSON.stringify(meta));
  return { dir, runs: runs + 1, rows: rows + 4000 };
}

/** Run the CLI; with `killAtRows`, SIGKILL it as soon as its progress shows that many rows copied. */
function runIngest(env: Record<string, string>, dir: string, killAtRows: number | null): Promise<{ code: number | null; killed: boolean; out: string }> {
  return new Promise((resolve) => {
    // One process (node with the tsx loader), so SIGKILL hits the ingest itself, not a wrapper.
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", dir, "--group-rows", "300"], {
      cwd: ROOT,
      env: { ...process.env, ...env, INGEST_PROGRESS_MS: "0" },
    });
    let out = "";
    let killed = false;
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => {
      out += d;
      if (killAtRows === null || killed) return;
      const rows = [...String(d).matchAll(/([\d,]+) rows ·/g)].map((m) => Number(m[1].replace(/,/g, "")));
      if (rows.some((n) => n >= killAtRows)) {
        killed = true;
        child.kill("SIGKILL");
      }
    });
    child.on("exit", (code) => resolve({ code, killed, out }));
  });
}

/** Every stored run is whole: its row counts match, and nothing is left pending. */
async function checkConsistent(h: DbHandle) {
  const broken = await h.raw.query(
    `select u.id, u.observed_rows, (select count(*)::int from rollouts r where r.run_id = u.id) as rollouts,
            (select count(*)::int from transcripts t where t.run_id = u.id) as transcripts, u.status
     from runs u
     where u.observed_rows <> (select count(*) from rollouts r where r.run_id = u.id)
        or u.observed_rows <> (select count(*) from transcripts t where t.run_id = u.id)
        or u.status = 'pending'`,
  );
  expect(broken).toEqual([]);
  const orphans = await h.raw.query<{ n: number }>(`select count(*)::int as n from rollouts r where not exists (select 1 from runs u where u.id = r.run_id)`);
  expect(Number(orphans[0].n)).toBe(0);
  const [{ runs, rows }] = await h.raw.query<{ runs: number; rows: number }>(`select count(*)::int as runs, coalesce(sum(observed_rows), 0)::int as rows from runs`);
  return { runs: Number(runs), rows: Number(rows) };
}

const targets = testDatabases().map((d) => d.name);

describe.each(targets)("kill -9 during ingest on %s", (name) => {
  const corpus = writeCorpus();
  let env: Record<string, string>;
  let open: () => Promise<DbHandle>;
  let cleanup = async () => {};
  beforeAll(async () => {
    if (name === "pglite") {
      const dataDir = tmpDir("mm-kill-db-");
      env = { DATABASE_URL: "", PGLITE_DIR: path.join(dataDir, "pglite") };
      open = () => openDb({ pgliteDir: env.PGLITE_DIR });
      cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
    } else {
      const db = testDatabases().find((d) => d.name === "postgres")!;
      const h = await db.open(); // creates a fresh database; the CLI connects to the same one
      const url = h.url!;
      env = { DATABASE_URL: url };
      open = () => openDb({ url });
      cleanup = () => h.close();
    }
  });
  afterAll(() => cleanup());
  beforeAll(async () => {
    // Migrated up front: the test is about the data, not about a kill during the first migration.
    const h = await open();
    await migrateDb(h);
    await h.close();
  });

  it("leaves no partial run after kills at several moments, and a final ingest completes everything", async () => {
    // Before anything is copied, inside the streamed large run, between groups of small runs.
    const killPoints = [0, 600, 2400, 3900, 4500, 5400, 6300];
    const seen: number[] = [];
    for (const at of killPoints) {
      const r = await runIngest(env, corpus.dir, at);
      const h = await open();
      try {
        const state = await checkConsistent(h);
        seen.push(state.runs);
        expect(r.killed || r.code === 0, r.out).toBe(true);
      } finally {
        await h.close();
      }
    }
    console.log(`[kill test ${name}] runs present after each kill: ${seen.join(", ")} of ${corpus.runs}`);
    // The kills landed at different stages (not all before the first commit, not all after the last).
    expect(new Set(seen).size).toBeGreaterThan(1);
    const final = await runIngest(env, corpus.dir, null);
    expect(final.code, final.out).toBe(0);
    const h = await open();
    try {
      expect(await checkConsistent(h)).toEqual({ runs: corpus.runs, rows: corpus.rows });
    } finally {
      await h.close();
    }
  });
});
