// A definition checked and reduced to one shape every engine understands: named measures and an
// arithmetic formula over them and over other KPIs, optionally on a rolling window.
import { KpiError } from "../errors.js";
import { type Expr, parseExpr, refsOf } from "../expr/parse.js";
import { fieldOf, typeOfRow } from "../expr/row-types.js";
import { dimensions as allDimensions, type FactModel, factModels, type QueryFact } from "../facts/model.js";
import { type Definition, definitionSchema, type Measure } from "./definition.js";

export interface Formula {
  measures: Readonly<Record<string, Measure>>;
  expr: Expr;
  rollingDays?: number;
}

export interface CompiledMetric {
  definition: Definition;
  formula: Formula;
  /** KPIs the formula refers to by id. */
  uses: string[];
  dimensions: string[];
  /** Sums over disjoint periods add up: series buckets sum to the total, targets pro-rate by days. */
  additive: boolean;
  /** Every fact the KPI reads, its own measures' first, then those of the KPIs it refers to. */
  facts: QueryFact[];
}

/** Looks up another KPI while compiling one that refers to it. */
export type MetricLookup = (id: string) => CompiledMetric | undefined;

function formulaOf(def: Definition, path: string): Formula {
  const body = def.kind === "rolling" ? def.of : def;
  let formula: Formula;
  switch (body.kind) {
    case "measure":
      formula = { measures: { value: body.measure }, expr: { type: "ref", name: "value" } };
      break;
    case "ratio":
      formula = {
        measures: { numerator: body.numerator, denominator: body.denominator },
        expr: {
          type: "binary",
          op: "/",
          left: { type: "ref", name: "numerator" },
          right: { type: "ref", name: "denominator" },
        },
      };
      break;
    case "derived":
      formula = { measures: body.measures ?? {}, expr: parseExpr(body.expr, `${path}.expr`) };
      break;
    case "snapshot": {
      const snap = (m: Measure): Measure =>
        "snapshot" in m && m.snapshot ? m : ({ ...m, snapshot: { at: "end" } } as Measure);
      const numerator = snap(body.numerator);
      formula = body.denominator
        ? {
            measures: { numerator, denominator: snap(body.denominator) },
            expr: {
              type: "binary",
              op: "/",
              left: { type: "ref", name: "numerator" },
              right: { type: "ref", name: "denominator" },
            },
          }
        : { measures: { value: numerator }, expr: { type: "ref", name: "value" } };
      break;
    }
  }
  return def.kind === "rolling" ? { ...formula, rollingDays: def.days } : formula;
}

function checkMeasure(m: Measure, path: string): void {
  if (m.agg === "target") return;
  const model: FactModel = factModels[m.fact as QueryFact];
  const time = fieldOf(model, m.time ?? model.time, `${path}.time`);
  if (time.kind !== "timestamp" && time.kind !== "date") {
    throw new KpiError(
      "invalid_definition",
      `${path}.time: "${time.name}" is not a timestamp, so it cannot place a fact in a period`,
      [{ path: `${path}.time`, message: "not a timestamp" }],
    );
  }
  const atInstants = m.agg === "active" || ("snapshot" in m && m.snapshot);
  if (atInstants && time.kind !== "timestamp") {
    throw new KpiError(
      "invalid_definition",
      `${path}: ${m.agg === "active" ? "activity" : "a snapshot"} needs a timestamp, and ` +
        `${model.name}.${time.name} is a date`,
      [{ path: `${path}.time`, message: "date time with a snapshot or activity" }],
    );
  }
  if (m.where !== undefined && typeOfRow(parseExpr(m.where, `${path}.where`), model, `${path}.where`) !== "boolean") {
    throw new KpiError("invalid_definition", `${path}.where must be a condition (true or false for each fact)`, [
      { path: `${path}.where`, message: "not a condition" },
    ]);
  }
  if ("field" in m) {
    const type = typeOfRow(parseExpr(m.field, `${path}.field`), model, `${path}.field`);
    const numeric = m.agg === "sum" || m.agg === "avg";
    if (numeric && type !== "number") {
      throw new KpiError(
        "invalid_definition",
        `${path}.field: ${m.agg} needs a number, and "${m.field}" is a ${type}`,
        [{ path: `${path}.field`, message: "not a number" }],
      );
    }
    if (!numeric && type !== "string" && type !== "number") {
      throw new KpiError(
        "invalid_definition",
        `${path}.field: ${m.agg} counts values of text or numbers, and "${m.field}" is a ${type}`,
        [{ path: `${path}.field`, message: "not countable" }],
      );
    }
  }
  if ("snapshot" in m && m.snapshot) {
    if (m.snapshot.latestBy) fieldOf(model, m.snapshot.latestBy, `${path}.snapshot.latestBy`);
    for (const u of m.snapshot.until ?? []) {
      if (fieldOf(model, u, `${path}.snapshot.until`).kind !== "timestamp") {
        throw new KpiError("invalid_definition", `${path}.snapshot.until: "${u}" is not a timestamp`, [
          { path: `${path}.snapshot.until`, message: "not a timestamp" },
        ]);
      }
    }
  }
}

function checkFormulaExpr(
  expr: Expr,
  measures: Formula["measures"],
  lookup: MetricLookup,
  path: string,
  uses: Set<string>,
  self: string,
): void {
  const fail = (message: string): never => {
    throw new KpiError("invalid_definition", `${path}: ${message}`, [{ path, message }]);
  };
  switch (expr.type) {
    case "literal":
      if (typeof expr.value !== "number")
        fail(`only numbers may appear as constants, not ${JSON.stringify(expr.value)}`);
      return;
    case "ref":
      if (Object.hasOwn(measures, expr.name)) return;
      if (expr.name === self) fail("a KPI cannot refer to itself");
      if (!lookup(expr.name))
        fail(
          `"${expr.name}" is neither one of this KPI's measures ` +
            `(${Object.keys(measures).join(", ") || "none"}) nor a known KPI id`,
        );
      uses.add(expr.name);
      return;
    case "call":
      if (expr.fn !== "prev" || expr.args.length !== 1)
        fail(
          `the only function is prev(x), the value of x one period earlier; got ${expr.fn}() with ` +
            `${expr.args.length} argument(s)`,
        );
      checkFormulaExpr(expr.args[0]!, measures, lookup, path, uses, self);
      return;
    case "neg":
      checkFormulaExpr(expr.arg, measures, lookup, path, uses, self);
      return;
    case "binary":
      if (!["+", "-", "*", "/"].includes(expr.op))
        fail(`a KPI formula is arithmetic; "${expr.op}" belongs in a measure's where`);
      checkFormulaExpr(expr.left, measures, lookup, path, uses, self);
      checkFormulaExpr(expr.right, measures, lookup, path, uses, self);
      return;
    default:
      fail("a KPI formula is arithmetic over measures and KPIs; conditions belong in a measure's where");
  }
}

function isAdditiveMeasure(m: Measure): boolean {
  if (m.agg === "target") return false;
  if ("snapshot" in m && m.snapshot) return false;
  return m.agg === "count" || m.agg === "sum" || m.agg === "first_seen";
}

function isAdditiveExpr(expr: Expr, measures: Formula["measures"], lookup: MetricLookup): boolean {
  switch (expr.type) {
    case "ref":
      return Object.hasOwn(measures, expr.name)
        ? isAdditiveMeasure(measures[expr.name]!)
        : (lookup(expr.name)?.additive ?? false);
    case "neg":
      return isAdditiveExpr(expr.arg, measures, lookup);
    case "binary":
      return (
        (expr.op === "+" || expr.op === "-") &&
        isAdditiveExpr(expr.left, measures, lookup) &&
        isAdditiveExpr(expr.right, measures, lookup)
      );
    default:
      return false;
  }
}

function factsOf(formula: Formula, lookup: MetricLookup): QueryFact[] {
  const own = Object.values(formula.measures).flatMap((m) => (m.agg === "target" ? [] : [m.fact as QueryFact]));
  const referenced = [...refsOf(formula.expr)]
    .filter((r) => !Object.hasOwn(formula.measures, r))
    .flatMap((r) => lookup(r)?.facts ?? []);
  return [...new Set([...own, ...referenced])];
}

/**
 * Validates a definition (its zod shape, then what zod cannot see: fields, types, references,
 * dimensions, thresholds) and compiles it. `lookup` resolves KPIs it refers to; cycles are the
 * caller's to prevent (MetricRegistry does).
 */
export function compileDefinition(input: unknown, lookup: MetricLookup): CompiledMetric {
  const parsed = definitionSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(definition)", message: i.message }));
    throw new KpiError(
      "invalid_definition",
      `invalid definition: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      issues,
    );
  }
  const definition = parsed.data;
  const path = definition.id;
  const formula = formulaOf(definition, path);
  for (const [name, m] of Object.entries(formula.measures)) checkMeasure(m, `${path}.measures.${name}`);
  const uses = new Set<string>();
  checkFormulaExpr(formula.expr, formula.measures, lookup, `${path}.expr`, uses, definition.id);

  const facts = factsOf(formula, lookup);
  const first = facts[0];
  const dims =
    definition.dimensions ?? (first ? Object.keys(allDimensions).filter((d) => allDimensions[d]![first]) : []);
  for (const d of dims) {
    if (!facts.some((f) => allDimensions[d]?.[f])) {
      throw new KpiError(
        "invalid_definition",
        `${path}.dimensions: none of the facts this KPI reads (${facts.join(", ")}) has the dimension "${d}"`,
        [{ path: `${path}.dimensions`, message: `dimension ${d} does not apply` }],
      );
    }
  }

  const t = definition.thresholds;
  if (t) {
    const ordered = (pair: { warning?: number | undefined; critical?: number | undefined }, at: string) => {
      if (pair.warning === undefined || pair.critical === undefined) return;
      const bad = definition.better === "up" ? pair.critical > pair.warning : pair.critical < pair.warning;
      if (bad) {
        throw new KpiError(
          "invalid_definition",
          `${at}: for a KPI where ${definition.better} is better, critical (${pair.critical}) must be ` +
            `${definition.better === "up" ? "at or below" : "at or above"} warning (${pair.warning})`,
          [{ path: at, message: "thresholds out of order" }],
        );
      }
    };
    if (definition.better === "none") {
      throw new KpiError(
        "invalid_definition",
        `${path}.thresholds: a KPI that is neither better up nor down has no status`,
        [{ path: `${path}.thresholds`, message: "thresholds need a direction" }],
      );
    }
    ordered(t, `${path}.thresholds`);
    for (const [d, values] of Object.entries(t.by ?? {})) {
      if (!dims.includes(d)) {
        throw new KpiError(
          "invalid_definition",
          `${path}.thresholds.by: "${d}" is not one of this KPI's dimensions (${dims.join(", ")})`,
          [{ path: `${path}.thresholds.by`, message: `unknown dimension ${d}` }],
        );
      }
      for (const [v, pair] of Object.entries(values)) ordered(pair, `${path}.thresholds.by.${d}.${v}`);
    }
  }
  if (definition.currency && definition.unit !== "currency") {
    throw new KpiError("invalid_definition", `${path}.currency: only a KPI with unit currency has a currency`, [
      { path: `${path}.currency`, message: "currency without unit currency" },
    ]);
  }

  return {
    definition,
    formula,
    uses: [...uses],
    dimensions: dims,
    additive: !formula.rollingDays && isAdditiveExpr(formula.expr, formula.measures, lookup),
    facts,
  };
}
