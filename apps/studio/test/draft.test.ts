import { describe, expect, it } from "vitest";
import { definitionOf, draftOf, emptyDraft, emptyMeasure, issuePath, measurePaths } from "../src/draft.js";

const surveys = (where = "") => ({ ...emptyMeasure("surveys"), where });

describe("the editor's draft", () => {
  it("writes a ratio with filters, labels, thresholds and dimensions as the API takes it", () => {
    const draft = {
      ...emptyDraft(),
      id: " good_reviews ",
      labels: { en: "Good reviews", ru: "Хорошие отзывы", ms: " " },
      kind: "ratio" as const,
      unit: "percent",
      warning: "0,6",
      critical: "",
      dimensions: ["kind"],
      numerator: surveys(" score >= 4 "),
      denominator: surveys(),
    };
    const definition = definitionOf(draft);
    expect(definition).toEqual({
      id: "good_reviews",
      labels: { en: "Good reviews", ru: "Хорошие отзывы" },
      unit: "percent",
      better: "up",
      thresholds: { warning: 0.6 },
      dimensions: ["kind"],
      kind: "ratio",
      numerator: { fact: "surveys", agg: "count", where: "score >= 4" },
      denominator: { fact: "surveys", agg: "count" },
    });
    // Read back, it is the same definition (a stored one is edited into its next version).
    expect(definitionOf(draftOf({ ...definition, version: 3 } as never))).toEqual(definition);
  });

  it("writes derived, rolling and snapshot bodies, with a field where the aggregation needs one", () => {
    const base = { ...emptyDraft(), id: "x", labels: { en: "X" } };
    const sum = { ...emptyMeasure("orders"), agg: "sum" as const, field: "total" };
    expect(
      definitionOf({ ...base, kind: "derived", expr: "a - b", measures: [{ name: "a", measure: sum }] }),
    ).toMatchObject({
      kind: "derived",
      expr: "a - b",
      measures: { a: { fact: "orders", agg: "sum", field: "total" } },
    });
    expect(definitionOf({ ...base, kind: "rolling", days: "28", rollingOf: "ratio", numerator: sum })).toMatchObject({
      kind: "rolling",
      days: 28,
      of: { kind: "ratio", numerator: { agg: "sum", field: "total" }, denominator: { agg: "count" } },
    });
    const snapshot = definitionOf({ ...base, kind: "snapshot", denominator: { ...emptyMeasure(), fact: "" } });
    expect(snapshot).toMatchObject({ kind: "snapshot", numerator: { agg: "count" } });
    expect("denominator" in snapshot).toBe(false);
  });

  it("finds an expression's field under the paths the API may name it by", () => {
    const ratio = { ...emptyDraft(), kind: "ratio" as const };
    expect(measurePaths(ratio, "numerator", "where")).toEqual(["numerator.where", "measures.numerator.where"]);
    expect(measurePaths({ ...ratio, kind: "rolling" }, "measure", "field")).toEqual([
      "of.measure.field",
      "measures.value.field",
    ]);
    expect(measurePaths(ratio, "a", "where")).toEqual(["measures.a.where"]);
    expect(issuePath("good.measures.numerator.where", "good")).toBe("measures.numerator.where");
    expect(issuePath("labels.en", "good")).toBe("labels.en");
  });

  it("keeps what the form has no field for, so that a built-in KPI's override loses nothing", () => {
    const builtIn = {
      id: "repeat_customers",
      version: 2,
      domain: "sales",
      labels: { en: "Repeat customers" },
      descriptions: { en: "Customers with two orders or more" },
      unit: "count",
      better: "up",
      thresholds: { warning: 10, by: { channel: { web: { warning: 5 } } } },
      targets: { value: 40 },
      kind: "measure",
      measure: { fact: "orders", agg: "count_distinct", field: "customerId", minRows: 2, where: "status = 'placed'" },
    };
    const { version: _version, ...rest } = builtIn;
    expect(definitionOf(draftOf(builtIn as never))).toEqual(rest);
    const active = { ...emptyDraft(), kind: "measure" as const };
    active.measure = { ...emptyMeasure("orders"), agg: "target", extra: { metric: "revenue", mode: "prorate" } };
    expect(definitionOf(active)).toMatchObject({ measure: { agg: "target", metric: "revenue", mode: "prorate" } });
    expect("fact" in (definitionOf(active) as unknown as { measure: object }).measure).toBe(false);
  });
});
