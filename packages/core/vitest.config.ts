import { defineConfig } from "vitest/config";
import { resultReporters } from "../../vitest.shared.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: resultReporters("@kpikit/core"),
    // Generating demo data twice took 7 s of vitest's 5 s default on a busy 2-core machine.
    testTimeout: 30_000,
    globalSetup: ["../../scripts/postgres-server.mjs"],
  },
});
