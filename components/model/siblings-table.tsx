import Link from "next/link";

import { GroupBadge } from "@/components/ui/group-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatPercent } from "@/lib/format";
import type { Board, ConfigBenchmarkRow, ConfigView, SiblingKind, SiblingView } from "@/lib/queries/config-types";

import { DeltaText } from "./delta-text";
import { MissingValue } from "./missing-value";
import { compareHref, configHref } from "./params";

const KIND_LABEL: Record<SiblingKind, string> = {
  effort: "Reasoning effort",
  "full-precision": "Unquantized",
  quantized: "Quantized",
  base: "Generalist base",
  "fine-tune": "Medical fine-tune",
};

/** Rank, win-rate difference and per-benchmark differences of one sibling on one board. */
function DeltaCells({ view, s, board, columns }: { view: ConfigView; s: SiblingView; board: Board; columns: ConfigBenchmarkRow[] }) {
  const self = view.boards.find((b) => b.board === board)!;
  const d = s.boards.find((b) => b.board === board)!;
  if (!s.onBoards) {
    return (
      <TableCell colSpan={columns.length + 2} className="text-xs text-muted-foreground">
        No runs of {s.displayName} on the boards: nothing to compare yet.
      </TableCell>
    );
  }
  const byBench = new Map(d.benchmarks.map((x) => [x.slug, x]));
  const absent = `${s.displayName} is not on Medmarks-${board}`;
  return (
    <>
      <TableCell numeric>{d.siblingRank === null ? <MissingValue why={absent} /> : d.siblingRank}</TableCell>
      <TableCell numeric>
        <DeltaText delta={d.winRateDelta} why={self.ranked ? absent : `This configuration is not on Medmarks-${board}`} />
      </TableCell>
      {columns.map((c) => {
        const x = byBench.get(c.slug);
        return (
          <TableCell key={c.slug} numeric>
            {x ? (
              <span title={`${view.displayName} ${formatPercent(x.self)} vs ${s.displayName} ${formatPercent(x.sibling)}`}>
                <DeltaText delta={x.delta} />
              </span>
            ) : (
              <MissingValue why={c.score === null ? "This configuration has no score here" : `${s.displayName} has no score here`} />
            )}
          </TableCell>
        );
      })}
    </>
  );
}

/** The configuration against its siblings on one board: win-rate difference and per-benchmark score differences (this − sibling). */
export function SiblingsTable({ view, board }: { view: ConfigView; board: Board }) {
  const boardView = view.boards.find((b) => b.board === board)!;
  const shared = new Set(view.siblings.flatMap((s) => s.boards.find((b) => b.board === board)!.benchmarks.map((x) => x.slug)));
  // Benchmark columns in board order, only those some sibling shares with this configuration.
  const columns = boardView.benchmarks.filter((b) => shared.has(b.slug));
  return (
    <Table data-testid="siblings-table" containerClassName="rounded-lg border">
      <TableHeader>
        <TableRow>
          <TableHead className="sticky left-0 z-10 min-w-56 border-r bg-background">Sibling</TableHead>
          <TableHead className="min-w-48">Relation</TableHead>
          <TableHead numeric title={`The sibling's rank on Medmarks-${board}`}>
            Its rank
          </TableHead>
          <TableHead numeric title="This configuration's weighted mean win rate minus the sibling's, on the same board">
            Δ win rate
          </TableHead>
          {columns.map((c) => (
            <TableHead key={c.slug} numeric title={`${c.name}: this configuration's score minus the sibling's`}>
              Δ {c.name}
            </TableHead>
          ))}
          <TableHead>
            <span className="sr-only">Compare</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {view.siblings.map((s) => (
          <TableRow key={s.slug} data-testid={`sibling-${s.slug}`}>
            <TableCell className="sticky left-0 z-10 min-w-56 border-r bg-background">
              <div className="flex flex-wrap items-center gap-1.5">
                <Link href={configHref(s.slug, { board })} className="font-medium underline-offset-4 hover:underline">
                  {s.displayName}
                </Link>
                {s.group ? <GroupBadge group={s.group} className="px-1 py-0 text-[10px]" /> : null}
              </div>
              {s.displayName !== s.slug ? <div className="font-mono text-[11px] text-muted-foreground">{s.slug}</div> : null}
            </TableCell>
            <TableCell className="min-w-48 text-xs">
              <span className="font-medium">{KIND_LABEL[s.kind]}</span>
              <span className="block text-muted-foreground">{s.relation}</span>
            </TableCell>
            <DeltaCells view={view} s={s} board={board} columns={columns} />
            <TableCell className="whitespace-nowrap text-xs">
              <Link href={compareHref([view.slug, s.slug])} prefetch={false} className="underline underline-offset-2 hover:text-foreground">
                Compare
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
