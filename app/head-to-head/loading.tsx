import { Skeleton } from "@/components/ui/skeleton";

const N = 12;

/** Skeleton of the head-to-head page: header + board tabs, legend and export, the square matrix, the breakdown. */
export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true" data-testid="h2h-loading">
      <span className="sr-only" role="status">
        Loading the head-to-head matrix…
      </span>
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3 pb-2">
        <div className="w-full max-w-3xl space-y-2">
          <Skeleton className="h-8 w-80 max-w-full" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-3 w-96 max-w-full" />
        </div>
        <Skeleton className="h-8 w-24 rounded-lg" />
      </div>
      <div className="space-y-2">
        <Skeleton className="h-6 w-40" />
        <div className="flex items-center justify-between gap-3">
          <Skeleton className="h-3 w-72" />
          <div className="flex gap-1">
            <Skeleton className="h-8 w-16" />
            <Skeleton className="h-8 w-36" />
          </div>
        </div>
        <Skeleton className="h-4 w-96 max-w-full" />
        <div className="overflow-hidden rounded-lg border p-2">
          <div className="flex gap-1 pb-1 pl-52">
            {Array.from({ length: N }, (_, j) => (
              <Skeleton key={j} className="h-28 w-10 shrink-0" />
            ))}
          </div>
          {Array.from({ length: N }, (_, i) => (
            <div key={i} className="flex items-center gap-1 py-0.5">
              <Skeleton className="h-5 w-50 shrink-0" />
              {Array.from({ length: N }, (_, j) => (
                <Skeleton key={j} className={i === j ? "h-5 w-10 shrink-0 opacity-40" : "h-5 w-10 shrink-0"} />
              ))}
            </div>
          ))}
        </div>
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-4 w-full max-w-2xl" />
        <Skeleton className="h-64 w-full rounded-lg" />
      </div>
    </div>
  );
}
