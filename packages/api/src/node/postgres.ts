// PostgreSQL as a SqlDriver, through a pg Pool, so that several API processes can share one
// database. A transaction holds one pooled connection from BEGIN to COMMIT.
import { createHash } from "node:crypto";
import { postgres } from "@kpikit/core/sql";
import pg from "pg";
import type { SqlStatement } from "@kpikit/core/sql";
import type { SqlDriver } from "@kpikit/core/sql";
import { DEFAULT_QUERY_TIMEOUT_MS } from "@kpikit/core";
import { withUnavailable } from "../store/unavailable.js";

const { INT8, NUMERIC } = pg.types.builtins;

/**
 * BIGINT (data versions, epoch milliseconds, counts) and NUMERIC (sums of BIGINT) arrive as text by
 * default; as numbers, rows come back as node:sqlite's do. Every integer the store reads is far
 * below 2^53.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) => (oid === INT8 || oid === NUMERIC ? Number : pg.types.getTypeParser(oid, format)),
};

/**
 * Errors that pass with time: the server unreachable or restarting (connection errors, class 57P),
 * out of connections (53300), a lock or serialization conflict (55P03, 40001, 40P01), a statement
 * stopped at its time budget (57014).
 */
const TRANSIENT = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "55P03",
  "40001",
  "40P01",
  "57014",
]);
const isTransient = (e: unknown) =>
  TRANSIENT.has(String((e as { code?: unknown }).code)) ||
  /Connection terminated|timeout exceeded when trying to connect/.test((e as Error).message ?? "");

/**
 * KPI statements this long or longer are kept prepared. A KPI's statement is the same text for
 * every request of its shape (its instants are parameters: Dialect.rowsTable); those of history
 * and snapshot KPIs (8–40 KB) took PostgreSQL 4–60 ms to plan, as long as to run them, and are
 * planned once per connection when prepared (a generic plan). A rollup KPI's (2–5 KB) plans in
 * 1–2 ms, and its custom plan, which sees the instants, runs faster.
 */
export const PREPARE_FROM_LENGTH = 8_000;

/**
 * Statements prepared per connection: each holds 2–10 MB of the server's memory. A connection that
 * has prepared this many is closed after its query, which frees them; the pool opens another.
 */
export const PREPARED_PER_CONNECTION = 16;

export interface PostgresOptions {
  /** The server stops a KPI query that runs longer (statement_timeout; default: the API's budget, 8000). */
  queryTimeoutMs?: number;
}

/** A driver on a connection string (`postgres://user:password@host:5432/database`) or a pool's settings. */
export function postgresDriver(
  config: string | pg.PoolConfig,
  options: PostgresOptions = {},
): SqlDriver & { pool: pg.Pool } {
  // JIT off (unless the caller's settings say otherwise): PostgreSQL cannot estimate a seek per
  // span in a lateral join (it guesses 0.5 % of the table each), so on a table of millions it
  // compiles, for 300 ms, a query that then runs in 5. Generic plans for prepared statements (only
  // long KPI statements are: PREPARE_FROM_LENGTH), planned once.
  const settings: pg.PoolConfig = {
    options: "-c jit=off -c plan_cache_mode=force_generic_plan",
    ...(typeof config === "string" ? { connectionString: config } : config),
    types,
  };
  const pool = new pg.Pool(settings);
  // KPI queries have connections of their own, whose statements the server stops at the budget;
  // writes and rebuilds, which may rightly take longer, keep theirs.
  const reads = new pg.Pool({ ...settings, statement_timeout: options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS });
  // The statements each connection has prepared.
  const prepared = new WeakMap<pg.PoolClient, Set<string>>();
  const read = async (from: pg.Pool, sql: string, params: readonly unknown[]) => {
    const client = await from.connect();
    let retire = false;
    try {
      const names = prepared.get(client) ?? new Set<string>();
      prepared.set(client, names);
      const name = `kpi_${createHash("sha256").update(sql).digest("base64url").slice(0, 32)}`;
      names.add(name);
      retire = names.size >= PREPARED_PER_CONNECTION;
      return (await client.query({ name, text: sql, values: params as unknown[] })).rows as Record<string, unknown>[];
    } catch (e) {
      // A connection whose statement failed (stopped at its budget, or gone) starts afresh.
      retire = true;
      throw e;
    } finally {
      client.release(retire);
    }
  };
  // An idle connection the server closed (a restart, a timeout): the pool discards it and the next
  // query opens another. Without a listener, the error would end the process.
  pool.on("error", () => {});
  reads.on("error", () => {});
  return withUnavailable(
    {
      pool,
      dialect: postgres,
      // The protocol counts parameters in 16 bits.
      maxParams: 65_535,
      async all(sql, params = [], { signal, prepare } = {}) {
        const from = signal ? reads : pool;
        if (prepare && sql.length >= PREPARE_FROM_LENGTH) return read(from, sql, params);
        return (await from.query(sql, params as unknown[])).rows as Record<string, unknown>[];
      },
      async transaction(list: readonly SqlStatement[]) {
        const client = await pool.connect();
        let broken: Error | undefined;
        try {
          await client.query("BEGIN");
          const changes: number[] = [];
          for (const s of list) changes.push((await client.query(s.sql, s.params as unknown[])).rowCount ?? 0);
          await client.query("COMMIT");
          return changes;
        } catch (e) {
          // A connection that cannot even roll back is not given back to the pool.
          await client.query("ROLLBACK").catch((rollback: Error) => (broken = rollback));
          throw e;
        } finally {
          client.release(broken);
        }
      },
      async exec(sql) {
        await pool.query(sql);
      },
      async close() {
        await Promise.all([pool.end(), reads.end()]);
      },
    },
    isTransient,
  );
}
