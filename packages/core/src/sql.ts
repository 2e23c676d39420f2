// @kpikit/core/sql: KPIs in SQL, for servers — the dialects, the drivers' interface, the fact
// tables, the measure compiler and SQL engine, rollups and ingestion. Nothing here is meant for a
// browser; the root entry has what widgets and clients use.
export { type Dialect, type DialectName, dialects, postgres, sqlite } from "./engine/sql/dialect.js";
export type { ReadOptions, SqlDriver } from "./engine/sql/driver.js";
export type { SqlStatement } from "./engine/sql/statement.js";
export {
  batchInserts,
  type EncodedRow,
  encodeFact,
  insertSql,
  schemaStatements,
  type TableSpec,
  tableSpecs,
} from "./engine/sql/tables.js";
export { type CompiledQuery, compileMeasures } from "./engine/sql/compile-measures.js";
export { SqlEngine, type SqlEngineOptions, type SqlExecutor } from "./engine/sql/sql-engine.js";
export { ingestRollupsSql, type RollupMeasure, type RollupReader, Rollups } from "./engine/sql/rollup.js";
export {
  applyPendingSql,
  buildingVersion,
  currentRollupsSql,
  finishRebuildSql,
  foldPendingSql,
  pauseRebuildSql,
  type RebuildTransaction,
  keptParts,
  nameBuiltPartsSql,
  rebuildBoundsSql,
  rebuildRollupsSql,
  rebuildStateSql,
  rebuildStepsSql,
  resumeRebuildSql,
} from "./engine/sql/rebuild.js";
export { BUILDING, type PendingIngest, pendingOf, pendingSelectSql } from "./engine/sql/pending.js";
export { type IngestOptions, type IngestSql, ingestSql } from "./engine/sql/ingest.js";
