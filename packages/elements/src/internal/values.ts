// One place formats a result's own numbers: the API, in the query's locale (`result.formatted`),
// and widgets show those strings as sent. Numbers a result carries unformatted (series points,
// scale ends, targets) are formatted here with the same core function, so both agree.
import { formatValue, type Result } from "@kpikit/core";
import { text } from "./texts.js";

/** The result's value as the API formatted it, or the locale's "n/a". */
export function shownValue(result: Result, locale: string): string {
  return result.formatted.value ?? text("not_available", locale);
}

/** Formats other numbers of the result's KPI like its value (axes have their own: scale.ts's tickFormat). */
export function valueFormat(result: Result, locale: string): (value: number | null) => string {
  const { unit, currency, scale } = result.metric;
  return (value) => formatValue(value, { unit, locale, currency, scale }) ?? text("not_available", locale);
}
