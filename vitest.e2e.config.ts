import { defineConfig } from "vitest/config";

// `npm run test:e2e`: browser tests in headless Chromium (Debian package, driven by playwright-core)
// against `next start` on a free port with a throwaway embedded database seeded with demo data.
export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["./tests/e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    reporters: ["default", "./tests/support/count-reporter.ts"],
  },
});
