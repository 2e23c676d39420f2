import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bucketsOf,
  dayPosition,
  defaultGrain,
  formatInstant,
  GRAINS,
  hoursInDay,
  isTimeZone,
  localToInstant,
  offsetAt,
  parseIsoDate,
  previousPeriod,
  previousYear,
  resolveRange,
  startOfDay,
} from "../src/index.js";

const at = (iso: string) => Date.parse(iso);
const iso = (tz: string, t: number) => formatInstant(tz, t);
const day = (text: string) => parseIsoDate(text)!;

describe("zones", () => {
  it("knows IANA zones and rejects the rest", () => {
    expect(isTimeZone("Europe/Moscow")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });

  it("gives offsets on both sides of a switch", () => {
    expect(offsetAt("America/New_York", at("2026-03-08T06:59:59Z")) / 3_600_000).toBe(-5);
    expect(offsetAt("America/New_York", at("2026-03-08T07:00:00Z")) / 3_600_000).toBe(-4);
    expect(offsetAt("Asia/Kolkata", at("2026-06-01T00:00:00Z")) / 60_000).toBe(330);
  });

  it("resolves a skipped local time to when the clock resumes and a repeated one to the first", () => {
    const wall = (h: number, m = 0) => ({
      year: 2026,
      month: 3,
      day: 8,
      hour: h,
      minute: m,
      second: 0,
      millisecond: 0,
    });
    // 02:30 does not exist in New York on 2026-03-08: it is read as 03:30 EDT.
    expect(localToInstant("America/New_York", wall(2, 30))).toBe(at("2026-03-08T07:30:00Z"));
    // 01:30 happens twice on 2026-11-01: the first (EDT) is chosen.
    expect(localToInstant("America/New_York", { ...wall(1, 30), month: 11, day: 1 })).toBe(at("2026-11-01T05:30:00Z"));
  });

  it("starts a day whose midnight was skipped when the clock resumes", () => {
    // Chile skips 2026-09-06 00:00 (23:59:59 → 01:00).
    expect(startOfDay("America/Santiago", day("2026-09-06"))).toBe(at("2026-09-06T04:00:00Z"));
    expect(hoursInDay("America/Santiago", day("2026-09-06"))).toBe(23);
    expect(hoursInDay("America/Santiago", day("2026-04-04"))).toBe(25);
  });

  it("has 23- and 25-hour days at the 2026 switches", () => {
    expect(hoursInDay("America/New_York", day("2026-03-08"))).toBe(23);
    expect(hoursInDay("America/New_York", day("2026-11-01"))).toBe(25);
    expect(hoursInDay("Europe/Berlin", day("2026-03-29"))).toBe(23);
    expect(hoursInDay("Europe/Berlin", day("2026-10-25"))).toBe(25);
    expect(hoursInDay("Asia/Shanghai", day("2026-03-08"))).toBe(24);
  });

  it("formats instants with the zone's offset", () => {
    expect(iso("Europe/Moscow", at("2026-10-23T21:00:00Z"))).toBe("2026-10-24T00:00:00+03:00");
    expect(iso("UTC", at("2026-01-01T00:00:00.250Z"))).toBe("2026-01-01T00:00:00.250+00:00");
    expect(iso("Asia/Kolkata", at("2026-01-01T00:00:00Z"))).toBe("2026-01-01T05:30:00+05:30");
  });

  it("positions instants in local days", () => {
    const tz = "America/New_York";
    // 12:00 on the 23-hour day is 12 of its 23 hours in (midnight EST, 03:00 EDT is 2 h later).
    expect(dayPosition(tz, at("2026-03-08T16:00:00Z"))).toBeCloseTo(day("2026-03-08") + 11 / 23, 12);
    expect(dayPosition(tz, startOfDay(tz, day("2026-03-09")))).toBe(day("2026-03-09"));
  });
});

describe("ranges", () => {
  const tz = "Europe/Moscow";
  const now = at("2026-11-23T11:30:00Z"); // 14:30 in Moscow

  it("resolves presets ending now, or at the start of the current period", () => {
    const r = (range: string) => {
      const s = resolveRange(range, tz, now);
      return [iso(tz, s.start), iso(tz, s.end)];
    };
    expect(r("today")).toEqual(["2026-11-23T00:00:00+03:00", "2026-11-23T14:30:00+03:00"]);
    expect(r("yesterday")).toEqual(["2026-11-22T00:00:00+03:00", "2026-11-23T00:00:00+03:00"]);
    expect(r("last_7_days")).toEqual(["2026-11-17T00:00:00+03:00", "2026-11-23T14:30:00+03:00"]);
    expect(r("last_30_days")).toEqual(["2026-10-25T00:00:00+03:00", "2026-11-23T14:30:00+03:00"]);
    expect(r("mtd")[0]).toBe("2026-11-01T00:00:00+03:00");
    expect(r("qtd")[0]).toBe("2026-10-01T00:00:00+03:00");
    expect(r("ytd")[0]).toBe("2026-01-01T00:00:00+03:00");
    expect(r("last_month")).toEqual(["2026-10-01T00:00:00+03:00", "2026-11-01T00:00:00+03:00"]);
    expect(r("last_year")).toEqual(["2025-01-01T00:00:00+03:00", "2026-01-01T00:00:00+03:00"]);
    expect(r("2026-10-24..2026-11-23")).toEqual(["2026-10-24T00:00:00+03:00", "2026-11-23T00:00:00+03:00"]);
  });

  it("covers the N whole days before now when now is exactly local midnight", () => {
    const midnight = at("2026-11-23T21:00:00Z"); // 2026-11-24 00:00 in Moscow
    const r = (range: string, zone = tz, instant = midnight) => {
      const s = resolveRange(range, zone, instant);
      return [iso(zone, s.start), iso(zone, s.end)];
    };
    expect(r("last_7_days")).toEqual(["2026-11-17T00:00:00+03:00", "2026-11-24T00:00:00+03:00"]);
    expect(r("last_30_days")).toEqual(["2026-10-25T00:00:00+03:00", "2026-11-24T00:00:00+03:00"]);
    // A millisecond later the new day is current: it and the 6 days before.
    expect(r("last_7_days", tz, midnight + 1)).toEqual(["2026-11-18T00:00:00+03:00", "2026-11-24T00:00:00.001+03:00"]);
    // New York's 25-hour day: midnight after it, 7 whole days of which one is 25 hours long.
    expect(r("last_7_days", "America/New_York", at("2026-11-02T05:00:00Z"))).toEqual([
      "2026-10-26T00:00:00-04:00",
      "2026-11-02T00:00:00-05:00",
    ]);
  });

  it("refuses unreal or empty explicit ranges", () => {
    expect(() => resolveRange("2026-02-30..2026-03-01", tz, now)).toThrow(/real dates/);
    expect(() => resolveRange("2026-03-01..2026-03-01", tz, now)).toThrow(/ends on or before/);
    expect(() => resolveRange("last_8_days", tz, now)).toThrow(/preset/);
  });

  it("compares with as many local days before, or the same number of whole months", () => {
    const p = (range: string) => {
      const s = previousPeriod(tz, resolveRange(range, tz, now));
      return [iso(tz, s.start), iso(tz, s.end)];
    };
    expect(p("last_7_days")).toEqual(["2026-11-10T00:00:00+03:00", "2026-11-17T00:00:00+03:00"]);
    expect(p("mtd")).toEqual(["2026-10-09T00:00:00+03:00", "2026-11-01T00:00:00+03:00"]);
    expect(p("last_month")).toEqual(["2026-09-01T00:00:00+03:00", "2026-10-01T00:00:00+03:00"]);
    expect(p("2026-01-01..2026-03-01")).toEqual(["2025-11-01T00:00:00+03:00", "2026-01-01T00:00:00+03:00"]);
    expect(p("2026-01-31..2026-02-02")).toEqual(["2026-01-29T00:00:00+03:00", "2026-01-31T00:00:00+03:00"]);
  });

  it("compares with the same dates a year earlier, or 52 weeks for weekly series", () => {
    const span = resolveRange("2024-02-29..2024-03-02", "UTC", now);
    const y = previousYear("UTC", span, "day");
    expect([iso("UTC", y.start), iso("UTC", y.end)]).toEqual([
      "2023-02-28T00:00:00+00:00",
      "2023-03-02T00:00:00+00:00",
    ]);
    const w = previousYear("UTC", resolveRange("2026-11-16..2026-11-23", "UTC", now), "week");
    expect(iso("UTC", w.start)).toBe("2025-11-17T00:00:00+00:00"); // a Monday, like 2026-11-16
  });

  it("picks a grain that keeps a series readable", () => {
    const g = (range: string) => defaultGrain(tz, resolveRange(range, tz, now));
    expect(g("today")).toBe("hour");
    expect(g("last_30_days")).toBe("day");
    expect(g("last_90_days")).toBe("day");
    expect(g("last_year")).toBe("month");
  });
});

describe("buckets", () => {
  it("follows DST: a New York day by hour has 23 or 25 buckets", () => {
    const tz = "America/New_York";
    const count = (d: string) =>
      bucketsOf(tz, { start: startOfDay(tz, day(d)), end: startOfDay(tz, day(d) + 1) }, "hour", 0).length;
    expect(count("2026-03-08")).toBe(23);
    expect(count("2026-11-01")).toBe(25);
    expect(count("2026-06-01")).toBe(24);
  });

  it("starts an hour where the clock jumps by half an hour (Lord Howe Island, 2026-10-04)", () => {
    const tz = "Australia/Lord_Howe";
    const b = bucketsOf(
      tz,
      { start: startOfDay(tz, day("2026-10-04")), end: startOfDay(tz, day("2026-10-05")) },
      "hour",
      0,
    );
    expect(hoursInDay(tz, day("2026-10-04"))).toBe(23.5);
    expect(b).toHaveLength(24);
    expect(b.map((x) => iso(tz, x.start)).slice(1, 4)).toEqual([
      "2026-10-04T01:00:00+10:30",
      "2026-10-04T02:30:00+11:00",
      "2026-10-04T03:00:00+11:00",
    ]);
    expect((b[2]!.end - b[2]!.start) / 60_000).toBe(30);
  });

  it("clips the first and last bucket and flags the running one", () => {
    const tz = "UTC";
    const now = at("2026-11-23T11:30:00Z");
    const b = bucketsOf(tz, resolveRange("mtd", tz, now), "week", now);
    expect(b.map((x) => iso(tz, x.start))).toEqual([
      "2026-11-01T00:00:00+00:00", // a Sunday: the ISO week began on Monday 26 October
      "2026-11-02T00:00:00+00:00",
      "2026-11-09T00:00:00+00:00",
      "2026-11-16T00:00:00+00:00",
      "2026-11-23T00:00:00+00:00",
    ]);
    expect(b[0]!.end).toBe(at("2026-11-02T00:00:00Z"));
    expect(b.at(-1)!.end).toBe(now);
    expect(b.map((x) => x.partial)).toEqual([false, false, false, false, true]);
  });

  it("refuses a series of more than 1000 buckets", () => {
    expect(() => bucketsOf("UTC", resolveRange("2020-01-01..2026-01-01", "UTC", 0), "hour", 0)).toThrow(
      /coarser grain/,
    );
  });
});

describe("properties", () => {
  const zones = fc.constantFrom(
    "UTC",
    "America/New_York",
    "Europe/Berlin",
    "Asia/Shanghai",
    "America/Santiago",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
  );
  const dayArb = fc.integer({ min: day("2024-01-01"), max: day("2027-12-31") });

  it("buckets partition the range in any zone and grain", () => {
    fc.assert(
      fc.property(zones, dayArb, fc.integer({ min: 1, max: 400 }), fc.constantFrom(...GRAINS), (tz, d, len, grain) => {
        const span = {
          start: startOfDay(tz, d),
          end: startOfDay(tz, d + (grain === "hour" ? Math.min(len, 30) : len)),
        };
        const b = bucketsOf(tz, span, grain, 0);
        expect(b[0]!.start).toBe(span.start);
        expect(b.at(-1)!.end).toBe(span.end);
        for (let i = 0; i < b.length; i++) {
          expect(b[i]!.end).toBeGreaterThan(b[i]!.start);
          if (i > 0) expect(b[i]!.start).toBe(b[i - 1]!.end);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("every local day lasts 23, 24 or 25 hours where clocks move by an hour", () => {
    fc.assert(
      fc.property(fc.constantFrom("America/New_York", "Europe/Berlin", "America/Santiago"), dayArb, (tz, d) => {
        expect([23, 24, 25]).toContain(hoursInDay(tz, d));
      }),
      { numRuns: 500 },
    );
  });

  it("the previous period ends where the range starts and spans as many local days", () => {
    fc.assert(
      fc.property(zones, dayArb, fc.integer({ min: 1, max: 366 }), (tz, d, len) => {
        const span = { start: startOfDay(tz, d), end: startOfDay(tz, d + len) };
        const prev = previousPeriod(tz, span);
        expect(prev.end).toBe(span.start);
        expect(prev.start).toBeLessThan(prev.end);
        expect(bucketsOf(tz, prev, "day", 0).length).toBe(
          Math.round(dayPosition(tz, prev.end) - dayPosition(tz, prev.start)),
        );
      }),
      { numRuns: 300 },
    );
  });
});
