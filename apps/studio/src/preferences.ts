// The Studio's language and theme, kept in localStorage (they are no secret) across visits. The
// first visit takes the browser's language if it is one of the five, and the system's theme.
import { LOCALES, type Locale } from "./messages.js";

const LOCALE_KEY = "kpikit.studio.locale";
const THEME_KEY = "kpikit.studio.theme";

const isLocale = (tag: string | null): tag is Locale => (LOCALES as readonly string[]).includes(tag ?? "");

function browserLocale(): Locale {
  const tag = navigator.language;
  if (isLocale(tag)) return tag;
  if (/^zh-(TW|HK|MO)|^zh-Hant/i.test(tag)) return "zh-Hant";
  if (/^zh/i.test(tag)) return "zh-Hans";
  const base = tag.split("-")[0] ?? "";
  return isLocale(base) ? base : "en";
}

export const preferences = {
  locale(): Locale {
    const stored = localStorage.getItem(LOCALE_KEY);
    return isLocale(stored) ? stored : browserLocale();
  },
  storeLocale: (locale: Locale) => localStorage.setItem(LOCALE_KEY, locale),
  theme(): "light" | "dark" {
    const stored = localStorage.getItem(THEME_KEY);
    if (stored === "light" || stored === "dark") return stored;
    return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  },
  storeTheme: (theme: "light" | "dark") => localStorage.setItem(THEME_KEY, theme),
};
