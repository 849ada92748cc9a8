/** The V / OE leaderboard: one board result of the current snapshot, shaped for the page and the API. */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { getBoardData } from "../boards/compute";
import type { ModelGroup } from "../catalog/types";
import {
  DEFAULT_LEADERBOARD_SETTINGS,
  type Board,
  type CellScore,
  type LeaderboardBenchmark,
  type LeaderboardRow,
  type LeaderboardSettings,
  type LeaderboardView,
} from "./leaderboard-types";

export { DEFAULT_LEADERBOARD_SETTINGS };

const sameSettings = (a: LeaderboardSettings, b: LeaderboardSettings) =>
  a.weights === b.weights && (a.weights !== "cap" || a.cap === b.cap) && a.coverage === b.coverage && a.orders === b.orders && a.missing === b.missing;

/** Short label of a dataset key within its benchmark: `medqa::shuffle_seed-1618` → `shuffle_seed-1618`. */
export function datasetLabel(key: string): string {
  const variant = key.split("::")[1] ?? key;
  return variant === "base" ? "all" : variant;
}

export async function getLeaderboard(board: Board, settings: LeaderboardSettings, rawArg?: RawClient): Promise<LeaderboardView> {
  const raw = rawArg ?? (await getDbHandle()).raw;
  const data = await getBoardData(raw, board, settings);
  const reference = sameSettings(settings, DEFAULT_LEADERBOARD_SETTINGS)
    ? null
    : await getBoardData(raw, board, { ...DEFAULT_LEADERBOARD_SETTINGS, data: settings.data });
  const { result } = data;

  const configNames = result.configs.map((c) => c.config);
  const benchmarkSlugs = [...new Set(result.datasets.map((d) => d.benchmark))];
  const [configRows, benchRows] = await Promise.all([
    configNames.length
      ? raw.query<{ slug: string; display_name: string; reasoning_effort: string | null; in_catalog: boolean; model_id: string; model_name: string; org: string | null; group: string | null; params_b: number | null }>(
          `select c.slug, c.display_name, c.reasoning_effort, c.in_catalog, m.id as model_id, m.display_name as model_name, m.org, m."group", m.params_b
           from configs c join models m on m.id = c.model_id where c.slug = any($1::text[])`,
          [configNames],
        )
      : Promise.resolve([]),
    benchmarkSlugs.length
      ? raw.query<{ slug: string; name: string; task_type: string; in_thirty: boolean; in_catalog: boolean; sort_order: number }>(
          `select slug, name, task_type, in_thirty, in_catalog, sort_order from benchmarks where slug = any($1::text[]) order by sort_order, slug`,
          [benchmarkSlugs],
        )
      : Promise.resolve([]),
  ]);
  const configInfo = new Map(configRows.map((c) => [c.slug, c]));

  const benchmarks: LeaderboardBenchmark[] = benchRows.map((b) => ({
    slug: b.slug,
    name: b.name,
    taskType: b.task_type,
    inThirty: b.in_thirty,
    inCatalog: b.in_catalog,
    datasets: result.datasets.filter((d) => d.benchmark === b.slug).map((d) => ({ key: d.key, label: datasetLabel(d.key) })),
  }));

  const cellsByConfig = new Map<string, Map<string, (typeof result.cells)[number]>>();
  for (const c of result.cells) {
    if (!cellsByConfig.has(c.config)) cellsByConfig.set(c.config, new Map());
    cellsByConfig.get(c.config)!.set(c.dataset, c);
  }
  const benchScore = new Map(result.benchmarks.map((b) => [`${b.config}\u0000${b.benchmark}`, b]));
  const referenceRank = new Map(reference?.result.configs.map((c) => [c.config, c.rank]) ?? []);

  const rows: LeaderboardRow[] = result.configs
    .filter((c) => c.rank !== null && c.weightedMean !== null)
    .map((c) => {
      const info = configInfo.get(c.config);
      const cells = cellsByConfig.get(c.config);
      const perBenchmark: Record<string, CellScore | null> = {};
      const scores: number[] = [];
      for (const b of benchmarks) {
        const s = benchScore.get(`${c.config}\u0000${b.slug}`);
        if (!s) {
          perBenchmark[b.slug] = null;
          continue;
        }
        scores.push(s.score);
        const ds = b.datasets.map((d) => {
          const cell = cells?.get(d.key);
          return { key: d.key, label: d.label, score: cell?.avgReward ?? null, n: cell?.nAnswered ?? 0 };
        });
        perBenchmark[b.slug] = { score: s.score, lo: s.ci?.lo ?? null, hi: s.ci?.hi ?? null, n: ds.reduce((n, d) => n + d.n, 0), datasets: ds };
      }
      const before = referenceRank.get(c.config);
      return {
        rank: c.rank!,
        rankLo: c.rankInterval?.lo ?? c.rank!,
        rankHi: c.rankInterval?.hi ?? c.rank!,
        tieGroup: c.tieGroup ?? c.rank!,
        config: c.config,
        displayName: info?.display_name ?? c.config,
        modelId: info?.model_id ?? c.config,
        modelName: info?.model_name ?? c.config,
        org: info?.org ?? null,
        group: (info?.group as ModelGroup | null) ?? null,
        reasoningEffort: info?.reasoning_effort ?? null,
        paramsB: info?.params_b === null || info?.params_b === undefined ? null : Number(info.params_b),
        inCatalog: info?.in_catalog ?? false,
        weighted: c.weightedMean!,
        weightedLo: c.ci?.lo ?? null,
        weightedHi: c.ci?.hi ?? null,
        simple: c.simpleMean ?? c.weightedMean!,
        nDatasets: c.nDatasets,
        meanScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
        meanOutputTokens: data.outputTokens[c.config] ?? null,
        benchmarks: perBenchmark,
        rankChange: reference ? (before ?? c.rank!) - c.rank! : null,
        synthetic: data.synthetic,
      };
    });

  return {
    board,
    settings,
    snapshot: data.snapshot,
    synthetic: data.synthetic,
    benchmarks,
    rows,
    dropped: result.dropped.map((d) => ({ key: d.dataset, benchmark: d.benchmark, missing: d.missing })),
    replicates: result.bootstrap?.replicates ?? 0,
    computedAt: data.computedAt,
  };
}
