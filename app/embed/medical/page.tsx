import type { Metadata } from "next";
import { connection } from "next/server";

import { EmbedEmpty, EmbedShell } from "@/components/embed/embed-shell";
import { parseEmbedHeight } from "@/components/embed/embed-url";
import { ForestChart } from "@/components/charts/lazy";
import { parseMedicalParams } from "@/components/medical/params";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { getMedicalVsBase } from "@/lib/queries/medical";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { board } = parseMedicalParams(await searchParams);
  return { title: `Medical fine-tune vs base, Medmarks-${board} (embed)` };
}

/** One medical fine-tune against its generalist base, per benchmark (forest plot) alone: `?board=&pair=&snapshot=&h=`. */
export default async function EmbedMedicalPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const sp = await searchParams;
  const params = parseMedicalParams(sp);
  const snap = await resolvePageSnapshot(sp.snapshot);
  const view = await pinned(snap, () => getMedicalVsBase({ board: params.board }));
  const pair = params.pair ? (view.pairs.find((p) => p.fineTune.config === params.pair) ?? null) : (view.pairs[0] ?? null);
  return (
    <EmbedShell view="medical" snap={snap} synthetic={view.synthetic} full={{ pathname: "/medical", hash: "pair" }}>
      {pair ? (
        <ForestChart
          rows={pair.benchmarks}
          fineTune={pair.fineTune.displayName}
          base={pair.base.displayName}
          board={view.board}
          alpha={view.alpha}
          snapshotId={view.snapshot.id}
          snapshotDate={view.snapshot.createdAt}
          synthetic={view.synthetic}
          height={parseEmbedHeight(sp.h)}
        />
      ) : (
        <EmbedEmpty>
          {params.pair
            ? `No pair for “${params.pair}” on Medmarks-${view.board}: it is not a medical fine-tune ranked there with a base configuration.`
            : `No medical fine-tune and its base are both ranked on Medmarks-${view.board} in this snapshot.`}
        </EmbedEmpty>
      )}
    </EmbedShell>
  );
}
