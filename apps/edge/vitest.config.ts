import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { resultReporters } from "../../vitest.shared.ts";

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        // A database no migration ran on: what a worker deployed without `npm run deploy` meets.
        d1Databases: ["UNMIGRATED_DB"],
        bindings: {
          KPIKIT_SECRET_KEY: "kpi_sk_test_edge",
          TEST_MIGRATIONS: await readD1Migrations(fileURLToPath(new URL("./migrations", import.meta.url))),
        },
      },
    })),
  ],
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["./test/apply-migrations.ts"],
    // workerd answers each D1 statement in its own round trip: the schema test makes a hundred,
    // which on a busy two-core machine (CI runs every suite at once) took past vitest's 5 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: resultReporters("@kpikit/edge"),
  },
});
