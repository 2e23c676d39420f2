// Ingest calls to one tenant and fact that queue behind a running one are stored together (group
// commit): fewer transactions, yet each call answered with its own counts, the first of two
// sending an id kept, and a call whose facts the database refuses failing alone.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { catalog, MetricRegistry, runQuery } from "@kpikit/core";
import { demoFacts } from "@kpikit/core/demo";
import type { SqlDriver } from "@kpikit/core/sql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, MemoryStore, SqlStore } from "../src/index.js";
import { nodeSqliteDriver, postgresDriver } from "../src/node/index.js";
import { GroupCommit } from "../src/store/group-commit.js";
import { comparable } from "./support/comparable.js";
import { newDatabase } from "./support/postgres.js";

const registry = MetricRegistry.of(catalog);
const orders = demoFacts({ orders: 400, days: 30, sessions: 2000, end: "2026-03-10T00:00:00Z", seed: 5 }).orders!;
const NOW = Date.parse("2026-03-09T16:20:00Z");

/** The driver, counting its transactions. */
function counting(driver: SqlDriver): SqlDriver & { transactions: number } {
  const counted = {
    ...driver,
    transactions: 0,
    transaction: (list: Parameters<SqlDriver["transaction"]>[0]) => {
      counted.transactions++;
      return driver.transaction(list);
    },
  };
  return counted;
}

const STORES = {
  sqlite: async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpikit-group-"));
    return {
      driver: nodeSqliteDriver(join(dir, "kpikit.db")),
      free: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  postgres: async () => {
    const database = await newDatabase();
    return { driver: postgresDriver(database.url), free: () => database.drop() };
  },
};

for (const [name, make] of Object.entries(STORES)) {
  describe(`group commit in the ${name} store`, () => {
    let made: Awaited<ReturnType<typeof make>>;
    let driver: ReturnType<typeof counting>;
    let store: SqlStore;
    beforeAll(async () => {
      made = await make();
      driver = counting(made.driver);
      store = new SqlStore(driver);
      await store.init();
    }, 60_000);
    afterAll(async () => {
      await store.close();
      await made.free();
    });

    it("stores calls sent at once in fewer transactions, each answered as if sent alone in turn", async () => {
      await createTenant(store, { id: "g" });
      const memory = new MemoryStore();
      await createTenant(memory, { id: "g" });
      // Twenty calls of twenty orders, each also sending five of the call before's ids again.
      const calls = Array.from({ length: 20 }, (_, i) => [
        ...orders.slice(i * 20, i * 20 + 20),
        ...orders.slice(Math.max(0, i * 20 - 5), i * 20),
      ]);
      const expected = [];
      for (const call of calls) expected.push(await memory.ingest("g", "orders", call));
      const before = driver.transactions;
      const results = await Promise.all(calls.map((call) => store.ingest("g", "orders", call)));
      expect(results).toEqual(expected);
      expect(results[1]).toEqual({ inserted: 20, duplicates: 5 });
      // The first call runs at once; the nineteen that queued behind it, together.
      expect(driver.transactions - before).toBe(2);
      const revenue = { metric: "revenue", range: "last_30_days", grain: "day" };
      expect(comparable(await runQuery(await store.engine("g"), revenue, { registry, now: NOW }))).toEqual(
        comparable(await runQuery(await memory.engine("g"), revenue, { registry, now: NOW })),
      );
    });

    it("fails only the call whose facts the database refuses; the others of its group are stored", async () => {
      await createTenant(store, { id: "h" });
      const good = [orders.slice(0, 10), orders.slice(10, 20), orders.slice(20, 30)];
      const bad = [{ ...orders[30]!, placedAt: "not a time" }];
      const sent = [
        store.ingest("h", "orders", good[0]!),
        store.ingest("h", "orders", good[1]!),
        store.ingest("h", "orders", bad as never),
        store.ingest("h", "orders", good[2]!),
      ];
      const settled = await Promise.allSettled(sent);
      expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
      const [count] = await driver.all("SELECT count(*) AS n FROM orders WHERE tenant_id = 'h'");
      expect(Number(count!.n)).toBe(30);
    });
  });
}

describe("GroupCommit", () => {
  it("keeps a group within its limit, and runs a call larger than the limit alone", async () => {
    const groups: number[][] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const commits = new GroupCommit<number, number>(
      async (items) => {
        groups.push([...items]);
        if (groups.length === 1) await gate;
        return items.map((n) => n * 2);
      },
      10,
      () => true,
    );
    const sent = [commits.add("k", 1, 1), ...[4, 5, 3, 12, 2].map((n) => commits.add("k", n, n))];
    release();
    expect(await Promise.all(sent)).toEqual([2, 8, 10, 6, 24, 4]);
    expect(groups).toEqual([[1], [4, 5], [3], [12], [2]]);
  });

  it("rejects every call of a group together when told not to try them alone", async () => {
    const unavailable = new Error("unavailable");
    let runs = 0;
    const commits = new GroupCommit<number, number>(
      async () => {
        runs++;
        await new Promise((r) => setImmediate(r));
        throw unavailable;
      },
      10,
      (e) => e !== unavailable,
    );
    const settled = await Promise.allSettled([1, 2, 3].map((n) => commits.add("k", n, 1)));
    expect(settled.every((s) => s.status === "rejected" && s.reason === unavailable)).toBe(true);
    // The first alone, then the two that queued behind it, once.
    expect(runs).toBe(2);
  });
});
