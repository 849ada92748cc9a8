import Link from "next/link";

import type { Board } from "@/lib/queries/leaderboard-types";
import { cn } from "@/lib/utils";

const BOARDS: { board: Board; hint: string }[] = [
  { board: "V", hint: "verifiable" },
  { board: "OE", hint: "open-ended, LLM-judged" },
];

/** V | OE as links (`href(board)` builds each), the current one marked. Server component. */
export function BoardNav({ board, href, label = "Board" }: { board: Board; href: (b: Board) => string; label?: string }) {
  return (
    <nav aria-label={label} className="inline-flex h-fit items-center rounded-lg border bg-muted p-0.5" data-testid="board-nav">
      {BOARDS.map((b) => {
        const active = b.board === board;
        return (
          <Link
            key={b.board}
            href={href(b.board)}
            aria-current={active ? "page" : undefined}
            title={`Medmarks-${b.board}: ${b.hint}`}
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
