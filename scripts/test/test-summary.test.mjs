// The totals .ci/run ends with, and the failed tests listed just above them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { resultReporters } from "../../vitest.shared.ts";
import { summarize, taskExitCodes } from "../test-summary.mjs";

describe("the test summary", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-summary-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(dir, { recursive: true });
  const write = (name, results) => writeFileSync(join(dir, name), JSON.stringify(results));

  it("totals every suite, counts a suite without results as a failure, and names each failed test", () => {
    write("a-core.json", {
      numPassedTests: 3,
      numFailedTests: 1,
      numPendingTests: 1,
      testResults: [
        {
          name: join(dir, "..", "packages/core/test/aov.test.ts"),
          assertionResults: [
            { fullName: "aov divides", status: "passed", failureMessages: [] },
            {
              fullName: "aov is null on no orders",
              status: "failed",
              failureMessages: ["AssertionError: expected 0 to be null\n    at aov.test.ts:9"],
            },
          ],
        },
      ],
    });
    write("a-elements.json", {
      numPassedTests: 5,
      numFailedTests: 1,
      numPendingTests: 0,
      success: false,
      failures: [{ name: "src/kpi-card.test.ts > kpi-card > refreshes", message: "timed out\nstack" }],
    });
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const totals = summarize(dir, ["@a/core", "@a/elements", "@a/never-ran"], 1);
    const printed = log.mock.calls.map((c) => c.join(" ")).join("\n");
    log.mockRestore();

    expect(totals.line).toBe("8 passed, 3 failed, 1 skipped");
    expect(printed).toContain(
      "Failed tests:\n" +
        "  packages/core/test/aov.test.ts > aov is null on no orders: AssertionError: expected 0 to be null\n" +
        "  src/kpi-card.test.ts > kpi-card > refreshes: timed out\n",
    );
    expect(printed).toContain("@a/never-ran: no results (the suite did not run to the end)");
  });

  it("lists no failed tests when every test passed", () => {
    const clean = mkdtempSync(join(dir, "clean-"));
    writeFileSync(join(clean, "a-core.json"), JSON.stringify({ numPassedTests: 2, numFailedTests: 0 }));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(summarize(clean, ["@a/core"], 0).line).toBe("2 passed, 0 failed");
    expect(log.mock.calls.flat().join("\n")).not.toContain("Failed tests");
    log.mockRestore();
  });

  it("counts a suite that exited non-zero with every test passed as a failure, from turbo's run summary", () => {
    const runs = mkdtempSync(join(dir, "runs-"));
    writeFileSync(
      join(runs, "3N5Tym.json"),
      JSON.stringify({
        tasks: [
          { taskId: "@a/core#build", task: "build", package: "@a/core", execution: { exitCode: 2 } },
          { taskId: "@a/core#test", task: "test", package: "@a/core", execution: { exitCode: 1 } },
          { taskId: "@a/api#test", task: "test", package: "@a/api", execution: { exitCode: 0 } },
          { taskId: "@a/ui#test", task: "test", package: "@a/ui", execution: { exitCode: 1 } },
        ],
      }),
    );
    const codes = taskExitCodes(runs, "test");
    expect(codes).toEqual({ "@a/core": 1, "@a/api": 0, "@a/ui": 1 });

    const results = mkdtempSync(join(dir, "exits-"));
    writeFileSync(
      join(results, "a-core.json"),
      JSON.stringify({ numPassedTests: 2, numFailedTests: 0, success: true }),
    );
    writeFileSync(join(results, "a-api.json"), JSON.stringify({ numPassedTests: 4, numFailedTests: 0, success: true }));
    writeFileSync(join(results, "a-ui.json"), JSON.stringify({ numPassedTests: 1, numFailedTests: 1 }));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const totals = summarize(results, ["@a/core", "@a/api", "@a/ui"], 1, codes);
    const printed = log.mock.calls.map((c) => c.join(" ")).join("\n");
    log.mockRestore();

    // The UI suite's failed test already accounts for its exit code: it is not counted twice.
    expect(totals.line).toBe("7 passed, 2 failed");
    expect(printed).toContain("@a/core: exited 1 with no failed test (an error outside the tests: see its log)");
    expect(printed).not.toContain("@a/ui: exited");
  });

  it("counts and names an error outside any test, as the suites' reporters write it", () => {
    const results = mkdtempSync(join(dir, "unhandled-"));
    const before = process.env.KPIKIT_RESULTS_DIR;
    process.env.KPIKIT_RESULTS_DIR = results;
    const reporters = resultReporters("@a/core");
    if (before === undefined) delete process.env.KPIKIT_RESULTS_DIR;
    else process.env.KPIKIT_RESULTS_DIR = before;
    const [reporter] = reporters.filter((r) => typeof r === "object" && !Array.isArray(r));
    writeFileSync(
      join(results, "a-core.json"),
      JSON.stringify({ numPassedTests: 3, numFailedTests: 0, success: true }),
    );
    reporter.onTestRunEnd([], []);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(summarize(results, ["@a/core"], 0).line).toBe("3 passed, 0 failed");
    reporter.onTestRunEnd([], [{ message: "boom", stack: "Error: boom\n    at teardown (setup.ts:9)" }]);
    const totals = summarize(results, ["@a/core"], 1, { "@a/core": 1 });
    const printed = log.mock.calls.map((c) => c.join(" ")).join("\n");
    log.mockRestore();

    // Counted once: the error accounts for the suite's exit code.
    expect(totals.line).toBe("3 passed, 1 failed");
    expect(printed).toContain("an error outside any test: Error: boom");
  });

  it("names a test file that failed outside its tests, as a hook that timed out", () => {
    const results = mkdtempSync(join(dir, "hook-"));
    writeFileSync(
      join(results, "a-server.json"),
      JSON.stringify({
        numPassedTests: 4,
        numFailedTests: 0,
        numPendingTests: 2,
        success: false,
        testResults: [
          {
            name: join(results, "..", "apps/server/test/studio.test.ts"),
            status: "failed",
            message: "Hook timed out in 120000ms.\nIf this is a long-running hook, pass a timeout value",
            assertionResults: [
              { fullName: "KPI Studio signs in", status: "skipped", failureMessages: [] },
              { fullName: "KPI Studio embeds", status: "skipped", failureMessages: [] },
            ],
          },
        ],
      }),
    );
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const totals = summarize(results, ["@a/server"], 1, { "@a/server": 1 });
    const printed = log.mock.calls.map((c) => c.join(" ")).join("\n");
    log.mockRestore();

    expect(totals.line).toBe("4 passed, 1 failed, 2 skipped");
    expect(printed).toContain("Failed tests:\n  apps/server/test/studio.test.ts: Hook timed out in 120000ms.\n");
  });
});
