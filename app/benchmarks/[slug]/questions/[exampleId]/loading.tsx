import { Skeleton } from "@/components/ui/skeleton";

export default function QuestionLoading() {
  return (
    <div className="space-y-8" aria-busy="true" aria-label="Loading">
      <span className="sr-only">Loading question…</span>
      <div className="space-y-2">
        <Skeleton className="h-8 w-[36rem] max-w-full" />
        <Skeleton className="h-4 w-[40rem] max-w-full" />
      </div>
      <div className="flex flex-wrap gap-2">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-6 w-20" />
        ))}
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-4 w-72" />
        <Skeleton className="h-32 w-full max-w-3xl" />
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-64" />
        {Array.from({ length: 10 }, (_, i) => (
          <Skeleton key={i} className="h-12 w-full" />
        ))}
      </div>
    </div>
  );
}
