// Rebuilding a tenant's rollups (and the key histories they read) from its facts: in one
// transaction (a new tenant, D1), or in steps that each commit, with ingests going on between them
// (pending.ts), once the rollups are built for another set of measures (an upgrade) or never were.
// A rebuild in steps marks the tenant's version with its own id, and each of its statements applies
// only while that mark holds: a rebuild started after it (another process, or this one after a
// stop) takes over, and the earlier one's remaining steps change nothing.
import { chainRebuildSql } from "./chain.js";
import type { Dialect } from "./dialect.js";
import { BUILDING, type PendingIngest } from "./pending.js";
import { SqlParams } from "./row-sql.js";
import {
  currentSql,
  historyEventsSql,
  ingestRollupsSql,
  isDated,
  rollupBuildSql,
  type Rollups,
  type Slice,
} from "./rollup.js";
import type { SqlStatement } from "./statement.js";

/** The version a rebuild marks a tenant's rollups with while it builds them. */
export const buildingVersion = (rollups: Rollups, rebuild: string) => `${BUILDING}${rollups.version}:${rebuild}`;

const locks = (list: readonly string[]): SqlStatement[] => list.map((sql) => ({ sql, params: [] }));

/**
 * A rebuild's transactions but its last (`finishRebuildSql`): the first clears the tenant's rollups
 * and histories and marks them as being built by `rebuild` (from then on an ingest leaves its facts
 * pending); then each chain, and each family in each part of time, is built from the facts no
 * pending ingest stored. With `bounds` (ascending instants), each family placed by a timestamp is
 * built in the parts between them (and before the first, and from the last on): a database then
 * sorts a part's facts at a time, not all of a big shop's at once, and the upsert adds the parts
 * up. On PostgreSQL the first waits for the ingests and steps under way, and holds new ones back
 * until it commits.
 */
export function rebuildStepsSql(
  rollups: Rollups,
  tenant: string,
  dialect: Dialect,
  options: { rebuild: string; bounds?: readonly number[] },
): SqlStatement[][] {
  const bounds = options.bounds ?? [];
  const version = buildingVersion(rollups, options.rebuild);
  const slices: Slice[] = [undefined, ...bounds].map((from, i) => ({ from, to: bounds[i] }));
  const p = dialect.param;
  return [
    [
      // In the order an ingest takes them (its pending row, then the rollups, then the histories),
      // so that neither waits for the other crosswise.
      ...locks([...dialect.pendingLock, ...dialect.rebuildLock]),
      ...["rollup_buckets", "chain_facts", "chain_lapses", "rollup_pending"].map((table) => ({
        sql: `DELETE FROM ${table} WHERE tenant_id = ${p(1)}`,
        params: [tenant],
      })),
      {
        sql:
          `INSERT INTO rollup_versions (tenant_id, version) VALUES (${p(1)}, ${p(2)}) ON CONFLICT (tenant_id) ` +
          "DO UPDATE SET version = excluded.version",
        params: [tenant, version],
      },
    ],
    ...rollups.chains.map(({ chain, days }) =>
      chainRebuildSql(chain, days, tenant, dialect, (params) => currentSql(params.add(tenant), params, version)),
    ),
    ...rollups.families.flatMap((family) => {
      const chain = family[0]!.event?.chain;
      return (isDated(family[0]!) ? [undefined] : slices).map((slice) => [
        chain
          ? historyEventsSql(chain, family, tenant, dialect, { all: true, slice, version })
          : rollupBuildSql(family, tenant, dialect, { all: true, slice, version }),
      ]);
    }),
  ];
}

/**
 * A rebuild's last transaction: it marks the rollups current if no ingest is pending (its last
 * statement then changes one row; none if some are, or another rebuild took over). On PostgreSQL it
 * waits for the ingests under way, so that none can leave its facts pending after it.
 */
export function finishRebuildSql(rollups: Rollups, tenant: string, dialect: Dialect, rebuild: string): SqlStatement[] {
  const p = dialect.param;
  return [
    ...locks(dialect.pendingLock),
    {
      sql:
        `UPDATE rollup_versions SET version = ${p(1)} WHERE tenant_id = ${p(2)} AND version = ${p(3)} AND NOT ` +
        `EXISTS (SELECT 1 FROM rollup_pending pi WHERE pi.tenant_id = ${p(2)})`,
      params: [rollups.version, tenant, buildingVersion(rollups, rebuild)],
    },
  ];
}

/** Every statement of a rebuild, to run in one transaction (no ingest can fall between them). */
export function rebuildRollupsSql(
  rollups: Rollups,
  tenant: string,
  dialect: Dialect,
  bounds: readonly number[] = [],
): SqlStatement[] {
  return [
    ...rebuildStepsSql(rollups, tenant, dialect, { rebuild: "once", bounds }).flat(),
    ...finishRebuildSql(rollups, tenant, dialect, "once"),
  ];
}

/**
 * Adds an ingest that was left pending to the rollups that `rebuild` built, as it would have added
 * itself, and takes it off the list (nothing, if another rebuild took over).
 */
export function foldPendingSql(
  rollups: Rollups,
  tenant: string,
  dialect: Dialect,
  pending: PendingIngest,
  rebuild: string,
): SqlStatement[] {
  const version = buildingVersion(rollups, rebuild);
  const params = new SqlParams(dialect);
  const tenantParam = params.add(tenant);
  // Off the list first: the tables in the order an ingest and a rebuild's first step take them.
  return [
    {
      sql:
        `DELETE FROM rollup_pending WHERE tenant_id = ${tenantParam} AND ingest_id = ` +
        `${params.add(pending.ingestId)} AND ${currentSql(tenantParam, params, version)}`,
      params: params.values,
    },
    ...ingestRollupsSql(rollups, pending.fact, tenant, dialect, pending, version),
  ];
}

/** The tenants whose rollups were built for this set of measures (parameter 1: its version). */
export function currentRollupsSql(dialect: Dialect): string {
  return `SELECT tenant_id FROM rollup_versions WHERE version = ${dialect.param(1)}`;
}
