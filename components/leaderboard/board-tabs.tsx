"use client";

import Link from "next/link";

import type { Board } from "@/lib/queries/leaderboard-types";
import { cn } from "@/lib/utils";
import { leaderboardHref } from "./params";
import { useLeaderboardUrl } from "./use-leaderboard-url";

const BOARDS: { board: Board; label: string; hint: string }[] = [
  { board: "V", label: "Medmarks-V", hint: "verifiable" },
  { board: "OE", label: "Medmarks-OE", hint: "open-ended, LLM-judged" },
];

/** V | OE as links that keep every other parameter (settings, filters, sort, columns, selection). */
export function BoardTabs({ board }: { board: Board }) {
  const { params } = useLeaderboardUrl();
  return (
    <nav aria-label="Board" className="inline-flex h-fit items-center rounded-lg border bg-muted p-0.5" data-testid="board-tabs">
      {BOARDS.map((b) => {
        const active = b.board === board;
        return (
          <Link
            key={b.board}
            href={leaderboardHref({ ...params, board: b.board })}
            scroll={false}
            aria-current={active ? "page" : undefined}
            title={`${b.label}: ${b.hint}`}
            className={cn(
              "rounded-md px-3 py-1 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
              active && "bg-background text-foreground shadow-xs",
            )}
          >
            {b.board}
            <span className="sr-only"> board ({b.hint})</span>
          </Link>
        );
      })}
    </nav>
  );
}
