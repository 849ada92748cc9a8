import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm test`: unit + integration tests (no browser). Integration suites run on in-memory PGlite
// and, when TEST_DATABASE_URL is set, again on that PostgreSQL (a fresh database per suite).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${import.meta.dirname}/` },
      // What Next itself resolves `next/dynamic` to in the App Router (the pages-router one renders
      // nothing on the server for a component not yet loaded): the lazily loaded charts
      // (components/charts/lazy.tsx) then render in page tests as they do on the server.
      { find: /^next\/dynamic$/, replacement: "next/dist/shared/lib/app-dynamic" },
    ],
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", ".data/**", "tests/e2e/**"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // PGlite instances cost ~0.7 GB each: keep parallelism modest on 2-core machines.
    maxWorkers: 2,
    env: { DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
    reporters: ["default", "./tests/support/count-reporter.ts"],
  },
});
