// The widgets' own words, from core's uiTexts, in the closest of the five catalog locales.
import { catalogLocale, dimensionTexts, uiTexts } from "@kpikit/core";

export type TextKey = keyof typeof uiTexts & string;

/** A UI text in the closest of the five locales to a BCP 47 locale. */
export function text(key: TextKey, locale: string | undefined): string {
  const texts = uiTexts[key];
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
