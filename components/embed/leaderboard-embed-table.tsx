import { GroupSwatch } from "@/components/ui/group-badge";
import { formatInt, formatInterval, GROUP_LABELS } from "@/lib/format";
import type { LeaderboardRow } from "@/lib/queries/leaderboard-types";

/**
 * The ranked board, compact and read-only, for an embed: rank (with its 95% interval), the
 * configuration (group swatch, name linking to its page in a new tab), the weighted mean win rate
 * with its interval, and the datasets covered. Sticky header; scrolls within `maxHeight`.
 */
export function LeaderboardEmbedTable({
  board,
  title,
  rows,
  total,
  maxHeight,
}: {
  board: "V" | "OE";
  title: string;
  rows: LeaderboardRow[];
  /** Rows on the board before the embed's filters and `n`. */
  total: number;
  maxHeight: number;
}) {
  return (
    <figure className="space-y-2" data-testid="embed-leaderboard">
      <figcaption>
        <div className="font-medium">{title}</div>
        <div className="text-xs text-muted-foreground">
          {rows.length < total ? `${formatInt(rows.length)} of ${formatInt(total)} configurations · ` : `${formatInt(total)} configurations · `}
          ranked by the mean win rate over datasets: the share of per-question comparisons won against every other configuration (ties half)
        </div>
      </figcaption>
      <div className="overflow-auto rounded-lg border" style={{ maxHeight }}>
        <table className="w-full border-separate border-spacing-0 text-xs" data-testid="leaderboard-table">
          <caption className="sr-only">
            Medmarks-{board} leaderboard: rank, configuration, weighted mean win rate in percent with its 95% interval, datasets covered.
          </caption>
          <thead>
            <tr className="[&>th]:sticky [&>th]:top-0 [&>th]:z-10 [&>th]:border-b [&>th]:bg-muted [&>th]:px-2 [&>th]:py-1.5 [&>th]:font-medium [&>th]:text-muted-foreground">
              <th scope="col" className="w-14 text-right">
                Rank
              </th>
              <th scope="col" className="text-left">
                Configuration
              </th>
              <th scope="col" className="text-right">
                Win rate % (95% CI)
              </th>
              <th scope="col" className="text-right">
                Datasets
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.config} data-config={r.config} className="[&>*]:border-b [&>*]:px-2 [&>*]:py-1 hover:bg-muted/50">
                <td className="text-right tabular-nums">
                  <span className="font-semibold">{r.rank}</span>
                  {r.rankLo !== r.rankHi ? (
                    <span className="ml-1 text-[10px] text-muted-foreground" title="95% bootstrap rank interval">
                      {r.rankLo}–{r.rankHi}
                    </span>
                  ) : null}
                </td>
                <th scope="row" className="text-left font-normal">
                  <span className="flex min-w-0 items-center gap-1.5">
                    {r.group ? <GroupSwatch group={r.group} title={GROUP_LABELS[r.group]} /> : <span className="inline-block size-2.5 shrink-0" />}
                    <a href={`/models/${encodeURIComponent(r.config)}`} target="_blank" rel="noopener" className="truncate font-medium hover:underline">
                      {r.displayName}
                    </a>
                    {r.reasoningEffort ? <span className="whitespace-nowrap text-muted-foreground">effort {r.reasoningEffort}</span> : null}
                  </span>
                </th>
                <td className="text-right whitespace-nowrap tabular-nums">
                  <span className="font-semibold">{formatInterval(r.weighted, null, null)}</span>
                  <span className="text-muted-foreground">{formatInterval(r.weighted, r.weightedLo, r.weightedHi).slice(formatInterval(r.weighted, null, null).length)}</span>
                </td>
                <td className="text-right tabular-nums">{formatInt(r.nDatasets)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
