// A worker whose D1 database lacks its tables answers problem+json, not an exception out of
// fetch(); once the migrations are applied, the next request starts it. (A test file of its own:
// each file gets its own instance of the worker module, so the start tried here is its first.)
import { applyD1Migrations, createExecutionContext, env } from "cloudflare:test";
import { expect, it } from "vitest";
import worker from "../src/worker.js";

it("answers problem+json while its D1 database has no tables, and starts once it has them", async () => {
  const bindings = { ...env, DB: env.UNMIGRATED_DB };
  const get = () =>
    worker.fetch(
      new Request("https://kpikit.example/v1/metrics/aov", {
        headers: { Authorization: `Bearer ${env.KPIKIT_SECRET_KEY}` },
      }),
      bindings,
      createExecutionContext(),
    );
  const refused = await get();
  expect(refused.status).toBe(500);
  expect(refused.headers.get("content-type")).toBe("application/problem+json");
  expect(((await refused.json()) as { detail: string }).detail).toMatch(/migrations/);
  await applyD1Migrations(env.UNMIGRATED_DB, env.TEST_MIGRATIONS);
  expect((await get()).status).toBe(200);
});
