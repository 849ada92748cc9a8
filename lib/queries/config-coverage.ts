/**
 * A configuration's coverage of the suite: for every catalog variant of a board, whether a run
 * the board shows exists, and whether it is complete. Pure (the query passes the runs in).
 */
import type { CatalogBenchmark, CatalogVariant } from "../catalog/types";
import type { Board, CoverageItem, CoverageView } from "./config-types";

export interface CoverageRun {
  id: number;
  benchmark: string;
  envId: string;
  variantId: string;
  observedRows: number;
  expectedRows: number | null;
}

const variantKey = (benchmark: string, envId: string, variantId: string) => `${benchmark}\u0000${envId}\u0000${variantId}`;

/** An interrupted run keeps fewer rows than num_examples × rollouts_per_example (unknown expected = complete). */
export function isIncomplete(run: Pick<CoverageRun, "observedRows" | "expectedRows">): boolean {
  return run.expectedRows !== null && run.observedRows < run.expectedRows;
}

export function buildCoverage(
  board: Board,
  suite: readonly { benchmark: Pick<CatalogBenchmark, "slug" | "name">; variant: Pick<CatalogVariant, "envId" | "variantId" | "nQuestions"> }[],
  runs: readonly CoverageRun[],
): CoverageView {
  // Keyed by benchmark too: careqa (en) and careqa_open share env `careqa` and variant `base`.
  const byVariant = new Map<string, CoverageRun>();
  for (const r of runs) byVariant.set(variantKey(r.benchmark, r.envId, r.variantId), r);
  const inSuite = new Set<string>();
  const items: CoverageItem[] = suite.map(({ benchmark, variant }) => {
    const key = variantKey(benchmark.slug, variant.envId, variant.variantId);
    inSuite.add(key);
    const run = byVariant.get(key) ?? null;
    return {
      benchmark: benchmark.slug,
      benchmarkName: benchmark.name,
      envId: variant.envId,
      variantId: variant.variantId,
      nQuestions: variant.nQuestions,
      status: run === null ? "missing" : isIncomplete(run) ? "incomplete" : "complete",
      runId: run?.id ?? null,
      observedRows: run?.observedRows ?? null,
      expectedRows: run?.expectedRows ?? null,
    };
  });
  const count = (s: CoverageItem["status"]) => items.filter((i) => i.status === s).length;
  return {
    board,
    total: items.length,
    withRun: items.length - count("missing"),
    complete: count("complete"),
    incomplete: count("incomplete"),
    missing: count("missing"),
    items,
    extraRuns: [...byVariant.keys()].filter((k) => !inSuite.has(k)).length,
  };
}
