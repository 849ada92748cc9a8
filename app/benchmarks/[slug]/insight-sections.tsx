import type { ReactNode } from "react";

import { JudgesUsed } from "@/components/benchmark/judges-used";
import { QuestionInsight } from "@/components/benchmark/question-insight";
import { ScoreDistributionChart } from "@/components/charts/lazy";
import { SubtaskBreakdown } from "@/components/benchmark/subtask-breakdown";
import { withSnapshot } from "@/lib/boards/snapshot-context";
import type { BenchmarkView } from "@/lib/queries/benchmark";
import { getBenchmarkInsight } from "@/lib/queries/benchmark-insight";

function Heading({ id, children, note }: { id: string; children: ReactNode; note?: ReactNode }) {
  return (
    <h2 id={id} className="text-lg font-semibold">
      {children} {note ? <span className="text-sm font-normal text-muted-foreground">{note}</span> : null}
    </h2>
  );
}

/**
 * The benchmark page's insight sections, streamed after the facts and the ranking: score
 * distribution, per-subtask scores, judges (open-ended benchmarks) and question-level insight.
 * All read the runs behind the ranking, of the same snapshot (streamed sections render outside
 * the page's pin, so they pin again to the snapshot the ranking came from).
 */
export async function InsightSections({ view }: { view: BenchmarkView }) {
  const insight = await withSnapshot(view.board.snapshotId, () => getBenchmarkInsight(view.slug));
  if (!insight) return null;
  const decimals = view.metric?.decimals ?? 1;
  const demo = insight.synthetic ? " (synthetic demo data)" : "";
  const showJudges = view.subset === "OE" || view.judged || insight.judges.models.length > 0;

  if (insight.runCount === 0) {
    return (
      <section aria-labelledby="h-insight" className="space-y-3">
        <Heading id="h-insight">Scores and questions</Heading>
        <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="empty-insight">
          No published run of this benchmark in the current snapshot, so there is no score distribution or question insight yet.
          Ingest runs with <code className="rounded bg-muted px-1">npm run ingest -- path/to/runs</code>.
        </p>
      </section>
    );
  }

  return (
    <>
      <section aria-labelledby="h-distribution" className="space-y-3">
        <Heading id="h-distribution" note={`how scores spread over configurations and over questions${demo}`}>
          Score distribution
        </Heading>
        <ScoreDistributionChart
          distribution={insight.distribution}
          scoreSource={insight.scoreSource}
          synthetic={insight.synthetic}
          benchmarkName={view.name}
          snapshotId={view.board.snapshotId}
          snapshotDate={view.board.snapshotCreatedAt}
          embedPath={`/embed/benchmark/${encodeURIComponent(view.slug)}/distribution`}
        />
      </section>

      {insight.subtasks.length > 1 ? (
        <section aria-labelledby="h-subtasks" className="space-y-3">
          <Heading id="h-subtasks" note={`mean question score per subtask, answer orders folded${demo}`}>
            Scores by subtask
          </Heading>
          <SubtaskBreakdown insight={insight} decimals={decimals} />
        </section>
      ) : null}

      {showJudges ? (
        <section aria-labelledby="h-judges" className="space-y-3">
          <Heading id="h-judges" note="LLM judges named in the runs' env_args.judge_model">
            Judges used
          </Heading>
          <JudgesUsed judges={insight.judges} />
        </section>
      ) : null}

      <section aria-labelledby="h-questions" className="space-y-3">
        <Heading id="h-questions" note={`the questions behind the scores${demo}`}>
          Question insight
        </Heading>
        <QuestionInsight insight={insight} decimals={decimals} />
      </section>
    </>
  );
}
