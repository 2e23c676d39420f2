// A worker on a D1 database whose rollups an older catalog built answers at once, from the facts,
// and rebuilds them a few transactions per request after its answer, each request going on where
// the last stopped. (A test file of its own: the worker module's start here is its first.)
import { createTenant, d1Driver, SqlStore } from "@kpikit/api";
import { demoFacts } from "@kpikit/core/demo";
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { expect, it } from "vitest";
import worker from "../src/worker.js";

const QUERIES = ["revenue", "new_customers", "visitors", "customer_retention_rate"].map((metric) => ({
  metric,
  range: "2026-01-05..2026-03-09",
  grain: "week",
  now: "2026-03-09T12:00:00Z",
}));

/** One request as a client sends it, then the rebuild the worker runs after its answer. */
async function send(path: string, body?: unknown): Promise<any> {
  const ctx = createExecutionContext();
  const request = new Request(`https://kpikit.example${path}`, {
    method: body ? "POST" : "GET",
    headers: { Authorization: `Bearer ${env.KPIKIT_SECRET_KEY}`, "Content-Type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const answer = await (await worker.fetch(request, env, ctx)).json();
  await waitOnExecutionContext(ctx);
  return answer;
}

const rebuild = async () =>
  (await env.DB.prepare("SELECT version, done FROM rollup_versions WHERE tenant_id = 'default'").first()) as {
    version: string;
    done: number;
  };

it("answers from the facts while it rebuilds stale rollups a few steps per request, to the same answers", async () => {
  const store = new SqlStore(d1Driver(env.DB), { kind: "d1" });
  await store.refreshRollups();
  await createTenant(store, { id: "default", secretKey: env.KPIKIT_SECRET_KEY });
  const facts = demoFacts({ orders: 400, days: 120, sessions: 2000, end: "2026-03-09T00:00:00Z", seed: 3 });
  for (const [fact, records] of Object.entries(facts))
    for (let i = 0; i < records!.length; i += 200)
      await store.ingest("default", fact as never, records!.slice(i, i + 200) as never);
  // What an older catalog built: stale for this one.
  await env.DB.prepare("UPDATE rollup_versions SET version = 'an older catalog' WHERE tenant_id = 'default'").run();

  const readsRollups = async () =>
    ((await send(`/v1/metrics/revenue/sql?range=${QUERIES[0]!.range}`)).sql as string).includes("rollup_buckets ro");
  const batch = () => send("/v1/query", { queries: QUERIES });
  expect(await readsRollups()).toBe(false);
  const first = await batch();
  expect(first.results.map((r: any) => r.series.length)).toEqual([9, 9, 9, 9]);
  // Each request ran at most ten of the rebuild's transactions after its answer (its 33 steps,
  // three of them a transaction more), going on where the one before paused; every answer
  // meanwhile is the facts' own.
  const done: number[] = [];
  for (let state = await rebuild(); state.version.startsWith("building:"); state = await rebuild()) {
    done.push(state.done);
    expect(await batch()).toEqual(first);
  }
  // Two requests before the first look, one between each two.
  const steps = done.map((d, i) => d - (done[i - 1] ?? 0));
  expect(steps.length).toBeGreaterThan(1);
  expect(steps[0]).toBeLessThanOrEqual(20);
  for (const n of steps.slice(1)) expect([n > 0, n <= 10]).toEqual([true, true]);
  expect(await readsRollups()).toBe(true);
  expect(await batch()).toEqual(first);
});
