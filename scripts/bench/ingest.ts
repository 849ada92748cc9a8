// Benchmark (not a test): ingest throughput against the physical limit, on the real PostgreSQL.
//
//   npx tsx scripts/bench/ingest.ts [--sizes 10000,100000,1000000] [--rows-per-run 5000]
//                                   [--big-file-gb 2] [--base-url postgres://postgres@127.0.0.1:5432/postgres]
//
// For each size N: write N rollouts as Gen A artifacts with realistic transcripts (~3 KB a line),
// ingest them with the CLI (`scripts/ingest.ts`, a child process, peak RSS from /proc) into a fresh
// database, then export exactly the rows it wrote, empty the two row tables and time a raw COPY of
// the same rows from the prepared files into the same tables: the physical limit. Reports rows/s
// for both and the ratio. `--big-file-gb` adds one run with a single results.jsonl of that size
// (peak RSS must stay flat). Databases and files are removed afterwards.
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { rowJson } from "../../lib/ingest/test-fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000,1000000" },
    "rows-per-run": { type: "string", default: "5000" },
    "big-file-gb": { type: "string", default: "0" },
    "corpus-only": { type: "string" },
    "base-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
  },
});
const baseUrl = values["base-url"]!;

const MODELS = ["openai/gpt-oss-20b", "google/gemma-3-27b-it", "google/medgemma-27b-text-it", "Qwen/Qwen3-30B-A3B-Instruct-2507"];
const ENVS = ["medqa", "med_mcqa", "pubmedqa", "metamedqa", "mmlu_pro_health", "careqa", "head_qa_v2", "medxpertqa"];
const STEM =
  "A 54-year-old man presents to the emergency department with crushing substernal chest pain radiating to the left arm " +
  "for the past two hours, associated with diaphoresis and nausea. He has a history of hypertension, type 2 diabetes " +
  "mellitus and a 30 pack-year smoking history. Vital signs show blood pressure 150/95 mm Hg, pulse 104/min and oxygen " +
  "saturation of 95% on room air. An electrocardiogram shows ST-segment elevation in leads II, III and aVF. ";
const REASONING =
  "The patient has an inferior ST-elevation myocardial infarction. The key management question is reperfusion: primary " +
  "percutaneous coronary intervention within 90 minutes of first medical contact is preferred when available. Before " +
  "that, aspirin and a P2Y12 inhibitor should be given, nitrates used with caution because of possible right ventricular " +
  "involvement, and morphine avoided unless pain persists. Let me weigh each option against the guideline. ";

/** One results.jsonl line of ~3 KB. */
function line(id: number, reward: number): string {
  const options = { A: "Primary percutaneous coronary intervention", B: "Intravenous nitroglycerin only", C: "Thrombolysis after 24 hours", D: "Discharge with outpatient stress test", E: "None of the above" };
  const row = rowJson({ id, reward, options, answer: "A", text: `${REASONING.slice(0, 300)}\n<answer>${reward ? "A" : "C"}</answer>`, reasoning: REASONING + REASONING.slice(0, 400), outputTokens: 900 + (id % 700) });
  (row.prompt as { content: string }[])[1].content = `${STEM}${STEM.slice(0, 200)}Which of the following is the most appropriate next step?\n` + Object.entries(options).map(([k, v]) => `${k}. ${v}`).join("\n");
  return JSON.stringify(row);
}

async function writeCorpus(dir: string, total: number, perRun: number): Promise<{ runs: number; bytes: number }> {
  let written = 0;
  let runs = 0;
  let bytes = 0;
  while (written < total) {
    const n = Math.min(perRun, total - written);
    const model = MODELS[runs % MODELS.length];
    const env = ENVS[Math.floor(runs / MODELS.length) % ENVS.length];
    const variant = `bench_${Math.floor(runs / (MODELS.length * ENVS.length))}`;
    const runDir = path.join(dir, "runs", "evals", model.replace(/\//g, "-"), env, variant);
    fs.mkdirSync(runDir, { recursive: true });
    fs.writeFileSync(path.join(runDir, "metadata.json"), JSON.stringify({
      env_id: env, env_args: { bench_run: runs }, model, num_examples: n, rollouts_per_example: 1, sampling_args: {},
      avg_reward: 0.5, version_info: { vf_version: "bench" },
    }));
    const out = createWriteStream(path.join(runDir, "results.jsonl"));
    let buf = "";
    for (let i = 0; i < n; i++) {
      buf += line(i, ((i + runs) * 7919) % 2) + "\n";
      if (buf.length > 1 << 20) {
        if (!out.write(buf)) await new Promise<void>((r) => out.once("drain", () => r()));
        bytes += buf.length;
        buf = "";
      }
    }
    bytes += buf.length;
    out.end(buf);
    await new Promise<void>((r) => out.on("finish", () => r()));
    written += n;
    runs++;
  }
  return { runs, bytes };
}

/** Run the ingest CLI; wall time and peak RSS (VmHWM of the process, read before it exits). */
async function ingestCli(dir: string, url: string): Promise<{ seconds: number; peakRssMb: number; out: string }> {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", dir, "--json"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
  });
  let out = "";
  let peak = 0;
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const poll = setInterval(() => {
    try {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {
      /* exited */
    }
  }, 50);
  const code = await new Promise<number | null>((r) => child.on("exit", r));
  clearInterval(poll);
  if (code !== 0) throw new Error(`ingest failed (${code}): ${out.slice(-2000)}`);
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, peakRssMb: peak, out };
}

/** The same rows, COPYed raw from prepared files into the same tables (indexes and keys as in production). */
async function rawCopy(url: string, work: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // Exported by the server itself (it runs on this machine), then streamed back by the client.
    const files: Record<string, string> = {};
    fs.chmodSync(work, 0o777);
    for (const table of ["rollouts", "transcripts"]) {
      files[table] = path.join(work, `${table}.csv`);
      await sql.unsafe(`copy ${table} to '${files[table]}' with (format csv)`);
    }
    await sql.unsafe(`truncate rollouts, transcripts`);
    await sql.unsafe(`checkpoint`);
    const t0 = process.hrtime.bigint();
    await sql.begin(async (tx) => {
      for (const table of ["rollouts", "transcripts"]) {
        await pipeline(createReadStream(files[table], { highWaterMark: 1 << 20 }), await tx.unsafe(`copy ${table} from stdin with (format csv)`).writable());
      }
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    for (const f of Object.values(files)) fs.rmSync(f);
    return seconds;
  } finally {
    await sql.end();
  }
}

async function withDatabase<T>(name: string, fn: (url: string) => Promise<T>): Promise<T> {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function main() {
  const sizes = values.sizes!.split(",").map((s) => Number(s.trim())).filter((n) => n > 0);
  const perRun = Number(values["rows-per-run"]);
  const cases: { label: string; rows: number; perRun: number }[] = sizes.map((n) => ({ label: `${n.toLocaleString("en-US")} rollouts`, rows: n, perRun }));
  if (values["corpus-only"]) {
    // Write the first size's artifacts to a folder and stop (for profiling the ingest by hand).
    const c = await writeCorpus(values["corpus-only"], sizes[0], perRun);
    console.log(`wrote ${c.runs} runs, ${Math.round(c.bytes / 1048576)} MB to ${values["corpus-only"]}`);
    return;
  }
  const bigGb = Number(values["big-file-gb"]);
  if (bigGb > 0) {
    const rows = Math.round((bigGb * 1024 ** 3) / (line(0, 1).length + 1));
    cases.push({ label: `one ${bigGb} GB results.jsonl`, rows, perRun: rows });
  }
  console.log(`ingest benchmark on ${new URL(baseUrl).host} · ${os.cpus().length} cores · Node ${process.version}`);
  const results = [];
  for (const c of cases) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "mm-bench-ingest-"));
    try {
      const corpus = await writeCorpus(work, c.rows, c.perRun);
      const r = await withDatabase(`mm_bench_ingest_${process.pid}`, async (url) => {
        const ingest = await ingestCli(work, url);
        const summary = JSON.parse(ingest.out.trim().split("\n").pop()!);
        if (summary.loaded !== corpus.runs) throw new Error(`loaded ${summary.loaded} of ${corpus.runs} runs`);
        const raw = await rawCopy(url, work);
        return { ingest, raw };
      });
      const ingestRate = c.rows / r.ingest.seconds;
      const rawRate = c.rows / r.raw;
      const row = {
        case: c.label, runs: corpus.runs, mb: Math.round(corpus.bytes / 1048576), ingestSeconds: +r.ingest.seconds.toFixed(1),
        ingestRowsPerS: Math.round(ingestRate), rawCopySeconds: +r.raw.toFixed(1), rawRowsPerS: Math.round(rawRate),
        ratio: +(ingestRate / rawRate).toFixed(2), peakRssMb: Math.round(r.ingest.peakRssMb),
      };
      results.push(row);
      console.log(
        `${row.case.padEnd(28)} ${String(row.runs).padStart(4)} runs ${String(row.mb).padStart(6)} MB | ingest ${row.ingestSeconds}s ` +
          `${row.ingestRowsPerS.toLocaleString("en-US")} rows/s | raw COPY ${row.rawCopySeconds}s ${row.rawRowsPerS.toLocaleString("en-US")} rows/s | ` +
          `ratio ${row.ratio} | peak RSS ${row.peakRssMb} MB`,
      );
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  console.log(JSON.stringify(results));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
