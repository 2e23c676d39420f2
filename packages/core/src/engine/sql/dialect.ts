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
  /** A literal boolean as stored. */
  bool(value: boolean): string;
  /** A subquery of the texts in a JSON array bound to `param`, as a column `value`: a list of any length in one parameter. */
  jsonTexts(param: string): string;
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
  types: { text: "TEXT", real: "REAL", integer: "INTEGER", boolean: "INTEGER", bigint: "INTEGER" },
  bool: (v) => (v ? "1" : "0"),
  jsonTexts: (param) => `(SELECT value FROM json_each(${param}))`,
  columnsSql: "SELECT name FROM pragma_table_info(?1)",
};

export const postgres: Dialect = {
  name: "postgres",
  param: (n) => `$${n}`,
  float: (sql) => `CAST(${sql} AS DOUBLE PRECISION)`,
  least: (a, b) => `LEAST(${a}, ${b})`,
  greatest: (a, b) => `GREATEST(${a}, ${b})`,
  binaryText: (sql) => `${sql} COLLATE "C"`,
  types: { text: "TEXT", real: "DOUBLE PRECISION", integer: "INTEGER", boolean: "BOOLEAN", bigint: "BIGINT" },
  bool: (v) => (v ? "TRUE" : "FALSE"),
  jsonTexts: (param) => `(SELECT jsonb_array_elements_text(CAST(${param} AS jsonb)) AS value)`,
  columnsSql: "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
};

export const dialects = { sqlite, postgres } as const;
export type DialectName = keyof typeof dialects;
