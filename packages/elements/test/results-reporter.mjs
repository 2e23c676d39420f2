// Writes the results of a @web/test-runner run in the shape scripts/test-summary.mjs reads
// (Vitest's JSON reporter: numPassedTests, numFailedTests, numPendingTests, and the failed tests'
// names and messages, so the last lines of a CI log say which test failed).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";

function count(suite, path, totals) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) totals.skipped++;
    else if (t.passed) totals.passed++;
    else {
      totals.failed++;
      totals.failures.push({ name: [...path, t.name].join(" > "), message: t.error?.message ?? "failed" });
    }
  }
  for (const s of suite?.suites ?? []) count(s, [...path, s.name], totals);
}

export function resultsReporter(packageName) {
  return {
    onTestRunFinished({ sessions }) {
      const dir = process.env.KPIKIT_RESULTS_DIR;
      if (!dir) return;
      const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        // Named from the root of the tree, where the results' folder is.
        count(session.testResults, [relative(dirname(dir), session.testFile)], totals);
        // A test file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.failed++;
          totals.failures.push({
            name: relative(dirname(dir), session.testFile),
            message: session.errors[0]?.message ?? "did not run",
          });
        }
      }
      mkdirSync(dir, { recursive: true });
      const stem = packageName.replace(/^@/, "").replace(/[^a-z0-9]+/gi, "-");
      writeFileSync(
        `${dir}/${stem}.json`,
        JSON.stringify({
          numPassedTests: totals.passed,
          numFailedTests: totals.failed,
          numPendingTests: totals.skipped,
          success: totals.failed === 0,
          failures: totals.failures,
        }),
      );
    },
  };
}
