/** One run's provenance and summary numbers (the run page). */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";

export type RunStatus = "published" | "pending" | "superseded" | "rejected";
export type RunProvenance = "official" | "community" | "demo";

export interface RunSummary {
  id: number;
  status: RunStatus;
  /** The run that replaced this one, when superseded. */
  supersededBy: number | null;
  /** Runs this one replaced (ascending id). */
  supersedes: number[];
  provenance: RunProvenance;
  format: string;
  contentSha256: string;
  source: string;
  /** ISO timestamps. */
  ingestedAt: string;
  runAt: string | null;
  expectedRows: number | null;
  observedRows: number;
  observedQuestions: number;
  /** observed / expected rows in [0, 1]; null when expected is unknown or 0. */
  completeness: number | null;
  providerModel: string;
  config: { slug: string; displayName: string; group: string | null; inCatalog: boolean };
  benchmark: { slug: string; name: string; subset: "V" | "OE" };
  dataset: { id: number; key: string; subtask: string; orderSeed: number | null; repeat: number };
  envArgs: unknown;
  samplingArgs: unknown;
  judgeModels: string[];
  versionInfo: unknown;
  /** avg_reward as stated in metadata.json. */
  avgRewardMetadata: number | null;
  /** Computed from rollouts. */
  stats: {
    /** Mean over questions of the per-question mean reward (null rewards ignored). */
    meanReward: number | null;
    errors: number;
    truncated: number;
    meanOutputTokens: number | null;
    meanLatencyMs: number | null;
  };
}

interface RunRow {
  id: number;
  status: RunStatus;
  superseded_by: number | null;
  provenance: RunProvenance;
  format: string;
  content_sha256: string;
  source: string;
  ingested_at: string;
  run_at: string | null;
  expected_rows: number | null;
  observed_rows: number;
  observed_questions: number;
  provider_model: string;
  env_args: unknown;
  sampling_args: unknown;
  judge_models: string[] | null;
  version_info: unknown;
  avg_reward: number | null;
  config_slug: string;
  config_name: string;
  config_in_catalog: boolean;
  model_group: string | null;
  benchmark_slug: string;
  benchmark_name: string;
  benchmark_subset: "V" | "OE";
  dataset_id: number;
  dataset_key: string;
  subtask: string;
  order_seed: number | null;
  repeat: number;
}

interface StatsRow {
  mean_reward: number | null;
  errors: number;
  truncated: number;
  mean_output_tokens: number | null;
  mean_latency_ms: number | null;
}

export async function getRun(id: number, rawArg?: RawClient): Promise<RunSummary | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const raw = rawArg ?? (await getDbHandle()).raw;
  const [rows, supersededRows, statsRows] = await Promise.all([
    raw.query<RunRow>(
      `select r.id, r.status, r.superseded_by, r.provenance, r.format, r.content_sha256, r.source,
              to_json(r.ingested_at) #>> '{}' as ingested_at, to_json(r.run_at) #>> '{}' as run_at,
              r.expected_rows, r.observed_rows, r.observed_questions, r.provider_model,
              r.env_args, r.sampling_args, r.judge_models, r.version_info, r.avg_reward::float8 as avg_reward,
              c.slug as config_slug, c.display_name as config_name, c.in_catalog as config_in_catalog, m."group" as model_group,
              b.slug as benchmark_slug, b.name as benchmark_name, b.subset as benchmark_subset,
              d.id as dataset_id, d.key as dataset_key, d.subtask, d.order_seed, d.repeat::int as repeat
       from runs r
       join configs c on c.slug = r.config_slug
       join models m on m.id = c.model_id
       join datasets d on d.id = r.dataset_id
       join benchmarks b on b.slug = d.benchmark_slug
       where r.id = $1`,
      [id],
    ),
    raw.query<{ id: number }>(`select id from runs where superseded_by = $1 order by id`, [id]),
    raw.query<StatsRow>(
      `with q as (
         select example_id, avg(reward) as r from rollouts where run_id = $1 group by example_id
       )
       select (select avg(r)::float8 from q) as mean_reward,
              (count(*) filter (where error is not null and error <> ''))::int as errors,
              (count(*) filter (where truncated))::int as truncated,
              avg(output_tokens)::float8 as mean_output_tokens,
              avg(latency_ms)::float8 as mean_latency_ms
       from rollouts where run_id = $1`,
      [id],
    ),
  ]);
  const r = rows[0];
  if (!r) return null;
  const s = statsRows[0];
  return {
    id: r.id,
    status: r.status,
    supersededBy: r.superseded_by,
    supersedes: supersededRows.map((x) => x.id),
    provenance: r.provenance,
    format: r.format,
    contentSha256: r.content_sha256,
    source: r.source,
    ingestedAt: r.ingested_at,
    runAt: r.run_at,
    expectedRows: r.expected_rows,
    observedRows: r.observed_rows,
    observedQuestions: r.observed_questions,
    completeness: r.expected_rows ? r.observed_rows / r.expected_rows : null,
    providerModel: r.provider_model,
    config: { slug: r.config_slug, displayName: r.config_name, group: r.model_group, inCatalog: r.config_in_catalog },
    benchmark: { slug: r.benchmark_slug, name: r.benchmark_name, subset: r.benchmark_subset },
    dataset: { id: r.dataset_id, key: r.dataset_key, subtask: r.subtask, orderSeed: r.order_seed, repeat: r.repeat },
    envArgs: r.env_args,
    samplingArgs: r.sampling_args,
    judgeModels: r.judge_models ?? [],
    versionInfo: r.version_info,
    avgRewardMetadata: r.avg_reward,
    stats: {
      meanReward: s?.mean_reward ?? null,
      errors: s?.errors ?? 0,
      truncated: s?.truncated ?? 0,
      meanOutputTokens: s?.mean_output_tokens ?? null,
      meanLatencyMs: s?.mean_latency_ms ?? null,
    },
  };
}
