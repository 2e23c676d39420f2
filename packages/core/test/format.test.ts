// How values and changes are written, worked out by hand: like KPIs with like precision, ratings
// out of their scale, rates changing in percentage points, and no ratio from a base of 0 or of the
// other sign.
import { describe, expect, it } from "vitest";
import { changeOf, defaultDelta, formatChanges, formatValue } from "../src/index.js";

describe("values", () => {
  it("writes every percent with one decimal, so that 10 % and 9.4 % read alike side by side", () => {
    expect([0.1, 0.094, 0.5, 0.0042].map((v) => formatValue(v, { unit: "percent" }))).toEqual([
      "10.0%",
      "9.4%",
      "50.0%",
      "0.4%",
    ]);
  });

  it("writes a rating to one decimal out of its scale, and NPS whole", () => {
    const rating = { unit: "score", scale: { min: 1, max: 5 } } as const;
    expect([4.3125, 4.1, 5].map((v) => formatValue(v, rating))).toEqual(["4.3/5", "4.1/5", "5.0/5"]);
    expect(formatValue(4.3125, { ...rating, locale: "ru" })).toBe("4,3/5");
    const nps = { unit: "score", scale: { min: -100, max: 100 } } as const;
    expect([32.456, -7.5].map((v) => formatValue(v, nps))).toEqual(["32", "-8"]);
    // A score with no scale of its own keeps up to two decimals.
    expect(formatValue(4.3125, { unit: "score" })).toBe("4.31");
  });
});

describe("changes", () => {
  it("gives a rate's change in percentage points, in five locales", () => {
    // 2.0 % → 2.4 %: +0.4 points, +20 % relative.
    const change = changeOf(0.024, 0.02);
    const words = ["en", "ru", "ms", "zh-Hans", "zh-Hant"].map(
      (locale) => formatChanges(change, { unit: "percent", locale }).points,
    );
    expect(words).toEqual(["+0.4 pp", "+0,4 п. п.", "+0.4 mata peratusan", "+0.4个百分点", "+0.4個百分點"]);
    expect(formatChanges(change, { unit: "percent" })).toEqual({
      relative: "+20.0%",
      absolute: "+0.4%",
      points: "+0.4 pp",
    });
  });

  it("has no points for other units, and writes the absolute change in the KPI's unit with its sign", () => {
    expect(formatChanges(changeOf(120, 100), { unit: "currency", currency: "EUR" })).toEqual({
      relative: "+20.0%",
      absolute: "+€20.00",
      points: null,
    });
    expect(formatChanges(changeOf(3600, 5400), { unit: "duration" }).absolute).toBe("-30 min");
    // A rating's change is a difference, not a rating; a score's default change is that difference.
    expect(formatChanges(changeOf(4.4, 4.1), { unit: "score", scale: { min: 1, max: 5 } }).absolute).toBe("+0.3");
    expect([defaultDelta("score"), defaultDelta("percent"), defaultDelta("currency")]).toEqual([
      "absolute",
      "points",
      "relative",
    ]);
    // NPS from −10 to 23: +33 points, and no ratio across zero.
    expect(formatChanges(changeOf(23, -10), { unit: "score", scale: { min: -100, max: 100 } })).toEqual({
      relative: null,
      absolute: "+33",
      points: null,
    });
  });

  it("has no ratio from a base of 0 or of the other sign, and keeps the absolute change", () => {
    // A loss of 50 turned into a profit of 46: +96, not +192 %.
    expect(changeOf(46, -50)).toEqual({ absolute: 96, relative: null });
    expect(formatChanges(changeOf(46, -50), { unit: "currency" })).toEqual({
      relative: null,
      absolute: "+$96.00",
      points: null,
    });
    expect(changeOf(5, 0)).toEqual({ absolute: 5, relative: null });
    // To 0 from a base is a fall of 100 %, and two losses compare by the base's size.
    expect(changeOf(0, 40)).toEqual({ absolute: -40, relative: -1 });
    expect(changeOf(-75, -50)).toEqual({ absolute: -25, relative: -0.5 });
    expect(changeOf(null, 10)).toEqual({ absolute: null, relative: null });
  });
});
