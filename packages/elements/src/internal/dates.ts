// Dates for axes, tooltips, tables and the card's pace, in the query's time zone and the page's locale.
import type { Grain } from "@kpikit/core";

const formats = new Map<string, Intl.DateTimeFormat>();

const OPTIONS: Record<Grain, { short: Intl.DateTimeFormatOptions; long: Intl.DateTimeFormatOptions }> = {
  hour: { short: { hour: "numeric" }, long: { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" } },
  day: {
    short: { month: "short", day: "numeric" },
    long: { weekday: "short", year: "numeric", month: "short", day: "numeric" },
  },
  week: { short: { month: "short", day: "numeric" }, long: { year: "numeric", month: "short", day: "numeric" } },
  month: { short: { month: "short" }, long: { year: "numeric", month: "long" } },
  quarter: { short: { month: "short", year: "2-digit" }, long: { year: "numeric", month: "long" } },
  year: { short: { year: "numeric" }, long: { year: "numeric" } },
};

/** A time (ms since epoch) as the locale writes it in a time zone (UTC in English if either is unknown). */
export function formatTime(
  time: number,
  tz: string,
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): string {
  const key = `${locale}|${tz}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone: tz });
    } catch {
      f = new Intl.DateTimeFormat("en", { ...options, timeZone: "UTC" });
    }
    formats.set(key, f);
  }
  return f.format(time);
}

/** A bucket's start (an ISO timestamp with offset) as the locale writes it, short for axes. */
export function formatBucket(
  start: string,
  grain: Grain,
  tz: string,
  locale: string | undefined,
  length: "short" | "long",
): string {
  const time = Date.parse(start);
  return Number.isNaN(time) ? start : formatTime(time, tz, locale, OPTIONS[grain][length]);
}
