import { Skeleton } from "@/components/ui/skeleton";

const COLUMNS = 12;
const ROWS = 12;

/** Skeleton of the leaderboard (the home page): header + tabs, settings, filters, table rows. */
export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" data-testid="leaderboard-loading">
      <span className="sr-only" role="status">
        Loading the leaderboard…
      </span>
      {/* Page header: title, one-line explanation, snapshot line; board tabs on the right. */}
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3 pb-2">
        <div className="w-full max-w-3xl space-y-2">
          <Skeleton className="h-8 w-72" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-3 w-80 max-w-full" />
        </div>
        <Skeleton className="h-8 w-24 rounded-lg" />
      </div>
      {/* Scoring settings disclosure. */}
      <Skeleton className="h-10 w-full rounded-lg" />
      {/* Search + facet chips. */}
      <div className="space-y-2">
        <div className="flex items-center gap-2">
          <Skeleton className="h-9 w-full sm:w-80" />
          <Skeleton className="h-4 w-28" />
        </div>
        <div className="hidden flex-wrap gap-2 md:flex">
          {Array.from({ length: 10 }, (_, i) => (
            <Skeleton key={i} className="h-7 w-24 rounded-full" />
          ))}
        </div>
      </div>
      {/* Toolbar: columns, compare, export. */}
      <div className="flex items-center gap-2">
        <Skeleton className="h-8 w-24" />
        <Skeleton className="h-8 w-28" />
        <div className="ml-auto flex gap-1">
          <Skeleton className="h-8 w-16" />
          <Skeleton className="h-8 w-16" />
        </div>
      </div>
      {/* Table: header row + ranked rows (rank, configuration, figures, benchmark cells). */}
      <div className="overflow-hidden rounded-lg border">
        <div className="flex gap-3 border-b bg-muted px-3 py-3">
          <Skeleton className="h-4 w-10 bg-background" />
          <Skeleton className="h-4 w-40 bg-background" />
          {Array.from({ length: COLUMNS }, (_, i) => (
            <Skeleton key={i} className="h-4 w-14 shrink-0 bg-background" />
          ))}
        </div>
        {Array.from({ length: ROWS }, (_, r) => (
          <div key={r} className="flex items-center gap-3 border-b px-3 py-2.5 last:border-0">
            <Skeleton className="h-5 w-10" />
            <div className="w-40 space-y-1">
              <Skeleton className="h-3.5 w-32" />
              <Skeleton className="h-3 w-20" />
            </div>
            {Array.from({ length: COLUMNS }, (_, i) => (
              <Skeleton key={i} className="h-5 w-14 shrink-0" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
