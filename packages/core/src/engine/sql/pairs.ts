// Keys with two facts in any range up to a year long (repeat customers), from counts kept at
// ingest. A key has two facts in [s, e) when its first fact there (x, whose previous fact is before
// s, or who has none) has a next one before e; as x.prev ≥ s implies x.t ≥ s, they are
//
//   R(s, e) = #{x : x.t ≥ s, x.next < e} − #{x : x.prev ≥ s, x.next < e}
//
// Each term counts points (u, next), u one of a fact's own links, in a quadrant whose points all
// lie in [s, e). So `chain_pairs` keeps, for ranges up to PAIRS_KEPT long, the facts whose next
// one is less than PAIRS_KEPT after u, counted by u's UTC day (and, for the start of a range that is
// not a UTC midnight, its UTC hour) and next's UTC day: `n1` for u = t, `n2` for u = prev. A range
// reads its whole days' cells and the hours' before them; from the history, only the minutes before
// its first whole hour and the facts of its last part of a day. The cells it reads grow with its
// days, not with the facts (at 10 M orders, about 4,300 for the last 90 days and 67,000 for the
// last year), where a read of its own facts grows with them: on SQLite at 10 M orders, 25 ms for
// each of a dashboard's two periods of 90 days from an index of the links shorter than a quarter,
// 3.4 s for the year to date from the orders.
// A relink changes only the cells of the rows it marks (chain.ts): they take back what their links
// were (`was_…`) and add what they are.
import { DAY, floorDiv, HOUR } from "./buckets.js";
import { type Chain, ChainSql, countSelect, neighbourSql, DAY_LINKS, type SpanContext, statementOf } from "./chain.js";
import type { Dialect } from "./dialect.js";
import type { SqlParams } from "./row-sql.js";
import { type Slice, sliceSql } from "./slice.js";
import type { SqlStatement } from "./statement.js";
import { unionAll } from "./union.js";

/**
 * The longest range the cells serve: a year (366 days at most, `ytd` and `last_year` in a leap
 * year) and a day for clock changes.
 */
export const PAIRS_KEPT = 367 * DAY;

/** The units of time u is counted by, in ms. */
const UNITS = [HOUR, DAY] as const;

/** `chain_pairs` as the schema declares it. */
export function pairsTableSpec(dialect: Dialect) {
  const { text, bigint } = dialect.types;
  const column = (name: string, type: string) => ({ name, type, nullable: false });
  return {
    name: "chain_pairs",
    columns: [
      ...[column("tenant_id", text), column("chain", text)],
      ...["unit", "a", "b", "n1", "n2"].map((name) => column(name, bigint)),
    ],
    primaryKey: ["tenant_id", "chain", "unit", "a", "b"],
    // A range's cells with their counts, from the index alone (PostgreSQL; see Dialect.includes).
    indexes: [{ name: "chain_pairs_cells", columns: ["tenant_id", "chain", "unit", "a", "b"], include: ["n1", "n2"] }],
  };
}

/**
 * The cells of the chain's rows (as `c`) that meet `rows`, as they are linked, or with `was`, the
 * cells they had, taken back: one (unit, a, b, n1, n2) row each.
 */
function cellRows(rows: string, was: boolean): string[] {
  const [prev, next, one, also] = was
    ? ["c.was_prev_t", "c.was_next_t", "-1", " AND c.was = 1"]
    : ["c.prev_t", "c.next_t", "1", ""];
  return UNITS.flatMap((unit) =>
    [
      { u: "c.t", n1: one, n2: "0" },
      { u: prev, n1: "0", n2: one },
    ].map(
      ({ u, n1, n2 }) =>
        `SELECT ${unit} AS unit, ${floorDiv(u, unit)} AS a, ${floorDiv(next, DAY)} AS b, ${n1} AS n1, ${n2} AS n2 ` +
        `FROM chain_facts c WHERE ${rows}${also} AND ${next} - ${u} < ${PAIRS_KEPT}`,
    ),
  );
}

/** Adds cells (the rows of `parts`) onto those kept. */
function upsertSql(c: ChainSql, parts: string[]): string {
  // SQLite reads "ON CONFLICT" after a bare FROM as a join's ON; the WHERE settles it.
  return (
    `INSERT INTO chain_pairs (tenant_id, chain, unit, a, b, n1, n2) SELECT ${c.text(c.tenantParam)}, ` +
    `${c.text(c.chainParam)}, p.unit, p.a, p.b, sum(p.n1), sum(p.n2) FROM (${unionAll(parts, " UNION ALL ")}) p ` +
    "WHERE TRUE GROUP BY p.unit, p.a, p.b HAVING sum(p.n1) <> 0 OR sum(p.n2) <> 0 ON CONFLICT " +
    "(tenant_id, chain, unit, a, b) DO UPDATE SET n1 = chain_pairs.n1 + excluded.n1, n2 = chain_pairs.n2 + excluded.n2"
  );
}

/**
 * What the rows an ingest call marked (relinked, not yet unmarked) change in the cells: what they
 * count now less what they counted as they were linked before.
 */
export function pairsIngestSql(chain: Chain, tenant: string, dialect: Dialect, ingestId: string): SqlStatement {
  return statementOf(
    chain,
    tenant,
    dialect,
  )((c) => {
    const marked = c.rows(ingestId);
    return upsertSql(c, [...cellRows(marked, false), ...cellRows(marked, true)]);
  });
}

/**
 * The cells of a rebuilt chain's rows whose time is in `slice` (all of them without one), added
 * onto those of the slices before, while `current` holds.
 */
export function pairsBuildSql(
  chain: Chain,
  tenant: string,
  dialect: Dialect,
  current: (params: SqlParams) => string,
  slice: Slice | undefined,
): SqlStatement {
  return statementOf(
    chain,
    tenant,
    dialect,
  )((c, params) => upsertSql(c, cellRows([c.rows(), ...sliceSql("c.t", slice), current(params)].join(" AND "), false)));
}

/** Whether the cells serve a span's keys with two facts: longer than the day's links serve, up to a year. */
export const pairsServe = (span: { s: number; e: number }): boolean =>
  span.e - span.s > DAY_LINKS.max && span.e - span.s <= PAIRS_KEPT;

/**
 * The keys with two facts in each span (i, s, e) that the cells serve, as rows of count `v` (those
 * of a span add up): with sh its first whole hour, s1 and e1 its first and last UTC midnights,
 *
 *   R(s, e) = #{y : y.t in [s, sh), y.next < e, and y's next but one is not}
 *           + cells of u in [sh, s1) by hour and [s1, e1) by day, next before e1: n1 − n2
 *           + #{j : j.t in [e1, e), j.prev ≥ sh > j.prev2 (or none)}
 *
 * the cells the keys with two facts in [sh, e1); the first term those with two in the span but at
 * most one in [sh, e), whose last fact but one before e is in [s, sh) (rare: zones off UTC by part
 * of an hour); the last those with two in [sh, e) but at most one in [sh, e1), whose second fact at
 * or after sh is in [e1, e).
 */
export function pairsSelects(
  chain: Chain,
  spans: readonly { i: number; s: number; e: number }[],
  ctx: SpanContext,
): string[] {
  const c = new ChainSql(chain, ctx.tenantParam, ctx.params, ctx.dialect);
  const bounds = spans.map(({ i, s, e }) => ({
    i,
    s,
    e,
    sh: Math.ceil(s / HOUR) * HOUR,
    s1: Math.ceil(s / DAY) * DAY,
    e1: Math.floor(e / DAY) * DAY,
  }));
  const cells = bounds
    .flatMap(({ i, sh, s1, e1 }) => [
      { i, u: HOUR, a: sh / HOUR, x: s1 / HOUR, b: e1 / DAY },
      { i, u: DAY, a: s1 / DAY, x: e1 / DAY, b: e1 / DAY },
    ])
    .filter((row) => row.a < row.x);
  const first = bounds.filter((b) => b.s < b.sh).map(({ i, s, sh, e }) => ({ i, s, x: sh, e }));
  const second = bounds.filter((b) => b.e1 < b.e).map(({ i, sh, e1, e }) => ({ i, a: e1, e, s: sh }));
  const nextButOne = neighbourSql(ctx.dialect)("c.tenant_id", "c.chain", { k: "c.k", t: "c.t", id: "c.id" }, false, 1);
  const select = (rows: Record<string, number>[], test: string, summed?: { table: string; value: string }) =>
    rows.length
      ? [countSelect(ctx.index, c, test, ctx.spanTable(Object.keys(rows[0]!).slice(1), rows), undefined, summed)]
      : [];
  return [
    ...select(cells, "c.unit = w.u AND c.a >= w.a AND c.a < w.x AND c.b < w.b", {
      table: "chain_pairs",
      value: "c.n1 - c.n2",
    }),
    ...select(first, `c.t >= w.s AND c.t < w.x AND c.next_t < w.e AND COALESCE(${nextButOne}, w.e) >= w.e`),
    ...select(second, "c.t >= w.a AND c.t < w.e AND c.prev_t >= w.s AND (c.prev2_t IS NULL OR c.prev2_t < w.s)"),
  ];
}
