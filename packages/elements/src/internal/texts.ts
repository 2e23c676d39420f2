// The widgets' own words, from core's uiTexts, in the closest of the five catalog locales.
import { catalogLocale, uiTexts } from "@kpikit/core";

export type TextKey = keyof typeof uiTexts & string;

/** A UI text in the closest of the five locales to a BCP 47 locale. */
export function text(key: TextKey, locale: string | undefined): string {
  const texts = uiTexts[key];
  return texts?.[catalogLocale(locale)] ?? texts?.en ?? key;
}
