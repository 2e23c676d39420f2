// Rebuilding a tenant's rollups (and the key histories they read) from its facts: in one
// transaction (a new tenant), or in steps that each commit, with ingests going on between them
// (pending.ts), once the rollups are built for another set of measures (an upgrade) or never were.
// A rebuild in steps marks the tenant's version with its own id, and each of its statements applies
// only while that mark holds: a rebuild started after it (another process, or this one after a
// stop) takes over, and the earlier one's remaining steps change nothing.
import { chainRebuildSql, lapseId } from "./chain.js";
import { pairsBuildSql } from "./pairs.js";
import type { Dialect } from "./dialect.js";
import { BUILDING, type PendingIngest } from "./pending.js";
import { SqlParams } from "./row-sql.js";
import { currentSql, historyEventsSql, ingestRollupsSql, isDated, rollupBuildSql, type Rollups } from "./rollup.js";
import { slicesOf } from "./slice.js";
import type { SqlStatement } from "./statement.js";
import { tableSpecs } from "./tables.js";

/** The version a rebuild marks a tenant's rollups with while it builds them. */
export const buildingVersion = (rollups: Pick<Rollups, "version">, rebuild: string) =>
  `${BUILDING}${rollups.version}:${rebuild}`;

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
 * The tables a rebuild recreates, cleared first (`rollup_pending` too, in its first transaction,
 * unless it keeps parts), the column that names the part a row is of, and the order their chunks
 * are deleted in where it is not their key's: the histories' by time, which three of their indexes
 * share, so that most index pages a chunk changes are next to each other (a million orders' took
 * 32 s so, 55 s in key order).
 */
const REBUILT: readonly { table: string; part: "family" | "chain" | "lapse"; order?: string }[] = [
  { table: "rollup_buckets", part: "family" },
  { table: "chain_facts", part: "chain", order: "chain, t" },
  { table: "chain_lapses", part: "lapse" },
  { table: "chain_pairs", part: "chain" },
];

/**
 * The `parts` of a tenant's rollups' row: the names of the parts whose rows hold what they say, and
 * the set of measures (`of`, a version) that named them. Only that set's own rebuilds keep the
 * names true (a release from before parts were named leaves them as they are while it rebuilds
 * everything in its own way), so they are read only while the rollups are at that set's version.
 */
const partsJson = (of: Rollups, parts: readonly string[]) => JSON.stringify({ of: of.version, parts });

/**
 * The parts of `rollups` that a tenant's rollups hold alike, by its rollups' row (its `version` and
 * `parts`; none for rollups built before parts were named, or since by a release that does not
 * name them): a rebuild keeps their rows as they are. Of a rebuild under way, only one for the
 * same set (resuming it) keeps them: the ingests meanwhile added themselves to the parts that set
 * keeps up to date (Rollups.liveParts), which another set's may not be.
 */
export function keptParts(rollups: Rollups, state: { version?: unknown; parts?: unknown } | undefined): string[] {
  if (typeof state?.parts !== "string") return [];
  const version = String(state.version);
  const named = JSON.parse(state.parts) as { of?: unknown; parts?: unknown };
  const of = { version: String(named.of) };
  const resumed = of.version === rollups.version && version.startsWith(buildingVersion(of, ""));
  if (!(version === of.version || resumed) || !Array.isArray(named.parts)) return [];
  const held = new Set(named.parts);
  return rollups.parts.filter((part) => held.has(part));
}

/** The rows of the `kept` parts in the tables a rebuild recreates, by the value of each table's part column. */
function keptRows(rollups: Rollups, kept: readonly string[]): Record<"family" | "chain" | "lapse", string[]> {
  const held = new Set(kept);
  const chains = rollups.chains.filter(({ chain }) => held.has(rollups.chainParts.get(chain.id)!));
  return {
    family: [...rollups.familyParts].filter(([, part]) => held.has(part)).map(([family]) => family),
    chain: chains.map(({ chain }) => chain.id),
    lapse: chains.flatMap(({ chain, days }) => days.map((d) => lapseId(chain, d))),
  };
}

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
 * waits for the ingests and steps under way, and holds new ones back until it commits. With
 * `bounds: null` (not known yet: finding them counts a big shop's facts, and the parts kept are
 * read from the first step on) the first step records none, and `rebuildBoundsSql` does later.
 */
export function rebuildStepsSql(
  rollups: Rollups,
  tenant: string,
  dialect: Dialect,
  options: { rebuild: string; bounds?: readonly number[] | null; chunk?: number; keep?: readonly string[] },
): RebuildTransaction[] {
  const version = buildingVersion(rollups, options.rebuild);
  const slices = slicesOf(options.bounds ?? []);
  const p = dialect.param;
  const current = (params: SqlParams) => currentSql(params.add(tenant), params, version);
  const specs = tableSpecs(dialect);
  const keep = options.keep ?? [];
  const kept = keptRows(rollups, keep);
  const clear = REBUILT.map(({ table, part, order }) => {
    const key = specs
      .find((t) => t.name === table)!
      .primaryKey.filter((column) => column !== "tenant_id")
      .join(", ");
    const others: Cleared = { table, column: part, kept: kept[part] };
    return { others, statement: clearSql(others, order ?? key, key, tenant, dialect, current, options.chunk) };
  });
  const chains = rollups.chains.filter(({ chain }) => !kept.chain.includes(chain.id));
  // Each after the first, and the rows it clears a chunk at a time, if it does.
  const steps: (RebuildTransaction & { clears?: Cleared })[] = [
    ...(options.chunk
      ? clear.map((c) => ({ statements: [c.statement], repeat: true, clears: c.others }))
      : [{ statements: clear.map((c) => c.statement) }]),
    ...chains
      .flatMap(({ chain, days }) =>
        chainRebuildSql(chain, days, tenant, dialect, current, options.chunk ? slices : undefined),
      )
      .map((statements) => ({ statements })),
    // Once every row of a chain is linked.
    ...chains
      .filter(({ pairs }) => pairs)
      .flatMap(({ chain }) =>
        (options.chunk ? slices : [undefined]).map((slice) => ({
          statements: [pairsBuildSql(chain, tenant, dialect, current, slice)],
        })),
      ),
    ...rollups.families
      .filter(([m]) => !kept.family.includes(m!.family))
      .flatMap((family) => {
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
        // Built anew, the rebuilt parts read the facts of ingests pending so far; a part kept adds
        // them once it is done, as the others add those that come after.
        ...(keep.length ? [] : [{ sql: `DELETE FROM rollup_pending WHERE tenant_id = ${p(1)}`, params: [tenant] }]),
        {
          sql:
            `INSERT INTO rollup_versions (tenant_id, version, beat, done, bounds, parts) VALUES (${p(1)}, ` +
            `${p(2)}, ${dialect.nowMs}, 1, ${p(3)}, ${p(4)}) ON CONFLICT (tenant_id) DO UPDATE SET version = ` +
            "excluded.version, beat = excluded.beat, done = excluded.done, bounds = excluded.bounds, " +
            "parts = excluded.parts",
          params: [
            tenant,
            version,
            options.bounds === null ? null : JSON.stringify(options.bounds ?? []),
            partsJson(rollups, keep),
          ],
        },
      ],
    },
    ...steps.map(({ statements, repeat, clears }, i) => ({
      statements: [...statements, beatSql(tenant, dialect, version, { done: i + 2, clears })],
      ...(repeat ? { repeat } : {}),
    })),
  ];
}

/** Records the `bounds` of a rebuild whose first step recorded none (`rebuildStepsSql`), while it is under way. */
export function rebuildBoundsSql(
  rollups: Rollups,
  tenant: string,
  dialect: Dialect,
  rebuild: string,
  bounds: readonly number[],
): SqlStatement {
  const p = dialect.param;
  return {
    sql: `UPDATE rollup_versions SET bounds = ${p(1)} WHERE tenant_id = ${p(2)} AND version = ${p(3)}`,
    params: [JSON.stringify(bounds), tenant, buildingVersion(rollups, rebuild)],
  };
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
  step?: { done: number; clears?: Cleared | undefined },
  beat = dialect.nowMs,
): SqlStatement {
  const params = new SqlParams(dialect);
  const [tenantParam, versionParam] = [params.add(tenant), params.add(version)];
  let steps = "";
  if (step) {
    const done = params.add(step.done);
    const { clears } = step;
    const left = clears
      ? ` - CASE WHEN EXISTS (SELECT 1 FROM ${clears.table} WHERE tenant_id = ${tenantParam}` +
        `${othersSql(clears, tenantParam, params, dialect)}) THEN 1 ELSE 0 END`
      : "";
    steps = `, done = ${done}${left}`;
  }
  return {
    sql:
      `UPDATE rollup_versions SET beat = ${beat}${steps} WHERE tenant_id = ${tenantParam} AND ` +
      `version = ${versionParam}`,
    params: params.values,
  };
}

/** A table's rows a rebuild clears: the tenant's but those of the parts it keeps (`kept`, by `column`). */
interface Cleared {
  table: string;
  column: string;
  kept: readonly string[];
}

/**
 * ` AND` the row is of a part not kept, or nothing when none is kept. The parts present in the
 * table are found a seek each (a loose scan of its key, whose second column names the part), and
 * each one's rows read by its key: the rows of the parts kept, most of a big shop's, are not read.
 */
function othersSql(cleared: Cleared, tenantParam: string, params: SqlParams, dialect: Dialect): string {
  const { table, column, kept } = cleared;
  if (!kept.length) return "";
  const next = (after: string) => `(SELECT min(${column}) FROM ${table} WHERE tenant_id = ${tenantParam}${after})`;
  const present =
    `WITH RECURSIVE present (v) AS (SELECT ${next("")} UNION ALL SELECT ${next(` AND ${column} > present.v`)} ` +
    "FROM present WHERE present.v IS NOT NULL) SELECT v FROM present WHERE v IS NOT NULL AND NOT " +
    `(${dialect.inJson("v", params.add(JSON.stringify(kept)))})`;
  return ` AND ${dialect.inSubquery(column, present)}`;
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
 * Deletes a tenant's rows of a table (but those of parts kept) while `current` holds: all of them,
 * or the first `chunk` of them in `order` (repeated until it deletes none), each named by its `key`
 * columns.
 */
function clearSql(
  cleared: Cleared,
  order: string,
  key: string,
  tenant: string,
  dialect: Dialect,
  current: (params: SqlParams) => string,
  chunk: number | undefined,
): SqlStatement {
  const { table } = cleared;
  const params = new SqlParams(dialect);
  const tenantParam = params.add(tenant);
  const others = othersSql(cleared, tenantParam, params, dialect);
  const rows = chunk
    ? ` AND (${key}) IN (SELECT ${key} FROM ${table} WHERE tenant_id = ${tenantParam}${others} ` +
      `ORDER BY ${order} LIMIT ${chunk})`
    : others;
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
        `UPDATE rollup_versions SET version = ${p(1)}, parts = ${p(4)} WHERE tenant_id = ${p(2)} AND version = ` +
        `${p(3)} AND NOT EXISTS (SELECT 1 FROM rollup_pending pi WHERE pi.tenant_id = ${p(2)})`,
      params: [rollups.version, tenant, buildingVersion(rollups, rebuild), partsJson(rollups, rollups.parts)],
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
 * itself, and takes it off the list (nothing, if another rebuild took over): to all of them, or if
 * it is `applied`, to all but the `live` parts (Rollups.liveParts of the parts the rebuild keeps).
 */
export function foldPendingSql(
  rollups: Rollups,
  tenant: string,
  dialect: Dialect,
  pending: PendingIngest,
  rebuild: string,
  live: ReadonlySet<string> = new Set(),
): SqlStatement[] {
  const units = (part: string) => !(pending.applied && live.has(part));
  return foldSql(rollups, tenant, dialect, pending, rebuild, "DELETE FROM rollup_pending", units);
}

/**
 * Adds an ingest left pending but not `applied` (one stored before the rebuild's first step, or
 * by a release that does not keep these parts up to date) to the `live` parts the rebuild keeps
 * (Rollups.liveParts), and marks it applied: from the first step on, those parts then hold every
 * fact stored, and queries read them while the rest is rebuilt.
 */
export function applyPendingSql(
  rollups: Rollups,
  tenant: string,
  dialect: Dialect,
  pending: PendingIngest,
  rebuild: string,
  live: ReadonlySet<string>,
): SqlStatement[] {
  const mark = "UPDATE rollup_pending SET applied = 1";
  return foldSql(rollups, tenant, dialect, pending, rebuild, mark, (part) => live.has(part));
}

function foldSql(
  rollups: Rollups,
  tenant: string,
  dialect: Dialect,
  pending: PendingIngest,
  rebuild: string,
  listed: string,
  units: (part: string) => boolean,
): SqlStatement[] {
  const version = buildingVersion(rollups, rebuild);
  const params = new SqlParams(dialect);
  const tenantParam = params.add(tenant);
  // The list first: the tables in the order an ingest and a rebuild's first step take them.
  return [
    {
      sql:
        `${listed} WHERE tenant_id = ${tenantParam} AND ingest_id = ${params.add(pending.ingestId)} AND ` +
        currentSql(tenantParam, params, version),
      params: params.values,
    },
    ...ingestRollupsSql(rollups, pending.fact, tenant, dialect, pending, { version, units }),
    beatSql(tenant, dialect, version),
  ];
}

/**
 * A tenant's rollups' version (parameter 1: the tenant), when a rebuild under way last committed a
 * step (`beat`), how many it has committed, its bounds and the parts it keeps (or, once built, all
 * parts), and the database's clock (`now`).
 */
export function rebuildStateSql(dialect: Dialect): string {
  return (
    `SELECT version, beat, done, bounds, parts, ${dialect.nowMs} AS now FROM rollup_versions ` +
    `WHERE tenant_id = ${dialect.param(1)}`
  );
}

/**
 * Names the parts of rollups built at this set's version before parts were named: their rows hold
 * every part as this set builds it, so that the next rebuild for another set keeps what it can.
 */
export function nameBuiltPartsSql(rollups: Rollups, dialect: Dialect): SqlStatement {
  const p = dialect.param;
  return {
    sql: `UPDATE rollup_versions SET parts = ${p(1)} WHERE version = ${p(2)} AND parts IS NULL`,
    params: [partsJson(rollups, rollups.parts), rollups.version],
  };
}

/** The tenants whose rollups were built for this set of measures (parameter 1: its version). */
export function currentRollupsSql(dialect: Dialect): string {
  return `SELECT tenant_id FROM rollup_versions WHERE version = ${dialect.param(1)}`;
}
