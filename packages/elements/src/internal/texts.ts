// The widgets' own words, from core's uiTexts, in the closest of the five catalog locales.
import { catalogLocale, uiTexts } from "@kpikit/core";

export type TextKey = keyof typeof uiTexts & string;

/** A UI text for a BCP 47 locale, with `{name}` placeholders filled from `values`. */
export function text(key: TextKey, locale: string | undefined, values: Record<string, string> = {}): string {
  const texts = uiTexts[key];
  const template = texts?.[catalogLocale(locale)] ?? texts?.en ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
