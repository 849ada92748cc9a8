/**
 * One question across configurations: for a benchmark dataset (folded key `env::subtask`) and an
 * example id, every configuration's published answers — all answer orders, repeats and rollouts —
 * with the question's prompt and gold. Provenance follows the boards: `auto` shows the real runs
 * once any non-demo run is published, else the demo runs; `real`, `demo` and `all` force it.
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import type { ModelGroup } from "../catalog/types";
import type { QuestionData } from "../samples/links";
import { excerpt } from "../samples/text";
import { excerptSql } from "./samples";
import { infoOptions, messagesOf, type MessageView } from "../samples/transcript";
import { labelOf } from "../samples/options";
import { datasetLabel } from "./leaderboard";

export interface QuestionRollout {
  rolloutIndex: number;
  reward: number | null;
  parsedAnswer: string | null;
  chosenText: string | null;
  outputTokens: number | null;
  latencyMs: number | null;
  error: boolean;
  excerpt: string;
}

export interface QuestionAnswer {
  orderSeed: number | null;
  repeat: number;
  runId: number;
  datasetKey: string;
  rollouts: QuestionRollout[];
}

export interface QuestionConfigRow {
  config: string;
  displayName: string;
  group: ModelGroup | null;
  provenance: string;
  /** Mean of every reward over orders, repeats and rollouts (nulls skipped), as the folded boards pool them. */
  meanReward: number | null;
  nRewards: number;
  /** One entry per answer order / repeat the config has, in `orders` order. */
  answers: QuestionAnswer[];
}

export interface QuestionSet {
  key: string;
  label: string;
}

export interface QuestionChooser {
  kind: "choose-set";
  benchmark: { slug: string; name: string; subset: "V" | "OE" };
  exampleId: string;
  /** Sets (folded keys) with a published run that has this question. */
  sets: QuestionSet[];
}

export interface QuestionView {
  kind: "question";
  benchmark: { slug: string; name: string; subset: "V" | "OE" };
  exampleId: string;
  set: QuestionSet;
  /** Every set of the benchmark with published runs (for switching). */
  sets: QuestionSet[];
  data: QuestionData;
  /** The rows shown are synthetic demo runs. */
  synthetic: boolean;
  /** Published runs of this question left out by the provenance rule. */
  hidden: number;
  /** The prompt as shown in the original order (else in any order); null without transcripts. */
  prompt: MessageView[] | null;
  promptRunId: number | null;
  /** Gold answer in the original order, and its option text when known. */
  gold: string | null;
  goldText: string | null;
  /** Columns: each answer order / repeat present, original first. */
  orders: { orderSeed: number | null; repeat: number; label: string }[];
  configs: QuestionConfigRow[];
  summary: {
    nConfigs: number;
    /** Mean over configs of their mean reward. */
    meanReward: number | null;
    /** Configs whose every reward is ≥ 1, some but not all, none (all ≤ 0 or partial), no reward at all. */
    allRight: number;
    someRight: number;
    noneRight: number;
    unscored: number;
  };
}

export type QuestionResult = QuestionChooser | QuestionView;

interface AnswerRow {
  run_id: number;
  provenance: string;
  config: string;
  display_name: string;
  group: ModelGroup | null;
  dataset_key: string;
  order_seed: number | null;
  repeat: number;
  rollout_index: number;
  reward: number | null;
  parsed_answer: string | null;
  chosen_text: string | null;
  output_tokens: number | null;
  latency_ms: number | null;
  has_error: boolean;
  excerpt: string | null;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function orderLabel(orderSeed: number | null, repeat: number): string {
  const order = orderSeed === null ? "original order" : `shuffle ${orderSeed}`;
  return repeat ? `${order}, repeat ${repeat}` : order;
}

export async function getQuestionAcrossConfigs(
  benchmarkSlug: string,
  foldedKey: string | null,
  exampleId: string,
  params: { data?: QuestionData } = {},
  rawArg?: RawClient,
): Promise<QuestionResult | null> {
  if (!exampleId || exampleId.length > 1000 || !benchmarkSlug || benchmarkSlug.length > 200) return null;
  const raw = rawArg ?? (await getDbHandle()).raw;
  const data: QuestionData = params.data ?? "auto";

  const [benchRows, setRows] = await Promise.all([
    raw.query<{ slug: string; name: string; subset: "V" | "OE" }>(`select slug, name, subset from benchmarks where slug = $1`, [benchmarkSlug]),
    // Sets with published runs, and whether any of those runs has this question.
    raw.query<{ folded_key: string; has_example: boolean }>(
      `select d.folded_key,
              bool_or(exists (select 1 from rollouts x where x.run_id = u.id and x.example_id = $2)) as has_example
       from datasets d join runs u on u.dataset_id = d.id and u.status = 'published'
       where d.benchmark_slug = $1
       group by d.folded_key order by d.folded_key`,
      [benchmarkSlug, exampleId],
    ),
  ]);
  const bench = benchRows[0];
  if (!bench) return null;
  const benchmark = { slug: bench.slug, name: bench.name, subset: bench.subset };
  const sets = setRows.map((s) => ({ key: s.folded_key, label: datasetLabel(s.folded_key) }));
  const withExample = setRows.filter((s) => s.has_example).map((s) => ({ key: s.folded_key, label: datasetLabel(s.folded_key) }));

  let setKey = foldedKey;
  if (setKey === null) {
    // Without ?set= the set is implied when only one holds the question; otherwise the reader chooses.
    if (withExample.length === 0) return null;
    if (withExample.length === 1) setKey = withExample[0].key;
    else return { kind: "choose-set", benchmark, exampleId, sets: withExample };
  }
  if (!withExample.some((s) => s.key === setKey)) return null;

  let provenanceSql = "";
  let synthetic = false;
  if (data === "real") provenanceSql = `and u.provenance <> 'demo'`;
  else if (data === "demo") {
    provenanceSql = `and u.provenance = 'demo'`;
    synthetic = true;
  } else if (data === "auto") {
    const [{ real }] = await raw.query<{ real: boolean }>(
      `select exists (select 1 from runs where status = 'published' and provenance <> 'demo') as real`,
    );
    provenanceSql = real ? `and u.provenance <> 'demo'` : `and u.provenance = 'demo'`;
    synthetic = !real;
  }

  const rows = await raw.query<AnswerRow & { shown: boolean }>(
    `select u.id as run_id, u.provenance, u.config_slug as config, c.display_name, m."group",
            d.key as dataset_key, d.order_seed, d.repeat::int as repeat,
            x.rollout_index, x.reward, left(x.parsed_answer, 200) as parsed_answer, left(x.chosen_text, 300) as chosen_text,
            x.output_tokens, x.latency_ms, (x.error is not null and x.error <> '') as has_error,
            (true ${provenanceSql}) as shown,
            case when (true ${provenanceSql}) then ${excerptSql("t.completion")} end as excerpt
     from datasets d
     join runs u on u.dataset_id = d.id and u.status = 'published'
     join configs c on c.slug = u.config_slug
     join models m on m.id = c.model_id
     join rollouts x on x.run_id = u.id and x.example_id = $3
     left join transcripts t on t.run_id = x.run_id and t.example_id = x.example_id and t.rollout_index = x.rollout_index
     where d.benchmark_slug = $1 and d.folded_key = $2
     order by u.config_slug, d.order_seed nulls first, d.repeat, x.rollout_index`,
    [benchmarkSlug, setKey, exampleId],
  );
  const shown = rows.filter((r) => r.shown);
  const hidden = rows.length - shown.length;

  // The question as asked: the original order's prompt and gold (any order when there is no original).
  const promptSource = [...shown, ...rows].sort((a, b) => (a.order_seed === null ? 0 : 1) - (b.order_seed === null ? 0 : 1))[0];
  let prompt: MessageView[] | null = null;
  let promptRunId: number | null = null;
  let gold: string | null = null;
  let goldText: string | null = null;
  if (promptSource) {
    const [t] = await raw.query<{ prompt: unknown; info: unknown; gold: string | null; has_transcript: boolean }>(
      `select x.gold, t.prompt, t.info, (t.run_id is not null) as has_transcript
       from rollouts x left join transcripts t on t.run_id = x.run_id and t.example_id = x.example_id and t.rollout_index = x.rollout_index
       where x.run_id = $1 and x.example_id = $2 and x.rollout_index = $3`,
      [promptSource.run_id, exampleId, promptSource.rollout_index],
    );
    if (t) {
      gold = t.gold;
      promptRunId = Number(promptSource.run_id);
      if (t.has_transcript) prompt = messagesOf(typeof t.prompt === "string" ? JSON.parse(t.prompt) : t.prompt);
      const info = typeof t.info === "string" ? JSON.parse(t.info) : t.info;
      const answerText = info && typeof info === "object" && typeof (info as Record<string, unknown>).answer_text === "string" ? ((info as Record<string, unknown>).answer_text as string) : null;
      const options = infoOptions(info);
      const label = options ? labelOf(gold, options) : null;
      goldText = answerText ?? (label && options ? options[label] : null);
    }
  }

  const orderKeys = new Map<string, { orderSeed: number | null; repeat: number; label: string }>();
  const byConfig = new Map<string, QuestionConfigRow>();
  for (const r of shown) {
    const orderSeed = num(r.order_seed);
    const repeat = Number(r.repeat);
    const ok = `${orderSeed ?? ""}|${repeat}`;
    if (!orderKeys.has(ok)) orderKeys.set(ok, { orderSeed, repeat, label: orderLabel(orderSeed, repeat) });
    let cfg = byConfig.get(r.config);
    if (!cfg) {
      cfg = { config: r.config, displayName: r.display_name, group: r.group, provenance: r.provenance, meanReward: null, nRewards: 0, answers: [] };
      byConfig.set(r.config, cfg);
    }
    let answer = cfg.answers.find((a) => a.orderSeed === orderSeed && a.repeat === repeat);
    if (!answer) {
      answer = { orderSeed, repeat, runId: Number(r.run_id), datasetKey: r.dataset_key, rollouts: [] };
      cfg.answers.push(answer);
    }
    answer.rollouts.push({
      rolloutIndex: Number(r.rollout_index),
      reward: num(r.reward),
      parsedAnswer: r.parsed_answer,
      chosenText: r.chosen_text,
      outputTokens: num(r.output_tokens),
      latencyMs: num(r.latency_ms),
      error: Boolean(r.has_error),
      excerpt: excerpt(r.excerpt),
    });
  }

  const configs = [...byConfig.values()];
  let allRight = 0;
  let someRight = 0;
  let noneRight = 0;
  let unscored = 0;
  for (const c of configs) {
    const rewards = c.answers.flatMap((a) => a.rollouts.map((x) => x.reward)).filter((x): x is number => x !== null);
    c.nRewards = rewards.length;
    c.meanReward = rewards.length ? rewards.reduce((s, x) => s + x, 0) / rewards.length : null;
    if (!rewards.length) unscored++;
    else if (rewards.every((x) => x >= 1)) allRight++;
    else if (rewards.some((x) => x >= 1)) someRight++;
    else noneRight++;
  }
  configs.sort(
    (a, b) =>
      (b.meanReward ?? -Infinity) - (a.meanReward ?? -Infinity) ||
      a.displayName.localeCompare(b.displayName, "en") ||
      a.config.localeCompare(b.config, "en"),
  );
  const scored = configs.filter((c) => c.meanReward !== null);
  const orders = [...orderKeys.values()].sort((a, b) => (a.orderSeed ?? -Infinity) - (b.orderSeed ?? -Infinity) || a.repeat - b.repeat);
  const setLabel = datasetLabel(setKey);

  return {
    kind: "question",
    benchmark,
    exampleId,
    set: { key: setKey, label: setLabel },
    sets,
    data,
    synthetic,
    hidden,
    prompt,
    promptRunId,
    gold,
    goldText,
    orders,
    configs,
    summary: {
      nConfigs: configs.length,
      meanReward: scored.length ? scored.reduce((s, c) => s + (c.meanReward as number), 0) / scored.length : null,
      allRight,
      someRight,
      noneRight,
      unscored,
    },
  };
}
