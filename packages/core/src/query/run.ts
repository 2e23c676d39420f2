// Runs a query on any engine. The formula of a KPI is walked twice: once to learn which measures
// it needs over which spans (one engine call computes them all), once to combine the aggregates
// into the value, the previous value, the series, the breakdown, the target and the status.
import type { CompiledMetric, Formula } from "../definitions/compile-definition.js";
import type { MetricRegistry } from "../definitions/registry.js";
import type { DefaultTargets, Measure, Thresholds } from "../definitions/definition.js";
import type { Aggregate, Engine, FilterBinding, MeasureRequest, MeasureResults } from "../engine/types.js";
import { KpiError } from "../errors.js";
import type { Expr } from "../expr/parse.js";
import { dimensions, type QueryFact } from "../facts/model.js";
import { catalogLocale, defaultDelta, formatChanges, formatValue } from "../format/format.js";
import type { Grain } from "../time/calendar.js";
import {
  bucketsOf,
  comparedSpan,
  defaultGrain,
  previousPeriod,
  previousStep,
  previousYear,
  resolveRange,
  runningPeriod,
  shiftLocal,
  type Span,
} from "../time/range.js";
import { formatInstant } from "../time/zone.js";
import { parseQuery, type Query } from "./query.js";
import type { Result } from "./result.js";
import { paceOf } from "./pace.js";
import { changeOf, statusOf } from "./status.js";

export interface RunOptions {
  registry: MetricRegistry;
  /** The tenant's zone, used when a query names none. */
  timeZone?: string;
  /** The tenant's currency, for currency KPIs whose definition names none. */
  currency?: string;
  /** The current time in epoch ms (default: the clock), unless the query gives `now`. */
  now?: number;
  /** Filters an embed token locks: ANDed into every query, which may only narrow them. */
  lockedFilters?: Readonly<Record<string, readonly string[]>>;
  /** Aborts when the query's time is up: an engine that can stop its work does. */
  signal?: AbortSignal;
}

/** A span and how to find the one before it: the previous period of a range, or one grain step. */
interface Window extends Span {
  step: "period" | Grain;
}

/** The breakdown key a formula is evaluated for: the total, or one value of the `by` dimension. */
type GroupKey = { total: true } | { total: false; key: string | null };
const TOTAL: GroupKey = { total: true };

/**
 * A measure's identity as a number, equal for measures equal as JSON: measures are compiled once per
 * definition, so each is stringified once. A query looks its measures up once per span, and a Map
 * lookup hashes a long key each time (a join of its text with a prefix is a new string).
 */
const measureIds = new WeakMap<Measure, number>();
const idsByText = new Map<string, number>();
/** Tenants' own KPIs come and go: past this many texts they are forgotten, and ids never reused. */
const MAX_MEASURE_TEXTS = 100_000;
let lastMeasureId = 0;
function measureId(m: Measure): number {
  let id = measureIds.get(m);
  if (id === undefined) {
    const text = JSON.stringify(m);
    id = idsByText.get(text);
    if (id === undefined) {
      if (idsByText.size >= MAX_MEASURE_TEXTS) idsByText.clear();
      idsByText.set(text, (id = ++lastMeasureId));
    }
    measureIds.set(m, id);
  }
  return id;
}

/** Collects the (measure, span) pairs a query needs, as one engine request per distinct measure. */
class RequestPlan {
  private readonly byKey = new Map<
    number,
    { index: number; request: MeasureRequest & { spans: Span[] }; spans: Map<number, Map<number, number>> }
  >();
  readonly requests: (MeasureRequest & { spans: Span[] })[] = [];

  constructor(
    private readonly filters: Readonly<Record<string, readonly string[]>>,
    private readonly groupBy: string | undefined,
    private readonly now: number,
  ) {}

  isGrouped(m: Measure): boolean {
    return m.agg !== "target" && !!this.groupBy && !!dimensions[this.groupBy]?.[m.fact as QueryFact];
  }

  slot(m: Measure, span: Span, grouped: boolean): { request: number; span: number } {
    const key = grouped ? -measureId(m) : measureId(m);
    let entry = this.byKey.get(key);
    if (!entry) {
      const fact = m.agg === "target" ? undefined : (m.fact as QueryFact);
      const filters: FilterBinding[] = [];
      for (const [dim, values] of Object.entries(this.filters)) {
        const binding = fact && dimensions[dim]?.[fact];
        if (binding) filters.push({ binding, values });
      }
      const request = {
        measure: m,
        filters,
        spans: [] as Span[],
        now: this.now,
        ...(grouped ? { groupBy: dimensions[this.groupBy!]![fact!]! } : {}),
      };
      entry = { index: this.requests.length, request, spans: new Map() };
      this.byKey.set(key, entry);
      this.requests.push(request);
    }
    let ends = entry.spans.get(span.start);
    if (!ends) entry.spans.set(span.start, (ends = new Map()));
    let index = ends.get(span.end);
    if (index === undefined) {
      index = entry.request.spans.length;
      entry.request.spans.push({ start: span.start, end: span.end });
      ends.set(span.end, index);
    }
    return { request: entry.index, span: index };
  }
}

function measureValue(m: Measure, agg: Aggregate | undefined): number | null {
  if (m.agg === "target") return agg ? agg.sum : null;
  if (m.agg === "avg") return agg && agg.count > 0 ? agg.sum / agg.count : null;
  return agg ? agg.sum : 0;
}

function arithmetic(op: string, a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    default:
      return b === 0 ? null : a / b;
  }
}

/**
 * Evaluates formulas over windows. In the collecting pass every measure it meets is registered
 * with the plan; in the reading pass the same walk reads the engine's aggregates. Both sides of
 * every operator are always evaluated, so both passes meet the same measures.
 */
class Evaluator {
  results: MeasureResults | undefined;

  constructor(
    private readonly registry: MetricRegistry,
    private readonly tz: string,
    readonly plan: RequestPlan,
  ) {}

  formula(formula: Formula, window: Window, group: GroupKey): number | null {
    const w = formula.rollingDays
      ? { ...window, start: shiftLocal(this.tz, window.end, { days: -formula.rollingDays }) }
      : window;
    return this.expr(formula.expr, formula, w, group);
  }

  private expr(e: Expr, formula: Formula, w: Window, group: GroupKey): number | null {
    switch (e.type) {
      case "literal":
        return e.value as number;
      case "ref": {
        const own = formula.measures[e.name];
        return own ? this.measure(own, w, group) : this.formula(this.registry.require(e.name).formula, w, group);
      }
      case "call":
        return this.expr(e.args[0]!, formula, this.previous(w), group);
      case "neg": {
        const v = this.expr(e.arg, formula, w, group);
        return v === null ? null : -v;
      }
      case "binary":
        return arithmetic(e.op, this.expr(e.left, formula, w, group), this.expr(e.right, formula, w, group));
      default:
        return null; // conditions never reach a compiled formula
    }
  }

  private previous(w: Window): Window {
    const span = w.step === "period" ? previousPeriod(this.tz, w) : previousStep(this.tz, w, w.step);
    return { ...span, step: w.step };
  }

  private measure(m: Measure, span: Span, group: GroupKey): number | null {
    const grouped = !group.total && this.plan.isGrouped(m);
    const slot = this.plan.slot(m, span, grouped);
    if (!this.results) return 0;
    const byKey = this.results[slot.request]?.[slot.span];
    return measureValue(m, byKey?.get(grouped && !group.total ? group.key : null));
  }
}

function mergeFilters(
  requested: Query["filters"],
  locked: RunOptions["lockedFilters"],
): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const [dim, v] of Object.entries(requested ?? {})) out[dim] = Array.isArray(v) ? [...new Set(v)] : [v as string];
  for (const [dim, allowed] of Object.entries(locked ?? {})) {
    const asked = out[dim];
    if (asked) {
      const outside = asked.filter((v) => !allowed.includes(v));
      if (outside.length) {
        throw new KpiError(
          "filter_locked",
          `the filter on ${dim} is locked to ${allowed.join(", ")}; ${outside.join(", ")} is outside it`,
          [{ path: `filters.${dim}`, message: "outside the locked filter" }],
        );
      }
    } else {
      out[dim] = allowed;
    }
  }
  return out;
}

/** What a `by` table holds for the one value a query filters a dimension on, if any. */
function forFilteredValue<T>(
  by: Record<string, Record<string, T>> | undefined,
  filters: Record<string, readonly string[]>,
): T | undefined {
  for (const [dim, byValue] of Object.entries(by ?? {})) {
    const only = filters[dim]?.length === 1 ? filters[dim]![0]! : undefined;
    if (only !== undefined && byValue[only] !== undefined) return byValue[only];
  }
  return undefined;
}

function thresholdsFor(t: Thresholds | undefined, filters: Record<string, readonly string[]>) {
  if (!t) return undefined;
  return forFilteredValue(t.by, filters) ?? (t.warning !== undefined || t.critical !== undefined ? t : undefined);
}

/** The KPI's own target when the tenant has set none for the range. */
function defaultTargetFor(t: DefaultTargets | undefined, filters: Record<string, readonly string[]>): number | null {
  return forFilteredValue(t?.by, filters) ?? t?.value ?? null;
}

function checkDimensions(metric: CompiledMetric, filters: Record<string, readonly string[]>, by: string | undefined) {
  const id = metric.definition.id;
  const allowed = metric.dimensions;
  const issues = [
    ...Object.keys(filters)
      .filter((d) => !allowed.includes(d))
      .map((d) => ({ path: `filter.${d}`, message: `${id} cannot be filtered by ${d}` })),
    ...(by !== undefined && !allowed.includes(by) ? [{ path: "by", message: `${id} cannot be split by ${by}` }] : []),
  ];
  if (issues.length) {
    const dims = allowed.length ? `its dimensions are ${allowed.join(", ")}` : "it has no dimensions";
    throw new KpiError("invalid_query", `${issues.map((i) => i.message).join("; ")}: ${dims}`, issues);
  }
}

/** A query planned: the measures its engine must compute, and how to turn them into the result. */
export interface PreparedQuery {
  requests: readonly MeasureRequest[];
  tz: string;
  /** The result from the measures' results, worded in `locale` (default: the query's). */
  finish(results: MeasureResults, dataVersion: string, locale?: string): Result;
}

/** Validates and plans a query (throws KpiError for a bad one) without touching any data. */
export function prepareQuery(input: unknown, options: RunOptions): PreparedQuery {
  return planQuery(parseQuery(input), options);
}

/** Plans a query already parsed (throws KpiError for a KPI or dimension it cannot have) without touching any data. */
export function planQuery(q: Query, options: RunOptions): PreparedQuery {
  const metric = options.registry.require(q.metric);
  const def = metric.definition;
  const tz = q.tz ?? options.timeZone ?? "UTC";
  const now = q.now !== undefined ? Date.parse(q.now) : (options.now ?? Date.now());
  const filters = mergeFilters(q.filters, options.lockedFilters);
  checkDimensions(metric, filters, q.by);

  const span = resolveRange(q.range, tz, now);
  const grain = q.grain ?? defaultGrain(tz, span);
  const buckets = bucketsOf(tz, span, grain, now);
  const compared = comparedSpan(tz, span, q.compare, grain);
  const previousBuckets = compared ? bucketsOf(tz, compared, grain, now) : [];

  // Only sums and counts run towards a total: a rate so far is already its own best guess.
  const period = metric.additive ? runningPeriod(q.range, tz, now, span) : undefined;
  const paceWindows = period && {
    whole: { ...period, step: "period" } satisfies Window,
    lastYearWhole: { ...previousYear(tz, period, "day"), step: "period" } satisfies Window,
    lastYearSoFar: { ...previousYear(tz, { start: period.start, end: now }, "day"), step: "period" } satisfies Window,
  };

  const plan = new RequestPlan(filters, q.by, now);
  const evaluator = new Evaluator(options.registry, tz, plan);
  const range: Window = { ...span, step: "period" };
  const previousRange: Window | undefined = compared && { ...compared, step: "period" };
  const target: Formula = {
    measures: { target: { agg: "target", metric: def.id, mode: metric.additive ? "prorate" : "at_start" } },
    expr: { type: "ref", name: "target" },
  };
  const evaluate = () => ({
    value: evaluator.formula(metric.formula, range, TOTAL),
    previous: previousRange ? evaluator.formula(metric.formula, previousRange, TOTAL) : null,
    series: buckets.map((b, i) => {
      const prev = previousBuckets[i];
      return {
        start: formatInstant(tz, b.start),
        value: evaluator.formula(metric.formula, { ...b, step: grain }, TOTAL),
        previous: prev ? evaluator.formula(metric.formula, { ...prev, step: grain }, TOTAL) : null,
        ...(b.partial ? { partial: true as const } : {}),
      };
    }),
    targetValue: evaluator.formula(target, range, TOTAL),
    pace: paceWindows && {
      target: evaluator.formula(target, paceWindows.whole, TOTAL),
      lastYearSoFar: evaluator.formula(metric.formula, paceWindows.lastYearSoFar, TOTAL),
      lastYearWhole: evaluator.formula(metric.formula, paceWindows.lastYearWhole, TOTAL),
    },
  });
  // Each value of the dimension in the previous period too, so that a breakdown can mark what it was.
  const breakdownOf = (keys: (string | null)[]) =>
    keys.map((key) => ({
      key,
      value: evaluator.formula(metric.formula, range, { total: false, key }),
      previous: previousRange ? evaluator.formula(metric.formula, previousRange, { total: false, key }) : null,
    }));

  evaluate();
  if (q.by !== undefined) breakdownOf([null]);

  return {
    requests: plan.requests,
    tz,
    finish(results, dataVersion, wordedIn = q.locale) {
      evaluator.results = results;
      const evaluated = evaluate();
      const { value, previous, series } = evaluated;
      const targetValue = evaluated.targetValue ?? defaultTargetFor(def.targets, filters);
      let breakdown: Result["breakdown"];
      if (q.by !== undefined) {
        const keys = new Set<string | null>();
        plan.requests.forEach((r, i) => {
          if (r.groupBy) for (const k of results[i]?.[0]?.keys() ?? []) keys.add(k);
        });
        breakdown = breakdownOf([...keys]).sort(
          (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || String(a.key).localeCompare(String(b.key)),
        );
      }
      const locale = catalogLocale(wordedIn);
      const formatLocale = wordedIn ?? locale;
      const currency = def.unit === "currency" ? (def.currency ?? options.currency ?? "USD") : undefined;
      const change = changeOf(value, previous);
      const formatting = { unit: def.unit, locale: formatLocale, currency, scale: def.scale };
      const changes = formatChanges(change, formatting);
      const description = def.descriptions?.[locale] ?? def.descriptions?.en;
      const thresholds = thresholdsFor(def.thresholds, filters);
      const pace =
        period && evaluated.pace
          ? paceOf({
              ...evaluated.pace,
              value,
              now,
              period,
              target: evaluated.pace.target ?? defaultTargetFor(def.targets, filters),
              better: def.better,
            })
          : null;
      return {
        metric: {
          id: def.id,
          label: def.labels[locale] ?? def.labels.en,
          ...(description ? { description } : {}),
          unit: def.unit,
          ...(currency ? { currency } : {}),
          better: def.better,
          version: def.version,
          additive: metric.additive,
          ...(def.scale ? { scale: def.scale } : {}),
          ...(thresholds
            ? {
                thresholds: {
                  ...(thresholds.warning !== undefined ? { warning: thresholds.warning } : {}),
                  ...(thresholds.critical !== undefined ? { critical: thresholds.critical } : {}),
                },
              }
            : {}),
        },
        range: { start: formatInstant(tz, span.start), end: formatInstant(tz, span.end), tz, grain },
        compare: compared
          ? { kind: q.compare, start: formatInstant(tz, compared.start), end: formatInstant(tz, compared.end) }
          : null,
        value,
        previous,
        change,
        series,
        target:
          targetValue === null
            ? null
            : { value: targetValue, attainment: value === null || targetValue === 0 ? null : value / targetValue },
        status: statusOf(value, def.better, thresholds, targetValue),
        pace: pace && period ? { ...pace, end: formatInstant(tz, period.end) } : null,
        formatted: {
          value: formatValue(value, formatting),
          change: changes[defaultDelta(def.unit)],
          changes,
          pace: pace && formatValue(pace.value, formatting),
        },
        ...(breakdown ? { breakdown } : {}),
        dataVersion,
      };
    },
  };
}

/** Runs one query on an engine and builds its result (throws KpiError for a bad query). */
export async function runQuery(engine: Engine, input: unknown, options: RunOptions): Promise<Result> {
  const prepared = prepareQuery(input, options);
  const results = await engine.compute(prepared.requests, prepared.tz, options.signal);
  return prepared.finish(results, String(await engine.dataVersion()));
}
