import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";

import { CiteThisView } from "@/components/cite/cite-this-view";
import { SnapshotNotices } from "@/components/snapshot/newer-notice";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { SnapshotLine } from "@/components/snapshot/snapshot-line";
import { PageHeader } from "@/components/ui/page-header";
import { pathWithQuery } from "@/lib/cite/url";
import { formatInt } from "@/lib/format";
import { getMethodologyFacts } from "@/lib/queries/methodology";

import { METHODOLOGY_SECTIONS } from "./sections";
import { SettingsTable } from "./settings-table";
import { PairedExamples, WorkedExampleSection } from "./worked-example-section";

export const metadata: Metadata = { title: "Methodology" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;


function Section({ id, children }: { id: (typeof METHODOLOGY_SECTIONS)[number]["id"]; children: ReactNode }) {
  const title = METHODOLOGY_SECTIONS.find((s) => s.id === id)!.title;
  return (
    <section id={id} aria-labelledby={`h-${id}`} className="scroll-mt-4 space-y-3">
      <h2 id={`h-${id}`} className="text-lg font-semibold">
        <a href={`#${id}`} className="hover:underline">
          {title}
        </a>
      </h2>
      <div className="space-y-3 text-sm leading-relaxed [&_a]:underline [&_a]:underline-offset-4">{children}</div>
    </section>
  );
}

const C = ({ children }: { children: ReactNode }) => <code className="rounded bg-muted px-1 font-mono text-[0.85em]">{children}</code>;

/**
 * How every number in the explorer is computed (adapted from lib/scoring/METHODS.md and the
 * Medmarks spec §3–5), with the default settings the shown snapshot's boards were computed with
 * (`?snapshot=<id>` shows an older snapshot's) and a worked example computed by the scoring code.
 */
export default async function MethodologyPage({ searchParams }: { searchParams: SearchParams }) {
  await connection(); // always read the database at request time, never at build
  const sp = await searchParams;
  const snap = await resolvePageSnapshot(sp.snapshot);
  const facts = await pinned(snap, () => getMethodologyFacts());
  const path = pathWithQuery("/methodology", sp);
  const v = facts.boards.find((b) => b.board === "V")!;
  const replicates = v.bootstrap?.replicates ?? null;
  const seed = v.bootstrap?.seed ?? null;

  return (
    <div className="space-y-8">
      <PageHeader
        className="pb-0"
        title="Methodology: how the numbers are computed"
        description={
          <>
            Scores, win rates, intervals, answer-order bias, token efficiency and paired tests, as the explorer computes them from the
            ingested run artifacts (the Medmarks <C>winrate</C> reproduced to the last digit), with the default settings of snapshot{" "}
            <C>{facts.snapshot.id}</C>.
          </>
        }
        actions={<CiteThisView title="Methodology" path={path} snapshot={facts.snapshot} />}
      >
        <SnapshotLine snapshot={facts.snapshot} pinned={snap.pinned !== null} />
      </PageHeader>
      <SnapshotNotices snap={snap} path={path} />

      <nav aria-label="Sections" className="rounded-lg border p-3 text-sm">
        <ol className="flex flex-wrap gap-x-4 gap-y-1">
          {METHODOLOGY_SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="underline-offset-4 hover:underline">
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <Section id="settings">
        <p>
          The boards every page shows use these default scoring settings (read from the snapshot&apos;s stored board results). The
          leaderboard&apos;s scoring settings change them per view; other settings are computed on request and cached per snapshot.
        </p>
        <SettingsTable boards={facts.boards} />
      </Section>

      <Section id="scores">
        <p>
          <strong>Rewards.</strong> Every reward is higher-is-better in [0, 1]: multiple-choice accuracy (0/1), MedCalc{" "}
          <C>check_correctness</C> (0/1), MedHallu 1 / 0.01 (unsure) / 0, SCTPublic partial credit, and open-ended judge scores mapped to
          [0, 1] (HELM 1–5 dimensions as (s − 1)/4 averaged; yes/no verdicts; HealthBench rubric points ratio; MEDEC weighted flags). Each
          benchmark page states its metric.
        </p>
        <p>
          <strong>Question mean.</strong> A question&apos;s value for a configuration is the mean of its rewards over rollouts; missing
          (null) rewards are skipped, not counted as 0; a question with only missing rewards has no value. Rewards are summed exactly, so
          the result does not depend on row order.
        </p>
        <p>
          <strong>Average reward</strong> of a configuration on a dataset = the mean of its question means (questions without a value
          excluded). A <strong>benchmark score</strong> = the mean of the average rewards of the benchmark&apos;s scored datasets (its
          subtasks). Run scores are shown with n and a 95% percentile-bootstrap interval over questions (see{" "}
          <a href="#intervals">intervals</a>).
        </p>
        <p>
          <strong>Datasets and answer orders.</strong> The unit of scoring is a dataset. With answer orders <em>folded</em> (the default),
          a dataset is a benchmark subtask (<C>env::subtask</C>, e.g. <C>medqa::base</C>): the original order and the shuffled copies
          (seeds 1618 and 9331), and AgentClinic&apos;s repeats, are pooled — a question&apos;s mean is the mean of every reward it has
          across orders, repeats and rollouts (a configuration missing one order simply has fewer values). This is how the paper-era
          pipeline scored MCQ datasets (three orderings averaged). With orders <em>separate</em>, each order and repeat is its own dataset
          (<C>env::variant</C>, e.g. <C>medqa::shuffle_seed-1618</C>), as the current pipeline keeps them. n_questions is the number of
          distinct question ids in the dataset over all configurations.
        </p>
      </Section>

      <Section id="win-rate">
        <p>Computed separately for Medmarks-V and Medmarks-OE:</p>
        <ol className="list-decimal space-y-2 pl-5">
          <li>
            <strong>Question means</strong> per dataset, configuration and question, as above.
          </li>
          <li>
            <strong>Coverage.</strong> Default <em>all-models</em>: a dataset that lacks any configuration of the board is dropped for
            everyone; the leaderboard lists the dropped datasets and which configurations lack them. Alternative <em>per-model</em>: each
            configuration averages over the datasets it has. A run with missing questions still counts as present; its missing questions
            lose (step 3).
          </li>
          <li>
            <strong>Pairwise, per question.</strong> For each pair (a, b) in a dataset, over the questions where at least one of them has a
            value, a missing value counts as −∞ (or 0 with the <em>missing = zero</em> setting): d = a − b is a win if d &gt; ε, a loss if
            d &lt; −ε, else a tie counting ½ (ε = 10⁻⁹ by default). wr(a, b) = (wins + ½ ties) / questions used, and wr(b, a) = 1 − wr(a,
            b). Ties are never chained: a≈b and b≈c with a≉c stays a win of a over c. No usable question → no value.
          </li>
          <li>
            <strong>Dataset win rate</strong> of configuration m = the plain mean of wr(m, o) over the other configurations o with a
            value (needs at least two configurations).
          </li>
          <li>
            <strong>Overall.</strong> The simple mean over datasets, and the <strong>ranking figure</strong>: the weighted mean with weight
            ln(n_questions) per dataset (0 when n ≤ 0; if every weight is 0, the simple mean). Other policies: √n, equal (1), or cap
            (min(n, cap)). Head-to-head wr(m, o) per dataset is aggregated with the same weights (the{" "}
            <Link href="/head-to-head">head-to-head</Link> view).
          </li>
          <li>
            Ranks are competition ranks by the weighted mean (equal values share a rank). The number of datasets behind each figure is
            reported beside it.
          </li>
        </ol>
      </Section>

      <Section id="worked-example">
        <WorkedExampleSection />
      </Section>

      <Section id="intervals">
        <p>
          <strong>Percentile bootstrap</strong>, {replicates !== null ? formatInt(replicates) : "no"} replicates{seed !== null ? `, seed ${seed}` : ""}{" "}
          on this snapshot&apos;s Medmarks-V board (1000 and 20251126 by default). Each replicate resamples the used questions of every
          dataset with replacement (the same draws for every configuration, so ranks and differences are paired; independently across
          datasets). A dataset&apos;s replicate r has its own random stream seeded by (seed, dataset key, r), so results do not depend on
          the dataset order or the number of threads. The 95% interval is the 2.5th and 97.5th percentiles (linear interpolation);
          replicates where a value is undefined are left out.
        </p>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong>Scores</strong>: the replicate average reward is exact, Σ c_u·x_u / Σ c_u over the answered questions u drawn c_u
            times; a benchmark&apos;s replicate is the mean of its datasets&apos; replicates.
          </li>
          <li>
            <strong>Win rates</strong>: a replicate is a reweighted sum, not a recount. When every configuration answered every question,
            m&apos;s dataset win rate equals the mean over questions of the share of opponents m beats on that question (ties ½), so the
            replicate is exact. When some configuration misses questions, each pair uses a different set of questions, and each ratio is
            replaced by its first-order expansion around the point estimate (delta method); the error is second order (in tests with 10%
            missing answers and 400 questions, at most 2.6·10⁻⁴ against a replicate spread of ~2·10⁻²). Replicates are clamped to [0, 1];
            weighted and simple means are the same weighted sums of the dataset replicates.
          </li>
          <li>
            <strong>Rank intervals</strong>: in every replicate each configuration is ranked by its replicate weighted win rate
            (competition ranking); the interval is the 2.5th / 97.5th nearest-rank percentiles of its ranks, always whole ranks.
          </li>
          <li>
            <strong>Tie groups</strong>: walking the configurations in rank order, the first leads group 1; each next one joins the current
            group when its rank interval overlaps the group leader&apos;s, otherwise it leads a new group. Configurations in one group are
            &ldquo;statistically tied&rdquo; with its leader. Without the bootstrap there are no groups.
          </li>
        </ul>
      </Section>

      <Section id="order-bias">
        <p>
          On the multiple-choice benchmarks with shuffled copies (seeds 1618 and 9331: CareQA, LongHealth, M-ARC, MedMCQA, MedBullets,
          MedConceptsQA, MedQA, MedXpertQA, MetaMedQA, MMLU-Pro health, PubHealthBench, PubMedQA, SuperGPQA medicine), per configuration
          and dataset (<Link href="/order-bias">the order-bias view</Link>):
        </p>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong>Accuracy per order</strong> = the mean over questions of the question&apos;s mean reward, with a percentile-bootstrap
            interval.
          </li>
          <li>
            <strong>Delta</strong> (shuffle − original) = the mean, over the questions both orders scored, of the per-question difference
            — paired, so it can differ from the difference of the two accuracies when the orders cover different questions. Interval:
            paired bootstrap (2000 replicates); p-value from McNemar&apos;s exact test when every paired value is 0/1 (see{" "}
            <a href="#paired-tests">paired tests</a>). <strong>Order sensitivity</strong> = the mean |delta| over the shuffles. The heatmap
            uses the normal interval (no bootstrap) to stay fast.
          </li>
          <li>
            <strong>Flip rate</strong> per shuffle: over questions answered in the original and the shuffle, the share whose chosen option
            <em> text</em> differs (texts normalised: Unicode NFC, trimmed, whitespace collapsed, lower case; a question&apos;s chosen text is
            the most frequent over its rollouts). A question with no parsed choice in an order is left out — a format failure is not an
            order effect. <strong>Consistency</strong>: over questions answered in every order, the share with one text in all.
          </li>
          <li>
            <strong>Position preference</strong>, pooled over orders: for each displayed position P, the rate it is chosen minus the rate it
            is correct (&gt; 0: picked more often than it is right). The chosen letter comes from the <C>&lt;answer&gt;</C> tag, else{" "}
            <C>\boxed{"{…}"}</C>, else a lone leading letter, validated against the displayed options.
          </li>
          <li>
            The shuffle permutation is not stored: it is recovered by matching option texts against the original-order question with the
            same id. Options like &ldquo;None of the above&rdquo; stay in place.
          </li>
          <li>
            <strong>LongHealth caveat</strong>: its shuffled variants also reshuffle its documents (<C>doc_shuffle_seed</C>), so its
            &ldquo;order&rdquo; effect mixes option order and document order; every view that shows it says so.
          </li>
        </ul>
      </Section>

      <Section id="efficiency">
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong>Tokens per question</strong> on a dataset: per question the mean output tokens (reasoning included) over its rollouts,
            then the mean over questions. Questions without usage are left out and counted; a configuration without any usage data is
            listed as such, never plotted at 0. Latency uses the same per-question mean.
          </li>
          <li>
            <strong>Board tokens</strong> = the weighted mean of the per-dataset figures with the same weights as the board&apos;s win rate
            (ln n_questions by default), over the board&apos;s datasets where the configuration has usage, reported with that coverage.
          </li>
          <li>
            x = tokens (log scale), y = the board&apos;s weighted mean win rate, or one benchmark&apos;s mean score.{" "}
            <strong>Pareto frontier</strong> (fewer tokens, higher y): a point is on it when no other point is at least as good on both and
            strictly better on one. <strong>Effort ladders</strong> join the configurations of one model ordered none &lt; minimal &lt; low
            &lt; medium &lt; high &lt; xhigh (<Link href="/efficiency">the efficiency view</Link>).
          </li>
        </ul>
      </Section>

      <Section id="paired-tests">
        <p>
          Two configurations are compared on the questions <em>both</em> have a value for (question means; the others are counted, never
          filled in) — used by the medical-vs-base view and the order-bias deltas:
        </p>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong>McNemar&apos;s exact test</strong> when every compared value is 0 or 1: only discordant questions count (b = only the
            first right, c = only the second right); under &ldquo;equally good&rdquo; b ~ Binomial(b + c, ½); two-sided p = min(1, 2·P(X ≤
            min(b, c))), 1 when b + c = 0.
          </li>
          <li>
            <strong>Paired bootstrap</strong> otherwise: the per-question differences are resampled with replacement, 2000 replicates by
            default (the p-value cannot go below 2/(R + 1)), seed 20251126; interval = 2.5th / 97.5th percentiles of the replicate means; p
            = min(1, 2·min((#{"{"}m* ≤ 0{"}"} + 1)/(R + 1), (#{"{"}m* ≥ 0{"}"} + 1)/(R + 1))). It says whether 0 is a plausible mean
            difference; it is not a permutation test.
          </li>
          <li>The reported interval is the paired bootstrap&apos;s in both cases; with McNemar only the p-value changes.</li>
          <li>
            <strong>Holm–Bonferroni</strong> for many comparisons at once (a pair&apos;s benchmarks, a heatmap&apos;s shuffles): p-values
            sorted ascending, p̃₍ⱼ₎ = max over i ≤ j of min(1, (m − i + 1)·p₍ᵢ₎), returned in input order.
          </li>
        </ul>
        <PairedExamples />
      </Section>

      <Section id="snapshots">
        <p>
          A <strong>snapshot</strong> is the set of published runs, named by a hash of the runs&apos; content hashes: the same runs always
          give the same id, and every ingest that publishes or supersedes a run makes a new one. Its boards and views are computed once and
          stored, so a snapshot&apos;s numbers never change. Every view takes <C>?snapshot=&lt;id&gt;</C> to show an older snapshot (an
          unknown id is a 404; a malformed one is ignored with a notice); without it, the latest is shown and named under the title.
          &ldquo;Cite this view&rdquo; gives a permalink pinned to the snapshot, with BibTeX for the view and for the benchmarks it shows.
          The <Link href="/changelog">changelog</Link> lists every snapshot with the runs added and superseded and the rank moves on each
          board.
        </p>
        <p className="text-muted-foreground">
          Run and sample pages, the question lists and a configuration&apos;s runs table read the runs loaded now, whatever the snapshot.
        </p>
      </Section>
    </div>
  );
}
