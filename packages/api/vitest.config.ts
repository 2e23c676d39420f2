import { defineConfig } from "vitest/config";
import { resultReporters } from "../../vitest.shared.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: resultReporters("@kpikit/api"),
    testTimeout: 30_000,
    // Each store's harness (a database on the test run's PostgreSQL, the fixture loaded with its
    // rollups) is a hook: on a busy machine it can take longer than vitest's 10 s.
    hookTimeout: 60_000,
    globalSetup: ["../../scripts/postgres-server.mjs"],
  },
});
