import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium.mjs";
import { resultReporters } from "../../vitest.shared.ts";

// Every story, with its play function and the a11y addon's axe check, runs as a test in Chromium.
export default defineConfig({
  test: {
    reporters: resultReporters("@kpikit/storybook"),
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL(".storybook", import.meta.url)) })],
        test: {
          name: "storybook",
          // A story's play function waits up to 30 s for its widget's state (see widget-stories.ts).
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM,
                args: CHROMIUM_ARGS,
              },
            }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
