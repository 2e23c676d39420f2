// Row expressions compiled to SQL. Only checked identifiers become column names and every text
// literal becomes a parameter, so a definition cannot inject SQL.
import type { DimensionBinding, FactModel } from "../../facts/model.js";
import type { Expr } from "../../expr/parse.js";
import type { FilterBinding } from "../types.js";
import type { Dialect } from "./dialect.js";

export class SqlParams {
  readonly values: unknown[] = [];
  constructor(private readonly dialect: Dialect) {}

  /** The placeholder of a value, reusing one already bound to the same value. */
  add(value: unknown): string {
    let i = this.values.indexOf(value);
    if (i < 0) i = this.values.push(value) - 1;
    return this.dialect.param(i + 1);
  }
}

export interface RowScope {
  model: FactModel;
  dialect: Dialect;
  params: SqlParams;
  /** Table alias of the fact (`f`); order lines read their own fields from `l`. */
  alias: string;
}

export function columnSql(scope: RowScope, name: string): string {
  const field = scope.model.fields[name]!;
  const alias = scope.model.name === "orderLines" && !field.onParent ? "l" : scope.alias;
  return `${alias}.${field.column}`;
}

function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n);
}

export function rowSql(e: Expr, scope: RowScope): string {
  const { dialect } = scope;
  switch (e.type) {
    case "literal":
      if (e.value === null) return "NULL";
      if (typeof e.value === "number") return numberLiteral(e.value);
      if (typeof e.value === "boolean") return dialect.bool(e.value);
      return scope.params.add(e.value);
    case "ref": {
      const field = scope.model.fields[e.name]!;
      const col = columnSql(scope, e.name);
      // Timestamps read as epoch seconds, so a difference of two is a duration in seconds. As
      // doubles, like the memory engine's: PostgreSQL would divide a BIGINT by 1000.0 exactly, in
      // NUMERIC, and round differently from the other engines.
      return field.kind === "timestamp" ? `(${dialect.float(col)} / 1000)` : col;
    }
    case "neg":
      return `(-${rowSql(e.arg, scope)})`;
    case "not":
      return `(NOT ${rowSql(e.arg, scope)})`;
    case "isNull":
      return `(${rowSql(e.arg, scope)} IS ${e.negated ? "NOT " : ""}NULL)`;
    case "in":
      return (
        `(${rowSql(e.arg, scope)} ${e.negated ? "NOT " : ""}IN ` +
        `(${e.values.map((v) => rowSql({ type: "literal", value: v }, scope)).join(", ")}))`
      );
    case "call":
      throw new Error(`no function ${e.fn} in row expressions`);
    case "binary": {
      const a = rowSql(e.left, scope);
      const b = rowSql(e.right, scope);
      switch (e.op) {
        case "/":
          return `(${dialect.float(a)} / NULLIF(${b}, 0))`;
        case "and":
          return `(${a} AND ${b})`;
        case "or":
          return `(${a} OR ${b})`;
        case "!=":
          return `(${a} <> ${b})`;
        default:
          return `(${a} ${e.op} ${b})`;
      }
    }
  }
}

/** A dimension's value per row (`visitor`: CASE over newVisitor). */
export function keySql(binding: DimensionBinding, scope: RowScope): string {
  const col = columnSql(scope, binding.field);
  if (binding.whenTrue === undefined) return col;
  return (
    `CASE WHEN ${col} THEN ${scope.params.add(binding.whenTrue)} WHEN NOT ${col} THEN ` +
    `${scope.params.add(binding.whenFalse)} END`
  );
}

/** A measure's `where` and the query's filters, ANDed; `TRUE` when there are none. */
export function testSql(where: Expr | undefined, filters: readonly FilterBinding[], scope: RowScope): string[] {
  const parts: string[] = [];
  if (where) parts.push(rowSql(where, scope));
  for (const f of filters)
    parts.push(`${keySql(f.binding, scope)} IN (${f.values.map((v) => scope.params.add(v)).join(", ")})`);
  return parts;
}
