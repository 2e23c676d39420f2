// What the SQL store needs from a database connection. Drivers live with their runtime (the API's
// node:sqlite, PostgreSQL and D1 drivers; the tests' own), all behind this one interface.
import type { Dialect } from "./dialect.js";
import type { SqlStatement } from "./statement.js";

/** How a read is run. */
export interface ReadOptions {
  /**
   * Set for a KPI's query, which may take long: a driver may run it off the event loop, and stops
   * waiting (and working, where it can) once the signal aborts.
   */
  signal?: AbortSignal;
  /**
   * Set for a KPI's statement, whose text repeats for every request of its shape (its instants are
   * parameters): a driver may keep it prepared.
   */
  prepare?: boolean;
}

/** A database connection (or pool) in one dialect. */
export interface SqlDriver {
  readonly dialect: Dialect;
  /** The most parameters one statement may bind (D1 allows 100). */
  readonly maxParams: number;
  /**
   * Set where a request may run only so many statements (D1: a Worker's budget of queries): the
   * store then stores ingests in smaller groups (its caller rebuilds a few steps at a time).
   */
  readonly fewStatements?: boolean;
  all(sql: string, params?: readonly unknown[], options?: ReadOptions): Promise<Record<string, unknown>[]>;
  /** Runs the statements in one transaction and returns how many rows each changed. */
  transaction(statements: readonly SqlStatement[]): Promise<number[]>;
  /** Runs schema statements. */
  exec(sql: string): Promise<void>;
  close?(): Promise<void>;
}
