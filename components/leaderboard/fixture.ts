/**
 * TEST FIXTURE ONLY: a synthetic, deterministic `LeaderboardView` for unit tests and visual
 * checks of the leaderboard components. Never imported by pages or the API. The numbers are
 * made up; every row is marked `synthetic: true`.
 */
import type { ModelGroup } from "@/lib/catalog/types";
import type {
  Board,
  CellScore,
  LeaderboardBenchmark,
  LeaderboardRow,
  LeaderboardView,
} from "@/lib/queries/leaderboard-types";
import { DEFAULT_LEADERBOARD_SETTINGS } from "@/lib/queries/leaderboard-types";

/** mulberry32: a tiny seeded PRNG so the fixture is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIXTURE_BENCHMARKS: LeaderboardBenchmark[] = [
  { slug: "medqa", name: "MedQA", taskType: "mcq", inThirty: true, inCatalog: true, datasets: [{ key: "medqa::base", label: "base" }] },
  { slug: "pubmedqa", name: "PubMedQA", taskType: "mcq", inThirty: true, inCatalog: true, datasets: [{ key: "pubmedqa::base", label: "base" }] },
  {
    slug: "medhallu",
    name: "MedHallu",
    taskType: "hallucination-detection",
    inThirty: true,
    inCatalog: true,
    datasets: [
      { key: "medhallu::easy", label: "easy" },
      { key: "medhallu::medium", label: "medium" },
      { key: "medhallu::hard", label: "hard" },
    ],
  },
  {
    slug: "longhealth",
    name: "LongHealth",
    taskType: "mcq",
    inThirty: true,
    inCatalog: true,
    datasets: [
      { key: "longhealth::task1", label: "task1" },
      { key: "longhealth::task2", label: "task2" },
    ],
  },
  {
    slug: "medcalc_bench",
    name: "MedCalc-Bench",
    taskType: "calculation",
    inThirty: true,
    inCatalog: true,
    datasets: [{ key: "medcalc_bench::version-1.2", label: "version-1.2" }],
  },
  { slug: "sctpublic", name: "SCTPublic", taskType: "script-concordance", inThirty: true, inCatalog: true, datasets: [{ key: "sctpublic::base", label: "base" }] },
];

interface FixtureConfig {
  config: string;
  displayName: string;
  modelId: string;
  org: string | null;
  group: ModelGroup | null;
  effort: string | null;
  paramsB: number | null;
  inCatalog?: boolean;
  skill: number;
  tokens?: number | null;
  missing?: string[];
}

const FIXTURE_CONFIGS: FixtureConfig[] = [
  { config: "gpt-5-high", displayName: "GPT-5 (high)", modelId: "openai/gpt-5", org: "OpenAI", group: "proprietary", effort: "high", paramsB: null, skill: 0.9, tokens: 4200 },
  { config: "gpt-5-low", displayName: "GPT-5 (low)", modelId: "openai/gpt-5", org: "OpenAI", group: "proprietary", effort: "low", paramsB: null, skill: 0.86, tokens: 1200 },
  { config: "gemini-3-pro-preview", displayName: "Gemini 3 Pro (preview)", modelId: "google/gemini-3-pro-preview", org: "Google", group: "proprietary", effort: null, paramsB: null, skill: 0.88, tokens: 3100 },
  { config: "gpt-oss-120b-high", displayName: "gpt-oss-120b (high)", modelId: "openai/gpt-oss-120b", org: "OpenAI", group: "open-weight", effort: "high", paramsB: 117, skill: 0.8, tokens: 2900 },
  { config: "gpt-oss-20b-low", displayName: "gpt-oss-20b (low)", modelId: "openai/gpt-oss-20b", org: "OpenAI", group: "open-weight", effort: "low", paramsB: 21, skill: 0.66, tokens: 800 },
  { config: "medgemma-27b", displayName: "MedGemma 27B", modelId: "google/medgemma-27b-text-it", org: "Google", group: "medical", effort: null, paramsB: 27, skill: 0.7, tokens: 650 },
  { config: "medgemma-4b", displayName: "MedGemma 4B", modelId: "google/medgemma-4b-it", org: "Google", group: "medical", effort: null, paramsB: 4, skill: 0.5, tokens: 540, missing: ["longhealth"] },
  { config: "gemma-3-27b", displayName: "Gemma 3 27B", modelId: "google/gemma-3-27b-it", org: "Google", group: "open-weight", effort: null, paramsB: 27, skill: 0.69, tokens: 610 },
  { config: "qwen3-235b-awq", displayName: "Qwen3 235B (AWQ 4-bit)", modelId: "Qwen/Qwen3-235B-A22B-AWQ", org: "Alibaba", group: "quantized", effort: null, paramsB: 235, skill: 0.78, tokens: null },
  { config: "baichuan-m2", displayName: "Baichuan-M2 32B", modelId: "baichuan-inc/Baichuan-M2-32B", org: "Baichuan", group: "medical", effort: null, paramsB: 32, skill: 0.74, tokens: 2100 },
  { config: "acme-local", displayName: 'Acme "Local", v2', modelId: "acme/local-v2", org: null, group: null, effort: null, paramsB: null, inCatalog: false, skill: 0.55, tokens: 300, missing: ["sctpublic"] },
  { config: "=cmd-model", displayName: "=HYPERLINK(\"x\")", modelId: "evil/model", org: "Evil, Inc.", group: "open-weight", effort: "medium", paramsB: 8, skill: 0.4, tokens: 1000 },
];

const N_QUESTIONS: Record<string, number> = {
  medqa: 1273,
  pubmedqa: 500,
  medhallu: 2000,
  longhealth: 1200,
  medcalc_bench: 1100,
  sctpublic: 174,
};

function cellFor(rand: () => number, b: LeaderboardBenchmark, skill: number): CellScore {
  const datasets = b.datasets.map((d) => {
    const score = Math.min(1, Math.max(0, skill - 0.15 + rand() * 0.25));
    return { key: d.key, label: d.label, score, n: Math.round(N_QUESTIONS[b.slug] / b.datasets.length) };
  });
  const score = datasets.reduce((s, d) => s + (d.score ?? 0), 0) / datasets.length;
  const half = 0.01 + rand() * 0.03;
  return { score, lo: Math.max(0, score - half), hi: Math.min(1, score + half), n: N_QUESTIONS[b.slug], datasets };
}

export interface FixtureOptions {
  board?: Board;
  seed?: number;
  /** Show rank changes as if non-default settings were chosen. */
  withRankChange?: boolean;
}

/** A synthetic LeaderboardView (TEST FIXTURE ONLY). */
export function buildFixtureLeaderboardView(options: FixtureOptions = {}): LeaderboardView {
  const { board = "V", seed = 7, withRankChange = false } = options;
  const rand = prng(seed);
  const benchmarks = FIXTURE_BENCHMARKS;
  const scored = FIXTURE_CONFIGS.map((c) => {
    const cells: Record<string, CellScore | null> = {};
    for (const b of benchmarks) cells[b.slug] = c.missing?.includes(b.slug) ? null : cellFor(rand, b, c.skill);
    const present = Object.values(cells).filter((x): x is CellScore => x !== null);
    const meanScore = present.length ? present.reduce((s, x) => s + x.score, 0) / present.length : null;
    const weighted = Math.min(0.98, Math.max(0.02, c.skill - 0.25 + rand() * 0.08));
    return { c, cells, meanScore, weighted };
  });
  scored.sort((a, b) => b.weighted - a.weighted);
  const rows: LeaderboardRow[] = scored.map(({ c, cells, meanScore, weighted }, i) => {
    const rank = i + 1;
    const spread = 1 + Math.floor(rand() * 2);
    return {
      rank,
      rankLo: Math.max(1, rank - spread),
      rankHi: Math.min(FIXTURE_CONFIGS.length, rank + spread),
      tieGroup: Math.floor(i / 2) + 1,
      config: c.config,
      displayName: c.displayName,
      modelId: c.modelId,
      modelName: c.displayName.replace(/ \((high|low)\)$/, ""),
      org: c.org,
      group: c.group,
      reasoningEffort: c.effort,
      paramsB: c.paramsB,
      inCatalog: c.inCatalog ?? true,
      weighted,
      weightedLo: weighted - 0.012,
      weightedHi: weighted + 0.011,
      simple: Math.min(1, weighted + 0.013),
      nDatasets: Object.entries(cells).reduce((n, [slug, cell]) => n + (cell ? benchmarks.find((b) => b.slug === slug)!.datasets.length : 0), 0),
      meanScore,
      meanOutputTokens: c.tokens === undefined ? 1000 : c.tokens,
      benchmarks: cells,
      rankChange: withRankChange ? [0, 2, -1, 1, -2, 0, 3, -3, 0, 1, -1, 0][i] ?? 0 : null,
      synthetic: true,
    };
  });
  // Tie groups of size 1 for the bottom rows (only the top pairs are "tied").
  for (const r of rows) if (r.rank > 6) r.tieGroup = r.rank;
  return {
    board,
    settings: DEFAULT_LEADERBOARD_SETTINGS,
    snapshot: { id: "fixture0123456789abcdef", createdAt: "2025-11-26T14:03:00Z", runCount: 345 },
    synthetic: true,
    benchmarks,
    rows,
    dropped: [
      { key: "medconceptsqa::hard", benchmark: "medconceptsqa", missing: ["medgemma-4b", "acme-local"] },
      { key: "longhealth::task2", benchmark: "longhealth", missing: ["medgemma-4b"] },
    ],
    replicates: 1000,
    computedAt: "2025-11-26T14:05:00Z",
  };
}
