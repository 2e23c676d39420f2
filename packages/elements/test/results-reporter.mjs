// Writes the totals of a @web/test-runner run in the shape scripts/test-summary.mjs reads
// (Vitest's JSON reporter: numPassedTests, numFailedTests, numPendingTests).
import { mkdirSync, writeFileSync } from "node:fs";

function count(suite, totals) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) totals.skipped++;
    else if (t.passed) totals.passed++;
    else totals.failed++;
  }
  for (const s of suite?.suites ?? []) count(s, totals);
}

export function resultsReporter(packageName) {
  return {
    onTestRunFinished({ sessions }) {
      const dir = process.env.KPIKIT_RESULTS_DIR;
      if (!dir) return;
      const totals = { passed: 0, failed: 0, skipped: 0 };
      let broken = 0;
      for (const session of sessions) {
        count(session.testResults, totals);
        // A test file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) broken++;
      }
      mkdirSync(dir, { recursive: true });
      const stem = packageName.replace(/^@/, "").replace(/[^a-z0-9]+/gi, "-");
      writeFileSync(
        `${dir}/${stem}.json`,
        JSON.stringify({
          numPassedTests: totals.passed,
          numFailedTests: totals.failed + broken,
          numPendingTests: totals.skipped,
          success: totals.failed + broken === 0,
        }),
      );
    },
  };
}
