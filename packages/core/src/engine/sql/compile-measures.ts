// Compiles the measures of a query into one SQL statement. Time-zone work happens here, in
// TypeScript: every span's bounds (instants, local dates, day positions) are computed once and
// sent as a VALUES list, so the database compares plain numbers and never converts a row's time.
// Each measure is one SELECT joined to its spans; the statement is their UNION ALL, one row per
// (measure, span, group): r, wi, k, v (the aggregate) and n (the facts that contributed).
import type { Measure } from "../../definitions/definition.js";
import { parseExpr } from "../../expr/parse.js";
import { factModels, type QueryFact } from "../../facts/model.js";
import { datesIn, dayPosition, localDay } from "../../time/calendar.js";
import { shiftLocal, type Span } from "../../time/range.js";
import type { Aggregate, MeasureRequest, MeasureResults } from "../types.js";
import { historyPlan, type Plan } from "./active.js";
import { distinctSelect, eventSelect } from "./chain.js";
import { minus, type PlanContext, prefixSums } from "./prefix.js";
import type { Dialect } from "./dialect.js";
import { unionAll } from "./union.js";
import { closeSql, rollupDimension, rollupSelect, type Rollups, splitSpans } from "./rollup.js";
import { columnSql, keySql, type RowScope, rowSql, SqlParams, testSql } from "./row-sql.js";
import type { SqlStatement } from "./statement.js";

/** A statement and how its rows become each request's aggregates. */
export interface CompiledQuery extends SqlStatement {
  decode(rows: readonly Record<string, unknown>[]): MeasureResults;
}

type Bounds = Record<string, number>;

/** The spans' VALUES lists, shared by measures over the same spans (a ratio's two sides). */
class SpanTables {
  private readonly byBody = new Map<string, string>();

  /** A span table's name; each row is span `i` (its index unless it says), so a span may have several rows. */
  name(columns: string[], rows: Bounds[]): string {
    const values = rows.map((b, i) => `(${[b.i ?? i, ...columns.map((c) => b[c])].join(", ")})`).join(", ");
    const body = `(i, ${columns.join(", ")}) AS (VALUES ${values})`;
    let name = this.byBody.get(body);
    if (!name) this.byBody.set(body, (name = `w${this.byBody.size}`));
    return name;
  }

  sql(): string {
    return [...this.byBody].map(([body, name]) => `${name}${body}`).join(",\n  ");
  }
}

const and = (parts: string[]) => (parts.length ? parts.join(" AND ") : "TRUE");

/** What every request of a statement compiles against. */
interface CompileContext {
  tz: string;
  dialect: Dialect;
  params: SqlParams;
  tables: SpanTables;
  tenantParam: string;
  rollups: Rollups | undefined;
  /** Requests whose rows are not aggregates by span but the parts of a plan (active keys). */
  plans: Map<number, Plan>;
}

const planContext = (index: number, ctx: CompileContext): PlanContext => ({
  ...ctx,
  index,
  spanTable: (columns, rows) => ctx.tables.name(columns, rows),
});

/** The SELECT of one request, or several: the parts rollups answer and the part facts do. */
function measureSelect(r: MeasureRequest, index: number, ctx: CompileContext): string | string[] {
  const { tz, dialect, params, tables, tenantParam, rollups } = ctx;
  const m = r.measure;
  if (m.agg === "target") return targetSelect(m, r.spans, index, tz, dialect, params, tables, tenantParam);

  const model = factModels[m.fact as QueryFact];
  const scope: RowScope = { model, dialect, params, alias: "f" };
  const timeField = model.fields[m.time ?? model.time]!;
  const time = columnSql(scope, timeField.name);
  const where = m.where !== undefined ? parseExpr(m.where) : undefined;
  // Built where a SELECT uses them, not before: each binds parameters, and a statement whose
  // rollups answer it all must not carry the facts' parameters (SQLite refuses unused trailing ones).
  const value = () => ("field" in m ? rowSql(parseExpr(m.field), scope) : undefined);
  const key = () => (r.groupBy ? keySql(r.groupBy, scope) : "NULL");
  const groupKey = r.groupBy ? ", k" : "";
  const head = `SELECT ${index} AS r`;
  // `seek`: each span reads its facts through the (tenant, time) index, one range at a time. For the
  // few minutes at the edges of a range that rollups leave to the facts, PostgreSQL would otherwise
  // guess that a join on ranges keeps a third of the table and scan all of it.
  const from = (w: string, on: string, seek = false) => {
    const table = model.name === "orderLines" ? "orders" : model.table;
    const condition = `f.tenant_id = ${tenantParam} AND ${on}`;
    const facts = `${w} w ${seek ? dialect.seekJoin(table, "f", condition) : `JOIN ${table} f ON ${condition}`}`;
    return model.name === "orderLines"
      ? `${facts} JOIN order_lines l ON l.tenant_id = f.tenant_id AND l.order_id = f.id`
      : facts;
  };
  const spans = (cols: string[], bounds: (s: Span) => Bounds) => tables.name(cols, r.spans.map(bounds));
  const eventBounds = (s: Span): Bounds => {
    if (timeField.kind !== "date") return { s: s.start, e: s.end };
    const { from, to } = datesIn(tz, s.start, s.end);
    return { s: from, e: to };
  };

  const aggregate = () => {
    switch (m.agg) {
      case "count":
        return "count(*) AS v, count(*) AS n";
      case "sum":
      case "avg":
        return `sum(${value()}) AS v, count(${value()}) AS n`;
      case "count_distinct":
        return `count(DISTINCT ${value()}) AS v, count(DISTINCT ${value()}) AS n`;
    }
  };

  const on = `${time} >= w.s AND ${time} < w.e`;
  const factsSelect = (w: string, seek = false) =>
    `${head}, w.i AS wi, ${key()} AS k, ${aggregate()} FROM ${from(w, on, seek)} WHERE ${and(testSql(where, r.filters, scope))} GROUP BY w.i${groupKey}`;
  // The one dimension the request filters and splits by, if rollups (one per row) can answer it.
  const dim = rollupDimension(r.filters, r.groupBy);
  const rollup = rollups?.find(m);
  if (rollup && dim !== undefined && (timeField.kind === "timestamp" || timeField.kind === "date")) {
    const split = splitSpans(r.spans, timeField.kind, tz, dim);
    const edges = (w: string) =>
      rollup.event
        ? eventSelect(index, "first", rollup.event.chain, undefined, w, tenantParam, params, dialect, {
            filters: (s) => testSql(undefined, r.filters, s),
            key: r.groupBy && ((s) => keySql(r.groupBy!, s)),
          })
        : factsSelect(w, true);
    // Spans that overlap much (a rolling year by day) read each hour once: sums at their ends, differenced.
    const covered = r.spans.reduce((n, s) => n + (s.end - s.start), 0);
    const union = Math.max(...r.spans.map((s) => s.end)) - Math.min(...r.spans.map((s) => s.start));
    if (timeField.kind === "timestamp" && covered > 3 * union) {
      const prefix = prefixSums(
        [{ rollup, edges }],
        r.spans.flatMap((s) => [s.start, s.end]),
        planContext(index, ctx),
        { dim, filters: r.filters, grouped: !!r.groupBy, fromFirst: true },
      );
      ctx.plans.set(index, {
        selects: prefix.selects,
        decode(rows) {
          const sum = prefix.read(rows);
          return r.spans.map((s) => minus(sum(0, s.end), sum(0, s.start)));
        },
      });
      return prefix.selects;
    }
    const parts = [
      ...(split.facts.length ? [edges(tables.name(["s", "e"], split.facts))] : []),
      ...split.levels.flatMap((level) =>
        level.ranges.length
          ? [
              rollupSelect(
                index,
                rollup,
                level.dim,
                r.filters,
                !!r.groupBy,
                tables.name(["a", "b"], level.ranges),
                params,
                tenantParam,
                dialect,
              ),
            ]
          : [],
      ),
    ];
    if (parts.length) return parts;
  }

  if (m.agg === "first_seen") {
    const firsts = `SELECT f.*, row_number() OVER (PARTITION BY ${value()} ORDER BY ${time}, ${dialect.binaryText("f.id")}) AS rn FROM ${model.table} f WHERE ${and([`f.tenant_id = ${tenantParam}`, `${time} IS NOT NULL`, `${value()} IS NOT NULL`, ...testSql(where, [], scope)])}`;
    const w = spans(["s", "e"], eventBounds);
    return `${head}, w.i AS wi, ${key()} AS k, count(*) AS v, count(*) AS n FROM ${w} w JOIN (${firsts}) f ON f.rn = 1 AND ${time} >= w.s AND ${time} < w.e WHERE ${and(testSql(undefined, r.filters, scope))} GROUP BY w.i${groupKey}`;
  }

  const history = rollups?.history(m);
  const plan = history && historyPlan(r, history, planContext(index, ctx));
  if (plan) {
    ctx.plans.set(index, plan);
    return plan.selects;
  }
  const distinct =
    m.agg === "count_distinct" && (m.minRows ?? 2) === 2 && !r.filters.length && !r.groupBy
      ? history?.chain
      : undefined;
  if (distinct)
    return distinctSelect(
      index,
      distinct,
      m.agg === "count_distinct" && m.minRows === 2,
      spans(["s", "e"], eventBounds),
      tenantParam,
      params,
      dialect,
    );

  if (m.agg === "active") {
    const state = { start: "g.a = 1", end: "g.b = 1", retained: "g.a = 1 AND g.b = 1", lost: "g.a = 1 AND g.b = 0" }[
      m.state
    ];
    const w = spans(["a", "s", "b", "e"], (s) => ({
      a: shiftLocal(tz, s.start, { days: -m.days }),
      s: s.start,
      b: shiftLocal(tz, s.end, { days: -m.days }),
      e: s.end,
    }));
    const inner = `SELECT w.i AS wi, ${key()} AS k, ${value()} AS x, max(CASE WHEN ${time} < w.s THEN 1 ELSE 0 END) AS a, max(CASE WHEN ${time} >= w.b THEN 1 ELSE 0 END) AS b FROM ${from(w, `${time} >= w.a AND ${time} < w.e`)} WHERE ${and([...testSql(where, r.filters, scope), `${value()} IS NOT NULL`])} GROUP BY w.i, ${r.groupBy ? "k, " : ""}x`;
    return `${head}, g.wi, g.k, count(*) AS v, count(*) AS n FROM (${inner}) g WHERE ${state} GROUP BY g.wi, g.k`;
  }

  const kept = rollups?.snapshot(m);
  if (kept && dim !== undefined && "snapshot" in m && m.snapshot) {
    const instants = r.spans.map((s) => (m.snapshot!.at === "start" ? s.start : s.end));
    const closing = closeSql(m.time ?? model.time, m.snapshot.until ?? [], scope);
    // Facts that left the state in a span: their own time or one of `until` is in it (so indexes serve).
    const near = [timeField.name, ...(m.snapshot.until ?? [])]
      .map((u) => `(${columnSql(scope, u)} >= w.s AND ${columnSql(scope, u)} < w.e)`)
      .join(" OR ");
    const closed = (w: string) =>
      `${head}, w.i AS wi, ${key()} AS k, ${aggregate()} FROM ${from(w, `(${near})`)} WHERE ${and([closing.closed, `${closing.time} >= w.s`, `${closing.time} < w.e`, ...testSql(where, r.filters, scope)])} GROUP BY w.i${groupKey}`;
    const series = [
      { rollup: kept.open, edges: (w: string) => factsSelect(w, true) },
      ...(kept.close ? [{ rollup: kept.close, edges: closed }] : []),
    ];
    const prefix = prefixSums(series, instants, planContext(index, ctx), {
      dim,
      filters: r.filters,
      grouped: !!r.groupBy,
    });
    ctx.plans.set(index, {
      selects: prefix.selects,
      decode(rows) {
        const sum = prefix.read(rows);
        return instants.map((x) => minus(sum(0, x), kept.close ? sum(1, x) : new Map()));
      },
    });
    return prefix.selects;
  }

  if ("snapshot" in m && m.snapshot) {
    const { at, latestBy, until } = m.snapshot;
    const w = spans(["t"], (s) => ({ t: at === "start" ? s.start : s.end }));
    if (latestBy) {
      // Each key's latest fact before each instant, one seek in the (tenant, key, time, id) index;
      // a fact without a key has nothing to be the latest of. Ties on time go to the greater id.
      const keyColumn = model.fields[latestBy]!.column;
      const timeColumn = timeField.column;
      const picked = `SELECT w.i AS wi, (SELECT g.id FROM ${model.table} g WHERE g.tenant_id = ${tenantParam} AND g.${keyColumn} = k.v AND g.${timeColumn} < w.t ORDER BY g.${timeColumn} DESC, ${dialect.binaryText("g.id")} DESC LIMIT 1) AS id FROM ${w} w CROSS JOIN (SELECT DISTINCT ${keyColumn} AS v FROM ${model.table} WHERE tenant_id = ${tenantParam} AND ${keyColumn} IS NOT NULL) k`;
      return `${head}, p.wi, ${key()} AS k, ${aggregate()} FROM (${picked}) p JOIN ${model.table} f ON f.tenant_id = ${tenantParam} AND f.id = p.id WHERE ${and(testSql(where, r.filters, scope))} GROUP BY p.wi${groupKey}`;
    }
    const open = (until ?? []).map((u) => `(${columnSql(scope, u)} IS NULL OR ${columnSql(scope, u)} >= w.t)`);
    return `${head}, w.i AS wi, ${key()} AS k, ${aggregate()} FROM ${from(w, and([`${time} < w.t`, ...open]))} WHERE ${and(testSql(where, r.filters, scope))} GROUP BY w.i${groupKey}`;
  }

  const w = spans(["s", "e"], eventBounds);
  if (m.agg === "count_distinct" && m.minRows) {
    const inner = `SELECT w.i AS wi, ${key()} AS k, ${value()} AS x FROM ${from(w, on)} WHERE ${and([...testSql(where, r.filters, scope), `${value()} IS NOT NULL`])} GROUP BY w.i, ${r.groupBy ? "k, " : ""}x HAVING count(*) >= ${m.minRows}`;
    return `${head}, g.wi, g.k, count(*) AS v, count(*) AS n FROM (${inner}) g GROUP BY g.wi, g.k`;
  }
  return factsSelect(w);
}

function targetSelect(
  m: Extract<Measure, { agg: "target" }>,
  spans: readonly Span[],
  index: number,
  tz: string,
  dialect: Dialect,
  params: SqlParams,
  tables: SpanTables,
  tenantParam: string,
): string {
  const metric = params.add(m.metric);
  const base = `targets t ON t.tenant_id = ${tenantParam} AND t.metric = ${metric}`;
  if (m.mode === "at_start") {
    const w = tables.name(
      ["d"],
      spans.map((s) => ({ d: localDay(tz, s.start) })),
    );
    const ranked = `SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day DESC, ${dialect.binaryText("t.id")} DESC) AS rn FROM ${w} w JOIN ${base} AND t.start_day <= w.d AND t.end_day > w.d`;
    return `SELECT ${index} AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (${ranked}) g WHERE g.rn = 1`;
  }
  // Pro-rated by local days: each target contributes its value times the share of its days the span covers.
  const overlap = `(${dialect.least("w.e", "t.end_day")} - ${dialect.greatest("w.s", "t.start_day")})`;
  const w = tables.name(
    ["s", "e"],
    spans.map((s) => ({ s: dayPosition(tz, s.start), e: dayPosition(tz, s.end) })),
  );
  return `SELECT ${index} AS r, w.i AS wi, NULL AS k, sum(t.value * ${overlap} / (t.end_day - t.start_day)) AS v, count(*) AS n FROM ${w} w JOIN ${base} AND t.start_day < w.e AND t.end_day > w.s GROUP BY w.i`;
}

/** One statement computing every request; parameter 1 is the tenant. With `rollups`, measures read them where they can. */
export function compileMeasures(
  requests: readonly MeasureRequest[],
  tz: string,
  dialect: Dialect,
  tenant: string,
  rollups?: Rollups,
): CompiledQuery {
  const params = new SqlParams(dialect);
  const ctx: CompileContext = {
    tz,
    dialect,
    params,
    tables: new SpanTables(),
    tenantParam: params.add(tenant),
    rollups,
    plans: new Map(),
  };
  const selects = requests.flatMap((r, i) => measureSelect(r, i, ctx));
  const sql = `WITH ${ctx.tables.sql()}\n${unionAll(selects)}`;
  return { sql, params: params.values, decode: (rows) => decodeRows(rows, requests, ctx.plans) };
}

/**
 * Rows of a compiled statement back into per-request, per-span aggregates (a span read from
 * rollups and facts has a row from each); a planned request's rows go to its plan.
 */
function decodeRows(
  rows: readonly Record<string, unknown>[],
  requests: readonly MeasureRequest[],
  plans: ReadonlyMap<number, Plan>,
): MeasureResults {
  const out = requests.map((r) => r.spans.map(() => new Map<string | null, Aggregate>()));
  const planned = new Map([...plans.keys()].map((i) => [i, [] as Record<string, unknown>[]]));
  for (const row of rows) {
    const r = Number(row.r);
    const mine = planned.get(r);
    if (mine) {
      mine.push(row);
      continue;
    }
    const k = row.k === null || row.k === undefined ? null : String(row.k);
    const v = row.v === null || row.v === undefined ? 0 : Number(row.v);
    const n = Number(row.n ?? 0);
    const groups = out[r]![Number(row.wi)]!;
    const seen = groups.get(k);
    groups.set(k, seen ? { sum: seen.sum + v, count: seen.count + n } : { sum: v, count: n });
  }
  for (const [i, plan] of plans) out[i] = plan.decode(planned.get(i)!);
  return out;
}
