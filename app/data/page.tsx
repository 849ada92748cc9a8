import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { InventoryMatrix } from "@/components/inventory/inventory-matrix";
import { InventoryTotals } from "@/components/inventory/inventory-totals";
import { PageHeader } from "@/components/ui/page-header";
import { getInventory } from "@/lib/queries/inventory";

export const metadata: Metadata = { title: "Loaded data" };

export default async function LoadedDataPage() {
  await connection(); // always read the database at request time, never at build
  const inventory = await getInventory();
  const empty = inventory.totals.runs === 0;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Medmarks results loaded"
        description={
          <>
            Configurations × benchmarks of the Medmarks-V and Medmarks-OE suites currently in the database: datasets present
            out of each benchmark&apos;s datasets (subtasks and answer orders). The <Link href="/">leaderboard</Link> ranks
            these runs.
          </>
        }
      />
      {empty ? (
        <section className="rounded-lg border border-dashed p-6 text-sm" data-testid="empty-state">
          <h2 className="mb-2 text-base font-semibold">No runs loaded yet</h2>
          <p className="text-muted-foreground">
            Ingest Medmarks run artifacts (folders with <code>metadata.json</code> and <code>results.jsonl</code>) with{" "}
            <code className="rounded bg-muted px-1">npm run ingest -- path/to/runs</code>, or start with an empty embedded
            database to get the synthetic demo data.
          </p>
        </section>
      ) : (
        <>
          <InventoryTotals totals={inventory.totals} />
          {inventory.boards.map((board) => (
            <section key={board.subset} id={`board-${board.subset}`} className="space-y-3" aria-labelledby={`h-${board.subset}`}>
              <h2 id={`h-${board.subset}`} className="text-lg font-semibold">
                Medmarks-{board.subset}{" "}
                <span className="text-sm font-normal text-muted-foreground">
                  {board.subset === "V" ? "verifiable" : "open-ended, LLM-judged"} · {board.configs.length} configurations ·{" "}
                  {board.benchmarks.length} benchmarks
                </span>
              </h2>
              <InventoryMatrix board={board} />
            </section>
          ))}
        </>
      )}
    </div>
  );
}
