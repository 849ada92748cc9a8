/**
 * The ingest library: artifacts → database. Plain TypeScript (no Next): the CLI
 * (scripts/ingest.ts), the demo seeder and the web upload all call it.
 */
import type { RawClient } from "../db/raw";
import { discoverRuns, type DiscoveredRun, type DiscoverOptions } from "./discover";
import { ingestRuns, type IngestOptions, type IngestReport } from "./load";

export { discoverRuns, type DiscoveredRun, type DiscoverOptions } from "./discover";
export { IngestError } from "./errors";
export { ingestRuns, type IngestOptions, type IngestProgress, type IngestReport, type IngestedRun, type Provenance, type RunProblem } from "./load";
export { syncCatalog } from "./catalog-sync";
export { formatProgress, toJsonSummary, type JsonRun, type JsonSummary } from "./summary";

/** Find every run under `paths` and load them all in one transaction. */
export async function ingestPaths(raw: RawClient, paths: string[], opts: IngestOptions & DiscoverOptions): Promise<IngestReport> {
  const runs: DiscoveredRun[] = [];
  for (const p of paths) runs.push(...(await discoverRuns(p, { format: opts.format })));
  return ingestRuns(raw, runs, opts);
}
