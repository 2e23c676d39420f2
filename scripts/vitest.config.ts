import { defineConfig } from "vitest/config";
import { resultReporters } from "../vitest.shared.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.mjs"],
    reporters: resultReporters("@kpikit/scripts"),
    // The install test downloads a Node package (about 30 MB) when npm's cache does not have it.
    testTimeout: 180_000,
  },
});
