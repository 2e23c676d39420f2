import { defineConfig } from "vitest/config";
import { resultReporters } from "../../vitest.shared.ts";

// The Studio's pure modules (messages, search, snippets, origins) in Node; its pages are driven in
// Chromium by apps/server/test/studio.test.ts, against the real server.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: resultReporters("@kpikit/studio"),
  },
});
