import Link from "next/link";

import { formatNumber } from "@/lib/format";
import type { SampleView } from "@/lib/queries/sample";
import { questionHref, sampleHref } from "@/lib/samples/links";
import { cn } from "@/lib/utils";

const CHIP = "rounded-md border px-2 py-0.5 text-sm tabular-nums hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

const rewards = (list: (number | null)[]) => list.map((x) => formatNumber(x, 2)).join(" / ");

/** Where else to look: the other rollouts, the same question under the other answer orders, and across configurations. */
export function SampleLinks({ sample }: { sample: SampleView }) {
  const q = sample.question;
  return (
    <nav aria-label="Related samples" className="space-y-2 text-sm" data-testid="sample-links">
      {sample.rollouts.length > 1 ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-muted-foreground">Rollouts of this question:</span>
          {sample.rollouts.map((r) =>
            r.rolloutIndex === sample.rolloutIndex ? (
              <span key={r.rolloutIndex} aria-current="page" className={cn(CHIP, "bg-muted font-medium")}>
                #{r.rolloutIndex} · {formatNumber(r.reward, 2)}
              </span>
            ) : (
              <Link key={r.rolloutIndex} className={CHIP} href={sampleHref(sample.run.id, sample.exampleId, r.rolloutIndex)}>
                #{r.rolloutIndex} · {formatNumber(r.reward, 2)}
              </Link>
            ),
          )}
        </div>
      ) : null}
      {sample.orders.length > 1 ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-muted-foreground">Same question, other answer orders ({sample.run.config.displayName}):</span>
          {sample.orders.map((o) => {
            const label = `${o.orderSeed === null ? "original" : `shuffle ${o.orderSeed}`}${o.rewards.length ? ` · ${rewards(o.rewards)}` : ""}`;
            if (o.current) {
              return (
                <span key={o.datasetKey} aria-current="page" className={cn(CHIP, "bg-muted font-medium")}>
                  {label}
                </span>
              );
            }
            if (!o.rewards.length) {
              return (
                <span key={o.datasetKey} className={cn(CHIP, "text-muted-foreground")} title={`Run ${o.runId} has no row for this question`}>
                  {label} (not in run {o.runId})
                </span>
              );
            }
            return (
              <Link key={o.datasetKey} className={CHIP} href={sampleHref(o.runId, sample.exampleId, Math.min(sample.rolloutIndex, o.rewards.length - 1))} title={`Run ${o.runId} (${o.status})`}>
                {label}
              </Link>
            );
          })}
        </div>
      ) : null}
      <p>
        <Link className="font-medium underline underline-offset-4 hover:decoration-2" href={questionHref(q.benchmarkSlug, q.exampleId, q.foldedKey)}>
          This question across configurations
        </Link>
        <span className="text-muted-foreground"> — every configuration&apos;s answer side by side</span>
      </p>
    </nav>
  );
}
