import { Skeleton } from "@/components/ui/skeleton";

/** Skeleton of /efficiency: header, controls, chart with the side list, then the table. */
export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true" data-testid="efficiency-loading">
      <span className="sr-only" role="status">
        Loading the efficiency chart…
      </span>
      <div className="w-full max-w-3xl space-y-2 pb-2">
        <Skeleton className="h-8 w-80 max-w-full" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-4 w-2/3" />
        <Skeleton className="h-3 w-72 max-w-full" />
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <Skeleton className="h-9 w-56" />
        <Skeleton className="h-8 w-52" />
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-8 w-24" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="space-y-2">
          <div className="flex justify-between gap-2">
            <Skeleton className="h-5 w-72 max-w-full" />
            <Skeleton className="h-8 w-32" />
          </div>
          <Skeleton className="h-[440px] w-full" />
          <div className="flex gap-4">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-3 w-20" />
            ))}
          </div>
        </div>
        <div className="space-y-2">
          <Skeleton className="h-5 w-32" />
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-4 w-full" />
          ))}
        </div>
      </div>
      <div className="overflow-hidden rounded-lg border">
        {Array.from({ length: 8 }, (_, r) => (
          <div key={r} className="flex items-center gap-3 border-b px-3 py-2.5 last:border-0">
            <Skeleton className="h-5 w-56" />
            <Skeleton className="h-5 w-24" />
            <Skeleton className="h-5 w-12" />
            <Skeleton className="ml-auto h-5 w-16" />
            <Skeleton className="h-5 w-16" />
            <Skeleton className="h-5 w-28" />
            <Skeleton className="h-5 w-8" />
          </div>
        ))}
      </div>
    </div>
  );
}
