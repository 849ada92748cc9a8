import type { ReactNode } from "react";

import type { PageSnapshot } from "@/components/snapshot/resolve";

import { EmbedFooter, type FullView } from "./embed-footer";

/** One embedded view: its chart or table, then the footer line with the link back. */
export function EmbedShell({
  view,
  snap,
  synthetic,
  full,
  children,
}: {
  /** Which embed (data attribute for tests and styling). */
  view: string;
  snap: PageSnapshot;
  synthetic: boolean;
  /** The full page (the link keeps the embed's parameters). */
  full: FullView;
  children: ReactNode;
}) {
  return (
    <div className="flex w-full flex-col gap-2" data-testid="embed" data-embed-view={view}>
      <div className="min-w-0">{children}</div>
      <EmbedFooter snap={snap} synthetic={synthetic} full={full} />
    </div>
  );
}

/** What an embed shows when its view has nothing to draw (the full view says what to do). */
export function EmbedEmpty({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground" data-testid="embed-empty">
      {children}
    </p>
  );
}
