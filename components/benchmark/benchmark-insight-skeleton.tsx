import { Skeleton } from "@/components/ui/skeleton";

function TableSkeleton({ rows, cols }: { rows: number; cols: number }) {
  return (
    <div className="overflow-hidden rounded-lg border">
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="flex items-center gap-3 border-b px-3 py-2.5 last:border-0">
          <Skeleton className="h-5 w-48" />
          {Array.from({ length: cols }, (_, c) => (
            <Skeleton key={c} className="h-5 w-16" />
          ))}
        </div>
      ))}
    </div>
  );
}

/**
 * Placeholder of the insight sections (distribution, subtasks, question lists) while they load.
 * `nested`: inside a page skeleton that already announces loading (no second status message).
 */
export function BenchmarkInsightSkeleton({ nested = false }: { nested?: boolean }) {
  return (
    <div className="space-y-8" aria-busy={nested ? undefined : true} data-testid="benchmark-insight-loading">
      {nested ? null : (
        <span className="sr-only" role="status">
          Loading the score distribution and question insight…
        </span>
      )}
      <div className="space-y-3">
        <div className="flex items-center justify-between gap-3">
          <Skeleton className="h-6 w-48" />
          <Skeleton className="h-8 w-52" />
        </div>
        <Skeleton className="h-[260px] w-full" />
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-56" />
        <TableSkeleton rows={5} cols={3} />
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-4 w-full max-w-2xl" />
        <TableSkeleton rows={8} cols={3} />
      </div>
    </div>
  );
}
