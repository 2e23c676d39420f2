import { defineConfig } from "vitest/config";
import { resultReporters } from "../../vitest.shared.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: resultReporters("@kpikit/api"),
    testTimeout: 30_000,
    globalSetup: ["../../scripts/postgres-server.mjs"],
  },
});
