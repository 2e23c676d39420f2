// A database that is momentarily unable to serve (another writer holds the lock, too many
// connections, the server restarting or unreachable) is not a fault of the request nor of ours:
// the API answers 503 with Retry-After, and the same request can succeed a moment later.
import type { SqlDriver } from "./sql-store.js";

export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    // The cause (hosts, ports, lock names) is for the server's log, not for whoever sent the request.
    super("the database cannot take this request now; retry in a moment", { cause });
    this.name = "StoreUnavailableError";
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
    all: (sql, params) => guard(() => driver.all(sql, params)),
    transaction: (list) => guard(() => driver.transaction(list)),
    exec: (sql) => guard(() => driver.exec(sql)),
  };
}
