// The vocabulary of definitions and results, free of zod so that formatting code (and the widgets
// that use it) can import it without the schemas.

export const LOCALES = ["en", "ru", "ms", "zh-Hans", "zh-Hant"] as const;
export type Locale = (typeof LOCALES)[number];
/** Texts in the five locales. */
export type LocaleTexts = Record<Locale, string>;
export const UNITS = ["currency", "percent", "count", "duration", "score", "ratio"] as const;
export type Unit = (typeof UNITS)[number];
export const DIRECTIONS = ["up", "down", "none"] as const;
export type Better = (typeof DIRECTIONS)[number];
export const DOMAINS = [
  "sales",
  "marketing",
  "customer_service",
  "after_sales",
  "fulfilment",
  "manufacturing",
  "custom",
] as const;
export type Domain = (typeof DOMAINS)[number];
