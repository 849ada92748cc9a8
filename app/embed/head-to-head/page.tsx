import type { Metadata } from "next";
import { connection } from "next/server";

import { EmbedEmpty, EmbedShell } from "@/components/embed/embed-shell";
import { parseEmbedHeight } from "@/components/embed/embed-url";
import { H2hMatrixEmbed } from "@/components/embed/h2h-matrix-embed";
import { BreakdownChart } from "@/components/charts/lazy";
import { parseHeadToHeadParams } from "@/components/head-to-head/params";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { getHeadToHead } from "@/lib/queries/head-to-head";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { board } = parseHeadToHeadParams(await searchParams);
  return { title: `Head-to-head win rates, Medmarks-${board} (embed)` };
}

const MATRIX_HEIGHT = 520;

/**
 * Head to head alone: `?board=` the board's win-rate matrix; with `&a=&b=` the per-dataset
 * breakdown of that cell (chart). `snapshot=` pins it, `h=` sets the chart (or matrix) height.
 */
export default async function EmbedHeadToHeadPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const sp = await searchParams;
  const params = parseHeadToHeadParams(sp);
  const snap = await resolvePageSnapshot(sp.snapshot);
  const view = await pinned(snap, () => getHeadToHead({ board: params.board, a: params.a, b: params.b }));
  const selection = view.selection;
  const ok = selection?.status === "ok" ? selection : null;
  const name = (slug: string) => view.configs.find((c) => c.config === slug)?.displayName ?? slug;
  const full = { pathname: "/head-to-head", hash: ok ? "breakdown" : undefined };
  return (
    <EmbedShell view="head-to-head" snap={snap} synthetic={view.synthetic} full={full}>
      {view.configs.length < 2 ? (
        <EmbedEmpty>Fewer than two configurations are ranked on Medmarks-{view.board} in this snapshot.</EmbedEmpty>
      ) : ok ? (
        <BreakdownChart
          rows={ok.cell.datasets}
          aName={name(ok.a)}
          bName={name(ok.b)}
          board={view.board}
          snapshotId={view.snapshot.id}
          snapshotDate={view.snapshot.createdAt}
          synthetic={view.synthetic}
          height={parseEmbedHeight(sp.h)}
        />
      ) : (
        <>
          {selection?.status === "invalid" ? <EmbedEmpty>{selection.reason} The matrix is shown instead.</EmbedEmpty> : null}
          <H2hMatrixEmbed view={view} maxHeight={parseEmbedHeight(sp.h, MATRIX_HEIGHT)!} />
        </>
      )}
    </EmbedShell>
  );
}
