import type { QueryInput, Result } from "@kpikit/core";

const isNumberOrNull = (v: unknown) => v === null || (typeof v === "number" && Number.isFinite(v));

/**
 * The part of a value that keeps it from being a result: the value is not an object, or its metric,
 * value, previous, change or series is not as a result's; a number is the index of a series point
 * that is not.
 */
export type ResultFault = "object" | "metric" | "value" | "previous" | "change" | "series" | number;

/**
 * What keeps a value from being a result every widget can draw (the API's, a live update's or a
 * page's `.data`); undefined when it is one. Numbers are checked, not trusted: a value of "12" or
 * NaN would be drawn as "n/a" with no error. The developer's words for it are problems.ts's, which
 * loads with the first value that is not a result: a page whose values all are never needs them.
 */
export function resultFault(value: unknown): ResultFault | undefined {
  if (!value || typeof value !== "object") return "object";
  const r = value as Partial<Record<keyof Result, unknown>>;
  const metric = r.metric as Partial<Result["metric"]> | null | undefined;
  if (typeof metric !== "object" || metric === null || typeof metric.id !== "string" || typeof metric.unit !== "string")
    return "metric";
  if (!("value" in r) || !isNumberOrNull(r.value)) return "value";
  if (r.previous !== undefined && !isNumberOrNull(r.previous)) return "previous";
  const change = r.change as Partial<Result["change"]> | null | undefined;
  if (
    typeof change !== "object" ||
    change === null ||
    !isNumberOrNull(change.absolute ?? null) ||
    !isNumberOrNull(change.relative ?? null)
  )
    return "change";
  if (!Array.isArray(r.series)) return "series";
  const bad = r.series.findIndex(
    (p: unknown) =>
      !p ||
      typeof p !== "object" ||
      typeof (p as { start?: unknown }).start !== "string" ||
      !isNumberOrNull((p as { value?: unknown }).value) ||
      !isNumberOrNull((p as { previous?: unknown }).previous ?? null),
  );
  return bad >= 0 ? bad : undefined;
}

/** What keeps an answer from being a query's result: not a result at all, or another KPI's or grain's. */
export type AnswerFault = ResultFault | "other-metric" | "other-grain";

/**
 * What keeps an answer from being this query's result; undefined when nothing does. Results are
 * matched to their queries by position; a response reordered on its way (a proxy, a faulty server)
 * must not put one KPI's number under another's label, nor stay in the cache.
 */
export function answerFault(query: QueryInput, answer: unknown): AnswerFault | undefined {
  const result = answer as Result;
  return (
    resultFault(answer) ??
    (result.metric.id !== query.metric
      ? "other-metric"
      : query.grain && result.range?.grain !== query.grain
        ? "other-grain"
        : undefined)
  );
}
