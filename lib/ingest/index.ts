/**
 * The ingest library: artifacts → database. Plain TypeScript (no Next): the CLI
 * (scripts/ingest.ts), the demo seeder and the web upload all call it.
 */
import fs from "node:fs/promises";
import { archiveTempDir } from "./temp";
import path from "node:path";
import type { RawClient } from "../db/raw";
import { archiveKind, extractArchive, type ArchiveLimits } from "./archive";
import { discover, type DiscoveredRun, type DiscoverOptions, type SkippedJob } from "./discover";
import { IngestError } from "./errors";
import { ingestRuns, type IngestedRun, type IngestOptions, type IngestReport } from "./load";

export { discover, discoverRuns, type DiscoveredRun, type DiscoverOptions, type SkippedJob } from "./discover";
export { IngestError } from "./errors";
export { ingestRuns, type IngestOptions, type IngestProgress, type IngestReport, type IngestedRun, type Provenance, type RunProblem } from "./load";
export { syncCatalog } from "./catalog-sync";
export { extractArchive, type ArchiveLimits } from "./archive";
export { formatProgress, toJsonSummary, type JsonRun, type JsonSummary } from "./summary";

export interface PathsReport extends IngestReport {
  /** Gen B jobs that are not results (pending, running, failed). */
  skipped: SkippedJob[];
}

/** An archive that could not be opened: one rejected entry naming it. */
function rejectedArchive(file: string, e: unknown): IngestedRun {
  const err = e instanceof IngestError ? e : new IngestError(file, (e as Error).message);
  return {
    dir: file, format: "A", outcome: "rejected", runId: null, config: null, benchmark: null, dataset: null, status: null,
    supersedes: null, observedRows: 0, expectedRows: null, meanReward: null, newCatalogEntries: [], warnings: [],
    errors: [{ file: err.file, line: err.line ?? null, field: err.field ?? null, message: err.problem }],
  };
}

/**
 * Find every run under `paths` (folders, parquet files, `.zip` / `.tar.gz` archives, which are
 * unpacked safely into a temporary folder first) and load them, each run all-or-nothing.
 */
export async function ingestPaths(
  raw: RawClient,
  paths: string[],
  opts: IngestOptions & DiscoverOptions & { archiveLimits?: ArchiveLimits },
): Promise<PathsReport> {
  const runs: DiscoveredRun[] = [];
  const skipped: SkippedJob[] = [];
  const early: IngestedRun[] = [];
  const temps: { dir: string; archive: string }[] = [];
  try {
    for (const p of paths) {
      const stat = await fs.stat(p).catch(() => null);
      let root = p;
      if (stat?.isFile() && (await archiveKind(p))) {
        const tmp = await archiveTempDir();
        const dest = path.join(tmp, "x");
        temps.push({ dir: dest, archive: path.resolve(p) });
        try {
          await extractArchive(p, dest, opts.archiveLimits);
        } catch (e) {
          early.push(rejectedArchive(path.resolve(p), e));
          continue;
        }
        root = dest;
      }
      const found = await discover(root, { format: opts.format });
      const archive = temps.find((t) => t.dir === root);
      // The run's source (stored and shown) names the archive, not the temporary folder.
      if (archive) for (const r of found.runs) r.dir = `${archive.archive}!${r.dir.slice(root.length)}`;
      runs.push(...found.runs);
      skipped.push(...found.skipped);
    }
    const report = await ingestRuns(raw, runs, opts);
    // Name files inside archives as `archive!/path`, not by the temporary folder.
    const rename = (f: string) => {
      for (const t of temps) if (f.startsWith(t.dir)) return `${t.archive}!${f.slice(t.dir.length)}`;
      return f;
    };
    for (const r of report.runs) for (const e of r.errors) e.file = rename(e.file);
    return { ...report, runs: [...early, ...report.runs], skipped: skipped.map((s) => ({ ...s, manifest: rename(s.manifest) })) };
  } finally {
    for (const t of temps) await fs.rm(path.dirname(t.dir), { recursive: true, force: true });
  }
}
