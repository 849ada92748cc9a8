import { ConfigDetailTable } from "@/components/order-bias/config-detail-table";
import { FlippedConfigTable } from "@/components/order-bias/flipped-questions-table";
import type { OrderBiasPageParams } from "@/components/order-bias/params";
import { PositionPreferenceChart } from "@/components/charts/lazy";
import { positionSets, shuffleSeeds } from "@/components/order-bias/view-model";
import { withSnapshot } from "@/lib/boards/snapshot-context";
import { formatDelta, formatInt, formatPercent } from "@/lib/format";
import { getOrderBiasDetail, type OrderBiasView } from "@/lib/queries/order-bias";

/**
 * One configuration's detail (streamed: the bootstrap intervals are computed on its first
 * request per snapshot, then stored): summary, table per dataset, position preference, and its
 * most flipped questions.
 */
export async function ConfigDetailSection({ view, config, params }: { view: OrderBiasView; config: string; params: OrderBiasPageParams }) {
  // Streamed outside the page's pin: pin again to the snapshot the page showed.
  const detail = await withSnapshot(view.snapshot.id, () => getOrderBiasDetail(config, { board: view.board, data: params.data }));
  const row = view.configs.find((c) => c.config === config);
  if (!detail || !row) {
    return <p className="text-sm text-muted-foreground">No answer-order data for this configuration in this snapshot.</p>;
  }
  const flipped = view.mostFlippedByConfig[config] ?? [];
  const seeds: (number | null)[] = [null, ...shuffleSeeds(view)];
  const notes = view.benchmarks.filter((b) => b.note && detail.cells.some((c) => c.benchmark === b.slug));
  return (
    <div className="space-y-6" data-testid="order-bias-detail" data-config={config}>
      <p className="text-sm text-muted-foreground">
        Sensitivity rank {row.sensitivityRank ?? "—"} of {formatInt(view.configs.filter((c) => c.sensitivityRank !== null).length)} · mean |Δ|{" "}
        {formatDelta(row.sensitivity).replace("+", "")} · mean Δ {formatDelta(row.meanDelta)} · flip rate {formatPercent(row.flipRate)} · consistent{" "}
        {formatPercent(row.consistency)} · {formatInt(row.nDatasets)} datasets. Intervals: 95% percentile bootstrap over questions for the
        accuracies, 95% paired bootstrap for the changes ({formatInt(detail.replicates)} replicates, fixed seed); each accuracy links to its
        run.
      </p>
      <ConfigDetailTable view={view} detail={detail} />
      {notes.map((b) => (
        <p key={b.slug} role="note" className="text-xs text-muted-foreground">
          {b.name}: {b.note}
        </p>
      ))}
      <PositionPreferenceChart
        sets={positionSets(view, detail)}
        configName={detail.displayName}
        snapshotId={detail.snapshot.id}
        snapshotDate={detail.snapshot.createdAt}
        synthetic={detail.synthetic}
      />
      <div className="space-y-2">
        <h3 className="font-medium">
          Its most order-flipped questions{" "}
          <span className="text-sm font-normal text-muted-foreground">
            most different answers first (top {formatInt(flipped.length)}); each opens its answers in every order side by side
          </span>
        </h3>
        {flipped.length ? (
          <FlippedConfigTable view={view} rows={flipped} seeds={seeds} />
        ) : (
          <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground">
            This configuration chose the same option text in every order for every question it answered.
          </p>
        )}
      </div>
    </div>
  );
}
