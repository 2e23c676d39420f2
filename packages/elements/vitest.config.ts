import { defineConfig } from "vitest/config";
import { resultReporters } from "../../vitest.shared.ts";

// The package's own checks that run in Node (what the tarball carries); the elements' tests run in
// Chromium under @web/test-runner.
export default defineConfig({
  test: {
    include: ["test/**/*.test.mjs"],
    reporters: resultReporters("@kpikit/elements", "node"),
    testTimeout: 120_000,
  },
});
