// A worker on a D1 database whose rollups are current but were built before their parts were
// named names them when it starts, so that the next upgrade rebuilds only the parts it changes.
// (A test file of its own: the worker module's start here is its first.)
import { createTenant, d1Driver, SqlStore } from "@kpikit/api";
import { catalog, MetricRegistry } from "@kpikit/core";
import { Rollups } from "@kpikit/core/sql";
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { expect, it } from "vitest";
import worker from "../src/worker.js";

it("names the parts of current rollups built before parts were, when it starts", async () => {
  const store = new SqlStore(d1Driver(env.DB), { kind: "d1" });
  await store.refreshRollups();
  await createTenant(store, { id: "default", secretKey: env.KPIKIT_SECRET_KEY });
  const parts = () => env.DB.prepare("SELECT parts FROM rollup_versions WHERE tenant_id = 'default'").first("parts");
  const rollups = Rollups.of(MetricRegistry.of(catalog));
  const named = JSON.stringify({ of: rollups.version, parts: rollups.parts });
  expect(await parts()).toBe(named);
  await env.DB.prepare("UPDATE rollup_versions SET parts = NULL").run();
  const ctx = createExecutionContext();
  const request = new Request("https://kpikit.example/v1/metrics/revenue?range=last_7_days", {
    headers: { Authorization: `Bearer ${env.KPIKIT_SECRET_KEY}` },
  });
  expect((await worker.fetch(request, env, ctx)).status).toBe(200);
  await waitOnExecutionContext(ctx);
  expect(await parts()).toBe(named);
});
