// The SQL store keeps its tenants' rollups as facts arrive through the API and reads them: answers
// equal the memory store's; a database from before rollups is brought up to date (its columns
// added, its rollups rebuilt) without losing a fact.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { MetricRegistry, catalog, runQuery } from "@kpikit/core";
import { demoFacts } from "@kpikit/core/demo";
import { BUILDING, Rollups, rebuildStepsSql } from "@kpikit/core/sql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, MemoryStore, type RebuildStep, SqlStore, type Store } from "../src/index.js";
import { nodeSqliteDriver, postgresDriver } from "../src/node/index.js";
import { comparable } from "./support/comparable.js";
import { newDatabase } from "./support/postgres.js";

const registry = MetricRegistry.of(catalog);
const facts = demoFacts({ orders: 1500, days: 120, sessions: 8000, end: "2026-03-10T00:00:00Z", seed: 11 });
const NOW = Date.parse("2026-03-09T16:20:00Z");
const QUERIES = [
  { metric: "revenue", range: "last_90_days", grain: "day" },
  { metric: "conversion_rate", range: "last_90_days", grain: "day" },
  { metric: "aov", range: "last_30_days", by: "channel", compare: "none" },
  { metric: "cac", range: "last_month", tz: "Asia/Kolkata" },
];

async function load(store: Store, tenant: string): Promise<void> {
  for (const [fact, records] of Object.entries(facts)) {
    for (let i = 0; i < records!.length; i += 500)
      await store.ingest(tenant, fact as never, records!.slice(i, i + 500) as never);
  }
}

const answers = (store: Store, tenant: string) =>
  Promise.all(
    QUERIES.map(async (q) => comparable(await runQuery(await store.engine(tenant), q, { registry, now: NOW }))),
  );

let expected: Awaited<ReturnType<typeof answers>>;
beforeAll(async () => {
  const memory = new MemoryStore();
  await createTenant(memory, { id: "t" });
  await load(memory, "t");
  expected = await answers(memory, "t");
});

type StoreOptions = ConstructorParameters<typeof SqlStore>[1];

const STORES = {
  sqlite: async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpikit-rollups-"));
    return {
      open: (options?: StoreOptions) => new SqlStore(nodeSqliteDriver(join(dir, "kpikit.db")), options),
      free: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  postgres: async () => {
    const database = await newDatabase();
    return {
      open: (options?: StoreOptions) => new SqlStore(postgresDriver(database.url), options),
      free: () => database.drop(),
    };
  },
};

for (const [name, make] of Object.entries(STORES)) {
  describe(`rollups in the ${name} store`, () => {
    let made: Awaited<ReturnType<typeof make>>;
    let store: SqlStore;
    // Loading into PostgreSQL twice takes minutes when every suite runs at once on two cores.
    beforeAll(async () => {
      made = await make();
      store = made.open();
      await store.init();
      await createTenant(store, { id: "t" });
      await load(store, "t");
      // Everything again: re-sent facts change nothing.
      await load(store, "t");
    }, 300_000);
    afterAll(async () => {
      await store.close();
      await made.free();
    });

    it("reads rollups and answers as the memory store does", async () => {
      expect((await store.engine("t")).explain(QUERIES[0], { registry, now: NOW }).sql).toContain("rollup_buckets ro");
      expect(await answers(store, "t")).toEqual(expected);
    });

    it("rebuilds every tenant's rollups on demand, to the same answers", async () => {
      expect(await store.rebuildRollups({ onlyStale: true })).toEqual([]);
      expect(await store.rebuildRollups()).toEqual(["t"]);
      expect(await answers(store, "t")).toEqual(expected);
    });

    it("reads the facts once another store leaves its rollups stale, and them again once rebuilt", async () => {
      const other = await opened();
      const reads = async () =>
        (await other.engine("t")).explain(QUERIES[0], { registry, now: NOW }).sql.includes("rollup_buckets ro");
      expect(await reads()).toBe(true);
      // What the other half of a rollout leaves: another catalog's rollups being built.
      await store.driver.transaction([
        { sql: "UPDATE rollup_versions SET version = 'another catalog' WHERE tenant_id = 't'", params: [] },
      ]);
      await other.versions("t");
      expect(await reads()).toBe(false);
      expect(await answers(other, "t")).toEqual(expected);
      expect(await store.rebuildRollups({ onlyStale: true })).toEqual(["t"]);
      await other.versions("t");
      expect(await reads()).toBe(true);
      expect(await answers(other, "t")).toEqual(expected);
      await other.close();
    });

    it("reads the facts when another store's rebuild clears the rollups before it has looked again", async () => {
      const other = await opened();
      const reads = async () =>
        (await other.engine("t")).explain(QUERIES[0], { registry, now: NOW }).sql.includes("rollup_buckets ro");
      expect(await reads()).toBe(true);
      // Another process's rebuild, its first two transactions: the rollups marked as being built,
      // and their rows cleared. The other store has not asked for the versions since.
      const [mark, clear] = rebuildStepsSql(Rollups.of(registry), "t", store.driver.dialect, {
        rebuild: "another process",
        chunk: 1_000_000,
      });
      for (const step of [mark!, clear!]) await store.driver.transaction(step.statements);
      const rows = await store.driver.all("SELECT count(*) AS n FROM rollup_buckets WHERE tenant_id = 't'");
      expect(Number(rows[0]!.n)).toBe(0);
      expect(await answers(other, "t")).toEqual(expected);
      // And it knows so from then on, until a rebuild makes them current again.
      expect(await reads()).toBe(false);
      const next = await opened({ rebuildStaleMs: 0 });
      expect(await next.rebuildRollups({ onlyStale: true })).toEqual(["t"]);
      await other.versions("t");
      expect(await reads()).toBe(true);
      expect(await answers(other, "t")).toEqual(expected);
      for (const s of [other, next]) await s.close();
    });

    it("rebuilds a big tenant's rollups in parts of time, to the same answers", async () => {
      // Parts of about 1,000 sessions: eight of them over this tenant's four months.
      const parted = new SqlStore(store.driver, { rebuildPart: 1000 });
      await parted.init();
      expect(await parted.rebuildRollups()).toEqual(["t"]);
      expect(await answers(parted, "t")).toEqual(expected);
    });

    it("stays right with ingests running side by side and a rebuild among them", { timeout: 120_000 }, async () => {
      await createTenant(store, { id: "c" });
      const streams = [0, 1, 2, 3].map(async (lane) => {
        for (const [fact, records] of Object.entries(facts)) {
          const mine = records!.filter((_, i) => i % 4 === lane);
          for (let i = 0; i < mine.length; i += 200)
            await store.ingest("c", fact as never, mine.slice(i, i + 200) as never);
        }
      });
      const rebuilds = (async () => {
        for (let i = 0; i < 3; i++) {
          await new Promise((r) => setTimeout(r, 150));
          await store.rebuildRollups();
        }
      })();
      await Promise.all([...streams, rebuilds]);
      expect(await answers(store, "c")).toEqual(expected);
    });

    it("rebuilds in steps with ingests between; one stopped anywhere ends at the next start", {
      timeout: 240_000,
    }, async () => {
      await createTenant(store, { id: "r" });
      const calls = Object.entries(facts).flatMap(([fact, records]) =>
        Array.from({ length: Math.ceil(records!.length / 250) }, (_, i) => ({
          fact: fact as never,
          records: records!.slice(i * 250, i * 250 + 250) as never,
        })),
      );
      const before = Math.floor(calls.length * 0.6);
      for (const c of calls.slice(0, before)) await store.ingest("r", c.fact, c.records);
      const rest = calls.slice(before);
      const stop = new Error("stopped");
      const pending = async () =>
        Number((await store.driver.all("SELECT count(*) AS n FROM rollup_pending WHERE tenant_id = 'r'"))[0]!.n);
      const left: number[] = [];
      // Stopped after its third step, with a call stored after each of them, and sent again (which
      // stores nothing, so leaves the rebuild nothing to add).
      await expect(
        store.rebuildRollups({
          onStep: async ({ tenant, done }) => {
            if (tenant !== "r") return;
            const c = rest.shift()!;
            await store.ingest("r", c.fact, c.records);
            await store.ingest("r", c.fact, c.records);
            left.push(await pending());
            if (done === 3) throw stop;
          },
        }),
      ).rejects.toBe(stop);
      expect(left).toEqual([1, 2, 3]);
      // The next start (once the stopped one is stale; here at once): the stale tenant's rebuild is
      // taken over where it stopped, and stopped after its last step this time.
      const again = await opened({ rebuildStaleMs: 0 });
      await expect(
        again.rebuildRollups({
          onlyStale: true,
          onStep: async ({ done, steps }) => {
            const c = rest.shift();
            if (c) await again.ingest("r", c.fact, c.records);
            if (done === steps) throw stop;
          },
        }),
      ).rejects.toBe(stop);
      for (const c of rest) await again.ingest("r", c.fact, c.records);
      // The start after it ends that one: nothing left but to add the ingests left pending.
      const next = await opened({ rebuildStaleMs: 0 });
      const steps: number[] = [];
      expect(await next.rebuildRollups({ onlyStale: true, onStep: (s) => void steps.push(s.done) })).toEqual(["r"]);
      expect(steps).toEqual([]);
      expect((await next.engine("r")).explain(QUERIES[0], { registry, now: NOW }).sql).toContain("rollup_buckets ro");
      expect(await answers(next, "r")).toEqual(expected);
      for (const s of [again, next]) await s.close();
    });

    /** Another store on the same database, as another process would open it. */
    async function opened(options?: StoreOptions): Promise<SqlStore> {
      const s = made.open(options);
      await s.init();
      return s;
    }

    /** A tenant with the demo's facts, stored by a store that keeps no rollups: its rollups are stale. */
    async function staleTenant(id: string): Promise<void> {
      await createTenant(store, { id });
      const bare = await opened({ rollups: false });
      await load(bare, id);
      await bare.close();
    }

    /** A rebuild of the stale tenants that stops, as if its process died, at the first step `stops` says. */
    async function stoppedRebuild(s: SqlStore, stops: (step: RebuildStep) => boolean | Promise<boolean>) {
      const stop = new Error("stopped");
      const onStep = async (step: RebuildStep) => {
        if (await stops(step)) throw stop;
      };
      await expect(s.rebuildRollups({ onlyStale: true, onStep })).rejects.toBe(stop);
    }

    it("waits for another process's rebuild while it commits steps, and takes it over where it stopped", {
      timeout: 120_000,
    }, async () => {
      await staleTenant("s");
      const dying = await opened();
      // Past five seconds without a step, a rebuild is taken as stopped: far longer than a step of
      // the demo's facts takes, even on a busy machine.
      const waiting = await opened({ rebuildStaleMs: 5000 });
      let each = 0;
      const done: number[] = [];
      let rebuilt: Promise<string[]> | undefined;
      // Another process starts while the first rebuilds, which dies after its third step.
      await stoppedRebuild(dying, ({ done: step, steps }) => {
        each = steps;
        if (step === 1) rebuilt = waiting.rebuildRollups({ onlyStale: true, onStep: (s) => void done.push(s.done) });
        return step === 3;
      });
      expect(await rebuilt).toEqual(["s"]);
      // It ran no step while the first went on, nor any it had committed: it took over at the fourth.
      expect(done).toEqual(Array.from({ length: each - 3 }, (_, i) => 4 + i));
      expect((await waiting.engine("s")).explain(QUERIES[0], { registry, now: NOW }).sql).toContain(
        "rollup_buckets ro",
      );
      expect(await answers(waiting, "s")).toEqual(expected);
      for (const s of [waiting, dying]) await s.close();
    });

    it("resumes a rebuild that stopped where it stopped, with its parts of time, ingests left pending and all", {
      timeout: 240_000,
    }, async () => {
      await staleTenant("u");
      // Parts of 400 records: the rebuild splits the facts in time, and a resumed one must split
      // them where the stopped one did, though ingests since moved the facts' last time.
      const dying = await opened({ rebuildPart: 400 });
      let total = 0;
      const late = { ...facts.orders![0]!, id: "late_order", placedAt: "2026-03-09T12:00:00Z" };
      await stoppedRebuild(dying, async ({ done, steps }) => {
        total = steps;
        if (done < Math.floor(steps / 2)) return false;
        // An ingest between two steps: left pending, for the rebuild to add at its end.
        await dying.ingest("u", "orders", [late as never]);
        return true;
      });
      expect(total).toBeGreaterThan(10);
      const resuming = await opened({ rebuildPart: 100_000, rebuildStaleMs: 0 });
      const done: number[] = [];
      expect(await resuming.rebuildRollups({ onlyStale: true, onStep: (s) => void done.push(s.done) })).toEqual(["u"]);
      // From the first step the stopped one had not committed to the last, as many as it planned
      // (the stopped one's bounds, not this store's one part).
      expect(done).toEqual(
        Array.from({ length: total - Math.floor(total / 2) }, (_, i) => Math.floor(total / 2) + 1 + i),
      );
      const [state] = await resuming.driver.all("SELECT version FROM rollup_versions WHERE tenant_id = 'u'");
      expect(state!.version).not.toMatch(/^building:/);
      // Every KPI as the facts give it, the order ingested between the steps included.
      const memory = new MemoryStore();
      await createTenant(memory, { id: "u" });
      await load(memory, "u");
      await memory.ingest("u", "orders", [late as never]);
      const wanted = await answers(memory, "u");
      expect((await resuming.engine("u")).explain(QUERIES[0], { registry, now: NOW }).sql).toContain(
        "rollup_buckets ro",
      );
      expect(await answers(resuming, "u")).toEqual(wanted);
      for (const s of [dying, resuming]) await s.close();
    });

    it("pauses a rebuild asked for only so many transactions, for the next call of any store to go on with at once", {
      timeout: 240_000,
    }, async () => {
      await staleTenant("p");
      const first = await opened();
      const done: number[] = [];
      const onStep = (s: RebuildStep) => void done.push(s.done);
      await expect(first.rebuildRollups({ steps: 0 })).rejects.toThrow(RangeError);
      // A call whose time is up starts nothing.
      expect(await first.rebuildRollups({ steps: 10, until: Date.now() - 1, onStep })).toEqual([]);
      expect(done).toEqual([]);
      // Two calls of ten transactions each: the second goes on where the first paused.
      expect(await first.rebuildRollups({ onlyStale: true, steps: 10, onStep })).toEqual([]);
      const paused = done.length;
      expect(await first.rebuildRollups({ onlyStale: true, steps: 10, onStep })).toEqual([]);
      expect(done).toEqual(Array.from({ length: done.length }, (_, i) => i + 1));
      expect([paused > 5, paused <= 10, done.length - paused > 5, done.length <= 20]).toEqual([true, true, true, true]);
      // Another store neither waits two minutes for it nor starts over: it resumes it at once.
      const other = await opened();
      const rest: number[] = [];
      expect(await other.rebuildRollups({ onlyStale: true, onStep: (s) => void rest.push(s.done) })).toEqual(["p"]);
      expect(rest[0]).toBe(done.length + 1);
      expect(await answers(other, "p")).toEqual(expected);
      for (const s of [first, other]) await s.close();
    });

    it("resumes a rebuild paused after its first step, before it found where to split the facts", {
      timeout: 240_000,
    }, async () => {
      await staleTenant("b");
      // Parts of 400 records: it splits the facts, where it looks only after its first step.
      const sliced = await opened({ rebuildPart: 400 });
      const done: number[] = [];
      const onStep = (s: RebuildStep) => void done.push(s.done);
      const bounds = async () =>
        (await sliced.driver.all("SELECT bounds FROM rollup_versions WHERE tenant_id = 'b'"))[0]!.bounds;
      expect(await sliced.rebuildRollups({ onlyStale: true, steps: 1, onStep })).toEqual([]);
      expect([done, await bounds()]).toEqual([[1], null]);
      expect(await sliced.rebuildRollups({ onlyStale: true, steps: 3, onStep })).toEqual([]);
      expect(JSON.parse(String(await bounds())).length).toBeGreaterThan(2);
      expect(await sliced.rebuildRollups({ onlyStale: true, onStep })).toEqual(["b"]);
      expect(done).toEqual(Array.from({ length: done.length }, (_, i) => i + 1));
      expect(await answers(sliced, "b")).toEqual(expected);
      await sliced.close();
    });

    it("starts over, a few steps at a time, a rebuild that an older version left without its steps counted", {
      timeout: 240_000,
    }, async () => {
      await staleTenant("lg");
      await store.driver.transaction([
        {
          sql:
            `UPDATE rollup_versions SET version = ${store.driver.dialect.param(1)}, beat = 0, done = NULL, ` +
            "bounds = NULL WHERE tenant_id = 'lg'",
          params: [`${BUILDING}${store.rollups!.version}:an older version's`],
        },
      ]);
      const sliced = await opened();
      let calls = 0;
      while ((await sliced.rebuildRollups({ steps: 20 })).length === 0) expect(++calls).toBeLessThan(10);
      expect(await answers(sliced, "lg")).toEqual(expected);
      await sliced.close();
    });

    it("leaves a rebuild another store has under way to it when asked for only so many transactions", {
      timeout: 240_000,
    }, async () => {
      await staleTenant("q");
      const building = await opened();
      const sliced = await opened();
      const theirs: number[] = [];
      let answered: string[] | undefined;
      expect(
        await building.rebuildRollups({
          onlyStale: true,
          onStep: async ({ done }) => {
            if (done === 5)
              answered = await sliced.rebuildRollups({
                onlyStale: true,
                steps: 10,
                onStep: (s) => void theirs.push(s.done),
              });
          },
        }),
      ).toEqual(["q"]);
      expect([answered, theirs]).toEqual([[], []]);
      expect(await answers(building, "q")).toEqual(expected);
      for (const s of [building, sliced]) await s.close();
    });

    it("leaves rollups another store made current while it rebuilt others as they are, not rebuilt again", {
      timeout: 240_000,
    }, async () => {
      // Two stale tenants: while the first store rebuilds the one (whichever it lists first),
      // another rebuilds the other.
      for (const id of ["ra", "rb"]) await staleTenant(id);
      const first = await opened();
      const other = await opened();
      const rows = async (tenant: string) =>
        Number(
          (
            await store.driver.all(
              `SELECT count(*) AS n FROM rollup_buckets WHERE tenant_id = ${store.driver.dialect.param(1)}`,
              [tenant],
            )
          )[0]!.n,
        );
      const tenants = new Set<string>();
      let theirs: { tenant: string; rows: number } | undefined;
      expect(
        (
          await first.rebuildRollups({
            steps: 1000,
            onStep: async ({ tenant, done }) => {
              tenants.add(tenant);
              if (theirs || done < 3) return;
              // The first store's rebuild going on is left to it; the other tenant's is done.
              const left = tenant === "ra" ? "rb" : "ra";
              expect(await other.rebuildRollups({ steps: 1000 })).toEqual([left]);
              theirs = { tenant: left, rows: await rows(left) };
            },
          })
        ).sort(),
      ).toEqual(["ra", "rb"]);
      expect([tenants.size, theirs!.rows > 0, await rows(theirs!.tenant)]).toEqual([1, true, theirs!.rows]);
      expect(await answers(other, theirs!.tenant)).toEqual(expected);
      for (const s of [first, other]) await s.close();
    });

    it("deletes the rest of the old rows when it resumes a rebuild that stopped between two chunks of them", {
      timeout: 240_000,
    }, async () => {
      const stop = new Error("stopped");
      // Counted from the rebuild on: init's own transactions are not the rebuild's.
      let transactions = Number.NaN;
      const { driver } = store;
      // Its process dies as its third transaction starts: after its first, which marks the
      // rebuild, and its second, which deletes the first thousand old rollup rows of many more.
      const dying = made.open({ rebuildChunk: 1000 });
      const dies: typeof driver = {
        dialect: driver.dialect,
        maxParams: driver.maxParams,
        all: (sql, params, options) => dying.driver.all(sql, params, options),
        exec: (sql) => dying.driver.exec(sql),
        transaction: async (statements) => {
          if (++transactions === 3) throw stop;
          return dying.driver.transaction(statements);
        },
      };
      const rows = async () =>
        Number((await store.driver.all("SELECT count(*) AS n FROM rollup_buckets WHERE tenant_id = 't'"))[0]!.n);
      expect(await rows()).toBeGreaterThan(2000);
      // What an older catalog built: stale for this one.
      await store.driver.transaction([
        { sql: "UPDATE rollup_versions SET version = 'an older catalog' WHERE tenant_id = 't'", params: [] },
      ]);
      const stopping = new SqlStore(dies, { rebuildChunk: 1000 });
      await stopping.init();
      transactions = 0;
      await expect(stopping.rebuildRollups({ onlyStale: true })).rejects.toBe(stop);
      const resuming = await opened({ rebuildChunk: 1000, rebuildStaleMs: 0 });
      expect(await resuming.rebuildRollups({ onlyStale: true })).toEqual(["t"]);
      expect(await answers(resuming, "t")).toEqual(expected);
      for (const s of [dying, resuming]) await s.close();
    });

    it("takes the same batches sent at once in opposite orders once each, with no deadlock", async () => {
      await createTenant(store, { id: "d" });
      // Two stores on one database, as two servers would be: their transactions run side by side
      // (one store's calls that arrive together are stored in one).
      const other = await opened();
      const orders = facts.orders!;
      for (let i = 0; i < orders.length; i += 300) {
        const batch = orders.slice(i, i + 300);
        const results = await Promise.all([
          store.ingest("d", "orders", batch),
          other.ingest("d", "orders", [...batch].reverse()),
          other.ingest("d", "orders", batch),
        ]);
        expect(results.reduce((sum, r) => sum + r.inserted, 0)).toBe(batch.length);
      }
      await other.close();
      const memory = new MemoryStore();
      await createTenant(memory, { id: "d" });
      await memory.ingest("d", "orders", orders);
      const revenue = { metric: "revenue", range: "last_90_days", grain: "day" };
      expect(comparable(await runQuery(await store.engine("d"), revenue, { registry, now: NOW }))).toEqual(
        comparable(await runQuery(await memory.engine("d"), revenue, { registry, now: NOW })),
      );
    });
  });
}

/** A SQLite file that a store made, loaded with tenant t's facts, and closed: what a server left behind. */
async function leaveLoaded(file: string): Promise<void> {
  const before = new SqlStore(nodeSqliteDriver(file));
  await before.init();
  await createTenant(before, { id: "t" });
  await load(before, "t");
  await before.close();
}

it("reads the parts an upgrade keeps while it rebuilds the others, as ingests keep them meanwhile", {
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-rollups-"));
  const file = join(dir, "kpikit.db");
  const rollups = Rollups.of(registry);
  // Orders more, stored before the upgrade's rebuild begins and while it runs.
  const more = facts.orders!.slice(0, 400).map((o) => ({ ...o, id: `more_${o.id}` }));
  const memory = new MemoryStore();
  await createTenant(memory, { id: "t" });
  await load(memory, "t");
  await memory.ingest("t", "orders", more);
  const moreExpected = await answers(memory, "t");
  try {
    await leaveLoaded(file);
    // As a release whose measures of sessions differ left them: its parts but those.
    const changed = new Set(rollups.fedBy("sessions").map(([m]) => rollups.familyParts.get(m!.family)!));
    const db = new DatabaseSync(file);
    db.prepare("UPDATE rollup_versions SET version = 'older', parts = ?").run(
      JSON.stringify({ of: "older", parts: rollups.parts.filter((part) => !changed.has(part)) }),
    );
    db.close();
    const store = new SqlStore(nodeSqliteDriver(file));
    await store.init();
    await store.ingest("t", "orders", more.slice(0, 200));
    // Paused after its first step and the ingest before it added to the parts it keeps.
    expect(await store.rebuildRollups({ steps: 3 })).toEqual([]);
    await store.ingest("t", "orders", more.slice(200));
    await store.versions("t");
    const sql = (metric: string) =>
      store.explain("t", { metric, range: "last_90_days", grain: "day" }, { registry, now: NOW }).sql;
    expect(sql("revenue")).toMatch(/rollup_buckets/);
    expect(sql("sessions")).not.toMatch(/rollup_buckets/);
    expect(await answers(store, "t")).toEqual(moreExpected);
    // Read, they were current (a statement that finds them not would leave them unread).
    expect(sql("aov")).toMatch(/rollup_buckets/);
    expect(await store.rebuildRollups({ onlyStale: true })).toEqual(["t"]);
    expect(await answers(store, "t")).toEqual(moreExpected);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("updates a database from before rollups: tables added, an index retired, facts read until a rebuild", {
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-rollups-"));
  const file = join(dir, "kpikit.db");
  try {
    await leaveLoaded(file);
    // What the previous version's tables lacked.
    const db = new DatabaseSync(file);
    for (const table of ["orders", "order_lines", "sessions"]) db.exec(`ALTER TABLE ${table} DROP COLUMN ingest_id`);
    db.exec("DROP TABLE rollup_buckets; DROP TABLE rollup_versions");
    // And what the version before this one's histories lacked: a column with an index on it.
    db.exec("DROP INDEX chain_facts_chain_mark; ALTER TABLE chain_facts DROP COLUMN mark");
    // And what the versions before the pairs read, which every ingest kept.
    const quarters = "SELECT count(*) AS n FROM sqlite_master WHERE name = 'chain_facts_quarter_links'";
    db.exec("CREATE INDEX chain_facts_quarter_links ON chain_facts (tenant_id, chain, t, prev_t, prev2_t)");
    db.close();

    const store = new SqlStore(nodeSqliteDriver(file));
    await store.init();
    const schema = new DatabaseSync(file, { readOnly: true });
    expect(schema.prepare(quarters).get()).toEqual({ n: 0 });
    schema.close();
    expect((await store.engine("t")).explain(QUERIES[0], { registry, now: NOW }).sql).not.toContain("rollup_buckets");
    expect(await answers(store, "t")).toEqual(expected);
    expect(await store.rebuildRollups({ onlyStale: true })).toEqual(["t"]);
    expect((await store.engine("t")).explain(QUERIES[0], { registry, now: NOW }).sql).toContain("rollup_buckets ro");
    expect(await answers(store, "t")).toEqual(expected);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("names the parts of rollups built before parts were, and keeps each part an upgrade leaves alike", {
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-rollups-"));
  const file = join(dir, "kpikit.db");
  const rollups = Rollups.of(registry);
  try {
    await leaveLoaded(file);
    const row = (sql: string) => {
      const db = new DatabaseSync(file);
      try {
        return db.prepare(sql).get();
      } finally {
        db.close();
      }
    };
    // As the release before left them: built, their parts not named.
    row("UPDATE rollup_versions SET parts = NULL RETURNING version");
    const store = new SqlStore(nodeSqliteDriver(file));
    await store.init();
    expect(row("SELECT parts FROM rollup_versions")).toEqual({
      parts: JSON.stringify({ of: rollups.version, parts: rollups.parts }),
    });
    // An upgrade from a release whose measures differ in no part (in their version alone): its
    // rebuild clears nothing and builds nothing, where one from unnamed parts rebuilds all. (One
    // after a release that does not name parts rebuilt them, the version moved and not the names,
    // rebuilds all too: core's keptParts test has it, without a third rebuild here.)
    const rebuild = async () => {
      const steps: RebuildStep[] = [];
      await store.refreshRollups();
      expect(await store.rebuildRollups({ onlyStale: true, onStep: (s) => void steps.push(s) })).toEqual(["t"]);
      return steps.at(-1)!.steps;
    };
    row("UPDATE rollup_versions SET version = 'older', parts = json_set(parts, '$.of', 'older') RETURNING version");
    const keeping = await rebuild();
    expect(await answers(store, "t")).toEqual(expected);
    row("UPDATE rollup_versions SET version = 'older', parts = NULL RETURNING version");
    const whole = await rebuild();
    expect(await answers(store, "t")).toEqual(expected);
    expect(keeping).toBeLessThan(whole / 4);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
