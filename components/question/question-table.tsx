import Link from "next/link";

import { GroupBadge } from "@/components/ui/group-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ModelGroup } from "@/lib/catalog/types";
import { formatMilliseconds, formatNumber, formatPercent, formatTokens, GROUP_ORDER, MISSING } from "@/lib/format";
import type { QuestionView } from "@/lib/queries/question";
import { sampleHref } from "@/lib/samples/links";

const isGroup = (g: string | null): g is ModelGroup => g !== null && (GROUP_ORDER as readonly string[]).includes(g);

/**
 * Every configuration's answer to one question, side by side: per answer order (and repeat) each
 * rollout's reward linking to its sample page, with the chosen option (or parsed answer); the
 * config's mean reward over all of them; and an excerpt of its first answer.
 */
/** `highlight`: a configuration pinned first and marked (e.g. opened from the order-bias view). */
export function QuestionTable({ view, highlight = null }: { view: QuestionView; highlight?: string | null }) {
  const configs = highlight ? [...view.configs.filter((c) => c.config === highlight), ...view.configs.filter((c) => c.config !== highlight)] : view.configs;
  return (
    <Table data-testid="question-table" containerClassName="max-h-[80vh] rounded-md border">
      <TableHeader className="sticky top-0 z-10 bg-background">
        <TableRow>
          <TableHead className="sticky left-0 z-20 bg-background">Configuration</TableHead>
          <TableHead numeric title="Mean of every reward over answer orders, repeats and rollouts">
            Mean reward
          </TableHead>
          {view.orders.map((o) => (
            <TableHead key={`${o.orderSeed}|${o.repeat}`}>{o.label}</TableHead>
          ))}
          <TableHead className="min-w-72">Answer (excerpt, first order shown)</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {configs.map((c) => {
          const first = c.answers[0]?.rollouts[0];
          const pinned = c.config === highlight;
          return (
            <TableRow key={c.config} data-testid="question-row" data-highlight={pinned ? "true" : undefined} className={pinned ? "bg-accent/60" : undefined} aria-current={pinned ? "true" : undefined}>
              <TableCell className="sticky left-0 bg-background">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{c.displayName}</span>
                  {pinned ? <span className="rounded-sm bg-accent px-1 text-[11px] text-accent-foreground">selected</span> : null}
                  {isGroup(c.group) ? <GroupBadge group={c.group} /> : null}
                </div>
                {c.displayName !== c.config ? <div className="font-mono text-xs text-muted-foreground">{c.config}</div> : null}
              </TableCell>
              <TableCell numeric>{formatPercent(c.meanReward)}</TableCell>
              {view.orders.map((o) => {
                const a = c.answers.find((x) => x.orderSeed === o.orderSeed && x.repeat === o.repeat);
                if (!a) {
                  return (
                    <TableCell key={`${o.orderSeed}|${o.repeat}`} className="text-muted-foreground" title="No published run of this order for this configuration">
                      {MISSING}
                    </TableCell>
                  );
                }
                return (
                  <TableCell key={`${o.orderSeed}|${o.repeat}`} className="align-top">
                    <ul className="space-y-1">
                      {a.rollouts.map((r) => (
                        <li key={r.rolloutIndex} className="space-y-0.5">
                          <Link
                            href={sampleHref(a.runId, view.exampleId, r.rolloutIndex)}
                            prefetch={false}
                            className="font-medium tabular-nums underline underline-offset-4 hover:decoration-2"
                            aria-label={`${c.displayName}, ${o.label}, rollout ${r.rolloutIndex}: reward ${formatNumber(r.reward, 2)} (open sample)`}
                          >
                            {formatNumber(r.reward, 2)}
                          </Link>
                          {a.rollouts.length > 1 ? <span className="text-xs text-muted-foreground"> · rollout {r.rolloutIndex}</span> : null}
                          {r.error ? <span className="text-xs text-destructive"> · error</span> : null}
                          <div className="line-clamp-2 max-w-56 text-xs [overflow-wrap:anywhere]" title={r.chosenText ?? r.parsedAnswer ?? undefined}>
                            {r.chosenText ?? r.parsedAnswer ?? <span className="text-muted-foreground">no answer parsed</span>}
                          </div>
                          <div className="text-xs text-muted-foreground tabular-nums">
                            {formatTokens(r.outputTokens)} tokens · {formatMilliseconds(r.latencyMs)}
                          </div>
                        </li>
                      ))}
                    </ul>
                  </TableCell>
                );
              })}
              <TableCell className="max-w-md align-top text-muted-foreground">
                <span className="line-clamp-3 [overflow-wrap:anywhere]">{first?.excerpt || MISSING}</span>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
