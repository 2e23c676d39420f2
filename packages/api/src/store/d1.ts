// Cloudflare D1 (SQLite at the edge) as a SqlDriver. D1 has no interactive transactions; its
// batch() is one: a failing statement rolls back the whole batch.
import { sqlite } from "@kpikit/core/sql";
import type { SqlStatement } from "@kpikit/core/sql";
import type { SqlDriver } from "@kpikit/core/sql";
import { withUnavailable } from "./unavailable.js";

/** The part of D1's binding the driver uses (structurally, so the package needs no Workers types). */
export interface D1Like {
  prepare(sql: string): { bind(...values: unknown[]): D1StatementLike };
  batch(statements: D1StatementLike[]): Promise<{ meta: { changes?: number } }[]>;
  exec(sql: string): Promise<unknown>;
}
interface D1StatementLike {
  all(): Promise<{ results: Record<string, unknown>[] }>;
}

/** How D1 words an overloaded, restarting or unreachable database. */
const TRANSIENT = new RegExp(
  [
    "overloaded",
    "network connection lost",
    "reset because its code was updated",
    "storage caused object to be reset",
    "timed? ?out",
  ].join("|"),
  "i",
);
const isTransient = (e: unknown) => TRANSIENT.test((e as Error).message ?? "");

export function d1Driver(db: D1Like): SqlDriver {
  return withUnavailable(
    {
      dialect: sqlite,
      maxParams: 100,
      fewStatements: true,
      async all(sql, params = []) {
        return (
          await db
            .prepare(sql)
            .bind(...params)
            .all()
        ).results;
      },
      async transaction(statements: readonly SqlStatement[]) {
        const results = await db.batch(statements.map((s) => db.prepare(s.sql).bind(...s.params)));
        return results.map((r) => r.meta.changes ?? 0);
      },
      async exec(sql) {
        await db.prepare(sql).bind().all();
      },
    },
    isTransient,
  );
}
