// Totals every suite's results into the one line `.ci/run` ends with.
// A suite writes one or more JSON files named after its package (`@kpikit/core` -> `kpikit-core*.json`)
// in Vitest's JSON reporter format (numPassedTests, numFailedTests, numPendingTests, numTodoTests).
// A suite that wrote nothing counts as one failure, so a crash before the tests ran cannot pass.
// The failed tests are listed just above the totals: a CI log is often read from its end only.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

export function resultsFileStem(packageName) {
  return packageName.replace(/^@/, "").replace(/[^a-z0-9]+/gi, "-");
}

/**
 * Names and first message lines of a results file's failed tests (Vitest's JSON, or `failures`),
 * test files named from `root`.
 */
function failuresOf(results, root) {
  const vitest = (results.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((t) => t.status === "failed")
      .map((t) => ({
        name: `${relative(root, file.name)} > ${t.fullName}`,
        message: t.failureMessages?.[0],
      })),
  );
  return [...vitest, ...(results.failures ?? [])].map(
    ({ name, message }) =>
      `${name}: ${String(message ?? "failed")
        .split("\n")[0]
        .slice(0, 300)}`,
  );
}

export function summarize(dir, suites, turboStatus) {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const rows = [];
  const failures = [];
  for (const suite of suites) {
    const stem = resultsFileStem(suite);
    const own = files.filter((f) => f === `${stem}.json` || f.startsWith(`${stem}.`));
    if (own.length === 0) {
      failed += 1;
      rows.push(`${suite}: no results (the suite did not run to the end)`);
      continue;
    }
    for (const file of own) {
      const r = JSON.parse(readFileSync(join(dir, file), "utf8"));
      const p = r.numPassedTests ?? 0;
      const f =
        (r.numFailedTests ?? 0) +
        (r.numRuntimeErrorTestSuites ?? 0) +
        (r.success === false && !r.numFailedTests ? 1 : 0);
      const s = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
      passed += p;
      failed += f;
      skipped += s;
      // The results' folder is at the root of the tree.
      failures.push(...failuresOf(r, dirname(dir)));
      rows.push(`${file.replace(/\.json$/, "")}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ""}`);
    }
  }
  if (failures.length > 0) console.log(`\nFailed tests:\n  ${failures.join("\n  ")}`);
  console.log(`\nTest suites (turbo exit code ${turboStatus}):\n  ${rows.join("\n  ")}\n`);
  return {
    passed,
    failed,
    skipped,
    line: `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`,
  };
}
