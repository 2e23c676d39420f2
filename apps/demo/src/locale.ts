// The demo pages' own language: from the URL's `lang` (so a link or a test opens a page in any of the
// five), else the browser's closest, else English. The widgets take their language from the page
// or the provider; the pages translate their own words with `words`.
import { LOCALES, type Locale } from "@kpikit/elements";

const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  ru: "Русский",
  ms: "Bahasa Melayu",
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文",
};
export const LANGUAGES = LOCALES.map((locale) => [locale, LOCALE_NAMES[locale]] as const);

const isLocale = (tag: string | null): tag is Locale => (LOCALES as readonly string[]).includes(tag ?? "");

/** The page's locale: the URL's `lang`, else the browser's language if it is one of the five, else English. */
export function pageLocale(): Locale {
  const asked = new URLSearchParams(location.search).get("lang");
  if (isLocale(asked)) return asked;
  const browser = navigator.language;
  if (isLocale(browser)) return browser;
  if (/^zh-(TW|HK|MO)|^zh-Hant/i.test(browser)) return "zh-Hant";
  if (/^zh/i.test(browser)) return "zh-Hans";
  const base = browser.split("-")[0]!;
  return isLocale(base) ? base : "en";
}

/** Keeps the locale in the URL's `lang` (other parameters, such as the range picker's, stay). */
export function rememberLocale(locale: Locale): void {
  const url = new URL(location.href);
  url.searchParams.set("lang", locale);
  history.replaceState(history.state, "", url);
}

/** A page's words in every locale. */
export type Words<K extends string> = Record<Locale, Record<K, string>>;
