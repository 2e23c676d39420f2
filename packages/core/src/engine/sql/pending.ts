// Ingests that commit while a tenant's rollups are rebuilt in steps. A big shop's rebuild takes
// minutes to an hour; in one transaction it would hold every ingest back that long. In steps (each
// its own transaction) ingests go on between them, so each step must know which facts are not its
// own: an ingest that finds its tenant's rollups not current (a rebuild under way: the version
// reads `building:…`; or one to come) adds nothing to them and leaves its id here instead. The rebuild's
// steps skip those facts; then it adds each such ingest as an ingest adds its own, and marks the
// rollups current once none is left, so that nothing is counted twice or lost, whichever step it
// fell between.
import type { Dialect } from "./dialect.js";
import type { SqlStatement } from "./statement.js";
import type { FactName } from "../../facts/schemas.js";
import { factModels } from "../../facts/model.js";

/** The version a tenant's rollups have while a rebuild in steps builds them. */
export const BUILDING = "building:";

/** An ingest whose facts a rebuild under way left to add once it is done. */
export interface PendingIngest {
  ingestId: string;
  fact: FactName;
  ids: string[];
  /**
   * Whether the parts the rebuild keeps up to date (Rollups.liveParts) hold its facts already: it
   * came while that rebuild ran, and added them itself, or the rebuild added them at its start.
   */
  applied: boolean;
}

/** The condition that a fact (as `f`) was not stored by an ingest pending its tenant's rebuild. */
export const notPendingSql = (tenantParam: string): string =>
  `NOT EXISTS (SELECT 1 FROM rollup_pending pi WHERE pi.tenant_id = ${tenantParam} AND pi.ingest_id = f.ingest_id)`;

/**
 * Leaves an ingest's facts to the next rebuild, or the one under way, when the tenant's rollups are
 * not at `version` (the ingest's own rollups: it adds nothing to them then) and the ingest stored
 * facts (a call sent again stores none: its facts are those of the ingest that first stored them).
 * Those stored while the rollups wait for a rebuild too: a rebuild that keeps parts adds them to
 * those parts at its start. One that comes while a rebuild for `version` runs adds its facts to
 * the parts kept up to date itself, and says so (`applied`).
 */
export function pendingInsertSql(
  fact: FactName,
  tenant: string,
  dialect: Dialect,
  inserted: { ids: readonly string[]; ingestId: string },
  version: string,
): SqlStatement {
  const p = dialect.param;
  return {
    sql:
      `INSERT INTO rollup_pending (tenant_id, ingest_id, fact, ids, applied) SELECT ${p(1)}, ${p(2)}, ${p(3)}, ` +
      `${p(4)}, CASE WHEN EXISTS (SELECT 1 FROM rollup_versions WHERE tenant_id = ${p(1)} AND version LIKE ` +
      `${p(7)}) THEN 1 END WHERE NOT EXISTS (SELECT 1 FROM rollup_versions WHERE tenant_id = ${p(1)} AND ` +
      `version = ${p(6)}) AND EXISTS (SELECT 1 FROM ${factModels[fact].table} f WHERE f.tenant_id = ${p(1)} AND ` +
      `${dialect.inJson("f.id", p(5))} AND f.ingest_id = ${p(2)})`,
    // The ids twice: PostgreSQL types a parameter once, as text here and as JSON there.
    params: [
      tenant,
      inserted.ingestId,
      fact,
      JSON.stringify(inserted.ids),
      JSON.stringify(inserted.ids),
      version,
      `${BUILDING}${version}:%`,
    ],
  };
}

/** The ingests pending a tenant's rebuild (parameter 1: the tenant). */
export const pendingSelectSql = (dialect: Dialect): string =>
  `SELECT ingest_id, fact, ids, applied FROM rollup_pending WHERE tenant_id = ${dialect.param(1)} ORDER BY ingest_id`;

export const pendingOf = (row: Record<string, unknown>): PendingIngest => ({
  ingestId: String(row.ingest_id),
  fact: String(row.fact) as FactName,
  ids: JSON.parse(String(row.ids)) as string[],
  applied: row.applied !== null && row.applied !== undefined,
});
