// The demo data: deterministic, valid against every schema, streamed in bounded batches, and
// shaped like a shop (growth, weekly seasonality, repeat customers, a plausible conversion rate),
// three years long by default so that churn and retention have a year of history to look back on.
import { describe, expect, it } from "vitest";
import { factSchemas, type FactSet, isoWeekday, localDay, type Order } from "../src/index.js";
import { type DemoBatch, demoFacts, generateDemo } from "../src/demo.js";

const END = "2026-11-23T00:00:00Z";
const DAY = 86_400_000;
const DAYS = 3 * 365;
const small = { orders: 2000, end: END, timeZone: "America/New_York" };

const timesOf = (fact: string, r: Record<string, unknown>): number[] =>
  Object.entries(r)
    // promisedAt is a promise about the future, the one timestamp that may lie after the end.
    .filter(([k, v]) => typeof v === "string" && (k.endsWith("At") || k === "at") && k !== "promisedAt" && /T/.test(v))
    .map(([, v]) => Date.parse(v as string))
    .concat(fact === "adSpend" ? [Date.parse(`${r.date as string}T12:00:00Z`)] : []);

describe("demo data", () => {
  const facts: FactSet = demoFacts(small);

  it("is the same for the same options, and differs for another seed", () => {
    expect(demoFacts(small)).toEqual(facts);
    expect(demoFacts({ ...small, seed: 7 }).orders![0]).not.toEqual(facts.orders![0]);
  });

  it("holds every fact type, every record valid against its schema, ids unique", () => {
    for (const fact of Object.keys(factSchemas) as (keyof typeof factSchemas)[]) {
      const records = facts[fact] as unknown[] | undefined;
      expect(records?.length, fact).toBeGreaterThan(0);
      for (const r of records!) {
        const parsed = factSchemas[fact].safeParse(r);
        if (!parsed.success) throw new Error(`${fact}: ${JSON.stringify(r)}: ${parsed.error.message}`);
      }
      expect(new Set(records!.map((r) => (r as { id: string }).id)).size, fact).toBe(records!.length);
    }
  });

  it("stays inside its three years by default: nothing at or after the end, nothing before its first day", () => {
    const end = Date.parse(END);
    for (const [fact, records] of Object.entries(facts)) {
      if (fact === "targets") continue;
      for (const r of records as Record<string, unknown>[]) {
        for (const t of timesOf(fact, r)) {
          expect(t, `${fact} ${String(r.id)}`).toBeLessThan(end);
          if (fact !== "orders" || t === Date.parse((r as Order).placedAt))
            expect(t).toBeGreaterThanOrEqual(end - (DAYS + 1) * DAY);
        }
      }
    }
  });

  it("spreads a last day that ends early over the part that has passed, not onto its last moment", () => {
    const end = Date.parse("2026-11-23T06:00:00Z");
    const orders = demoFacts({ orders: 5000, days: 30, end, seed: 3 }).orders!.map((o) => Date.parse(o.placedAt));
    const today = orders.filter((t) => t >= Date.parse("2026-11-23T00:00:00Z"));
    expect(today.length).toBeGreaterThan(50);
    expect(Math.max(...today)).toBeLessThan(end);
    // Every moment holds at most a couple of orders; clamping would put dozens on end - 1.
    expect(today.filter((t) => t === end - 1).length).toBeLessThanOrEqual(1);
    expect(today.filter((t) => t < Date.parse("2026-11-23T03:00:00Z")).length).toBeGreaterThan(0);
  });

  it("streams in bounded batches, oldest days first", () => {
    let previous = new Map<string, number>();
    let batches = 0;
    for (const batch of generateDemo({ ...small, batchSize: 300 }) as Generator<DemoBatch>) {
      batches++;
      expect(batch.records.length).toBeLessThanOrEqual(300);
      const times = batch.records
        .map((r) => Date.parse((r as Order).placedAt ?? (r as { startedAt?: string }).startedAt ?? ""))
        .filter(Number.isFinite);
      if (times.length && (batch.fact === "orders" || batch.fact === "sessions")) {
        expect(Math.min(...times)).toBeGreaterThanOrEqual((previous.get(batch.fact) ?? 0) - DAY);
        previous = new Map(previous).set(batch.fact, Math.max(...times));
      }
    }
    expect(batches).toBeGreaterThan(20);
  });

  it("has the orders asked for, growing, with a weekly rhythm and repeat customers", () => {
    const orders = facts.orders!;
    expect(orders.length).toBeGreaterThanOrEqual(1900);
    expect(orders.length).toBeLessThanOrEqual(2100);
    const day = (o: Order) => localDay("America/New_York", Date.parse(o.placedAt));
    const last = localDay("America/New_York", Date.parse(END) - 1);
    const inLast = orders.filter((o) => day(o) > last - 30).length;
    const inFirst = orders.filter((o) => day(o) < last - DAYS + 31).length;
    expect(orders.some((o) => day(o) < last - DAYS + 3)).toBe(true);
    expect(inLast).toBeGreaterThan(inFirst);
    const perWeekday = [0, 0, 0, 0, 0, 0, 0];
    for (const o of orders) perWeekday[isoWeekday(day(o)) - 1]! += 1;
    const weekdays = (perWeekday[0]! + perWeekday[1]! + perWeekday[2]! + perWeekday[3]!) / 4;
    const weekend = (perWeekday[5]! + perWeekday[6]!) / 2;
    expect(weekend / weekdays).toBeGreaterThan(1.05);
    const byCustomer = new Map<string, number>();
    for (const o of orders) byCustomer.set(o.customerId, (byCustomer.get(o.customerId) ?? 0) + 1);
    const fromRepeaters = orders.filter((o) => byCustomer.get(o.customerId)! >= 2).length / orders.length;
    // Over three years most customers who come back have had the time to: about half the orders.
    expect(fromRepeaters).toBeGreaterThan(0.3);
    expect(fromRepeaters).toBeLessThan(0.6);
  });

  it("keeps some customers and loses others, over a month and over a year (churn is neither 0 nor 1)", () => {
    const end = Date.parse(END);
    const times = new Map<string, number[]>();
    for (const o of facts.orders!) {
      if (o.status === "cancelled") continue;
      times.set(o.customerId, [...(times.get(o.customerId) ?? []), Date.parse(o.placedAt)]);
    }
    /** Of the customers active at `start` (an order in the 365 days before), the share not active at `to`. */
    const churn = (start: number, to: number) => {
      const active = (ts: number[], at: number) => ts.some((t) => t < at && t >= at - 365 * DAY);
      const atStart = [...times.values()].filter((ts) => active(ts, start));
      return atStart.filter((ts) => !active(ts, to)).length / atStart.length;
    };
    // A month loses about a twelfth of a year's churn of some 80 %; a year loses most, not all.
    expect(churn(end - 30 * DAY, end)).toBeGreaterThan(0.02);
    expect(churn(end - 30 * DAY, end)).toBeLessThan(0.15);
    expect(churn(end - 365 * DAY, end)).toBeGreaterThan(0.6);
    expect(churn(end - 365 * DAY, end)).toBeLessThan(0.95);
  });

  it("converts between 1.5 % and 5 % of sessions", () => {
    const sessions = facts.sessions!;
    const rate = sessions.filter((s) => s.converted).length / sessions.length;
    expect(rate).toBeGreaterThan(0.015);
    expect(rate).toBeLessThan(0.05);
  });
});
