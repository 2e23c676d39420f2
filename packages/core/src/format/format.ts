// Formatting of KPI values and changes per unit and locale, all through Intl, so that the API's
// `formatted` strings and the widgets agree to the character.
import type { Locale, Unit } from "../definitions/units.js";
import { catalogLocale } from "./locale.js";

// The query runner formats with it beside the formatters, and imports it from here.
export { catalogLocale };

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

export interface FormatOptions {
  unit: Unit;
  locale?: string | undefined;
  /** ISO 4217 code for currency values. */
  currency?: string | undefined;
  /** Short forms for large numbers: 12.3K, $1.2M. */
  compact?: boolean | undefined;
  /** With its sign, "+$120.00", as a change is written. */
  signed?: boolean | undefined;
  /** The range of a score (1–5, −100–100): its precision, and "/5" after a rating. */
  scale?: { min: number; max: number } | undefined;
}

const DURATION_STEPS: readonly [unit: string, seconds: number][] = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

/** A duration in seconds in the largest unit that keeps it at least 1 (90 s → 1.5 min; 2 d). */
export function formatDuration(seconds: number, locale = "en", signed = false): string {
  const abs = Math.abs(seconds);
  const [unit, size] = DURATION_STEPS.find(([, s]) => abs >= s) ?? DURATION_STEPS[DURATION_STEPS.length - 1]!;
  const value = seconds / size;
  return numberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: Math.abs(value) < 10 ? 1 : 0,
    ...(signed ? { signDisplay: "exceptZero" } : {}),
  }).format(value);
}

/** A KPI value for display; `null` (no value) stays null so the caller shows its own "n/a". */
export function formatValue(value: number | null, options: FormatOptions): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  const locale = options.locale ?? "en";
  const compact = options.compact ? ({ notation: "compact", maximumFractionDigits: 1 } as const) : {};
  const sign = options.signed ? ({ signDisplay: "exceptZero" } as const) : {};
  const number = (o: Intl.NumberFormatOptions) => numberFormat(locale, { ...o, ...sign }).format(value);
  switch (options.unit) {
    case "currency":
      return number({ style: "currency", currency: options.currency ?? "USD", ...compact });
    case "percent":
      // One decimal always, so that like KPIs side by side read alike (10.0 % beside 9.4 %).
      return number({ style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
    case "duration":
      return formatDuration(value, locale, options.signed);
    case "count":
      return number({ maximumFractionDigits: Number.isInteger(value) ? 0 : 1, ...compact });
    case "score":
      return formatScore(options, number);
    case "ratio":
      return number({ maximumFractionDigits: 2, ...compact });
  }
}

/**
 * A rating on a short scale (1–5) to one decimal, out of its top ("4.3/5"); a score on a wide one
 * (NPS, −100–100) whole. Without a scale, up to two decimals.
 */
function formatScore({ scale, signed }: FormatOptions, number: (o: Intl.NumberFormatOptions) => string): string {
  if (!scale) return number({ maximumFractionDigits: 2 });
  const digits = scale.max - scale.min <= 10 ? 1 : 0;
  const shown = number({ minimumFractionDigits: digits, maximumFractionDigits: digits });
  // A change of a rating is a difference, not a rating: "+0.2", not "+0.2/5".
  return scale.min >= 0 && !signed ? `${shown}/${scale.max}` : shown;
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

/** How a change is told: in percent of the base, in the KPI's unit, or in percentage points. */
export const DELTAS = ["relative", "absolute", "points"] as const;
export type DeltaKind = (typeof DELTAS)[number];

/**
 * A rate that moves from 2.0 % to 2.4 % has changed by 0.4 percentage points, which a reader takes
 * in at once; "+20 %" of a percentage is read as 22 %. A score moves by its own points (CSAT +0.2,
 * NPS −33: a percent of an NPS that crossed zero means nothing). Counts and money change in percent.
 */
export function defaultDelta(unit: Unit): DeltaKind {
  return unit === "percent" ? "points" : unit === "score" ? "absolute" : "relative";
}

const POINTS: Record<Locale, (n: string) => string> = {
  en: (n) => `${n} pp`,
  ru: (n) => `${n} п. п.`,
  ms: (n) => `${n} mata peratusan`,
  "zh-Hans": (n) => `${n}个百分点`,
  "zh-Hant": (n) => `${n}個百分點`,
};

/** A change of a percent KPI in percentage points, "+0.4 pp"; `null` for other units. */
function formatPoints(absolute: number, options: FormatOptions): string | null {
  if (options.unit !== "percent") return null;
  const locale = options.locale ?? "en";
  const n = numberFormat(locale, { signDisplay: "exceptZero", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return POINTS[catalogLocale(locale)](n.format(absolute * 100));
}

/** A change written each way a widget may show it; `null` where it has no meaning. */
export function formatChanges(
  change: { absolute: number | null; relative: number | null },
  options: FormatOptions,
): Record<DeltaKind, string | null> {
  const { absolute } = change;
  const known = absolute !== null && Number.isFinite(absolute);
  return {
    relative: formatChange(change.relative, options.locale),
    absolute: known ? formatValue(absolute, { ...options, signed: true }) : null,
    points: known ? formatPoints(absolute, options) : null,
  };
}
