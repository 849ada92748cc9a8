import { Skeleton } from "@/components/ui/skeleton";

export default function RunLoading() {
  return (
    <div className="space-y-8" aria-busy="true" aria-label="Loading">
      <span className="sr-only">Loading run…</span>
      <div className="space-y-2">
        <Skeleton className="h-8 w-[32rem] max-w-full" />
        <Skeleton className="h-4 w-80" />
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-64 w-full max-w-xl" />
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-40" />
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-6 w-full" />
        ))}
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-40" />
        <div className="flex flex-wrap gap-3">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-12 w-28" />
          ))}
        </div>
        <Skeleton className="h-4 w-72" />
        {Array.from({ length: 12 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </div>
    </div>
  );
}
