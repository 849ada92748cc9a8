import { ChartFrame } from "@/components/charts/chart-frame";
import { formatDelta, formatInt, formatInterval, formatPercent } from "@/lib/format";
import type { ConfigBoardView, ConfigView } from "@/lib/queries/config-types";

import { DELTA_FILLS } from "./delta-tone";
import { ScoreDeltaChart } from "@/components/charts/lazy";
import { scoreDeltaHeight } from "./score-delta-layout";

const LEGEND = [
  { label: "above the median", color: DELTA_FILLS.positive },
  { label: "below the median", color: DELTA_FILLS.negative },
  { label: "within 0.5 pp", color: DELTA_FILLS.neutral },
  { label: "score's 95% bootstrap interval", color: DELTA_FILLS.neutral, shape: "line" as const },
];

/** The chart "score vs board median per benchmark" in the shared figure frame (title, legend, SVG/PNG export), with a table of the same numbers for screen readers. */
export function ScoreDeltaFigure({
  view,
  board,
  height,
  embedPath,
}: {
  view: Pick<ConfigView, "displayName" | "snapshot">;
  board: ConfigBoardView;
  /** Plot height in px (default: 26 px per benchmark). */
  height?: number;
  /** The embeddable view (`/embed/models/<config>/scores?board=`): shows the "Embed" button. */
  embedPath?: string;
}) {
  const rows = board.benchmarks.filter((b) => b.score !== null && b.delta !== null);
  const title = `${view.displayName}: score minus the Medmarks-${board.board} median, per benchmark`;
  if (!rows.length) {
    return (
      <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="empty-chart">
        No scored benchmark on Medmarks-{board.board} for this configuration{board.synthetic ? " (synthetic demo data)" : ""}: nothing to
        compare with the board median.
      </p>
    );
  }
  return (
    <div>
      <ChartFrame
        title={title}
        subtitle="Bars: score − median over the default board's configurations with a score on the benchmark (answer orders folded)."
        legend={LEGEND}
        snapshotId={view.snapshot.id}
        snapshotDate={view.snapshot.createdAt}
        synthetic={board.synthetic}
        embedPath={embedPath}
        embedHeight={height ?? scoreDeltaHeight(rows.length)}
      >
        {/* The table below carries the same numbers for screen readers. */}
        <div aria-hidden="true">
          <ScoreDeltaChart rows={rows} title={title} height={height} />
        </div>
      </ChartFrame>
      <div className="sr-only">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Benchmark</th>
            <th scope="col">Score % (95% CI)</th>
            <th scope="col">Board median %</th>
            <th scope="col">Difference to the median</th>
            <th scope="col">Rank on the benchmark</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.slug}>
              <th scope="row">{r.name}</th>
              <td>{formatInterval(r.score, r.lo, r.hi)}</td>
              <td>{formatPercent(r.median)}</td>
              <td>{formatDelta(r.delta)}</td>
              <td>
                {r.rank} of {formatInt(r.nConfigs)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}
