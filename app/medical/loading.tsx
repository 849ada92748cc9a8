import { Skeleton } from "@/components/ui/skeleton";

/** Skeleton of the medical page: header + board tabs, the pairs table, one pair's forest chart and table. */
export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true" data-testid="medical-loading">
      <span className="sr-only" role="status">
        Loading the medical fine-tunes and their bases…
      </span>
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3 pb-2">
        <div className="w-full max-w-3xl space-y-2">
          <Skeleton className="h-8 w-96 max-w-full" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-5/6" />
          <Skeleton className="h-3 w-96 max-w-full" />
        </div>
        <Skeleton className="h-8 w-24 rounded-lg" />
      </div>
      <div className="space-y-2">
        <Skeleton className="h-6 w-24" />
        <Skeleton className="h-4 w-full max-w-2xl" />
        <div className="overflow-hidden rounded-lg border">
          {Array.from({ length: 6 }, (_, r) => (
            <div key={r} className="flex items-center gap-3 border-b px-3 py-2.5 last:border-0">
              <Skeleton className="h-8 w-48" />
              <Skeleton className="h-8 w-48" />
              <Skeleton className="ml-auto h-5 w-28" />
              <Skeleton className="h-5 w-28" />
              <Skeleton className="h-5 w-16" />
              <Skeleton className="h-5 w-16" />
              <Skeleton className="h-5 w-20" />
            </div>
          ))}
        </div>
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-80 max-w-full" />
        <div className="space-y-2 rounded-lg border p-3">
          {Array.from({ length: 10 }, (_, r) => (
            <div key={r} className="flex items-center gap-3">
              <Skeleton className="h-4 w-40" />
              <Skeleton className="h-1.5" style={{ marginLeft: `${20 + ((r * 23) % 30)}%`, width: `${10 + ((r * 17) % 20)}%` }} />
            </div>
          ))}
        </div>
        <Skeleton className="h-56 w-full rounded-lg" />
      </div>
    </div>
  );
}
