// A database that cannot take a request for now (another process holds its lock, the server is
// down) is answered 503 with Retry-After, as problem+json: never a 500, and nothing half written,
// so the same request sent again once the database is free is counted once.
import { mkdtempSync, rmSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { createApp, createTenant, SqlStore } from "../src/index.js";
import { nodeSqliteDriver, postgresDriver } from "../src/node/index.js";
import { client } from "./support/harness.js";
import { newDatabase } from "./support/postgres.js";

const NOW = Date.parse("2026-03-10T00:00:00Z");
const order = { id: "o1", placedAt: "2026-03-09T10:00:00Z", customerId: "c", total: 42, items: 1, status: "placed" };
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function api(store: SqlStore) {
  await store.init();
  const { secretKey } = await createTenant(store, { id: "shop" });
  cleanups.push(() => store.close());
  return client(createApp({ store, now: () => NOW }), secretKey);
}

function expectUnavailable(r: { status: number; headers: Headers; body: any }) {
  expect(r.status).toBe(503);
  expect(r.headers.get("content-type")).toBe("application/problem+json");
  expect(r.headers.get("retry-after")).toBe("1");
  // Nothing of the database's own error (hosts, ports, locks) reaches the caller.
  expect(r.body.detail).toBe("the database cannot take this request now; retry in a moment");
}

it("answers 503 while another process holds a SQLite write lock, then takes the batch once free", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-busy-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "kpikit.db");
  const sk = await api(new SqlStore(nodeSqliteDriver(file, { busyTimeoutMs: 50 })));
  const other = new DatabaseSync(file);
  other.exec("BEGIN IMMEDIATE");
  try {
    expectUnavailable(await sk.post("/v1/events/orders", { records: [order] }));
    // Readers are not blocked by a writer in WAL mode.
    expect((await sk.get("/v1/metrics/orders?range=last_7_days")).body.value).toBe(0);
  } finally {
    other.exec("ROLLBACK");
    other.close();
  }
  expect((await sk.post("/v1/events/orders", { records: [order] })).status).toBe(200);
  expect((await sk.get("/v1/metrics/revenue?range=last_7_days")).body.value).toBe(42);
});

it("answers 503 when a PostgreSQL lock outlasts lock_timeout (writes, reads), then takes the batch", async () => {
  const database = await newDatabase();
  cleanups.push(() => database.drop());
  const sk = await api(new SqlStore(postgresDriver({ connectionString: database.url, lock_timeout: 100 })));
  const locker = postgresDriver(database.url);
  const held = await locker.pool.connect();
  await held.query("BEGIN");
  await held.query("LOCK TABLE orders, rollup_buckets IN ACCESS EXCLUSIVE MODE");
  try {
    expectUnavailable(await sk.post("/v1/events/orders", { records: [order] }));
    expectUnavailable(await sk.get("/v1/metrics/revenue?range=last_7_days"));
  } finally {
    await held.query("ROLLBACK");
    held.release();
    await locker.close!();
  }
  expect((await sk.post("/v1/events/orders", { records: [order] })).status).toBe(200);
  expect((await sk.get("/v1/metrics/revenue?range=last_7_days")).body.value).toBe(42);
});

it("answers 503 when the PostgreSQL server cannot be reached", async () => {
  // Port 1 on loopback: nothing listens there, so every connection is refused.
  const down = new SqlStore(postgresDriver("postgres://kpikit@127.0.0.1:1/kpikit"));
  cleanups.push(() => down.close());
  expectUnavailable(
    await client(createApp({ store: down, now: () => NOW }), "kpi_sk_shop_0123456789abcdef0123").get(
      "/v1/metrics/revenue?range=last_7_days",
    ),
  );
});
