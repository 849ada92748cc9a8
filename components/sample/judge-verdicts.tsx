import { Badge } from "@/components/ui/badge";
import { formatInt, formatNumber, MISSING } from "@/lib/format";
import type { JudgeRoundView } from "@/lib/samples/transcript";
import { LongText } from "./long-text";
import { PlainText } from "./plain-text";

const score = (v: number | string | null) => (v === null ? MISSING : typeof v === "number" ? (Number.isInteger(v) ? formatInt(v) : formatNumber(v, 3)) : v);

/** Each judging round's score and every judge's verdict: model, score, per-criterion scores, error, raw output. */
export function JudgeVerdicts({ rounds }: { rounds: JudgeRoundView[] }) {
  return (
    <ol className="space-y-4" data-testid="judge-verdicts">
      {rounds.map((round, i) => (
        <li key={i} className="space-y-3">
          {rounds.length > 1 || round.score !== null ? (
            <p className="text-sm">
              {rounds.length > 1 ? `Round ${i + 1}: ` : ""}combined score <strong className="tabular-nums">{score(round.score)}</strong>
            </p>
          ) : null}
          {round.judges.length === 0 ? <p className="text-sm text-muted-foreground">No judge verdicts recorded.</p> : null}
          <ul className="grid gap-3 lg:grid-cols-2">
            {round.judges.map((j, k) => (
              <li key={k} className="space-y-2 rounded-lg border bg-card p-3" data-testid="judge-verdict">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-mono text-sm [overflow-wrap:anywhere]">{j.model ?? "unnamed judge"}</span>
                  <span className="text-sm">
                    score <strong className="tabular-nums">{score(j.score)}</strong>
                  </span>
                </div>
                {j.error !== null ? (
                  <div className="space-y-1">
                    <Badge variant="destructive">error</Badge>
                    <PlainText text={j.error} className="text-xs" />
                  </div>
                ) : null}
                {j.scores.length ? (
                  <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-sm">
                    {j.scores.map((s) => (
                      <div key={s.key} className="contents">
                        <dt className="text-muted-foreground [overflow-wrap:anywhere]">{s.key}</dt>
                        <dd className="text-right tabular-nums [overflow-wrap:anywhere]">{score(s.value)}</dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
                {j.raw !== null ? (
                  <details className="rounded-md bg-muted/50 px-3 py-2">
                    <summary className="cursor-pointer text-sm font-medium text-muted-foreground">Raw judge output</summary>
                    <div className="mt-2">
                      <LongText text={j.raw} className="text-xs" />
                    </div>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
