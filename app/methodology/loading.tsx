import { Skeleton } from "@/components/ui/skeleton";

/** Skeleton of /methodology: header, section list, the settings table, then text sections. */
export default function Loading() {
  return (
    <div className="space-y-8" aria-busy="true" data-testid="methodology-loading">
      <span className="sr-only" role="status">
        Loading the methodology…
      </span>
      <div className="w-full max-w-3xl space-y-2">
        <Skeleton className="h-8 w-96 max-w-full" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-3 w-72 max-w-full" />
      </div>
      <Skeleton className="h-12 w-full" />
      <div className="space-y-2">
        <Skeleton className="h-6 w-64" />
        <Skeleton className="h-72 w-full max-w-4xl" />
      </div>
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="space-y-2">
          <Skeleton className="h-6 w-56" />
          <Skeleton className="h-4 w-full max-w-4xl" />
          <Skeleton className="h-4 w-full max-w-4xl" />
          <Skeleton className="h-4 w-2/3 max-w-4xl" />
        </div>
      ))}
    </div>
  );
}
