import { Skeleton } from "@/components/ui/skeleton";

/** An embed loading: its title, the chart area and the footer line. */
export default function Loading() {
  return (
    <div className="space-y-2" aria-busy="true">
      <span className="sr-only" role="status">
        Loading…
      </span>
      <Skeleton className="h-5 w-64 max-w-full" />
      <Skeleton className="h-72 w-full" />
      <Skeleton className="h-3 w-80 max-w-full" />
    </div>
  );
}
