// The result contract of docs/data-model.md on the hand-worked fixture: previous values, changes,
// dense series, partial buckets, filters, breakdowns, targets, status, locales, zones and errors.
import { describe, expect, it } from "vitest";
import {
  createMemoryEngine,
  type FactSet,
  KpiError,
  queryFromSearchParams,
  resultSchema,
  type Session,
} from "../src/index.js";
import { bothEngines, runner } from "./support/engines.js";
import { fixture, RANGE } from "./support/fixture.js";

const days = (values: (number | null)[]) => values;

for (const [name, engine] of bothEngines(fixture)) {
  const run = runner(engine);

  describe(`results (${name})`, () => {
    it("has the shape of docs/data-model.md", async () => {
      const r = await run({ metric: "aov", range: RANGE, grain: "day" });
      expect(resultSchema.parse(r)).toEqual(r);
      expect(r.metric).toEqual({
        id: "aov",
        label: "Average order value",
        description: expect.any(String),
        unit: "currency",
        currency: "USD",
        better: "up",
        version: 1,
        // An average: its values do not add up over the days.
        additive: false,
      });
      expect((await run({ metric: "revenue", range: RANGE })).metric.additive).toBe(true);
      expect(r.range).toEqual({
        start: "2026-03-01T00:00:00+00:00",
        end: "2026-03-08T00:00:00+00:00",
        tz: "UTC",
        grain: "day",
      });
      expect(r.compare).toEqual({
        kind: "previous_period",
        start: "2026-02-22T00:00:00+00:00",
        end: "2026-03-01T00:00:00+00:00",
      });
      expect(r.value).toBe(80);
      expect(r.previous).toBe(60);
      expect(r.change.absolute).toBe(20);
      expect(r.change.relative).toBeCloseTo(1 / 3, 12);
      // Money changes in percent by default; each other way is there for a widget that asks for it.
      expect(r.formatted).toEqual({
        value: "$80.00",
        change: "+33.3%",
        changes: { relative: "+33.3%", absolute: "+$20.00", points: null },
        pace: null,
      });
      // A past week runs towards no end: no pace.
      expect(r.pace).toBeNull();
      expect(r.target).toBeNull();
      expect(r.status).toBeNull();
      expect(r.breakdown).toBeUndefined();
      expect(r.dataVersion).toEqual(expect.any(String));
    });

    it("gives a dense series, null where a mean has no facts, and the previous series aligned", async () => {
      const r = await run({ metric: "aov", range: RANGE, grain: "day" });
      expect(r.series.map((p) => p.start)).toEqual(
        ["01", "02", "03", "04", "05", "06", "07"].map((d) => `2026-03-${d}T00:00:00+00:00`),
      );
      expect(r.series.map((p) => p.value)).toEqual(days([100, 50, 150, null, null, 20, null]));
      expect(r.series.map((p) => p.previous)).toEqual(days([null, null, null, 60, null, null, null])); // Feb 25
      expect(r.series.some((p) => p.partial)).toBe(false);
    });

    it("sums an additive KPI's buckets to its total, counting empty buckets as 0", async () => {
      const r = await run({ metric: "revenue", range: RANGE, grain: "day" });
      expect(r.series.map((p) => p.value)).toEqual([100, 50, 150, 0, 0, 20, 0]);
      expect(r.series.reduce((s, p) => s + p.value!, 0)).toBe(r.value);
    });

    it("flags the bucket still running at now", async () => {
      const r = await run({ metric: "orders", range: "today", grain: "hour", now: "2026-03-06T20:30:00Z" });
      expect(r.series).toHaveLength(21);
      expect(r.series.at(-1)).toEqual({ start: "2026-03-06T20:00:00+00:00", value: 1, previous: 0, partial: true });
      expect(r.series.filter((p) => p.partial)).toHaveLength(1);
      expect(r.range.end).toBe("2026-03-06T20:30:00+00:00");
    });

    it("samples a snapshot KPI at the end of each bucket, and its value at the range's end", async () => {
      const r = await run({ metric: "active_tickets", range: RANGE, grain: "day" });
      expect(r.series.map((p) => p.value)).toEqual([1, 0, 1, 1, 2, 2, 2]);
      expect(r.value).toBe(2);
    });

    it("compares each bucket of a growth KPI with the bucket before it", async () => {
      const r = await run({ metric: "sales_growth", range: RANGE, grain: "day" });
      expect(r.series.map((p) => p.value)).toEqual([null, -0.5, 2, -1, null, null, -1]);
    });

    it("compares with the previous year, or not at all", async () => {
      const y = await run({ metric: "revenue", range: RANGE, compare: "previous_year" });
      expect(y.compare).toEqual({
        kind: "previous_year",
        start: "2025-03-01T00:00:00+00:00",
        end: "2025-03-08T00:00:00+00:00",
      });
      expect(y.previous).toBe(25); // oz, 2025-03-04
      const n = await run({ metric: "revenue", range: RANGE, compare: "none", grain: "day" });
      expect([n.previous, n.change.absolute, n.change.relative, n.compare, n.formatted.change]).toEqual([
        null,
        null,
        null,
        null,
        null,
      ]);
      expect(n.series.every((p) => p.previous === null)).toBe(true);
    });

    it("has no relative change from a previous value of 0", async () => {
      // Before: Mar 4-5, only a cancelled order.
      const r = await run({ metric: "revenue", range: "2026-03-06..2026-03-08" });
      expect([r.value, r.previous, r.change.absolute, r.change.relative, r.formatted.change]).toEqual([
        20,
        0,
        20,
        null,
        null,
      ]);
    });

    it("filters by a dimension, several values being alternatives", async () => {
      expect((await run({ metric: "revenue", range: RANGE, filters: { channel: "web" } })).value).toBe(250);
      expect((await run({ metric: "revenue", range: RANGE, filters: { channel: ["web", "app"] } })).value).toBe(320);
      expect((await run({ metric: "conversion_rate", range: RANGE, filters: { visitor: "new" } })).value).toBeCloseTo(
        1 / 3,
        12,
      );
      expect((await run({ metric: "first_response_time", range: RANGE, filters: { channel: "chat" } })).value).toBe(30);
    });

    it("splits by a dimension, keeping the other fact's total where it lacks the dimension", async () => {
      const rev = await run({ metric: "revenue", range: RANGE, by: "channel" });
      expect(rev.breakdown).toEqual([
        // The previous period has one web order of 60, and an app channel with no orders sums to 0.
        { key: "web", value: 250, previous: 60 },
        { key: "app", value: 70, previous: 0 },
      ]);
      const refunds = await run({ metric: "refund_rate", range: RANGE, by: "reason" });
      expect(refunds.breakdown).toEqual([
        // No refund in the previous period, over its one order.
        { key: "late", value: 0.25, previous: 0 },
        { key: "quality", value: 0.25, previous: 0 },
      ]);
      const hits = await run({ metric: "hit_rate", range: RANGE, by: "product" });
      expect(hits.breakdown).toEqual([
        // The previous period's one ticket names no product: no denominator, so no previous value.
        { key: "p2", value: 3, previous: null },
        { key: "p1", value: 1.5, previous: null },
        { key: "p3", value: null, previous: null },
      ]);
    });

    it("projects a running period's sum by last year's shape, or by its run rate without one", async () => {
      // ytd at Mar 8: 60 (Feb 25) + 320 (Mar 1-7) so far. Last year to Mar 8: 30 + 25, its whole
      // year 30 + 25 + 40: 380 × 95 / 55. The year's targets (Feb 280, Mar 310) sum to 590.
      const ytd = await run({ metric: "revenue", range: "ytd", now: "2026-03-08T00:00:00Z" });
      expect(ytd.pace!.value).toBeCloseTo((380 * 95) / 55, 9);
      expect(ytd.pace).toMatchObject({ end: "2027-01-01T00:00:00+00:00", method: "last_year", onTrack: true });
      expect(ytd.formatted.pace).toBe("$656.36");
      // Today at noon: 100 so far, nothing last year by noon: 100 × 24 h / 12 h. The day's target is
      // March's 310 / 31 = 10, and 200 meets it.
      const today = await run({ metric: "revenue", range: "today", now: "2026-03-01T12:00:00Z" });
      expect(today.pace).toEqual({ value: 200, end: "2026-03-02T00:00:00+00:00", method: "run_rate", onTrack: true });
      // An explicit range around now: 20 in Mar 5-6, two of its four days: 40, with 40 of target
      // (10 a day) it just meets.
      const explicit = await run({ metric: "revenue", range: "2026-03-05..2026-03-09", now: "2026-03-07T00:00:00Z" });
      expect(explicit.pace).toEqual({ value: 40, end: "2026-03-09T00:00:00+00:00", method: "run_rate", onTrack: true });
      // Orders have no target: the pace says where they head, not whether that is enough.
      const orders = await run({ metric: "orders", range: "today", now: "2026-03-01T12:00:00Z" });
      expect(orders.pace).toEqual({ value: 2, end: "2026-03-02T00:00:00+00:00", method: "run_rate", onTrack: null });
    });

    it("has no pace for a rate, a trailing window or a finished range", async () => {
      const now = "2026-03-08T00:00:00Z";
      expect((await run({ metric: "aov", range: "mtd", now })).pace).toBeNull();
      expect((await run({ metric: "revenue", range: "last_30_days", now })).pace).toBeNull();
      expect((await run({ metric: "revenue", range: "yesterday", now })).pace).toBeNull();
      expect((await run({ metric: "revenue", range: RANGE, now })).pace).toBeNull();
      expect((await run({ metric: "revenue", range: RANGE, now })).formatted.pace).toBeNull();
    });

    it("pro-rates an additive KPI's targets by days and sets the status from them", async () => {
      const r = await run({ metric: "revenue", range: RANGE });
      expect(r.target!.value).toBeCloseTo(70, 9);
      expect(r.target!.attainment).toBeCloseTo(320 / 70, 9);
      expect(r.status).toBe("good");
      // 2 days of Feb (10/day) + 2 of March (10/day).
      const feb = await run({ metric: "revenue", range: "2026-02-27..2026-03-03" });
      expect(feb.target!.value).toBeCloseTo(40, 9);
      expect(feb.status).toBe("good");
    });

    it("takes a rate's target in force at the range's start, and thresholds before targets", async () => {
      const r = await run({ metric: "conversion_rate", range: RANGE });
      expect(r.target).toEqual({ value: 0.5, attainment: 0.8 });
      expect(r.status).toBe("good"); // 40 % is above the 2 % warning threshold, whatever the target says
    });

    it("uses the thresholds of the filtered channel", async () => {
      const email = await run({ metric: "first_response_time", range: RANGE, filters: { channel: "email" } });
      expect([email.value, email.status]).toEqual([21_600, "good"]); // within half a day
      const chat = await run({
        metric: "first_response_time",
        range: "2026-03-02..2026-03-03",
        filters: { channel: "chat" },
      });
      expect([chat.value, chat.status]).toEqual([45, "warning"]); // chat is answered in seconds
      const all = await run({ metric: "first_response_time", range: RANGE });
      expect(all.status).toBeNull();
    });

    it("has the catalog's target of the filtered channel until the tenant sets one", async () => {
      // Email answered in 6 h against half a day: half of the target's time.
      const email = await run({ metric: "first_response_time", range: RANGE, filters: { channel: "email" } });
      expect(email.target).toEqual({ value: 43_200, attainment: 21_600 / 43_200 });
      const chat = await run({
        metric: "first_response_time",
        range: "2026-03-02..2026-03-03",
        filters: { channel: "chat" },
      });
      expect(chat.target).toEqual({ value: 30, attainment: 45 / 30 });
      // Social has a target and no ticket; phone and all channels together have none.
      expect(
        (await run({ metric: "first_response_time", range: RANGE, filters: { channel: "social" } })).target,
      ).toEqual({ value: 7_200, attainment: null });
      expect(
        (await run({ metric: "first_response_time", range: RANGE, filters: { channel: "phone" } })).target,
      ).toBeNull();
      expect(
        (await run({ metric: "first_response_time", range: RANGE, filters: { channel: ["email", "chat"] } })).target,
      ).toBeNull();
      expect((await run({ metric: "first_response_time", range: RANGE })).target).toBeNull();
    });

    it("locks filters an embed token sets: queries may narrow them, never widen", async () => {
      const locked = { lockedFilters: { channel: ["web"] } };
      expect((await run({ metric: "revenue", range: RANGE }, locked)).value).toBe(250);
      expect((await run({ metric: "revenue", range: RANGE, filters: { channel: "web" } }, locked)).value).toBe(250);
      await expect(run({ metric: "revenue", range: RANGE, filters: { channel: "app" } }, locked)).rejects.toMatchObject(
        { code: "filter_locked" },
      );
    });

    it("labels and formats in the requested locale", async () => {
      const ru = await run({ metric: "aov", range: RANGE, locale: "ru" });
      expect(ru.metric.label).not.toBe("Average order value");
      expect(ru.formatted.value).toBe("80,00\u00a0$");
      const hant = await run({ metric: "aov", range: RANGE, locale: "zh-TW" });
      expect(hant.formatted.value).toBe("US$80.00");
      expect((await run({ metric: "aov", range: RANGE, locale: "de-DE" })).metric.label).toBe("Average order value");
    });

    it("buckets by the query's time zone", async () => {
      const sh = await run({ metric: "revenue", range: RANGE, grain: "day", tz: "Asia/Shanghai" });
      expect(sh.range.start).toBe("2026-03-01T00:00:00+08:00");
      // o5 was placed at 20:00 UTC on Mar 6: 04:00 on Mar 7 in Shanghai.
      expect(sh.series.map((p) => p.value)).toEqual([100, 50, 150, 0, 0, 0, 20]);
      const ny = await run({
        metric: "revenue",
        range: "2026-03-07..2026-03-10",
        grain: "hour",
        tz: "America/New_York",
      });
      expect(ny.series).toHaveLength(71); // 2026-03-08 lasts 23 hours in New York
    });

    it("refuses bad queries with a clear error", async () => {
      const bad = async (q: Record<string, unknown>) => {
        try {
          await run(q);
        } catch (e) {
          expect(e).toBeInstanceOf(KpiError);
          return [(e as KpiError).code, (e as KpiError).message];
        }
        throw new Error("accepted");
      };
      expect(await bad({ metric: "nope" })).toEqual(["unknown_metric", 'there is no KPI "nope"']);
      expect((await bad({ metric: "aov", tz: "Mars/Base" }))[1]).toMatch(/tz: must be an IANA time zone/);
      expect((await bad({ metric: "aov", range: "last_8_days" }))[1]).toMatch(/range: must be a preset/);
      expect((await bad({ metric: "aov", grain: "minute" }))[0]).toBe("invalid_query");
      expect((await bad({ metric: "aov", filters: { category: "x" } }))[1]).toMatch(
        /aov cannot be filtered by category: its dimensions are channel, source, region, campaign, agent/,
      );
      expect((await bad({ metric: "aov", by: "sku" }))[1]).toMatch(/cannot be split by sku/);
      expect((await bad({ metric: "aov", range: "2020-01-01..2026-01-01", grain: "hour" }))[0]).toBe(
        "too_many_buckets",
      );
      expect((await bad({ metric: "aov", colour: "red" }))[1]).toMatch(/Unrecognized key/);
    });
  });
}

// São Paulo skipped 2018-11-04 00:00 (23:59:59 → 01:00): that day starts at 01:00, the day before
// at 00:00. Orders of 10 on Nov 3 at 00:30, 20 on Nov 4, 40 on Nov 5.
const SKIPPED_MIDNIGHT: FactSet = {
  orders: [
    { id: "a", placedAt: "2018-11-03T00:30:00-03:00", customerId: "a", total: 10, items: 1, status: "placed" },
    { id: "b", placedAt: "2018-11-04T12:00:00-02:00", customerId: "b", total: 20, items: 1, status: "placed" },
    { id: "c", placedAt: "2018-11-05T12:00:00-02:00", customerId: "c", total: 40, items: 1, status: "placed" },
  ],
};

for (const [name, engine] of bothEngines(SKIPPED_MIDNIGHT)) {
  const run = runner(engine);
  it(`gives each day of a series the value of that day asked alone, across a skipped midnight (${name})`, async () => {
    const tz = "America/Sao_Paulo";
    const series = await run({
      metric: "sales_growth",
      range: "2018-11-02..2018-11-07",
      grain: "day",
      tz,
      compare: "none",
    });
    // Nov 4 against all of Nov 3 (its 00:30 order included): (20 − 10) / 10; Nov 5: (40 − 20) / 20.
    expect(series.series.map((p) => p.value)).toEqual([null, null, 1, 1, -1]);
    for (const [i, point] of series.series.entries()) {
      const day = new Date(Date.UTC(2018, 10, 2 + i)).toISOString().slice(0, 10);
      const next = new Date(Date.UTC(2018, 10, 3 + i)).toISOString().slice(0, 10);
      const alone = await run({ metric: "sales_growth", range: `${day}..${next}`, tz, compare: "none" });
      expect([day, point.value]).toEqual([day, alone.value]);
    }
  });
}

describe("query parameters", () => {
  it("reads filters, and refuses unknown or repeated parameters", () => {
    const q = queryFromSearchParams(
      "aov",
      new URLSearchParams("range=last_7_days&filter.channel=web&filter.channel=app&tz=UTC"),
    );
    expect(q).toMatchObject({
      metric: "aov",
      range: "last_7_days",
      tz: "UTC",
      filters: { channel: ["web", "app"] },
      compare: "previous_period",
    });
    expect(() => queryFromSearchParams("aov", new URLSearchParams("rnage=x"))).toThrow(/rnage: unknown parameter/);
    expect(() => queryFromSearchParams("aov", new URLSearchParams("tz=UTC&tz=UTC"))).toThrow(/tz may be given once/);
  });
});

describe("thresholds", () => {
  it("warns when conversion falls below 2 %", async () => {
    const sessions: Session[] = Array.from({ length: 100 }, (_, i) => ({
      id: `s${i}`,
      startedAt: "2026-03-02T10:00:00Z",
      visitorId: `v${i}`,
      newVisitor: true,
      source: "direct",
      pageviews: 2,
      durationSeconds: 10,
      addedToCart: i < 5,
      converted: i === 0,
    }));
    const r = await runner(createMemoryEngine({ sessions }))({ metric: "conversion_rate", range: RANGE });
    expect([r.value, r.status]).toEqual([0.01, "warning"]);
  });
});
