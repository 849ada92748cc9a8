import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";

import { EmbedShell } from "@/components/embed/embed-shell";
import { parseEmbedHeight } from "@/components/embed/embed-url";
import { decodeSlug, parseConfigParams } from "@/components/model/params";
import { ScoreDeltaFigure } from "@/components/model/score-delta-figure";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { getConfig } from "@/lib/catalog";
import { getConfigView } from "@/lib/queries/config";
import type { Board } from "@/lib/queries/config-types";

type Props = { params: Promise<{ config: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = decodeSlug((await params).config);
  return { title: `${getConfig(slug)?.displayName ?? slug}: scores against the board median (embed)` };
}

/** One configuration's "score minus the board median per benchmark" chart alone: `?board=V|OE&snapshot=&h=`. */
export default async function EmbedConfigScoresPage({ params, searchParams }: Props) {
  await connection();
  const slug = decodeSlug((await params).config);
  const sp = await searchParams;
  const snap = await resolvePageSnapshot(sp.snapshot);
  const view = await pinned(snap, () => getConfigView(slug));
  if (!view) notFound();
  const state = parseConfigParams(sp);
  const board: Board = state.board ?? view.boards.find((b) => b.ranked)?.board ?? "V";
  const boardView = view.boards.find((b) => b.board === board)!;
  return (
    <EmbedShell view="config-scores" snap={snap} synthetic={boardView.synthetic} full={{ pathname: `/models/${encodeURIComponent(view.slug)}`, hash: "scores" }}>
      <ScoreDeltaFigure view={view} board={boardView} height={parseEmbedHeight(sp.h)} />
    </EmbedShell>
  );
}
