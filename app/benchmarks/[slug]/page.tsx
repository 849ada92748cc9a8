import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";

import { BenchmarkFacts } from "@/components/benchmark/benchmark-facts";
import { BenchmarkInsightSkeleton } from "@/components/benchmark/benchmark-insight-skeleton";
import { BenchmarkRankingTable } from "@/components/benchmark/benchmark-ranking-table";
import { BenchmarkVariants } from "@/components/benchmark/benchmark-variants";
import { CiteThisView } from "@/components/cite/cite-this-view";
import { pinHref } from "@/components/snapshot/href";
import { SnapshotNotices } from "@/components/snapshot/newer-notice";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { SnapshotLine } from "@/components/snapshot/snapshot-line";
import { PageHeader } from "@/components/ui/page-header";
import { getBenchmark } from "@/lib/catalog";
import { pathWithQuery } from "@/lib/cite/url";
import { getBenchmarkView } from "@/lib/queries/benchmark";

import { InsightSections } from "./insight-sections";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const b = getBenchmark(slug);
  return { title: b ? `${b.name} — Medmarks-${b.subset}` : slug };
}

/**
 * One benchmark: facts, the ranking on it, then (streamed) the score distribution, per-subtask
 * scores, judges and question insight, and the variants. URL: `?dist=configs|questions` picks the
 * distribution shown; `?snapshot=<id>` pins the page (the streamed sections too) to a snapshot.
 */
export default async function BenchmarkPage({ params, searchParams }: Props) {
  await connection(); // always read the database at request time, never at build
  const { slug } = await params;
  const sp = await searchParams;
  const snap = await resolvePageSnapshot(sp.snapshot);
  const view = await pinned(snap, () => getBenchmarkView(slug));
  if (!view) notFound();
  const path = pathWithQuery(`/benchmarks/${encodeURIComponent(view.slug)}`, sp);
  return (
    <div className="space-y-8">
      <PageHeader
        title={`${view.name} — Medmarks-${view.subset}`}
        description={view.description ?? undefined}
        actions={
          <>
            <Link href={pinHref(`/?board=${view.subset}`, snap.pinned)} className="text-sm underline underline-offset-4">
              Medmarks-{view.subset} leaderboard
            </Link>
            <CiteThisView
              title={`${view.name} — Medmarks-${view.subset}`}
              path={path}
              snapshot={snap.shown}
              benchmarks={[{ slug: view.slug, name: view.name, bibtex: view.bibtex }]}
            />
          </>
        }
      >
        <SnapshotLine snapshot={snap.shown} pinned={snap.pinned !== null} method="scores">
          {view.board.synthetic ? " · synthetic demo data" : ""}
        </SnapshotLine>
      </PageHeader>
      <SnapshotNotices snap={snap} path={path} />
      <BenchmarkFacts view={view} />
      <section className="space-y-3" aria-labelledby="h-ranking">
        <h2 id="h-ranking" className="text-lg font-semibold">
          Ranking on {view.name}{" "}
          <span className="text-sm font-normal text-muted-foreground">
            mean average reward over the benchmark&apos;s datasets on the default Medmarks-{view.subset} board
            {view.board.synthetic ? " (synthetic demo data)" : ""}
          </span>
        </h2>
        {view.ranking.length ? (
          <BenchmarkRankingTable view={view} />
        ) : (
          <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="empty-ranking">
            No configuration has a scored run of this benchmark in the current snapshot
            {view.board.dropped.length ? " (its datasets were dropped because some configurations lack them)" : ""}.
          </p>
        )}
        {view.ranking.length && view.board.dropped.length ? (
          <p className="text-xs text-muted-foreground">
            Not scored (some configurations lack them): {view.board.dropped.map((d) => d.key).join(", ")}.
          </p>
        ) : null}
      </section>
      <Suspense fallback={<BenchmarkInsightSkeleton />}>
        <InsightSections view={view} />
      </Suspense>
      <section className="space-y-3" aria-labelledby="h-variants">
        <h2 id="h-variants" className="text-lg font-semibold">
          Variants{" "}
          <span className="text-sm font-normal text-muted-foreground">subtasks, answer orders and repeats the suite runs</span>
        </h2>
        <BenchmarkVariants view={view} />
      </section>
    </div>
  );
}
