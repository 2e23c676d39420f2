// Rollups kept up as facts arrive (in shuffled batches, late, re-sent, an order re-sent with more
// lines) must answer every catalog KPI exactly as the facts do, on SQLite and on PostgreSQL: in a
// zone half an hour off UTC and up to a "now" in the middle of an hour (so that spans mix rollup
// hours and fact edges), across a clock change, broken down and filtered. A rebuild from the facts
// must give the very rollup rows the increments did.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog, type FactName, type FactRecord, runQuery } from "../src/index.js";
import { demoFacts } from "../src/demo.js";
import { ALL_TIME } from "../src/engine/sql/rollup.js";
import {
  applyPendingSql,
  currentRollupsSql,
  finishRebuildSql,
  foldPendingSql,
  BUILDING,
  ingestSql,
  keptParts,
  pendingOf,
  pendingSelectSql,
  postgres,
  rebuildRollupsSql,
  rebuildStateSql,
  rebuildStepsSql,
  type RollupReader,
  Rollups,
  schemaStatements,
  SqlEngine,
} from "../src/sql.js";
import { registry } from "./support/engines.js";
import { postgresTestDriver, sqliteTestDriver, type TestDriver } from "./support/drivers.js";
import { newPostgresDatabase } from "./support/postgres.js";
import { nearlyEqual, resultDifferences } from "./support/result-differences.js";

const TENANT = "t1";
const rollups = Rollups.of(registry);
const facts = demoFacts({
  orders: 2500,
  days: 400,
  sessions: 12_000,
  end: "2026-11-23T10:00:00Z",
  timeZone: "Asia/Kolkata",
  seed: 7,
});
const NOW = Date.parse("2026-11-23T09:47:13Z");
const DAY = 86_400_000;

/** A deterministic shuffle, so that batches arrive out of time order (late facts). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

let ingests = 0;
/** Ingest calls stored together in one transaction: how many facts each inserted. */
async function ingest(db: TestDriver, fact: FactName, ...calls: (readonly unknown[])[]): Promise<number[]> {
  const { statements, counted } = ingestSql(fact, calls as FactRecord<FactName>[][], TENANT, db.dialect, {
    maxParams: 999,
    ingestId: `i${++ingests}`,
    rollups,
  });
  const changes = await db.transaction(statements);
  let next = 0;
  return counted.map((n) => changes.slice(next, (next += n)).reduce((a, b) => a + b, 0));
}

/** A new database with the schema and current (empty) rollups. */
async function emptyDatabase(open: () => TestDriver | Promise<TestDriver>): Promise<TestDriver> {
  const db = await open();
  await db.transaction(schemaStatements(db.dialect).map((sql) => ({ sql, params: [] })));
  await db.transaction(rebuildRollupsSql(rollups, TENANT, db.dialect));
  return db;
}

/** Every fact in shuffled batches, some sent twice, into an empty database. */
async function load(db: TestDriver): Promise<void> {
  for (const [fact, records] of Object.entries(facts) as [FactName, unknown[]][]) {
    if (fact === "targets") continue;
    const all = shuffled(records, records.length);
    for (let i = 0; i < all.length; i += 700) {
      const batch = all.slice(i, i + 700);
      if (i % 1400 === 0) {
        // Three calls stored together, the last sending again ten of the first's ids and ten of
        // its own: the first call's facts are kept, and each is counted once.
        const [a, b, c] = [batch.slice(0, 100), batch.slice(100, 400), batch.slice(400)];
        const again = [...a.slice(0, 10), ...c, ...c.slice(0, 10)];
        expect(await ingest(db, fact, a, b, again)).toEqual([a.length, b.length, c.length]);
      } else expect(await ingest(db, fact, batch)).toEqual([batch.length]);
      // Re-sent: nothing is inserted, and nothing is added to the rollups.
      if (i % 2100 === 0) expect(await ingest(db, fact, batch.slice(0, 50))).toEqual([0]);
    }
  }
  // An order re-sent with one more line: the stored order keeps its lines.
  const order = facts.orders![0]!;
  const extra = { ...order, lines: [...(order.lines ?? []), { productId: "sku-extra", quantity: 99, price: 1000 }] };
  expect(await ingest(db, "orders", [extra])).toEqual([0]);
  const [stray] = await db.all(`SELECT count(*) AS n FROM order_lines WHERE product_id = 'sku-extra'`);
  expect(Number(stray!.n)).toBe(0);
  // Targets are not rolled up; they are stored as given.
  const targets = await db.transaction(
    ingestSql("targets", [facts.targets ?? []], TENANT, db.dialect, { maxParams: 999, ingestId: "targets" }).statements,
  );
  expect(targets.length).toBeGreaterThan(0);
}

/**
 * What the rollups hold, a row per measure (family and slot), dimension value and bucket, without
 * those that count nothing (an event that moved leaves zeros where it was; a rebuild does not).
 */
type MeasureRow = { measure: string; dim: string; value: string; bucket: number; v: number; n: number };

async function measureRows(db: TestDriver, set = rollups): Promise<MeasureRow[]> {
  const out: MeasureRow[] = [];
  for (const r of await db.all("SELECT * FROM rollup_buckets ORDER BY family, dim, value, bucket")) {
    for (const m of set.measures.filter((m) => m.family === r.family)) {
      const n = Number(r[`n${m.slot}`]);
      if (n !== 0)
        out.push({
          measure: m.id,
          dim: String(r.dim),
          value: String(r.value),
          bucket: Number(r.bucket),
          v: Number(r[`v${m.slot}`]),
          n,
        });
    }
  }
  return out.sort(
    (a, b) =>
      (a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : 0) ||
      (a.dim < b.dim ? -1 : a.dim > b.dim ? 1 : 0) ||
      (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) ||
      a.bucket - b.bucket,
  );
}

/** The rows of `rows` unlike those of `expected` in the same place (sums as far as floating point allows). */
function differing(rows: MeasureRow[], expected: MeasureRow[]): MeasureRow[] {
  expect(rows.length).toBe(expected.length);
  return rows.filter((r, i) => {
    const o = expected[i]!;
    return (
      r.measure !== o.measure ||
      r.dim !== o.dim ||
      r.value !== o.value ||
      r.bucket !== o.bucket ||
      r.n !== o.n ||
      !nearlyEqual(r.v, o.v)
    );
  });
}

/** An engine on the facts alone, or reading the catalog's rollups, or those of a `reader`. */
function engine(db: TestDriver, withRollups: boolean | RollupReader): SqlEngine {
  return new SqlEngine({
    dialect: db.dialect,
    tenant: TENANT,
    execute: (sql, params) => db.all(sql, params),
    dataVersion: () => "v",
    rollups: () => (withRollups === true ? rollups : withRollups || undefined),
    // A test that reads rollups must find them current, or it would compare the facts with themselves.
    onStaleRollups: () => {
      throw new Error("the rollups read were not current");
    },
  });
}

/** A range by month in UTC, in the past of the hand-worked histories. */
const monthQuery = (range: string) => ({
  range,
  grain: "month",
  tz: "UTC",
  compare: "none",
  now: "2026-03-10T00:00:00Z",
});

/** Each metric's value over `range` (monthQuery). */
async function monthValues(db: TestDriver, withRollups: boolean, range: string, metrics: readonly string[]) {
  const out: Record<string, number | null> = {};
  for (const metric of metrics)
    out[metric] = (await runQuery(engine(db, withRollups), { metric, ...monthQuery(range) }, { registry })).value;
  return out;
}

/**
 * Orders of `customers` customers (ids `${prefix}${c}_${n}`), from a seeded generator: `plan` says
 * how many orders a customer has and when each is placed.
 */
function seededOrders(
  prefix: string,
  customers: number,
  seed: number,
  plan: (random: () => number) => { count: number; at: () => number },
) {
  let state = seed;
  const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
  return Array.from({ length: customers }, (_, c) => {
    const { count, at } = plan(random);
    return Array.from({ length: count }, (_, n) => ({
      id: `${prefix}${c}_${n}`,
      customerId: `${prefix}${c}`,
      placedAt: new Date(at()).toISOString(),
      status: "placed",
      total: 10 + Math.floor(random() * 90),
      items: 1,
      channel: "web",
    }));
  }).flat();
}

/** An order of a history worked by hand: only its customer, time and status matter. */
const handOrder = (id: string, customerId: string, placedAt: string, status: string) => ({
  id,
  customerId,
  placedAt,
  status,
  total: 10,
  items: 1,
  channel: "web",
});

/** A query answered from the facts and from the rollups, and where the two differ. */
async function bothWays(db: TestDriver, query: Record<string, unknown>) {
  const [facts, fromRollups] = await Promise.all([
    runQuery(engine(db, false), query, { registry }),
    runQuery(engine(db, true), query, { registry }),
  ]);
  const differences = resultDifferences(facts, fromRollups, { expected: "facts", actual: "rollups" }).map(
    (d) => `${query.metric} ${JSON.stringify(query)}: ${d}`,
  );
  return { rollups: fromRollups, differences };
}

const DATABASES: Record<string, () => TestDriver | Promise<TestDriver>> = {
  sqlite: () => sqliteTestDriver(),
  postgres: postgresTestDriver,
};

for (const [name, open] of Object.entries(DATABASES)) {
  // Each KPI is computed from the facts too, without rollups: CLV took 24 s of its minute on a busy CI machine.
  describe(`rollups on ${name} equal the facts`, { timeout: 180_000 }, () => {
    let db: TestDriver;
    // Loading shuffled batches into PostgreSQL takes minutes when every suite runs at once on two cores.
    beforeAll(async () => {
      db = await emptyDatabase(open);
      await load(db);
    }, 600_000);
    afterAll(() => db?.close());

    it("marks the tenant's rollups current, and a rebuild gives the rows the increments did", async () => {
      expect(await db.all(currentRollupsSql(db.dialect), [rollups.version])).toEqual([{ tenant_id: TENANT }]);
      // An event of a key history that moved (a customer's last order, when a later one arrives)
      // leaves a row of no events where it was; a rebuild has no such row.
      const rows = async () => ({ measures: await measureRows(db), pairs: (await pairRows(db)).rows });
      const incremental = await rows();
      expect(incremental.measures.length).toBeGreaterThan(1000);
      expect(incremental.pairs.length).toBeGreaterThan(100);
      // In one part, and in parts of 37 days whose bounds fall within hours and quarter hours (each
      // such bucket added up from two parts).
      const bounds = Array.from({ length: 12 }, (_, i) => NOW - 420 * DAY + i * 37 * DAY + 1_234_567);
      for (const parts of [[], bounds]) {
        await db.transaction(rebuildRollupsSql(rollups, TENANT, db.dialect, parts));
        const rebuilt = await rows();
        expect(differing(rebuilt.measures, incremental.measures)).toEqual([]);
        expect(rebuilt.pairs).toEqual(incremental.pairs);
      }
    });

    it("keeps totals of all time (prefix sums) and by day (those, rolling windows) equal to their hours", async () => {
      const rows = await measureRows(db);
      const hours = new Map<string, { v: number; n: number }>();
      const totals = rows.filter((r) => r.bucket === ALL_TIME);
      const add = (key: string, r: { v: number; n: number }) => {
        const seen = hours.get(key) ?? { v: 0, n: 0 };
        hours.set(key, { v: seen.v + r.v, n: seen.n + r.n });
      };
      for (const r of rows) {
        if (r.bucket === ALL_TIME || r.dim === ":15" || r.dim === ":day") continue;
        add(`${r.measure} ${r.dim} ${r.value}`, r);
        if (r.dim === "") add(`${r.measure} day ${Math.floor(r.bucket / 24)}`, r);
      }
      const days = rows.filter((r) => r.dim === ":day");
      expect(days.length).toBeGreaterThan(0);
      const wrongDays = days.filter((r) => {
        const sum = hours.get(`${r.measure} day ${r.bucket}`);
        return !sum || sum.n !== r.n || !nearlyEqual(sum.v, r.v);
      });
      expect(wrongDays).toEqual([]);
      // CLV's year of orders and revenue is read by day; a measure no window or prefix sum reads has no days.
      const rolled = rollups.measures.filter((m) => m.days && !m.allTime);
      expect(rolled.some((m) => m.fact === "orders" && m.field === "total" && m.time === "placedAt")).toBe(true);
      expect(days.some((r) => rolled.some((m) => m.id === r.measure))).toBe(true);
      const undated = new Set(rollups.measures.filter((m) => !m.days).map((m) => m.id));
      expect(undated.size).toBeGreaterThan(0);
      expect(days.filter((r) => undated.has(r.measure))).toEqual([]);
      // Every event of a history (late orders relinked, re-sent ones) and every stock level that occurs has them.
      const kept = new Set(totals.map((r) => r.measure));
      const read = rollups.measures.filter((m) => (m.event || m.close) && rows.some((r) => r.measure === m.id));
      expect(read.filter((m) => !kept.has(m.id)).map((m) => m.id)).toEqual([]);
      expect(totals.some((r) => r.dim !== "")).toBe(true);
      const wrong = totals.filter((r) => {
        const sum = hours.get(`${r.measure} ${r.dim} ${r.value}`);
        return !sum || sum.n !== r.n || !nearlyEqual(sum.v, r.v);
      });
      expect(wrong).toEqual([]);
      const additive = rollups.measures.filter((m) => !m.allTime).map((m) => m.id);
      expect(additive.length).toBeGreaterThan(0);
      expect(totals.filter((r) => additive.includes(r.measure))).toEqual([]);
    });

    for (const definition of catalog) {
      it(definition.id, async () => {
        const metric = registry.require(definition.id);
        const [facts, fromRollups] = [engine(db, false), engine(db, true)];
        const queries: Record<string, unknown>[] = [
          { range: "last_30_days", grain: "day", tz: "Asia/Kolkata", compare: "previous_period" },
          { range: "today", grain: "hour", tz: "Asia/Kolkata", compare: "previous_period" },
          { range: "2026-10-20..2026-11-10", grain: "day", tz: "America/New_York", compare: "previous_year" },
          { range: "ytd", grain: "month", tz: "UTC", compare: "previous_period" },
        ];
        const problems: string[] = [];
        const compare = async (q: Record<string, unknown>) => {
          const query = { metric: definition.id, now: new Date(NOW).toISOString(), ...q };
          const [f, r] = await Promise.all([
            runQuery(facts, query, { registry }),
            runQuery(fromRollups, query, { registry }),
          ]);
          for (const d of resultDifferences(f, r, { expected: "facts", actual: "rollups" }))
            problems.push(`${JSON.stringify(q)}: ${d}`);
          return f;
        };
        for (const q of queries) await compare(q);
        const [by, other] = metric.dimensions;
        if (by) {
          const split = await compare({ range: "last_90_days", tz: "Asia/Kolkata", by, compare: "none" });
          // Filtered on the split's own dimension (one rollup dimension), and on another (facts).
          const some = (split.breakdown ?? []).slice(0, 2).map((b) => b.key ?? "none");
          await compare({
            range: "last_90_days",
            tz: "UTC",
            by,
            filters: { [by]: [...some, "nonexistent"] },
            compare: "none",
          });
          if (some.length)
            await compare({ range: "last_30_days", tz: "UTC", filters: { [by]: some }, compare: "none" });
          if (other)
            await compare({
              range: "last_90_days",
              tz: "UTC",
              by,
              filters: { [other]: ["web", "email", "US"] },
              compare: "none",
            });
        }
        // Whole hours only, split and filtered on each dimension: rollups answer all of it, and the
        // statement must bind none of the parameters a read of the facts would have used.
        for (const dim of metric.dimensions) {
          const whole = { range: "2026-10-01..2026-11-01", tz: "UTC", by: dim, compare: "none" };
          const keys = ((await compare(whole)).breakdown ?? []).map((b) => b.key ?? "none");
          await compare({ ...whole, filters: { [dim]: [...keys.slice(0, 1), "nonexistent"] } });
        }
        expect(problems).toEqual([]);
      });
    }

    it("reads rollups for additive KPIs, key histories and snapshots, not the facts", () => {
      const sqlOf = (metric: string, range: string) =>
        engine(db, true).explain(
          { metric, range, grain: "day", compare: "none", now: new Date(NOW).toISOString() },
          { registry },
        ).sql;
      // A join on a fact table: plain, or a lateral seek per span (PostgreSQL).
      const reads = (table: string) => new RegExp(`JOIN (LATERAL \\(SELECT \\* FROM )?${table} f`);
      // Whole hours only: no fact is read.
      expect(sqlOf("revenue", "last_month")).toContain("rollup_buckets ro");
      expect(sqlOf("revenue", "last_month")).not.toMatch(reads("orders"));
      // Up to now: the minutes since the last quarter hour come from the facts.
      expect(sqlOf("conversion_rate", "last_90_days")).toContain("rollup_buckets ro");
      expect(sqlOf("conversion_rate", "last_90_days")).toMatch(reads("sessions"));
      // Distinct visitors by day: prefix sums of the events of their histories.
      expect(sqlOf("visitors", "last_month")).toContain("rollup_buckets ro");
      expect(sqlOf("visitors", "last_month")).not.toMatch(reads("sessions"));
      // Customer histories: new customers from first-order events, active and lost ones from
      // prefix sums of history events; neither ranks every order of the tenant.
      for (const metric of ["new_customers", "cac", "customer_retention_rate", "churn_rate", "clv"]) {
        expect(sqlOf(metric, "last_90_days")).toContain("rollup_buckets ro");
        expect(sqlOf(metric, "last_90_days")).not.toContain("PARTITION BY f.customer_id");
      }
      expect(sqlOf("churn_rate", "last_90_days")).not.toMatch(reads("orders"));
      // Open tickets: those opened before each instant less those closed before it.
      for (const metric of ["active_tickets", "queued_tickets"])
        expect(sqlOf(metric, "last_month")).toContain("rollup_buckets ro");
    });
  });
}

/**
 * Customer histories worked by hand, for January 2026 in UTC with the catalog's 365-day window
 * (active at S = 2026-01-01 means an order since 2025-01-01; at E = 2026-02-01, since 2025-02-01):
 * c1 last ordered 2025-01-10: active at S, lost by E. c2 (2025-06-01, 2026-01-15): retained.
 * c3 lapsed (2023) and came back 2026-01-20: active at E only, and not new. c4 is new (2026-01-05).
 * c5 (2025-01-20, 01-25) and c7 (2025-01-31 23:00) are lost; c8 (2025-02-01 00:00) just stays
 * active. c6 only has a cancelled order. So S = 5 (c1 c2 c5 c7 c8), E = 4 (c2 c3 c4 c8), N = 1,
 * lost = 3: churn 3/5, retention (4 − 1)/5. The orders arrive newest first, so that every history
 * is relinked by the orders that come later and are older, and one is sent twice.
 */
const HISTORIES: [string, string, string, "placed" | "cancelled"][] = [
  ["o1", "c2", "2026-01-15T12:00:00Z", "placed"],
  ["o2", "c3", "2026-01-20T08:00:00Z", "placed"],
  ["o3", "c4", "2026-01-05T09:30:00Z", "placed"],
  ["o4", "c8", "2025-02-01T00:00:00Z", "placed"],
  ["o5", "c7", "2025-01-31T23:00:00Z", "placed"],
  ["o6", "c5", "2025-01-25T10:00:00Z", "placed"],
  ["o7", "c6", "2025-07-01T10:00:00Z", "cancelled"],
  ["o8", "c2", "2025-06-01T10:00:00Z", "placed"],
  ["o9", "c1", "2025-01-10T10:00:00Z", "placed"],
  ["o10", "c5", "2025-01-20T10:00:00Z", "placed"],
  ["o11", "c1", "2024-12-15T10:00:00Z", "placed"],
  ["o12", "c3", "2023-05-01T10:00:00Z", "placed"],
];

/**
 * Repeat customers worked by hand, for January 2026 in UTC. With two placed orders in it: r1 (its
 * earlier order in December), r2, r5 (two at the very same instant), r7, r8 and r9. With one: r3,
 * r4 (the other at the month's end, excluded), r6 and r10 (its other order cancelled). So 6 of 10
 * customers: 60 %. r11 to r17 order around ranges ending now (2026-02-20 15:37), minutes after it
 * and in the hours before last_90_days. r18's two orders of 2025-12-10 are more than a day's lapse
 * apart (23 h 10 min): one customer that day, whose lapse within it is read among the day's short
 * links; r19's are not, and r20's are, across two days. r21 and r22 order in the half hour before
 * the first whole hour of the period before last_30_days in Kolkata (18:30 UTC), r23 in the hours
 * before the first UTC midnight of last_90_days in New York. Ranges of more than a day read the
 * pairs kept (pairs.ts): 32 orders are followed by their customer's next within 93 days; 9 of them
 * are also less than 93 days after the one before (PAIRS).
 */
/**
 * Churn over 2024, a leap year: 366 days, longer than the 365-day window, in UTC. Active at S =
 * 2024-01-01 means an order since 2023-01-01; at E = 2025-01-01, since aE = 2024-01-02, a day after
 * S. l1 and l2 (twice) last ordered on 2024-01-01, in that day between the windows, and before that
 * in 2023: lost. l3 ordered then too, but lapsed before (2022): not active at S. l4 ordered that day
 * and again in June: retained. l5 came back only in 2025 (a lapse not over by E), l6's last order is
 * 2023-12-31 and l7 ordered on 2024-01-01 and next in 2025: lost. l8 is new in March; l9's order at
 * the very start of the window at S (2023-01-01 00:00) keeps it active, and it ordered again at the
 * end of the year. So S = 7 (l1 l2 l4 l5 l6 l7 l9), lost = 5 (l1 l2 l5 l6 l7): churn 5/7; active at
 * E = 3 (l4 l8 l9), new = 1 (l8): retention (3 − 1)/7.
 */
const ACROSS: [string, string][] = [
  ["l1", "2023-06-01T10:00:00Z"],
  ["l1", "2024-01-01T10:00:00Z"],
  ["l2", "2023-06-01T10:00:00Z"],
  ["l2", "2024-01-01T05:00:00Z"],
  ["l2", "2024-01-01T20:00:00Z"],
  ["l3", "2022-06-01T10:00:00Z"],
  ["l3", "2024-01-01T12:00:00Z"],
  ["l4", "2023-03-01T10:00:00Z"],
  ["l4", "2024-01-01T08:00:00Z"],
  ["l4", "2024-06-01T10:00:00Z"],
  ["l5", "2023-09-01T10:00:00Z"],
  ["l5", "2025-02-01T10:00:00Z"],
  ["l6", "2023-12-31T10:00:00Z"],
  ["l7", "2023-05-01T10:00:00Z"],
  ["l7", "2024-01-01T09:00:00Z"],
  ["l7", "2025-03-01T10:00:00Z"],
  ["l8", "2024-03-01T10:00:00Z"],
  ["l9", "2022-12-31T10:00:00Z"],
  ["l9", "2023-01-01T00:00:00Z"],
  ["l9", "2024-12-31T23:00:00Z"],
];

/**
 * Customers over 2025-01-01..2025-11-23 in UTC (326 days, as a year to date), read with the 365-day
 * window: active at its end over [E − 365 days + 90 min, E), 10 of them (g1–g10; g8's order of
 * 2024-11-22 00:30 is before that), less those whose last order before E came before S: g3's last
 * order ever, and g2's and g5's, whose next came after E (a long link). g1's and g9's orders in
 * that stretch come back within the range. So 7 customers (g1 g4 g6 g7 g8 g9 g10), 9 orders among
 * them in the range (g4 and g6 two each): purchase frequency 9/7, repeat customers 2/7.
 */
const LONG: [string, string][] = [
  ["g1", "2024-12-01T10:00:00Z"],
  ["g1", "2025-03-01T10:00:00Z"],
  ["g2", "2024-12-10T10:00:00Z"],
  ["g2", "2026-01-15T10:00:00Z"],
  ["g3", "2024-12-20T10:00:00Z"],
  ["g4", "2024-12-25T10:00:00Z"],
  ["g4", "2025-01-10T10:00:00Z"],
  ["g4", "2025-06-01T10:00:00Z"],
  ["g5", "2024-12-31T23:00:00Z"],
  ["g5", "2025-11-30T10:00:00Z"],
  ["g6", "2025-05-01T10:00:00Z"],
  ["g6", "2025-05-20T10:00:00Z"],
  ["g7", "2025-11-22T23:00:00Z"],
  ["g8", "2024-11-22T00:30:00Z"],
  ["g8", "2025-02-01T10:00:00Z"],
  ["g9", "2024-12-15T10:00:00Z"],
  ["g9", "2025-01-05T10:00:00Z"],
  ["g9", "2026-02-01T10:00:00Z"],
  ["g10", "2023-06-01T10:00:00Z"],
  ["g10", "2025-07-01T10:00:00Z"],
];

/**
 * Customers over March 2025 in UTC (31 days, three longer than the 28-day window): active at its
 * end over [E − 28 days, E) = [03-04, 04-01), plus those whose last order before E came in
 * [03-01, 03-04): p2's and p9's last orders ever (p9's at the range's very start), and p1's and
 * p4's, whose next came after E (long links: p4's 28 days and 90 minutes later). p3, p5 (back after
 * a month) and p8 ordered in the window; p6's lapse starts in its first 90 minutes (00:45, less
 * than the 28-day gap from its start) and ends before E, so it was not lapsed. p7 ordered before
 * March only. So 8 customers, 11 orders among them in March (p3, p6 and p8 two each): purchase
 * frequency 11/8, repeat customers 3/8.
 */
const MONTH: [string, string][] = [
  ["p1", "2025-03-02T10:00:00Z"],
  ["p1", "2025-05-01T10:00:00Z"],
  ["p2", "2025-03-02T12:00:00Z"],
  ["p3", "2025-03-03T10:00:00Z"],
  ["p3", "2025-03-20T10:00:00Z"],
  ["p4", "2025-03-03T23:00:00Z"],
  ["p4", "2025-04-01T00:30:00Z"],
  ["p5", "2025-02-01T10:00:00Z"],
  ["p5", "2025-03-04T00:30:00Z"],
  ["p6", "2025-03-04T00:45:00Z"],
  ["p6", "2025-03-31T23:50:00Z"],
  ["p7", "2025-01-15T10:00:00Z"],
  ["p8", "2025-03-10T10:00:00Z"],
  ["p8", "2025-03-15T10:00:00Z"],
  ["p9", "2025-02-28T23:00:00Z"],
  ["p9", "2025-03-01T00:00:00Z"],
];

const REPEATS: [string, string, "placed" | "cancelled"][] = [
  ["r1", "2025-12-20T10:00:00Z", "placed"],
  ["r1", "2026-01-10T10:00:00Z", "placed"],
  ["r1", "2026-01-20T10:00:00Z", "placed"],
  ["r2", "2026-01-05T10:00:00Z", "placed"],
  ["r2", "2026-01-30T10:00:00Z", "placed"],
  ["r3", "2025-11-01T10:00:00Z", "placed"],
  ["r3", "2026-01-15T10:00:00Z", "placed"],
  ["r4", "2026-01-31T23:00:00Z", "placed"],
  ["r4", "2026-02-01T00:00:00Z", "placed"],
  ["r5", "2026-01-01T00:00:00Z", "placed"],
  ["r5", "2026-01-01T00:00:00Z", "placed"],
  ["r6", "2025-12-31T23:59:00Z", "placed"],
  ["r6", "2026-01-03T10:00:00Z", "placed"],
  ["r6", "2026-03-01T10:00:00Z", "placed"],
  ["r7", "2025-12-01T10:00:00Z", "placed"],
  ["r7", "2026-01-02T10:00:00Z", "placed"],
  ["r7", "2026-01-31T22:00:00Z", "placed"],
  ["r7", "2026-02-15T10:00:00Z", "placed"],
  ["r8", "2026-01-01T10:00:00Z", "placed"],
  ["r8", "2026-01-15T10:00:00Z", "placed"],
  ["r8", "2026-01-31T12:00:00Z", "placed"],
  ["r9", "2026-01-01T01:00:00Z", "placed"],
  ["r9", "2026-01-30T12:00:00Z", "placed"],
  ["r10", "2026-01-10T10:00:00Z", "placed"],
  ["r10", "2026-01-12T10:00:00Z", "cancelled"],
  ["r11", "2026-02-20T15:34:00Z", "placed"],
  ["r11", "2026-02-20T15:39:00Z", "placed"],
  ["r11", "2026-02-20T15:43:00Z", "placed"],
  ["r12", "2026-02-20T15:38:00Z", "placed"],
  ["r12", "2026-04-01T10:00:00Z", "placed"],
  ["r12", "2026-04-02T10:00:00Z", "placed"],
  ["r13", "2025-11-22T20:00:00Z", "placed"],
  ["r13", "2025-12-03T10:00:00Z", "placed"],
  ["r14", "2025-11-22T21:00:00Z", "placed"],
  ["r14", "2025-12-05T10:00:00Z", "placed"],
  ["r14", "2026-02-10T10:00:00Z", "placed"],
  ["r15", "2025-11-22T17:04:00Z", "placed"],
  ["r15", "2025-11-30T10:00:00Z", "placed"],
  ["r16", "2025-11-22T17:10:00Z", "placed"],
  ["r16", "2025-12-01T10:00:00Z", "placed"],
  ["r17", "2025-11-22T17:12:00Z", "placed"],
  ["r17", "2025-12-28T10:00:00Z", "placed"],
  ["r17", "2026-03-01T10:00:00Z", "placed"],
  ["r18", "2025-12-10T00:30:00Z", "placed"],
  ["r18", "2025-12-10T23:40:00Z", "placed"],
  ["r19", "2025-12-12T10:00:00Z", "placed"],
  ["r19", "2025-12-12T23:00:00Z", "placed"],
  ["r20", "2025-12-13T22:00:00Z", "placed"],
  ["r20", "2025-12-14T22:45:00Z", "placed"],
  ["r21", "2025-12-22T18:40:00Z", "placed"],
  ["r21", "2025-12-26T10:00:00Z", "placed"],
  ["r22", "2025-12-22T18:45:00Z", "placed"],
  ["r22", "2025-12-27T10:00:00Z", "placed"],
  ["r22", "2025-12-31T10:00:00Z", "placed"],
  ["r23", "2025-11-23T06:00:00Z", "placed"],
  ["r23", "2025-12-02T10:00:00Z", "placed"],
];

/** Those 10 (prev, next) pairs by UTC day, worked by hand: r1, r6, r7 (two), r8, r11, r12, r14, r17 and r22. */
const PAIRS = [
  ["2025-11-22", "2026-02-10"],
  ["2025-11-22", "2026-03-01"],
  ["2025-12-01", "2026-01-31"],
  ["2025-12-20", "2026-01-20"],
  ["2025-12-22", "2025-12-31"],
  ["2025-12-31", "2026-03-01"],
  ["2026-01-01", "2026-01-31"],
  ["2026-01-02", "2026-02-15"],
  ["2026-02-20", "2026-02-20"],
  ["2026-02-20", "2026-04-02"],
].map(([a, b]) => ({ a: `${a}T00:00:00.000Z`, b: `${b}T00:00:00.000Z`, n2: 1 }));

/** The pairs kept by UTC day (pairs.ts), with `n2` set, and the sums of both counts. */
async function pairRows(db: TestDriver) {
  const rows = await db.all(`SELECT unit, a, b, n1, n2 FROM chain_pairs WHERE n1 <> 0 OR n2 <> 0 ORDER BY unit, a, b`);
  const days = rows.filter((r) => Number(r.unit) === DAY);
  const iso = (day: unknown) => new Date(Number(day) * DAY).toISOString();
  return {
    rows: rows.map((r) => [r.unit, r.a, r.b, r.n1, r.n2].map(Number)),
    prevNext: days.filter((r) => Number(r.n2)).map((r) => ({ a: iso(r.a), b: iso(r.b), n2: Number(r.n2) })),
    sums: ["n1", "n2"].map((n) => days.reduce((sum, r) => sum + Number(r[n]), 0)),
  };
}

for (const [name, open] of Object.entries(DATABASES)) {
  const repeats = "counts repeat customers, and a day's customers, through late and re-sent orders";
  it(`${repeats} on ${name}, as the facts and a rebuild do`, { timeout: 60_000 }, async () => {
    const db = await emptyDatabase(open);
    const orders = REPEATS.map(([customerId, placedAt, status], n) =>
      handOrder(`ro${n}`, customerId, placedAt, status),
    ).reverse();
    // Newest first, so that every later call relinks histories; one call sent twice.
    for (let i = 0; i < orders.length; i += 7) {
      await ingest(db, "orders", orders.slice(i, i + 7));
      if (i === 7) expect(await ingest(db, "orders", orders.slice(i, i + 7))).toEqual([0]);
    }
    const now = "2026-03-10T00:00:00Z";
    const january = {
      metric: "repeat_purchase_rate",
      range: "2026-01-01..2026-02-01",
      tz: "UTC",
      compare: "none",
      now,
    };
    const queries = [
      { ...january, grain: "month" },
      { ...january, range: "2025-11-15..2026-02-13", grain: "month" },
      { ...january, range: "2025-02-01..2026-02-01", grain: "month" },
      { ...january, range: "2025-02-01..2026-02-01", tz: "America/New_York", compare: "previous_period" },
      { ...january, range: "2026-01-01..2026-01-08", grain: "week" },
      { ...january, range: "2025-12-01..2026-01-03", grain: "day" },
      ...["last_90_days", "last_30_days", "last_7_days"].map((range) => ({
        ...january,
        range,
        grain: "day",
        compare: "previous_period",
        now: "2026-02-20T15:37:00Z",
      })),
      // Off UTC by whole hours (the hours before a range's first UTC midnight), and by half of one
      // (the minutes before its first whole hour, from the history).
      ...["America/New_York", "Asia/Kolkata"].flatMap((tz) =>
        ["last_90_days", "last_30_days", "2025-11-22..2026-02-21"].map((range) => ({
          ...january,
          range,
          tz,
          grain: "week",
          compare: "previous_period",
          now: "2026-02-20T15:37:00Z",
        })),
      ),
    ];
    const problems: string[] = [];
    for (const q of queries) problems.push(...(await bothWays(db, q)).differences);
    expect(problems).toEqual([]);
    const value = async () => (await runQuery(engine(db, true), { ...january, grain: "month" }, { registry })).value;
    expect(await value()).toBe(0.6);
    // A day's lapses within it, read by their ends among the day's short links.
    const december = engine(db, true).explain(
      { ...january, range: "2025-12-01..2026-01-03", grain: "day" },
      { registry },
    );
    expect(december.sql).toContain("c.prev_t >= w.e AND c.t - c.prev_t >= 81000000 AND c.t - c.prev_t < 90000000");
    const month = engine(db, true).explain({ ...january, grain: "month" }, { registry });
    expect(month.sql).toContain("chain_pairs c");
    // A year's range too, from the pairs: no span reads its own second orders.
    const year = { ...january, range: "2025-02-01..2026-02-01", grain: "month" };
    expect(engine(db, true).explain(year, { registry }).sql).not.toContain(
      "c.t >= w.s AND c.t < w.e AND c.prev_t >= w.s",
    );
    expect((await runQuery(engine(db, true), year, { registry })).value).toBe(19 / 21);
    const events = await measureRows(db);
    const pairs = await pairRows(db);
    expect(pairs.prevNext).toEqual(PAIRS);
    expect(pairs.sums).toEqual([32, 10]);
    await db.transaction(rebuildRollupsSql(rollups, TENANT, db.dialect));
    expect(await measureRows(db)).toEqual(events);
    expect(await pairRows(db)).toEqual(pairs);
    expect(await value()).toBe(0.6);
    await db.close();
  });

  it(`keeps customer histories through late, re-sent and out-of-order orders on ${name}, as a rebuild does`, {
    timeout: 60_000,
  }, async () => {
    const db = await emptyDatabase(open);
    const orders = HISTORIES.map(([id, customerId, placedAt, status]) => handOrder(id, customerId, placedAt, status));
    for (const batch of [
      orders.slice(0, 3),
      orders.slice(3, 7),
      [orders[0]!, ...orders.slice(7, 10)],
      orders.slice(10),
    ])
      await ingest(db, "orders", batch);
    const values = (withRollups: boolean) =>
      monthValues(db, withRollups, "2026-01-01..2026-02-01", [
        "new_customers",
        "churn_rate",
        "customer_retention_rate",
      ]);
    const expected = { new_customers: 1, churn_rate: 0.6, customer_retention_rate: 0.6 };
    expect(await values(true)).toEqual(expected);
    expect(await values(false)).toEqual(expected);
    const histories = async () => ({
      links: await db.all("SELECT id, k, t, prev_t, next_t FROM chain_facts ORDER BY id"),
      lapses: await db.all("SELECT k, s, e FROM chain_lapses ORDER BY k, s"),
      events: await measureRows(db),
    });
    const kept = await histories();
    // c3's 2023 order and its return in 2026 are the one lapse.
    expect(kept.lapses.map((l) => [l.k, Number(l.s), Number(l.e)])).toEqual([
      ["c3", Date.parse("2023-05-01T10:00:00Z"), Date.parse("2026-01-20T08:00:00Z")],
    ]);
    expect(kept.links).toHaveLength(11);
    await db.transaction(rebuildRollupsSql(rollups, TENANT, db.dialect));
    expect(await histories()).toEqual(kept);
    expect(await values(true)).toEqual(expected);
    await db.close();
  });

  // The orders of a stretch before a range's end whose next came after it, among the long links.
  const longLinks = (sql: string) => expect(sql).toContain("c.next_t >= w.e AND c.next_t - c.t >= 2419200000");
  // Hand-worked histories, stored newest first in two calls (the older orders relink every
  // history): each metric's value over a range by month, from the rollups and from the facts, and
  // what the rollups' statement reads.
  const handWorked = [
    {
      title: "reads churn over a range longer than its window from the histories",
      rows: ACROSS,
      range: "2024-01-01..2025-01-01",
      expected: { churn_rate: 5 / 7, customer_retention_rate: 2 / 7 },
      // No order, and the day between the windows among the histories.
      reads(sql: string) {
        expect(sql).not.toMatch(/JOIN (LATERAL \(SELECT \* FROM )?orders f/);
        expect(sql).toContain("GROUP BY w.i, c.k HAVING");
      },
    },
    {
      title: "counts customers over a span a little shorter than a year from the long links",
      rows: LONG,
      range: "2025-01-01..2025-11-23",
      expected: { purchase_frequency: 9 / 7, repeat_purchase_rate: 2 / 7 },
      // The stretch before the range.
      reads: longLinks,
    },
    {
      title: "counts customers over a month from the four weeks at its end and the long links before them",
      rows: MONTH,
      range: "2025-03-01..2025-04-01",
      expected: { purchase_frequency: 11 / 8, repeat_purchase_rate: 3 / 8 },
      // The month's first three days; of every order, only the first 90 minutes after them (the
      // window's lapses that start there).
      reads: longLinks,
    },
  ];
  for (const { title, rows, range, expected, reads } of handWorked)
    it(`${title} on ${name}`, async () => {
      const db = await emptyDatabase(open);
      const newest = rows
        .map(([customerId, placedAt], i) => handOrder(`h${i}`, customerId, placedAt, "placed"))
        .reverse();
      const half = Math.floor(newest.length / 2);
      for (const batch of [newest.slice(0, half), newest.slice(half)]) await ingest(db, "orders", batch);
      for (const withRollups of [true, false]) {
        const got = await monthValues(db, withRollups, range, Object.keys(expected));
        for (const [metric, value] of Object.entries(expected)) expect(got[metric]).toBeCloseTo(value, 12);
      }
      const metric = Object.keys(expected)[0]!;
      reads(engine(db, true).explain({ metric, ...monthQuery(range) }, { registry }).sql);
      await db.close();
    });

  const online =
    "rebuilds in steps while ingests go on between them, and a rebuild taken over by a later one changes nothing";
  it(`${online} on ${name}: the rows a rebuild in one go gives`, { timeout: 300_000 }, async () => {
    const db = await emptyDatabase(open);
    // Every fact but targets in shuffled batches: the first 60 % stored before the rebuilds, the
    // rest between their steps (late facts of the same customers and SKUs, some sent again).
    const batches = (Object.entries(facts) as [FactName, unknown[]][])
      .filter(([fact]) => fact !== "targets")
      .flatMap(([fact, records]) => {
        // A part of each, as the whole takes minutes on PostgreSQL, given as many transactions.
        const all = shuffled(records, records.length + 1).slice(0, 1600);
        return Array.from({ length: Math.ceil(all.length / 400) }, (_, i) => ({
          fact,
          records: all.slice(i * 400, i * 400 + 400),
        }));
      });
    const before = Math.floor(batches.length * 0.6);
    for (const b of batches.slice(0, before)) await ingest(db, b.fact, b.records);
    const during = batches.slice(before, -1);
    const bounds = Array.from({ length: 5 }, (_, i) => NOW - 400 * DAY + (i + 1) * 70 * DAY + 1_234_567);
    // Rebuild a runs a third of its steps; then b starts (another process, or the next start), and
    // their steps alternate: a's change nothing from then on.
    // Old rows deleted a few hundred at a time: the chunks of a step repeat until none is left.
    const a = rebuildStepsSql(rollups, TENANT, db.dialect, { rebuild: "a", bounds, chunk: 700 });
    const b = rebuildStepsSql(rollups, TENANT, db.dialect, { rebuild: "b", bounds, chunk: 700 });
    const third = Math.floor(a.length / 3);
    const steps = [...a.slice(0, third), ...b.flatMap((step, i) => [step, ...(a[third + i] ? [a[third + i]!] : [])])];
    let sent = 0;
    const cleared: number[] = [];
    for (const [i, step] of steps.entries()) {
      let chunks = 0;
      while ((await db.transaction(step.statements))[0]! > 0 && step.repeat) chunks++;
      if (step.repeat) cleared.push(chunks);
      for (const c of during.filter((_, k) => Math.floor((k * steps.length) / during.length) === i)) {
        await ingest(db, c.fact, c.records);
        // Sent again while pending: nothing is inserted, and nothing is added twice.
        if (sent++ % 5 === 0) expect(await ingest(db, c.fact, c.records.slice(0, 20))).toEqual([0]);
      }
    }
    // a's steps deleted the old rollup rows in chunks; b's deleted what a had built before it took over.
    expect(cleared).toHaveLength(8);
    expect(cleared[0]).toBeGreaterThan(3);
    expect(Math.max(...cleared.slice(4))).toBeGreaterThan(0);
    const pending = async () => (await db.all(pendingSelectSql(db.dialect), [TENANT])).map(pendingOf);
    const left = await pending();
    // Each call since b began is pending, but those sent again: they stored nothing.
    expect(left.length).toBeGreaterThan(during.length / 2);
    const finish = async (rebuild: string) =>
      (await db.transaction(finishRebuildSql(rollups, TENANT, db.dialect, rebuild))).at(-1);
    // a adds nothing and cannot finish; nor can b while ingests are pending.
    for (const p of left) await db.transaction(foldPendingSql(rollups, TENANT, db.dialect, p, "a"));
    expect(await pending()).toEqual(left);
    expect(await finish("a")).toBe(0);
    expect(await finish("b")).toBe(0);
    expect(await db.all(currentRollupsSql(db.dialect), [rollups.version])).toEqual([]);
    for (const [i, p] of left.entries()) {
      await db.transaction(foldPendingSql(rollups, TENANT, db.dialect, p, "b"));
      if (i === 0) await ingest(db, batches.at(-1)!.fact, batches.at(-1)!.records);
    }
    // The call stored while b added the others is pending too.
    const last = await pending();
    expect(last).toHaveLength(1);
    expect(await finish("b")).toBe(0);
    await db.transaction(foldPendingSql(rollups, TENANT, db.dialect, last[0]!, "b"));
    expect(await finish("b")).toBe(1);
    expect(await db.all(currentRollupsSql(db.dialect), [rollups.version])).toEqual([{ tenant_id: TENANT }]);
    expect(await pending()).toEqual([]);
    const kept = await measureRows(db);
    const links = () => db.all("SELECT chain, id, k, t, prev_t, prev2_t, next_t FROM chain_facts ORDER BY chain, id");
    const linked = await links();
    const pairs = (await pairRows(db)).rows;
    await db.transaction(rebuildRollupsSql(rollups, TENANT, db.dialect));
    expect(differing(await measureRows(db), kept)).toEqual([]);
    expect(await links()).toEqual(linked);
    expect((await pairRows(db)).rows).toEqual(pairs);
    await db.close();
  });

  const partly =
    "rebuilds for another set of measures only the parts it changed, with ingests before and during the rebuild";
  it(`${partly} on ${name}: the rows a whole rebuild gives`, { timeout: 300_000 }, async () => {
    const db = await emptyDatabase(open);
    // The next release has two KPIs more: customers active over 45 days (a window more for their
    // history, so it and its events are rebuilt) and the revenue of big orders (a measure more in
    // a family of orders); the other families and histories hold what they held.
    const nextRegistry = registry.with([
      {
        id: "active_45",
        labels: { en: "Active customers (45 days)" },
        unit: "count",
        better: "up",
        kind: "measure",
        measure: {
          fact: "orders",
          agg: "active",
          field: "customerId",
          where: "status = 'placed'",
          days: 45,
          state: "end",
        },
      },
      {
        id: "big_revenue",
        labels: { en: "Revenue of big orders" },
        unit: "currency",
        better: "up",
        kind: "measure",
        measure: { fact: "orders", agg: "sum", field: "total", where: "status = 'placed' and total > 100" },
      },
    ]);
    const next = Rollups.of(nextRegistry);
    const batches = (Object.entries(facts) as [FactName, unknown[]][])
      .filter(([fact]) => fact !== "targets")
      .flatMap(([fact, records]) => {
        const all = shuffled(records, records.length + 2).slice(0, 1200);
        return Array.from({ length: 3 }, (_, i) => ({ fact, records: all.slice(i * 400, i * 400 + 400) }));
      });
    const before = Math.floor(batches.length * 0.6);
    for (const b of batches.slice(0, before)) await ingest(db, b.fact, b.records);
    const [state] = await db.all(rebuildStateSql(db.dialect), [TENANT]);
    expect(JSON.parse(String(state!.parts))).toEqual({ of: rollups.version, parts: rollups.parts });
    expect(keptParts(rollups, state)).toEqual(rollups.parts);
    // Not when a release that does not name parts has rebuilt the rollups since (its version moved).
    expect(keptParts(rollups, { ...state, version: `${BUILDING}older:r` })).toEqual([]);
    expect(keptParts(rollups, { ...state, version: "older" })).toEqual([]);
    const keep = keptParts(next, state);
    const rebuilt = next.parts.filter((part) => !keep.includes(part));
    expect(rebuilt.map((part) => part.split(":")[0])).toEqual(["chain", "family", "family"]);
    // A row of a family kept and one of a history kept that no rebuild makes: a whole rebuild
    // clears them, this one leaves them.
    const [family, chain] = ["family", "chain"].map((kind) => keep.find((p) => p.startsWith(kind))!.split(":")[1]!);
    const p = db.dialect.param;
    await db.transaction([
      {
        sql:
          "INSERT INTO rollup_buckets (tenant_id, family, dim, value, bucket) " +
          `VALUES (${p(1)}, ${p(2)}, 'marked', '', -1)`,
        params: [TENANT, family],
      },
      {
        sql: `INSERT INTO chain_facts (tenant_id, chain, id, k, t) VALUES (${p(1)}, ${p(2)}, 'marked', 'marked', 0)`,
        params: [TENANT, chain],
      },
    ]);
    const marked = async () =>
      Number((await db.all("SELECT count(*) AS n FROM rollup_buckets WHERE dim = 'marked'"))[0]!.n) +
      Number((await db.all("SELECT count(*) AS n FROM chain_facts WHERE id = 'marked'"))[0]!.n);
    let calls = 0;
    const ingestNext = async (b: { fact: FactName; records: unknown[] }) =>
      db.transaction(
        ingestSql(b.fact, [b.records as FactRecord<FactName>[]], TENANT, db.dialect, {
          maxParams: 999,
          ingestId: `next${++calls}`,
          rollups: next,
        }).statements,
      );
    // The next release stores facts before its rebuild begins (its rollups are not current): pending.
    await ingestNext(batches[before]!);
    const pending = async () => (await db.all(pendingSelectSql(db.dialect), [TENANT])).map(pendingOf);
    expect(await pending()).toHaveLength(1);
    const bounds = Array.from({ length: 3 }, (_, i) => NOW - 300 * DAY + (i + 1) * 90 * DAY + 1_234_567);
    const steps = rebuildStepsSql(next, TENANT, db.dialect, { rebuild: "p", bounds, chunk: 700, keep });
    const whole = rebuildStepsSql(next, TENANT, db.dialect, { rebuild: "w", bounds, chunk: 700 });
    expect(steps.length).toBeLessThan(whole.length / 2);
    const during = batches.slice(before + 1);
    // Meanwhile ingests keep the parts kept up to date, but for the customers' history, whose events
    // gain a window, and the family of orders that gains a measure: visitors, stock or refunds read
    // rollups (52 of the 70 KPIs), revenue and the customers' KPIs their facts.
    const liveParts = next.liveParts(keep);
    await db.transaction(steps[0]!.statements);
    const [building] = await db.all(rebuildStateSql(db.dialect), [TENANT]);
    const reader = next.readable(liveParts, String(building!.parts));
    const query = (metric: string) => ({
      metric,
      range: "last_90_days",
      grain: "week",
      tz: "America/New_York",
      compare: "none",
      now: new Date(NOW).toISOString(),
    });
    const reads = (metric: string) => engine(db, reader).explain(query(metric), { registry: nextRegistry }).sql;
    const live = ["visitors", "conversion_rate", "inventory_value", "refund_rate", "tickets"];
    expect(live.filter((m) => !/rollup_buckets/.test(reads(m)))).toEqual([]);
    const scanned = ["revenue", "active_45", "new_customers", "big_revenue"];
    expect(scanned.filter((m) => /rollup_buckets|chain_/.test(reads(m)))).toEqual([]);
    const liveDifferences = async () => {
      const differences: string[] = [];
      for (const metric of [...live, "revenue", "active_45"]) {
        const [fromFacts, fromLive] = await Promise.all(
          [engine(db, false), engine(db, reader)].map((e) => runQuery(e, query(metric), { registry: nextRegistry })),
        );
        differences.push(
          ...resultDifferences(fromFacts!, fromLive!, { expected: "facts", actual: "live" }).map(
            (d) => `${metric}: ${d}`,
          ),
        );
      }
      return differences;
    };
    // Read before they are added the ingest stored before the first step, the statement says so.
    await expect(runQuery(engine(db, reader), query("revenue"), { registry: nextRegistry })).rejects.toThrow(
      "not current",
    );
    for (const [i, step] of steps.entries()) {
      if (i > 0) while ((await db.transaction(step.statements))[0]! > 0 && step.repeat);
      // The ingests stored before the first step join the parts ingests keep up to date.
      for (const p of await pending())
        if (!p.applied) await db.transaction(applyPendingSql(next, TENANT, db.dialect, p, "p", liveParts));
      const b = during[i];
      if (b) await ingestNext(b);
      if (i % 3 === 0) expect(await liveDifferences()).toEqual([]);
      if (i > 0) continue;
      // Under way, the names say what it keeps: a store resuming it keeps the same parts, and one
      // of the release before taking it over keeps none (its parts kept up to date may differ).
      const [underWay] = await db.all(rebuildStateSql(db.dialect), [TENANT]);
      expect(keptParts(next, underWay)).toEqual(keep);
      expect(keptParts(rollups, underWay)).toEqual([]);
    }
    expect(await marked()).toBe(2);
    for (const p of await pending()) await db.transaction(foldPendingSql(next, TENANT, db.dialect, p, "p", liveParts));
    expect((await db.transaction(finishRebuildSql(next, TENANT, db.dialect, "p"))).at(-1)).toBe(1);
    expect(await db.all(currentRollupsSql(db.dialect), [next.version])).toEqual([{ tenant_id: TENANT }]);
    const [done] = await db.all(rebuildStateSql(db.dialect), [TENANT]);
    expect(JSON.parse(String(done!.parts))).toEqual({ of: next.version, parts: next.parts });
    await db.transaction([
      { sql: "DELETE FROM rollup_buckets WHERE dim = 'marked'", params: [] },
      { sql: "DELETE FROM chain_facts WHERE id = 'marked'", params: [] },
    ]);
    const held = async () => ({
      measures: await measureRows(db, next),
      links: await db.all("SELECT chain, id, k, t, prev_t, prev2_t, next_t FROM chain_facts ORDER BY chain, id"),
      lapses: await db.all("SELECT lapse, s, k, e FROM chain_lapses ORDER BY lapse, s, k"),
      pairs: (await pairRows(db)).rows,
    });
    const kept = await held();
    expect(kept.measures.length).toBeGreaterThan(1000);
    await db.transaction(rebuildRollupsSql(next, TENANT, db.dialect));
    const rebuiltWhole = await held();
    expect(differing(rebuiltWhole.measures, kept.measures)).toEqual([]);
    expect(rebuiltWhole.links).toEqual(kept.links);
    expect(rebuiltWhole.lapses).toEqual(kept.lapses);
    expect(rebuiltWhole.pairs).toEqual(kept.pairs);
    await db.close();
  });

  const yearly =
    "counts each day's (or month's) customers lost over a year from the next one's count " +
    "(CLV by day and month, churn by month)";
  it(`${yearly} on ${name}, as the facts do`, { timeout: 120_000 }, async () => {
    const db = await emptyDatabase(open);
    // 400 customers over four years, each with two to five orders far apart: many gaps longer than
    // the 365-day window start and end in every stretch a day's annual churn reads.
    const start = Date.UTC(2022, 10, 1);
    const orders = seededOrders("y", 400, 7, (random) => ({
      count: 2 + Math.floor(random() * 4),
      at: () => start + Math.floor(random() * 1_480 * DAY),
    }));
    for (let i = 0; i < orders.length; i += 300) await ingest(db, "orders", orders.slice(i, i + 300));
    const [lapses] = await db.all("SELECT count(*) AS n FROM chain_lapses");
    expect(Number(lapses!.n)).toBeGreaterThan(100);
    const problems: string[] = [];
    // Months are a month apart: each month's count from the next one's where that reads less (CLV's
    // stretches of a year), alone where not (churn's month of starts).
    for (const [metric, q, points] of [
      ["clv", { range: "last_90_days", grain: "day", tz: "America/New_York", compare: "previous_period" }, 30],
      ["clv", { range: "2026-02-20..2026-04-10", grain: "day", tz: "UTC", compare: "previous_year" }, 30],
      ...["clv", "churn_rate", "customer_retention_rate"].map(
        (metric) =>
          [
            metric,
            { range: "last_year", grain: "month", tz: "America/New_York", compare: "previous_period" },
            10,
          ] as const,
      ),
      ["clv", { range: "ytd", grain: "month", tz: "UTC", compare: "previous_year" }, 8],
    ] as const) {
      const { rollups: r, differences } = await bothWays(db, { metric, now: "2026-11-20T15:37:00Z", ...q });
      expect(r.series.filter((p) => p.value !== null).length).toBeGreaterThan(points);
      problems.push(...differences);
    }
    expect(problems).toEqual([]);
    await db.close();
  });

  const edges = "counts distinct customers in ranges hours short of a window (ending now), and in their days";
  it(`${edges} on ${name}, as the facts do`, { timeout: 120_000 }, async () => {
    const db = await emptyDatabase(open);
    // 300 customers whose orders crowd the day around each range's start: a range that ends now is
    // counted over a window's last gap, less the customers whose last order before now is in the
    // hours before the range (read from the history).
    const now = Date.parse("2026-11-20T15:37:00Z");
    const starts = [7, 28, 90, 324, 400].map((days) => now - days * DAY);
    const orders = seededOrders("e", 300, 11, (random) => ({
      count: 1 + Math.floor(random() * 5),
      at: () => starts[Math.floor(random() * starts.length)]! + Math.floor((random() - 0.5) * 2 * DAY),
    }));
    // A third of them order again in the two hours after now: their last order before now is then
    // found from those orders, which name it (a range ending now reads the stretch so).
    const later = [...new Set(orders.map((o) => o.customerId))]
      .filter((_, c) => c % 3 === 0)
      .map((customerId, c) => ({
        ...orders.find((o) => o.customerId === customerId)!,
        id: `later_${customerId}`,
        placedAt: new Date(now + (c % 120) * 60_000).toISOString(),
      }));
    const all = [...orders, ...later];
    for (let i = 0; i < all.length; i += 250) await ingest(db, "orders", all.slice(i, i + 250));
    const problems: string[] = [];
    const queries = ["last_7_days", "last_28_days", "last_90_days", "ytd"].flatMap((range) =>
      ["America/New_York", "Asia/Kolkata"].map((tz) => ({ range, grain: "day", tz, compare: "previous_period" })),
    );
    for (const q of queries)
      for (const metric of ["purchase_frequency", "repeat_purchase_rate"]) {
        const { rollups: r, differences } = await bothWays(db, { metric, now: new Date(now).toISOString(), ...q });
        expect(r.value).not.toBeNull();
        problems.push(...differences);
      }
    expect(problems).toEqual([]);
    // The ranges that end now were read so, not from their facts; customers' second orders in a
    // day among the day's links, in longer ranges from the pairs kept.
    const explain = (metric: string) =>
      engine(db, true).explain({ metric, range: "last_90_days", grain: "day", tz: "UTC" }, { registry, now }).sql;
    expect(explain("purchase_frequency")).toContain("c.t >= w.e AND c.prev_t >= w.a AND c.prev_t < w.x");
    const repeat = explain("repeat_purchase_rate");
    if (db.dialect.name === "sqlite") expect(repeat).toContain("chain_facts_day_links");
    expect(repeat).toContain("c.t - c.prev_t < 90000000");
    expect(repeat).toContain("chain_pairs c");
    await db.close();
  });

  const ahead =
    "reads a range ending now as its last bucket whole less what came after now (orders placed ahead of time too)";
  it(`${ahead} on ${name}, as the facts do`, { timeout: 120_000 }, async () => {
    const db = await emptyDatabase(open);
    // Orders crowd the minutes before now (a busy shop's latest), and some are placed after it, in
    // its quarter hour and its hour: one of them through a channel no order before now came by.
    const now = Date.parse("2026-11-20T15:37:00Z");
    const minute = 60_000;
    const orders = seededOrders("a", 120, 5, (random) => ({
      count: 1 + Math.floor(random() * 3),
      at: () => now - Math.floor(random() * (random() < 0.5 ? 40 : 3 * 24 * 60) * minute) - 1,
    }));
    const later = [1, 5, 7, 20].map((m, n) => ({
      ...orders[n]!,
      id: `later${n}`,
      placedAt: new Date(now + m * minute).toISOString(),
      channel: n === 1 ? "phone" : "web",
    }));
    const app = orders.map((o, n) => (n % 3 ? o : { ...o, channel: "app" }));
    for (let i = 0; i < app.length; i += 100) await ingest(db, "orders", app.slice(i, i + 100));
    await ingest(db, "orders", later);
    const problems: string[] = [];
    for (const tz of ["UTC", "Asia/Kolkata"])
      for (const [range, grain] of [
        ["today", "hour"],
        ["last_7_days", "day"],
      ])
        for (const metric of ["revenue", "aov", "new_customers", "purchase_frequency"])
          for (const by of [undefined, "channel"]) {
            const q = { metric, range, grain, tz, now: new Date(now).toISOString(), ...(by ? { by } : {}) };
            const { rollups: r, differences } = await bothWays(db, q);
            expect(r.value).not.toBeNull();
            problems.push(...differences);
          }
    expect(problems).toEqual([]);
    // Read so: the facts after now taken away, not the minutes before it.
    const explain = (metric: string) =>
      engine(db, true).explain({ metric, range: "today", grain: "hour", tz: "UTC" }, { registry, now }).sql;
    for (const metric of ["revenue", "new_customers"]) expect(explain(metric)).toContain("-l.v AS v");
    await db.close();
  });

  const stock = "keeps each SKU's latest level through late, re-sent and tied levels";
  it(`${stock} on ${name}, as a rebuild does`, { timeout: 60_000 }, async () => {
    const db = await emptyDatabase(open);
    const level = (id: string, sku: string, day: number, quantity: number, value: number) => ({
      id,
      sku,
      at: new Date(Date.UTC(2026, 0, 1, 12) + day * 86_400_000).toISOString(),
      quantity,
      value,
      ageDays: 10,
    });
    // A on Jan 2 (50), then out of stock on Jan 11; B on Jan 4. Then, late: A's level of Jan 6 (30),
    // A's Jan 11 level again, and a second level of B at the very same time, whose greater id
    // makes it the latest (out of stock).
    await ingest(db, "inventory", [
      level("a1", "A", 1, 5, 50),
      level("a10", "A", 10, 0, 0),
      level("b3", "B", 3, 2, 20),
    ]);
    await ingest(db, "inventory", [
      level("a5", "A", 5, 3, 30),
      level("a10", "A", 10, 0, 0),
      level("b3x", "B", 3, 0, 0),
    ]);
    const query = { range: "2026-01-02..2026-01-13", grain: "day", tz: "UTC", compare: "none" };
    const values = async (withRollups: boolean) => {
      const out: Record<string, (number | null)[]> = {};
      for (const metric of ["inventory_value", "stockout_rate"]) {
        const r = await runQuery(
          engine(db, withRollups),
          { metric, ...query, now: "2026-02-01T00:00:00Z" },
          { registry },
        );
        out[metric] = r.series.map((p) => p.value);
      }
      return out;
    };
    // The end of each day from Jan 2 to Jan 12: A alone, then B too (out of stock), A at 30 from
    // Jan 6, both out of stock from Jan 11.
    const expected = {
      inventory_value: [50, 50, 50, 50, 30, 30, 30, 30, 30, 0, 0],
      stockout_rate: [0, 0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 1],
    };
    expect(await values(true)).toEqual(expected);
    expect(await values(false)).toEqual(expected);
    const events = await measureRows(db);
    await db.transaction(rebuildRollupsSql(rollups, TENANT, db.dialect));
    expect(await measureRows(db)).toEqual(events);
    expect(await values(true)).toEqual(expected);
    await db.close();
  });

  const relinks = "relinks the rows next to new facts (ties, several between the same two, a new first)";
  it(`${relinks} on ${name}, as a rebuild links them`, {
    timeout: 60_000,
  }, async () => {
    const db = await emptyDatabase(open);
    const order = (id: string, day: number) => ({
      id,
      customerId: "k",
      placedAt: new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString(),
      status: "placed",
      total: 10,
      items: 1,
      channel: "web",
    });
    await ingest(db, "orders", [order("a", 1), order("b", 10), order("c", 20), order("d", 30), order("e", 200)]);
    // Between a and b twice, at c's time on both sides of its id, and a lapse's end moved.
    await ingest(db, "orders", [order("n1", 5), order("n2", 7), order("c0", 20), order("c9", 20), order("n5", 100)]);
    await ingest(db, "orders", [order("n0", 0), order("n6", 40)]);
    // A bulk ingest (1,000 facts: PostgreSQL refreshes the histories' statistics in it), onto them.
    await ingest(
      db,
      "orders",
      Array.from({ length: 1000 }, (_, i) => ({ ...order(`bulk${i}`, (i * 7) % 300), customerId: `k${i % 300}` })),
    );
    const histories = async () => ({
      links: await db.all("SELECT id, t, prev_t, prev2_t, next_t, mark FROM chain_facts ORDER BY t, id"),
      lapses: await db.all("SELECT lapse, k, s, e FROM chain_lapses ORDER BY 1, 2, 3"),
      events: await measureRows(db),
    });
    const kept = await histories();
    expect(kept.links.filter((l) => !String(l.id).startsWith("bulk")).map((l) => l.id)).toEqual([
      "n0",
      "a",
      "n1",
      "n2",
      "b",
      "c",
      "c0",
      "c9",
      "d",
      "n6",
      "n5",
      "e",
    ]);
    expect(kept.links).toHaveLength(1012);
    expect(kept.links.every((l) => l.mark === null)).toBe(true);
    await db.transaction(rebuildRollupsSql(rollups, TENANT, db.dialect));
    expect(await histories()).toEqual(kept);
    await db.close();
  });
}

const stale = "adds nothing to stale rollups (built for another set of measures, or never)";
it(`${stale}: a rebuild makes them current`, async () => {
  const db = sqliteTestDriver();
  await db.transaction(schemaStatements(db.dialect).map((sql) => ({ sql, params: [] })));
  await ingest(db, "orders", facts.orders!.slice(0, 100));
  expect(await db.all("SELECT count(*) AS n FROM rollup_buckets")).toEqual([{ n: 0 }]);
  expect(await db.all(currentRollupsSql(db.dialect), [rollups.version])).toEqual([]);
  await db.transaction(rebuildRollupsSql(rollups, TENANT, db.dialect));
  const orders = rollups.find(registry.require("orders").formula.measures.value!)!;
  const [built] = await db.all(`SELECT sum(v${orders.slot}) AS v FROM rollup_buckets WHERE dim = '' AND family = ?`, [
    orders.family,
  ]);
  expect(built!.v).toBe(facts.orders!.slice(0, 100).filter((o) => o.status === "placed").length);
  await db.close();
});

it("writes no rollup row for a relinked history row whose events stay as they were", async () => {
  const db = await emptyDatabase(() => sqliteTestDriver());
  const [a, b, c] = ["2026-01-01T10:00:00Z", "2026-01-20T10:00:00Z", "2026-01-10T10:00:00Z"];
  await ingest(db, "orders", [handOrder("a", "c1", a, "placed"), handOrder("b", "c1", b, "placed")]);
  // Every rollup row the next ingest inserts or updates, by its bucket.
  await db.transaction(
    [
      "CREATE TEMP TABLE written (bucket INTEGER)",
      "CREATE TEMP TRIGGER added AFTER INSERT ON rollup_buckets BEGIN INSERT INTO written VALUES (new.bucket); END",
      "CREATE TEMP TRIGGER changed AFTER UPDATE ON rollup_buckets BEGIN INSERT INTO written VALUES (new.bucket); END",
    ].map((sql) => ({ sql, params: [] })),
  );
  // c falls between a and b: a's next and b's previous change, yet their events do not (a day's
  // and a week's lapses, 9 and 10 days instead of 19; none longer; neither first nor last).
  await ingest(db, "orders", [handOrder("c", "c1", c, "placed")]);
  const written = new Set((await db.all("SELECT DISTINCT bucket FROM written")).map((r) => Number(r.bucket)));
  const buckets = (iso: string) => [3_600_000, 900_000, DAY].map((unit) => Math.floor(Date.parse(iso) / unit));
  expect(buckets(c).filter((x) => written.has(x))).not.toEqual([]);
  expect([...buckets(a), ...buckets(b)].filter((x) => written.has(x))).toEqual([]);
  // And the histories are what a rebuild makes of them.
  const kept = await measureRows(db);
  await db.transaction(rebuildRollupsSql(rollups, TENANT, db.dialect));
  expect(await measureRows(db)).toEqual(kept);
  await db.close();
});

it("starts a rebuild on PostgreSQL beside an ingest under way without a deadlock: both take their locks in one order", {
  timeout: 60_000,
}, async () => {
  const database = await newPostgresDatabase();
  const [ingesting, rebuilding] = [new pg.Client(database.url), new pg.Client(database.url)];
  try {
    for (const c of [ingesting, rebuilding]) await c.connect();
    for (const sql of schemaStatements(postgres)) await ingesting.query(sql);
    await ingesting.query("BEGIN");
    for (const s of rebuildRollupsSql(rollups, TENANT, postgres)) await ingesting.query(s.sql, s.params as unknown[]);
    await ingesting.query("COMMIT");
    const { statements } = ingestSql(
      "orders",
      [[handOrder("a", "c1", "2026-01-01T10:00:00Z", "placed")] as FactRecord<"orders">[]],
      TENANT,
      postgres,
      {
        maxParams: 999,
        ingestId: "i",
        rollups,
      },
    );
    // The ingest has left its pending row (none: no rebuild yet) and holds that table's lock.
    const pendingAt = statements.findIndex((s) => s.sql.startsWith("INSERT INTO rollup_pending"));
    await ingesting.query("BEGIN");
    for (const s of statements.slice(0, pendingAt + 1)) await ingesting.query(s.sql, s.params as unknown[]);
    // The rebuild's first step starts, and waits for it.
    const [start] = rebuildStepsSql(rollups, TENANT, postgres, { rebuild: "r" });
    const started = (async () => {
      await rebuilding.query("BEGIN");
      for (const s of start!.statements) await rebuilding.query(s.sql, s.params as unknown[]);
      await rebuilding.query("COMMIT");
    })();
    for (;;) {
      const { rows } = await ingesting.query("SELECT count(*) AS n FROM pg_locks WHERE NOT granted");
      if (Number(rows[0].n) > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    // The ingest goes on to the rollups and histories, and commits; then the rebuild's step does.
    for (const s of statements.slice(pendingAt + 1)) await ingesting.query(s.sql, s.params as unknown[]);
    await ingesting.query("COMMIT");
    await started;
    const { rows } = await ingesting.query("SELECT version FROM rollup_versions");
    expect(rows).toEqual([{ version: `building:${rollups.version}:r` }]);
  } finally {
    for (const c of [ingesting, rebuilding]) await c.end().catch(() => undefined);
    await database.drop();
  }
});

// Shapes nobody chose: a shop's facts in batches of random sizes, out of time order and partly sent
// again, then every KPI over random ranges, grains and zones (half-hour and 45-minute offsets, DST
// on both hemispheres), as of random instants, many of them with facts after them: the rollups'
// answer is the facts'. SQLite alone, for time; the statements are the same on PostgreSQL, where a
// run of this (6 sets, two seeds) gave no difference either.
const RANDOM_ZONES = ["UTC", "America/Sao_Paulo", "Europe/Berlin", "Australia/Lord_Howe", "Pacific/Chatham"];
const RANDOM_PRESETS = ["today", "yesterday", "last_7_days", "last_28_days", "last_90_days", "mtd", "qtd", "ytd"];
const COMPARES = ["previous_period", "previous_year", "none"];
for (const seed of [21, 33])
  it(`answers random queries on random batches of shop ${seed} from the rollups as from the facts`, {
    timeout: 300_000,
  }, async () => {
    let s = seed;
    const random = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const end = NOW - Math.floor(random() * 400) * DAY;
    const shop = demoFacts({
      orders: 800,
      days: 800,
      sessions: 3000,
      end: new Date(end).toISOString(),
      timeZone: pick(RANDOM_ZONES),
      seed,
    });
    const db = await emptyDatabase(() => sqliteTestDriver());
    for (const [fact, records] of Object.entries(shop) as [FactName, unknown[]][]) {
      const all = shuffled(records, seed);
      // Each batch starts up to 20 records before the last one's end: those are sent again.
      for (let i = 0, size = 0; i < all.length; i += size) {
        size = 1 + Math.floor(random() * 300);
        await ingest(db, fact, all.slice(Math.max(0, i - Math.floor(random() * 20)), i + size));
      }
    }
    const differences: string[] = [];
    let valued = 0;
    for (let set = 0; set < 4; set++) {
      const at = end - Math.floor(random() * 500 * DAY);
      const now = random() < 0.3 ? at - (at % 900_000) : at;
      const from = new Date(now - Math.floor(random() * 400) * DAY);
      const to = new Date(from.getTime() + (1 + Math.floor(random() * 120)) * DAY);
      const day = (d: Date) => d.toISOString().slice(0, 10);
      const range = random() < 0.6 ? pick(RANDOM_PRESETS) : `${day(from)}..${day(to)}`;
      const grain = range.endsWith("day") ? pick(["hour", "day"]) : pick(["day", "week", "month", undefined]);
      const shape = { now: new Date(now).toISOString(), range, tz: pick(RANDOM_ZONES), grain, compare: pick(COMPARES) };
      for (const { id } of catalog) {
        const dimensions = registry.require(id).dimensions;
        const by = dimensions.length && random() < 0.2 ? { by: pick(dimensions) } : {};
        const both = await bothWays(db, { metric: id, ...shape, ...by });
        differences.push(...both.differences);
        if (both.rollups.value !== null) valued++;
      }
    }
    expect(differences).toEqual([]);
    // Not a vacuous agreement on nothing: most of the four sets' answers have a value.
    expect(valued).toBeGreaterThan(2 * catalog.length);
    await db.close();
  });
