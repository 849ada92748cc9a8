import { Skeleton } from "@/components/ui/skeleton";

export default function SampleLoading() {
  return (
    <div className="space-y-8" aria-busy="true" aria-label="Loading">
      <span className="sr-only">Loading sample…</span>
      <div className="space-y-2">
        <Skeleton className="h-8 w-96 max-w-full" />
        <Skeleton className="h-4 w-[36rem] max-w-full" />
      </div>
      <div className="flex flex-wrap gap-2">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-6 w-28" />
        ))}
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-24" />
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-6 w-full max-w-3xl" />
        ))}
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-24" />
        <Skeleton className="h-40 w-full" />
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-32" />
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-56 w-full" />
      </div>
    </div>
  );
}
