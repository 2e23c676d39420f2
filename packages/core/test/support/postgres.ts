// The SQL engine on a real PostgreSQL server: the test run's (scripts/postgres-server.mjs, this
// package's vitest globalSetup), with each caller's facts in a database of its own.
import pg from "pg";
import { inject } from "vitest";
import { freshDatabase } from "../../../../scripts/postgres-server.mjs";
import {
  batchInserts,
  encodeFact,
  type FactName,
  type FactSet,
  postgres,
  schemaStatements,
  SqlEngine,
} from "../../src/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** PostgreSQL binds at most 65 535 parameters a statement. */
const MAX_PARAMS = 65_535;

/** A new, empty database on the test run's server: its URL, and drop(). */
export function newPostgresDatabase(): Promise<{ url: string; drop(): Promise<unknown> }> {
  return freshDatabase(inject("postgresUrl"), admin);
}

/** The facts in a new database, and the SQL engine over them; close() drops the database. */
export async function postgresEngine(
  facts: FactSet,
  tenant = "t1",
): Promise<{ engine: SqlEngine; close(): Promise<void> }> {
  const database = await newPostgresDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  for (const s of schemaStatements(postgres)) await pool.query(s);
  const rows = Object.entries(facts).flatMap(([fact, records]) =>
    records!.flatMap((r) => encodeFact(fact as FactName, r as never, tenant, postgres)),
  );
  for (const s of batchInserts(rows, postgres, MAX_PARAMS)) await pool.query(s.sql, [...s.params]);
  // Fresh statistics, or the planner guesses at the retention KPIs' joins.
  await pool.query("ANALYZE");
  const engine = new SqlEngine({
    dialect: postgres,
    tenant,
    execute: async (sql, params) => (await pool.query(sql, [...params])).rows,
    dataVersion: () => "postgres",
  });
  return {
    engine,
    async close() {
      await pool.end();
      await database.drop();
    },
  };
}
