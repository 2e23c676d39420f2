// The drivers core's tests run SQL through, behind core's SqlDriver: node:sqlite in memory, and a
// pool on a new database of the test run's PostgreSQL server. The API's drivers add what a server
// needs (reader threads, time budgets, transient errors); these only run statements.
import { DatabaseSync } from "node:sqlite";
import pg from "pg";
import { postgres, type SqlDriver, sqlite } from "../../src/sql.js";
import { newPostgresDatabase } from "./postgres.js";

export type TestDriver = SqlDriver & { close(): Promise<void> };

export function sqliteTestDriver(db = new DatabaseSync(":memory:")): TestDriver {
  return {
    dialect: sqlite,
    maxParams: 999,
    async transaction(statements) {
      db.exec("BEGIN");
      try {
        const changes = statements.map((s) => Number(db.prepare(s.sql).run(...(s.params as never[])).changes));
        db.exec("COMMIT");
        return changes;
      } catch (e) {
        db.exec("ROLLBACK");
        throw e;
      }
    },
    async all(sql, params = []) {
      return db.prepare(sql).all(...(params as never[])) as Record<string, unknown>[];
    },
    async exec(sql) {
      db.exec(sql);
    },
    async close() {
      db.close();
    },
  };
}

/** A new, empty database; close() drops it. */
export async function postgresTestDriver(): Promise<TestDriver> {
  const database = await newPostgresDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  // close() drops the database WITH (FORCE) once the pool has ended, which can be before a client's
  // socket has closed: the server then ends that connection, and the client reports it here.
  pool.on("error", () => {});
  return {
    dialect: postgres,
    // The protocol counts parameters in 16 bits.
    maxParams: 65_535,
    async transaction(statements) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const changes: number[] = [];
        for (const s of statements) changes.push((await client.query(s.sql, s.params as unknown[])).rowCount ?? 0);
        await client.query("COMMIT");
        return changes;
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      } finally {
        client.release();
      }
    },
    async all(sql, params = []) {
      return (await pool.query(sql, params as unknown[])).rows;
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
      await database.drop();
    },
  };
}
