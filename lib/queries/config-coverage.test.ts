import { describe, expect, it } from "vitest";
import { suiteVariants } from "../catalog";
import { buildCoverage, isIncomplete } from "./config-coverage";

const suite = [
  { benchmark: { slug: "careqa", name: "CareQA" }, variant: { envId: "careqa", variantId: "base", nQuestions: 10 } },
  { benchmark: { slug: "careqa_open", name: "CareQA Open" }, variant: { envId: "careqa", variantId: "base", nQuestions: 5 } },
  { benchmark: { slug: "medqa", name: "MedQA" }, variant: { envId: "medqa", variantId: "base", nQuestions: 4 } },
];

describe("buildCoverage", () => {
  it("counts complete, incomplete and missing variants, keyed by benchmark as well as env and variant", () => {
    const cov = buildCoverage("V", suite, [
      { id: 1, benchmark: "careqa", envId: "careqa", variantId: "base", observedRows: 10, expectedRows: 10 },
      { id: 2, benchmark: "medqa", envId: "medqa", variantId: "base", observedRows: 3, expectedRows: 4 },
      { id: 3, benchmark: "medqa", envId: "medqa", variantId: "num_options-9", observedRows: 4, expectedRows: null },
    ]);
    expect(cov).toMatchObject({ board: "V", total: 3, withRun: 2, complete: 1, incomplete: 1, missing: 1, extraRuns: 1 });
    expect(cov.items.map((i) => [i.benchmark, i.status, i.runId])).toEqual([
      ["careqa", "complete", 1],
      ["careqa_open", "missing", null],
      ["medqa", "incomplete", 2],
    ]);
    expect(cov.items[2]).toMatchObject({ observedRows: 3, expectedRows: 4, nQuestions: 4 });
  });

  it("treats an unknown expected row count as complete", () => {
    expect(isIncomplete({ observedRows: 3, expectedRows: null })).toBe(false);
    expect(isIncomplete({ observedRows: 3, expectedRows: 3 })).toBe(false);
    expect(isIncomplete({ observedRows: 2, expectedRows: 3 })).toBe(true);
  });

  it("lists every suite variant of a board as missing when there are no runs", () => {
    const cov = buildCoverage("OE", suiteVariants("OE"), []);
    expect(cov.total).toBe(suiteVariants("OE").length);
    expect(cov.missing).toBe(cov.total);
    expect(cov.withRun).toBe(0);
  });
});
