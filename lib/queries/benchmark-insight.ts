/**
 * A benchmark's insight sections: per-subtask scores, the judges its runs used, question-level
 * insight (hardest, most discriminating, failed by every configuration) and score distributions.
 *
 * Read from the rollouts of the same runs as the benchmark's ranking (the current snapshot's
 * published runs of the benchmark, demo or real as the board shows). Answer orders and repeats
 * are folded: a configuration's score on a question is the mean of every reward it has for that
 * question over orders, repeats and rollouts (missing rewards skipped). The heavy part is one SQL
 * aggregation (rollouts → config × question → per config×subtask and per question), so no raw
 * rollout reaches JavaScript; question text is read only for the listed questions.
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { getBenchmark } from "../catalog";
import type { ModelGroup, Subset } from "../catalog/types";
import { getSnapshotView } from "../boards/view-cache";
import { getBenchmarkRanking } from "./benchmark";
import { datasetLabel } from "./leaderboard";
import {
  compareQuestions,
  discrimination,
  histogram,
  questionExcerpt,
  rankThirds,
  type HistogramBin,
} from "./benchmark-insight-stats";

export type { HistogramBin } from "./benchmark-insight-stats";

/** Rows per question list. */
export const QUESTION_LIST_LIMIT = 20;
/** A question enters the lists only when at least this many configurations have a score on it. */
export const MIN_CONFIGS_PER_QUESTION = 2;

export interface SubtaskColumn {
  /** Folded dataset key `env::subtask`. */
  key: string;
  label: string;
  /** Scored on the board (false: dropped because some configuration lacks it). */
  scored: boolean;
  /** Distinct questions with a score from any configuration. */
  nQuestions: number;
}

export interface SubtaskRow {
  config: string;
  displayName: string;
  group: ModelGroup | null;
  /** The configuration's benchmark score (see `BenchmarkInsight.scoreSource`); null when it has none. */
  score: number | null;
  /** Same order as `subtasks`; `mean` null = no run of that subtask. */
  cells: { key: string; mean: number | null; n: number }[];
}

export interface JudgeUse {
  model: string;
  /** Runs (of the ones behind the ranking) whose `env_args.judge_model` includes it. */
  runs: number;
  /** Listed among the suite config's judges for this benchmark. */
  inCatalog: boolean;
}

export interface JudgesView {
  models: JudgeUse[];
  /** The suite config's judges (catalog). */
  catalog: string[];
  /** Catalog judges no run used. */
  unused: string[];
  totalRuns: number;
  runsWithoutJudge: number;
}

export interface QuestionInsightRow {
  foldedKey: string;
  exampleId: string;
  /** Mean over configurations of the question's score. */
  mean: number;
  nConfigs: number;
  /** Mean among the top third minus mean among the bottom third (null: no configuration of one third answered it). */
  discrimination: number | null;
  /** Start of the question (last user message of an original-order prompt), plain untrusted text; null when no transcript is stored. */
  excerpt: string | null;
  /** The question page. */
  href: string;
}

export interface QuestionList {
  /** How many questions qualify (the list shows at most QUESTION_LIST_LIMIT). */
  total: number;
  rows: QuestionInsightRow[];
}

export interface BenchmarkInsight {
  slug: string;
  subset: Subset;
  snapshotId: string;
  synthetic: boolean;
  /** The metric is 0/1: "fails" = scores 0. Otherwise lists say "scores 0". */
  binaryMetric: boolean;
  /** Runs read (the ones behind the ranking). */
  runCount: number;
  /**
   * Where configuration scores come from: `board` = the ranking on the default board; `runs` = no
   * configuration is ranked (every dataset dropped by coverage), so scores are the mean over this
   * benchmark's subtasks of each configuration's mean question score.
   */
  scoreSource: "board" | "runs";
  subtasks: SubtaskColumn[];
  /** Configurations, best score first. */
  subtaskRows: SubtaskRow[];
  judges: JudgesView;
  questions: {
    /** Distinct questions (folded key + example id) with any score. */
    total: number;
    /** Of them, questions with scores from at least MIN_CONFIGS_PER_QUESTION configurations. */
    eligible: number;
    /** The configurations whose scores define discrimination; null with fewer than 3 ranked configurations. */
    thirds: { top: string[]; bottom: string[] } | null;
    hardest: QuestionList;
    discriminating: QuestionList;
    allFail: QuestionList;
  };
  distribution: {
    /** Configurations' benchmark scores (`scoreSource`). */
    configs: { n: number; bins: HistogramBin[] };
    /** Per question: mean score over the configurations that answered it (every question with a score). */
    questions: { n: number; bins: HistogramBin[] };
  };
}

/** A metric is 0/1 when its scale (catalog data) says so: "0/1 (correct option)", "0/1 (task success)". */
export function isBinaryScale(scale: string | null | undefined): boolean {
  return typeof scale === "string" && /^\s*0\s*\/\s*1(?![.\d])/.test(scale);
}

export function questionHref(slug: string, foldedKey: string, exampleId: string): string {
  return `/benchmarks/${slug}/questions/${encodeURIComponent(exampleId)}?set=${encodeURIComponent(foldedKey)}`;
}

interface AggRow {
  by_question: number;
  /** Index into the configuration list (config × subtask rows), null on question rows. */
  ci: number | null;
  /** Index into the folded-key list. */
  fi: number;
  example_id: string | null;
  mean: number;
  n: number;
  max_q: number;
  top_mean: number | null;
  bottom_mean: number | null;
}

/*
 * Runs are mapped to small integer ids for their configuration and folded key ($1 run ids, $2
 * config indexes, $3 folded-key indexes), and example ids are grouped in the "C" collation: the
 * grouping then compares integers and bytes, not locale-aware text (about 3× faster on 4.6M rollouts).
 */
const RUN_MAP_CTE = `
m as (select * from unnest($1::int[], $2::int[], $3::int[]) as m(run_id, ci, fi)),
cq as (
  select m.ci, m.fi, r.example_id collate "C" as example_id, avg(r.reward) as q
  from rollouts r join m on m.run_id = r.run_id
  where r.run_id = any($1::int[]) and r.reward is not null
  group by m.ci, m.fi, r.example_id collate "C"
)`;

/** rollouts → (config, folded key, example) means, then grouped per config×subtask and per question ($4/$5: top/bottom config indexes). */
const AGGREGATE_SQL = `
with ${RUN_MAP_CTE}
select grouping(ci) as by_question, ci, fi, example_id,
       avg(q) as mean, count(*)::int as n, max(q) as max_q,
       avg(q) filter (where ci = any($4::int[])) as top_mean,
       avg(q) filter (where ci = any($5::int[])) as bottom_mean
from cq
group by grouping sets ((ci, fi), (fi, example_id))`;

/** Per config: mean over its subtasks of its mean question score (used only when nobody is ranked). */
const CONFIG_SCORES_SQL = `
with ${RUN_MAP_CTE}
select ci, avg(m) as score from (select ci, fi, avg(q) as m from cq group by ci, fi) s group by ci`;

/** The last user message of one transcript per question: original order, repeat 0, lowest run id first. */
const EXCERPT_SQL = `
select q.fkey, q.example_id,
       (select e.m from jsonb_array_elements(case when jsonb_typeof(t.prompt) = 'array' then t.prompt else '[]'::jsonb end)
          with ordinality as e(m, i)
        where e.m->>'role' = 'user' order by e.i desc limit 1) as message,
       case when jsonb_typeof(t.prompt) = 'string' then t.prompt #>> '{}' end as prompt_text
from unnest($1::text[], $2::text[]) as q(fkey, example_id)
cross join lateral (
  select x.run_id, x.rollout_index
  from transcripts x join runs u on u.id = x.run_id join datasets d on d.id = u.dataset_id
  where x.run_id = any($3::int[]) and x.example_id = q.example_id and d.folded_key = q.fkey
  order by (d.order_seed is not null), d.repeat, x.run_id, x.rollout_index
  limit 1
) pick
join transcripts t on t.run_id = pick.run_id and t.example_id = q.example_id and t.rollout_index = pick.rollout_index`;

async function benchmarkBasics(raw: RawClient, slug: string) {
  const catalog = getBenchmark(slug);
  if (catalog) {
    return { subset: catalog.subset, scale: catalog.metric.scale, judgeModels: [...catalog.judgeModels], variantKeys: catalog.variants.map((v) => `${v.envId}::${v.subtask}`) };
  }
  const [row] = await raw.query<{ subset: Subset; scale: string | null }>(`select subset, metric->>'scale' as scale from benchmarks where slug = $1`, [slug]);
  return row ? { subset: row.subset, scale: row.scale, judgeModels: [] as string[], variantKeys: [] as string[] } : null;
}

function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/** Judges of the runs (env_args.judge_model), with how many runs used each, against the catalog's list. */
export function judgesOf(runs: { judgeModels: string[] }[], catalog: string[]): JudgesView {
  const counts = new Map<string, number>();
  let without = 0;
  for (const r of runs) {
    const models = [...new Set(r.judgeModels)];
    if (!models.length) without++;
    for (const m of models) counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const inCatalog = new Set(catalog);
  const models = [...counts]
    .map(([model, n]) => ({ model, runs: n, inCatalog: inCatalog.has(model) }))
    .sort((a, b) => b.runs - a.runs || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
  return { models, catalog: [...catalog], unused: catalog.filter((m) => !counts.has(m)), totalRuns: runs.length, runsWithoutJudge: without };
}

/** Bump when the insight's shape or definitions change: stored views of old snapshots are then recomputed. */
const INSIGHT_VERSION = "v1";

/**
 * The insight sections of `/benchmarks/[slug]`; null for an unknown benchmark. Reads the same runs
 * as `getBenchmarkView`'s ranking (see `getBenchmarkRanking`). Computed once per snapshot and
 * benchmark, then stored (`snapshot_views`): a snapshot's runs never change, so neither does this.
 */
export async function getBenchmarkInsight(slug: string, rawArg?: RawClient): Promise<BenchmarkInsight | null> {
  const raw = rawArg ?? (await getDbHandle()).raw;
  const basics = await benchmarkBasics(raw, slug);
  if (!basics) return null;
  const view = await getSnapshotView(raw, "benchmark-insight", `${INSIGHT_VERSION}|${slug}`, () => computeInsight(raw, slug, basics));
  return view.result;
}

async function computeInsight(raw: RawClient, slug: string, basics: NonNullable<Awaited<ReturnType<typeof benchmarkBasics>>>): Promise<BenchmarkInsight> {
  const { board, ranking, runs } = await getBenchmarkRanking(raw, slug, basics.subset);
  const runIds = runs.map((r) => r.id);
  // Small integer ids for the SQL grouping (see RUN_MAP_CTE).
  const configList = [...new Set(runs.map((r) => r.config))].sort();
  const keyList = [...new Set(runs.map((r) => r.foldedKey))].sort();
  const ci = new Map(configList.map((c, i) => [c, i]));
  const fi = new Map(keyList.map((k, i) => [k, i]));
  const runMap = [runIds, runs.map((r) => ci.get(r.config) as number), runs.map((r) => fi.get(r.foldedKey) as number)];

  // Configuration scores: the ranking's; when nobody is ranked, computed from the runs.
  let scoreSource: BenchmarkInsight["scoreSource"] = "board";
  let scored: { config: string; score: number }[] = ranking.map((r) => ({ config: r.config, score: r.score }));
  if (!scored.length && runIds.length) {
    scoreSource = "runs";
    const rows = await raw.query<{ ci: number; score: number | null }>(CONFIG_SCORES_SQL, runMap);
    scored = rows
      .filter((r) => r.score !== null)
      .map((r) => ({ config: configList[Number(r.ci)], score: Number(r.score) }))
      .sort((a, b) => b.score - a.score || (a.config < b.config ? -1 : a.config > b.config ? 1 : 0));
  }
  const thirdsOf = rankThirds(scored.map((s) => s.config));
  const thirds = thirdsOf ? { top: thirdsOf.top, bottom: thirdsOf.bottom } : null;
  const indexes = (configs: string[] | undefined) => (configs ?? []).filter((c) => ci.has(c)).map((c) => ci.get(c) as number);

  const agg = runIds.length ? await raw.query<AggRow>(AGGREGATE_SQL, [...runMap, indexes(thirds?.top), indexes(thirds?.bottom)]) : [];

  // Per config × subtask, and per question.
  const cellOf = new Map<string, { mean: number; n: number }>();
  const questionRows: QuestionInsightRow[] = [];
  const maxOf = new Map<string, number>();
  const nQuestionsOf = new Map<string, number>();
  for (const r of agg) {
    const fkey = keyList[Number(r.fi)];
    if (Number(r.by_question) === 0) {
      cellOf.set(`${configList[Number(r.ci)]}\u0000${fkey}`, { mean: Number(r.mean), n: Number(r.n) });
    } else {
      const exampleId = r.example_id as string;
      nQuestionsOf.set(fkey, (nQuestionsOf.get(fkey) ?? 0) + 1);
      questionRows.push({
        foldedKey: fkey,
        exampleId,
        mean: Number(r.mean),
        nConfigs: Number(r.n),
        discrimination: thirds ? discrimination(num(r.top_mean), num(r.bottom_mean)) : null,
        excerpt: null,
        href: questionHref(slug, fkey, exampleId),
      });
      maxOf.set(`${fkey}\u0000${exampleId}`, Number(r.max_q));
    }
  }

  // Subtask columns: the catalog's order, then any others by key.
  const order = new Map<string, number>();
  for (const k of [...basics.variantKeys, ...keyList]) if (!order.has(k)) order.set(k, order.size);
  const keys = [...keyList].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const labels = keys.map((k) => datasetLabel(k));
  const scoredKeys = new Set(board.datasets.map((d) => d.key));
  const subtasks: SubtaskColumn[] = keys.map((key, i) => ({
    key,
    label: labels.indexOf(labels[i]) === labels.lastIndexOf(labels[i]) ? labels[i] : key,
    scored: scoredKeys.has(key),
    nQuestions: nQuestionsOf.get(key) ?? 0,
  }));

  // Configurations: names for every one with a run; best score first, unscored after by name.
  const info = new Map(
    (configList.length
      ? await raw.query<{ slug: string; display_name: string; group: string | null }>(
          `select c.slug, c.display_name, m."group" from configs c join models m on m.id = c.model_id where c.slug = any($1::text[])`,
          [configList],
        )
      : []
    ).map((c) => [c.slug, c]),
  );
  const scoreOf = new Map(scored.map((s) => [s.config, s.score]));
  const rank = new Map(scored.map((s, i) => [s.config, i]));
  const subtaskRows: SubtaskRow[] = configList
    .map((config) => ({
      config,
      displayName: info.get(config)?.display_name ?? config,
      group: (info.get(config)?.group as ModelGroup | null) ?? null,
      score: scoreOf.get(config) ?? null,
      cells: keys.map((key) => {
        const c = cellOf.get(`${config}\u0000${key}`);
        return { key, mean: c?.mean ?? null, n: c?.n ?? 0 };
      }),
    }))
    .sort((a, b) => (rank.get(a.config) ?? Infinity) - (rank.get(b.config) ?? Infinity) || a.displayName.localeCompare(b.displayName) || a.config.localeCompare(b.config));

  // Question lists.
  const eligible = questionRows.filter((q) => q.nConfigs >= MIN_CONFIGS_PER_QUESTION);
  const hardestAll = [...eligible].sort((a, b) => a.mean - b.mean || compareQuestions(a, b));
  const discAll = eligible.filter((q) => q.discrimination !== null).sort((a, b) => (b.discrimination as number) - (a.discrimination as number) || compareQuestions(a, b));
  const failAll = eligible.filter((q) => (maxOf.get(`${q.foldedKey}\u0000${q.exampleId}`) ?? 1) <= 0).sort(compareQuestions);
  const lists = {
    hardest: { total: hardestAll.length, rows: hardestAll.slice(0, QUESTION_LIST_LIMIT) },
    discriminating: { total: discAll.length, rows: discAll.slice(0, QUESTION_LIST_LIMIT) },
    allFail: { total: failAll.length, rows: failAll.slice(0, QUESTION_LIST_LIMIT) },
  };

  // Excerpts for the listed questions only (one transcript each).
  const shown = new Map<string, QuestionInsightRow[]>();
  for (const list of Object.values(lists)) {
    for (const q of list.rows) {
      const k = `${q.foldedKey}\u0000${q.exampleId}`;
      shown.set(k, [...(shown.get(k) ?? []), q]);
    }
  }
  if (shown.size) {
    const pairs = [...shown.keys()].map((k) => k.split("\u0000"));
    const texts = await raw.query<{ fkey: string; example_id: string; message: unknown; prompt_text: string | null }>(EXCERPT_SQL, [
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
      runIds,
    ]);
    for (const t of texts) {
      const message = typeof t.message === "string" ? JSON.parse(t.message) : t.message;
      const excerpt = questionExcerpt(message ? [message] : t.prompt_text);
      for (const q of shown.get(`${t.fkey}\u0000${t.example_id}`) ?? []) q.excerpt = excerpt;
    }
  }

  const questionMeans = questionRows.map((q) => q.mean);
  return {
    slug,
    subset: basics.subset,
    snapshotId: board.snapshotId,
    synthetic: board.synthetic,
    binaryMetric: isBinaryScale(basics.scale),
    runCount: runs.length,
    scoreSource,
    subtasks,
    subtaskRows,
    judges: judgesOf(runs, basics.judgeModels),
    questions: { total: questionRows.length, eligible: eligible.length, thirds, ...lists },
    distribution: {
      configs: { n: scored.length, bins: histogram(scored.map((s) => s.score)) },
      questions: { n: questionMeans.length, bins: histogram(questionMeans) },
    },
  };
}

