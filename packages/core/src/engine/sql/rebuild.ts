// Rebuilding a tenant's rollups (and the key histories they read) from its facts: in one
// transaction (a new tenant, D1), or in steps that each commit, with ingests going on between them
// (pending.ts), once the rollups are built for another set of measures (an upgrade) or never were.
import { chainRebuildSql } from "./chain.js";
import type { Dialect } from "./dialect.js";
import { BUILDING, type PendingIngest } from "./pending.js";
import { historyEventsSql, ingestRollupsSql, isDated, rollupBuildSql, type Rollups, type Slice } from "./rollup.js";
import type { SqlStatement } from "./statement.js";

const versionSql = (dialect: Dialect, tenant: string, version: string): SqlStatement => ({
  sql:
    `INSERT INTO rollup_versions (tenant_id, version) VALUES (${dialect.param(1)}, ${dialect.param(2)}) ON CONFLICT ` +
    `(tenant_id) DO UPDATE SET version = excluded.version`,
  params: [tenant, version],
});

const locks = (list: readonly string[]): SqlStatement[] => list.map((sql) => ({ sql, params: [] }));

/**
 * A rebuild's transactions, in order. The first clears the tenant's rollups and histories and marks
 * them as being built (from then on an ingest leaves its facts pending); then each chain, and each
 * family in each part of time, is built from the facts no pending ingest stored; the last marks the
 * rollups current, after which `foldPendingSql` adds the pending ingests. With `bounds` (ascending
 * instants), each family placed by a timestamp is built in the parts between them (and before the
 * first, and from the last on): a database then sorts a part's facts at a time, not all of a big
 * shop's at once, and the upsert adds the parts up. On PostgreSQL the first and last wait for the
 * ingests under way (and hold new ones back until they commit), so that each ingest either is a
 * step's or finds the rebuild under way.
 */
export function rebuildStepsSql(
  rollups: Rollups,
  tenant: string,
  dialect: Dialect,
  bounds: readonly number[] = [],
): SqlStatement[][] {
  const slices: Slice[] = [undefined, ...bounds].map((from, i) => ({ from, to: bounds[i] }));
  return [
    [
      ...locks([...dialect.rebuildLock, ...dialect.pendingLock]),
      ...["rollup_buckets", "chain_facts", "chain_lapses", "rollup_pending"].map((table) => ({
        sql: `DELETE FROM ${table} WHERE tenant_id = ${dialect.param(1)}`,
        params: [tenant],
      })),
      versionSql(dialect, tenant, `${BUILDING}${rollups.version}`),
    ],
    ...rollups.chains.map(({ chain, days }) => chainRebuildSql(chain, days, tenant, dialect)),
    ...rollups.families.flatMap((family) => {
      const chain = family[0]!.event?.chain;
      return (isDated(family[0]!) ? [undefined] : slices).map((slice) => [
        chain
          ? historyEventsSql(chain, family, tenant, dialect, { all: true, slice })
          : rollupBuildSql(family, tenant, dialect, { all: true, slice }),
      ]);
    }),
    [...locks(dialect.pendingLock), versionSql(dialect, tenant, rollups.version)],
  ];
}

/** Every statement of a rebuild, to run in one transaction (no ingest can fall between them). */
export function rebuildRollupsSql(
  rollups: Rollups,
  tenant: string,
  dialect: Dialect,
  bounds: readonly number[] = [],
): SqlStatement[] {
  return rebuildStepsSql(rollups, tenant, dialect, bounds).flat();
}

/** Adds an ingest that was pending a rebuild to the rollups, now current, as it would have added itself. */
export function foldPendingSql(
  rollups: Rollups,
  tenant: string,
  dialect: Dialect,
  pending: PendingIngest,
): SqlStatement[] {
  const p = dialect.param;
  return [
    ...ingestRollupsSql(rollups, pending.fact, tenant, dialect, { ids: pending.ids, ingestId: pending.ingestId }),
    {
      sql: `DELETE FROM rollup_pending WHERE tenant_id = ${p(1)} AND ingest_id = ${p(2)}`,
      params: [tenant, pending.ingestId],
    },
  ];
}

/**
 * The tenants whose rollups were built for this set of measures (parameter 1: its version), with
 * no ingest still to add since their rebuild.
 */
export function currentRollupsSql(dialect: Dialect): string {
  return (
    `SELECT tenant_id FROM rollup_versions v WHERE version = ${dialect.param(1)} AND NOT EXISTS ` +
    `(SELECT 1 FROM rollup_pending pi WHERE pi.tenant_id = v.tenant_id)`
  );
}
