import { defineConfig } from "vitest/config";
import { resultReporters } from "../../vitest.shared.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: resultReporters("@kpikit/server"),
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ["../../scripts/postgres-server.mjs"],
  },
});
