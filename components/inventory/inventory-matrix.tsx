import { GroupBadge } from "@/components/ui/group-badge";
import type { Inventory, InventoryCell } from "@/lib/queries/inventory";
import { formatInt } from "@/lib/format";
import type { ModelGroup } from "@/lib/catalog/types";

type Board = Inventory["boards"][number];

function cellTitle(config: string, benchmark: string, cell: InventoryCell | undefined): string {
  if (!cell) return `${config} × ${benchmark}: not run (no published run)`;
  const incomplete = cell.incompleteRuns ? `, ${cell.incompleteRuns} incomplete` : "";
  return `${config} × ${benchmark}: ${cell.runs} of ${cell.datasets} datasets, ${formatInt(cell.rows)} rows${incomplete}`;
}

function Cell({ cell }: { cell: InventoryCell | undefined }) {
  if (!cell) return <span className="text-muted-foreground">—</span>;
  const full = cell.runs >= cell.datasets;
  return (
    <span className={full ? "" : "text-warning-foreground"}>
      {cell.runs}
      <span className="text-muted-foreground">/{cell.datasets}</span>
      {cell.incompleteRuns > 0 ? (
        <span className="ml-0.5 font-semibold text-warning-foreground" aria-label="incomplete run">
          !
        </span>
      ) : null}
    </span>
  );
}

/** Configurations × benchmarks of one board: datasets present out of the benchmark's datasets. */
export function InventoryMatrix({ board }: { board: Board }) {
  if (board.configs.length === 0) {
    return <p className="text-sm text-muted-foreground">No runs of a Medmarks-{board.subset} benchmark are loaded.</p>;
  }
  return (
    <div className="max-h-[70vh] overflow-auto rounded-lg border" tabIndex={0} aria-label={`Medmarks-${board.subset} coverage table`}>
      <table className="w-max border-separate border-spacing-0 text-xs" data-testid={`inventory-${board.subset}`}>
        <caption className="sr-only">
          Medmarks-{board.subset}: for each configuration and benchmark, the number of datasets loaded out of the
          benchmark&apos;s datasets. A dash means not run; an exclamation mark means an incomplete run.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="sticky top-0 left-0 z-20 border-b bg-muted px-3 py-2 text-left font-medium">
              Configuration
            </th>
            {board.benchmarks.map((b) => (
              <th
                key={b.slug}
                scope="col"
                title={`${b.name}${b.inCatalog ? "" : " (not in catalog)"}: ${b.datasets} datasets`}
                className="sticky top-0 z-10 border-b bg-muted px-2 py-2 text-right font-medium whitespace-nowrap"
              >
                {b.name}
                {b.inCatalog ? null : <span className="text-warning-foreground">*</span>}
              </th>
            ))}
            <th scope="col" className="sticky top-0 z-10 border-b bg-muted px-3 py-2 text-right font-medium">
              Rows
            </th>
          </tr>
        </thead>
        <tbody>
          {board.configs.map((c) => (
            <tr key={c.slug} className="hover:bg-muted/40">
              <th scope="row" className="sticky left-0 z-10 border-b bg-background px-3 py-1.5 text-left font-normal whitespace-nowrap">
                <span className="font-medium">{c.displayName}</span>{" "}
                <span className="text-muted-foreground">{c.slug}</span>{" "}
                {c.group ? <GroupBadge group={c.group as ModelGroup} className="ml-1" /> : null}
                {c.inCatalog ? null : <span className="ml-1 text-warning-foreground">not in catalog</span>}
              </th>
              {board.benchmarks.map((b) => {
                const cell = board.cells[c.slug]?.[b.slug];
                return (
                  <td key={b.slug} title={cellTitle(c.slug, b.name, cell)} className="border-b px-2 py-1.5 text-right tabular-nums">
                    <Cell cell={cell} />
                  </td>
                );
              })}
              <td className="border-b px-3 py-1.5 text-right tabular-nums">{formatInt(c.rows)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
