import { defineConfig } from "vitest/config";
import { resultReporters } from "../../vitest.shared.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: resultReporters("@kpikit/server"),
    testTimeout: 120_000,
    // Longer than what a hook waits for itself (a server's start: up to 120 s, then Chromium's), so
    // that a slow start fails with the server's output, not a bare "Hook timed out".
    hookTimeout: 300_000,
    fileParallelism: false,
    globalSetup: ["../../scripts/postgres-server.mjs"],
  },
});
