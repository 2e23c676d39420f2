// IANA time zones through Intl alone (core has no runtime dependency but zod).
// Instants are epoch milliseconds; local wall times are broken into fields.

export interface LocalFields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(tz, f);
  }
  return f;
}

/** True when `tz` names a zone this runtime knows (IANA names, plus "UTC"). */
export function isTimeZone(tz: string): boolean {
  if (typeof tz !== "string" || tz.length === 0 || tz.length > 64) return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

function fieldsFromIntl(tz: string, epochMs: number): LocalFields {
  const millisecond = ((epochMs % 1000) + 1000) % 1000;
  const parts = formatter(tz).formatToParts(epochMs - millisecond);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  let year = get("year");
  if (parts.find((p) => p.type === "era")?.value === "BC") year = 1 - year;
  return {
    year,
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
    millisecond,
  };
}

/**
 * Offsets by zone and UTC minute. Intl is slow (microseconds a call) and a query asks for the same
 * bounds' offsets many times; every zone transition since 1972 happens on a whole minute, so an
 * offset holds for the whole minute. Bounded, and never used before 1970.
 */
const offsetCache = new Map<string, Map<number, number>>();
const MAX_CACHED_MINUTES = 50_000;

/** The wall-clock fields of an instant in `tz`. */
export function localFields(tz: string, epochMs: number): LocalFields {
  if (epochMs < 0) return fieldsFromIntl(tz, epochMs);
  const d = new Date(epochMs + offsetAt(tz, epochMs));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

function wallAsUtc(f: LocalFields): number {
  const d = new Date(0);
  d.setUTCFullYear(f.year, f.month - 1, f.day);
  d.setUTCHours(f.hour, f.minute, f.second, f.millisecond);
  return d.getTime();
}

/** Offset of `tz` from UTC at an instant, in milliseconds (local = utc + offset). */
export function offsetAt(tz: string, epochMs: number): number {
  if (epochMs < 0) return wallAsUtc(fieldsFromIntl(tz, epochMs)) - epochMs;
  let zone = offsetCache.get(tz);
  if (!zone) offsetCache.set(tz, (zone = new Map()));
  const minute = Math.floor(epochMs / 60_000);
  let offset = zone.get(minute);
  if (offset === undefined) {
    const start = minute * 60_000;
    offset = wallAsUtc(fieldsFromIntl(tz, start)) - start;
    if (zone.size >= MAX_CACHED_MINUTES) zone.clear();
    zone.set(minute, offset);
  }
  return offset;
}

/**
 * The instant a local wall time names in `tz`. Ambiguous times (a clock turned back) resolve to
 * the earlier instant and skipped times (a clock turned forward) to the later one, as Temporal's
 * "compatible" disambiguation does, so a day that starts inside a gap starts when the clock resumes.
 */
export function localToInstant(tz: string, f: LocalFields): number {
  const wall = wallAsUtc(f);
  const before = offsetAt(tz, wall - MS_PER_DAY);
  const after = offsetAt(tz, wall + MS_PER_DAY);
  const candidates = [wall - before, wall - after].filter((t) => offsetAt(tz, t) === wall - t);
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - before;
}

/** `2026-10-24T00:00:00+03:00`: an instant as ISO 8601 with the offset `tz` has there. */
export function formatInstant(tz: string, epochMs: number): string {
  const f = localFields(tz, epochMs);
  const offsetMin = Math.round(offsetAt(tz, epochMs) / 60_000);
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  const p2 = (n: number) => String(n).padStart(2, "0");
  const ms = f.millisecond ? `.${String(f.millisecond).padStart(3, "0")}` : "";
  const year =
    f.year >= 0 && f.year <= 9999
      ? String(f.year).padStart(4, "0")
      : (f.year < 0 ? "-" : "+") + String(Math.abs(f.year)).padStart(6, "0");
  const offset = `${sign}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
  return `${year}-${p2(f.month)}-${p2(f.day)}T${p2(f.hour)}:${p2(f.minute)}:${p2(f.second)}${ms}${offset}`;
}
