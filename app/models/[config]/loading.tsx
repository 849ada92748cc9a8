import { Skeleton } from "@/components/ui/skeleton";

/** Skeleton of a configuration page: header and facts, rank cards, chart, benchmark table, tokens + sampling, siblings, runs. */
export default function Loading() {
  return (
    <div className="space-y-10" aria-busy="true" data-testid="config-loading">
      <span className="sr-only" role="status">
        Loading the configuration…
      </span>
      <div className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="w-full max-w-3xl space-y-2">
            <Skeleton className="h-8 w-72 max-w-full" />
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-3 w-80 max-w-full" />
          </div>
          <Skeleton className="h-5 w-32" />
        </div>
        <div className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border px-4 py-3 sm:grid-cols-3 lg:grid-cols-4">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="space-y-1">
              <Skeleton className="h-3 w-20" />
              <Skeleton className="h-4 w-32" />
            </div>
          ))}
        </div>
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-48" />
        <div className="grid gap-4 md:grid-cols-2">
          {Array.from({ length: 2 }, (_, i) => (
            <Skeleton key={i} className="h-40 rounded-xl" />
          ))}
        </div>
      </div>
      <div className="space-y-4">
        <div className="flex items-end justify-between">
          <Skeleton className="h-6 w-72" />
          <Skeleton className="h-8 w-48" />
        </div>
        <div className="space-y-2">
          {Array.from({ length: 10 }, (_, r) => (
            <div key={r} className="flex items-center gap-3">
              <Skeleton className="h-4 w-40" />
              <Skeleton className="h-4" style={{ width: `${15 + ((r * 37) % 50)}%` }} />
            </div>
          ))}
        </div>
        <div className="overflow-hidden rounded-lg border">
          {Array.from({ length: 8 }, (_, r) => (
            <div key={r} className="flex items-center gap-3 border-b px-3 py-2.5 last:border-0">
              <Skeleton className="h-5 w-48" />
              <Skeleton className="ml-auto h-5 w-28" />
              <Skeleton className="h-5 w-16" />
              <Skeleton className="h-5 w-16" />
              <Skeleton className="h-5 w-12" />
            </div>
          ))}
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-72 rounded-xl" />
        <Skeleton className="h-72 rounded-xl" />
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-24 w-full rounded-lg" />
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-24" />
        <div className="overflow-hidden rounded-lg border">
          {Array.from({ length: 6 }, (_, r) => (
            <div key={r} className="flex items-center gap-3 border-b px-3 py-2.5 last:border-0">
              <Skeleton className="h-5 w-10" />
              <Skeleton className="h-5 w-40" />
              <Skeleton className="h-5 w-36" />
              <Skeleton className="h-5 w-20" />
              <Skeleton className="ml-auto h-5 w-24" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
