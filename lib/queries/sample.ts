/**
 * One sample (a rollout of one question in one run) for the sample page: the run's identity, the
 * rollout's numbers, its transcript as plain-text views, the options table (with where each option
 * sat in the original answer order when this order is shuffled), the judges' verdicts, and what to
 * link to: the other rollouts of the question in this run, the same question in this config's runs
 * under the other answer orders, and the question across configurations.
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { optionsFromPrompt } from "../ingest/parse-answer";
import { promptText } from "../ingest/rollout";
import { optionRows, type OptionRow } from "../samples/options";
import { infoEntries, infoOptions, judgeRoundsOf, messagesOf, type JudgeRoundView, type MessageView } from "../samples/transcript";
import type { RunProvenance, RunStatus } from "./run";

export interface SampleRunInfo {
  id: number;
  status: RunStatus;
  provenance: RunProvenance;
  format: string;
  providerModel: string;
  judgeModels: string[];
  config: { slug: string; displayName: string; group: string | null };
  benchmark: { slug: string; name: string; subset: "V" | "OE" };
  dataset: { id: number; key: string; foldedKey: string; envId: string; variantId: string; subtask: string; orderSeed: number | null; repeat: number };
}

export interface SampleRollout {
  reward: number | null;
  metrics: { key: string; value: number }[];
  gold: string | null;
  parsedAnswer: string | null;
  chosenText: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  reasoningTokens: number | null;
  judgeInputTokens: number | null;
  judgeOutputTokens: number | null;
  costUsd: number | null;
  latencyMs: number | null;
  error: string | null;
  stopCondition: string | null;
  truncated: boolean | null;
  hasReasoning: boolean;
}

export interface SampleOptions {
  rows: OptionRow[];
  /** Where the options came from: `info.options`, or the option lines of the prompt. */
  source: "info" | "prompt";
  /** This run's order is shuffled (order seed set). */
  shuffled: boolean;
  /** The original-order run whose row gave the original positions (null: none found / not shuffled). */
  originalRunId: number | null;
}

export interface SampleOrderLink {
  orderSeed: number | null;
  datasetKey: string;
  runId: number;
  status: RunStatus;
  /** This is the sample's own run. */
  current: boolean;
  /** Rewards of this question's rollouts in that run (empty when the run lacks the question). */
  rewards: (number | null)[];
}

export interface SampleView {
  run: SampleRunInfo;
  exampleId: string;
  rolloutIndex: number;
  rollout: SampleRollout;
  /** Null when the run has no transcript for the row (e.g. a parquet import). */
  transcript: { prompt: MessageView[]; completion: MessageView[]; info: { key: string; text: string }[] } | null;
  options: SampleOptions | null;
  judges: JudgeRoundView[];
  /** Every rollout of this question in this run (this one included), by index. */
  rollouts: { rolloutIndex: number; reward: number | null }[];
  /** This config's runs of the same question under each answer order (this run included), original first. */
  orders: SampleOrderLink[];
  /** Key of the question-across-configurations page. */
  question: { benchmarkSlug: string; foldedKey: string; exampleId: string };
}

interface RunRow {
  id: number;
  status: RunStatus;
  provenance: RunProvenance;
  format: string;
  provider_model: string;
  judge_models: string[] | null;
  config_slug: string;
  config_name: string;
  model_group: string | null;
  benchmark_slug: string;
  benchmark_name: string;
  benchmark_subset: "V" | "OE";
  dataset_id: number;
  dataset_key: string;
  folded_key: string;
  env_id: string;
  variant_id: string;
  subtask: string;
  order_seed: number | null;
  repeat: number;
}

interface RolloutRow {
  reward: number | null;
  metrics: unknown;
  gold: string | null;
  parsed_answer: string | null;
  chosen_text: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  reasoning_tokens: number | null;
  judge_input_tokens: number | null;
  judge_output_tokens: number | null;
  cost_usd: number | null;
  latency_ms: number | null;
  error: string | null;
  stop_condition: string | null;
  truncated: boolean | null;
  has_reasoning: boolean;
  has_transcript: boolean;
  prompt: unknown;
  completion: unknown;
  info: unknown;
}

const num = (v: number | string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/** jsonb comes back parsed from both drivers; a string is tolerated (older driver settings). */
function json(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function metricsOf(v: unknown): { key: string; value: number }[] {
  const m = json(v);
  if (typeof m !== "object" || m === null || Array.isArray(m)) return [];
  return Object.entries(m as Record<string, unknown>)
    .filter((e): e is [string, number] => typeof e[1] === "number" && Number.isFinite(e[1]))
    .map(([key, value]) => ({ key, value }));
}

function rewardsOf(v: unknown): (number | null)[] {
  const a = typeof v === "string" ? json(v) : v;
  return Array.isArray(a) ? a.map((x) => (x === null ? null : Number(x))) : [];
}

export async function getSample(runId: number, exampleId: string, rolloutIndex: number, rawArg?: RawClient): Promise<SampleView | null> {
  if (!Number.isSafeInteger(runId) || runId <= 0 || runId > 2_147_483_647) return null;
  if (typeof exampleId !== "string" || exampleId === "" || exampleId.length > 1000) return null;
  if (!Number.isInteger(rolloutIndex) || rolloutIndex < 0 || rolloutIndex > 32767) return null;
  const raw = rawArg ?? (await getDbHandle()).raw;

  const [runRows, rolloutRows, siblingRows] = await Promise.all([
    raw.query<RunRow>(
      `select r.id, r.status, r.provenance, r.format, r.provider_model, r.judge_models,
              c.slug as config_slug, c.display_name as config_name, m."group" as model_group,
              b.slug as benchmark_slug, b.name as benchmark_name, b.subset as benchmark_subset,
              d.id as dataset_id, d.key as dataset_key, d.folded_key, d.env_id, d.variant_id, d.subtask, d.order_seed, d.repeat::int as repeat
       from runs r
       join configs c on c.slug = r.config_slug
       join models m on m.id = c.model_id
       join datasets d on d.id = r.dataset_id
       join benchmarks b on b.slug = d.benchmark_slug
       where r.id = $1`,
      [runId],
    ),
    raw.query<RolloutRow>(
      `select o.reward, o.metrics, o.gold, o.parsed_answer, o.chosen_text, o.input_tokens, o.output_tokens, o.reasoning_tokens,
              o.judge_input_tokens, o.judge_output_tokens, o.cost_usd, o.latency_ms, o.error, o.stop_condition, o.truncated, o.has_reasoning,
              (t.run_id is not null) as has_transcript, t.prompt, t.completion, t.info
       from rollouts o
       left join transcripts t on t.run_id = o.run_id and t.example_id = o.example_id and t.rollout_index = o.rollout_index
       where o.run_id = $1 and o.example_id = $2 and o.rollout_index = $3`,
      [runId, exampleId, rolloutIndex],
    ),
    raw.query<{ rollout_index: number; reward: number | null }>(
      `select rollout_index, reward from rollouts where run_id = $1 and example_id = $2 order by rollout_index`,
      [runId, exampleId],
    ),
  ]);
  const run = runRows[0];
  const row = rolloutRows[0];
  if (!run || !row) return null;

  // The same config's runs of this dataset family under every answer order: per dataset the run
  // shown is this one, else the published one, else the latest (never a rejected one).
  const orderRows = await raw.query<{ dataset_key: string; order_seed: number | null; run_id: number; status: RunStatus; rewards: unknown }>(
    `select distinct on (d.id) d.key as dataset_key, d.order_seed, u.id as run_id, u.status,
            array(select x.reward from rollouts x where x.run_id = u.id and x.example_id = $4 order by x.rollout_index) as rewards
     from datasets d join runs u on u.dataset_id = d.id
     where d.benchmark_slug = $1 and d.folded_key = $2 and d.repeat = $3 and u.config_slug = $5
       and (u.status in ('published', 'superseded') or u.id = $6) -- never another run's pending data
     order by d.id, (u.id = $6) desc, (u.status = 'published') desc, u.run_at desc nulls last, u.id desc`,
    [run.benchmark_slug, run.folded_key, run.repeat, exampleId, run.config_slug, runId],
  );
  const orders: SampleOrderLink[] = orderRows
    .map((o) => ({
      orderSeed: num(o.order_seed),
      datasetKey: o.dataset_key,
      runId: Number(o.run_id),
      status: o.status,
      current: Number(o.run_id) === runId,
      rewards: rewardsOf(o.rewards),
    }))
    .sort((a, b) => (a.orderSeed ?? -Infinity) - (b.orderSeed ?? -Infinity) || a.runId - b.runId);

  const info = json(row.info);
  const prompt = json(row.prompt);
  const completion = json(row.completion);
  const shuffled = run.order_seed !== null;

  // Options as displayed: info.options, else the prompt's option lines (Gen C rows have no info).
  const fromInfo = infoOptions(info);
  const displayed = fromInfo ?? optionsFromPrompt(promptText(prompt));
  let options: SampleOptions | null = null;
  if (displayed) {
    let original: Record<string, string> | null = null;
    let originalRunId: number | null = null;
    if (shuffled) {
      // The same question in the original order: this config's run first, else any other
      // configuration's (the options are the question's, not the model's).
      const [o] = await raw.query<{ run_id: number; info: unknown; prompt: unknown }>(
        `with pick as (
           select u.id as run_id, x.rollout_index
           from datasets d
           join runs u on u.dataset_id = d.id and u.status in ('published', 'superseded')
           join rollouts x on x.run_id = u.id and x.example_id = $4
           where d.benchmark_slug = $1 and d.folded_key = $2 and d.repeat = $3 and d.order_seed is null
           order by (u.config_slug = $5) desc, (u.status = 'published') desc, u.run_at desc nulls last, u.id desc, x.rollout_index
           limit 1
         )
         select pick.run_id, t.info, case when t.info -> 'options' is null then t.prompt end as prompt
         from pick join transcripts t on t.run_id = pick.run_id and t.example_id = $4 and t.rollout_index = pick.rollout_index`,
        [run.benchmark_slug, run.folded_key, run.repeat, exampleId, run.config_slug],
      );
      if (o) {
        original = infoOptions(json(o.info)) ?? optionsFromPrompt(promptText(json(o.prompt)));
        originalRunId = original ? Number(o.run_id) : null;
      }
    }
    options = {
      rows: optionRows({ options: displayed, gold: row.gold, parsedAnswer: row.parsed_answer, chosenText: row.chosen_text, original }),
      source: fromInfo ? "info" : "prompt",
      shuffled,
      originalRunId,
    };
  }

  return {
    run: {
      id: Number(run.id),
      status: run.status,
      provenance: run.provenance,
      format: run.format,
      providerModel: run.provider_model,
      judgeModels: run.judge_models ?? [],
      config: { slug: run.config_slug, displayName: run.config_name, group: run.model_group },
      benchmark: { slug: run.benchmark_slug, name: run.benchmark_name, subset: run.benchmark_subset },
      dataset: {
        id: Number(run.dataset_id),
        key: run.dataset_key,
        foldedKey: run.folded_key,
        envId: run.env_id,
        variantId: run.variant_id,
        subtask: run.subtask,
        orderSeed: num(run.order_seed),
        repeat: Number(run.repeat),
      },
    },
    exampleId,
    rolloutIndex,
    rollout: {
      reward: num(row.reward),
      metrics: metricsOf(row.metrics),
      gold: row.gold,
      parsedAnswer: row.parsed_answer,
      chosenText: row.chosen_text,
      inputTokens: num(row.input_tokens),
      outputTokens: num(row.output_tokens),
      reasoningTokens: num(row.reasoning_tokens),
      judgeInputTokens: num(row.judge_input_tokens),
      judgeOutputTokens: num(row.judge_output_tokens),
      costUsd: num(row.cost_usd),
      latencyMs: num(row.latency_ms),
      error: row.error === "" ? null : row.error,
      stopCondition: row.stop_condition,
      truncated: row.truncated,
      hasReasoning: Boolean(row.has_reasoning),
    },
    transcript: row.has_transcript
      ? { prompt: messagesOf(prompt), completion: messagesOf(completion), info: infoEntries(info) }
      : null,
    options,
    judges: judgeRoundsOf(info),
    rollouts: siblingRows.map((r) => ({ rolloutIndex: Number(r.rollout_index), reward: num(r.reward) })),
    orders,
    question: { benchmarkSlug: run.benchmark_slug, foldedKey: run.folded_key, exampleId },
  };
}
