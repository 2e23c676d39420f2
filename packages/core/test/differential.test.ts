// The SQL engine on a real SQLite database and on a real PostgreSQL server must give the memory
// engine's numbers for every catalog KPI: value, previous value, every bucket of both series, and
// breakdowns, in three zones, by day, week and month, over ranges that cross both 2026 clock changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog, createMemoryEngine, type Engine, runQuery } from "../src/index.js";
import { demoFacts } from "../src/demo.js";
import { registry, sqliteEngine } from "./support/engines.js";
import { postgresEngine } from "./support/engines.js";
import { resultDifferences } from "./support/result-differences.js";

/** Two years, so that customers can lapse (churn) within the 365-day activity window. */
const facts = demoFacts({
  orders: 4000,
  days: 730,
  sessions: 25_000,
  end: "2026-12-01T00:00:00Z",
  timeZone: "America/New_York",
  seed: 2026,
});
const memory = createMemoryEngine(facts);
const NOW = Date.parse("2026-12-01T00:00:00Z");

const ZONES = ["UTC", "America/New_York", "Asia/Shanghai"] as const;
/** Ranges by grain: daily ones straddle the March and November switches (US and EU dates alike). */
const RANGES = {
  day: ["2026-02-25..2026-04-05", "2026-10-20..2026-11-10"],
  week: ["2026-02-02..2026-05-04"],
  month: ["2026-01-01..2026-12-01"],
} as const;

const run = (engine: Engine, query: Record<string, unknown>) => runQuery(engine, query, { registry, now: NOW });

it("has data for every fact the catalog reads", () => {
  for (const records of Object.values(facts)) expect(records!.length).toBeGreaterThan(0);
});

/** The SQL engines under test, each over the same facts; close() frees what opening took. */
const SQL_ENGINES: Record<string, () => Promise<{ engine: Engine; close?(): Promise<void> }>> = {
  sqlite: async () => ({ engine: sqliteEngine(facts) }),
  postgres: () => postgresEngine(facts),
};

// Each KPI runs 3 zones × 3 grains × several ranges on both engines; the retention KPIs' SQL joins a
// year of activity per bucket, which takes seconds when the machine is shared with browser tests.
for (const [name, open] of Object.entries(SQL_ENGINES)) {
  describe(`differential: ${name} equals memory`, { timeout: 60_000 }, () => {
    let sql: Awaited<ReturnType<typeof open>>;
    beforeAll(async () => {
      sql = await open();
    }, 120_000);
    afterAll(() => sql?.close?.());

    for (const definition of catalog) {
      it(definition.id, async () => {
        const metric = registry.require(definition.id);
        const problems: string[] = [];
        let nonNull = 0;
        for (const tz of ZONES) {
          for (const [grain, ranges] of Object.entries(RANGES)) {
            for (const range of ranges) {
              const query = {
                metric: definition.id,
                range,
                grain,
                tz,
                compare: grain === "month" ? "previous_year" : "previous_period",
              };
              const [m, s] = await Promise.all([run(memory, query), run(sql.engine, query)]);
              nonNull += m.series.filter((p) => p.value !== null && p.value !== 0).length;
              for (const d of resultDifferences(m, s, { expected: "memory", actual: name }))
                problems.push(`${tz} ${grain} ${range}: ${d}`);
            }
          }
        }
        const by = metric.dimensions[0];
        if (by) {
          const query = { metric: definition.id, range: "2026-06-01..2026-09-01", tz: "UTC", by, compare: "none" };
          const [m, s] = await Promise.all([run(memory, query), run(sql.engine, query)]);
          for (const d of resultDifferences(m, s, { expected: "memory", actual: name }))
            problems.push(`by ${by}: ${d}`);
        }
        expect(problems).toEqual([]);
        // The comparison means something only if the KPI had values to compare.
        expect(nonNull).toBeGreaterThan(0);
      });
    }
  });
}
