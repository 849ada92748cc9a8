/**
 * Token efficiency (spec §5): per configuration, y = the board's weighted mean win rate (or one
 * benchmark's mean score) against x = mean output tokens per question (or input + output tokens,
 * or latency), with the Pareto frontier and the reasoning-effort ladders.
 *
 * x: per (config, dataset) the mean over questions of each question's mean over its rollouts,
 * computed in SQL from the snapshot's runs the board shows (demo or real, the provenance rule) with
 * the board's dataset keys (answer orders and repeats folded under the default settings); then the
 * weighted mean over the board's datasets with the board's weights (`result.datasets[].weight`)
 * where the config has usage. Definitions: lib/scoring/METHODS.md, "Token efficiency".
 *
 * Both steps are stored per snapshot (`snapshot_views`): `efficiency-usage` per board (one scan of
 * the rollouts), `efficiency` per (board, benchmark, x).
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { getBoardData, settingsKey, type BoardData } from "../boards/compute";
import { getSnapshotView } from "../boards/view-cache";
import type { ModelGroup } from "../catalog/types";
import { DEFAULT_LEADERBOARD_SETTINGS } from "./leaderboard-types";
import { buildEfficiency, type ConfigInfo, type DatasetUsage } from "./efficiency-build";
import type { EfficiencyBoard, EfficiencyParams, EfficiencyResult, EfficiencyView } from "./efficiency-types";

export type { EfficiencyView, EfficiencyParams } from "./efficiency-types";

const VERSION = "v1";
const SETTINGS = DEFAULT_LEADERBOARD_SETTINGS;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Per (config, dataset) usage means of the board's datasets, from the runs the board shows.
 * Each rollout's quantity is averaged per question first (nulls skipped; a question with none is
 * left out), then over the dataset's questions.
 */
export async function loadDatasetUsage(raw: RawClient, board: EfficiencyBoard, data: BoardData): Promise<DatasetUsage[]> {
  const keys = data.result.datasets.map((d) => d.key);
  if (!keys.length) return [];
  const keyCol = SETTINGS.orders === "folded" ? "d.folded_key" : "d.key";
  const provenance = data.provenanceSql; // exactly the board's runs
  const rows = await raw.query<{
    config: string;
    key: string;
    output: number | null;
    total: number | null;
    latency: number | null;
    n_questions: number;
    n_output: number;
    n_total: number;
    n_latency: number;
  }>(
    `with q as (
       select u.config_slug as config, ${keyCol} as key, x.example_id,
              avg(x.output_tokens) as output,
              avg(x.input_tokens::bigint + x.output_tokens) as total,
              avg(x.latency_ms) as latency_ms
       from snapshot_runs s
       join runs u on u.id = s.run_id
       join datasets d on d.id = u.dataset_id
       join benchmarks b on b.slug = d.benchmark_slug
       join rollouts x on x.run_id = u.id
       where s.snapshot_id = $1 and b.subset = $2 and ${keyCol} = any($3::text[]) ${provenance}
       group by 1, 2, 3
     )
     select config, key,
            avg(output)::float8 as output, avg(total)::float8 as total, (avg(latency_ms) / 1000)::float8 as latency,
            count(*)::int as n_questions, count(output)::int as n_output, count(total)::int as n_total, count(latency_ms)::int as n_latency
     from q group by config, key order by config, key`,
    [data.snapshot.id, board, keys],
  );
  return rows.map((r) => ({
    config: r.config,
    key: r.key,
    output: num(r.output),
    total: num(r.total),
    latency: num(r.latency),
    nQuestions: Number(r.n_questions),
    nOutput: Number(r.n_output),
    nTotal: Number(r.n_total),
    nLatency: Number(r.n_latency),
  }));
}

async function configInfo(raw: RawClient, configs: string[]): Promise<Map<string, ConfigInfo>> {
  if (!configs.length) return new Map();
  const rows = await raw.query<{ slug: string; display_name: string; reasoning_effort: string | null; model_id: string; model_name: string; group: string | null }>(
    `select c.slug, c.display_name, c.reasoning_effort, m.id as model_id, m.display_name as model_name, m."group"
     from configs c join models m on m.id = c.model_id where c.slug = any($1::text[])`,
    [configs],
  );
  return new Map(
    rows.map((r) => [
      r.slug,
      { displayName: r.display_name, modelId: r.model_id, modelName: r.model_name, group: (r.group as ModelGroup | null) ?? null, effort: r.reasoning_effort },
    ]),
  );
}

async function boardBenchmarks(raw: RawClient, slugs: string[]): Promise<{ slug: string; name: string }[]> {
  if (!slugs.length) return [];
  const rows = await raw.query<{ slug: string; name: string }>(
    `select slug, name from benchmarks where slug = any($1::text[]) order by sort_order, slug`,
    [slugs],
  );
  return rows.map((r) => ({ slug: r.slug, name: r.name }));
}

/** The benchmark's board and name, or null when no such benchmark exists. */
async function findBenchmark(raw: RawClient, slug: string): Promise<{ slug: string; name: string; subset: EfficiencyBoard } | null> {
  const [row] = await raw.query<{ slug: string; name: string; subset: EfficiencyBoard }>(`select slug, name, subset from benchmarks where slug = $1`, [slug]);
  return row ?? null;
}

async function computeEfficiency(raw: RawClient, board: EfficiencyBoard, benchmark: { slug: string; name: string } | null, x: EfficiencyParams["x"]): Promise<EfficiencyResult> {
  const data = await getBoardData(raw, board, SETTINGS);
  const usage = await getSnapshotView(raw, "efficiency-usage", `${VERSION}|${board}|${settingsKey(SETTINGS)}`, () => loadDatasetUsage(raw, board, data));
  const { result } = data;
  const configs = [...new Set([...result.configs.map((c) => c.config), ...result.benchmarks.map((b) => b.config)])];
  const [info, benchmarks] = await Promise.all([configInfo(raw, configs), boardBenchmarks(raw, [...new Set(result.datasets.map((d) => d.benchmark))])]);
  return buildEfficiency({ board, x, result, synthetic: data.synthetic, usage: usage.result, configInfo: info, benchmark, benchmarks });
}

/**
 * The efficiency view of the current snapshot. With `benchmark`, y is that benchmark's mean score
 * and x averages over its datasets only; the board is the benchmark's own (a V benchmark asked
 * for with `board: "OE"` shows on V). An unknown benchmark is ignored (`unknownBenchmark`).
 */
export async function getEfficiency(params: EfficiencyParams, rawArg?: RawClient): Promise<EfficiencyView> {
  const raw = rawArg ?? (await getDbHandle()).raw;
  let board = params.board;
  let benchmark: { slug: string; name: string } | null = null;
  let unknownBenchmark: string | null = null;
  if (params.benchmark) {
    const found = await findBenchmark(raw, params.benchmark);
    if (found) {
      board = found.subset;
      benchmark = { slug: found.slug, name: found.name };
    } else unknownBenchmark = params.benchmark;
  }
  const key = `${VERSION}|${board}|${settingsKey(SETTINGS)}|${benchmark?.slug ?? "*"}|${params.x}`;
  const view = await getSnapshotView(raw, "efficiency", key, () => computeEfficiency(raw, board, benchmark, params.x));
  return { ...view.result, snapshot: view.snapshot, computedAt: view.computedAt, unknownBenchmark };
}
