import { formatDate } from "@/lib/format";

import type { PageSnapshot } from "@/components/snapshot/resolve";

import { FullViewLink } from "./full-view-link";

/** The full page an embed shows: its path and the section to scroll to. */
export interface FullView {
  pathname: string;
  hash?: string;
}

const LINK = "underline underline-offset-4 hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/**
 * The line under every embed: "Medmarks Explorer · snapshot <id> · <date> · synthetic demo data ·
 * open full view ↗", the last linking (new tab) to the full page with the embed's parameters (minus
 * `h` and `n`, which only shape the embed). Says
 * too when the snapshot asked for was not an id (the latest is shown) or a newer one exists.
 */
export function EmbedFooter({ snap, synthetic, full }: { snap: PageSnapshot; synthetic: boolean; full: FullView }) {
  const { shown } = snap;
  return (
    <footer className="flex flex-wrap items-baseline gap-x-1.5 gap-y-0.5 text-xs text-muted-foreground" data-testid="embed-footer" data-snapshot={shown.id}>
      <a href="/" target="_blank" rel="noopener" className={`font-medium text-foreground ${LINK}`}>
        Medmarks Explorer
      </a>
      <span aria-hidden="true">·</span>
      <span>
        snapshot <code className="font-mono">{shown.id}</code>
      </span>
      <span aria-hidden="true">·</span>
      <span>{formatDate(shown.createdAt)}</span>
      {synthetic ? (
        <>
          <span aria-hidden="true">·</span>
          <strong className="font-semibold text-warning-foreground" data-testid="embed-synthetic">
            synthetic demo data
          </strong>
        </>
      ) : null}
      {snap.invalid !== null ? (
        <>
          <span aria-hidden="true">·</span>
          <span data-testid="embed-invalid-snapshot">snapshot parameter ignored (not an id): latest shown</span>
        </>
      ) : snap.outdated ? (
        <>
          <span aria-hidden="true">·</span>
          <span data-testid="embed-newer">a newer snapshot exists</span>
        </>
      ) : null}
      <span aria-hidden="true">·</span>
      <FullViewLink pathname={full.pathname} hash={full.hash} className={LINK}>
        open full view <span aria-hidden="true">↗</span>
        <span className="sr-only"> (opens in a new tab)</span>
      </FullViewLink>
    </footer>
  );
}
