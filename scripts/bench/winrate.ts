// Benchmark (not a test): the scoring engine at Medmarks scale on synthetic rewards.
//
//   npx tsx scripts/bench/winrate.ts [--configs 10,30,71] [--datasets 82] [--questions 133000]
//                                    [--replicates 1000] [--threads 2] [--missing-share 0.03] [--json]
//
// For each configuration count, a child process (so peak RSS is its own) generates `--datasets`
// datasets whose question counts sum to `--questions` (per config), with question means from a
// logistic ability model: 2/3 of the datasets verifiable (0/1 averaged over 3 folded answer orders),
// 1/3 open-ended (judge scores on a 0.05 grid); `--missing-share` of the (config, dataset) runs miss
// 1–5% of their questions (interrupted runs), so the missing-value path is exercised too. It then
// times: the point estimates (no bootstrap), the full board with the bootstrap single-threaded,
// and the same with `--threads` worker threads (checked identical). Peak RSS is the child's maxRSS.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { createRng, scoreBoard, scoreBoardParallel, type BoardInput, type DatasetInput } from "../../lib/scoring";

const { values } = parseArgs({
  options: {
    configs: { type: "string", default: "10,30,71" },
    datasets: { type: "string", default: "82" },
    questions: { type: "string", default: "133000" },
    replicates: { type: "string", default: "1000" },
    threads: { type: "string", default: "2" },
    "missing-share": { type: "string", default: "0.03" },
    child: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

interface Figures {
  configs: number;
  datasets: number;
  questions: number;
  cells: number;
  generateS: number;
  pointS: number;
  bootstrapS: number;
  bootstrapParallelS: number;
  threads: number;
  identical: boolean;
  peakRssMB: number;
}

function synthetic(nConfigs: number, nDatasets: number, totalQuestions: number, missingShare: number): BoardInput {
  const rng = createRng(7, nConfigs);
  const configs = Array.from({ length: nConfigs }, (_, i) => `config-${String(i).padStart(3, "0")}`);
  const ability = configs.map(() => rng() * 4 - 2);
  // question counts: log-uniform between 100 and 22000, scaled to the total
  const raw = Array.from({ length: nDatasets }, () => Math.exp(Math.log(100) + rng() * (Math.log(22000) - Math.log(100))));
  const scale = totalQuestions / raw.reduce((a, b) => a + b, 0);
  const sizes = raw.map((x) => Math.max(20, Math.round(x * scale)));
  const datasets: DatasetInput[] = [];
  for (let d = 0; d < nDatasets; d++) {
    const Q = sizes[d];
    const oe = d % 3 === 2;
    const key = `env${String(d).padStart(2, "0")}::base`;
    const values = new Float64Array(Q * nConfigs);
    for (let q = 0; q < Q; q++) {
      const difficulty = rng() * 5 - 2.5;
      for (let m = 0; m < nConfigs; m++) {
        const p = 1 / (1 + Math.exp(-(ability[m] - difficulty)));
        let v: number;
        if (oe) v = Math.round(Math.min(1, Math.max(0, p + (rng() - 0.5) * 0.4)) * 20) / 20;
        else v = ((rng() < p ? 1 : 0) + (rng() < p ? 1 : 0) + (rng() < p ? 1 : 0)) / 3;
        values[q * nConfigs + m] = v;
      }
    }
    for (let m = 0; m < nConfigs; m++) {
      if (rng() >= missingShare) continue;
      const share = 0.01 + rng() * 0.04;
      for (let q = 0; q < Q; q++) if (rng() < share) values[q * nConfigs + m] = NaN;
    }
    datasets.push({
      key,
      benchmark: `env${String(Math.floor(d / 3)).padStart(2, "0")}`,
      questionIds: Array.from({ length: Q }, (_, i) => String(i)),
      configIndex: Int32Array.from(configs.keys()),
      values,
    });
  }
  return { configs, datasets };
}

function sameResult(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function child(nConfigs: number): Promise<Figures> {
  const nDatasets = Number(values.datasets);
  const totalQ = Number(values.questions);
  const R = Number(values.replicates);
  const threads = Number(values.threads);
  let t = performance.now();
  const input = synthetic(nConfigs, nDatasets, totalQ, Number(values["missing-share"]));
  const generateS = (performance.now() - t) / 1000;
  t = performance.now();
  scoreBoard(input, { bootstrap: null });
  const pointS = (performance.now() - t) / 1000;
  t = performance.now();
  const single = scoreBoard(input, { bootstrap: { replicates: R, seed: 20251126 } });
  const bootstrapS = (performance.now() - t) / 1000;
  t = performance.now();
  const par = await scoreBoardParallel(input, { bootstrap: { replicates: R, seed: 20251126 } }, { threads });
  const bootstrapParallelS = (performance.now() - t) / 1000;
  const questions = input.datasets.reduce((a, d) => a + d.questionIds.length, 0);
  return {
    configs: nConfigs,
    datasets: nDatasets,
    questions,
    cells: questions * nConfigs,
    generateS,
    pointS,
    bootstrapS,
    bootstrapParallelS,
    threads,
    identical: sameResult(single, par),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

async function main() {
  if (values.child) {
    process.stdout.write(JSON.stringify(await child(Number(values.child))) + "\n");
    return;
  }
  const results: Figures[] = [];
  for (const n of values.configs!.split(",").map(Number)) {
    const args = [...process.execArgv, import.meta.filename, "--child", String(n)];
    for (const k of ["datasets", "questions", "replicates", "threads", "missing-share"] as const) args.push(`--${k}`, String(values[k]));
    const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 24 });
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      throw new Error(`child for ${n} configs failed`);
    }
    const fig = JSON.parse(r.stdout.trim().split("\n").pop()!) as Figures;
    results.push(fig);
    if (!values.json) {
      console.log(
        `${String(fig.configs).padStart(3)} configs × ${fig.datasets} datasets, ${fig.questions} questions/config (${(fig.cells / 1e6).toFixed(1)}M question means): ` +
          `point ${fig.pointS.toFixed(2)} s · with bootstrap (${values.replicates} replicates) ${fig.bootstrapS.toFixed(2)} s on 1 thread, ` +
          `${fig.bootstrapParallelS.toFixed(2)} s on ${fig.threads} threads (identical: ${fig.identical}) · peak RSS ${fig.peakRssMB.toFixed(0)} MB`,
      );
    }
  }
  if (values.json) console.log(JSON.stringify(results, null, 2));
}

await main();
