/**
 * One configuration's page (identity, rank and scores on both default boards with where it stands
 * per benchmark, tokens and latency, sampling arguments, siblings, suite coverage, runs) and the
 * index of configurations. Everything comes from the current snapshot's default boards, so the
 * numbers are the leaderboard's; runs and tokens follow the board's demo/real rule.
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { getBoardData, type BoardData } from "../boards/compute";
import { suiteVariants } from "../catalog";
import type { ModelGroup } from "../catalog/types";
import { buildCoverage, type CoverageRun } from "./config-coverage";
import { selectSiblings, type SiblingModel } from "./config-siblings";
import { compareSampling, parseJson, standing } from "./config-stats";
import { getStoredTokenStats } from "./config-tokens";
import type {
  Board,
  ConfigBenchmarkRow,
  ConfigBoardView,
  ConfigIndexRow,
  ConfigIndexView,
  ConfigRunRow,
  ConfigView,
  RunProvenance,
  RunStatus,
  SiblingBoardDelta,
  SiblingView,
} from "./config-types";
import { DEFAULT_LEADERBOARD_SETTINGS } from "./leaderboard-types";

export type * from "./config-types";

const BOARDS: Board[] = ["V", "OE"];

interface ConfigRow {
  slug: string;
  display_name: string;
  reasoning_effort: string | null;
  in_catalog: boolean;
  sampling_args: unknown;
  model_id: string;
  provider_id: string;
  model_name: string;
  org: string | null;
  group: ModelGroup | null;
  base_model_id: string | null;
  params_b: number | null;
  active_params_b: number | null;
  reasoning: boolean | null;
  open_weights: boolean | null;
  model_in_catalog: boolean;
}

interface RunRow {
  id: number;
  status: RunStatus;
  provenance: RunProvenance;
  superseded_by: number | null;
  expected_rows: number | null;
  observed_rows: number;
  observed_questions: number;
  ingested_at: string;
  sampling_args: unknown;
  dataset_key: string;
  env_id: string;
  variant_id: string;
  benchmark_slug: string;
  benchmark_name: string;
  subset: Board;
  sort_order: number;
  in_snapshot: boolean;
}

const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Every configuration with its model (the catalog's, synced, plus those an ingest created). */
async function loadConfigs(raw: RawClient): Promise<ConfigRow[]> {
  return raw.query<ConfigRow>(
    `select c.slug, c.display_name, c.reasoning_effort, c.in_catalog, c.sampling_args,
            m.id as model_id, m.provider_id, m.display_name as model_name, m.org, m."group", m.base_model_id,
            m.params_b, m.active_params_b, m.reasoning, m.open_weights, m.in_catalog as model_in_catalog
     from configs c join models m on m.id = c.model_id
     -- a configuration only a pending submission created is not public yet
     where c.in_catalog or exists (select 1 from runs u where u.config_slug = c.slug and u.status in ('published', 'superseded'))
     order by c.slug`,
  );
}

/** Every model (a base may have no configuration of its own: Phi-3.5-mini under MediPhi). */
async function loadModels(raw: RawClient): Promise<SiblingModel[]> {
  return raw.query<SiblingModel>(`select id, display_name as "displayName", "group", base_model_id as "baseModelId" from models`);
}

/** Both default boards, one after the other (they share the snapshot, which the first call may create). */
async function loadBoards(raw: RawClient): Promise<Record<Board, BoardData>> {
  const V = await getBoardData(raw, "V", DEFAULT_LEADERBOARD_SETTINGS);
  const OE = await getBoardData(raw, "OE", DEFAULT_LEADERBOARD_SETTINGS);
  return { V, OE };
}

async function benchmarkNames(raw: RawClient, slugs: string[]): Promise<Map<string, { name: string; sortOrder: number }>> {
  if (!slugs.length) return new Map();
  const rows = await raw.query<{ slug: string; name: string; sort_order: number }>(
    `select slug, name, sort_order from benchmarks where slug = any($1::text[])`,
    [slugs],
  );
  return new Map(rows.map((r) => [r.slug, { name: r.name, sortOrder: Number(r.sort_order) }]));
}

/** The board's benchmarks in catalog order: scored ones, then ones whose datasets were all dropped. */
function boardBenchmarks(data: BoardData, names: Map<string, { name: string; sortOrder: number }>): { slug: string; scored: boolean }[] {
  const scored = new Set(data.result.datasets.map((d) => d.benchmark));
  const droppedOnly = new Set(data.result.dropped.map((d) => d.benchmark).filter((b) => !scored.has(b)));
  const order = (a: string, b: string) => (names.get(a)?.sortOrder ?? 1e9) - (names.get(b)?.sortOrder ?? 1e9) || a.localeCompare(b);
  return [
    ...[...scored].sort(order).map((slug) => ({ slug, scored: true })),
    ...[...droppedOnly].sort(order).map((slug) => ({ slug, scored: false })),
  ];
}

function buildBoardView(
  board: Board,
  data: BoardData,
  slug: string,
  names: Map<string, { name: string; sortOrder: number }>,
  displayName: (config: string) => string,
): ConfigBoardView {
  const { result } = data;
  const own = result.configs.find((c) => c.config === slug) ?? null;
  const ranked = own !== null && own.rank !== null && own.weightedMean !== null;
  const scoresByBenchmark = new Map<string, { config: string; score: number; lo: number | null; hi: number | null }[]>();
  for (const b of result.benchmarks) {
    if (!scoresByBenchmark.has(b.benchmark)) scoresByBenchmark.set(b.benchmark, []);
    scoresByBenchmark.get(b.benchmark)!.push({ config: b.config, score: b.score, lo: b.ci?.lo ?? null, hi: b.ci?.hi ?? null });
  }
  const benchmarks: ConfigBenchmarkRow[] = boardBenchmarks(data, names).map(({ slug: bench, scored }) => {
    const all = scoresByBenchmark.get(bench) ?? [];
    const mine = all.find((s) => s.config === slug) ?? null;
    const st = standing(mine?.score ?? null, all.map((s) => s.score));
    let why: string | null = null;
    if (!mine) {
      const lacksIt = result.dropped.some((d) => d.benchmark === bench && d.missing.includes(slug));
      why =
        own === null
          ? "Not on this board: no scored run of this configuration"
          : scored
            ? "Not run"
            : lacksIt
              ? "Not run by this configuration (left out of the board: other configurations lack it too)"
              : "Left out of the board: some configurations have not run it";
    }
    return {
      slug: bench,
      name: names.get(bench)?.name ?? bench,
      scored,
      score: mine?.score ?? null,
      lo: mine?.lo ?? null,
      hi: mine?.hi ?? null,
      ...st,
      why,
    };
  });
  const tiedWith =
    own?.tieGroup === null || own?.tieGroup === undefined
      ? []
      : result.configs
          .filter((c) => c.config !== slug && c.tieGroup === own.tieGroup)
          .map((c) => ({ config: c.config, displayName: displayName(c.config), rank: c.rank }));
  return {
    board,
    synthetic: data.synthetic,
    computedAt: data.computedAt,
    nRanked: result.configs.filter((c) => c.rank !== null && c.weightedMean !== null).length,
    nBoardDatasets: result.datasets.length,
    ranked,
    rank: ranked ? own!.rank : null,
    rankLo: ranked ? (own!.rankInterval?.lo ?? own!.rank) : null,
    rankHi: ranked ? (own!.rankInterval?.hi ?? own!.rank) : null,
    tiedWith,
    winRate: own?.weightedMean ?? null,
    winRateLo: own?.ci?.lo ?? null,
    winRateHi: own?.ci?.hi ?? null,
    simpleWinRate: own?.simpleMean ?? null,
    nDatasets: own?.nDatasets ?? 0,
    outputTokensPerQuestion: data.outputTokens[slug] ?? null,
    benchmarks,
    droppedForThis: result.dropped.filter((d) => d.missing.includes(slug)).map((d) => ({ key: d.dataset, benchmark: d.benchmark })),
  };
}

function siblingDeltas(board: Board, data: BoardData, self: string, sibling: string, names: Map<string, { name: string; sortOrder: number }>): SiblingBoardDelta {
  const { result } = data;
  const a = result.configs.find((c) => c.config === self);
  const b = result.configs.find((c) => c.config === sibling);
  const scores = (config: string) => new Map(result.benchmarks.filter((s) => s.config === config).map((s) => [s.benchmark, s.score]));
  const mine = scores(self);
  const theirs = scores(sibling);
  const benchmarks = [...mine]
    .filter(([bench]) => theirs.has(bench))
    .map(([bench, score]) => ({ slug: bench, name: names.get(bench)?.name ?? bench, delta: score - theirs.get(bench)!, self: score, sibling: theirs.get(bench)! }))
    .sort((x, y) => (names.get(x.slug)?.sortOrder ?? 1e9) - (names.get(y.slug)?.sortOrder ?? 1e9) || x.slug.localeCompare(y.slug));
  const wa = a?.weightedMean ?? null;
  const wb = b?.weightedMean ?? null;
  return { board, siblingRank: b?.rank ?? null, winRateDelta: wa === null || wb === null ? null : wa - wb, benchmarks };
}

/** The configuration page's data; null for an unknown configuration slug. */
export async function getConfigView(slug: string, rawArg?: RawClient): Promise<ConfigView | null> {
  const raw = rawArg ?? (await getDbHandle()).raw;
  const configs = await loadConfigs(raw);
  const self = configs.find((c) => c.slug === slug);
  if (!self) return null;

  const models = await loadModels(raw);
  const boards = await loadBoards(raw);
  const snapshot = boards.V.snapshot;
  const runRows = await raw.query<RunRow>(
    `select u.id, u.status, u.provenance, u.superseded_by, u.expected_rows, u.observed_rows, u.observed_questions,
            to_json(u.ingested_at) #>> '{}' as ingested_at, u.sampling_args,
            d.key as dataset_key, d.env_id, d.variant_id,
            b.slug as benchmark_slug, b.name as benchmark_name, b.subset, b.sort_order,
            exists (select 1 from snapshot_runs s where s.snapshot_id = $2 and s.run_id = u.id) as in_snapshot
     from runs u
     join datasets d on d.id = u.dataset_id
     join benchmarks b on b.slug = d.benchmark_slug
     where u.config_slug = $1 and u.status in ('published', 'superseded') -- pending runs are not public
     order by case b.subset when 'V' then 0 else 1 end, b.sort_order, b.slug, d.key, u.id desc`,
    [slug, snapshot.id],
  );
  // The board shows either the demo runs or the real ones (compute.ts provenanceFilter): so do runs and tokens here.
  const onBoard = (r: RunRow) => r.in_snapshot && (r.provenance === "demo") === boards[r.subset].synthetic;
  const runs: ConfigRunRow[] = runRows.map((r) => ({
    id: Number(r.id),
    benchmark: { slug: r.benchmark_slug, name: r.benchmark_name, subset: r.subset },
    datasetKey: r.dataset_key,
    status: r.status,
    provenance: r.provenance,
    supersededBy: numOrNull(r.superseded_by),
    expectedRows: numOrNull(r.expected_rows),
    observedRows: Number(r.observed_rows),
    observedQuestions: Number(r.observed_questions),
    completeness: r.expected_rows ? Number(r.observed_rows) / Number(r.expected_rows) : null,
    ingestedAt: r.ingested_at,
    onBoard: onBoard(r),
  }));
  const shown = runRows.filter(onBoard);

  const benchSlugs = new Set<string>(runRows.map((r) => r.benchmark_slug));
  for (const b of BOARDS) {
    for (const d of boards[b].result.datasets) benchSlugs.add(d.benchmark);
    for (const d of boards[b].result.dropped) benchSlugs.add(d.benchmark);
  }
  const names = await benchmarkNames(raw, [...benchSlugs]);
  const displayNames = new Map(configs.map((c) => [c.slug, c.display_name]));
  const displayName = (c: string) => displayNames.get(c) ?? c;

  const boardViews = BOARDS.map((b) => buildBoardView(b, boards[b], slug, names, displayName));

  const siblings: SiblingView[] = selectSiblings(
    slug,
    configs.map((c) => ({ slug: c.slug, modelId: c.model_id, reasoningEffort: c.reasoning_effort, displayName: c.display_name })),
    models,
  ).map((pick) => {
    const c = configs.find((x) => x.slug === pick.slug)!;
    return {
      slug: pick.slug,
      displayName: c.display_name,
      kind: pick.kind,
      relation: pick.relation,
      reasoningEffort: c.reasoning_effort,
      group: c.group,
      onBoards: BOARDS.some((b) => boards[b].result.configs.some((x) => x.config === pick.slug)),
      boards: BOARDS.map((b) => siblingDeltas(b, boards[b], slug, pick.slug, names)),
    };
  });

  const coverage = BOARDS.map((b) => {
    const coverageRuns: CoverageRun[] = shown
      .filter((r) => r.subset === b && r.status === "published")
      .map((r) => ({
        id: Number(r.id), benchmark: r.benchmark_slug, envId: r.env_id, variantId: r.variant_id,
        observedRows: Number(r.observed_rows), expectedRows: numOrNull(r.expected_rows),
      }));
    return buildCoverage(b, suiteVariants(b), coverageRuns);
  });

  const tokens = await getStoredTokenStats(raw, shown.map((r) => Number(r.id)));
  const sampling = compareSampling(
    parseJson(self.sampling_args),
    shown.map((r) => ({ id: Number(r.id), args: parseJson(r.sampling_args) })),
  );

  return {
    slug: self.slug,
    displayName: self.display_name,
    inCatalog: self.in_catalog,
    reasoningEffort: self.reasoning_effort,
    model: {
      id: self.model_id,
      providerId: self.provider_id,
      displayName: self.model_name,
      org: self.org,
      group: self.group,
      paramsB: numOrNull(self.params_b),
      activeParamsB: numOrNull(self.active_params_b),
      openWeights: self.open_weights,
      reasoning: self.reasoning,
      inCatalog: self.model_in_catalog,
      base: self.base_model_id
        ? { id: self.base_model_id, displayName: models.find((m) => m.id === self.base_model_id)?.displayName ?? self.base_model_id }
        : null,
    },
    snapshot,
    synthetic: BOARDS.some((b) => boards[b].synthetic),
    sampling: { config: parseJson(self.sampling_args), ...sampling },
    boards: boardViews,
    tokens,
    siblings,
    coverage,
    runs,
  };
}

/** The index of configurations: every one with a published run, plus the catalog's without runs. */
export async function listConfigs(rawArg?: RawClient): Promise<ConfigIndexView> {
  const raw = rawArg ?? (await getDbHandle()).raw;
  const boards = await loadBoards(raw);
  const rows = await raw.query<ConfigRow & { published: number; demo: number }>(
    `select c.slug, c.display_name, c.reasoning_effort, c.in_catalog, c.sampling_args,
            m.id as model_id, m.provider_id, m.display_name as model_name, m.org, m."group", m.base_model_id,
            m.params_b, m.active_params_b, m.reasoning, m.open_weights, m.in_catalog as model_in_catalog,
            count(u.id)::int as published, (count(u.id) filter (where u.provenance = 'demo'))::int as demo
     from configs c
     join models m on m.id = c.model_id
     left join runs u on u.config_slug = c.slug and u.status = 'published'
     group by c.slug, m.id`,
  );
  const rankOf = (b: Board) => new Map(boards[b].result.configs.filter((c) => c.rank !== null && c.weightedMean !== null).map((c) => [c.config, c]));
  const ranks = { V: rankOf("V"), OE: rankOf("OE") };
  const out: ConfigIndexRow[] = rows
    .filter((r) => Number(r.published) > 0 || r.in_catalog)
    .map((r) => ({
      slug: r.slug,
      displayName: r.display_name,
      group: r.group,
      modelId: r.model_id,
      modelName: r.model_name,
      org: r.org,
      paramsB: numOrNull(r.params_b),
      reasoningEffort: r.reasoning_effort,
      inCatalog: r.in_catalog,
      publishedRuns: Number(r.published),
      demoOnly: Number(r.published) > 0 && Number(r.demo) === Number(r.published),
      rankV: ranks.V.get(r.slug)?.rank ?? null,
      rankOE: ranks.OE.get(r.slug)?.rank ?? null,
      winRateV: ranks.V.get(r.slug)?.weightedMean ?? null,
      winRateOE: ranks.OE.get(r.slug)?.weightedMean ?? null,
    }));
  const last = Number.MAX_SAFE_INTEGER;
  out.sort(
    (a, b) =>
      Number(b.publishedRuns > 0) - Number(a.publishedRuns > 0) ||
      (a.rankV ?? last) - (b.rankV ?? last) ||
      (a.rankOE ?? last) - (b.rankOE ?? last) ||
      a.displayName.localeCompare(b.displayName) ||
      a.slug.localeCompare(b.slug),
  );
  return {
    snapshot: boards.V.snapshot,
    synthetic: { V: boards.V.synthetic, OE: boards.OE.synthetic },
    ranked: { V: ranks.V.size, OE: ranks.OE.size },
    rows: out,
  };
}
