// Node-only parts of @kpikit/api (the main entry runs unchanged on Workers).
export { nodeSqliteDriver, type NodeSqliteOptions } from "./sqlite.js";
export { postgresDriver, type PostgresOptions } from "./postgres.js";
