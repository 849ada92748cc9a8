import Link from "next/link";

import { formatInt } from "@/lib/format";
import type { SamplePage } from "@/lib/queries/samples";
import { sampleParamsHref } from "@/lib/samples/params";

const LINK = "rounded-md border px-3 py-1 text-sm hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/** "Showing N of M matching (T total)" and the keyset page links: first, previous, next. */
export function SamplePager({ page, pathname, position }: { page: SamplePage; pathname: string; position: "top" | "bottom" }) {
  const p = page.params;
  return (
    <nav aria-label={`Sample pages (${position})`} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground tabular-nums" data-testid={position === "top" ? "sample-counts" : undefined}>
        Showing {formatInt(page.rows.length)} of {formatInt(page.matching)} matching ({formatInt(page.total)} total)
      </p>
      <div className="flex items-center gap-2">
        {!page.isFirstPage ? (
          <Link className={LINK} href={sampleParamsHref(pathname, { ...p, after: null, before: null })}>
            First page
          </Link>
        ) : null}
        {page.prevCursor ? (
          <Link className={LINK} rel="prev" href={sampleParamsHref(pathname, { ...p, after: null, before: page.prevCursor })}>
            ← Previous
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link className={LINK} rel="next" href={sampleParamsHref(pathname, { ...p, after: page.nextCursor, before: null })}>
            Next →
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
