// npm run rollups:rebuild, as its script runs it: every tenant's rollups rebuilt from the facts of
// the configured database, and a clear refusal when there is no database to rebuild.
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
