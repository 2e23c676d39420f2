// Compiles the measures of a query into one SQL statement. Time-zone work happens here, in
// TypeScript: every span's bounds (instants, local dates, day positions) are computed once and
// bound as tables of numbers (Dialect.rowsTable), so the database compares plain numbers and never
// converts a row's time.
// Each measure is one SELECT joined to its spans; the statement is their UNION ALL, one row per
// (measure, span, group): r, wi, k, v (the aggregate) and n (the facts that contributed).
import type { Measure } from "../../definitions/definition.js";
import { type Expr, parseExpr } from "../../expr/parse.js";
import { type FactModel, factModels, type FieldInfo, type QueryFact } from "../../facts/model.js";
import { datesIn, dayPosition, localDay } from "../../time/calendar.js";
import { shiftLocal, type Span } from "../../time/range.js";
import type { Aggregate, MeasureRequest, MeasureResults } from "../types.js";
import { historyPlan, type Plan } from "./active.js";
import { eventSelect } from "./chain.js";
import { GroupSums } from "./group-sums.js";
import { minus, type PlanContext, type PrefixSeries, prefixSums } from "./prefix.js";
import type { Dialect } from "./dialect.js";
import { unionAll } from "./union.js";
import { closeSql, lessSelect, type RollupReader, rollupDimension, splitSpans } from "./rollup.js";
import { RollupReads } from "./rollup-reads.js";
import { columnSql, keySql, type RowScope, rowSql, SqlParams, testSql } from "./row-sql.js";
import type { SqlStatement } from "./statement.js";

/**
 * A statement and how its rows become each request's aggregates: none when it read rollups that were
 * no longer current as it ran (another process's rebuild had begun clearing them).
 */
export interface CompiledQuery extends SqlStatement {
  decode(rows: readonly Record<string, unknown>[]): MeasureResults | undefined;
}

/**
 * The row (its `r`) that says whether the rollups a statement read were current in the snapshot it
 * read them in: a store learns of another's rebuild only when it next asks (at most a second
 * later), and meanwhile its queries would add up rows being cleared.
 */
const ROLLUPS_CURRENT = -1;

type Bounds = Record<string, number>;

/** The spans' tables (Dialect.rowsTable), shared by measures over the same spans (a ratio's two sides). */
class SpanTables {
  /** Each table's name and body, by its columns and rows. */
  private readonly tables = new Map<string, { name: string; body: string }>();

  constructor(
    private readonly dialect: Dialect,
    private readonly params: SqlParams,
  ) {}

  /** A span table's name; each row is span `i` (its index unless it says), so a span may have several rows. */
  name(columns: string[], rows: Bounds[]): string {
    const values = rows.map((b, i) => [b.i ?? i, ...columns.map((c) => b[c]!)]);
    const key = JSON.stringify([columns, values]);
    let table = this.tables.get(key);
    if (!table) {
      const body = this.dialect.rowsTable(["i", ...columns], values, (v) => this.params.add(v));
      this.tables.set(key, (table = { name: `w${this.tables.size}`, body }));
    }
    return table.name;
  }

  sql(): string {
    return [...this.tables.values()].map((t) => `${t.name}${t.body}`).join(",\n  ");
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
  rollups: RollupReader | undefined;
  reads: RollupReads;
  /** Requests whose rows are not aggregates by span but the parts of a plan (active keys). */
  plans: Map<number, Plan>;
}

const planContext = (index: number, ctx: CompileContext, now: number | undefined): PlanContext => ({
  ...ctx,
  index,
  now,
  spanTable: (columns, rows) => ctx.tables.name(columns, rows),
});

/**
 * What one request's SELECTs are built from: its measure, the fact's table and time, and pieces
 * that bind their parameters only when a SELECT uses them — a statement whose rollups answer it
 * all must not carry the facts' parameters (SQLite refuses unused trailing ones).
 */
class MeasureSql {
  readonly m: Exclude<Measure, { agg: "target" }>;
  readonly model: FactModel;
  readonly scope: RowScope;
  readonly timeField: FieldInfo;
  readonly time: string;
  readonly where: Expr | undefined;
  readonly head: string;
  readonly groupKey: string;
  /** Facts in the span, by their time. */
  readonly on: string;
  /** The one dimension the request filters and splits by, if rollups (one per row) can answer it. */
  readonly dim: string | undefined;

  constructor(
    readonly r: MeasureRequest,
    readonly index: number,
    readonly ctx: CompileContext,
  ) {
    this.m = r.measure as Exclude<Measure, { agg: "target" }>;
    this.model = factModels[this.m.fact as QueryFact];
    this.scope = { model: this.model, dialect: ctx.dialect, params: ctx.params, alias: "f" };
    this.timeField = this.model.fields[this.m.time ?? this.model.time]!;
    this.time = columnSql(this.scope, this.timeField.name);
    this.where = this.m.where !== undefined ? parseExpr(this.m.where) : undefined;
    this.head = `SELECT ${index} AS r`;
    this.groupKey = r.groupBy ? ", k" : "";
    this.on = `${this.time} >= w.s AND ${this.time} < w.e`;
    this.dim = rollupDimension(r.filters, r.groupBy);
  }

  value(): string | undefined {
    return "field" in this.m ? rowSql(parseExpr(this.m.field), this.scope) : undefined;
  }

  key(): string {
    return this.r.groupBy ? keySql(this.r.groupBy, this.scope) : "NULL";
  }

  /**
   * The spans joined to their facts. `seek`: each span reads its facts through the (tenant, time)
   * index, one range at a time. For the few minutes at the edges of a range that rollups leave to
   * the facts, PostgreSQL would otherwise guess that a join on ranges keeps a third of the table
   * and scan all of it. `scoped`: `on` names the tenant itself.
   */
  from(w: string, on: string, seek = false, scoped = false): string {
    const { model, ctx } = this;
    const table = model.name === "orderLines" ? "orders" : model.table;
    const condition = scoped ? on : `f.tenant_id = ${ctx.tenantParam} AND ${on}`;
    const join = (t: string, alias: string, c: string) =>
      seek ? ctx.dialect.seekJoin(t, alias, c) : `JOIN ${t} ${alias} ON ${c}`;
    const facts = `${w} w ${join(table, "f", condition)}`;
    // The lines too: PostgreSQL would otherwise hash all of them to join the few orders sought.
    return model.name === "orderLines"
      ? `${facts} ${join("order_lines", "l", "l.tenant_id = f.tenant_id AND l.order_id = f.id")}`
      : facts;
  }

  spans(columns: string[], bounds: (s: Span) => Bounds): string {
    return this.ctx.tables.name(columns, this.r.spans.map(bounds));
  }

  /** A span's bounds on the fact's time: instants, or for a date, local dates. */
  eventSpans(): string {
    return this.spans(["s", "e"], (s) => {
      if (this.timeField.kind !== "date") return { s: s.start, e: s.end };
      const { from, to } = datesIn(this.ctx.tz, s.start, s.end);
      return { s: from, e: to };
    });
  }

  aggregate(): string {
    switch (this.m.agg) {
      case "count":
        return "count(*) AS v, count(*) AS n";
      case "sum":
      case "avg":
        return `sum(${this.value()}) AS v, count(${this.value()}) AS n`;
      case "count_distinct":
        return `count(DISTINCT ${this.value()}) AS v, count(DISTINCT ${this.value()}) AS n`;
      default:
        return "";
    }
  }

  /** The measure's aggregate over each span's facts. */
  factsSelect(w: string, seek = false, only: readonly string[] = []): string {
    const { head, r, scope, where, groupKey } = this;
    // Each piece binds its parameters as it is built: the text's order is theirs.
    const select = `${head}, w.i AS wi, ${this.key()} AS k, ${this.aggregate()}`;
    const from = this.from(w, this.on, seek);
    const tests = and([...testSql(where, r.filters, scope), ...only]);
    return `${select} FROM ${from} WHERE ${tests} GROUP BY w.i${groupKey}`;
  }

  /** A request answered by plan rows rather than one aggregate per span. */
  plan(plan: Plan): string[] {
    this.ctx.plans.set(this.index, plan);
    return plan.selects;
  }
}

/** An additive measure (or new keys) read from rollups, with the facts at the spans' edges. */
function rolledUp(c: MeasureSql): string[] | undefined {
  const { r, m, index, ctx, timeField, dim } = c;
  const rollup = ctx.rollups?.find(m);
  if (!rollup || dim === undefined || (timeField.kind !== "timestamp" && timeField.kind !== "date")) return undefined;
  const split = splitSpans(r.spans, timeField.kind, ctx.tz, dim, rollup.days, r.now);
  const edges = (w: string) =>
    rollup.event
      ? eventSelect(index, "first", rollup.event.chain, undefined, w, ctx.tenantParam, ctx.params, ctx.dialect, {
          filters: (s) => testSql(undefined, r.filters, s),
          key: r.groupBy && ((s) => keySql(r.groupBy!, s)),
        })
      : c.factsSelect(w, true);
  // Spans that overlap much (a rolling year by day) read each hour once: sums at their ends, differenced.
  const covered = r.spans.reduce((n, s) => n + (s.end - s.start), 0);
  const union = Math.max(...r.spans.map((s) => s.end)) - Math.min(...r.spans.map((s) => s.start));
  if (timeField.kind === "timestamp" && covered > 3 * union) {
    const prefix = prefixSums(
      [{ rollup, edges }],
      r.spans.flatMap((s) => [s.start, s.end]),
      planContext(index, ctx, r.now),
      { dim, filters: r.filters, grouped: !!r.groupBy, fromFirst: true },
    );
    return c.plan({
      selects: prefix.selects,
      decode(rows) {
        const sum = prefix.read(rows);
        return r.spans.map((s) => minus(sum(0, s.end), sum(0, s.start)));
      },
    });
  }
  const levels = split.levels.filter((level) => level.ranges.length);
  if (!split.facts.length && !split.less.length && !levels.length) return undefined;
  for (const level of levels)
    ctx.reads.add(
      [{ index, rollup, offset: 0 }],
      level.dim,
      r.filters,
      !!r.groupBy,
      ctx.tables.name(["a", "b"], level.ranges),
    );
  return [
    ...(split.facts.length ? [edges(ctx.tables.name(["s", "e"], split.facts))] : []),
    ...(split.less.length ? [lessSelect(edges(ctx.tables.name(["s", "e"], split.less)))] : []),
  ];
}

/** Keys whose first fact falls in each span, from the facts (no history kept). */
function firstSeen(c: MeasureSql): string | undefined {
  const { m, ctx, scope, time, head, groupKey, r } = c;
  if (m.agg !== "first_seen") return undefined;
  const rank =
    `row_number() OVER (PARTITION BY ${c.value()} ORDER BY ${time}, ` + `${ctx.dialect.binaryText("f.id")}) AS rn`;
  const tests = [`f.tenant_id = ${ctx.tenantParam}`, `${time} IS NOT NULL`, `${c.value()} IS NOT NULL`];
  const firsts = `SELECT f.*, ${rank} FROM ${c.model.table} f WHERE ${and([...tests, ...testSql(c.where, [], scope)])}`;
  const w = c.eventSpans();
  return (
    `${head}, w.i AS wi, ${c.key()} AS k, count(*) AS v, count(*) AS n FROM ${w} w JOIN (${firsts}) f ` +
    `ON f.rn = 1 AND ${time} >= w.s AND ${time} < w.e WHERE ${and(testSql(undefined, r.filters, scope))} ` +
    `GROUP BY w.i${groupKey}`
  );
}

/** Activity and distinct keys read from a key history kept at ingest. */
function fromHistory(c: MeasureSql): string[] | undefined {
  const { r, index, ctx } = c;
  const history = ctx.rollups?.history(r.measure);
  const plan = history && historyPlan(r, history, planContext(index, ctx, r.now));
  return plan && c.plan(plan);
}

/** Keys active before a span's window, at its end, or both, from the facts. */
function active(c: MeasureSql): string | undefined {
  const { m, ctx, time, head, r, scope } = c;
  if (m.agg !== "active") return undefined;
  const states = { start: "g.a = 1", end: "g.b = 1", retained: "g.a = 1 AND g.b = 1", lost: "g.a = 1 AND g.b = 0" };
  const w = c.spans(["a", "s", "b", "e"], (s) => ({
    a: shiftLocal(ctx.tz, s.start, { days: -m.days }),
    s: s.start,
    b: shiftLocal(ctx.tz, s.end, { days: -m.days }),
    e: s.end,
  }));
  const before = `max(CASE WHEN ${time} < w.s THEN 1 ELSE 0 END) AS a`;
  const flags = `${before}, max(CASE WHEN ${time} >= w.b THEN 1 ELSE 0 END) AS b`;
  const select = `SELECT w.i AS wi, ${c.key()} AS k, ${c.value()} AS x, ${flags}`;
  const from = c.from(w, `${time} >= w.a AND ${time} < w.e`);
  const tests = and([...testSql(c.where, r.filters, scope), `${c.value()} IS NOT NULL`]);
  const inner = `${select} FROM ${from} WHERE ${tests} GROUP BY w.i, ${r.groupBy ? "k, " : ""}x`;
  return (
    `${head}, g.wi, g.k, count(*) AS v, count(*) AS n FROM (${inner}) g WHERE ${states[m.state]} GROUP ` +
    `BY g.wi, g.k`
  );
}

/** A snapshot of additive facts from rollups: what opened before each instant less what closed. */
function keptSnapshot(c: MeasureSql): string[] | undefined {
  const { m, r, ctx, dim, model, scope, timeField, head, groupKey } = c;
  const kept = ctx.rollups?.snapshot(m);
  if (!kept || dim === undefined || !("snapshot" in m) || !m.snapshot) return undefined;
  const { snapshot } = m;
  const instants = r.spans.map((s) => (snapshot.at === "start" ? s.start : s.end));
  const closing = closeSql(m.time ?? model.time, snapshot.until ?? [], scope);
  // Facts that left the state in a span: their own time or one of `until` is in it. Each term
  // names the tenant, so that SQLite seeks each one's index (a multi-index OR) for each span's few
  // minutes; with the tenant outside the OR, it read all of the tenant's facts (queued tickets at
  // 1 M orders: 56 -> 7 ms).
  const near = [timeField.name, ...(snapshot.until ?? [])]
    .map((u) => `(f.tenant_id = ${ctx.tenantParam} AND ${columnSql(scope, u)} >= w.s AND ${columnSql(scope, u)} < w.e)`)
    .join(" OR ");
  const closed = (w: string) => {
    const select = `${head}, w.i AS wi, ${c.key()} AS k, ${c.aggregate()} FROM ${c.from(w, `(${near})`, true, true)}`;
    const inSpan = [closing.closed, `${closing.time} >= w.s`, `${closing.time} < w.e`];
    return `${select} WHERE ${and([...inSpan, ...testSql(c.where, r.filters, scope)])} GROUP BY w.i${groupKey}`;
  };
  return openLessClosed(
    c,
    instants,
    { rollup: kept.open, edges: (w: string) => c.factsSelect(w, true) },
    kept.close && { rollup: kept.close, edges: closed },
  );
}

/**
 * Each key's latest fact at each instant (stock per SKU) from its history's rollups: the facts
 * held before it less those superseded before it. At the edges of spans, the facts of the minutes
 * rollups leave: those held then, and for those that came then, the fact each superseded.
 */
function keptLatest(c: MeasureSql): string[] | undefined {
  const { m, r, ctx, dim, model, scope, timeField, head, groupKey } = c;
  if (!("snapshot" in m) || !m.snapshot?.latestBy || dim === undefined) return undefined;
  const kept = ctx.rollups?.latest(m);
  if (!kept) return undefined;
  const { at, latestBy } = m.snapshot;
  const { tenantParam, dialect } = ctx;
  const key = model.fields[latestBy]!.column;
  const time = timeField.column;
  const table = model.table;
  const instants = r.spans.map((s) => (at === "start" ? s.start : s.end));
  const superseded = (w: string) => {
    const next = `g.tenant_id = ${tenantParam} AND g.${time} >= w.s AND g.${time} < w.e`;
    // The level each one superseded: its SKU's before it, ties on time going by id (as the history).
    const [pid, gid] = [dialect.binaryText("p.id"), dialect.binaryText("g.id")];
    const earlier = `p.${time} < g.${time} OR (p.${time} = g.${time} AND ${pid} < ${gid})`;
    const same = `p.tenant_id = ${tenantParam} AND p.${key} = g.${key}`;
    const latest = `ORDER BY p.${time} DESC, ${pid} DESC LIMIT 1`;
    const before = `SELECT p.id FROM ${table} p WHERE ${same} AND (${earlier}) ${latest}`;
    const select = `${head}, w.i AS wi, ${c.key()} AS k, ${c.aggregate()}`;
    const seek = dialect.seekJoin(table, "g", next);
    const from = `${w} w ${seek} JOIN ${table} f ON f.tenant_id = ${tenantParam} AND f.id = (${before})`;
    const tests = and([`g.${key} IS NOT NULL`, ...testSql(c.where, r.filters, scope)]);
    return `${select} FROM ${from} WHERE ${tests} GROUP BY w.i${groupKey}`;
  };
  return openLessClosed(
    c,
    instants,
    { rollup: kept.held, edges: (w: string) => c.factsSelect(w, true, [`f.${key} IS NOT NULL`]) },
    { rollup: kept.superseded, edges: superseded },
  );
}

/** A snapshot at each instant as a prefix sum of what opened less one of what closed (if anything does). */
function openLessClosed(
  c: MeasureSql,
  instants: readonly number[],
  open: PrefixSeries,
  close: PrefixSeries | undefined,
) {
  const { r, dim, index, ctx } = c;
  const prefix = prefixSums([open, ...(close ? [close] : [])], instants, planContext(index, ctx, r.now), {
    dim,
    filters: r.filters,
    grouped: !!r.groupBy,
  });
  return c.plan({
    selects: prefix.selects,
    decode(rows) {
      const sum = prefix.read(rows);
      return instants.map((x) => minus(sum(0, x), close ? sum(1, x) : new Map()));
    },
  });
}

/** A snapshot from the facts: each key's latest fact before each instant, or the facts open then. */
function snapshot(c: MeasureSql): string | undefined {
  const { m, ctx, model, timeField, time, head, groupKey, r, scope } = c;
  if (!("snapshot" in m) || !m.snapshot) return undefined;
  const { at, latestBy, until } = m.snapshot;
  const w = c.spans(["t"], (s) => ({ t: at === "start" ? s.start : s.end }));
  const tests = () => and(testSql(c.where, r.filters, scope));
  if (latestBy) {
    // Each key's latest fact before each instant, one seek in the (tenant, key, time, id) index;
    // a fact without a key has nothing to be the latest of. Ties on time go to the greater id.
    const { tenantParam, dialect } = ctx;
    const keyColumn = model.fields[latestBy]!.column;
    const timeColumn = timeField.column;
    const keys =
      `SELECT DISTINCT ${keyColumn} AS v FROM ${model.table} WHERE tenant_id = ${tenantParam} AND ` +
      `${keyColumn} IS NOT NULL`;
    const latest =
      `SELECT g.id FROM ${model.table} g WHERE g.tenant_id = ${tenantParam} AND g.${keyColumn} ` +
      `= k.v AND g.${timeColumn} < w.t ORDER BY g.${timeColumn} DESC, ${dialect.binaryText("g.id")} DESC ` +
      `LIMIT 1`;
    const picked = `SELECT w.i AS wi, (${latest}) AS id FROM ${w} w CROSS JOIN (${keys}) k${dialect.fence}`;
    const select = `${head}, p.wi, ${c.key()} AS k, ${c.aggregate()}`;
    const from = `(${picked}) p JOIN ${model.table} f ON f.tenant_id = ${tenantParam} AND f.id = p.id`;
    return `${select} FROM ${from} WHERE ${tests()} GROUP BY p.wi${groupKey}`;
  }
  const open = (until ?? []).map((u) => `(${columnSql(scope, u)} IS NULL OR ${columnSql(scope, u)} >= w.t)`);
  const select = `${head}, w.i AS wi, ${c.key()} AS k, ${c.aggregate()}`;
  const from = c.from(w, and([`${time} < w.t`, ...open]));
  return `${select} FROM ${from} WHERE ${tests()} GROUP BY w.i${groupKey}`;
}

/** Keys with at least `minRows` facts in each span (repeat customers), from the facts. */
function distinctAtLeast(c: MeasureSql): string | undefined {
  const { m, head, r, scope } = c;
  if (m.agg !== "count_distinct" || !m.minRows) return undefined;
  const w = c.eventSpans();
  const select = `SELECT w.i AS wi, ${c.key()} AS k, ${c.value()} AS x FROM ${c.from(w, c.on)}`;
  const tests = and([...testSql(c.where, r.filters, scope), `${c.value()} IS NOT NULL`]);
  const inner = `${select} WHERE ${tests} GROUP BY w.i, ${r.groupBy ? "k, " : ""}x HAVING count(*) >= ${m.minRows}`;
  return `${head}, g.wi, g.k, count(*) AS v, count(*) AS n FROM (${inner}) g GROUP BY g.wi, g.k`;
}

/** The SELECT of one request, or several: the parts rollups answer and the part facts do. */
function measureSelect(r: MeasureRequest, index: number, ctx: CompileContext): string | string[] {
  const m = r.measure;
  if (m.agg === "target") return targetSelect(m, r.spans, index, ctx);
  const c = new MeasureSql(r, index, ctx);
  return (
    rolledUp(c) ??
    firstSeen(c) ??
    fromHistory(c) ??
    active(c) ??
    keptSnapshot(c) ??
    keptLatest(c) ??
    snapshot(c) ??
    distinctAtLeast(c) ??
    c.factsSelect(c.eventSpans())
  );
}

/** A target's value for each span: the one in force at its start, or targets pro-rated by the days it covers. */
function targetSelect(
  m: Extract<Measure, { agg: "target" }>,
  spans: readonly Span[],
  index: number,
  { tz, dialect, params, tables, tenantParam }: CompileContext,
): string {
  const metric = params.add(m.metric);
  const base = `targets t ON t.tenant_id = ${tenantParam} AND t.metric = ${metric}`;
  if (m.mode === "at_start") {
    const w = tables.name(
      ["d"],
      spans.map((s) => ({ d: localDay(tz, s.start) })),
    );
    const ranked =
      `SELECT w.i AS wi, t.value, row_number() OVER (PARTITION BY w.i ORDER BY t.start_day ` +
      `DESC, ${dialect.binaryText("t.id")} DESC) AS rn FROM ${w} w JOIN ${base} AND t.start_day <= w.d AND ` +
      `t.end_day > w.d`;
    return `SELECT ${index} AS r, g.wi, NULL AS k, g.value AS v, 1 AS n FROM (${ranked}) g WHERE g.rn = 1`;
  }
  // Pro-rated by local days: each target contributes its value times the share of its days the span covers.
  const overlap = `(${dialect.least("w.e", "t.end_day")} - ${dialect.greatest("w.s", "t.start_day")})`;
  const w = tables.name(
    ["s", "e"],
    spans.map((s) => ({ s: dayPosition(tz, s.start), e: dayPosition(tz, s.end) })),
  );
  return (
    `SELECT ${index} AS r, w.i AS wi, NULL AS k, sum(t.value * ${overlap} / (t.end_day - t.start_day)) ` +
    `AS v, count(*) AS n FROM ${w} w JOIN ${base} AND t.start_day < w.e AND t.end_day > w.s GROUP BY w.i`
  );
}

/**
 * One statement computing every request; parameter 1 is the tenant. With `rollups`, measures read
 * them where they can.
 */
export function compileMeasures(
  requests: readonly MeasureRequest[],
  tz: string,
  dialect: Dialect,
  tenant: string,
  rollups?: RollupReader,
): CompiledQuery {
  const params = new SqlParams(dialect);
  const tables = new SpanTables(dialect, params);
  const tenantParam = params.add(tenant);
  const ctx: CompileContext = {
    tz,
    dialect,
    params,
    tables,
    tenantParam,
    rollups,
    reads: new RollupReads(params, tenantParam, dialect, (columns, rows) => tables.name(columns, rows)),
    plans: new Map(),
  };
  const selects = [...requests.flatMap((r, i) => measureSelect(r, i, ctx)), ...ctx.reads.selects()];
  if (rollups)
    selects.push(
      `SELECT ${ROLLUPS_CURRENT} AS r, 0 AS wi, NULL AS k, CASE WHEN ` +
        `${rollups.currentSql(tenantParam, params)} THEN 1 ELSE 0 END AS v, 0 AS n`,
    );
  const sql = `WITH ${ctx.tables.sql()}\n${unionAll(selects)}`;
  return { sql, params: params.values, decode: (rows) => decodeRows(rows, requests, ctx.plans) };
}

/**
 * Rows of a compiled statement back into per-request, per-span aggregates (a span read from
 * rollups and facts has a row from each); a planned request's rows go to its plan. None when the
 * rollups were not current.
 */
function decodeRows(
  rows: readonly Record<string, unknown>[],
  requests: readonly MeasureRequest[],
  plans: ReadonlyMap<number, Plan>,
): MeasureResults | undefined {
  const out = requests.map((r) => r.spans.map(() => new Map<string | null, Aggregate>()));
  const planned = new Map([...plans.keys()].map((i) => [i, [] as Record<string, unknown>[]]));
  const adder = new GroupSums();
  for (const row of rows) {
    const r = Number(row.r);
    if (r === ROLLUPS_CURRENT) {
      if (Number(row.v) !== 1) return undefined;
      continue;
    }
    const mine = planned.get(r);
    if (mine) {
      mine.push(row);
      continue;
    }
    adder.addRow(out[r]![Number(row.wi)]!, row);
  }
  adder.settle();
  for (const [i, plan] of plans) out[i] = plan.decode(planned.get(i)!);
  return out;
}
