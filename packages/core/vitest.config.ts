import { defineConfig } from "vitest/config";
import { resultReporters } from "../../vitest.shared.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: resultReporters("@kpikit/core"),
    globalSetup: ["../../scripts/postgres-server.mjs"],
  },
});
