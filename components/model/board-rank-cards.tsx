import Link from "next/link";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatInt, formatInterval, formatTokens } from "@/lib/format";
import type { ConfigBoardView, ConfigView } from "@/lib/queries/config-types";

import { configHref } from "./params";

const HINT = { V: "verifiable", OE: "open-ended, LLM-judged" } as const;

function RankCard({ b }: { b: ConfigBoardView }) {
  const name = `Medmarks-${b.board}`;
  return (
    <Card className="gap-2" data-testid={`rank-${b.board}`}>
      <CardHeader>
        <CardTitle className="text-base">
          <Link href={`/?board=${b.board}`} className="underline-offset-4 hover:underline">
            {name}
          </Link>{" "}
          <span className="text-sm font-normal text-muted-foreground">{HINT[b.board]}</span>
        </CardTitle>
        <CardDescription>
          {b.synthetic ? "synthetic demo data · " : ""}default settings · {formatInt(b.nRanked)} configurations ranked
        </CardDescription>
      </CardHeader>
      <CardContent>
        {b.ranked ? (
          <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
            <div>
              <dt className="text-xs text-muted-foreground">Rank</dt>
              <dd className="tabular-nums">
                <span className="text-2xl font-semibold">{b.rank}</span>
                <span className="text-muted-foreground"> of {formatInt(b.nRanked)}</span>
                {b.rankLo !== null && b.rankHi !== null && b.rankLo !== b.rankHi ? (
                  <div className="text-xs text-muted-foreground" title="2.5th–97.5th percentile of the rank over bootstrap replicates">
                    95% rank interval {b.rankLo}–{b.rankHi}
                  </div>
                ) : null}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-muted-foreground">Mean win rate % (95% CI)</dt>
              <dd className="tabular-nums">
                <span className="text-2xl font-semibold">{formatInterval(b.winRate, null, null)}</span>
                {b.winRateLo !== null && b.winRateHi !== null ? (
                  <div className="text-xs text-muted-foreground">{formatInterval(b.winRate, b.winRateLo, b.winRateHi)}</div>
                ) : null}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-muted-foreground">Datasets scored</dt>
              <dd className="tabular-nums">
                {formatInt(b.nDatasets)} of {formatInt(b.nBoardDatasets)}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-muted-foreground">Output tokens / question</dt>
              <dd className="tabular-nums" title="Mean output tokens per question (reasoning included), ln(n)-weighted over the scored datasets">
                {b.outputTokensPerQuestion === null ? "no usage data" : formatTokens(b.outputTokensPerQuestion)}
              </dd>
            </div>
            {b.tiedWith.length ? (
              <div className="col-span-2 text-xs text-muted-foreground">
                <dt className="sr-only">Ties</dt>
                <dd>
                Statistically tied (overlapping rank intervals) with{" "}
                {b.tiedWith.map((t, i) => (
                  <span key={t.config}>
                    {i ? ", " : ""}
                    <Link href={configHref(t.config, { board: b.board })} className="underline underline-offset-2 hover:text-foreground">
                      {t.displayName}
                    </Link>
                    {t.rank !== null ? ` (#${t.rank})` : ""}
                  </span>
                ))}
                .
                </dd>
              </div>
            ) : null}
          </dl>
        ) : (
          <p className="text-sm text-muted-foreground" data-testid={`unranked-${b.board}`}>
            Not ranked on {name}: this configuration has no scored run of its benchmarks in the current snapshot
            {b.droppedForThis.length ? ` (it lacks ${b.droppedForThis.length} dataset${b.droppedForThis.length === 1 ? "" : "s"} others ran)` : ""}. See
            the <a href="#coverage" className="underline underline-offset-2">coverage</a> below.
          </p>
        )}
      </CardContent>
    </Card>
  );
}

/** Rank and win rate on the default V and OE boards, each linking to its leaderboard. */
export function BoardRankCards({ view }: { view: ConfigView }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {view.boards.map((b) => (
        <RankCard key={b.board} b={b} />
      ))}
    </div>
  );
}
