import { BenchmarkInsightSkeleton } from "@/components/benchmark/benchmark-insight-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

/** Skeleton of a benchmark page: header, facts + BibTeX, ranking, insight sections, variants. */
export default function Loading() {
  return (
    <div className="space-y-8" aria-busy="true" data-testid="benchmark-loading">
      <span className="sr-only" role="status">
        Loading the benchmark…
      </span>
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3 pb-6">
        <div className="w-full max-w-3xl space-y-2">
          <Skeleton className="h-8 w-80 max-w-full" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-3 w-56" />
        </div>
        <Skeleton className="h-5 w-40" />
      </div>
      <div className="grid gap-8 lg:grid-cols-2">
        <div className="space-y-3">
          <Skeleton className="h-6 w-20" />
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-5 w-full" />
          ))}
        </div>
        <div className="space-y-3">
          <Skeleton className="h-6 w-24" />
          <Skeleton className="h-32 w-full" />
        </div>
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-48" />
        <div className="overflow-hidden rounded-lg border">
          {Array.from({ length: 10 }, (_, r) => (
            <div key={r} className="flex items-center gap-3 border-b px-3 py-2.5 last:border-0">
              <Skeleton className="h-5 w-8" />
              <Skeleton className="h-5 w-48" />
              <Skeleton className="h-5 w-32" />
              <Skeleton className="h-5 w-16" />
              <Skeleton className="h-5 w-12" />
            </div>
          ))}
        </div>
      </div>
      <BenchmarkInsightSkeleton nested />
      <div className="space-y-3">
        <Skeleton className="h-6 w-24" />
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-5 w-full max-w-3xl" />
        ))}
      </div>
    </div>
  );
}
