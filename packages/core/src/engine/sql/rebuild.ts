// Rebuilding a tenant's rollups (and the key histories they read) from its facts: in one
// transaction (a new tenant), or in steps that each commit, with ingests going on between them
// (pending.ts), once the rollups are built for another set of measures (an upgrade) or never were.
// A rebuild in steps marks the tenant's version with its own id, and each of its statements applies
// only while that mark holds: a rebuild started after it (another process, or this one after a
// stop) takes over, and the earlier one's remaining steps change nothing.
import { chainRebuildSql } from "./chain.js";
import { pairsBuildSql } from "./pairs.js";
import type { Dialect } from "./dialect.js";
import { BUILDING, type PendingIngest } from "./pending.js";
import { SqlParams } from "./row-sql.js";
import { currentSql, historyEventsSql, ingestRollupsSql, isDated, rollupBuildSql, type Rollups } from "./rollup.js";
import { slicesOf } from "./slice.js";
import type { SqlStatement } from "./statement.js";
import { tableSpecs } from "./tables.js";

/** The version a rebuild marks a tenant's rollups with while it builds them. */
export const buildingVersion = (rollups: Rollups, rebuild: string) => `${BUILDING}${rollups.version}:${rebuild}`;

const locks = (list: readonly string[]): SqlStatement[] => list.map((sql) => ({ sql, params: [] }));

/**
 * A transaction of a rebuild: its statements, and with `repeat`, again until its first changes no
 * row (a big tenant's old rows are deleted a chunk at a time).
 */
export interface RebuildTransaction {
  statements: SqlStatement[];
  repeat?: boolean;
}

/**
 * The tables a rebuild recreates, cleared first (`rollup_pending` too, in its first transaction),
 * and the order their chunks are deleted in where it is not their key's: the histories' by time,
 * which three of their indexes share, so that most index pages a chunk changes are next to each
 * other (a million orders' took 32 s so, 55 s in key order).
 */
const REBUILT: readonly { table: string; order?: string }[] = [
  { table: "rollup_buckets" },
  { table: "chain_facts", order: "chain, t" },
  { table: "chain_lapses" },
  { table: "chain_pairs" },
];

/**
 * A rebuild's transactions but its last (`finishRebuildSql`): the first marks the tenant's rollups
 * as being built by `rebuild` (from then on an ingest leaves its facts pending); then the tenant's
 * rollups and histories are cleared, each chain built, and each family in each part of time, from
 * the facts no pending ingest stored. With `bounds` (ascending instants), chains and families
 * placed by a timestamp are built in the parts between them (and before the first, and from the
 * last on): a database then sorts a part's facts at a time, not all of a big shop's at once, and
 * the upsert adds the parts up. `chunk` is for a rebuild whose transactions commit one by one, with
 * ingests waiting for each: the old rows are then deleted that many at a time, each chunk its own
 * transaction, and each history is built a part of time at a time too. On PostgreSQL the first
 * waits for the ingests and steps under way, and holds new ones back until it commits.
 */
export function rebuildStepsSql(
  rollups: Rollups,
  tenant: string,
  dialect: Dialect,
  options: { rebuild: string; bounds?: readonly number[]; chunk?: number },
): RebuildTransaction[] {
  const version = buildingVersion(rollups, options.rebuild);
  const slices = slicesOf(options.bounds ?? []);
  const p = dialect.param;
  const current = (params: SqlParams) => currentSql(params.add(tenant), params, version);
  const specs = tableSpecs(dialect);
  const clear = REBUILT.map(({ table, order }) => {
    const key = specs
      .find((t) => t.name === table)!
      .primaryKey.filter((column) => column !== "tenant_id")
      .join(", ");
    return { table, statement: clearSql(table, order ?? key, key, tenant, dialect, current, options.chunk) };
  });
  // Each after the first, and the table it clears a chunk at a time, if it does.
  const steps: (RebuildTransaction & { clears?: string })[] = [
    ...(options.chunk
      ? clear.map((c) => ({ statements: [c.statement], repeat: true, clears: c.table }))
      : [{ statements: clear.map((c) => c.statement) }]),
    ...rollups.chains
      .flatMap(({ chain, days }) =>
        chainRebuildSql(chain, days, tenant, dialect, current, options.chunk ? slices : undefined),
      )
      .map((statements) => ({ statements })),
    // Once every row of a chain is linked.
    ...rollups.chains
      .filter(({ pairs }) => pairs)
      .flatMap(({ chain }) =>
        (options.chunk ? slices : [undefined]).map((slice) => ({
          statements: [pairsBuildSql(chain, tenant, dialect, current, slice)],
        })),
      ),
    ...rollups.families.flatMap((family) => {
      const chain = family[0]!.event?.chain;
      return (isDated(family[0]!) ? [undefined] : slices).map((slice) => ({
        statements: [
          chain
            ? historyEventsSql(chain, family, tenant, dialect, { all: true, slice, version })
            : rollupBuildSql(family, tenant, dialect, { all: true, slice, version }),
        ],
      }));
    }),
  ];
  return [
    {
      statements: [
        // In the order an ingest takes them (its pending row, then the rollups, then the histories),
        // so that neither waits for the other crosswise.
        ...locks([...dialect.pendingLock, ...dialect.rebuildLock]),
        { sql: `DELETE FROM rollup_pending WHERE tenant_id = ${p(1)}`, params: [tenant] },
        {
          sql:
            `INSERT INTO rollup_versions (tenant_id, version, beat, done, bounds) VALUES (${p(1)}, ${p(2)}, ` +
            `${dialect.nowMs}, 1, ${p(3)}) ON CONFLICT (tenant_id) DO UPDATE SET version = excluded.version, ` +
            "beat = excluded.beat, done = excluded.done, bounds = excluded.bounds",
          params: [tenant, version, JSON.stringify(options.bounds ?? [])],
        },
      ],
    },
    ...steps.map(({ statements, repeat, clears }, i) => ({
      statements: [...statements, beatSql(tenant, dialect, version, { done: i + 2, clears })],
      ...(repeat ? { repeat } : {}),
    })),
  ];
}

/**
 * Marks the rebuild under way as alive (its `beat`), while it is `version`'s, and with `done`, how
 * many of its steps have committed: last in each of its transactions (the tables in the order every
 * transaction takes them), so that a store waiting for it can tell one that stopped (its process
 * died), and one that finds it stopped can resume it. A step that `clears` a table a chunk at a
 * time is done only once none of the tenant's rows are left in it: one that stopped between two
 * chunks deletes the rest when resumed. `beat`: when it last beat (by default now).
 */
function beatSql(
  tenant: string,
  dialect: Dialect,
  version: string,
  step?: { done: number; clears?: string | undefined },
  beat = dialect.nowMs,
): SqlStatement {
  const p = dialect.param;
  const left = step?.clears
    ? ` - CASE WHEN EXISTS (SELECT 1 FROM ${step.clears} WHERE tenant_id = ${p(1)}) THEN 1 ELSE 0 END`
    : "";
  const steps = step ? `, done = ${p(3)}${left}` : "";
  return {
    sql: `UPDATE rollup_versions SET beat = ${beat}${steps} WHERE tenant_id = ${p(1)} AND version = ${p(2)}`,
    params: step ? [tenant, version, step.done] : [tenant, version],
  };
}

/**
 * Takes a stopped rebuild (`from`) over as `to`, which then runs its steps from the first that
 * `from` did not commit, with its bounds: the version moves from the one's mark to the other's
 * (no row changes if another store took it first). On PostgreSQL it first waits for a step of the
 * stopped one still under way, as a rebuild's first step does.
 */
export function resumeRebuildSql(
  rollups: Rollups,
  tenant: string,
  dialect: Dialect,
  rebuild: { from: string; to: string },
): SqlStatement[] {
  const p = dialect.param;
  return [
    ...locks(dialect.rebuildLock),
    {
      sql:
        `UPDATE rollup_versions SET version = ${p(1)}, beat = ${dialect.nowMs} WHERE tenant_id = ${p(2)} ` +
        `AND version = ${p(3)}`,
      params: [buildingVersion(rollups, rebuild.to), tenant, buildingVersion(rollups, rebuild.from)],
    },
  ];
}

/**
 * Pauses a rebuild (a call that was to run only so many of its transactions): its beat set to the
 * epoch, as if it had stopped long ago, so that the next store to look resumes it at once.
 */
export function pauseRebuildSql(rollups: Rollups, tenant: string, dialect: Dialect, rebuild: string): SqlStatement[] {
  return [beatSql(tenant, dialect, buildingVersion(rollups, rebuild), undefined, "0")];
}

/**
 * Deletes a tenant's rows of a table while `current` holds: all of them, or the first `chunk` of
 * them in `order` (repeated until it deletes none), each named by its `key` columns.
 */
function clearSql(
  table: string,
  order: string,
  key: string,
  tenant: string,
  dialect: Dialect,
  current: (params: SqlParams) => string,
  chunk: number | undefined,
): SqlStatement {
  const params = new SqlParams(dialect);
  const tenantParam = params.add(tenant);
  const rows = chunk
    ? ` AND (${key}) IN (SELECT ${key} FROM ${table} WHERE tenant_id = ${tenantParam} ORDER BY ${order} LIMIT ${chunk})`
    : "";
  return {
    sql: `DELETE FROM ${table} WHERE tenant_id = ${tenantParam}${rows} AND ${current(params)}`,
    params: params.values,
  };
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
    ...rebuildStepsSql(rollups, tenant, dialect, { rebuild: "once", bounds }).flatMap((t) => t.statements),
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
    beatSql(tenant, dialect, version),
  ];
}

/**
 * A tenant's rollups' version (parameter 1: the tenant), when a rebuild under way last committed a
 * step (`beat`), how many it has committed and its bounds, and the database's clock (`now`).
 */
export function rebuildStateSql(dialect: Dialect): string {
  return (
    `SELECT version, beat, done, bounds, ${dialect.nowMs} AS now FROM rollup_versions ` +
    `WHERE tenant_id = ${dialect.param(1)}`
  );
}

/** The tenants whose rollups were built for this set of measures (parameter 1: its version). */
export function currentRollupsSql(dialect: Dialect): string {
  return `SELECT tenant_id FROM rollup_versions WHERE version = ${dialect.param(1)}`;
}
