// Shared by the benchmarks: a synthetic corpus in the real Gen A artifact format, the ingest CLI
// run as a child process (wall time, peak RSS), and a throwaway PostgreSQL database.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { rowJson } from "../../lib/ingest/test-fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");

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
export function line(id: number, reward: number): string {
  const options = { A: "Primary percutaneous coronary intervention", B: "Intravenous nitroglycerin only", C: "Thrombolysis after 24 hours", D: "Discharge with outpatient stress test", E: "None of the above" };
  const row = rowJson({ id, reward, options, answer: "A", text: `${REASONING.slice(0, 300)}\n<answer>${reward ? "A" : "C"}</answer>`, reasoning: REASONING + REASONING.slice(0, 400), outputTokens: 900 + (id % 700) });
  (row.prompt as { content: string }[])[1].content = `${STEM}${STEM.slice(0, 200)}Which of the following is the most appropriate next step?\n` + Object.entries(options).map(([k, v]) => `${k}. ${v}`).join("\n");
  // Some variety for the sample browser's sorts and filters: latency, truncation, a rare phrase.
  const seconds = 0.8 + ((id * 7919) % 1000) / 100;
  row.timing = { generation: { duration: seconds }, scoring: { duration: 0.01 }, total: seconds + 0.01 };
  if (id % 50 === 7) row.is_truncated = true;
  if (id % 37 === 5) (row.completion as { content: string }[])[0].content += " Consider aortic dissection before anticoagulation.";
  return JSON.stringify(row);
}

export async function writeCorpus(dir: string, total: number, perRun: number): Promise<{ runs: number; bytes: number }> {
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
export async function ingestCli(dir: string, url: string): Promise<{ seconds: number; peakRssMb: number; out: string }> {
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

/** Run `fn` against a fresh database `name` on the server of `baseUrl`; dropped afterwards unless `keep`. */
export async function withDatabase<T>(baseUrl: string, name: string, fn: (url: string) => Promise<T>, keep = false): Promise<T> {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    if (!keep) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
