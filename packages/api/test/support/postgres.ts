// New databases on the test run's PostgreSQL server (scripts/postgres-server.mjs, the vitest
// globalSetup of this package and of apps/server), so that each suite has its own.
import { inject } from "vitest";
import { freshDatabase } from "../../../../scripts/postgres-server.mjs";
import { postgresDriver } from "../../src/node/postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const driver = postgresDriver(url);
  try {
    await driver.exec(sql);
  } finally {
    await driver.close?.();
  }
}

/** A new, empty database: its URL, and drop() for when its suite is done. */
export function newDatabase(): Promise<{ url: string; drop(): Promise<unknown> }> {
  return freshDatabase(inject("postgresUrl"), admin);
}
