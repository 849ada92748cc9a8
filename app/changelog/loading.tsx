import { Skeleton } from "@/components/ui/skeleton";

/** Skeleton of /changelog: header, then snapshot entries (id line, summary, run lists, board moves). */
export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true" data-testid="changelog-loading">
      <span className="sr-only" role="status">
        Loading the changelog…
      </span>
      <div className="w-full max-w-3xl space-y-2">
        <Skeleton className="h-8 w-96 max-w-full" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-3 w-72 max-w-full" />
      </div>
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="space-y-3 rounded-lg border p-4">
          <div className="flex justify-between gap-2">
            <Skeleton className="h-5 w-80 max-w-full" />
            <Skeleton className="h-4 w-28" />
          </div>
          <Skeleton className="h-4 w-96 max-w-full" />
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-24 w-full max-w-2xl" />
        </div>
      ))}
    </div>
  );
}
