import { Skeleton } from "@/components/ui/skeleton";

/** Skeleton of the configuration index: header, group filter, one table per group. */
export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true" data-testid="configs-loading">
      <span className="sr-only" role="status">
        Loading the configurations…
      </span>
      <div className="w-full max-w-3xl space-y-2 pb-2">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-3 w-80 max-w-full" />
      </div>
      <div className="flex flex-wrap gap-2">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-28" />
        ))}
      </div>
      {Array.from({ length: 2 }, (_, s) => (
        <div key={s} className="space-y-2">
          <Skeleton className="h-6 w-48" />
          <div className="overflow-hidden rounded-lg border">
            {Array.from({ length: 6 }, (_, r) => (
              <div key={r} className="flex items-center gap-3 border-b px-3 py-2.5 last:border-0">
                <Skeleton className="h-5 w-56" />
                <Skeleton className="h-5 w-40" />
                <Skeleton className="h-5 w-12" />
                <Skeleton className="ml-auto h-5 w-12" />
                <Skeleton className="h-5 w-20" />
                <Skeleton className="h-5 w-20" />
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
