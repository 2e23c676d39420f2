// Formatting of KPI values and changes per unit and locale, all through Intl, so that the API's
// `formatted` strings and the widgets agree to the character.
import { LOCALES, type Locale, type Unit } from "../definitions/units.js";

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      f = new Intl.NumberFormat("en", options); // an unknown locale or currency tag
    }
    cache.set(key, f);
  }
  return f;
}

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

export interface FormatOptions {
  unit: Unit;
  locale?: string | undefined;
  /** ISO 4217 code for currency values. */
  currency?: string | undefined;
  /** Short forms for large numbers: 12.3K, $1.2M. */
  compact?: boolean | undefined;
}

const DURATION_STEPS: readonly [unit: string, seconds: number][] = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

/** A duration in seconds in the largest unit that keeps it at least 1 (90 s → 1.5 min; 2 d). */
export function formatDuration(seconds: number, locale = "en"): string {
  const abs = Math.abs(seconds);
  const [unit, size] = DURATION_STEPS.find(([, s]) => abs >= s) ?? DURATION_STEPS[DURATION_STEPS.length - 1]!;
  const value = seconds / size;
  return numberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: Math.abs(value) < 10 ? 1 : 0,
  }).format(value);
}

/** A KPI value for display; `null` (no value) stays null so the caller shows its own "n/a". */
export function formatValue(value: number | null, options: FormatOptions): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  const locale = options.locale ?? "en";
  const compact = options.compact ? ({ notation: "compact", maximumFractionDigits: 1 } as const) : {};
  switch (options.unit) {
    case "currency":
      return numberFormat(locale, { style: "currency", currency: options.currency ?? "USD", ...compact }).format(value);
    case "percent":
      return numberFormat(locale, {
        style: "percent",
        maximumFractionDigits: 1,
        minimumFractionDigits: Math.abs(value) < 0.1 ? 1 : 0,
      }).format(value);
    case "duration":
      return formatDuration(value, locale);
    case "count":
      return numberFormat(locale, { maximumFractionDigits: Number.isInteger(value) ? 0 : 1, ...compact }).format(value);
    case "score":
      return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    case "ratio":
      return numberFormat(locale, { maximumFractionDigits: 2, ...compact }).format(value);
  }
}

/** A relative change with its sign, "+9.0%" / "−2.5%"; `null` when there is no base to compare with. */
export function formatChange(relative: number | null, locale = "en"): string | null {
  if (relative === null || !Number.isFinite(relative)) return null;
  return numberFormat(locale, {
    style: "percent",
    signDisplay: "exceptZero",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(relative);
}
