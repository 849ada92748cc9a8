import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";

import { ScoreDistributionChart } from "@/components/charts/lazy";
import { EmbedEmpty, EmbedShell } from "@/components/embed/embed-shell";
import { parseEmbedHeight } from "@/components/embed/embed-url";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { getBenchmark } from "@/lib/catalog";
import { getBenchmarkView } from "@/lib/queries/benchmark";
import { getBenchmarkInsight } from "@/lib/queries/benchmark-insight";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: `${getBenchmark(slug)?.name ?? slug}: score distribution (embed)` };
}

/** A benchmark's score distribution alone: `?dist=configs|questions&snapshot=&h=`. */
export default async function EmbedDistributionPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const sp = await searchParams;
  const snap = await resolvePageSnapshot(sp.snapshot);
  const [view, insight] = await pinned(snap, () => Promise.all([getBenchmarkView(slug), getBenchmarkInsight(slug)]));
  if (!view) notFound();
  const full = { pathname: `/benchmarks/${encodeURIComponent(view.slug)}`, hash: "h-distribution" };
  return (
    <EmbedShell view="distribution" snap={snap} synthetic={insight?.synthetic ?? view.board.synthetic} full={full}>
      {insight && insight.runCount > 0 ? (
        <ScoreDistributionChart
          distribution={insight.distribution}
          scoreSource={insight.scoreSource}
          synthetic={insight.synthetic}
          benchmarkName={view.name}
          snapshotId={view.board.snapshotId}
          snapshotDate={view.board.snapshotCreatedAt}
          height={parseEmbedHeight(sp.h)}
        />
      ) : (
        <EmbedEmpty>{view.name}: no published run in this snapshot, so there is no score distribution yet.</EmbedEmpty>
      )}
    </EmbedShell>
  );
}
