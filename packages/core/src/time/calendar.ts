// Calendar arithmetic on local dates, represented as epoch days (days since 1970-01-01 in the
// proleptic Gregorian calendar, independent of any zone), and the grain boundaries of a zone.
import { localFields, localToInstant, offsetAt } from "./zone.js";

export const GRAINS = ["hour", "day", "week", "month", "quarter", "year"] as const;
export type Grain = (typeof GRAINS)[number];

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

export function dayFromYmd(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.floor(d.getTime() / MS_PER_DAY);
}

export function ymdFromDay(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM-DD` of an epoch day. */
export function isoDate(day: number): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The epoch day of a `YYYY-MM-DD` string, or undefined when it is not a real date. */
export function parseIsoDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const epochDay = dayFromYmd(year, month, day);
  const back = ymdFromDay(epochDay);
  return back.year === year && back.month === month && back.day === day ? epochDay : undefined;
}

/** ISO weekday of an epoch day: Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Adds calendar months, clamping to the end of a shorter month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: number, months: number): number {
  const { year, month, day: d } = ymdFromDay(day);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const lastDay = ymdFromDay(dayFromYmd(y, m + 1, 1) - 1).day;
  return dayFromYmd(y, m, Math.min(d, lastDay));
}

/** The local date of an instant in `tz`, as an epoch day. */
export function localDay(tz: string, epochMs: number): number {
  // The local wall time as if it were UTC, whole days of it: the epoch day (before 1970 the zone's
  // offsets come from Intl's fields, as localFields reads them).
  if (epochMs >= 0) return Math.floor((epochMs + offsetAt(tz, epochMs)) / MS_PER_DAY);
  const f = localFields(tz, epochMs);
  return dayFromYmd(f.year, f.month, f.day);
}

/**
 * Day starts by zone and epoch day: a query's buckets, spans and comparisons ask for the same few
 * hundred days' starts many times over, and each is three offset lookups and several Dates.
 * Bounded as the offsets are.
 */
const dayStarts = new Map<string, Map<number, number>>();
const MAX_CACHED_DAYS = 50_000;

/** The first instant of a local date in `tz` (later than midnight when midnight was skipped). */
export function startOfDay(tz: string, day: number): number {
  let zone = dayStarts.get(tz);
  if (!zone) dayStarts.set(tz, (zone = new Map()));
  let start = zone.get(day);
  if (start === undefined) {
    const { year, month, day: d } = ymdFromDay(day);
    start = localToInstant(tz, { year, month, day: d, hour: 0, minute: 0, second: 0, millisecond: 0 });
    if (zone.size >= MAX_CACHED_DAYS) zone.clear();
    zone.set(day, start);
  }
  return start;
}

/** Hours in a local date of `tz`: 24, or 23 and 25 on days the clocks change. */
export function hoursInDay(tz: string, day: number): number {
  return (startOfDay(tz, day + 1) - startOfDay(tz, day)) / MS_PER_HOUR;
}

/**
 * Where an instant falls in local days: the epoch day plus the elapsed fraction of that day.
 * Pro-rating by days (targets) uses this, so a 23-hour day still counts as one day.
 */
export function dayPosition(tz: string, epochMs: number): number {
  const day = localDay(tz, epochMs);
  const start = startOfDay(tz, day);
  if (epochMs < start) return day; // inside a skipped midnight: the day has not begun
  return day + (epochMs - start) / (startOfDay(tz, day + 1) - start);
}

/**
 * The local dates whose first instant falls in [start, end), as epoch days [from, to). A fact
 * dated with a calendar date (ad spend) belongs to a span when its date begins inside it.
 */
export function datesIn(tz: string, start: number, end: number): { from: number; to: number } {
  return { from: Math.ceil(dayPosition(tz, start)), to: Math.ceil(dayPosition(tz, end)) };
}

/** The first epoch day of the `grain` period (day and longer) that contains `day`. */
export function grainStartDay(day: number, grain: Exclude<Grain, "hour">): number {
  switch (grain) {
    case "day":
      return day;
    case "week":
      return day - (isoWeekday(day) - 1);
    case "month":
    case "quarter":
    case "year": {
      const { year, month } = ymdFromDay(day);
      const m = grain === "month" ? month : grain === "quarter" ? month - ((month - 1) % 3) : 1;
      return dayFromYmd(year, m, 1);
    }
  }
}

/** Moves an epoch day by whole `grain` steps (day and longer). */
export function addGrain(day: number, grain: Exclude<Grain, "hour">, steps: number): number {
  switch (grain) {
    case "day":
      return day + steps;
    case "week":
      return day + 7 * steps;
    case "month":
      return addMonths(day, steps);
    case "quarter":
      return addMonths(day, 3 * steps);
    case "year":
      return addMonths(day, 12 * steps);
  }
}

/**
 * The start of the local hour containing an instant. Usually the last :00 on the local clock;
 * but if the clock changed since then (by half an hour on Lord Howe Island, or back an hour),
 * the hour began at the change, found by bisection on whole minutes.
 */
function floorHour(tz: string, epochMs: number): number {
  const f = localFields(tz, epochMs);
  const start = epochMs - ((f.minute * 60 + f.second) * 1000 + f.millisecond);
  const offset = offsetAt(tz, epochMs);
  if (offsetAt(tz, start) === offset) return start;
  let lo = Math.floor(start / 60_000);
  let hi = Math.floor(epochMs / 60_000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(tz, mid * 60_000) === offset) hi = mid;
    else lo = mid;
  }
  return hi * 60_000;
}

/** The start of the `grain` period of `tz` that contains the instant. */
export function floorToGrain(tz: string, epochMs: number, grain: Grain): number {
  if (grain === "hour") return floorHour(tz, epochMs);
  return startOfDay(tz, grainStartDay(localDay(tz, epochMs), grain));
}

/** The first `grain` boundary of `tz` strictly after the instant. */
export function nextBoundary(tz: string, epochMs: number, grain: Grain): number {
  const floor = floorToGrain(tz, epochMs, grain);
  if (grain === "hour") {
    // The hour after this one starts within the next 60 minutes: at the next :00, or earlier
    // where the clock changes.
    const candidate = floor + MS_PER_HOUR;
    const start = floorHour(tz, candidate);
    return start > epochMs ? start : candidate;
  }
  const day = grainStartDay(localDay(tz, floor), grain);
  return startOfDay(tz, addGrain(day, grain, 1));
}
