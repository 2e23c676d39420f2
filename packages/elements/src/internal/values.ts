// One place formats a result's own numbers: the API, in the query's locale (`result.formatted`),
// and widgets show those strings as sent. Numbers a result carries unformatted (series points,
// scale ends, targets) are formatted with the same core function (value-format.ts), so both agree;
// apart, so that a card, which shows the API's strings only, brings no number formatting.
import type { Result } from "@kpikit/core";
import { text } from "./texts.js";

/** The result's value as the API formatted it, or the locale's "n/a". */
export function shownValue(result: Result, locale: string): string {
  return result.formatted.value ?? text("not_available", locale);
}
