import { benchmarks as catalogBenchmarks, getBenchmark } from "@/lib/catalog";
import type { SnapshotInfo } from "@/lib/boards/snapshot";
import { benchmarkCitations } from "@/lib/cite/cite";

import { CitePopover } from "./cite-popover";

export interface CitedBenchmark {
  slug: string;
  name: string;
  bibtex: string | null | undefined;
}

/**
 * The catalog entries (name, BibTeX) of these benchmarks (slugs, or slugs with the name the view
 * shows); a benchmark not in the catalog has no BibTeX (it is listed as such).
 */
export function catalogCitations(items: Iterable<string | { slug: string; name?: string }>): CitedBenchmark[] {
  const out: CitedBenchmark[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const slug = typeof item === "string" ? item : item.slug;
    if (seen.has(slug)) continue;
    seen.add(slug);
    const b = getBenchmark(slug);
    out.push({ slug, name: b?.name ?? (typeof item === "string" ? slug : (item.name ?? slug)), bibtex: b?.bibtex ?? null });
  }
  return out;
}

/** The catalog benchmarks of a board, in catalog order. */
export function boardCitations(board: "V" | "OE"): CitedBenchmark[] {
  return catalogCitations(catalogBenchmarks.filter((b) => b.subset === board && b.inThirty).map((b) => b.slug));
}

/**
 * "Cite this view": a permalink pinned to the snapshot, BibTeX and plain text for the view, and
 * the catalog BibTeX of the benchmarks it shows. Server part: resolves the benchmark entries and
 * hands plain strings to the client popover, which reads the live URL when opened.
 */
export function CiteThisView({
  title,
  path,
  snapshot,
  benchmarks = [],
}: {
  /** What the view shows, as the page title says it. */
  title: string;
  /** The view's URL as the server saw it (path and query); the popover uses the live URL once opened. */
  path: string;
  snapshot: SnapshotInfo;
  benchmarks?: CitedBenchmark[];
}) {
  const { entries, missing } = benchmarkCitations(benchmarks);
  return (
    <CitePopover
      title={title}
      path={path}
      snapshotId={snapshot.id}
      snapshotDate={snapshot.createdAt}
      accessed={new Date().toISOString()}
      benchmarks={entries}
      missing={missing}
    />
  );
}
