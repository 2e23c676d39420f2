// A database that is momentarily unable to serve (another writer holds the lock, too many
// connections, the server restarting or unreachable) is not a fault of the request nor of ours:
// the API answers 503 with Retry-After, and the same request can succeed a moment later.
import type { SqlDriver } from "@kpikit/core/sql";

export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    // The cause (hosts, ports, lock names) is for the server's log, not for whoever sent the request.
    super("the database cannot take this request now; retry in a moment", { cause });
    this.name = "StoreUnavailableError";
  }
}

/**
 * A KPI whose computation passed its time budget: cancelled (where the database can stop it), and
 * answered 503 with Retry-After, so that a slow query never holds a socket or a batch.
 */
export class QueryTimeoutError extends Error {
  constructor(
    readonly metric: string,
    readonly budgetMs: number,
  ) {
    super(`computing ${metric} took longer than its budget of ${budgetMs / 1000} s and was stopped; retry in a moment`);
    this.name = "QueryTimeoutError";
  }
}

/** The driver, with every error `isTransient` recognises thrown as a StoreUnavailableError. */
export function withUnavailable<D extends SqlDriver>(driver: D, isTransient: (e: unknown) => boolean): D {
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      throw isTransient(e) ? new StoreUnavailableError(e) : e;
    }
  };
  return {
    ...driver,
    all: (sql, params, options) => guard(() => driver.all(sql, params, options)),
    transaction: (list) => guard(() => driver.transaction(list)),
    exec: (sql) => guard(() => driver.exec(sql)),
  };
}
