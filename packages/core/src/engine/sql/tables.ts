// The tables facts are stored in, per dialect, and how a validated fact becomes rows. Stores
// (the API's SQLite, D1 and PostgreSQL) create these tables and insert through these functions,
// so the SQL engine and the data always agree on names and encodings.
import { factModels, type FactModel } from "../../facts/model.js";
import { type FactName, factNames, type FactRecord } from "../../facts/schemas.js";
import { parseIsoDate } from "../../time/calendar.js";
import { chainTableSpecs } from "./chain.js";
import { pairsTableSpec } from "./pairs.js";
import { SLOTS } from "./rollup.js";
import type { SqlStatement } from "./statement.js";
import type { Dialect } from "./dialect.js";

export interface TableSpec {
  name: string;
  columns: { name: string; type: string; nullable: boolean }[];
  primaryKey: string[];
  /**
   * Each index's columns; `where` makes it partial (it lists only the rows that meet it), `include`
   * keeps more columns in it for reads from it alone (where the dialect can: Dialect.includes), and
   * `name` names it where another has its columns.
   */
  indexes: (string[] | { columns: string[]; where?: string; include?: string[]; name?: string })[];
}

/** Timestamps that place facts in periods (each fact's own, and those catalog KPIs measure by). */
const TIME_INDEXES: Partial<Record<FactName, string[]>> = {
  orders: ["shippedAt", "deliveredAt"],
  tickets: ["resolvedAt", "assignedAt"],
  refunds: ["completedAt"],
};

/** Lookups of a key's latest fact before an instant (stock snapshots). */
const KEY_TIME_INDEXES: Partial<Record<FactName, string[]>> = {
  inventory: ["sku", "at", "id"],
};

function columnType(dialect: Dialect, kind: string): string {
  switch (kind) {
    case "number":
      return dialect.types.real;
    case "boolean":
      return dialect.types.boolean;
    case "timestamp":
      return dialect.types.bigint;
    case "date":
      return dialect.types.integer;
    default:
      return dialect.types.text;
  }
}

/**
 * The ingest call that inserted a row: rollups add exactly the rows one call inserted, never a
 * re-sent fact that an earlier call stored (and whose row keeps that call's id).
 */
const INGEST_ID = "ingest_id";

function specOf(model: FactModel, fact: FactName, dialect: Dialect): TableSpec {
  const own = Object.values(model.fields).filter((f) => !f.onParent);
  const timeFields = [model.time, ...(TIME_INDEXES[fact] ?? [])];
  return {
    name: model.table,
    columns: [
      { name: "tenant_id", type: dialect.types.text, nullable: false },
      ...own.map((f) => ({ name: f.column, type: columnType(dialect, f.kind), nullable: f.nullable })),
      ...(fact === "targets" ? [] : [{ name: INGEST_ID, type: dialect.types.text, nullable: true }]),
    ],
    primaryKey: ["tenant_id", "id"],
    indexes:
      fact === "targets"
        ? [["tenant_id", "metric", "start_day"]]
        : [
            ...timeFields.map((t) => ["tenant_id", model.fields[t]!.column]),
            ...(KEY_TIME_INDEXES[fact]
              ? [["tenant_id", ...KEY_TIME_INDEXES[fact]!.map((f) => model.fields[f]!.column)]]
              : []),
          ],
  };
}

/** Every fact table, plus `order_lines` (an order's `lines`, one row each). */
export function tableSpecs(dialect: Dialect): TableSpec[] {
  const specs = factNames.map((f) => specOf(factModels[f === "targets" ? "targets" : f], f, dialect));
  const lines = factModels.orderLines;
  specs.push({
    name: lines.table,
    columns: [
      { name: "tenant_id", type: dialect.types.text, nullable: false },
      { name: "order_id", type: dialect.types.text, nullable: false },
      { name: "line_no", type: dialect.types.integer, nullable: false },
      ...Object.values(lines.fields)
        .filter((f) => !f.onParent && f.name !== "orderId")
        .map((f) => ({ name: f.column, type: columnType(dialect, f.kind), nullable: f.nullable })),
      { name: INGEST_ID, type: dialect.types.text, nullable: true },
    ],
    primaryKey: ["tenant_id", "order_id", "line_no"],
    indexes: [],
  });
  // Additive measures by tenant, family (measures placed alike, each in its pair of slot columns:
  // see rollup.ts), dimension (`""`: none), bucket (an hour since the epoch, or a day for
  // date-placed measures) and value (`""`: none). The key's order lets a query read a range of
  // buckets of one dimension in one seek, whatever its values.
  specs.push({
    name: "rollup_buckets",
    columns: [
      { name: "tenant_id", type: dialect.types.text, nullable: false },
      { name: "family", type: dialect.types.text, nullable: false },
      { name: "dim", type: dialect.types.text, nullable: false },
      { name: "value", type: dialect.types.text, nullable: false },
      { name: "bucket", type: dialect.types.bigint, nullable: false },
      ...Array.from({ length: SLOTS }, (_, i) => [
        { name: `v${i}`, type: dialect.types.real, nullable: true },
        { name: `n${i}`, type: dialect.types.bigint, nullable: true },
      ]).flat(),
    ],
    primaryKey: ["tenant_id", "family", "dim", "bucket", "value"],
    indexes: [],
  });
  // The set of measures (Rollups.version) each tenant's rollups were built for, and while a rebuild
  // in steps is under way, when it last committed one (`beat`, epoch ms by the database's clock): a
  // store waiting for another's rebuild takes over once that one stops (its process died). With
  // how many steps it has committed (`done`) and where it split the facts in time (`bounds`, JSON),
  // a store that finds it stopped resumes it rather than start over (hours, at 10 M orders). The
  // `parts` (Rollups.parts, JSON) whose rows hold what their names say: all of them once built, and
  // while a rebuild is under way those it keeps (null: none, for rollups built before parts were).
  specs.push({
    name: "rollup_versions",
    columns: [
      { name: "tenant_id", type: dialect.types.text, nullable: false },
      { name: "version", type: dialect.types.text, nullable: false },
      { name: "beat", type: dialect.types.bigint, nullable: true },
      { name: "done", type: dialect.types.bigint, nullable: true },
      { name: "bounds", type: dialect.types.text, nullable: true },
      { name: "parts", type: dialect.types.text, nullable: true },
    ],
    primaryKey: ["tenant_id"],
    indexes: [],
  });
  // Ingests a rebuild under way left to add once it is done (pending.ts).
  specs.push({
    name: "rollup_pending",
    columns: [
      { name: "tenant_id", type: dialect.types.text, nullable: false },
      { name: "ingest_id", type: dialect.types.text, nullable: false },
      { name: "fact", type: dialect.types.text, nullable: false },
      { name: "ids", type: dialect.types.text, nullable: false },
      // Set when the parts a rebuild keeps up to date hold its facts already (pending.ts).
      { name: "applied", type: dialect.types.bigint, nullable: true },
    ],
    primaryKey: ["tenant_id", "ingest_id"],
    indexes: [],
  });
  specs.push(...chainTableSpecs(dialect), pairsTableSpec(dialect));
  return specs;
}

/** Tables an earlier version kept and this one does not read (rollups by measure, one row each). */
const RETIRED_TABLES = ["rollups"];

/**
 * Indexes an earlier version kept and this one does not read: each costs every write to its table
 * (the quarter's links, read before the repeat customers' pairs: some 4 % of an ingest's pages).
 */
const RETIRED_INDEXES = ["chain_facts_quarter_links"];

/**
 * `CREATE TABLE IF NOT EXISTS …` and `CREATE INDEX IF NOT EXISTS …` for every fact table, after
 * dropping retired tables and indexes.
 */
export function schemaStatements(dialect: Dialect): string[] {
  return [
    ...RETIRED_TABLES.map((t) => `DROP TABLE IF EXISTS ${t}`),
    ...RETIRED_INDEXES.map((i) => `DROP INDEX IF EXISTS ${i}`),
    ...tableSpecs(dialect).flatMap((t) => [
      `CREATE TABLE IF NOT EXISTS ${t.name} (${[
        ...t.columns.map((c) => `${c.name} ${c.type}${c.nullable ? "" : " NOT NULL"}`),
        `PRIMARY KEY (${t.primaryKey.join(", ")})`,
      ].join(", ")})`,
      ...t.indexes.flatMap((index) => {
        const { columns, where, include, name } = Array.isArray(index) ? { columns: index } : index;
        if (include && !dialect.includes) return [];
        const kept = include ? ` INCLUDE (${include.join(", ")})` : "";
        return [
          `CREATE INDEX IF NOT EXISTS ${name ?? `${t.name}_${columns.slice(1).join("_")}`} ON ${t.name} ` +
            `(${columns.join(", ")})${kept}${where ? ` WHERE ${where}` : ""}`,
        ];
      }),
    ]),
  ];
}

export interface EncodedRow {
  table: string;
  columns: string[];
  values: unknown[];
}

function encodeValue(kind: string, value: unknown, dialect: Dialect): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "timestamp":
      return Date.parse(value as string);
    case "date":
      return parseIsoDate(value as string);
    case "boolean":
      return dialect.name === "sqlite" ? (value ? 1 : 0) : value;
    default:
      return value;
  }
}

/**
 * The rows a validated fact is stored as: one, or for an order one plus one per line; `ingestId`
 * names the ingest call.
 */
export function encodeFact<F extends FactName>(
  fact: F,
  record: FactRecord<F>,
  tenant: string,
  dialect: Dialect,
  ingestId: string | null = null,
): EncodedRow[] {
  const model = factModels[fact === "targets" ? "targets" : (fact as Exclude<FactName, "targets">)];
  const fields = Object.values(model.fields);
  const r = record as Record<string, unknown>;
  const ingest = fact === "targets" ? [] : [INGEST_ID];
  const rows: EncodedRow[] = [
    {
      table: model.table,
      columns: ["tenant_id", ...fields.map((f) => f.column), ...ingest],
      values: [
        tenant,
        ...fields.map((f) => encodeValue(f.kind, r[f.name], dialect)),
        ...(fact === "targets" ? [] : [ingestId]),
      ],
    },
  ];
  if (fact === "orders") {
    const lines = (r.lines ?? []) as Record<string, unknown>[];
    lines.forEach((line, n) => {
      rows.push({
        table: factModels.orderLines.table,
        columns: ["tenant_id", "order_id", "line_no", "product_id", "quantity", "price", INGEST_ID],
        values: [tenant, r.id, n, line.productId, line.quantity, line.price, ingestId],
      });
    });
  }
  return rows;
}

/** An insert that leaves an existing row (same tenant and id) untouched: ingestion is idempotent. */
export function insertSql(row: Pick<EncodedRow, "table" | "columns">, dialect: Dialect): string {
  return (
    `INSERT INTO ${row.table} (${row.columns.join(", ")}) VALUES ` +
    `(${row.columns.map((_, i) => dialect.param(i + 1)).join(", ")}) ON CONFLICT DO NOTHING`
  );
}

/**
 * Insert texts by dialect, table, conflict clause and row count: the same text every time, so that
 * drivers' statement caches hit.
 */
const insertTexts = new Map<string, string>();

/**
 * Multi-row inserts of encoded rows, as many rows per statement as `maxParams` allows (D1: 100,
 * PostgreSQL: 65 535); `conflict` says what a row whose key exists does.
 */
export function batchInserts(
  rows: readonly EncodedRow[],
  dialect: Dialect,
  maxParams: number,
  conflict = "ON CONFLICT DO NOTHING",
): SqlStatement[] {
  const out: SqlStatement[] = [];
  const byTable = new Map<string, EncodedRow[]>();
  for (const r of rows) {
    const group = byTable.get(r.table);
    if (group) group.push(r);
    else byTable.set(r.table, [r]);
  }
  for (const [table, group] of byTable) {
    const columns = group[0]!.columns;
    const perStatement = Math.max(1, Math.floor(maxParams / columns.length));
    for (let i = 0; i < group.length; i += perStatement) {
      const chunk = group.slice(i, i + perStatement);
      const key = `${dialect.name}|${table}|${conflict}|${chunk.length}`;
      let sql = insertTexts.get(key);
      if (!sql) {
        let n = 0;
        const values = chunk.map(() => `(${columns.map(() => dialect.param(++n)).join(", ")})`).join(", ");
        if (insertTexts.size > 1000) insertTexts.clear();
        insertTexts.set(key, (sql = `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values} ${conflict}`));
      }
      out.push({ sql, params: chunk.length === 1 ? chunk[0]!.values : chunk.flatMap((r) => r.values) });
    }
  }
  return out;
}
