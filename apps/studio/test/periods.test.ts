import { describe, expect, it } from "vitest";
import { parseNumber, pastedValues, periodsOf } from "../src/periods.js";

describe("target periods", () => {
  it("are a year's months, quarters or the year, each ending where the next starts", () => {
    const months = periodsOf("month", 2018);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ key: "2018-01", start: "2018-01-01", end: "2018-02-01" });
    expect(months[11]).toEqual({ key: "2018-12", start: "2018-12-01", end: "2019-01-01" });
    expect(periodsOf("quarter", 2026).map((p) => [p.key, p.start, p.end])).toEqual([
      ["2026-Q1", "2026-01-01", "2026-04-01"],
      ["2026-Q2", "2026-04-01", "2026-07-01"],
      ["2026-Q3", "2026-07-01", "2026-10-01"],
      ["2026-Q4", "2026-10-01", "2027-01-01"],
    ]);
    expect(periodsOf("year", 2026)).toEqual([{ key: "2026", start: "2026-01-01", end: "2027-01-01" }]);
  });

  it("read numbers as spreadsheets write them", () => {
    expect(["1250", "1,250", "1 250,5", "1.250,5", "1,250.5", "0,75", "75%", "-3", "", "abc"].map(parseNumber)).toEqual(
      [1250, 1250, 1250.5, 1250.5, 1250.5, 0.75, 0.75, -3, null, null],
    );
  });

  it("take a pasted column from a row down, or cells that name their period", () => {
    const months = periodsOf("month", 2018);
    expect([...pastedValues("100\n110\r\n\n120\n", months, 4)]).toEqual([
      ["2018-05", 100],
      ["2018-06", 110],
      ["2018-07", 120],
    ]);
    expect([...pastedValues("2018-12\t9\n2018-01\t1\nnot a month\tx\n", months, 0)]).toEqual([
      ["2018-12", 9],
      ["2018-01", 1],
    ]);
    // Past the last period, values have nowhere to go.
    expect([...pastedValues("1\n2\n3", months, 11)]).toEqual([["2018-12", 1]]);
  });
});
