// Turning rows of a CSV export into facts: a column mapping says where each field comes from and
// how to read it; rows that share an id form one record (an order whose lines fill several rows,
// as in Shopify's export). Values are converted by the field's kind; the records are then
// validated like any other batch.
import { z } from "zod";
import { KpiError } from "../errors.js";
import { factModels, type FieldInfo } from "../facts/model.js";
import { type FactName, factNames } from "../facts/schemas.js";
import { isTimeZone, localToInstant } from "../time/zone.js";
import type { RecordError } from "../facts/validate.js";

const literal = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const fieldSourceSchema = z.union([
  z.string().min(1),
  z.strictObject({
    /** The column to read. */
    column: z.string().min(1).optional(),
    /** A column to read when the first is empty. */
    fallback: z.string().min(1).optional(),
    /** Replace values: `{ "canceled": "cancelled", "*": "placed" }` (`*` matches any other). */
    map: z.record(z.string(), literal).optional(),
    /** The value when the column is non-empty / empty (`status` from a "Cancelled at" date). */
    present: literal.optional(),
    absent: literal.optional(),
    /** A constant, for a field no column carries. */
    value: literal.optional(),
  }),
]);
export type FieldSource = z.infer<typeof fieldSourceSchema>;

export const columnMappingSchema = z.strictObject({
  fact: z.enum(factNames as [FactName, ...FactName[]]).default("orders"),
  fields: z.record(z.string(), fieldSourceSchema),
  /** Orders only: columns of each row's line item. Rows with the same id are one order. */
  lines: z
    .strictObject({ productId: fieldSourceSchema, quantity: fieldSourceSchema, price: fieldSourceSchema })
    .optional(),
  /** The zone of timestamps written without an offset (`2018-03-01 10:15:00`). */
  timeZone: z.string().refine(isTimeZone, "must be an IANA time zone").optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** Shopify's order export (Admin → Orders → Export): one row per line item. */
export const shopifyOrdersMapping: ColumnMapping = {
  fact: "orders",
  fields: {
    id: "Name",
    placedAt: "Created at",
    customerId: { column: "Email", fallback: "Name" },
    total: "Total",
    tax: "Taxes",
    shippingCost: "Shipping",
    status: { column: "Cancelled at", present: "cancelled", absent: "placed" },
    channel: "Source",
    region: "Shipping Country",
    shippedAt: "Fulfilled at",
  },
  lines: {
    productId: { column: "Lineitem sku", fallback: "Lineitem name" },
    quantity: "Lineitem quantity",
    price: "Lineitem price",
  },
};

export const importPresets: Record<string, ColumnMapping> = { shopify: shopifyOrdersMapping };

type Row = Readonly<Record<string, string | undefined>>;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function parseTimestamp(text: string, timeZone: string | undefined): string {
  const m = TIMESTAMP.exec(text);
  if (!m) throw new Error(`"${text}" is not a date and time (expected YYYY-MM-DD HH:MM[:SS] with an optional offset)`);
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const fields = {
    year: +y!,
    month: +mo!,
    day: +d!,
    hour: +h!,
    minute: +mi!,
    second: +(s ?? 0),
    millisecond: Math.floor(+`0.${frac ?? 0}` * 1000),
  };
  let instant: number;
  if (zone) {
    const wall = Date.UTC(
      fields.year,
      fields.month - 1,
      fields.day,
      fields.hour,
      fields.minute,
      fields.second,
      fields.millisecond,
    );
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.toUpperCase() === "Z" ? "0000" : zone.slice(1).replace(":", "");
    instant = wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  } else {
    if (!timeZone) throw new Error(`"${text}" has no offset; give the mapping a timeZone to read it in`);
    instant = localToInstant(timeZone, fields);
  }
  if (!Number.isFinite(instant)) throw new Error(`"${text}" is not a real date and time`);
  return new Date(instant).toISOString();
}

function convert(field: Pick<FieldInfo, "kind" | "name">, text: string, timeZone: string | undefined): unknown {
  switch (field.kind) {
    case "timestamp":
      return parseTimestamp(text, timeZone);
    case "date": {
      const day = /^(\d{4}-\d{2}-\d{2})/.exec(text);
      if (!day) throw new Error(`"${text}" is not a date (YYYY-MM-DD)`);
      return day[1];
    }
    case "number": {
      const n = Number(text.replace(/[\s,]/g, ""));
      if (!Number.isFinite(n)) throw new Error(`"${text}" is not a number`);
      return n;
    }
    case "boolean": {
      const v = text.trim().toLowerCase();
      if (["true", "yes", "y", "1"].includes(v)) return true;
      if (["false", "no", "n", "0"].includes(v)) return false;
      throw new Error(`"${text}" is not true or false`);
    }
    default:
      return text;
  }
}

/** The raw value a source gives for a row: a mapped or constant value, text, or undefined if empty. */
function read(source: FieldSource, row: Row): unknown {
  if (typeof source === "string") return nonEmpty(row[source]);
  if (source.value !== undefined) return source.value;
  const text =
    nonEmpty(source.column !== undefined ? row[source.column] : undefined) ??
    nonEmpty(source.fallback !== undefined ? row[source.fallback] : undefined);
  if (source.present !== undefined || source.absent !== undefined)
    return text !== undefined ? source.present : source.absent;
  if (text !== undefined && source.map)
    return Object.hasOwn(source.map, text) ? source.map[text] : Object.hasOwn(source.map, "*") ? source.map["*"] : text;
  return text;
}

function nonEmpty(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t ? t : undefined;
}

export interface MappedRows {
  fact: FactName;
  records: Record<string, unknown>[];
  /** Problems reading the CSV itself; `index` is the row's line number in the file (header = 1). */
  errors: RecordError[];
}

/** Converts parsed CSV rows into records of the mapping's fact (validate them with validateBatch). */
export function recordsFromRows(rows: readonly Row[], input: unknown, columns: readonly string[]): MappedRows {
  const parsed = columnMappingSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: `mapping.${i.path.join(".")}`, message: i.message }));
    throw new KpiError(
      "invalid_query",
      `invalid mapping: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      issues,
    );
  }
  const mapping = parsed.data;
  const model = factModels[mapping.fact];
  const missing: string[] = [];
  const sources = [...Object.values(mapping.fields), ...Object.values(mapping.lines ?? {})];
  for (const s of sources) {
    for (const col of typeof s === "string" ? [s] : [s.column, s.fallback])
      if (col !== undefined && !columns.includes(col)) missing.push(col);
  }
  const unknownFields = Object.keys(mapping.fields).filter((f) => !model.fields[f]);
  if (missing.length || unknownFields.length) {
    const issues = [
      ...[...new Set(missing)].map((c) => ({ path: "mapping", message: `the CSV has no column "${c}"` })),
      ...unknownFields.map((f) => ({ path: `mapping.fields.${f}`, message: `${mapping.fact} has no field ${f}` })),
    ];
    throw new KpiError(
      "invalid_query",
      `the mapping does not fit this CSV: ${issues.map((i) => i.message).join("; ")}`,
      issues,
    );
  }
  if (mapping.lines && mapping.fact !== "orders") {
    throw new KpiError("invalid_query", "only orders have lines", [
      { path: "mapping.lines", message: "only orders have lines" },
    ]);
  }

  const records: Record<string, unknown>[] = [];
  const byId = new Map<string, Record<string, unknown>>();
  const errors: RecordError[] = [];
  const lineFields = {
    productId: { name: "productId", kind: "string" },
    quantity: { name: "quantity", kind: "number" },
    price: { name: "price", kind: "number" },
  } as const;

  rows.forEach((row, i) => {
    const line = i + 2;
    const values: Record<string, unknown> = {};
    const fail = (field: string, reason: string) =>
      errors.push({ index: line, field, reason, ...(typeof values.id === "string" ? { id: values.id } : {}) });
    for (const [name, source] of Object.entries(mapping.fields)) {
      const raw = read(source, row);
      if (raw === undefined || raw === null) continue;
      try {
        values[name] = typeof raw === "string" ? convert(model.fields[name]!, raw, mapping.timeZone) : raw;
      } catch (e) {
        fail(name, (e as Error).message);
      }
    }
    let lineItem: Record<string, unknown> | undefined;
    if (mapping.lines) {
      const item: Record<string, unknown> = {};
      for (const [name, source] of Object.entries(mapping.lines)) {
        const raw = read(source, row);
        if (raw === undefined || raw === null) continue;
        try {
          item[name] =
            typeof raw === "string" ? convert(lineFields[name as keyof typeof lineFields], raw, mapping.timeZone) : raw;
        } catch (e) {
          fail(`lines.${name}`, (e as Error).message);
        }
      }
      if (Object.keys(item).length) lineItem = item;
    }
    const id = values.id;
    const existing = typeof id === "string" ? byId.get(id) : undefined;
    if (existing) {
      // A continuation row: it adds a line, and fills fields the first row left empty.
      for (const [k, v] of Object.entries(values)) if (existing[k] === undefined) existing[k] = v;
      if (lineItem) (existing.lines as unknown[]).push(lineItem);
      return;
    }
    if (mapping.lines) values.lines = lineItem ? [lineItem] : [];
    records.push(values);
    if (typeof id === "string") byId.set(id, values);
  });

  if (mapping.lines) {
    for (const r of records) {
      const lines = r.lines as { quantity?: number; price?: number }[];
      if (r.items === undefined) r.items = lines.reduce((s, l) => s + (l.quantity ?? 0), 0);
      if (r.total === undefined && lines.length)
        r.total = lines.reduce((s, l) => s + (l.quantity ?? 0) * (l.price ?? 0), 0);
    }
  }
  return { fact: mapping.fact, records, errors };
}
