import type { Metadata } from "next";
import { connection } from "next/server";

import { BenchmarkIndexTable } from "@/components/benchmark/benchmark-index-table";
import { PageHeader } from "@/components/ui/page-header";
import { listBenchmarks } from "@/lib/queries/benchmark";

export const metadata: Metadata = { title: "Benchmarks" };

export default async function BenchmarksPage() {
  await connection(); // always read the database at request time, never at build
  const rows = await listBenchmarks();
  const subsets = [
    { subset: "V" as const, label: "verifiable" },
    { subset: "OE" as const, label: "open-ended, LLM-judged" },
  ];
  return (
    <div className="space-y-8">
      <PageHeader
        title="Benchmarks"
        description="The benchmarks of the Medmarks-V and Medmarks-OE suites: what each measures, its metric, size and license. Open one for its facts and the ranking of configurations on it."
      />
      {subsets.map(({ subset, label }) => {
        const list = rows.filter((r) => r.subset === subset);
        if (!list.length) return null;
        return (
          <section key={subset} id={`subset-${subset}`} className="space-y-3" aria-labelledby={`h-${subset}`}>
            <h2 id={`h-${subset}`} className="text-lg font-semibold">
              Medmarks-{subset}{" "}
              <span className="text-sm font-normal text-muted-foreground">
                {label} · {list.length} benchmarks
              </span>
            </h2>
            <BenchmarkIndexTable rows={list} />
          </section>
        );
      })}
    </div>
  );
}
