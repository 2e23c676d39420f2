// The expression language: precedence, errors with positions, and SQL's null semantics, which
// both engines must share (a condition keeps a fact only when it is true, never when unknown).
import { describe, expect, it } from "vitest";
import { type KpiError, type Order, parseExpr } from "../src/index.js";
import { bothEngines, registry, runner } from "./support/engines.js";

describe("parser", () => {
  it("binds * before +, comparisons before not, and before or", () => {
    expect(parseExpr("a + b * c")).toEqual({
      type: "binary",
      op: "+",
      left: { type: "ref", name: "a" },
      right: { type: "binary", op: "*", left: { type: "ref", name: "b" }, right: { type: "ref", name: "c" } },
    });
    const e = parseExpr("not x = 1 or y and z");
    expect(e).toMatchObject({
      type: "binary",
      op: "or",
      left: { type: "not", arg: { type: "binary", op: "=" } },
      right: { op: "and" },
    });
    expect(parseExpr("a is not null")).toEqual({ type: "isNull", arg: { type: "ref", name: "a" }, negated: true });
    expect(parseExpr("c not in ('x', 'it''s', -2)")).toEqual({
      type: "in",
      arg: { type: "ref", name: "c" },
      values: ["x", "it's", -2],
      negated: true,
    });
    expect(parseExpr("prev(revenue)")).toEqual({ type: "call", fn: "prev", args: [{ type: "ref", name: "revenue" }] });
    expect(parseExpr("1.5e3 <> .5")).toMatchObject({ op: "!=", left: { value: 1500 }, right: { value: 0.5 } });
  });

  it("says where it stopped understanding", () => {
    expect(() => parseExpr("a + ", "m.where")).toThrow(/m.where: unexpected end at position 5/);
    expect(() => parseExpr("a = 'open")).toThrow(/unterminated string/);
    expect(() => parseExpr("a ; b")).toThrow(/unexpected ";" at position 3/);
    expect(() => parseExpr("(a + b")).toThrow(/expected "\)"/);
    expect(() => parseExpr("")).toThrow(/empty expression/);
    expect(() => parseExpr("a is 3")).toThrow(/expected "null" after "is"/);
    // The issue carries the position too, for an editor to underline.
    const issuesOf = (source: string) => {
      try {
        parseExpr(source, "m.expr");
      } catch (e) {
        return (e as KpiError).issues;
      }
      return [];
    };
    expect(issuesOf("a + ")).toEqual([{ path: "m.expr", message: "unexpected end", position: 5 }]);
    expect(issuesOf("a ; b")).toEqual([{ path: "m.expr", message: 'unexpected ";"', position: 3 }]);
  });
});

describe("null semantics, on both engines", () => {
  const orders: Order[] = [
    {
      id: "a",
      placedAt: "2026-03-01T10:00:00Z",
      customerId: "c",
      total: 10,
      items: 1,
      status: "placed",
      channel: "web",
      tax: 1,
    },
    {
      id: "b",
      placedAt: "2026-03-01T11:00:00Z",
      customerId: "c",
      total: 20,
      items: 1,
      status: "placed",
      channel: null,
      tax: null,
    },
    {
      id: "c",
      placedAt: "2026-03-01T12:00:00Z",
      customerId: "c",
      total: 30,
      items: 1,
      status: "placed",
      channel: "app",
      tax: 0,
    },
  ];
  const count = (where: string) => ({
    id: "probe",
    labels: { en: "probe" },
    unit: "count",
    better: "up",
    kind: "measure",
    measure: { fact: "orders", agg: "count", where },
  });
  const cases: [string, number][] = [
    ["channel = 'web'", 1],
    ["channel != 'web'", 1], // the order without a channel is unknown, so not counted
    ["not channel = 'web'", 1],
    ["channel is null", 1],
    ["channel in ('web', 'app')", 2],
    ["channel not in ('web')", 1],
    ["channel not in ('web', null)", 0], // unknown for everything not 'web'
    ["channel = 'web' or tax = 0", 2],
    ["channel = 'x' or tax > 0", 1],
    ["total / tax > 5", 1], // 10 / 1; 20 / null and 30 / 0 are null
    ["-total < -15 and total - 5 * 2 >= 10", 2],
  ];
  for (const [name, engine] of bothEngines({ orders })) {
    for (const [where, n] of cases) {
      it(`${name}: ${where} → ${n}`, async () => {
        const run = runner(engine, { registry: registry.with([count(where)]) });
        expect((await run({ metric: "probe", range: "2026-03-01..2026-03-02" })).value).toBe(n);
      });
    }
  }
});
