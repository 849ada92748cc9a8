import type { Inventory } from "@/lib/queries/inventory";
import { formatInt } from "@/lib/format";

const ITEMS: { key: keyof Inventory["totals"]; label: string }[] = [
  { key: "configs", label: "Configurations" },
  { key: "benchmarks", label: "Benchmarks" },
  { key: "datasets", label: "Datasets" },
  { key: "runs", label: "Published runs" },
  { key: "rollouts", label: "Rollouts" },
  { key: "supersededRuns", label: "Superseded runs" },
];

export function InventoryTotals({ totals }: { totals: Inventory["totals"] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="inventory-totals">
      {ITEMS.map((item) => (
        <div key={item.key} className="rounded-lg border bg-card px-4 py-3">
          <dt className="text-xs text-muted-foreground">{item.label}</dt>
          <dd className="text-xl font-semibold tabular-nums" data-stat={item.key}>
            {formatInt(totals[item.key])}
          </dd>
        </div>
      ))}
    </dl>
  );
}
