// Cloudflare D1 (SQLite at the edge) as a SqlDriver. D1 has no interactive transactions; its
// batch() is one: a failing statement rolls back the whole batch.
import { KpiError } from "@kpikit/core";
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

/** How D1 refuses a statement past its limits (100 KB of SQL, 100 bound values, expressions 100 deep). */
const TOO_LARGE = /SQLITE_TOOBIG|statement too long|too many SQL variables|expression tree is too large/i;

/**
 * A query D1 refuses as too large is answered as the caller's to shorten (a 400 that says how),
 * not as a fault of ours: every catalog KPI fits (core's tests check six long shapes), but a
 * definition of one's own over a long range by a fine grain may not.
 */
async function sized<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!TOO_LARGE.test((e as Error).message ?? "")) throw e;
    const limits = "100 KB, 100 values, expressions 100 deep";
    throw new KpiError(
      "query_too_large",
      `this query is larger than D1 runs in one statement (${limits}): ask for a shorter range or a coarser grain`,
    );
  }
}

export function d1Driver(db: D1Like): SqlDriver {
  return withUnavailable(
    {
      dialect: sqlite,
      maxParams: 100,
      fewStatements: true,
      all: (sql, params = []) =>
        sized(async () => {
          const { results } = await db
            .prepare(sql)
            .bind(...params)
            .all();
          return results;
        }),
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
