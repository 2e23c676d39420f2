// The demo pages' embed token, minted by the server's /demo/token as a shop's own backend would
// mint it (the secret key never reaches the page). Given to <kpi-provider> as its tokenProvider,
// which calls it again before the token expires.
import { LOCALES, type Locale } from "@kpikit/elements";

export async function demoToken(): Promise<string> {
  const response = await fetch("/demo/token", { cache: "no-store" });
  if (!response.ok) throw new Error(`the demo token endpoint answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  ru: "Русский",
  ms: "Bahasa Melayu",
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文",
};
export const LANGUAGES = LOCALES.map((locale) => [locale, LOCALE_NAMES[locale]] as const);

export const RANGES = [
  ["last_7_days", "Last 7 days"],
  ["last_30_days", "Last 30 days"],
  ["last_90_days", "Last 90 days"],
  ["mtd", "Month to date"],
  ["qtd", "Quarter to date"],
  ["ytd", "Year to date"],
] as const;
