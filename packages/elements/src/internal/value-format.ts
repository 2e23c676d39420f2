// Numbers a result carries unformatted (series points, scale ends, targets), formatted like its
// value with the core function the API formats `result.formatted` with (values.ts).
import { formatValue } from "@kpikit/core/format";
import type { Result } from "@kpikit/core";
import { text } from "./texts.js";

/** Formats other numbers of the result's KPI like its value (axes have their own: axes.ts's tickFormat). */
export function valueFormat(result: Result, locale: string): (value: number | null) => string {
  const { unit, currency, scale } = result.metric;
  return (value) => formatValue(value, { unit, locale, currency, scale }) ?? text("not_available", locale);
}
