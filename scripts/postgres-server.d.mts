export interface PostgresServer {
  /** Reaches the server's `postgres` database as a superuser. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The server KPIKIT_TEST_DATABASE_URL names, or a cluster started for this run: a throwaway one, or
 * with `dir`, one kept there.
 */
export function startPostgres(options?: { dir?: string }): Promise<PostgresServer>;

/** vitest globalSetup: starts the server, provides its URL as "postgresUrl" and stops it at the end. */
export function setup(project: { provide(key: "postgresUrl", value: string): void }): Promise<() => Promise<void>>;

/** A new, empty database on the server; `admin(url, sql)` runs a statement with the caller's client. */
export function freshDatabase(
  serverUrl: string,
  admin: (url: string, sql: string) => Promise<unknown>,
  prefix?: string,
): Promise<{ url: string; drop(): Promise<unknown> }>;
