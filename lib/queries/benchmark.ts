/**
 * One benchmark's page: its catalog facts, its variants (with whether a published run exists), and
 * the ranking of configurations on this benchmark from the current snapshot's default board.
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { datasetLabel } from "./leaderboard";
import { getBoardData } from "../boards/compute";
import { benchmarks as catalogBenchmarks, getBenchmark } from "../catalog";
import type { ModelGroup, Subset } from "../catalog/types";
import { DEFAULT_LEADERBOARD_SETTINGS } from "./leaderboard-types";

export interface BenchmarkMetricView {
  key: string;
  description: string;
  scale: string;
  decimals: number;
}

export interface BenchmarkVariantView {
  envId: string;
  variantId: string;
  subtask: string;
  orderSeed: number | null;
  repeat: number;
  /** Questions in this variant of the full suite; null when unknown (benchmark not in the catalog). */
  nQuestions: number | null;
  /** Published runs of this variant (any configuration, any provenance). */
  publishedRuns: number;
  hasRun: boolean;
}

export interface BenchmarkRankingRow {
  /** 1-based; equal scores share a rank. */
  rank: number;
  config: string;
  displayName: string;
  group: ModelGroup | null;
  /** Mean over the benchmark's scored datasets of the config's average reward, in [0,1]. */
  score: number;
  lo: number | null;
  hi: number | null;
  /** Questions answered over the benchmark's datasets on the board. */
  n: number;
  /** Per scored dataset of the benchmark (same order as `board.datasets`); `runIds` are the published runs behind it (several when answer orders are folded). */
  datasets: { key: string; score: number | null; lo: number | null; hi: number | null; n: number; runIds: number[] }[];
}

export interface BenchmarkView {
  slug: string;
  name: string;
  subset: Subset;
  /** False for a benchmark known only from the database (auto-created by an ingest). */
  inCatalog: boolean;
  inThirty: boolean;
  medmarksT: boolean;
  taskType: string;
  metric: BenchmarkMetricView | null;
  judged: boolean;
  judgeModels: string[];
  nQuestions: number | null;
  nTraining: number | null;
  license: string | null;
  description: string | null;
  url: string | null;
  bibtex: string | null;
  variants: BenchmarkVariantView[];
  board: {
    subset: Subset;
    snapshotId: string;
    /** ISO timestamp of the snapshot (figure footers). */
    snapshotCreatedAt: string;
    synthetic: boolean;
    /** Datasets of this benchmark scored on the board (folded keys), with a short label. */
    datasets: { key: string; label: string; nQuestions: number }[];
    /** Datasets of this benchmark dropped by coverage, with the configurations lacking each. */
    dropped: { key: string; missing: string[] }[];
  };
  ranking: BenchmarkRankingRow[];
}


interface BenchmarkRow {
  slug: string;
  name: string;
  subset: Subset;
  in_thirty: boolean;
  medmarks_t: boolean;
  task_type: string;
  metric: unknown;
  judged: boolean;
  n_questions: number | null;
  n_training: number | null;
  license: string | null;
  description: string | null;
  url: string | null;
  bibtex: string | null;
}

function parseMetric(m: unknown): BenchmarkMetricView | null {
  const o = (typeof m === "string" ? JSON.parse(m) : m) as Partial<BenchmarkMetricView> | null;
  if (!o || typeof o !== "object" || typeof o.key !== "string") return null;
  return { key: o.key, description: o.description ?? "", scale: o.scale ?? "", decimals: typeof o.decimals === "number" ? o.decimals : 1 };
}

export async function getBenchmarkView(slug: string, rawArg?: RawClient): Promise<BenchmarkView | null> {
  const catalog = getBenchmark(slug);
  const raw = rawArg ?? (await getDbHandle()).raw;
  let dbRow: BenchmarkRow | undefined;
  if (!catalog) {
    [dbRow] = await raw.query<BenchmarkRow>(
      `select slug, name, subset, in_thirty, medmarks_t, task_type, metric, judged, n_questions, n_training, license, description, url, bibtex
       from benchmarks where slug = $1
         -- a benchmark only a pending submission created is not public yet
         and (in_catalog or exists (select 1 from datasets d join runs u on u.dataset_id = d.id where d.benchmark_slug = benchmarks.slug and u.status in ('published', 'superseded')))`,
      [slug],
    );
    if (!dbRow) return null;
  }
  const subset: Subset = catalog?.subset ?? dbRow!.subset;

  // Variants: the catalog's, each with its published runs; for DB-only benchmarks, the datasets rows.
  const dsRows = await raw.query<{ env_id: string; variant_id: string; subtask: string; order_seed: number | null; repeat: number; n_questions: number | null; runs: number }>(
    `select d.env_id, d.variant_id, d.subtask, d.order_seed, d.repeat, d.n_questions,
            count(u.id)::int as runs
     from datasets d left join runs u on u.dataset_id = d.id and u.status = 'published'
     where d.benchmark_slug = $1
     group by d.id, d.env_id, d.variant_id, d.subtask, d.order_seed, d.repeat, d.n_questions
     order by d.id`,
    [slug],
  );
  const runsByVariant = new Map(dsRows.map((d) => [`${d.env_id}\u0000${d.variant_id}`, Number(d.runs)]));
  const variants: BenchmarkVariantView[] = catalog
    ? catalog.variants.map((v) => {
        const runs = runsByVariant.get(`${v.envId}\u0000${v.variantId}`) ?? 0;
        return { envId: v.envId, variantId: v.variantId, subtask: v.subtask, orderSeed: v.orderSeed, repeat: v.repeat, nQuestions: v.nQuestions, publishedRuns: runs, hasRun: runs > 0 };
      })
    : dsRows.map((d) => ({
        envId: d.env_id,
        variantId: d.variant_id,
        subtask: d.subtask,
        orderSeed: d.order_seed === null ? null : Number(d.order_seed),
        repeat: Number(d.repeat),
        nQuestions: d.n_questions === null ? null : Number(d.n_questions),
        publishedRuns: Number(d.runs),
        hasRun: Number(d.runs) > 0,
      }));

  const { board, ranking } = await getBenchmarkRanking(raw, slug, subset);

  const facts = catalog
    ? {
        slug: catalog.slug,
        name: catalog.name,
        subset,
        inCatalog: true,
        inThirty: catalog.inThirty,
        medmarksT: catalog.medmarksT,
        taskType: catalog.taskType as string,
        metric: { key: catalog.metric.key, description: catalog.metric.description, scale: catalog.metric.scale, decimals: catalog.metric.decimals },
        judged: catalog.judged,
        judgeModels: [...catalog.judgeModels],
        nQuestions: catalog.nQuestions,
        nTraining: catalog.nTraining,
        license: catalog.license,
        description: catalog.description,
        url: catalog.url,
        bibtex: catalog.bibtex,
      }
    : {
        slug: dbRow!.slug,
        name: dbRow!.name,
        subset,
        inCatalog: false,
        inThirty: dbRow!.in_thirty,
        medmarksT: dbRow!.medmarks_t,
        taskType: dbRow!.task_type,
        metric: parseMetric(dbRow!.metric),
        judged: dbRow!.judged,
        judgeModels: [],
        nQuestions: dbRow!.n_questions === null ? null : Number(dbRow!.n_questions),
        nTraining: dbRow!.n_training === null ? null : Number(dbRow!.n_training),
        license: dbRow!.license,
        description: dbRow!.description,
        url: dbRow!.url,
        bibtex: dbRow!.bibtex,
      };

  return { ...facts, variants, board, ranking };
}

/** A published run of the benchmark in the current snapshot, of the provenance the board shows (demo or real). */
export interface BenchmarkRun {
  id: number;
  config: string;
  /** Separate-mode dataset key (`env::variant`). */
  key: string;
  /** Folded dataset key (`env::subtask`): answer orders and repeats pooled. */
  foldedKey: string;
  orderSeed: number | null;
  judgeModels: string[];
}

export interface BenchmarkRanking {
  board: BenchmarkView["board"];
  ranking: BenchmarkRankingRow[];
  /** The runs behind the ranking: every snapshot run of the benchmark under the board's demo/real rule. */
  runs: BenchmarkRun[];
}

/**
 * The ranking on one benchmark from the current snapshot's default board of its subset, and the
 * runs behind it. Shared by the benchmark page's ranking and its insight sections, so both read
 * the same runs.
 */
export async function getBenchmarkRanking(raw: RawClient, slug: string, subset: Subset): Promise<BenchmarkRanking> {
  const data = await getBoardData(raw, subset, DEFAULT_LEADERBOARD_SETTINGS);
  const { result } = data;
  const boardDatasets = result.datasets
    .filter((d) => d.benchmark === slug)
    .map((d) => ({ key: d.key, label: datasetLabel(d.key), nQuestions: d.nQuestions }));
  const cells = new Map(result.cells.filter((c) => c.benchmark === slug).map((c) => [`${c.config}\u0000${c.dataset}`, c]));
  const scores = result.benchmarks.filter((b) => b.benchmark === slug);

  const configNames = scores.map((s) => s.config);
  const configRows = configNames.length
    ? await raw.query<{ slug: string; display_name: string; group: string | null }>(
        `select c.slug, c.display_name, m."group" from configs c join models m on m.id = c.model_id where c.slug = any($1::text[])`,
        [configNames],
      )
    : [];
  const configInfo = new Map(configRows.map((c) => [c.slug, c]));

  // The published runs behind each (configuration, dataset), so every number links to its runs.
  const runRows = await raw.query<{ id: number; config: string; key: string; folded_key: string; order_seed: number | null; provenance: string; judge_models: string[] | null }>(
    `select u.id, u.config_slug as config, d.key, d.folded_key, d.order_seed, u.provenance, u.judge_models
     from snapshot_runs s join runs u on u.id = s.run_id join datasets d on d.id = u.dataset_id
     where s.snapshot_id = $1 and d.benchmark_slug = $2 order by u.id`,
    [data.snapshot.id, slug],
  );
  const runs: BenchmarkRun[] = runRows
    .filter((r) => (r.provenance === "demo") === data.synthetic) // the board shows either the demo runs or the real ones
    .map((r) => ({
      id: Number(r.id),
      config: r.config,
      key: r.key,
      foldedKey: r.folded_key,
      orderSeed: r.order_seed === null ? null : Number(r.order_seed),
      judgeModels: r.judge_models ?? [],
    }));
  const runsOf = new Map<string, number[]>();
  for (const r of runs) {
    for (const key of new Set([r.key, r.foldedKey])) {
      const k = `${r.config}\u0000${key}`;
      runsOf.set(k, [...(runsOf.get(k) ?? []), r.id]);
    }
  }

  const unranked = scores.map((s) => {
    const info = configInfo.get(s.config);
    const ds = boardDatasets.map((d) => {
      const cell = cells.get(`${s.config}\u0000${d.key}`);
      return {
        key: d.key, score: cell?.avgReward ?? null, lo: cell?.avgRewardCi?.lo ?? null, hi: cell?.avgRewardCi?.hi ?? null, n: cell?.nAnswered ?? 0,
        runIds: runsOf.get(`${s.config}\u0000${d.key}`) ?? [],
      };
    });
    return {
      config: s.config,
      displayName: info?.display_name ?? s.config,
      group: (info?.group as ModelGroup | null) ?? null,
      score: s.score,
      lo: s.ci?.lo ?? null,
      hi: s.ci?.hi ?? null,
      n: ds.reduce((n, d) => n + d.n, 0),
      datasets: ds,
    };
  });
  unranked.sort((a, b) => b.score - a.score || a.displayName.localeCompare(b.displayName) || a.config.localeCompare(b.config));
  const ranking: BenchmarkRankingRow[] = [];
  unranked.forEach((r, i) => {
    const prev = ranking[i - 1];
    ranking.push({ rank: prev && prev.score === r.score ? prev.rank : i + 1, ...r });
  });

  return {
    board: {
      subset,
      snapshotId: data.snapshot.id,
      snapshotCreatedAt: data.snapshot.createdAt,
      synthetic: data.synthetic,
      datasets: boardDatasets,
      dropped: result.dropped.filter((d) => d.benchmark === slug).map((d) => ({ key: d.dataset, missing: d.missing })),
    },
    ranking,
    runs,
  };
}

export interface BenchmarkIndexRow {
  slug: string;
  name: string;
  subset: Subset;
  inCatalog: boolean;
  inThirty: boolean;
  medmarksT: boolean;
  taskType: string;
  metricKey: string | null;
  nQuestions: number | null;
  license: string | null;
}

/** Every benchmark: the catalog's in catalog order, then DB-only ones; V first, then OE. */
export async function listBenchmarks(rawArg?: RawClient): Promise<BenchmarkIndexRow[]> {
  const raw = rawArg ?? (await getDbHandle()).raw;
  const known = new Set(catalogBenchmarks.map((b) => b.slug));
  const extra = await raw.query<BenchmarkRow & { sort_order: number }>(
    `select slug, name, subset, in_thirty, medmarks_t, task_type, metric, judged, n_questions, n_training, license, description, url, bibtex, sort_order
     from benchmarks
     where in_catalog or exists (select 1 from datasets d join runs u on u.dataset_id = d.id where d.benchmark_slug = benchmarks.slug and u.status in ('published', 'superseded'))
     order by sort_order, slug`,
  );
  const rows: BenchmarkIndexRow[] = [
    ...catalogBenchmarks.map((b) => ({
      slug: b.slug, name: b.name, subset: b.subset, inCatalog: true, inThirty: b.inThirty, medmarksT: b.medmarksT,
      taskType: b.taskType as string, metricKey: b.metric.key, nQuestions: b.nQuestions, license: b.license,
    })),
    ...extra
      .filter((b) => !known.has(b.slug))
      .map((b) => ({
        slug: b.slug, name: b.name, subset: b.subset, inCatalog: false, inThirty: b.in_thirty, medmarksT: b.medmarks_t,
        taskType: b.task_type, metricKey: parseMetric(b.metric)?.key ?? null,
        nQuestions: b.n_questions === null ? null : Number(b.n_questions), license: b.license,
      })),
  ];
  const order: Record<Subset, number> = { V: 0, OE: 1 };
  return rows.map((r, i) => ({ r, i })).sort((a, b) => order[a.r.subset] - order[b.r.subset] || a.i - b.i).map(({ r }) => r);
}
