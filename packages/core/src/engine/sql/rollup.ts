// Incremental rollups: every additive measure of the catalog (a count, a sum, the two halves of a
// mean, placed in time by a timestamp or a date) kept per tenant, UTC hour (or, for a date, day)
// and dimension value, so that a dashboard's query sums a few thousand rollup rows instead of
// scanning every order. Hours rather than local days: one rollup then serves every time zone. The
// totals are also kept by quarter hour, so the part of a span that is not whole hours (a range
// ending now, a zone 30 or 45 minutes off UTC) reads quarter hours, and only the minutes after the
// last whole quarter (at most 15 of them at each end) read the facts. A rollup row keeps one dimension's value (or none: the total), so a query
// that filters or splits by one dimension reads it; one that combines two reads the facts.
// Distinct counts, first-seen and activity measures and snapshots are not additive across hours
// and always read the facts, so they stay exact.
import type { MetricRegistry } from "../../definitions/registry.js";
import type { Measure } from "../../definitions/schema.js";
import { parseExpr } from "../../expr/parse.js";
import { type DimensionBinding, dimensions, factModels, type QueryFact } from "../../facts/model.js";
import type { FactName } from "../../facts/schemas.js";
import { hash53 } from "../../hash.js";
import { datesIn } from "../../time/calendar.js";
import type { Span } from "../../time/range.js";
import type { FilterBinding } from "../types.js";
import type { CompiledSql } from "./compile.js";
import type { Dialect } from "./dialect.js";
import { columnSql, keySql, type RowScope, rowSql, SqlParams, testSql } from "./row.js";
import { unionAll } from "./union.js";

const HOUR = 3_600_000;
const QUARTER = 900_000;
/** The `dim` of the quarter-hour totals (dimension fields are identifiers, so it names none of them). */
const QUARTER_TOTAL = ":15";

/** Bump when what a rollup row holds changes: every tenant's rollups are then stale until rebuilt. */
const FORMAT = 2;

/** An additive measure as the rollups keep it: `field` is summed (and its values counted), or without one, facts are counted. */
export interface RollupMeasure {
  /** A short name for the measure's definition, the `measure` column of the rollups table. */
  id: string;
  fact: QueryFact;
  time: string;
  where: string | undefined;
  field: string | undefined;
}

/**
 * Which part of each span the rollups answer and which the facts must: `i` is the span's index,
 * `a` and `b` bound a range of buckets, one list per level (hours, then quarter hours).
 */
export interface SpanSplit {
  levels: { dim: string; ranges: { i: number; a: number; b: number }[] }[];
  facts: { i: number; s: number; e: number }[];
}

function rollupOf(m: Measure): Omit<RollupMeasure, "id"> | undefined {
  if (m.agg !== "count" && m.agg !== "sum" && m.agg !== "avg") return undefined;
  if (m.snapshot) return undefined;
  const fact = m.fact as QueryFact;
  return { fact, time: m.time ?? factModels[fact].time, where: m.where, field: m.agg === "count" ? undefined : m.field };
}

const signature = (r: Omit<RollupMeasure, "id">) => JSON.stringify([r.fact, r.time, r.where ?? null, r.field ?? null]);

/** The dimensions a fact's rollups are kept by: the field each reads (its name in the `dim` column) and how. */
function dimensionsOf(fact: QueryFact): DimensionBinding[] {
  const bindings = new Map<string, DimensionBinding>();
  for (const byFact of Object.values(dimensions)) {
    const b = byFact[fact];
    if (b) bindings.set(b.field, b);
  }
  return [...bindings.values()];
}

/** The set of measures kept as rollups: those of every KPI of a registry (the built-in catalog). */
export class Rollups {
  private readonly bySignature = new Map<string, RollupMeasure>();
  /** Changes whenever the set of measures does: a tenant's rollups built for another version are not read. */
  readonly version: string;

  private constructor(measures: Iterable<Omit<RollupMeasure, "id">>) {
    for (const m of measures) {
      const key = signature(m);
      if (!this.bySignature.has(key)) this.bySignature.set(key, { ...m, id: hash53(key) });
    }
    this.version = `${FORMAT}.${hash53([...this.bySignature.keys()].sort().join("\n"))}`;
  }

  static of(registry: MetricRegistry): Rollups {
    const measures = registry.all().flatMap((metric) => Object.values(metric.formula.measures).flatMap((m) => rollupOf(m) ?? []));
    return new Rollups(measures);
  }

  get measures(): RollupMeasure[] {
    return [...this.bySignature.values()];
  }

  /** The rollup that answers a measure, if one does. */
  find(m: Measure): RollupMeasure | undefined {
    const r = rollupOf(m);
    return r && this.bySignature.get(signature(r));
  }

  /** The rollups a batch of this fact adds to (orders also carry their lines). */
  fedBy(fact: FactName): RollupMeasure[] {
    return this.measures.filter((m) => m.fact === fact || (fact === "orders" && m.fact === "orderLines"));
  }
}

/**
 * The one dimension a request's filters and split are on, `""` for none, or undefined when they
 * are on two (the rollups keep one dimension per row, so such a request reads the facts).
 */
export function rollupDimension(filters: readonly FilterBinding[], groupBy: DimensionBinding | undefined): string | undefined {
  const fields = new Set([...filters.map((f) => f.binding.field), ...(groupBy ? [groupBy.field] : [])]);
  return fields.size > 1 ? undefined : ([...fields][0] ?? "");
}

/**
 * Splits spans into what each rollup level answers and the rest, read from facts: for a
 * date-placed measure, the span's dates; otherwise its whole hours (rows of `dim`), then for a
 * total the whole quarter hours left at its ends.
 */
export function splitSpans(spans: readonly Span[], kind: "timestamp" | "date", tz: string, dim: string): SpanSplit {
  if (kind === "date") {
    const ranges = spans.flatMap((span, i) => {
      const { from, to } = datesIn(tz, span.start, span.end);
      return from < to ? [{ i, a: from, b: to }] : [];
    });
    return { levels: [{ dim, ranges }], facts: [] };
  }
  const units = dim === "" ? [[HOUR, dim], [QUARTER, QUARTER_TOTAL]] as const : [[HOUR, dim]] as const;
  const out: SpanSplit = { levels: units.map(([, d]) => ({ dim: d, ranges: [] })), facts: [] };
  spans.forEach((span, i) => {
    let pieces: [number, number][] = [[span.start, span.end]];
    units.forEach(([unit], level) => {
      const left: [number, number][] = [];
      for (const [s, e] of pieces) {
        const a = Math.ceil(s / unit);
        const b = Math.floor(e / unit);
        if (a >= b) {
          left.push([s, e]);
          continue;
        }
        out.levels[level]!.ranges.push({ i, a, b });
        if (s < a * unit) left.push([s, a * unit]);
        if (b * unit < e) left.push([b * unit, e]);
      }
      pieces = left;
    });
    for (const [s, e] of pieces) out.facts.push({ i, s, e });
  });
  return out;
}

/** The part of a compiled query that reads a rollup: one row per (span, group) as the fact SELECTs give. */
export function rollupSelect(
  index: number,
  rollup: RollupMeasure,
  dim: string,
  filters: readonly FilterBinding[],
  grouped: boolean,
  spanTable: string,
  params: SqlParams,
  tenantParam: string,
  dialect: Dialect,
): string {
  // Filters are ANDed, as on the facts: a value passes if every filter lists it.
  const [first, ...others] = filters.map((f) => new Set(f.values));
  const values = first && [...first].filter((v) => others.every((o) => o.has(v)));
  const conditions = [
    `ro.tenant_id = ${tenantParam}`,
    `ro.measure = ${params.add(rollup.id)}`,
    `ro.dim = ${params.add(dim)}`,
    ...(values === undefined ? [] : [values.length ? `ro.value IN (${values.map((v) => params.add(v)).join(", ")})` : "FALSE"]),
    "ro.bucket >= w.a",
    "ro.bucket < w.b",
  ];
  const key = grouped ? "NULLIF(ro.value, '')" : "NULL";
  return `SELECT ${index} AS r, w.i AS wi, ${key} AS k, sum(ro.v) AS v, sum(ro.n) AS n FROM ${spanTable} w ${dialect.seekJoin("rollups", "ro", conditions.join(" AND "))} GROUP BY w.i${grouped ? ", k" : ""}`;
}

/**
 * Which facts a rollup statement reads: all of a tenant's, or those one ingest call inserted, and
 * only while the tenant's rollups are current for `version` (stale ones wait for a rebuild; the
 * database says which, so that every process sharing it agrees).
 */
export type RollupScope = { all: true } | { all: false; ids: readonly string[]; ingestId: string; version: string };

/**
 * Adds the facts in scope to a rollup: per bucket, the total and each dimension value, upserted
 * onto what the rollup holds. A fact's bucket is its time's hour (UTC) or its date's day; the
 * quarter-hour totals' is its time's quarter hour.
 */
export function rollupBuildSql(rollup: RollupMeasure, tenant: string, dialect: Dialect, scope: RollupScope): CompiledSql {
  const params = new SqlParams(dialect);
  const tenantParam = params.add(tenant);
  const model = factModels[rollup.fact];
  const rowScope: RowScope = { model, dialect, params, alias: "f" };
  const timeField = model.fields[rollup.time]!;
  const time = columnSql(rowScope, timeField.name);
  const floorDiv = (unit: number) => `(${time} / ${unit} - CASE WHEN ${time} < 0 AND ${time} % ${unit} <> 0 THEN 1 ELSE 0 END)`;
  const dated = timeField.kind === "date";
  const value = rollup.field === undefined ? "NULL" : rowSql(parseExpr(rollup.field), rowScope);
  const aggregate = rollup.field === undefined ? "count(*) AS v, count(*) AS n" : "coalesce(sum(x), 0) AS v, count(x) AS n";
  const bindings = dimensionsOf(rollup.fact);
  const table = rollup.fact === "orderLines" ? "orders" : model.table;
  const scoped = scope.all ? { from: `${table} f`, where: "TRUE" } : dialect.byIds(table, params.add(JSON.stringify(scope.ids)));
  const from = rollup.fact === "orderLines" ? `${scoped.from} JOIN order_lines l ON l.tenant_id = f.tenant_id AND l.order_id = f.id` : scoped.from;
  const where = [
    `f.tenant_id = ${tenantParam}`,
    ...(scope.all
      ? []
      : [
          scoped.where,
          `f.ingest_id = ${params.add(scope.ingestId)}`,
          `EXISTS (SELECT 1 FROM rollup_versions rv WHERE rv.tenant_id = ${tenantParam} AND rv.version = ${params.add(scope.version)})`,
        ]),
    `${time} IS NOT NULL`,
    ...testSql(rollup.where === undefined ? undefined : parseExpr(rollup.where), [], rowScope),
  ].join(" AND ");
  const keys = bindings.map((b, i) => `, ${keySql(b, rowScope)} AS k${i}`).join("");
  // Each fact's bucket, value and dimension values, computed once for the total and every dimension.
  const facts = `s AS MATERIALIZED (SELECT ${dated ? time : floorDiv(HOUR)} AS b, ${dated ? "NULL" : floorDiv(QUARTER)} AS q, ${value} AS x${keys} FROM ${from} WHERE ${where})`;
  const measure = params.add(rollup.id);
  const text = (sql: string) => `CAST(${sql} AS ${dialect.types.text})`;
  const groups = [
    `SELECT ${text("''")} AS d, ${text("''")} AS y, b, ${aggregate} FROM s GROUP BY b`,
    ...(dated ? [] : [`SELECT ${text(params.add(QUARTER_TOTAL))} AS d, ${text("''")} AS y, q AS b, ${aggregate} FROM s GROUP BY q`]),
    ...bindings.map((b, i) => `SELECT ${text(params.add(b.field))} AS d, COALESCE(k${i}, '') AS y, b, ${aggregate} FROM s GROUP BY b, k${i}`),
  ];
  // Ingests running side by side upsert their rows in the key's order, so that on PostgreSQL none
  // waits for a row another holds while holding one that other waits for (a deadlock). A rebuild
  // locks the table first and needs no order. SQLite reads "ON CONFLICT" after a bare SELECT as a
  // join's ON; the WHERE settles it.
  const order = scope.all ? "" : " ORDER BY d, b, y";
  const sql = `WITH ${facts} INSERT INTO rollups (tenant_id, measure, dim, value, bucket, v, n) SELECT ${tenantParam}, ${measure}, d, y, b, v, n FROM (${unionAll(groups, " UNION ALL ")}) u WHERE TRUE${order} ON CONFLICT (tenant_id, measure, dim, bucket, value) DO UPDATE SET v = rollups.v + excluded.v, n = rollups.n + excluded.n`;
  return { sql, params: params.values };
}

/** Every statement that rebuilds a tenant's rollups from its facts and marks them current. */
export function rebuildRollupsSql(rollups: Rollups, tenant: string, dialect: Dialect): CompiledSql[] {
  const p = dialect.param;
  return [
    ...dialect.rebuildLock.map((sql) => ({ sql, params: [] })),
    { sql: `DELETE FROM rollups WHERE tenant_id = ${p(1)}`, params: [tenant] },
    ...rollups.measures.map((m) => rollupBuildSql(m, tenant, dialect, { all: true })),
    {
      sql: `INSERT INTO rollup_versions (tenant_id, version) VALUES (${p(1)}, ${p(2)}) ON CONFLICT (tenant_id) DO UPDATE SET version = excluded.version`,
      params: [tenant, rollups.version],
    },
  ];
}

/** The tenants whose rollups were built for this set of measures (parameter 1: its version). */
export function currentRollupsSql(dialect: Dialect): string {
  return `SELECT tenant_id FROM rollup_versions WHERE version = ${dialect.param(1)}`;
}
