/** The stem of a suite's results files (`@kpikit/core` -> `kpikit-core`), as the totals look for them. */
export function resultsFileStem(packageName: string): string;

/** Each package's exit code for `task`, from the JSON that `turbo run --summarize` wrote in `runsDir`. */
export function taskExitCodes(runsDir: string, task: string): Record<string, number>;

/** Totals the suites' results in `dir`, prints them with the failed tests, and returns the last line. */
export function summarize(
  dir: string,
  suites: readonly string[],
  turboStatus: number,
  exitCodes?: Record<string, number>,
): { passed: number; failed: number; skipped: number; line: string };
