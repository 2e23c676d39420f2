// Type checking of row expressions against a fact, so that a definition that reads a missing
// field, compares a number with text or names a value an enum does not have fails when it is
// defined, with a message that says so, instead of giving wrong numbers later.
import { KpiError } from "../errors.js";
import type { FactModel, FieldInfo } from "../facts/model.js";
import type { Expr } from "./parse.js";

/** Timestamps read as epoch seconds, so `resolvedAt - createdAt` is a duration in seconds. */
export type RowType = "number" | "string" | "boolean" | "null";

export function fieldOf(model: FactModel, name: string, path: string): FieldInfo {
  const field = model.fields[name];
  if (!field) {
    throw new KpiError(
      "invalid_definition",
      `${path}: ${model.name} has no field "${name}"; it has ${Object.keys(model.fields).join(", ")}`,
      [{ path, message: `unknown field ${name}` }],
    );
  }
  return field;
}

export function rowTypeOfField(field: FieldInfo, path: string): RowType {
  if (field.kind === "date") {
    throw new KpiError(
      "invalid_definition",
      `${path}: the date field "${field.name}" cannot be used in an expression; it only places a fact in a period`,
      [{ path, message: "date field in expression" }],
    );
  }
  return field.kind === "timestamp" ? "number" : field.kind;
}

export function typeOfRow(expr: Expr, model: FactModel, path: string): RowType {
  const fail = (message: string): never => {
    throw new KpiError("invalid_definition", `${path}: ${message}`, [{ path, message }]);
  };
  const expect = (e: Expr, want: RowType, what: string) => {
    const t = typeOfRow(e, model, path);
    if (t !== want && t !== "null") fail(`${what} must be a ${want}, not a ${t}`);
  };
  const checkEnum = (e: Expr, value: unknown) => {
    if (e.type !== "ref" || typeof value !== "string") return;
    const field = model.fields[e.name];
    if (field?.values && !field.values.includes(value))
      fail(`${e.name} is never '${value}'; its values are ${field.values.join(", ")}`);
  };
  switch (expr.type) {
    case "literal":
      return expr.value === null ? "null" : (typeof expr.value as RowType);
    case "ref":
      return rowTypeOfField(fieldOf(model, expr.name, path), path);
    case "call":
      return fail(`functions such as ${expr.fn}() are not available in row expressions`);
    case "neg":
      expect(expr.arg, "number", "the operand of -");
      return "number";
    case "not":
      expect(expr.arg, "boolean", "the operand of not");
      return "boolean";
    case "isNull":
      typeOfRow(expr.arg, model, path);
      return "boolean";
    case "in": {
      const t = typeOfRow(expr.arg, model, path);
      if (t !== "string" && t !== "number") fail(`in (…) needs text or a number on its left, not a ${t}`);
      for (const v of expr.values) {
        if (v !== null && typeof v !== t) fail(`in (…) mixes a ${t} with ${JSON.stringify(v)}`);
        checkEnum(expr.arg, v);
      }
      return "boolean";
    }
    case "binary": {
      const { op, left, right } = expr;
      if (op === "and" || op === "or") {
        expect(left, "boolean", `the left of ${op}`);
        expect(right, "boolean", `the right of ${op}`);
        return "boolean";
      }
      const lt = typeOfRow(left, model, path);
      const rt = typeOfRow(right, model, path);
      if (["+", "-", "*", "/"].includes(op)) {
        if ((lt !== "number" && lt !== "null") || (rt !== "number" && rt !== "null"))
          fail(`${op} needs numbers, not ${lt} and ${rt}`);
        return "number";
      }
      if (lt !== rt && lt !== "null" && rt !== "null") fail(`${op} compares a ${lt} with a ${rt}`);
      if (["<", "<=", ">", ">="].includes(op) && (lt === "boolean" || rt === "boolean"))
        fail(`${op} cannot order true and false`);
      if (left.type === "literal") checkEnum(right, left.value);
      if (right.type === "literal") checkEnum(left, right.value);
      return "boolean";
    }
  }
}
