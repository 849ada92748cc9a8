/**
 * Reading what the order-bias view needs from the database: which runs (the plan), and one
 * configuration's rows on one dataset in the shape lib/scoring's `orderBias` takes.
 *
 * Cost at full scale (~70 configurations × ~25 MCQ subtasks × 3 orders, up to ~6k questions a
 * subtask): one narrow rollouts query per (configuration, dataset) — the primary key (run_id, …)
 * serves it — so at most one configuration × subtask of rows (≤ ~20k) is in memory at a time.
 * The displayed options (needed only for position preference) are read from the cold transcripts
 * table ONCE per (dataset order, question), not per configuration: an order's options are the same
 * for every configuration (the harness shuffles with a fixed seed). They come from
 * `info.options`, else from the prompt's option lines (the ingest's own rule).
 */
import { provenanceFilter } from "../boards/compute";
import type { RawClient } from "../db/raw";
import { optionsFromPrompt } from "../ingest/parse-answer";
import { promptText } from "../ingest/rollout";
import type { OrderBiasRow } from "../scoring/order-bias";
import type { OrderBiasBoard, OrderBiasData } from "./order-bias-types";

export interface PlanRun {
  id: number;
  config: string;
  datasetId: number;
  orderSeed: number | null;
  provenance: string;
}

/** One MCQ subtask with an original order and shuffled copies: benchmark + env + subtask. */
export interface PlanGroup {
  benchmark: string;
  benchmarkName: string;
  foldedKey: string;
  subtask: string;
  /** Some shuffled run reshuffles documents too (`doc_shuffle_seed`). */
  docShuffle: boolean;
  runs: PlanRun[];
}

export interface Plan {
  groups: PlanGroup[];
  /** Some run in the plan is a demo run. */
  synthetic: boolean;
}

/**
 * The snapshot's runs (of the board, under the provenance rule) grouped by benchmark + folded key,
 * keeping the groups that have both an original-order run and a shuffled one. Groups in benchmark
 * sort order, then key; runs by configuration, then order (original first), then id.
 */
export async function loadPlan(raw: RawClient, snapshotId: string, board: OrderBiasBoard, data: OrderBiasData, config?: string): Promise<Plan> {
  const { sql: filter } = await provenanceFilter(raw, snapshotId, data); // the boards' rule
  const rows = await raw.query<{
    id: number; config: string; provenance: string; dataset_id: number; benchmark: string; name: string; folded_key: string;
    subtask: string; order_seed: number | null; doc_shuffle: boolean;
  }>(
    `select u.id, u.config_slug as config, u.provenance, d.id as dataset_id, d.benchmark_slug as benchmark, b.name,
            d.folded_key, d.subtask, d.order_seed, (u.env_args ? 'doc_shuffle_seed') as doc_shuffle
     from snapshot_runs s
     join runs u on u.id = s.run_id
     join datasets d on d.id = u.dataset_id
     join benchmarks b on b.slug = d.benchmark_slug
     where s.snapshot_id = $1 and b.subset = $2 ${filter}
     order by b.sort_order, d.benchmark_slug, d.folded_key, u.config_slug, d.order_seed nulls first, u.id`,
    [snapshotId, board],
  );
  const groups = new Map<string, PlanGroup>();
  for (const r of rows) {
    const key = `${r.benchmark}\u0000${r.folded_key}`;
    let g = groups.get(key);
    if (!g) {
      g = { benchmark: r.benchmark, benchmarkName: r.name, foldedKey: r.folded_key, subtask: r.subtask, docShuffle: false, runs: [] };
      groups.set(key, g);
    }
    const orderSeed = r.order_seed === null ? null : Number(r.order_seed);
    if (orderSeed !== null && r.doc_shuffle) g.docShuffle = true;
    g.runs.push({ id: Number(r.id), config: r.config, datasetId: Number(r.dataset_id), orderSeed, provenance: r.provenance });
  }
  const kept = [...groups.values()].filter((g) => g.runs.some((r) => r.orderSeed === null) && g.runs.some((r) => r.orderSeed !== null));
  const out = config === undefined ? kept : kept.map((g) => ({ ...g, runs: g.runs.filter((r) => r.config === config) })).filter((g) => g.runs.length > 0);
  return { groups: out, synthetic: out.some((g) => g.runs.some((r) => r.provenance === "demo")) };
}

type Options = Record<string, string> | null;

/** Options per dataset (an answer order) and question id: null = looked up, none found. */
export type OptionsCache = Map<number, Map<string, Options>>;

function parseOptions(value: unknown): Options {
  const v = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  if (!v || typeof v !== "object" || Array.isArray(v)) return null;
  const out: Record<string, string> = {};
  for (const [k, t] of Object.entries(v as Record<string, unknown>)) if (typeof t === "string") out[k] = t;
  return Object.keys(out).length ? out : null;
}

/**
 * Fill `cache` for `datasetId` with the options of `ids` (those not looked up yet) from `runId`'s
 * transcripts (its first rollout of each question). `ids` undefined = every question of the run.
 * A question without a transcript, or whose transcript shows no options, is cached as null.
 */
export async function fetchOptions(raw: RawClient, cache: OptionsCache, datasetId: number, runId: number, ids?: string[]): Promise<void> {
  let forDataset = cache.get(datasetId);
  if (!forDataset) cache.set(datasetId, (forDataset = new Map()));
  const wanted = ids?.filter((id) => !forDataset.has(id));
  if (wanted && wanted.length === 0) return;
  const rows = await raw.query<{ example_id: string; options: unknown; prompt: unknown }>(
    `select distinct on (example_id) example_id, info->'options' as options,
            case when info->'options' is null then prompt end as prompt
     from transcripts where run_id = $1 ${wanted ? "and example_id = any($2::text[])" : ""}
     order by example_id, rollout_index`,
    wanted ? [runId, wanted] : [runId],
  );
  for (const r of rows) {
    const fromInfo = parseOptions(r.options);
    const prompt = typeof r.prompt === "string" ? safeJson(r.prompt) : r.prompt;
    forDataset.set(r.example_id, fromInfo ?? (prompt == null ? null : optionsFromPrompt(promptText(prompt))));
  }
  for (const id of wanted ?? []) if (!forDataset.has(id)) forDataset.set(id, null);
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/**
 * One configuration's rows on one dataset (all its orders: `runs`), as `orderBias` input, options
 * attached from `cache` (fetched from these runs for questions not cached yet).
 */
export async function loadCellRows(raw: RawClient, runs: PlanRun[], cache: OptionsCache): Promise<OrderBiasRow[]> {
  const runIds = runs.map((r) => r.id);
  const rows = await raw.query<{
    run_id: number; example_id: string; rollout_index: number; reward: number | null; parsed_answer: string | null; chosen_text: string | null; gold: string | null;
  }>(
    `select run_id, example_id, rollout_index, reward, parsed_answer, chosen_text, gold
     from rollouts where run_id = any($1::int[])
     order by run_id, example_id, rollout_index`,
    [runIds],
  );
  const byRun = new Map(runs.map((r) => [r.id, r]));
  // Questions whose options are not cached yet, per run.
  const missing = new Map<number, Set<string>>();
  for (const r of rows) {
    const run = byRun.get(Number(r.run_id))!;
    if (cache.get(run.datasetId)?.has(r.example_id)) continue;
    let s = missing.get(run.id);
    if (!s) missing.set(run.id, (s = new Set()));
    s.add(r.example_id);
  }
  for (const [runId, ids] of missing) await fetchOptions(raw, cache, byRun.get(runId)!.datasetId, runId, [...ids]);
  return rows.map((r) => {
    const run = byRun.get(Number(r.run_id))!;
    return {
      exampleId: r.example_id,
      orderSeed: run.orderSeed,
      rolloutIndex: Number(r.rollout_index),
      reward: r.reward === null ? null : Number(r.reward),
      parsedAnswer: r.parsed_answer,
      chosenText: r.chosen_text,
      gold: r.gold,
      options: cache.get(run.datasetId)?.get(r.example_id) ?? null,
    };
  });
}

/** Prefetch every question's options of each dataset in `runs` from its first run (so concurrent configurations do not each read them). */
export async function prefetchOptions(raw: RawClient, runs: PlanRun[], cache: OptionsCache): Promise<void> {
  const first = new Map<number, number>();
  for (const r of runs) if (!first.has(r.datasetId)) first.set(r.datasetId, r.id);
  for (const [datasetId, runId] of first) if (!cache.has(datasetId)) await fetchOptions(raw, cache, datasetId, runId);
}
