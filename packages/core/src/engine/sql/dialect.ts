// The few places SQL dialects differ for what the compiler emits.

export interface Dialect {
  readonly name: "sqlite" | "postgres";
  /** Placeholder of the n-th parameter (1-based). */
  param(n: number): string;
  /** Forces floating-point arithmetic (integer division truncates in both dialects). */
  float(sql: string): string;
  least(a: string, b: string): string;
  greatest(a: string, b: string): string;
  /** Orders text by code point, as the memory engine does (PostgreSQL's default collation may not). */
  binaryText(sql: string): string;
  types: { text: string; real: string; integer: string; boolean: string; bigint: string };
  /** The database's clock, in epoch ms: one clock for every process sharing the database. */
  nowMs: string;
  /** A literal boolean as stored. */
  bool(value: boolean): string;
  /** `column` is one of the texts of a JSON array bound to `param`: a list of any length in one parameter. */
  inJson(column: string, param: string): string;
  /** `column` is one of the values a one-column subquery gives, as a condition an index serves. */
  inSubquery(column: string, sql: string): string;
  /**
   * The rows of `table` (as `f`) whose ids are in a JSON array bound to `param`, as a FROM clause
   * and a condition that make the planner look them up by primary key, statistics or not.
   */
  byIds(table: string, param: string): { from: string; where: string };
  /**
   * Joins each row of the span table before it to the rows of `table` (as `alias`) that meet
   * `on`, by one index range scan per span. PostgreSQL plans a range join of a VALUES list as a
   * scan of the whole range and a filter; a LATERAL subquery it cannot flatten makes it seek.
   * SQLite keeps a CROSS JOIN's order: without statistics (or with sampled ones) it would
   * otherwise read every row of a KPI's rollups once for each bucket of a series, ten times the
   * work at 20 k orders. `index` names the index SQLite must seek in, where its estimates would
   * pick another; PostgreSQL's statistics choose.
   */
  seekJoin(table: string, alias: string, on: string, index?: string): string;
  /**
   * Whether a count per span of a history's rows is best a scalar subquery per span (counted along
   * the index) rather than a seek join grouped by span. PostgreSQL at 10 M orders: the repeat
   * purchase rate's 290,000 second orders in 128 → 100 ms (bench/scale, when it read a quarter's
   * second orders so; pairs.ts since); SQLite at 1 M: CLV 23 → 27 ms, the others alike.
   */
  countsBySubquery: boolean;
  /**
   * A table of numbers (a query's spans) as the body of a WITH: `(i, s, e) AS (…)`. Bound as
   * parameters (PostgreSQL: an array per column; SQLite: one JSON list of rows), so that a KPI's
   * statement reads the same whatever its instants and the server keeps it prepared (see the
   * drivers' prepared statements): SQLite took 6.8 ms to prepare CLV's, written out, at each request.
   * Bound, a statement also stays within D1's limits (100 KB of SQL, 100 parameters): written out,
   * CLV's for `ytd` by day took 274 KB.
   */
  rowsTable(columns: readonly string[], rows: readonly (readonly number[])[], bind: (value: unknown) => string): string;
  /**
   * Ends a subquery that the planner must run as written rather than pull up into the query
   * around it: PostgreSQL would otherwise evaluate a correlated column of it once for a hash join's
   * key and again for its match (twice the index seeks).
   */
  fence: string;
  /**
   * Statements that start a rollup rebuild's first transaction: PostgreSQL waits for ingests and an
   * earlier rebuild's steps that are writing the rollups and histories, and holds new ones back
   * until it commits (SQLite and D1 run one write transaction at a time anyway).
   */
  rebuildLock: string[];
  /**
   * Statements with which a rebuild's first and last transactions wait for the ingests that have
   * left (or found no) facts pending (pending.ts) and hold new ones back until they commit:
   * PostgreSQL's ingests write side by side (SQLite and D1 run one write transaction at a time).
   */
  pendingLock: string[];
  /**
   * Statements (tenant bound as parameter 1) that an ingest runs before it relinks a tenant's key
   * histories: on PostgreSQL one ingest at a time, so that each sees the facts the one before it
   * linked (SQLite and D1 write one transaction at a time anyway).
   */
  historyLock: string[];
  /**
   * Statements that bring the planner's statistics of the key histories up to date, run by an
   * ingest that adds many facts to them. PostgreSQL otherwise plans a bulk load's relinking with
   * statistics from before it (autovacuum refreshes them a minute or more later): a history it
   * believes nearly empty, and so a walk of the whole (time) index for each new fact, quadratic in
   * the batch. ANALYZE in the ingest's transaction samples its own new rows too. SQLite keeps no
   * statistics here and picks the (key, time) index as it is.
   */
  historyStatistics: string[];
  /**
   * The first statement of the transaction that creates a store's tables: on PostgreSQL, processes
   * starting together would otherwise race to create the same table (a duplicate-key error).
   */
  schemaLock: string[];
  /**
   * Whether an index can keep columns in its leaves beyond its key (PostgreSQL's INCLUDE), so that a
   * read of those columns by the key needs the index alone. An index declared so is made only where
   * it can be: on SQLite the table's row is a rowid seek away, in pages already read (a year's
   * repeat-customer cells at 10 M orders, 27 → 21 ms with such an index), where PostgreSQL fetches
   * each row from the heap (1 M orders: 95–107 → 53–56 ms).
   */
  includes: boolean;
  /** Adds a nullable column (PostgreSQL: unless another process just did). */
  addColumn(table: string, column: string, type: string): string;
  /** The column names of a table (bound as parameter 1), as rows with a `name`. */
  columnsSql: string;
}

export const sqlite: Dialect = {
  name: "sqlite",
  param: (n) => `?${n}`,
  float: (sql) => `CAST(${sql} AS REAL)`,
  least: (a, b) => `min(${a}, ${b})`,
  greatest: (a, b) => `max(${a}, ${b})`,
  binaryText: (sql) => sql,
  nowMs: "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)",
  types: { text: "TEXT", real: "REAL", integer: "INTEGER", boolean: "INTEGER", bigint: "INTEGER" },
  bool: (v) => (v ? "1" : "0"),
  inJson: (column, param) => `${column} IN (SELECT value FROM json_each(${param}))`,
  inSubquery: (column, sql) => `${column} IN (${sql})`,
  seekJoin: (table, alias, on, index) => `CROSS JOIN ${table} ${alias}${index ? ` INDEXED BY ${index}` : ""} ON ${on}`,
  countsBySubquery: false,
  includes: false,
  // Materialized: read once from the JSON, not again at each scan of the table.
  rowsTable: (columns, rows, bind) =>
    `(${columns.join(", ")}) AS MATERIALIZED (SELECT ${columns.map((_, k) => `value ->> ${k}`).join(", ")} ` +
    `FROM json_each(${bind(JSON.stringify(rows))}))`,
  // SQLite probes the join's primary key with the subquery's value: it computes it once.
  fence: "",
  rebuildLock: [],
  pendingLock: [],
  historyLock: [],
  historyStatistics: [],
  schemaLock: [],
  addColumn: (table, column, type) => `ALTER TABLE ${table} ADD COLUMN ${column} ${type}`,
  // SQLite keeps a CROSS JOIN's order: the list drives the lookups.
  byIds: (table, param) => ({ from: `json_each(${param}) ids CROSS JOIN ${table} f`, where: "f.id = ids.value" }),
  columnsSql: "SELECT name FROM pragma_table_info(?1)",
};

export const postgres: Dialect = {
  name: "postgres",
  param: (n) => `$${n}`,
  float: (sql) => `CAST(${sql} AS DOUBLE PRECISION)`,
  least: (a, b) => `LEAST(${a}, ${b})`,
  greatest: (a, b) => `GREATEST(${a}, ${b})`,
  binaryText: (sql) => `${sql} COLLATE "C"`,
  nowMs: "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS BIGINT)",
  types: { text: "TEXT", real: "DOUBLE PRECISION", integer: "INTEGER", boolean: "BOOLEAN", bigint: "BIGINT" },
  bool: (v) => (v ? "TRUE" : "FALSE"),
  // An array computed once (an InitPlan): an index condition, where a set-returning function in
  // a join would be re-read for every row when the tables have no statistics yet.
  inJson: (column, param) => `${column} = ANY(ARRAY(SELECT jsonb_array_elements_text(CAST(${param} AS jsonb))))`,
  // Computed once, as for inJson: an IN over a subquery would be planned as a join that scans the
  // whole table for the few values an ingest touched.
  inSubquery: (column, sql) => `${column} = ANY(ARRAY(${sql}))`,
  byIds: (table, param) => ({ from: `${table} f`, where: postgres.inJson("f.id", param) }),
  seekJoin: (table, alias, on) => `CROSS JOIN LATERAL (SELECT * FROM ${table} ${alias} WHERE ${on} OFFSET 0) ${alias}`,
  countsBySubquery: true,
  includes: true,
  rowsTable(columns, rows, bind) {
    // Typed by their values, for an index on a BIGINT column serves a comparison with a BIGINT only.
    const arrays = columns.map((_, k) => {
      const column = rows.map((r) => r[k]!);
      return `CAST(${bind(column)} AS ${column.every(Number.isInteger) ? "BIGINT" : "DOUBLE PRECISION"}[])`;
    });
    return `(${columns.join(", ")}) AS (SELECT * FROM unnest(${arrays.join(", ")}))`;
  },
  fence: " OFFSET 0",
  rebuildLock: ["LOCK TABLE rollup_buckets, chain_facts, chain_lapses, chain_pairs IN SHARE ROW EXCLUSIVE MODE"],
  pendingLock: ["LOCK TABLE rollup_pending IN SHARE ROW EXCLUSIVE MODE"],
  // Two keys, so as not to meet the schema's one-key lock: "kpikit" in short, and the tenant.
  historyLock: ["SELECT pg_advisory_xact_lock(7037, hashtext($1))"],
  historyStatistics: ["ANALYZE chain_facts"],
  // Any constant names the lock; this one spells "kpikit".
  schemaLock: ["SELECT pg_advisory_xact_lock(7037146611)"],
  addColumn: (table, column, type) => `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${type}`,
  columnsSql:
    "SELECT column_name AS name FROM information_schema.columns " +
    "WHERE table_schema = current_schema() AND table_name = $1",
};

export const dialects = { sqlite, postgres } as const;
export type DialectName = keyof typeof dialects;
