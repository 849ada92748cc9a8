/**
 * The ingest library: artifacts → database. Plain TypeScript (no Next): the CLI
 * (scripts/ingest.ts), the demo seeder and the web upload all call it.
 */
import type { RawClient } from "../db/raw";
import { discoverRuns, type DiscoveredRun } from "./discover";
import { ingestRuns, type IngestOptions, type IngestReport } from "./load";

export { discoverRuns, type DiscoveredRun } from "./discover";
export { IngestError } from "./errors";
export { ingestRuns, type IngestOptions, type IngestProgress, type IngestReport, type IngestedRun, type Provenance } from "./load";
export { syncCatalog } from "./catalog-sync";

/** Find every run under `paths` and load them all in one transaction. */
export async function ingestPaths(raw: RawClient, paths: string[], opts: IngestOptions): Promise<IngestReport> {
  const runs: DiscoveredRun[] = [];
  for (const p of paths) runs.push(...(await discoverRuns(p)));
  return ingestRuns(raw, runs, opts);
}
