import type { Result } from "@kpikit/core";

const isNumberOrNull = (v: unknown) => v === null || (typeof v === "number" && Number.isFinite(v));

/**
 * What keeps a value from being a result every widget can draw (the API's, a live update's or a
 * page's `.data`), for the developer's console; undefined when it is one. Numbers are checked, not
 * trusted: a value of "12" or NaN would be drawn as "n/a" with no error.
 */
export function resultProblem(value: unknown): string | undefined {
  if (!value || typeof value !== "object") return "it is not an object";
  const r = value as Partial<Record<keyof Result, unknown>>;
  const metric = r.metric as Partial<Result["metric"]> | null | undefined;
  if (typeof metric !== "object" || metric === null || typeof metric.id !== "string" || typeof metric.unit !== "string")
    return "metric needs an id and a unit";
  if (!("value" in r) || !isNumberOrNull(r.value)) return `value is ${JSON.stringify(r.value)}, not a number or null`;
  if (r.previous !== undefined && !isNumberOrNull(r.previous))
    return `previous is ${JSON.stringify(r.previous)}, not a number or null`;
  const change = r.change as Partial<Result["change"]> | null | undefined;
  if (
    typeof change !== "object" ||
    change === null ||
    !isNumberOrNull(change.absolute ?? null) ||
    !isNumberOrNull(change.relative ?? null)
  )
    return "change needs absolute and relative numbers (or null)";
  if (!Array.isArray(r.series)) return "series is not an array";
  const bad = r.series.findIndex(
    (p: unknown) =>
      !p ||
      typeof p !== "object" ||
      typeof (p as { start?: unknown }).start !== "string" ||
      !isNumberOrNull((p as { value?: unknown }).value) ||
      !isNumberOrNull((p as { previous?: unknown }).previous ?? null),
  );
  if (bad >= 0) return `series[${bad}] needs a start and a number (or null) as value`;
  return undefined;
}

/** Whether a value is a result every widget can draw. */
export function isResult(value: unknown): value is Result {
  return resultProblem(value) === undefined;
}
