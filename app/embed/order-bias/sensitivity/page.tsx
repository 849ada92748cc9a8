import type { Metadata } from "next";
import { connection } from "next/server";

import { EmbedEmpty, EmbedShell } from "@/components/embed/embed-shell";
import { parseEmbedHeight } from "@/components/embed/embed-url";
import { parseOrderBiasParams } from "@/components/order-bias/params";
import { SensitivityChart } from "@/components/charts/lazy";
import { RANKING_CHART_LIMIT, sensitivityPoints } from "@/components/order-bias/view-model";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { getOrderBias } from "@/lib/queries/order-bias";

export const metadata: Metadata = { title: "Most order-sensitive configurations — Medmarks-V (embed)" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The ranking of the most answer-order-sensitive configurations alone: `?data=auto|real|demo|all&snapshot=&h=`. */
export default async function EmbedSensitivityPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const sp = await searchParams;
  const { params } = parseOrderBiasParams(sp);
  const snap = await resolvePageSnapshot(sp.snapshot);
  const view = await pinned(snap, () => getOrderBias({ board: "V", data: params.data }));
  const points = sensitivityPoints(view);
  const suffix = view.synthetic ? " (synthetic demo data)" : "";
  return (
    <EmbedShell view="order-bias-sensitivity" snap={snap} synthetic={view.synthetic} full={{ pathname: "/order-bias", hash: "ranking" }}>
      {points.length ? (
        <SensitivityChart
          points={points}
          title={`The ${Math.min(points.length, RANKING_CHART_LIMIT)} most order-sensitive configurations${suffix}`}
          subtitle="Mean absolute accuracy change when the options are shuffled (percentage points), over every dataset and shuffle"
          snapshotId={view.snapshot.id}
          snapshotDate={view.snapshot.createdAt}
          synthetic={view.synthetic}
          height={parseEmbedHeight(sp.h)}
        />
      ) : (
        <EmbedEmpty>No answer-order data in this snapshot: order bias needs runs of the same questions in the original and in shuffled order.</EmbedEmpty>
      )}
    </EmbedShell>
  );
}
