import { Skeleton } from "@/components/ui/skeleton";

/** Skeleton of the compare page: header + board tabs, the picker, the differences table, the chart, the smaller tables. */
export default function Loading() {
  return (
    <div className="space-y-8" aria-busy="true" data-testid="compare-loading">
      <span className="sr-only" role="status">
        Loading the comparison…
      </span>
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div className="w-full max-w-3xl space-y-2">
          <Skeleton className="h-8 w-96 max-w-full" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-5/6" />
          <Skeleton className="h-3 w-80 max-w-full" />
        </div>
        <Skeleton className="h-8 w-24 rounded-lg" />
      </div>
      <div className="space-y-2">
        <div className="flex flex-wrap gap-2">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-7 w-44 rounded-full" />
          ))}
        </div>
        <Skeleton className="h-9 w-full max-w-md" />
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-72" />
        <Skeleton className="h-4 w-full max-w-4xl" />
        <div className="overflow-hidden rounded-lg border">
          {Array.from({ length: 8 }, (_, r) => (
            <div key={r} className="flex items-center gap-3 border-b px-3 py-2.5 last:border-0">
              <Skeleton className="h-5 w-36" />
              <Skeleton className="h-5 w-16" />
              <Skeleton className="ml-auto h-5 w-24" />
              <Skeleton className="h-5 w-24" />
              <Skeleton className="h-5 w-32" />
              <Skeleton className="h-5 w-12" />
              <Skeleton className="h-5 w-24" />
              <Skeleton className="h-5 w-32" />
            </div>
          ))}
        </div>
      </div>
      <div className="space-y-2 rounded-lg border p-3">
        {Array.from({ length: 8 }, (_, r) => (
          <div key={r} className="flex items-center gap-3">
            <Skeleton className="h-4 w-40" />
            <div className="flex-1 space-y-1">
              <Skeleton className="h-1.5" style={{ width: `${40 + ((r * 23) % 40)}%` }} />
              <Skeleton className="h-1.5" style={{ width: `${30 + ((r * 17) % 45)}%` }} />
              <Skeleton className="h-1.5" style={{ width: `${35 + ((r * 29) % 40)}%` }} />
            </div>
          </div>
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-40 w-full rounded-lg" />
        <Skeleton className="h-40 w-full rounded-lg" />
      </div>
    </div>
  );
}
