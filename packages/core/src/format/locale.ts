// Which of the five catalog locales a page's locale reads, apart from the formatters: the widgets
// pick their words with it in every bundle, and format numbers of their own only in some.
import { LOCALES, type Locale } from "../definitions/units.js";

/** The closest of the five catalog locales to a BCP 47 tag (labels fall back to English). */
export function catalogLocale(locale: string | undefined): Locale {
  if (!locale) return "en";
  const lower = locale.toLowerCase();
  if (lower.startsWith("zh")) {
    return /-(hant|tw|hk|mo)\b/.test(lower) ? "zh-Hant" : "zh-Hans";
  }
  const lang = lower.split("-")[0];
  return (LOCALES as readonly string[]).includes(lang!) ? (lang as Locale) : "en";
}
