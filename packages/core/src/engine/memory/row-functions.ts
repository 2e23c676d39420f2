// Row expressions compiled to closures over a table's columns, with SQL's null semantics:
// arithmetic and comparisons with null give null, `and`/`or`/`not` are three-valued, division by
// zero gives null, and a condition keeps a row only when it is true.
import type { DimensionBinding } from "../../facts/model.js";
import type { Expr, Literal } from "../../expr/parse.js";
import type { FilterBinding } from "../types.js";
import type { Table } from "./table.js";

export type RowFn = (row: number) => Literal;

function ref(table: Table, name: string): RowFn {
  const field = table.field(name);
  const col = table.column(name);
  if (col.kind === "string") {
    const { codes, dict } = col;
    return (i) => (codes[i]! < 0 ? null : dict[codes[i]!]!);
  }
  const values = col.values;
  switch (field.kind) {
    case "boolean":
      return (i) => (Number.isNaN(values[i]!) ? null : values[i] === 1);
    case "timestamp":
      return (i) => (Number.isNaN(values[i]!) ? null : values[i]! / 1000);
    default:
      return (i) => (Number.isNaN(values[i]!) ? null : values[i]!);
  }
}

/** `textField = 'literal'` is the hot case (`status = 'placed'`): compare dictionary codes. */
function textEquality(table: Table, e: Extract<Expr, { type: "binary" }>): RowFn | undefined {
  const [field, lit] =
    e.left.type === "ref" && e.right.type === "literal"
      ? [e.left, e.right]
      : e.right.type === "ref" && e.left.type === "literal"
        ? [e.right, e.left]
        : [];
  if (!field || !lit || typeof lit.value !== "string") return undefined;
  const col = table.column(field.name);
  if (col.kind !== "string") return undefined;
  const { codes } = col;
  const code = col.codeOf.get(lit.value) ?? -2;
  return e.op === "="
    ? (i) => (codes[i]! < 0 ? null : codes[i] === code)
    : (i) => (codes[i]! < 0 ? null : codes[i] !== code);
}

export function compileRow(e: Expr, table: Table): RowFn {
  switch (e.type) {
    case "literal": {
      const v = e.value;
      return () => v;
    }
    case "ref":
      return ref(table, e.name);
    case "neg": {
      const a = compileRow(e.arg, table);
      return (i) => {
        const v = a(i);
        return v === null ? null : -(v as number);
      };
    }
    case "not": {
      const a = compileRow(e.arg, table);
      return (i) => {
        const v = a(i);
        return v === null ? null : !v;
      };
    }
    case "isNull": {
      const a = compileRow(e.arg, table);
      return e.negated ? (i) => a(i) !== null : (i) => a(i) === null;
    }
    case "in": {
      const a = compileRow(e.arg, table);
      const values = new Set(e.values.filter((v) => v !== null));
      const hasNull = e.values.includes(null);
      return (i) => {
        const v = a(i);
        if (v === null) return null;
        const found = values.has(v);
        if (!found && hasNull) return null; // x in (…, null) is unknown, as in SQL
        return e.negated ? !found : found;
      };
    }
    case "call":
      throw new Error(`no function ${e.fn} in row expressions`);
    case "binary": {
      if (e.op === "=" || e.op === "!=") {
        const fast = textEquality(table, e);
        if (fast) return fast;
      }
      const a = compileRow(e.left, table);
      const b = compileRow(e.right, table);
      switch (e.op) {
        case "and":
          return (i) => {
            const x = a(i);
            const y = b(i);
            if (x === false || y === false) return false;
            return x === null || y === null ? null : true;
          };
        case "or":
          return (i) => {
            const x = a(i);
            const y = b(i);
            if (x === true || y === true) return true;
            return x === null || y === null ? null : false;
          };
        default: {
          const op = BINARY[e.op]!;
          return (i) => {
            const x = a(i);
            const y = b(i);
            return x === null || y === null ? null : op(x as never, y as never);
          };
        }
      }
    }
  }
}

const BINARY: Record<string, (x: number & string, y: number & string) => Literal> = {
  "+": (x, y) => x + y,
  "-": (x, y) => x - y,
  "*": (x, y) => x * y,
  "/": (x, y) => (y === 0 ? null : x / y),
  "=": (x, y) => x === y,
  "!=": (x, y) => x !== y,
  "<": (x, y) => x < y,
  "<=": (x, y) => x <= y,
  ">": (x, y) => x > y,
  ">=": (x, y) => x >= y,
};

/** The value of a dimension for each row (`visitor` reads `newVisitor` as new / returning). */
export function compileKey(binding: DimensionBinding, table: Table): (row: number) => string | null {
  const read = ref(table, binding.field);
  if (binding.whenTrue === undefined) return (i) => read(i) as string | null;
  return (i) => {
    const v = read(i);
    return v === null ? null : v ? binding.whenTrue! : binding.whenFalse!;
  };
}

/**
 * A condition as a plain test: true exactly when the three-valued condition is true. `and`, `or`
 * and comparisons keep that meaning when unknown is read as false; `not` does not (not unknown is
 * unknown), so it asks the three-valued form whether its operand is false.
 */
export function compilePredicate(e: Expr, table: Table): (row: number) => boolean {
  if (e.type === "binary") {
    if (e.op === "and" || e.op === "or") {
      const a = compilePredicate(e.left, table);
      const b = compilePredicate(e.right, table);
      return e.op === "and" ? (i) => a(i) && b(i) : (i) => a(i) || b(i);
    }
    const field = e.left.type === "ref" ? e.left : undefined;
    const lit = e.right.type === "literal" ? e.right.value : undefined;
    if (field && e.op === "=" && typeof lit === "string") {
      const col = table.column(field.name);
      if (col.kind === "string") {
        const { codes } = col;
        const code = col.codeOf.get(lit) ?? -2;
        return (i) => codes[i] === code;
      }
    }
  }
  if (e.type === "ref" && table.field(e.name).kind === "boolean") {
    const values = (table.column(e.name) as { values: Float64Array }).values;
    return (i) => values[i] === 1;
  }
  if (e.type === "not") {
    const a = compileRow(e.arg, table);
    return (i) => a(i) === false;
  }
  const cond = compileRow(e, table);
  return (i) => cond(i) === true;
}

/** A plain numeric field's column, for loops that read it without a closure. */
export function numericColumn(e: Expr, table: Table): Float64Array | undefined {
  if (e.type !== "ref") return undefined;
  const kind = table.field(e.name).kind;
  return kind === "number" ? (table.column(e.name) as { values: Float64Array }).values : undefined;
}

/** A row test for a measure: its `where` and the query's filters, all of which must be true. */
export function compileTest(
  where: Expr | undefined,
  filters: readonly FilterBinding[],
  table: Table,
): ((row: number) => boolean) | undefined {
  const tests: ((row: number) => boolean)[] = [];
  if (where) tests.push(compilePredicate(where, table));
  for (const f of filters) {
    const key = compileKey(f.binding, table);
    const allowed = new Set(f.values);
    tests.push((i) => {
      const k = key(i);
      return k !== null && allowed.has(k);
    });
  }
  if (tests.length === 0) return undefined;
  const [first, second] = tests;
  if (!second) return first;
  if (tests.length === 2) return (i) => first!(i) && second(i);
  return (i) => tests.every((t) => t(i));
}
