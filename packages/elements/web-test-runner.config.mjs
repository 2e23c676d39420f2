// Element tests in real Chromium (Debian's, installed by the project's scripts), against the real
// API started here. Results also go where `npm test` totals them.
import { readFileSync } from "node:fs";
import { esbuildPlugin } from "@web/dev-server-esbuild";
import { defaultReporter, summaryReporter } from "@web/test-runner";
import { chromeLauncher } from "@web/test-runner-chrome";
import { startApi } from "./test/api-server.mjs";
import { resultsReporter } from "./test/results-reporter.mjs";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium.mjs";

const api = await startApi();

export default {
  files: "src/**/*.test.ts",
  nodeResolve: true,
  concurrency: 4,
  // Patient limits: on CI every suite may run at once on two cores, so a test fails when what it
  // waits for never comes, not when it comes late.
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 60_000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: "es2022", tsconfig: "tsconfig.json" }),
    {
      name: "kpikit-api",
      async serve(context) {
        if (context.path === "/__kpikit/api") {
          return {
            body: JSON.stringify({
              endpoint: api.endpoint,
              publishableKey: api.publishableKey,
              token: await api.token(),
            }),
            type: "json",
          };
        }
        if (context.path === "/__kpikit/token")
          return { body: JSON.stringify({ token: await api.token() }), type: "json" };
        if (context.path === "/__kpikit/add-order")
          return {
            body: JSON.stringify({ status: await api.addOrder(Number(context.query.total ?? 10)) }),
            type: "json",
          };
        if (context.path === "/__kpikit/requests") return { body: JSON.stringify(api.requests), type: "json" };
        // As built (the dev server would compile a .d.ts it served to an empty module).
        if (context.path === "/__kpikit/typings") {
          const read = (name) => [name, readFileSync(`dist/${name}.d.ts`, "utf8")];
          return { body: JSON.stringify(Object.fromEntries(["react", "vue", "svelte"].map(read))), type: "json" };
        }
      },
      async serverStop() {
        await api.close();
      },
    },
  ],
  browsers: [
    chromeLauncher({
      // Test files run side by side. Pages that share a window are background tabs, where Chromium
      // may never fire requestAnimationFrame, which fixture() waits for (modernweb-dev/web#2588).
      createPage: ({ context }) => context.newPage({ type: "window" }),
      launchOptions: {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), resultsReporter("@kpikit/elements")],
};
