import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { InfoIcon, TriangleAlertIcon } from "lucide-react";

import { catalogCitations, CiteThisView } from "@/components/cite/cite-this-view";
import { ConfigPicker, DataSwitch } from "@/components/order-bias/order-bias-controls";
import { FlippedOverallTable } from "@/components/order-bias/flipped-questions-table";
import { OrderBiasDetailSkeleton } from "@/components/order-bias/order-bias-skeleton";
import { OrderBiasHeatmapChart } from "@/components/order-bias/order-bias-heatmap-chart";
import { OrderBiasMeasures } from "@/components/order-bias/measures";
import { parseOrderBiasParams } from "@/components/order-bias/params";
import { SensitivityChart } from "@/components/charts/lazy";
import { SensitivityTable } from "@/components/order-bias/sensitivity-table";
import { heatmapModel, RANKING_CHART_LIMIT, sensitivityPoints } from "@/components/order-bias/view-model";
import { SnapshotNotices } from "@/components/snapshot/newer-notice";
import { pinned, resolvePageSnapshot } from "@/components/snapshot/resolve";
import { SnapshotLine } from "@/components/snapshot/snapshot-line";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { pathWithQuery } from "@/lib/cite/url";
import { formatInt } from "@/lib/format";
import { getOrderBias } from "@/lib/queries/order-bias";

import { ConfigDetailSection } from "./config-detail-section";

export const metadata: Metadata = { title: "Answer-order bias — Medmarks-V" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Answer-order bias of every configuration on the MCQ datasets with shuffled copies: heatmap of
 * the accuracy change, ranking of the most order-sensitive configurations, the per-configuration
 * detail (`?config=`), and the most flipped questions. URL: `?config=&sort=&data=&snapshot=`.
 */
export default async function OrderBiasPage({ searchParams }: { searchParams: SearchParams }) {
  await connection(); // always read the database at request time, never at build
  const sp = await searchParams;
  const { params, issues } = parseOrderBiasParams(sp);
  const snap = await resolvePageSnapshot(sp.snapshot);
  const view = await pinned(snap, () => getOrderBias({ board: "V", data: params.data }));
  const path = pathWithQuery("/order-bias", sp);
  const empty = view.datasets.length === 0;
  const selected = params.config ? (view.configs.find((c) => c.config === params.config) ?? null) : null;
  const names = new Map(view.configs.map((c) => [c.config, c.displayName]));
  const heat = heatmapModel(view);
  const points = sensitivityPoints(view);
  const suffix = view.synthetic ? " (synthetic demo data)" : "";
  const longhealth = view.benchmarks.filter((b) => b.note);

  return (
    <div className="space-y-10">
      <PageHeader
        title="Answer-order bias — Medmarks-V"
        description={
          <>
            How much each configuration&apos;s accuracy changes when the answer options of a multiple-choice question are shuffled, and
            how often its chosen answer changes with them (spec §4; the same questions in the original order and two shuffles).
          </>
        }
        actions={
          <>
            <DataSwitch params={params} />
            <CiteThisView
              title="Answer-order bias — Medmarks-V"
              path={path}
              snapshot={view.snapshot}
              benchmarks={catalogCitations(view.benchmarks)}
            />
          </>
        }
      >
        <SnapshotLine snapshot={view.snapshot} pinned={snap.pinned !== null} method="order-bias">
          {" "}
          · {formatInt(view.configs.length)} configurations × {formatInt(view.datasets.length)} datasets with shuffled copies · intervals:
          normal approximation (detail: paired bootstrap)
          {view.synthetic ? " · synthetic demo data" : ""}
        </SnapshotLine>
      </PageHeader>

      <SnapshotNotices snap={snap} path={path} />

      {view.synthetic ? (
        <Alert variant="warning" role="status" data-testid="order-bias-synthetic">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>Synthetic demo data: these are not real model results</AlertTitle>
          <AlertDescription>
            <p>The runs shown are generated demo runs of real catalog configurations, so the view works before real results are loaded.</p>
          </AlertDescription>
        </Alert>
      ) : null}

      {issues.length > 0 ? (
        <Alert role="status" data-testid="param-issues">
          <InfoIcon aria-hidden="true" />
          <AlertTitle>Some URL parameters were ignored</AlertTitle>
          <AlertDescription>
            <ul className="list-disc pl-4">
              {issues.map((i) => (
                <li key={i.param}>{i.message}; the default is used.</li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}

      <section aria-labelledby="h-measures" className="space-y-3">
        <h2 id="h-measures" className="text-lg font-semibold">
          What is measured
        </h2>
        <OrderBiasMeasures />
        {longhealth.map((b) => (
          <p key={b.slug} role="note" className="text-sm text-muted-foreground" data-testid="longhealth-note">
            <strong className="font-medium text-foreground">{b.name}:</strong> {b.note}
          </p>
        ))}
      </section>

      {empty ? (
        <section className="rounded-lg border border-dashed p-6 text-sm" data-testid="empty-state">
          <h2 className="mb-2 text-base font-semibold">No answer-order data in this snapshot</h2>
          <p className="text-muted-foreground">
            Order bias needs, for the same multiple-choice subtask, a run in the original order and at least one run with shuffled answers
            (variants <code className="rounded bg-muted px-1">shuffle_seed-1618</code>, <code className="rounded bg-muted px-1">shuffle_seed-9331</code>)
            {params.data === "real" ? " among the official and community runs" : params.data === "demo" ? " among the demo runs" : ""}. Ingest
            them with <code className="rounded bg-muted px-1">npm run ingest -- path/to/runs</code>; the{" "}
            <Link href="/data" className="underline underline-offset-4">
              loaded data
            </Link>{" "}
            page lists what is in the database.
          </p>
        </section>
      ) : (
        <>
          <section aria-labelledby="h-heatmap" className="space-y-3">
            <h2 id="h-heatmap" className="text-lg font-semibold">
              Accuracy change by benchmark{" "}
              <span className="text-sm font-normal text-muted-foreground">
                shuffled − original, percentage points, mean over the benchmark&apos;s subtasks and shuffles; rows in leaderboard order
              </span>
            </h2>
            <OrderBiasHeatmapChart
              rows={heat.rows}
              columns={heat.columns}
              cells={heat.cells}
              limit={heat.limit}
              title={`Accuracy change when the answer options are shuffled, per configuration and benchmark${suffix}`}
              subtitle="Shuffled − original order, percentage points; mean over subtasks and the two shuffles; * = a shuffle's 95% normal interval excludes 0"
              snapshotId={view.snapshot.id}
              snapshotDate={view.snapshot.createdAt}
              synthetic={view.synthetic}
            />
          </section>

          <section aria-labelledby="h-ranking" id="ranking" className="space-y-3">
            <h2 id="h-ranking" className="text-lg font-semibold">
              Most order-sensitive configurations{" "}
              <span className="text-sm font-normal text-muted-foreground">mean |change| over every dataset and shuffle</span>
            </h2>
            <SensitivityChart
              points={points}
              title={`The ${Math.min(points.length, RANKING_CHART_LIMIT)} most order-sensitive configurations${suffix}`}
              subtitle="Mean absolute accuracy change when the options are shuffled (percentage points), over every dataset and shuffle"
              snapshotId={view.snapshot.id}
              snapshotDate={view.snapshot.createdAt}
              synthetic={view.synthetic}
              embedPath={`/embed/order-bias/sensitivity${params.data === "auto" ? "" : `?data=${params.data}`}`}
            />
            <SensitivityTable rows={view.configs} params={params} />
          </section>

          <section aria-labelledby="h-detail" id="detail" className="space-y-4">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <h2 id="h-detail" className="text-lg font-semibold">
                {selected ? (
                  <>
                    Detail:{" "}
                    <Link href={`/models/${encodeURIComponent(selected.config)}`} className="underline-offset-4 hover:underline">
                      {selected.displayName}
                    </Link>
                  </>
                ) : (
                  "Per-configuration detail"
                )}
              </h2>
              <ConfigPicker configs={view.configs} params={params} />
            </div>
            {params.config && !selected ? (
              <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="unknown-config">
                No answer-order data for configuration “{params.config}” in this snapshot{suffix}: it has no run of a dataset with shuffled copies
                {params.data === "auto" ? "" : " among the runs shown"}. Choose another configuration.
              </p>
            ) : selected ? (
              <Suspense key={selected.config} fallback={<OrderBiasDetailSkeleton />}>
                <ConfigDetailSection view={view} config={selected.config} params={params} />
              </Suspense>
            ) : (
              <p className="text-sm text-muted-foreground">
                Choose a configuration (or “Detail” in the ranking) to see its accuracy in each order with intervals, its flips and its
                position preference.
              </p>
            )}
          </section>

          <section aria-labelledby="h-flipped" className="space-y-3">
            <h2 id="h-flipped" className="text-lg font-semibold">
              Most order-flipped questions{" "}
              <span className="text-sm font-normal text-muted-foreground">
                by how many configurations change their answer with the option order (top {formatInt(view.mostFlipped.length)})
              </span>
            </h2>
            {view.mostFlipped.length ? (
              <FlippedOverallTable view={view} rows={view.mostFlipped} names={names} />
            ) : (
              <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground">
                No configuration changed its answer to any question with the option order{suffix}.
              </p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
