// The widgets' own words, from core's uiTexts, in the closest of the five catalog locales. An
// element with words of its own adds them when its module loads (addTexts), so that a page with
// only cards downloads none of the range picker's.
import {
  type breakdownTexts,
  catalogLocale,
  dimensionTexts,
  type funnelTexts,
  type LocaleTexts,
  type rangeTexts,
  type tableTexts,
  uiTexts,
} from "@kpikit/core";

type Known = typeof uiTexts & typeof rangeTexts & typeof breakdownTexts & typeof tableTexts & typeof funnelTexts;
export type TextKey = keyof Known & string;

const known: Record<string, LocaleTexts> = { ...uiTexts };

/** Makes an element's own words known (its module calls this once, as it loads). */
export function addTexts(texts: Record<string, LocaleTexts>): void {
  Object.assign(known, texts);
}

/** A UI text in the closest of the five locales to a BCP 47 locale. */
export function text(key: TextKey, locale: string | undefined): string {
  const texts = known[key];
  return texts?.[catalogLocale(locale)] ?? texts?.en ?? key;
}

/** A UI text with its `{name}` placeholders filled in (word order differs between the locales). */
export function textWith(key: TextKey, locale: string | undefined, values: Record<string, string>): string {
  return text(key, locale).replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/** A dimension's name (`channel` → "Channel") in the closest locale, or its id when the catalog has none. */
export function dimensionName(dimension: string, locale: string | undefined): string {
  return dimensionTexts[dimension]?.[catalogLocale(locale)] ?? dimension;
}
