// npm run rollups:rebuild, as its script runs it: every tenant's rollups rebuilt from the facts of
// the configured database, and a clear refusal when there is no database to rebuild. And the
// server, started on rollups built for another catalog, answering while it rebuilds them.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DatabaseSync } from "node:sqlite";
import { createTenant, SqlStore } from "@kpikit/api";
import { nodeSqliteDriver } from "@kpikit/api/node";
import { catalog, MetricRegistry } from "@kpikit/core";
import { Rollups } from "@kpikit/core/sql";
import { afterAll, expect, it } from "vitest";
import { startServer } from "./support/process.js";

const registry = MetricRegistry.of(catalog);
const CLI = fileURLToPath(new URL("../dist/rebuild-rollups.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "kpikit-rebuild-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rebuild = (db: string) =>
  spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", CLI], {
    env: { ...process.env, NODE_OPTIONS: "", KPIKIT_DB: db, KPIKIT_DATABASE_URL: "" },
    encoding: "utf8",
  });

it("rebuilds every tenant's rollups from the facts, after facts were changed by hand", async () => {
  const file = join(dir, "kpikit.db");
  const store = new SqlStore(nodeSqliteDriver(file));
  await store.init();
  for (const id of ["shop_a", "shop_b"]) await createTenant(store, { id });
  await store.ingest("shop_a", "orders", [
    { id: "o1", placedAt: "2026-11-20T10:00:00Z", customerId: "c1", total: 40, items: 1, status: "placed" },
    { id: "o2", placedAt: "2026-11-20T11:00:00Z", customerId: "c2", total: 60, items: 2, status: "placed" },
  ]);
  await store.close();
  // A fact deleted behind the store's back: the rollups still count it until rebuilt.
  const db = new DatabaseSync(file);
  db.exec("DELETE FROM orders WHERE id = 'o2'");
  const measure = Rollups.of(registry).find(registry.require("revenue").formula.measures.value!)!;
  const revenue = () =>
    (
      db
        .prepare(
          `SELECT sum(v${measure.slot}) AS v FROM rollup_buckets ` +
            "WHERE tenant_id = 'shop_a' AND dim = '' AND family = ?",
        )
        .get(measure.family) as { v: number }
    ).v;
  expect(revenue()).toBe(100);

  const run = rebuild(file);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/^Rebuilt the rollups of 2 tenant\(s\) in [\d.]+ s: shop_a, shop_b$/m);
  expect(revenue()).toBe(40);
  db.close();
});

it("refuses a database that does not exist, and says how to make one", () => {
  const run = rebuild(join(dir, "missing.db"));
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("kpikit: there is no database at");
  expect(run.stderr).toContain("npm start");
});

it("starts on rollups built for another catalog at once, and rebuilds them while ingests go on", {
  timeout: 120_000,
}, async () => {
  const file = join(dir, "upgrade.db");
  const key = "kpi_sk_test_upgrade_0123456789";
  const env = { KPIKIT_DB: file, KPIKIT_SECRET_KEY: key, KPIKIT_DEMO: "off" };
  const headers = { Authorization: `Bearer ${key}`, "Content-Type": "application/json" };
  const orders = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      id: `o${from + i}`,
      placedAt: new Date(Date.parse("2026-01-01T00:00:00Z") + (from + i) * 3_600_000).toISOString(),
      customerId: `c${(from + i) % 700}`,
      total: 10 + ((from + i) % 7),
      items: 1,
      status: "placed",
    }));
  const send = async (base: string, records: unknown[]) => {
    const r = await fetch(`${base}/v1/events/orders`, { method: "POST", headers, body: JSON.stringify({ records }) });
    expect(r.status, await r.clone().text()).toBe(200);
  };
  const kpis = async (base: string) => {
    const out: Record<string, unknown> = {};
    for (const metric of ["revenue", "new_customers"]) {
      const r = await fetch(`${base}/v1/metrics/${metric}?range=2026-01-01..2026-08-01&tz=UTC&compare=none`, {
        headers,
      });
      out[metric] = ((await r.json()) as { value: unknown }).value;
    }
    return out;
  };
  const first = await startServer(env);
  for (let i = 0; i < 4000; i += 500) await send(first.base, orders(i, 500));
  await first.stop();
  const db = new DatabaseSync(file);
  db.exec("UPDATE rollup_versions SET version = 'an older catalog'");
  db.close();

  const server = await startServer(env);
  // Orders sent while the rebuild may be under way, and after it.
  await send(server.base, orders(4000, 300));
  for (let waited = 0; !server.output().includes("Rebuilt the rollups of default"); waited += 50) {
    expect(waited, server.output()).toBeLessThan(60_000);
    await new Promise((r) => setTimeout(r, 50));
  }
  await send(server.base, orders(4300, 200));
  const out = server.output();
  // The server listened (its banner) before the rebuild began.
  expect(out.indexOf("KPI Kit is running")).toBeGreaterThanOrEqual(0);
  expect(out.indexOf("Rebuilding the rollups of default")).toBeGreaterThan(out.indexOf("KPI Kit is running"));
  const all = orders(0, 4500);
  expect(await kpis(server.base)).toEqual({
    revenue: all.reduce((sum, o) => sum + o.total, 0),
    // c0 … c699, each first at one of the first 700 hours.
    new_customers: 700,
  });
  await server.stop();
});
