// Facts held as columns, built once per table and field on first use: numbers, timestamps (epoch
// ms), dates (epoch days) and booleans (1/0) in Float64Arrays with NaN for null, text
// dictionary-encoded. Queries then scan typed arrays in time order instead of parsing JSON.
import type { FactModel, FieldInfo } from "../../facts/model.js";
import { parseIsoDate } from "../../time/calendar.js";

export type Column =
  | { kind: "number"; values: Float64Array }
  | { kind: "string"; codes: Int32Array; dict: string[]; codeOf: ReadonlyMap<string, number> };

export interface TimeIndex {
  /** Row numbers of facts with this time set, ordered by time, then by id. */
  rows: Uint32Array;
  /** Their times, in the same order (epoch ms, or epoch days for dates). */
  times: Float64Array;
}

type Row = Readonly<Record<string, unknown>>;

function numberOf(field: FieldInfo, v: unknown): number {
  if (v === null || v === undefined) return Number.NaN;
  switch (field.kind) {
    case "timestamp":
      return Date.parse(v as string);
    case "date":
      return parseIsoDate(v as string) ?? Number.NaN;
    case "boolean":
      return v ? 1 : 0;
    default:
      return v as number;
  }
}

/**
 * A fact's columns. Rows are stored in the order of the fact's own time (then id), so the scans
 * of a query, which run in that order, read memory sequentially instead of jumping around it.
 */
export class Table {
  private readonly columns = new Map<string, Column>();
  private readonly indexes = new Map<string, TimeIndex>();
  readonly records: readonly Row[];

  /**
   * @param parent for order lines: the orders table and, per line, the row of its order; fields
   *   marked `onParent` read through it. Lines come in their orders' (time) order already.
   */
  constructor(
    readonly model: FactModel,
    records: readonly Row[],
    private readonly parent?: { table: Table; rowOf: Uint32Array },
  ) {
    if (parent) {
      this.records = records;
      return;
    }
    const time = model.fields[model.time]!;
    const times = records.map((r) => numberOf(time, r[time.name]));
    const order = records.map((_, i) => i);
    order.sort((a, b) => times[a]! - times[b]! || compareText(records[a]!.id as string, records[b]!.id as string));
    this.records = order.map((i) => records[i]!);
    this.columns.set(time.name, { kind: "number", values: Float64Array.from(order, (i) => times[i]!) });
  }

  get length(): number {
    return this.records.length;
  }

  field(name: string): FieldInfo {
    const f = this.model.fields[name];
    if (!f) throw new Error(`${this.model.name} has no field ${name}`);
    return f;
  }

  column(name: string): Column {
    let col = this.columns.get(name);
    if (col) return col;
    const field = this.field(name);
    if (field.onParent && this.parent) {
      col = gather(this.parent.table.column(name), this.parent.rowOf);
    } else if (field.kind === "string") {
      const dict: string[] = [];
      const codeOf = new Map<string, number>();
      const codes = new Int32Array(this.records.length);
      this.records.forEach((r, i) => {
        const v = r[name];
        if (v === null || v === undefined) {
          codes[i] = -1;
          return;
        }
        let code = codeOf.get(v as string);
        if (code === undefined) {
          code = dict.length;
          dict.push(v as string);
          codeOf.set(v as string, code);
        }
        codes[i] = code;
      });
      col = { kind: "string", codes, dict, codeOf };
    } else {
      const values = new Float64Array(this.records.length);
      this.records.forEach((r, i) => {
        values[i] = numberOf(field, r[name]);
      });
      col = { kind: "number", values };
    }
    this.columns.set(name, col);
    return col;
  }

  /** Rows with `field` set, in time order (ties broken by id, as the SQL engine orders them). */
  timeIndex(field: string): TimeIndex {
    let index = this.indexes.get(field);
    if (index) return index;
    const col = this.column(field);
    if (col.kind !== "number") throw new Error(`${field} is not a time`);
    const ids = this.column("id") as Extract<Column, { kind: "string" }>;
    const rows: number[] = [];
    for (let i = 0; i < col.values.length; i++) if (!Number.isNaN(col.values[i]!)) rows.push(i);
    const t = col.values;
    rows.sort((a, b) => t[a]! - t[b]! || compareText(ids.dict[ids.codes[a]!]!, ids.dict[ids.codes[b]!]!));
    const sorted = Uint32Array.from(rows);
    index = { rows: sorted, times: Float64Array.from(sorted, (r) => t[r]!) };
    this.indexes.set(field, index);
    return index;
  }
}

/** Binary ordering of text, as SQLite's default collation and PostgreSQL's "C" collation order it. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function gather(col: Column, rowOf: Uint32Array): Column {
  if (col.kind === "number") return { kind: "number", values: Float64Array.from(rowOf, (r) => col.values[r]!) };
  return { ...col, codes: Int32Array.from(rowOf, (r) => col.codes[r]!) };
}

/** First position in a sorted array whose value is >= x. */
export function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
