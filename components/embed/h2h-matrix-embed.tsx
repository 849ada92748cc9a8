import { heatStyle, viridisGradient } from "@/components/leaderboard/heat";
import { GroupSwatch } from "@/components/ui/group-badge";
import { formatPercent, GROUP_LABELS, MISSING } from "@/lib/format";
import type { HeadToHeadView } from "@/lib/queries/head-to-head";

/**
 * The head-to-head matrix, compact and read-only, for an embed: rows named, columns numbered by
 * rank, each cell wr(row vs column) in % on the viridis scale (the value always printed). Scrolls
 * within `maxHeight`; the full view (linked in the footer) has the interactive matrix.
 */
export function H2hMatrixEmbed({ view, maxHeight }: { view: Pick<HeadToHeadView, "board" | "configs" | "weighted" | "nDatasets">; maxHeight: number }) {
  const n = view.configs.length;
  return (
    <figure className="space-y-2" data-testid="embed-h2h-matrix">
      <figcaption>
        <div className="font-medium">Head-to-head win rates on Medmarks-{view.board}</div>
        <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
          <span>Share of questions the row configuration wins against the column (ties half), ln(n)-weighted over datasets; %</span>
          <span aria-hidden="true" className="inline-flex items-center gap-1">
            0 <span className="inline-block h-2 w-24 rounded-sm" style={{ background: viridisGradient() }} /> 100
          </span>
        </div>
      </figcaption>
      <div className="overflow-auto rounded-lg border" style={{ maxHeight }}>
        <table className="border-separate border-spacing-0 text-[11px] tabular-nums">
          <caption className="sr-only">Medmarks-{view.board} head-to-head: weighted mean win rate (%) of each row configuration against each column configuration (columns by rank).</caption>
          <thead>
            <tr>
              <th scope="col" className="sticky top-0 left-0 z-20 border-r border-b bg-background px-2 py-1 text-left font-medium text-muted-foreground">
                Row vs column
              </th>
              {view.configs.map((c) => (
                <th key={c.config} scope="col" title={`${c.rank}. ${c.displayName}`} className="sticky top-0 z-10 min-w-9 border-b bg-background px-1 py-1 text-center font-medium">
                  {c.rank}
                  <span className="sr-only"> {c.displayName}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.configs.map((row, i) => (
              <tr key={row.config}>
                <th scope="row" className="sticky left-0 z-10 max-w-56 truncate border-r border-b bg-background px-2 py-0.5 text-left font-normal whitespace-nowrap">
                  <span className="inline-flex items-center gap-1.5">
                    <span className="w-5 text-right text-muted-foreground">{row.rank}</span>
                    {row.group ? <GroupSwatch group={row.group} title={GROUP_LABELS[row.group]} /> : <span className="inline-block size-2.5" />}
                    <a href={`/models/${encodeURIComponent(row.config)}`} target="_blank" rel="noopener" className="hover:underline">
                      {row.displayName}
                    </a>
                  </span>
                </th>
                {view.configs.map((col, j) => {
                  if (i === j) return <td key={col.config} className="border-b border-background bg-muted" />;
                  const v = view.weighted[i * n + j];
                  if (v === null) {
                    return (
                      <td key={col.config} className="border-b border-background text-center text-muted-foreground">
                        {MISSING}
                      </td>
                    );
                  }
                  return (
                    <td
                      key={col.config}
                      style={heatStyle(v)}
                      className="h-6 border-b border-background px-1 text-center"
                      title={`${row.displayName} vs ${col.displayName}: ${formatPercent(v)} over ${view.nDatasets[i * n + j]} datasets`}
                    >
                      {formatPercent(v).slice(0, -1)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
