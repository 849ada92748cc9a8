/**
 * Token usage and latency of a configuration's rollouts, overall and per board, aggregated in
 * SQL (a configuration can have a few hundred thousand rollouts: never ship them to JS).
 */
import { createHash } from "node:crypto";
import { getSnapshotView } from "../boards/view-cache";
import type { RawClient } from "../db/raw";
import type { TokenStats } from "./config-types";

interface TokenRow {
  scope: string;
  rollouts: number;
  with_output: number;
  mean_in: number | null;
  mean_out: number | null;
  reasoning_sum: number | null;
  output_with_reasoning_sum: number | null;
  with_reasoning: number;
  with_reasoning_text: number;
  with_latency: number;
  mean_latency: number | null;
  median_latency: number | null;
  per_question: number | null;
  questions: number | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function emptyStats(scope: TokenStats["scope"]): TokenStats {
  return {
    scope, rollouts: 0, rolloutsWithUsage: 0, meanInputPerRollout: null, meanOutputPerRollout: null, meanOutputPerQuestion: null,
    questions: 0, reasoningShare: null, rolloutsWithReasoningTokens: 0, rolloutsWithReasoningText: 0,
    meanLatencyMs: null, medianLatencyMs: null, rolloutsWithLatency: 0,
  };
}

/**
 * Stats over the rollouts of `runIds` (the runs the boards show): scope `all`, then `V`, `OE`.
 * A question is (folded dataset, example id), so its answer orders and repeats pool, as on the board.
 * The reasoning share counts only rollouts whose provider reported reasoning tokens; none → null ("unknown").
 */
export async function getTokenStats(raw: RawClient, runIds: readonly number[]): Promise<TokenStats[]> {
  const scopes: TokenStats["scope"][] = ["all", "V", "OE"];
  if (!runIds.length) return scopes.map(emptyStats);
  const rows = await raw.query<TokenRow>(
    `with r as (
       select b.subset, d.folded_key, x.example_id, x.input_tokens, x.output_tokens, x.reasoning_tokens, x.latency_ms, x.has_reasoning
       from rollouts x
       join runs u on u.id = x.run_id
       join datasets d on d.id = u.dataset_id
       join benchmarks b on b.slug = d.benchmark_slug
       where x.run_id = any($1::int[])
     ), q as (
       select subset, folded_key, example_id, avg(output_tokens)::float8 as out
       from r where output_tokens is not null
       group by subset, folded_key, example_id
     ), t as (
       select coalesce(subset, 'all') as scope,
              count(*)::int as rollouts,
              count(output_tokens)::int as with_output,
              avg(input_tokens)::float8 as mean_in,
              avg(output_tokens)::float8 as mean_out,
              (sum(reasoning_tokens) filter (where output_tokens is not null))::float8 as reasoning_sum,
              (sum(output_tokens) filter (where reasoning_tokens is not null))::float8 as output_with_reasoning_sum,
              (count(*) filter (where reasoning_tokens is not null and output_tokens is not null))::int as with_reasoning,
              (count(*) filter (where has_reasoning))::int as with_reasoning_text,
              count(latency_ms)::int as with_latency,
              avg(latency_ms)::float8 as mean_latency,
              (percentile_cont(0.5) within group (order by latency_ms))::float8 as median_latency
       from r group by grouping sets ((subset), ())
     ), qq as (
       select coalesce(subset, 'all') as scope, avg(out)::float8 as per_question, count(*)::int as questions
       from q group by grouping sets ((subset), ())
     )
     select t.*, qq.per_question, qq.questions from t left join qq on qq.scope = t.scope`,
    [runIds],
  );
  const byScope = new Map(rows.map((r) => [r.scope, r]));
  return scopes.map((scope) => {
    const r = byScope.get(scope);
    if (!r || Number(r.rollouts) === 0) return emptyStats(scope);
    const withReasoning = Number(r.with_reasoning);
    const outWithReasoning = num(r.output_with_reasoning_sum);
    return {
      scope,
      rollouts: Number(r.rollouts),
      rolloutsWithUsage: Number(r.with_output),
      meanInputPerRollout: num(r.mean_in),
      meanOutputPerRollout: num(r.mean_out),
      meanOutputPerQuestion: num(r.per_question),
      questions: Number(r.questions ?? 0),
      reasoningShare: withReasoning > 0 && outWithReasoning ? (num(r.reasoning_sum) ?? 0) / outWithReasoning : null,
      rolloutsWithReasoningTokens: withReasoning,
      rolloutsWithReasoningText: Number(r.with_reasoning_text),
      meanLatencyMs: num(r.mean_latency),
      medianLatencyMs: num(r.median_latency),
      rolloutsWithLatency: Number(r.with_latency),
    };
  });
}

/**
 * `getTokenStats`, computed once and stored (view `config-tokens`, keyed by the run ids: a run's
 * rollouts never change). At full scale a configuration has ~135k rollouts and the aggregation
 * takes most of a second, on every configuration page and API request without this.
 */
export async function getStoredTokenStats(raw: RawClient, runIds: readonly number[]): Promise<TokenStats[]> {
  if (!runIds.length) return getTokenStats(raw, runIds);
  const ids = [...runIds].sort((a, b) => a - b);
  const key = `v1|${ids.length}|${createHash("sha256").update(ids.join(",")).digest("hex").slice(0, 32)}`;
  return (await getSnapshotView(raw, "config-tokens", key, () => getTokenStats(raw, ids))).result;
}
