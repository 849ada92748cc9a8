import { Skeleton } from "@/components/ui/skeleton";

/** Skeleton of the per-configuration detail: heading, table rows, chart, list. */
export function OrderBiasDetailSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" data-testid="order-bias-detail-loading">
      <span className="sr-only" role="status">
        Computing the configuration&apos;s order bias…
      </span>
      <Skeleton className="h-6 w-72" />
      <div className="overflow-hidden rounded-lg border">
        {Array.from({ length: 8 }, (_, r) => (
          <div key={r} className="flex items-center gap-3 border-b px-3 py-2.5 last:border-0">
            <Skeleton className="h-5 w-48" />
            {Array.from({ length: 7 }, (_, c) => (
              <Skeleton key={c} className="h-5 w-16" />
            ))}
          </div>
        ))}
      </div>
      <Skeleton className="h-60 w-full" />
    </div>
  );
}

/** Skeleton of the whole page: header, measures, heatmap, ranking. */
export function OrderBiasPageSkeleton() {
  return (
    <div className="space-y-8" aria-busy="true" data-testid="order-bias-loading">
      <span className="sr-only" role="status">
        Loading the answer-order bias…
      </span>
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3 pb-2">
        <div className="w-full max-w-3xl space-y-2">
          <Skeleton className="h-8 w-80 max-w-full" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-3 w-96 max-w-full" />
        </div>
        <Skeleton className="h-8 w-72" />
      </div>
      <div className="space-y-2">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-4 w-full max-w-4xl" />
        ))}
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-96 max-w-full" />
        <div className="grid gap-1" style={{ gridTemplateColumns: "12rem repeat(13, minmax(0, 3.5rem))" }}>
          {Array.from({ length: 14 * 12 }, (_, i) => (
            <Skeleton key={i} className={i % 14 === 0 ? "h-4 w-44" : "h-4 w-12"} />
          ))}
        </div>
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-72" />
        <Skeleton className="h-72 w-full" />
      </div>
    </div>
  );
}
