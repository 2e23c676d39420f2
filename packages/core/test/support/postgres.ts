// The test run's PostgreSQL server (scripts/postgres-server.mjs, this package's vitest
// globalSetup), on which each caller gets a database of its own.
import pg from "pg";
import { inject } from "vitest";
import { freshDatabase } from "../../../../scripts/postgres-server.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test run's server: its URL, and drop(). */
export function newPostgresDatabase(): Promise<{ url: string; drop(): Promise<unknown> }> {
  return freshDatabase(inject("postgresUrl"), admin);
}
