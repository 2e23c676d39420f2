// The store the configuration names: the SQLite file, or the PostgreSQL database.
import { SqlStore } from "@kpikit/api";
import { nodeSqliteDriver, postgresDriver } from "@kpikit/api/node";
import type { Config } from "./config.js";

export function openStore({ database, queryTimeoutMs }: Config): SqlStore {
  return new SqlStore(
    database.kind === "postgres" ? postgresDriver(database.url, { queryTimeoutMs }) : nodeSqliteDriver(database.file),
  );
}
