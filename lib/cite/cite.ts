/**
 * "Cite this view": the permalink (the view's URL pinned to its snapshot), and BibTeX and plain
 * text for the site and for the benchmarks the view shows. Pure: the client popover builds the
 * site citation from `window.location` when it opens; the server passes the benchmark entries.
 */
import { bibtexKey, bibtexToPlain, escapeBibtex, escapeBibtexUrl, parseBibtex } from "./bibtex";
import { withSnapshotParam } from "./url";

export const SITE_NAME = "Medmarks Explorer";

export interface SiteCitationInput {
  /** The view's URL (absolute for a citation; a path is accepted). Pinned to `snapshotId` here. */
  url: string;
  /** What the view shows, e.g. "Medmarks-V leaderboard". */
  title: string;
  snapshotId: string;
  /** ISO timestamp or date of the snapshot. */
  snapshotDate: string;
  /** The access date, ISO (only its YYYY-MM-DD part is used). */
  accessed: string;
}

export interface SiteCitation {
  permalink: string;
  bibtex: string;
  plain: string;
}

const day = (iso: string) => iso.slice(0, 10);

/** The permalink: `url` with `snapshot=<id>` added (or replacing another snapshot). */
export function permalink(url: string, snapshotId: string): string {
  return withSnapshotParam(url, snapshotId);
}

export function siteCitation(input: SiteCitationInput): SiteCitation {
  const link = permalink(input.url, input.snapshotId);
  const year = day(input.snapshotDate).slice(0, 4);
  const bibtex = [
    `@misc{${bibtexKey(`medmarks_explorer_${input.snapshotId}`)},`,
    `  title = {{${SITE_NAME}}: ${escapeBibtex(input.title)}},`,
    `  howpublished = {\\url{${escapeBibtexUrl(link)}}},`,
    /^\d{4}$/.test(year) ? `  year = {${year}},` : null,
    `  note = {Snapshot ${escapeBibtex(input.snapshotId)}, accessed ${day(input.accessed)}}`,
    `}`,
  ]
    .filter((l) => l !== null)
    .join("\n");
  const plain = `${SITE_NAME}. ${input.title}. Snapshot ${input.snapshotId} (${day(input.snapshotDate)}). ${link} (accessed ${day(input.accessed)}).`;
  return { permalink: link, bibtex, plain };
}

export interface BenchmarkCitation {
  /** Benchmark slugs citing this entry (several benchmarks can share one paper). */
  slugs: string[];
  names: string[];
  key: string;
  bibtex: string;
  plain: string;
}

/**
 * Citations of the benchmarks shown, from their catalog BibTeX, in the order given; entries with
 * the same key are listed once; benchmarks without BibTeX are returned in `missing`.
 */
export function benchmarkCitations(benchmarks: ReadonlyArray<{ slug: string; name: string; bibtex: string | null | undefined }>): {
  entries: BenchmarkCitation[];
  missing: { slug: string; name: string }[];
} {
  const entries: BenchmarkCitation[] = [];
  const byKey = new Map<string, BenchmarkCitation>();
  const missing: { slug: string; name: string }[] = [];
  for (const b of benchmarks) {
    const text = b.bibtex?.trim();
    const parsed = text ? parseBibtex(text)[0] : undefined;
    if (!text || !parsed) {
      missing.push({ slug: b.slug, name: b.name });
      continue;
    }
    const key = parsed.key || b.slug;
    const seen = byKey.get(key);
    if (seen) {
      if (!seen.slugs.includes(b.slug)) {
        seen.slugs.push(b.slug);
        seen.names.push(b.name);
      }
      continue;
    }
    const entry: BenchmarkCitation = { slugs: [b.slug], names: [b.name], key, bibtex: text, plain: bibtexToPlain(parsed) };
    byKey.set(key, entry);
    entries.push(entry);
  }
  return { entries, missing };
}
