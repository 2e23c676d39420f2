// Totals every suite's results into the one line `.ci/run` ends with.
// A suite writes one or more JSON files named after its package (`@kpikit/core` -> `kpikit-core*.json`)
// in Vitest's JSON reporter format (numPassedTests, numFailedTests, numPendingTests, numTodoTests).
// A suite that wrote nothing counts as one failure, so a crash before the tests ran cannot pass.
// A suite whose process failed with every test passed (an unhandled error, a failed teardown) counts
// as one failure too: turbo's run summary gives each task's exit code.
// The failed tests are listed just above the totals: a CI log is often read from its end only.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

export function resultsFileStem(packageName) {
  return packageName.replace(/^@/, "").replace(/[^a-z0-9]+/gi, "-");
}

/**
 * Names and first message lines of a results file's failed tests (Vitest's JSON, or `failures`),
 * and of its test files that failed outside their tests, test files named from `root`.
 */
function failuresOf(results, root) {
  const vitest = (results.testResults ?? []).flatMap((file) => {
    const failed = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    // A file that failed with none of its tests failed: a hook of its own, or an import, failed.
    if (failed.length === 0 && file.status === "failed")
      return [{ name: relative(root, file.name), message: file.message || "failed outside its tests" }];
    return failed.map((t) => ({
      name: `${relative(root, file.name)} > ${t.fullName}`,
      message: t.failureMessages?.[0],
    }));
  });
  return [...vitest, ...(results.failures ?? [])].map(
    ({ name, message }) =>
      `${name}: ${String(message ?? "failed")
        .split("\n")[0]
        .slice(0, 300)}`,
  );
}

/** Each package's exit code for `task`, from the JSON that `turbo run --summarize` wrote in `runsDir`. */
export function taskExitCodes(runsDir, task) {
  const codes = {};
  const files = existsSync(runsDir) ? readdirSync(runsDir).filter((f) => f.endsWith(".json")) : [];
  for (const file of files)
    for (const t of JSON.parse(readFileSync(join(runsDir, file), "utf8")).tasks ?? [])
      if (t.task === task && t.execution?.exitCode != null) codes[t.package] = t.execution.exitCode;
  return codes;
}

export function summarize(dir, suites, turboStatus, exitCodes = {}) {
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
    const failedBefore = failed;
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
    const code = exitCodes[suite] ?? 0;
    if (code !== 0 && failed === failedBefore) {
      failed += 1;
      const why = `${suite}: exited ${code} with no failed test (an error outside the tests: see its log)`;
      rows.push(why);
      failures.push(why);
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
