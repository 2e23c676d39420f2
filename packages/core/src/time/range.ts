// Query ranges: presets and explicit dates resolved to instants in a zone, the periods they are
// compared with, and the dense buckets of a grain.
import { KpiError } from "../errors.js";
import { addMonths, type Grain, localDay, nextBoundary, parseIsoDate, startOfDay, ymdFromDay } from "./calendar.js";
import { localFields, localToInstant } from "./zone.js";

export const RANGE_PRESETS = [
  "today",
  "yesterday",
  "last_7_days",
  "last_28_days",
  "last_30_days",
  "last_90_days",
  "mtd",
  "qtd",
  "ytd",
  "last_month",
  "last_year",
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const COMPARES = ["previous_period", "previous_year", "none"] as const;
export type Compare = (typeof COMPARES)[number];

/** A half-open span of time, [start, end), in epoch milliseconds. */
export interface Span {
  start: number;
  end: number;
}

export interface Bucket extends Span {
  /** The bucket's grain period is still running at `now`. */
  partial: boolean;
}

export const MAX_BUCKETS = 1000;
/** Explicit ranges may span at most this many days (a hundred years of daily data is nonsense). */
export const MAX_RANGE_DAYS = 3660;

const EXPLICIT = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

export function isRange(text: string): boolean {
  return (RANGE_PRESETS as readonly string[]).includes(text) || EXPLICIT.test(text);
}

/**
 * Resolves a range in `tz`. Presets end at `now` (today, last_N_days, mtd, qtd, ytd) or at the
 * start of the current period (yesterday, last_month, last_year); `last_N_days` is today and the
 * N - 1 days before it (the N days before `now` when it is exactly local midnight). Explicit ranges
 * run from the start date's midnight to the end date's.
 */
export function resolveRange(range: string, tz: string, now: number): Span {
  const today = localDay(tz, now);
  const day = (d: number) => startOfDay(tz, d);
  const { month } = ymdFromDay(today);
  const firstOfMonth = today - ymdFromDay(today).day + 1;
  const firstOfQuarter = addMonths(firstOfMonth, -((month - 1) % 3));
  const firstOfYear = addMonths(firstOfMonth, -(month - 1));
  switch (range) {
    case "today":
      return { start: day(today), end: now };
    case "yesterday":
      return { start: day(today - 1), end: day(today) };
    case "last_7_days":
    case "last_28_days":
    case "last_30_days":
    case "last_90_days": {
      // At exactly local midnight no day is current yet: the N whole days before now, not N - 1
      // and an empty today.
      const days = Number(range.split("_")[1]);
      return { start: day(today - days + (day(today) === now ? 0 : 1)), end: now };
    }
    case "mtd":
      return { start: day(firstOfMonth), end: now };
    case "qtd":
      return { start: day(firstOfQuarter), end: now };
    case "ytd":
      return { start: day(firstOfYear), end: now };
    case "last_month":
      return { start: day(addMonths(firstOfMonth, -1)), end: day(firstOfMonth) };
    case "last_year":
      return { start: day(addMonths(firstOfYear, -12)), end: day(firstOfYear) };
  }
  const { from, to } = explicitDays(range);
  return { start: day(from), end: day(to) };
}

/**
 * The first day and the day after the last (epoch days) of a `YYYY-MM-DD..YYYY-MM-DD` range, checked
 * as every query checks it (real dates, the end after the start, not too long); throws KpiError.
 */
export function explicitDays(range: string): { from: number; to: number } {
  const m = EXPLICIT.exec(range);
  const from = m ? parseIsoDate(m[1]!) : undefined;
  const to = m ? parseIsoDate(m[2]!) : undefined;
  if (from === undefined || to === undefined) {
    throw new KpiError(
      "invalid_query",
      `range "${range}" is neither a preset (${RANGE_PRESETS.join(", ")}) nor YYYY-MM-DD..YYYY-MM-DD with real dates`,
      [{ path: "range", message: "unknown range" }],
    );
  }
  if (to <= from) {
    throw new KpiError("invalid_query", `range "${range}" ends on or before it starts; the end date is exclusive`, [
      { path: "range", message: "empty range" },
    ]);
  }
  if (to - from > MAX_RANGE_DAYS) {
    throw new KpiError(
      "invalid_query",
      `range "${range}" spans ${to - from} days; at most ${MAX_RANGE_DAYS} are allowed`,
      [{ path: "range", message: "range too long" }],
    );
  }
  return { from, to };
}

/**
 * The whole period a range is the running part of at `now`, for a pace to project to: today's day,
 * the month of `mtd`, the quarter of `qtd`, the year of `ytd`, and an explicit range that `now` is
 * inside. Trailing windows (`last_30_days`) and finished ranges run towards no end: undefined.
 */
export function runningPeriod(range: string, tz: string, now: number, span: Span): Span | undefined {
  const months = ({ mtd: 1, qtd: 3, ytd: 12 } as Record<string, number>)[range];
  const end =
    range === "today"
      ? startOfDay(tz, localDay(tz, now) + 1)
      : months !== undefined
        ? startOfDay(tz, addMonths(localDay(tz, span.start), months))
        : EXPLICIT.test(range)
          ? span.end
          : undefined;
  if (end === undefined || !(span.start < now && now < end)) return undefined;
  return { start: span.start, end };
}

/** The number of whole local months a span covers, when it runs from a month start to a month start. */
function wholeMonths(tz: string, span: Span): number | undefined {
  const s = localDay(tz, span.start);
  const e = localDay(tz, span.end);
  if (ymdFromDay(s).day !== 1 || ymdFromDay(e).day !== 1) return undefined;
  if (startOfDay(tz, s) !== span.start || startOfDay(tz, e) !== span.end) return undefined;
  const a = ymdFromDay(s);
  const b = ymdFromDay(e);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** Local calendar days a span touches (a span that ends mid-day counts that day). */
export function localDaysTouched(tz: string, span: Span): number {
  return localDay(tz, span.end - 1) - localDay(tz, span.start) + 1;
}

/**
 * The period a range is compared with: as long in local calendar days and ending where the range
 * starts; a range of whole calendar months compares with the same number of months before it.
 */
export function previousPeriod(tz: string, span: Span): Span {
  const months = wholeMonths(tz, span);
  const startDay = localDay(tz, span.start);
  if (months) return { start: startOfDay(tz, addMonths(startDay, -months)), end: span.start };
  return { start: startOfDay(tz, startDay - localDaysTouched(tz, span)), end: span.start };
}

/**
 * An instant moved by local calendar days and months, keeping its wall-clock time; the start of a
 * day moves to the start of the other day. A day whose midnight a clock change skipped starts at
 * 01:00, and the day before it at 00:00: keeping 01:00 would drop that day's first hour.
 */
export function shiftLocal(tz: string, epochMs: number, by: { days?: number; months?: number }): number {
  const from = localDay(tz, epochMs);
  const day = addMonths(from, by.months ?? 0) + (by.days ?? 0);
  if (startOfDay(tz, from) === epochMs) return startOfDay(tz, day);
  const { year, month, day: d } = ymdFromDay(day);
  return localToInstant(tz, { ...localFields(tz, epochMs), year, month, day: d });
}

/**
 * The same span a year earlier. Weekly series shift by 52 weeks instead, so that a Monday
 * compares with a Monday (a calendar year would misalign every week).
 */
export function previousYear(tz: string, span: Span, grain: Grain): Span {
  const by = grain === "week" ? { days: -364 } : { months: -12 };
  return { start: shiftLocal(tz, span.start, by), end: shiftLocal(tz, span.end, by) };
}

/** The span one grain step earlier, wall-clock aligned: the previous hour, day, week, month… */
export function previousStep(tz: string, span: Span, grain: Grain): Span {
  if (grain === "hour") return { start: span.start - 3_600_000, end: span.end - 3_600_000 };
  const by =
    grain === "day"
      ? { days: -1 }
      : grain === "week"
        ? { days: -7 }
        : { months: grain === "month" ? -1 : grain === "quarter" ? -3 : -12 };
  return { start: shiftLocal(tz, span.start, by), end: shiftLocal(tz, span.end, by) };
}

export function comparedSpan(tz: string, span: Span, compare: Compare, grain: Grain): Span | undefined {
  if (compare === "none") return undefined;
  return compare === "previous_year" ? previousYear(tz, span, grain) : previousPeriod(tz, span);
}

/** A grain that gives a readable series for the span: hours for a day or two, then days, weeks, months. */
export function defaultGrain(tz: string, span: Span): Grain {
  const days = localDaysTouched(tz, span);
  if (days <= 2) return "hour";
  if (days <= 92) return "day";
  if (days <= 183) return "week";
  return "month";
}

/**
 * The dense buckets of a span: one per grain step, the first and last clipped to the span, each
 * flagged partial while its grain period is still running at `now`.
 */
export function bucketsOf(tz: string, span: Span, grain: Grain, now: number): Bucket[] {
  const out: Bucket[] = [];
  let start = span.start;
  while (start < span.end) {
    const natural = nextBoundary(tz, start, grain);
    out.push({ start, end: Math.min(natural, span.end), partial: start <= now && now < natural });
    if (out.length > MAX_BUCKETS) {
      throw new KpiError(
        "too_many_buckets",
        `a ${grain} series of this range has more than ${MAX_BUCKETS} buckets; choose a coarser grain or a ` +
          `shorter range`,
        [{ path: "grain", message: "too many buckets" }],
      );
    }
    start = natural;
  }
  return out;
}
