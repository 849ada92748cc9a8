/**
 * Prints `vitest: N passed, N failed[, N skipped]` as the last line (the CI log reader does not
 * know vitest), and appends the counts to $TEST_TOTALS_FILE so .ci/run can total all suites.
 */
import fs from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      // A file that failed to load (syntax error, failing beforeAll) has no passing tests: count it.
      if (m.state() === "failed" && [...m.children.allTests()].every((t) => t.result().state !== "failed")) failed++;
    }
    failed += unhandledErrors.length;
    const line = `vitest: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
    // Printed after vitest's own summary.
    setImmediate(() => console.log(line));
    const file = process.env.TEST_TOTALS_FILE;
    if (file) fs.appendFileSync(file, `${passed} ${failed} ${skipped}\n`);
  }
}
