import { describe, expect, it } from "vitest";
import { changedFields } from "../src/versions.js";

const share = {
  id: "share",
  version: 1,
  labels: { en: "Share" },
  unit: "percent",
  better: "up",
  kind: "ratio",
  numerator: { fact: "orders", agg: "count", where: "channel = 'web'" },
  denominator: { fact: "orders", agg: "count" },
};

describe("what changed between two versions", () => {
  it("is the paths of the values that differ, the version aside", () => {
    const next = {
      ...share,
      version: 2,
      labels: { en: "Share", ru: "Доля" },
      numerator: { ...share.numerator, where: "channel = 'app'" },
      dimensions: ["channel"],
    };
    expect(changedFields(share, next)).toEqual(["labels.ru", "numerator.where", "dimensions"]);
    expect(changedFields(next, share)).toEqual(["labels.ru", "numerator.where", "dimensions"]);
  });

  it("is nothing for the same definition saved again", () => {
    expect(changedFields(share, { ...share, version: 3 })).toEqual([]);
  });

  it("takes a list as one value and a changed kind as the fields it changed", () => {
    expect(changedFields({ ...share, dimensions: ["a"] }, { ...share, dimensions: ["a", "b"] })).toEqual([
      "dimensions",
    ]);
    const { numerator, denominator, ...rest } = share;
    expect(changedFields(share, { ...rest, kind: "measure", measure: numerator })).toEqual([
      "kind",
      "numerator",
      "denominator",
      "measure",
    ]);
  });
});
