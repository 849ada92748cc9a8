import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatInt } from "@/lib/format";
import type { MethodologyBoard } from "@/lib/queries/methodology";

const WEIGHTS: Record<string, string> = {
  ln: "ln(n_questions) per dataset",
  sqrt: "√n_questions per dataset",
  equal: "1 per dataset (simple mean)",
  cap: "min(n_questions, cap) per dataset",
};
const COVERAGE: Record<string, string> = {
  "all-models": "all-models: a dataset some configuration lacks is dropped for everyone",
  "per-model": "per-model: each configuration averages over the datasets it has",
};
const ORDERS: Record<string, string> = {
  folded: "folded: answer orders and repeats pooled into one dataset per subtask",
  separate: "separate: each answer order and repeat is its own dataset",
};
const MISSING: Record<string, string> = {
  "neg-inf": "−∞: a missing answer loses every comparison",
  zero: "0: a missing answer counts as reward 0",
};

/** The default scoring settings each board of the snapshot was computed with (from the stored results). */
export function SettingsTable({ boards }: { boards: MethodologyBoard[] }) {
  const rows: [string, (b: MethodologyBoard) => string][] = [
    ["Dataset weights", (b) => `${WEIGHTS[b.settings.weights] ?? b.settings.weights}${b.settings.weights === "cap" && b.settings.cap ? ` (cap ${formatInt(b.settings.cap)})` : ""}`],
    ["Coverage", (b) => COVERAGE[b.settings.coverage] ?? b.settings.coverage],
    ["Answer orders", (b) => ORDERS[b.settings.orders] ?? b.settings.orders],
    ["Missing answers", (b) => MISSING[b.settings.missing] ?? b.settings.missing],
    ["Tie tolerance ε", (b) => `|a − b| ≤ ${b.settings.epsilon} is a tie`],
    ["Bootstrap replicates", (b) => (b.bootstrap ? formatInt(b.bootstrap.replicates) : "none (point estimates only)")],
    ["Bootstrap seed", (b) => (b.bootstrap ? String(b.bootstrap.seed) : "—")],
    ["Runs on the board", (b) => (b.synthetic === null ? "—" : b.synthetic ? "synthetic demo runs" : "official and community runs")],
    ["Scored", (b) => (b.stored ? `${formatInt(b.nConfigs)} configurations, ${formatInt(b.nDatasets)} datasets (${formatInt(b.nDropped)} dropped)` : "—")],
    ["Computed", (b) => (b.computedAt ? formatDateTime(b.computedAt) : "not computed for this snapshot: the code's defaults are shown")],
  ];
  return (
    <Table data-testid="methodology-settings" containerClassName="rounded-lg border">
      <caption className="sr-only">Default scoring settings of each board in this snapshot</caption>
      <TableHeader>
        <TableRow>
          <TableHead className="w-44">Setting</TableHead>
          {boards.map((b) => (
            <TableHead key={b.board}>Medmarks-{b.board}</TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableHead scope="row" className="font-normal text-muted-foreground">
              {label}
            </TableHead>
            {boards.map((b) => (
              <TableCell key={b.board} data-board={b.board} className="whitespace-normal">
                {value(b)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
