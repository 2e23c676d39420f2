// Every Vitest suite writes its results where `npm test` totals them (scripts/test-summary.mjs).
// Run on its own (no KPIKIT_RESULTS_DIR), a suite only prints to the terminal.
export function resultReporters(packageName: string, part?: string): (string | [string, Record<string, unknown>])[] {
  const dir = process.env.KPIKIT_RESULTS_DIR;
  if (!dir) return ["default"];
  const stem = packageName.replace(/^@/, "").replace(/[^a-z0-9]+/gi, "-");
  return ["default", ["json", { outputFile: `${dir}/${stem}${part ? `.${part}` : ""}.json` }]];
}
