/**
 * Read a run's rewards without a database (the `winrate` CLI scores a folder of artifacts
 * directly): the same discovery, identity and row parsing as the ingest.
 */
import { getBenchmark } from "../catalog";
import type { DiscoveredRun } from "./discover";
import { prepare, recordsOf } from "./load";

export interface ScannedRun {
  dir: string;
  config: string;
  benchmark: string;
  subset: "V" | "OE";
  /** `env::variant` (answer orders and repeats kept apart). */
  separateKey: string;
  /** `env::subtask` (answer orders and repeats folded together). */
  foldedKey: string;
  runAt: string | null;
  sha: string;
  rewards: { exampleId: string; reward: number | null }[];
}

export async function scanRun(run: DiscoveredRun, opts: { alias?: string } = {}): Promise<ScannedRun> {
  const p = await prepare(run, opts);
  const counts = new Map<string, { count: number }>();
  const rewards: ScannedRun["rewards"] = [];
  for await (const { record } of recordsOf(p, counts, () => {}, undefined)) {
    const c = counts.get(record.exampleId) ?? { count: 0 };
    c.count++;
    counts.set(record.exampleId, c);
    rewards.push({ exampleId: record.exampleId, reward: record.reward });
  }
  const d = p.resolved.dataset;
  const subset = getBenchmark(p.resolved.benchmark)?.subset ?? (p.meta.judgeModels.length ? "OE" : "V");
  return {
    dir: run.dir,
    config: p.resolved.config,
    benchmark: p.resolved.benchmark,
    subset,
    separateKey: `${d.envId}::${d.variantId}`,
    foldedKey: `${d.envId}::${d.subtask}`,
    runAt: p.runAt,
    sha: p.sha,
    rewards,
  };
}

/** Of runs sharing a configuration and dataset, keep the later one (as the ingest publishes it). */
export function latestRuns(runs: ScannedRun[]): ScannedRun[] {
  const best = new Map<string, ScannedRun>();
  for (const r of runs) {
    const key = `${r.config}|${r.benchmark}|${r.separateKey}`;
    const cur = best.get(key);
    const at = (x: ScannedRun) => (x.runAt ? Date.parse(x.runAt) : 0);
    if (!cur || at(r) >= at(cur)) best.set(key, r);
  }
  return [...best.values()];
}
