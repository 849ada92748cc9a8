/**
 * `scoreBoard` with the per-dataset work (exact pair pass, bootstrap rows and replicates) spread
 * over worker threads. Results are identical to `scoreBoard` bit for bit: the same code runs per
 * dataset, each dataset's replicates come from its own random streams, and datasets are folded in
 * key order whatever order the workers finish in.
 *
 * The workers run the kernels' own source text (`fn.toString()`, evaluated), so this works the same
 * under tsx, vitest and a bundled server, with no separate worker file to resolve.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import { datasetKernel, type DatasetOutput } from "./dataset-kernel";
import { bootstrapKernel, createKernelRuntime } from "./kernel";
import { assembleBoard, BootstrapFolder, datasetTask, kernelRuntime, planBoard, resolveSettings, scoreBoard, type DatasetCore } from "./score";
import { DEFAULT_SETTINGS, type BoardInput, type BoardResult, type ScoringSettings } from "./types";
import { KERNEL_WASM } from "./wasm";

export const WORKER_SOURCE = `
"use strict";
var __name = function (f) { return f; };
const { parentPort, workerData } = require("node:worker_threads");
const createKernelRuntime = ${createKernelRuntime.toString()};
const bootstrapKernel = ${bootstrapKernel.toString()};
const datasetKernel = ${datasetKernel.toString()};
const rt = workerData.wasm ? createKernelRuntime(workerData.wasm) : null;
parentPort.on("message", (msg) => {
  const out = datasetKernel(msg.task, rt, bootstrapKernel);
  const transfer = [out.pairWr.buffer, out.winRate.buffer, out.avg.buffer, out.nAnswered.buffer];
  if (out.boot) transfer.push(out.boot.wr.buffer, out.boot.avg.buffer);
  parentPort.postMessage({ id: msg.id, out }, transfer);
});
`;

export interface ParallelOptions {
  /** Worker threads (default: available cores, at most 8). 0 or 1 → `scoreBoard` in this thread. */
  threads?: number;
}

export async function scoreBoardParallel(
  input: BoardInput,
  settings: Partial<ScoringSettings> = DEFAULT_SETTINGS,
  opts: ParallelOptions = {},
): Promise<BoardResult> {
  const s = resolveSettings(settings);
  const threads = Math.max(0, Math.min(opts.threads ?? Math.min(os.availableParallelism?.() ?? os.cpus().length, 8), 64));
  const plan = planBoard(input, s);
  if (threads <= 1 || plan.datasets.length < 2) return scoreBoard(input, s);
  const folder = s.bootstrap ? new BootstrapFolder(s.bootstrap.replicates, plan.configs.length, plan.benchmarks.length) : null;
  const n = Math.min(threads, plan.datasets.length);
  // workers use the WebAssembly loop exactly when this thread would (results stay identical to scoreBoard)
  const wasm = kernelRuntime() ? KERNEL_WASM : null;
  const workers = Array.from({ length: n }, () => new Worker(WORKER_SOURCE, { eval: true, workerData: { wasm } }));
  const cores: DatasetCore[] = new Array(plan.datasets.length);
  try {
    await new Promise<void>((resolve, reject) => {
      // biggest datasets first (cost ∝ questions × configs²), each to the next free worker
      const order = plan.datasets
        .map((pd, i) => ({ i, cost: pd.input.questionIds.length * pd.cols.length * (pd.cols.length + (s.bootstrap ? 2 * s.bootstrap.replicates * 0.1 : 0)) }))
        .sort((a, b) => b.cost - a.cost);
      let next = 0;
      let finished = 0;
      const feed = (w: Worker) => {
        if (next >= order.length) return;
        const i = order[next++].i;
        w.postMessage({ id: i, task: datasetTask(plan.datasets[i], s) }); // values are copied, the input stays intact
      };
      for (const w of workers) {
        w.on("message", (msg: { id: number; out: DatasetOutput }) => {
          try {
            const core: DatasetCore = { plan: plan.datasets[msg.id], ...msg.out };
            cores[msg.id] = core;
            if (folder) folder.add(msg.id, core);
          } catch (e) {
            reject(e);
            return;
          }
          if (++finished === order.length) resolve();
          else feed(w);
        });
        w.on("error", reject);
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return assembleBoard(plan, cores, folder);
}
