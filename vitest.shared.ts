// Every Vitest suite writes its results where `npm test` totals them (scripts/test-summary.mjs).
// Run on its own (no KPIKIT_RESULTS_DIR), a suite only prints to the terminal.
import { writeFileSync } from "node:fs";
import { resultsFileStem } from "./scripts/test-summary.mjs";

/**
 * The part of Vitest's Reporter this file implements, declared here: from the root of the tree,
 * where this file is, `vitest/node` does not resolve (each package has its own Vitest).
 */
interface Reporter {
  onTestRunEnd(modules: unknown, errors: readonly { message: string; stack?: string }[]): void;
}

/**
 * Errors thrown outside any test (an unhandled rejection, a failed hook of the whole run) fail the
 * run but are in no test's result: written as failures of their own, the totals count and name them.
 */
function unhandledErrors(outputFile: string): Reporter {
  return {
    onTestRunEnd(_modules, errors) {
      if (errors.length === 0) return;
      const failures = errors.map((e) => ({ name: "an error outside any test", message: e.stack ?? e.message }));
      writeFileSync(outputFile, JSON.stringify({ numPassedTests: 0, numFailedTests: failures.length, failures }));
    },
  };
}

export function resultReporters(
  packageName: string,
  part?: string,
): (string | Reporter | [string, Record<string, unknown>])[] {
  const dir = process.env.KPIKIT_RESULTS_DIR;
  if (!dir) return ["default"];
  const stem = `${dir}/${resultsFileStem(packageName)}${part ? `.${part}` : ""}`;
  return ["default", ["json", { outputFile: `${stem}.json` }], unhandledErrors(`${stem}.unhandled.json`)];
}
