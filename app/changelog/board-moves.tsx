import Link from "next/link";

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInt, formatPercent, MISSING } from "@/lib/format";
import type { BoardChanges, ChangelogEntry } from "@/lib/queries/changelog";

const arrow = (from: number | null, to: number | null) => {
  if (from === null || to === null) return "";
  return to < from ? `▲ ${from - to}` : `▼ ${to - from}`;
};

/** Rank moves on one board between a snapshot and the one before (default settings). */
export function BoardMoves({ entry, changes }: { entry: ChangelogEntry; changes: BoardChanges }) {
  const board = `Medmarks-${changes.board}`;
  const leaderboard = `/?${changes.board === "OE" ? "board=OE&" : ""}snapshot=${entry.id}`;
  if (changes.status === "first") {
    return (
      <p className="text-sm text-muted-foreground" data-testid={`moves-${changes.board}`}>
        <strong className="font-medium text-foreground">{board}</strong>:{" "}
        {changes.ranked === null ? "first snapshot" : `first snapshot, ${formatInt(changes.ranked)} configurations ranked`} ·{" "}
        <Link href={leaderboard} className="underline underline-offset-4">
          leaderboard at this snapshot
        </Link>
      </p>
    );
  }
  if (changes.status === "not-computed") {
    const which = changes.missing.length === 2 ? "either snapshot" : changes.missing[0] === "this" ? "this snapshot" : "the previous snapshot";
    return (
      <p className="text-sm text-muted-foreground" data-testid={`moves-${changes.board}`}>
        <strong className="font-medium text-foreground">{board}</strong>: rank moves not computed (no stored default board for {which}; opening
        that snapshot&apos;s{" "}
        <Link href={leaderboard} className="underline underline-offset-4">
          leaderboard
        </Link>{" "}
        computes it).
      </p>
    );
  }
  const provenanceChanged = changes.synthetic.this !== changes.synthetic.previous;
  return (
    <div className="space-y-1" data-testid={`moves-${changes.board}`}>
      <p className="text-sm">
        <strong className="font-medium">{board}</strong>:{" "}
        {changes.moves.length === 0
          ? `no rank changes (${formatInt(changes.unchanged)} configurations)`
          : `${formatInt(changes.moves.filter((m) => m.kind === "moved").length)} moved, ${formatInt(changes.moves.filter((m) => m.kind === "added").length)} added, ${formatInt(changes.moves.filter((m) => m.kind === "removed").length)} removed, ${formatInt(changes.unchanged)} unchanged`}{" "}
        ·{" "}
        <Link href={leaderboard} className="underline underline-offset-4">
          leaderboard at this snapshot
        </Link>
      </p>
      {provenanceChanged ? (
        <p className="text-xs text-muted-foreground">
          The board switched from {changes.synthetic.previous ? "synthetic demo runs" : "real runs"} to{" "}
          {changes.synthetic.this ? "synthetic demo runs" : "real runs"}: the ranks are not comparable.
        </p>
      ) : null}
      {changes.moves.length ? (
        <Table containerClassName="max-h-80 max-w-2xl rounded-lg border">
          <caption className="sr-only">Rank changes on {board}</caption>
          <TableHeader>
            <TableRow>
              <TableHead className="sticky top-0 bg-background">Configuration</TableHead>
              <TableHead numeric className="sticky top-0 bg-background">
                Rank
              </TableHead>
              <TableHead numeric className="sticky top-0 bg-background">
                Change
              </TableHead>
              <TableHead numeric className="sticky top-0 bg-background">
                Mean win rate
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {changes.moves.map((m) => (
              <TableRow key={m.config} data-kind={m.kind}>
                <TableCell>
                  <Link href={`/models/${encodeURIComponent(m.config)}?board=${changes.board}`} className="underline-offset-4 hover:underline">
                    {m.displayName}
                  </Link>
                </TableCell>
                <TableCell numeric>
                  {m.from ?? MISSING} → {m.to ?? MISSING}
                </TableCell>
                <TableCell numeric>{m.kind === "moved" ? arrow(m.from, m.to) : m.kind}</TableCell>
                <TableCell numeric>
                  {formatPercent(m.fromWinRate)} → {formatPercent(m.toWinRate)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}
