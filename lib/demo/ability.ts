/**
 * The latent model behind the demo numbers (IRT-like): each question has a difficulty `b`
 * (shared by every configuration), each configuration an ability `theta` per benchmark. The
 * chance of "knowing" the answer is a logistic function of `theta - b`.
 */
import type { CatalogBenchmark } from "../catalog";
import { effortAdjust, type DemoConfig } from "./configs";
import { rngFor } from "./prng";

export type TaskKind = "mcq" | "calc" | "medhallu" | "sct" | "judged";

export function taskKind(b: CatalogBenchmark): TaskKind {
  if (b.judged || b.subset === "OE") return "judged";
  if (b.slug === "medhallu") return "medhallu";
  if (b.slug === "sctpublic" || b.taskType === "script-concordance") return "sct";
  if (b.slug === "medcalc_bench" || b.taskType === "calculation") return "calc";
  return "mcq";
}

/** Mean question difficulty per benchmark (logit scale; 0 = typical USMLE-style question). */
const BENCH_DIFFICULTY: Record<string, number> = {
  medxpertqa: 1.9,
  m_arc: 1.5,
  supergpqa_medicine: 1.0,
  medconceptsqa: 0.9,
  healthbench: 1.2,
  medcasereasoning: 1.0,
  agentclinic: 0.8,
  medrbench: 0.6,
  medec: 0.7,
  medcalc_bench: 0.6,
  sctpublic: 0.4,
  metamedqa: 0.3,
  medbullets: 0.4,
  pubmedqa: 0.5,
  med_halt: 0.3,
  mmlu_pro_health: 0.2,
  med_mcqa: 0.2,
  medqa: -0.1,
  careqa: -0.4,
  careqa_open: 0.3,
  head_qa_v2: -0.7,
  longhealth: -0.3,
  pubhealthbench: -0.2,
  medicationqa: -0.2,
  med_dialog: -0.4,
  medexqa: 0.1,
};

export function benchDifficulty(benchSlug: string, subtask: string): number {
  let d = BENCH_DIFFICULTY[benchSlug] ?? 0;
  const parts = subtask.split(/__|-|_/);
  if (parts.includes("easy")) d -= 0.6;
  if (parts.includes("medium")) d += 0.1;
  if (parts.includes("hard")) d += 0.8;
  if (subtask.startsWith("reasoning") && benchSlug === "medxpertqa") d += 0.3;
  if (subtask === "task2") d += 0.3;
  if (subtask === "free_turn") d += 0.4;
  if (subtask === "num_options-5") d += 0.15;
  if (subtask === "tools") d -= 0.4; // a calculator tool helps everyone
  return d;
}

/** Logit adjustment by task kind: [non-reasoning model, reasoning model]. */
const TASK_ADJ: Record<TaskKind, [number, number]> = {
  mcq: [0, 0.1],
  calc: [-1.1, 0.5],
  medhallu: [-0.1, 0.2],
  sct: [-0.4, -0.3],
  judged: [0.1, 0.15],
};

/** How much of the medical fine-tune's gain applies per benchmark (default 1). */
const MEDICAL_TRANSFER: Record<string, number> = {
  medcalc_bench: -0.4, // arithmetic, not medical knowledge: fine-tunes lose a little
  med_dialog: 0.1,
  mtsamples: 0.3,
};

/** Ability of every demo configuration on one benchmark, memoized per generation. */
export class AbilityModel {
  private cache = new Map<string, number>();
  private byAlias: Map<string, DemoConfig>;

  constructor(configs: DemoConfig[]) {
    this.byAlias = new Map(configs.map((c) => [c.alias, c]));
  }

  theta(cfg: DemoConfig, bench: CatalogBenchmark): number {
    const key = `${cfg.alias}|${bench.slug}`;
    let v = this.cache.get(key);
    if (v === undefined) {
      v = this.compute(cfg, bench);
      this.cache.set(key, v);
    }
    return v;
  }

  private compute(cfg: DemoConfig, bench: CatalogBenchmark): number {
    const p = cfg.persona;
    const base = cfg.baseAlias ? this.byAlias.get(cfg.baseAlias) : undefined;
    if (base && base.alias !== cfg.alias) {
      if (cfg.group === "medical") {
        const transfer = MEDICAL_TRANSFER[bench.slug] ?? 1 + 0.3 * rngFor("medbonus", cfg.alias, bench.slug).normal();
        return this.theta(base, bench) + (p.medBonus ?? 0.6) * transfer;
      }
      if (cfg.group === "quantized") {
        return this.theta(base, bench) + (p.quantDelta ?? -0.15) + 0.06 * rngFor("quant", cfg.alias, bench.slug).normal();
      }
    }
    const kind = taskKind(bench);
    const [nonReasoning, reasoning] = TASK_ADJ[kind];
    // benchmark-specific strengths: shared by every effort of one model (keyed by model id)
    const jitter = 0.25 * rngFor("jitter", cfg.config.modelId, bench.slug).normal();
    const effort = effortAdjust(cfg.effort, p.refEffort);
    return p.skill + (cfg.model.reasoning ? reasoning : nonReasoning) + effort.skill + jitter;
  }
}
