// Engines for tests: the memory engine, and the SQL engine on a real SQLite database (node:sqlite)
// or a real PostgreSQL server.
import { DatabaseSync } from "node:sqlite";
import {
  catalog,
  createMemoryEngine,
  type Engine,
  type FactName,
  type FactSet,
  MetricRegistry,
  runQuery,
  type RunOptions,
} from "../../src/index.js";
import { batchInserts, encodeFact, insertSql, postgres, schemaStatements, SqlEngine, sqlite } from "../../src/sql.js";
import { postgresTestDriver } from "./drivers.js";

export const registry = MetricRegistry.of(catalog);

export function sqliteDatabase(facts: FactSet, tenant = "t1", db = new DatabaseSync(":memory:")): DatabaseSync {
  for (const s of schemaStatements(sqlite)) db.exec(s);
  const statements = new Map<string, ReturnType<DatabaseSync["prepare"]>>();
  db.exec("BEGIN");
  for (const [fact, records] of Object.entries(facts) as [FactName, unknown[]][]) {
    for (const record of records) {
      for (const row of encodeFact(fact, record as never, tenant, sqlite)) {
        const sql = insertSql(row, sqlite);
        let stmt = statements.get(sql);
        if (!stmt) statements.set(sql, (stmt = db.prepare(sql)));
        stmt.run(...(row.values as never[]));
      }
    }
  }
  db.exec("COMMIT");
  return db;
}

export function sqliteEngine(facts: FactSet, tenant = "t1"): SqlEngine {
  const db = sqliteDatabase(facts, tenant);
  return new SqlEngine({
    dialect: sqlite,
    tenant,
    execute: (sql, params) => db.prepare(sql).all(...(params as never[])) as Record<string, unknown>[],
    dataVersion: () => "sqlite",
  });
}

/** The memory engine and SQLite over the same facts: a test runs its assertions on both. */
export function bothEngines(facts: FactSet): [string, Engine][] {
  return [
    ["memory", createMemoryEngine(facts)],
    ["sqlite", sqliteEngine(facts)],
  ];
}

export function runner(engine: Engine, defaults: Partial<RunOptions> = {}) {
  return (query: Record<string, unknown>, options: Partial<RunOptions> = {}) =>
    runQuery(engine, query, {
      registry,
      timeZone: "UTC",
      now: Date.parse("2026-03-10T00:00:00Z"),
      ...defaults,
      ...options,
    });
}

/** The facts in a new PostgreSQL database, and the SQL engine over them; close() drops the database. */
export async function postgresEngine(
  facts: FactSet,
  tenant = "t1",
): Promise<{ engine: SqlEngine; close(): Promise<void> }> {
  const driver = await postgresTestDriver();
  for (const s of schemaStatements(postgres)) await driver.exec(s);
  const rows = Object.entries(facts).flatMap(([fact, records]) =>
    records!.flatMap((r) => encodeFact(fact as FactName, r as never, tenant, postgres)),
  );
  await driver.transaction(batchInserts(rows, postgres, driver.maxParams));
  // Fresh statistics, or the planner guesses at the retention KPIs' joins.
  await driver.exec("ANALYZE");
  const engine = new SqlEngine({
    dialect: postgres,
    tenant,
    execute: (sql, params) => driver.all(sql, params),
    dataVersion: () => "postgres",
  });
  return { engine, close: () => driver.close() };
}
