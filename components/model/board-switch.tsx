import Link from "next/link";

import type { Board, ConfigView } from "@/lib/queries/config-types";
import { cn } from "@/lib/utils";

import { configHref, type ConfigPageParams } from "./params";

/**
 * V | OE for the board-specific sections (chart, benchmark table, sibling deltas): `?board=`, keeping `runs`.
 * `label` names the navigation landmark; it must differ between the switches of one page.
 */
export function BoardSwitch({ view, board, params, hash, label = "Board shown below" }: { view: ConfigView; board: Board; params: ConfigPageParams; hash?: string; label?: string }) {
  return (
    <nav aria-label={label} className="inline-flex h-fit items-center rounded-lg border bg-muted p-0.5" data-testid="config-board-switch">
      {view.boards.map((b) => {
        const active = b.board === board;
        return (
          <Link
            key={b.board}
            href={configHref(view.slug, { ...params, board: b.board }, hash)}
            scroll={false}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
              active && "bg-background text-foreground shadow-xs",
            )}
          >
            Medmarks-{b.board}
            {!b.ranked ? <span className="sr-only"> (not ranked)</span> : null}
          </Link>
        );
      })}
    </nav>
  );
}
