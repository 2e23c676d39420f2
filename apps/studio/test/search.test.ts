import { describe, expect, it } from "vitest";
import { originOf } from "../src/origins.js";
import { matches } from "../src/search.js";

const aov = { id: "aov", label: "Average order value", description: "Total sales divided by the number of orders." };

describe("the catalog's search", () => {
  it("finds a KPI by every word typed, in its label, id or description, in any case", () => {
    expect(matches(aov, "ORDER")).toBe(true);
    expect(matches(aov, "aov")).toBe(true);
    expect(matches(aov, "  sales   divided ")).toBe(true);
    expect(matches(aov, "order refund")).toBe(false);
    expect(matches(aov, "")).toBe(true);
    expect(matches({ id: "aov", label: "Средний чек", description: null }, "ЧЕК")).toBe(true);
  });
});

describe("a page origin", () => {
  it("is http(s) and a host, reduced to its origin", () => {
    expect(originOf(" https://shop.example/path?q=1 ")).toBe("https://shop.example");
    expect(originOf("http://127.0.0.1:5173")).toBe("http://127.0.0.1:5173");
    for (const bad of ["shop.example", "ftp://shop.example", "javascript:alert(1)", "file:///x", ""])
      expect([bad, originOf(bad)]).toEqual([bad, null]);
  });
});
