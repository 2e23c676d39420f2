// Key histories kept at ingest. A chain is the facts of one kind that share a key (a customer's
// placed orders), in order of time and id; each keeps the times of the facts before and after it
// (`chain_facts`), and the gaps of about an activity window or more are kept apart
// (`chain_lapses`). Events follow from a chain and add up across hours, so the rollups keep them:
// a key's first fact (with that fact's dimensions), its last fact, the start and end of each long
// gap (counts), and each fact held as its key's latest and superseded by the next (its value). New
// customers are then a sum of first events, the keys active at any instant a handful of prefix
// sums (see active.ts), and each SKU's stock at an instant the held less the superseded before it,
// instead of a scan of all history; keys with two facts in a range come from the pairs of links a
// chain also keeps (pairs.ts).
// Facts are never updated or deleted, so a chain only changes where a fact is inserted: an ingest
// relinks the rows next to its new facts, and the rollups take back those rows' old events and
// add their new ones, so that its cost follows the facts it brings, not the keys' histories.
import { parseExpr } from "../../expr/parse.js";
import { factModels, type QueryFact } from "../../facts/model.js";
import { hash53 } from "../../hash.js";
import { DAY, HOUR } from "./buckets.js";
import type { Dialect } from "./dialect.js";
import { notPendingSql } from "./pending.js";
import { columnSql, type RowScope, rowSql, SqlParams, testSql } from "./row-sql.js";
import { type Slice, sliceSql } from "./slice.js";
import type { SqlStatement } from "./statement.js";

export interface Chain {
  /** A short name for the chain's definition, the `chain` column. */
  id: string;
  fact: QueryFact;
  /** The expression whose value keys the chain (`customerId`). */
  key: string;
  time: string;
  where: string | undefined;
}

/**
 * `held` and `superseded`: a fact becomes its key's latest at its time and stops being it at its
 * next's (placed at `next_t`), so each key's latest fact at an instant (stock per SKU) is what was
 * held before it less what was superseded before it.
 */
export type ChainEventKind = "first" | "last" | "lapse_start" | "lapse_end" | "held" | "superseded";

/**
 * How much shorter than its window in days a gap kept as a lapse may be: a window of N local days
 * is N × 24 h give or take a clock change, and a query whose window is shorter than this reads
 * the facts instead.
 */
const MARGIN = 90 * 60_000;

/**
 * The day's links of a history (a fact less than `max` after its key's previous one), set in a
 * partial index: a key's second fact in a span up to a day long (with its clock change) is one of
 * them, a small part of the span's facts where keys rarely come back soon (customers' orders).
 * Longer spans read pairs (pairs.ts).
 */
export const DAY_LINKS = { index: "chain_facts_day_links", max: 25 * HOUR } as const;

/** A day's link's test, on the columns of the table named `as`. */
const dayLink = (as = "") => `${as}t - ${as}prev_t < ${DAY_LINKS.max}`;

/**
 * The long links of a history (a fact followed by its key's next at least `min` later), set in a
 * partial index: the facts of a stretch whose next comes after an instant at least `min` past the
 * stretch are among them, a part of its facts (a quarter at 10 M orders) where keys come back soon
 * (visitors) or never (most customers, whose last facts are counted from prefix sums).
 */
export const LONG_LINKS = { index: "chain_facts_long_links", min: 28 * DAY } as const;

/** A long link's test, on the columns of the table named `as`. */
const longLink = (as = "") => `${as}next_t - ${as}t >= ${LONG_LINKS.min}`;

/** The shortest gap kept as a lapse for an activity window of `days` local days, in ms. */
export const lapseGap = (days: number): number => days * DAY - MARGIN;

/** The chain of a measure keyed by `key`, if one can be kept: a stored fact placed by a timestamp. */
export function chainOf(
  fact: QueryFact,
  key: string,
  time: string | undefined,
  where: string | undefined,
): Chain | undefined {
  const model = factModels[fact];
  const t = time ?? model.time;
  if (fact === "orderLines" || model.fields[t]?.kind !== "timestamp") return undefined;
  return { id: hash53(JSON.stringify([fact, key, t, where ?? null])), fact, key, time: t, where };
}

/** The `lapse` column of a chain's lapses for a window of `days`. */
export const lapseId = (chain: Chain, days: number): string => hash53(`${chain.id}|${days}`);

/** What a query's reads of a span table compile against. */
export interface SpanContext {
  /** The request's index (each row read says whose it is: `r`). */
  index: number;
  dialect: Dialect;
  params: SqlParams;
  tenantParam: string;
  /** The name of a table of spans (its rows' `i` say which). */
  spanTable(columns: string[], rows: Record<string, number>[]): string;
}

/** The facts an ingest call inserted: a JSON list of ids and the call's id. */
export interface Inserted {
  ids: readonly string[];
  ingestId: string;
}

/** The SQL of a chain's rows and facts, its parameters bound as they are used. */
export class ChainSql {
  readonly scope: RowScope;

  constructor(
    readonly chain: Chain,
    readonly tenantParam: string,
    readonly params: SqlParams,
    readonly dialect: Dialect,
  ) {
    this.scope = { model: factModels[chain.fact], dialect, params, alias: "f" };
  }

  /** Bound where used: a statement must not carry a parameter it does not read (PostgreSQL cannot type it). */
  get chainParam(): string {
    return this.params.add(this.chain.id);
  }

  /** A parameter typed, where PostgreSQL cannot tell its type from where it goes. */
  text(param: string): string {
    return `CAST(${param} AS ${this.dialect.types.text})`;
  }

  get table(): string {
    return this.scope.model.table;
  }

  /** A fact's key as stored (text) and its time (epoch ms). */
  get key(): string {
    return `CAST(${rowSql(parseExpr(this.chain.key), this.scope)} AS ${this.dialect.types.text})`;
  }

  get time(): string {
    return columnSql(this.scope, this.chain.time);
  }

  /** The facts (as `f`) that belong to the chain. */
  belongs(): string[] {
    const where = this.chain.where === undefined ? undefined : parseExpr(this.chain.where);
    return [
      `f.tenant_id = ${this.tenantParam}`,
      ...testSql(where, [], this.scope),
      `${this.key} IS NOT NULL`,
      `${this.time} IS NOT NULL`,
    ];
  }

  /** The chain's facts an ingest call inserted (as `f`): FROM and WHERE. */
  inserted(inserted: Inserted): { from: string; where: string } {
    const byIds = this.dialect.byIds(this.table, this.params.add(JSON.stringify(inserted.ids)));
    return {
      from: byIds.from,
      where: [byIds.where, `f.ingest_id = ${this.params.add(inserted.ingestId)}`, ...this.belongs()].join(" AND "),
    };
  }

  /** The chain's rows (as `c`), those an ingest call marked only when given its id. */
  rows(mark?: string): string {
    return [
      `c.tenant_id = ${this.tenantParam}`,
      `c.chain = ${this.chainParam}`,
      ...(mark ? [`c.mark = ${this.params.add(mark)}`] : []),
    ].join(" AND ");
  }
}

/** `chain_facts` and `chain_lapses` as the schema declares them. */
export function chainTableSpecs(dialect: Dialect) {
  const { text, bigint } = dialect.types;
  const column = (name: string, type: string, nullable = false) => ({ name, type, nullable });
  return [
    {
      name: "chain_facts",
      columns: [
        ...[
          column("tenant_id", text),
          column("chain", text),
          column("id", text),
          column("k", text),
          column("t", bigint),
        ],
        ...[column("prev_t", bigint, true), column("prev2_t", bigint, true), column("next_t", bigint, true)],
        // The ingest call that is relinking the row, while it does (null otherwise).
        column("mark", text, true),
        // Set as it marks a row that was in the chain: 1, and the links its events were kept for,
        // so that one statement after the relink adds what its events became less what they were.
        ...[column("was", bigint, true), column("was_prev_t", bigint, true), column("was_next_t", bigint, true)],
      ],
      primaryKey: ["tenant_id", "chain", "id"],
      // A key's neighbours by time, a range of time with each fact's previous (distinct keys, edges
      // of spans), and the rows an ingest is relinking (none between ingests: the index stays empty).
      indexes: [
        ["tenant_id", "chain", "k", "t", "id"],
        ["tenant_id", "chain", "t", "prev_t", "prev2_t", "next_t"],
        { columns: ["tenant_id", "chain", "mark"], where: "mark IS NOT NULL" },
        { name: DAY_LINKS.index, columns: ["tenant_id", "chain", "t", "prev_t", "prev2_t"], where: dayLink() },
        { name: LONG_LINKS.index, columns: ["tenant_id", "chain", "t", "next_t"], where: longLink() },
      ],
    },
    {
      name: "chain_lapses",
      columns: [
        column("tenant_id", text),
        column("lapse", text),
        column("s", bigint),
        column("k", text),
        column("e", bigint),
      ],
      primaryKey: ["tenant_id", "lapse", "s", "k"],
      // A key's lapses (to relink); those of a stretch of ends, and of a stretch of starts, each with
      // the other instant, so that either read is in an index alone.
      indexes: [
        ["tenant_id", "lapse", "k"],
        ["tenant_id", "lapse", "e", "s"],
        ["tenant_id", "lapse", "s", "e"],
      ],
    },
  ];
}

/**
 * The chain's rows (as `c`, joined to their facts as `f`, whose dimensions first events keep), those
 * an ingest call marked when given its id: what the rollups of its events are built from.
 */
export function historyRows(
  chain: Chain,
  tenantParam: string,
  params: SqlParams,
  dialect: Dialect,
  mark?: string,
): { from: string; where: string; scope: RowScope } {
  const c = new ChainSql(chain, tenantParam, params, dialect);
  return {
    from: `chain_facts c JOIN ${c.table} f ON f.tenant_id = c.tenant_id AND f.id = c.id`,
    where: c.rows(mark),
    scope: c.scope,
  };
}

/** The chain rows (as `c`) that are events of a kind. */
export function eventTest(kind: ChainEventKind, days: number | undefined): string {
  switch (kind) {
    case "first":
      return "c.prev_t IS NULL";
    case "last":
      return "c.next_t IS NULL";
    case "lapse_start":
      return `c.next_t - c.t >= ${lapseGap(days!)}`;
    case "lapse_end":
      return `c.t - c.prev_t >= ${lapseGap(days!)}`;
    case "held":
      return "c.t IS NOT NULL";
    case "superseded":
      return "c.next_t IS NOT NULL";
  }
}

/** The chain column an event is placed by: its fact's time, or for `superseded` its next fact's. */
export const eventTime = (kind: ChainEventKind): string => (kind === "superseded" ? "c.next_t" : "c.t");

/**
 * Events of a kind in each span of `spanTable` (i, s, e), read from the chain itself: the few
 * minutes at the ends of spans that rollups leave. `facts` joins each first event's fact, for the
 * filters and split of a query of new keys.
 */
export function eventSelect(
  index: number,
  kind: ChainEventKind,
  chain: Chain,
  days: number | undefined,
  spanTable: string,
  tenantParam: string,
  params: SqlParams,
  dialect: Dialect,
  facts?: { filters: (scope: RowScope) => string[]; key: ((scope: RowScope) => string) | undefined },
): string {
  const c = new ChainSql(chain, tenantParam, params, dialect);
  const on = `${c.rows()} AND ${eventTest(kind, days)} AND c.t >= w.s AND c.t < w.e`;
  const joined = facts ? ` JOIN ${c.table} f ON f.tenant_id = c.tenant_id AND f.id = c.id` : "";
  // Grouped by the expression: `k` would name the history's own column.
  const key = facts?.key ? facts.key(c.scope) : "NULL";
  const where = facts ? facts.filters(c.scope) : [];
  return (
    `SELECT ${index} AS r, w.i AS wi, ${key} AS k, count(*) AS v, count(*) AS n FROM ${spanTable} w ` +
    `${dialect.seekJoin("chain_facts", "c", on)}${joined} WHERE ` +
    `${where.length ? where.join(" AND ") : "TRUE"} GROUP BY w.i${facts?.key ? `, ${key}` : ""}`
  );
}

/**
 * Distinct keys with a fact (with `twice`, two facts) in each span of `spanTable` (i, s, e): the
 * facts in the span whose key's previous fact is before it or who have none (with `twice`, whose
 * previous one is in the span and the one before that is not), one read of the history's (time,
 * previous ones) index per span instead of a grouping of the facts by key. With `dayLinks`, spans
 * no longer than a day read only those.
 */
export function distinctSelect(
  index: number,
  chain: Chain,
  twice: boolean,
  spanTable: string,
  tenantParam: string,
  params: SqlParams,
  dialect: Dialect,
  dayLinks = false,
): string {
  const c = new ChainSql(chain, tenantParam, params, dialect);
  const first = (prev: string) => `(c.${prev} IS NULL OR c.${prev} < w.s)`;
  const test = twice ? `c.prev_t >= w.s AND ${first("prev2_t")}` : first("prev_t");
  // The index's own condition, as it declares it: the planners use a partial index only then.
  const short = dayLinks ? ` AND ${dayLink("c.")}` : "";
  const named = dayLinks ? DAY_LINKS.index : undefined;
  return countSelect(index, c, `c.t >= w.s AND c.t < w.e AND ${test}${short}`, spanTable, named);
}

/**
 * Facts in [a, x) per row of `spanTable` (i, a, x, e), read from the history itself, where [a, x) is
 * the few hours by which a span is longer or shorter than a window's gap: `{ lapsesOf: days }`, the
 * starts of that window's lapses that end before `e`; `"lastBefore"`, the facts that are their key's
 * last before `e`; `{ dayLapsesOf: days }`, the ends of that window's lapses that start at or after
 * `e` (here a band's start, the stretch its last hours), among the day's short links (for a band no
 * longer than they are: the keys back within a day are few). `"nextAfter"`: the facts at or after
 * `e` whose key's fact before is in [a, x) instead (each names the fact before it); `"longAfter"`:
 * the facts in [a, x) whose next is at or after `e`, among the long links (`e` at least their
 * shortest after `x`). `"across"`, per row (i, a, s, x, e): the keys whose last fact before `e` is
 * in [s, x) and whose last before `s` is at or after `a`: of a key's facts in [s, x), the first
 * names the one before `s`, and the last is the key's last before `e` when the one after it is at
 * or after `e` (or there is none).
 */
export function stretchSelect(
  index: number,
  chain: Chain,
  facts: { lapsesOf: number } | { dayLapsesOf: number } | "lastBefore" | "nextAfter" | "longAfter" | "across",
  spanTable: string,
  tenantParam: string,
  params: SqlParams,
  dialect: Dialect,
): string {
  const c = new ChainSql(chain, tenantParam, params, dialect);
  if (facts === "across") {
    const on = `${c.rows()} AND c.t >= w.s AND c.t < w.x`;
    const has = (test: string) => `max(CASE WHEN ${test} THEN 1 ELSE 0 END) = 1`;
    return (
      `SELECT ${index} AS r, g.wi, NULL AS k, count(*) AS v, count(*) AS n FROM (SELECT w.i AS wi, c.k FROM ` +
      `${spanTable} w ${dialect.seekJoin("chain_facts", "c", on)} GROUP BY w.i, c.k HAVING ` +
      `${has("c.prev_t >= w.a AND c.prev_t < w.s")} AND ${has("(c.next_t IS NULL OR c.next_t >= w.e)")}) g ` +
      "GROUP BY g.wi"
    );
  }
  if (facts === "nextAfter")
    return countSelect(index, c, "c.t >= w.e AND c.prev_t >= w.a AND c.prev_t < w.x", spanTable);
  if (facts === "longAfter")
    return countSelect(
      index,
      c,
      `c.t >= w.a AND c.t < w.x AND c.next_t >= w.e AND ${longLink("c.")}`,
      spanTable,
      LONG_LINKS.index,
    );
  const ends =
    facts === "lastBefore"
      ? "(c.next_t IS NULL OR c.next_t >= w.e)"
      : "lapsesOf" in facts
        ? `c.next_t < w.e AND ${eventTest("lapse_start", facts.lapsesOf)}`
        : `c.prev_t >= w.e AND ${eventTest("lapse_end", facts.dayLapsesOf)} AND ${dayLink("c.")}`;
  const named = typeof facts === "object" && "dayLapsesOf" in facts ? DAY_LINKS.index : undefined;
  return countSelect(index, c, `c.t >= w.a AND c.t < w.x AND ${ends}`, spanTable, named);
}

/**
 * The chain's rows (as `c`) that meet `test` for each row of `spanTable` (as `w`), counted, or with
 * `summed`, the rows of another of the chain's tables and what is summed of them.
 */
export function countSelect(
  index: number,
  c: ChainSql,
  test: string,
  spanTable: string,
  named?: string,
  summed?: { table: string; value: string },
): string {
  const on = `${c.rows()} AND ${test}`;
  const table = summed?.table ?? "chain_facts";
  const value = summed ? `sum(${summed.value})` : "count(*)";
  if (c.dialect.countsBySubquery) {
    // No `n`: a plan reads its counts' `v` alone, and a copy of the column would count again.
    const count = `(SELECT ${value} FROM ${table} c WHERE ${on})`;
    const none = `CAST(NULL AS ${c.dialect.types.bigint})`;
    return `SELECT ${index} AS r, w.i AS wi, NULL AS k, ${count} AS v, ${none} AS n FROM ${spanTable} w`;
  }
  return (
    `SELECT ${index} AS r, w.i AS wi, NULL AS k, ${value} AS v, count(*) AS n FROM ${spanTable} w ` +
    `${c.dialect.seekJoin(table, "c", on, named)} GROUP BY w.i`
  );
}

/**
 * Lapses of a window that start in [a, x) and end in [e, f), per row of `spanTable` (i, a, x, e,
 * f). `byEnd` seeks them by their end: fewer than by their start when [a, x) is long and [e, f)
 * short or recent.
 */
export function lapsesSelect(
  index: number,
  chain: Chain,
  days: number,
  byEnd: boolean,
  spanTable: string,
  tenantParam: string,
  params: SqlParams,
  dialect: Dialect,
): string {
  // The instant not sought is only a filter: a unary plus keeps the planners from seeking the other
  // index by it (PostgreSQL plans one statement for any spans, so it cannot tell which stretch is
  // the shorter; SQLite is also told the index by its name): a year of starts, or every end since e.
  const [start, end] = byEnd ? ["+l.s", "l.e"] : ["l.s", "+l.e"];
  const on =
    `l.tenant_id = ${tenantParam} AND l.lapse = ${params.add(lapseId(chain, days))} AND ${start} >= w.a ` +
    `AND ${start} < w.x AND ${end} >= w.e AND ${end} < w.f`;
  return (
    `SELECT ${index} AS r, w.i AS wi, NULL AS k, count(*) AS v, count(*) AS n FROM ${spanTable} w ` +
    `${dialect.seekJoin("chain_lapses", "l", on, byEnd ? "chain_lapses_lapse_e_s" : undefined)} GROUP BY w.i`
  );
}

/**
 * A column of the chain's fact `skip` places before or after the one of key `k`, time `t` and id
 * `id`, in the order the links follow (time, then id).
 */
export const neighbourSql =
  (dialect: Dialect) =>
  (
    tenant: string,
    chain: string,
    at: { k: string; t: string; id: string },
    before: boolean,
    skip = 0,
    column = "t",
  ) => {
    const binary = dialect.binaryText;
    const [lt, dir] = before ? ["<", " DESC"] : [">", ""];
    const { k, t, id } = at;
    return (
      `(SELECT g.${column} FROM chain_facts g WHERE g.tenant_id = ${tenant} AND g.chain = ${chain} AND ` +
      `g.k = ${k} AND (g.t ${lt} ${t} OR (g.t = ${t} AND ${binary("g.id")} ${lt} ${binary(id)})) ORDER BY ` +
      `g.t${dir}, ${binary("g.id")}${dir} LIMIT 1 OFFSET ${skip})`
    );
  };

/** Builds a statement on a chain of a tenant, each with parameters of its own (the tenant first). */
export const statementOf =
  (chain: Chain, tenant: string, dialect: Dialect) =>
  (make: (c: ChainSql, params: SqlParams) => string): SqlStatement => {
    const params = new SqlParams(dialect);
    const c = new ChainSql(chain, params.add(tenant), params, dialect);
    return { sql: make(c, params), params: params.values };
  };

/**
 * An ingest of this many facts or more refreshes the planner's statistics of the histories (see
 * Dialect.historyStatistics).
 */
const BULK = 1000;

/**
 * The statements that bring a chain up to date with the facts one ingest call inserted, and its
 * events' rollups with it. Only the rows whose links change are touched: for each new fact, the
 * key's fact before it (its next changes) and the two after it (their previous and the one before
 * that). Those rows are marked with the call's id; their events are taken back from the rollups
 * (`events(-1)`, read with the old links) and their lapses deleted; the new facts join the chain,
 * marked too; the marked rows are relinked, their lapses and events (`events(1)`) added again,
 * and the marks cleared. `current` is a condition that holds while the tenant's rollups are
 * current (stale ones wait for a rebuild, which recreates the chains).
 */
export function chainIngestSql(
  chain: Chain,
  days: readonly number[],
  tenant: string,
  dialect: Dialect,
  inserted: Inserted,
  current: (params: SqlParams) => string,
  events: () => SqlStatement[],
): SqlStatement[] {
  const build = statementOf(chain, tenant, dialect);
  const { ingestId } = inserted;
  const neighbour = neighbourSql(dialect);
  const row = { k: "chain_facts.k", t: "chain_facts.t", id: "chain_facts.id" };
  const linked = (before: boolean, skip = 0) =>
    neighbour("chain_facts.tenant_id", "chain_facts.chain", row, before, skip);
  const marked = (c: ChainSql) =>
    `tenant_id = ${c.tenantParam} AND chain = ${c.chainParam} AND mark = ${c.text(c.params.add(ingestId))}`;
  return [
    build((c, params) => {
      const facts = c.inserted(inserted);
      // The new facts are not in the chain yet: their neighbours are the facts that were.
      const fact = { k: c.key, t: c.time, id: "f.id" };
      const seek = (before: boolean, skip: number) =>
        `SELECT ${neighbour(c.tenantParam, c.chainParam, fact, before, skip, "id")} FROM ${facts.from} WHERE ` +
        `${facts.where}`;
      const ids = [seek(true, 0), seek(false, 0), seek(false, 1)].join(" UNION ALL ");
      return (
        `UPDATE chain_facts SET mark = ${c.text(params.add(ingestId))}, was = 1, was_prev_t = prev_t, ` +
        `was_next_t = next_t WHERE tenant_id = ${c.tenantParam} AND chain = ${c.chainParam} AND ` +
        `${dialect.inSubquery("id", ids)} AND ${current(params)}`
      );
    }),
    // A lapse is its start's row's (s: its time, e: its next's): those of the marked rows as they were linked.
    ...days.map((d) =>
      build(
        (c, params) =>
          `DELETE FROM chain_lapses WHERE tenant_id = ${c.tenantParam} AND lapse = ` +
          `${params.add(lapseId(chain, d))} AND (s, k, e) IN (SELECT c.t, c.k, c.next_t FROM chain_facts c ` +
          `WHERE ${c.rows(ingestId)}) AND ${current(params)}`,
      ),
    ),
    build((c, params) => {
      const facts = c.inserted(inserted);
      return (
        `INSERT INTO chain_facts (tenant_id, chain, id, k, t, mark) SELECT ${c.text(c.tenantParam)}, ` +
        `${c.text(c.chainParam)}, f.id, ${c.key}, ${c.time}, ${c.text(params.add(ingestId))} FROM ` +
        `${facts.from} WHERE ${facts.where} AND ${current(params)} ON CONFLICT DO NOTHING`
      );
    }),
    ...(inserted.ids.length >= BULK ? dialect.historyStatistics.map((sql) => ({ sql, params: [] })) : []),
    build(
      (c) =>
        `UPDATE chain_facts SET prev_t = ${linked(true)}, prev2_t = ${linked(true, 1)}, next_t = ` +
        `${linked(false)} WHERE ${marked(c)}`,
    ),
    ...days.map((d) => build((c, params) => lapsesInsert(c, params, d, c.rows(ingestId)))),
    ...events(),
    build((c) => `UPDATE chain_facts SET mark = NULL WHERE ${marked(c)}`),
  ];
}

function lapsesInsert(c: ChainSql, params: SqlParams, days: number, rows: string): string {
  return (
    `INSERT INTO chain_lapses (tenant_id, lapse, s, k, e) SELECT c.tenant_id, ` +
    `${c.text(params.add(lapseId(c.chain, days)))}, c.t, c.k, c.next_t FROM chain_facts c WHERE ${rows} AND ` +
    `${eventTest("lapse_start", days)}`
  );
}

/**
 * The transactions that rebuild a tenant's chain from its facts (after its rows were deleted), but
 * those of ingests pending the rebuild, and only while `current` holds (the rebuild's own version).
 * Without `slices`, one: each fact joins the chain with its links, all in one statement. With
 * them (a rebuild whose transactions commit one by one while ingests wait), a slice of time each:
 * first every slice's facts join the chain, then each slice's rows are linked (from the whole
 * history of the keys they hold) and their lapses kept. That writes each row twice, but no
 * transaction sorts and writes all of a big shop's history, so none holds ingests back long.
 */
export function chainRebuildSql(
  chain: Chain,
  days: readonly number[],
  tenant: string,
  dialect: Dialect,
  current: (params: SqlParams) => string,
  slices?: readonly Slice[],
): SqlStatement[][] {
  const build = statementOf(chain, tenant, dialect);
  // Each row's links, from its key's facts (as `x`: id, k, t) in order of time and id.
  const links = "lag(x.t) OVER w AS prev_t, lag(x.t, 2) OVER w AS prev2_t, lead(x.t) OVER w AS next_t";
  const window = `WINDOW w AS (PARTITION BY x.k ORDER BY x.t, ${dialect.binaryText("x.id")})`;
  const facts = (c: ChainSql, params: SqlParams, slice?: Slice) => {
    const where = [...c.belongs(), ...sliceSql(c.time, slice), notPendingSql(c.tenantParam), current(params)];
    return `SELECT f.id, ${c.key} AS k, ${c.time} AS t FROM ${c.table} f WHERE ${where.join(" AND ")}`;
  };
  const lapses = (slice?: Slice) =>
    days.map((d) =>
      build((c, params) =>
        lapsesInsert(c, params, d, [c.rows(), ...sliceSql("c.t", slice), current(params)].join(" AND ")),
      ),
    );
  if (!slices)
    return [
      [
        build(
          (c, params) =>
            `INSERT INTO chain_facts (tenant_id, chain, id, k, t, prev_t, prev2_t, next_t) SELECT ` +
            `${c.text(c.tenantParam)}, ${c.text(c.chainParam)}, x.id, x.k, x.t, ${links} FROM ` +
            `(${facts(c, params)}) x ${window}`,
        ),
        ...lapses(),
      ],
    ];
  const join = slices.map((slice) => [
    build(
      (c, params) =>
        `INSERT INTO chain_facts (tenant_id, chain, id, k, t) SELECT ${c.text(c.tenantParam)}, ` +
        `${c.text(c.chainParam)}, x.id, x.k, x.t FROM (${facts(c, params, slice)}) x`,
    ),
  ]);
  const link = slices.map((slice, i) => [
    // PostgreSQL plans the links' join from the statistics of the rows joined (none before).
    ...(i === 0 ? dialect.historyStatistics.map((sql) => ({ sql, params: [] })) : []),
    build((c, params) => {
      const rows = [`x.tenant_id = ${c.tenantParam}`, `x.chain = ${c.chainParam}`];
      // The keys with a fact in the slice, whose whole histories give its rows' neighbours.
      const within = sliceSql("s.t", slice);
      if (within.length)
        rows.push(
          dialect.inSubquery(
            "x.k",
            `SELECT s.k FROM chain_facts s WHERE s.tenant_id = ${c.tenantParam} AND s.chain = ${c.chainParam} AND ` +
              within.join(" AND "),
          ),
        );
      return (
        `UPDATE chain_facts SET prev_t = l.prev_t, prev2_t = l.prev2_t, next_t = l.next_t FROM (SELECT x.id, x.t, ` +
        `${links} FROM chain_facts x WHERE ${rows.join(" AND ")} ${window}) l WHERE chain_facts.tenant_id = ` +
        `${c.tenantParam} AND chain_facts.chain = ${c.chainParam} AND chain_facts.id = l.id AND ` +
        [...sliceSql("l.t", slice), current(params)].join(" AND ")
      );
    }),
    ...lapses(slice),
  ]);
  return [...join, ...link];
}
