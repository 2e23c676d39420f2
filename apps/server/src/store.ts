// The store the configuration names: the SQLite file, or the PostgreSQL database.
import { SqlStore } from "@kpikit/api";
import { nodeSqliteDriver, postgresDriver } from "@kpikit/api/node";
import type { Config } from "./config.js";

/** `rollups: false`: a store that keeps none, whose ingests mark them stale for the others to rebuild. */
export function openStore({ database, queryTimeoutMs }: Config, options: { rollups?: boolean } = {}): SqlStore {
  return new SqlStore(
    database.kind === "postgres" ? postgresDriver(database.url, { queryTimeoutMs }) : nodeSqliteDriver(database.file),
    options,
  );
}
