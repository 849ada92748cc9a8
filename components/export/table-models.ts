/**
 * The export models (lib/export/table-model.ts) of the site's main tables: the same columns, rows,
 * order and text as the table components render, built from the same view DTOs with the same
 * formatters. Links and decorations (badges, run links, colours) are left out; each cell is the
 * value the table shows. Plain TypeScript: tables build their model on the server and hand it to
 * the client export menu.
 */
import { formatX, X_NAMES } from "@/components/efficiency/axis";
import { formatP } from "@/components/medical/format-p";
import { col, type ExportColumn, type TableModel } from "@/lib/export/table-model";
import { formatDelta, formatInt, formatInterval, formatPercent, GROUP_LABELS, MISSING } from "@/lib/format";
import type { BenchmarkView } from "@/lib/queries/benchmark";
import type { CompareView, Comparison } from "@/lib/queries/compare-types";
import type { ConfigBoardView } from "@/lib/queries/config-types";
import type { EfficiencyView } from "@/lib/queries/efficiency-types";
import type { MedicalView } from "@/lib/queries/medical";

type Snapshot = { id: string; createdAt: string };
const snap = (s: Snapshot) => ({ id: s.id, createdAt: s.createdAt });

/** Configurations ranked on one benchmark (components/benchmark/benchmark-ranking-table.tsx). */
export function benchmarkRankingModel(view: BenchmarkView): TableModel {
  const decimals = view.metric?.decimals ?? 1;
  const datasets = view.board.datasets;
  const columns: ExportColumn[] = [
    col("rank", "Rank", "right"),
    col("config", "Configuration"),
    col("score", "Score % (95% CI)", "right"),
    ...datasets.map((d, i) => col(`dataset_${i}`, datasets.length === 1 ? "Avg reward" : d.label, "right")),
    col("n", "n", "right"),
  ];
  return {
    title: `Ranking on ${view.name}: mean average reward over its datasets on the default Medmarks-${view.subset} board`,
    columns,
    rows: view.ranking.map((r) => [
      String(r.rank),
      r.displayName,
      formatInterval(r.score, r.lo, r.hi, decimals),
      ...datasets.map((_, i) => formatPercent(r.datasets[i]?.score, decimals)),
      formatInt(r.n),
    ]),
    snapshot: { id: view.board.snapshotId, createdAt: view.board.snapshotCreatedAt },
    synthetic: view.board.synthetic,
    path: `/benchmarks/${encodeURIComponent(view.slug)}`,
    filename: `medmarks-${view.slug}-ranking`,
  };
}

/** One configuration's scores on every benchmark of a board (components/model/benchmark-scores-table.tsx). */
export function benchmarkScoresModel(board: ConfigBoardView, config: { slug: string; displayName: string }, snapshot: Snapshot): TableModel {
  return {
    title: `${config.displayName}: score per benchmark against the Medmarks-${board.board} median`,
    columns: [
      col("benchmark", "Benchmark"),
      col("score", "Score % (95% CI)", "right"),
      col("median", "Board median %", "right"),
      col("delta", "Δ to median", "right"),
      col("rank", "Rank", "right"),
    ],
    rows: board.benchmarks.map((b) => [
      b.scored ? b.name : `${b.name} (left out of the board)`,
      b.score === null ? MISSING : formatInterval(b.score, b.lo, b.hi),
      formatPercent(b.median),
      formatDelta(b.delta),
      b.rank === null ? MISSING : `${b.rank} / ${formatInt(b.nConfigs)}`,
    ]),
    snapshot: snap(snapshot),
    synthetic: board.synthetic,
    path: `/models/${encodeURIComponent(config.slug)}?board=${board.board}`,
    filename: `medmarks-${config.slug}-${board.board.toLowerCase()}-scores`,
  };
}

/** Every plotted configuration of the efficiency view (components/efficiency/efficiency-table.tsx). */
export function efficiencyModel(view: EfficiencyView): TableModel {
  const yHead = view.benchmark ? `Score on ${view.benchmark.name} % (95% CI)` : "Win rate % (95% CI)";
  const subject = view.benchmark ? `score on ${view.benchmark.name}` : `weighted mean win rate on Medmarks-${view.board}`;
  return {
    title: `${X_NAMES[view.x]} and ${subject} per configuration`,
    columns: [
      col("config", "Configuration"),
      col("group", "Group"),
      col("effort", "Effort"),
      col("x", X_NAMES[view.x], "right"),
      col("coverage", "Usage coverage", "right"),
      col("y", yHead, "right"),
      col("frontier", "Pareto frontier"),
    ],
    rows: view.points.map((p) => [
      p.displayName,
      p.group ? GROUP_LABELS[p.group] : "unknown",
      p.effort ?? "default",
      formatX(p.x, view.x),
      `${formatPercent(p.coverage, 0)}${p.nDatasets < p.nBoard ? ` (${p.nDatasets}/${p.nBoard})` : ""}`,
      formatInterval(p.y, p.yLo, p.yHi),
      p.onFrontier ? "yes" : "",
    ]),
    snapshot: snap(view.snapshot),
    synthetic: view.synthetic,
    path: `/efficiency?board=${view.board}&x=${view.x}${view.benchmark ? `&benchmark=${encodeURIComponent(view.benchmark.slug)}` : ""}`,
    filename: `medmarks-${view.board.toLowerCase()}-efficiency-${view.x}${view.benchmark ? `-${view.benchmark.slug}` : ""}`,
  };
}

/** "+1.2 pp (−0.5 to +2.9)", as the compare table's Δ cell writes it. */
function pairedDeltaText(diff: number | null, lo: number | null | undefined, hi: number | null | undefined): string {
  if (diff === null) return MISSING;
  const ci = typeof lo === "number" && typeof hi === "number" ? ` (${formatDelta(lo).replace(" pp", "")} to ${formatDelta(hi).replace(" pp", "")})` : "";
  return `${formatDelta(diff)}${ci}`;
}

/** Scores and paired differences from the reference per benchmark (components/compare/differences-table.tsx). */
export function compareDifferencesModel(view: CompareView, comparison: Comparison, methodShort: Record<string, string>): TableModel {
  const ref = view.ref!;
  const refName = view.configs.find((c) => c.config === ref)?.displayName ?? ref;
  const columns: ExportColumn[] = [col("benchmark", "Benchmark"), col("test", "Test")];
  view.configs.forEach((c, i) => {
    columns.push(col(`c${i}_score`, `${c.displayName}: Score % (95% CI)`, "right"));
    if (c.config !== ref) {
      columns.push(col(`c${i}_delta`, `${c.displayName}: Δ vs ${refName}, pp (95% CI)`, "right"));
      columns.push(col(`c${i}_p`, `${c.displayName}: Holm p`, "right"));
    }
  });
  const rows = comparison.benchmarks.map((b) => {
    const row = [b.name, b.methods.length ? b.methods.map((m) => methodShort[m] ?? m).join(" / ") : MISSING];
    for (const c of view.configs) {
      const cell = b.cells.find((x) => x.config === c.config);
      row.push(cell?.score ? formatInterval(cell.score.score, cell.score.ci?.lo, cell.score.ci?.hi) : MISSING);
      if (c.config === ref) continue;
      const t = cell?.vsRef ?? null;
      row.push(t ? pairedDeltaText(t.diff, t.ci?.lo, t.ci?.hi) : MISSING);
      const significant = t?.pHolm !== null && t?.pHolm !== undefined && t.pHolm < comparison.alpha;
      row.push(t ? `${formatP(t.pHolm)}${significant ? "*" : ""}` : MISSING);
    }
    return row;
  });
  return {
    title: `${view.configs.map((c) => c.displayName).join(" vs ")} on Medmarks-${view.board}: scores and paired differences from ${refName} (* = Holm p < ${comparison.alpha})`,
    columns,
    rows,
    snapshot: snap(view.snapshot),
    synthetic: view.synthetic,
    path: `/compare?configs=${view.configs.map((c) => encodeURIComponent(c.config)).join(",")}&board=${view.board}`,
    filename: `medmarks-${view.board.toLowerCase()}-compare`,
  };
}

/** Medical fine-tunes beside their generalist bases (components/medical/pairs-table.tsx). */
export function medicalPairsModel(view: MedicalView): TableModel {
  return {
    title: `Medical fine-tunes on Medmarks-${view.board} beside their generalist base configurations (fine-tune minus base)`,
    columns: [
      col("fine_tune", "Medical fine-tune"),
      col("base", "Generalist base"),
      col("win_rate_fine_tune", "Win rate fine-tune %", "right"),
      col("win_rate_base", "Win rate base %", "right"),
      col("delta_win_rate", "Δ win rate", "right"),
      col("head_to_head", "Head to head", "right"),
      col("mean_delta_score", "Mean Δ score", "right"),
      col("better_worse", "Better / worse / of", "right"),
    ],
    rows: view.pairs.map((p) => [
      p.fineTune.displayName,
      p.base.displayName,
      formatInterval(p.fineTune.winRate, p.fineTune.winRateCi?.lo, p.fineTune.winRateCi?.hi),
      formatInterval(p.base.winRate, p.base.winRateCi?.lo, p.base.winRateCi?.hi),
      formatDelta(p.winRateDelta),
      formatPercent(p.headToHead),
      formatDelta(p.meanDelta),
      `${formatInt(p.better)} / ${formatInt(p.worse)} / ${formatInt(p.nBenchmarks)}`,
    ]),
    snapshot: snap(view.snapshot),
    synthetic: view.synthetic,
    path: `/medical?board=${view.board}`,
    filename: `medmarks-${view.board.toLowerCase()}-medical-pairs`,
  };
}
