// The catalog is complete and really localized; definitions are validated with clear messages;
// a user's own KPIs are computed exactly like the built-in ones.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalog, compileDefinition, createMemoryEngine, KpiError, LOCALES, MetricRegistry } from "../src/index.js";
import { registry, runner } from "./support/engines.js";
import { fixture, RANGE } from "./support/fixture.js";

/**
 * Every id of docs/kpi-catalog.md, in its order: the first cell of each row of its tables (a row
 * may name several, `email_tickets / call_tickets / chat_tickets`), the header's `id` aside.
 */
const CATALOG_IDS = [
  ...readFileSync(new URL("../../../docs/kpi-catalog.md", import.meta.url), "utf8").matchAll(
    /^\| ([a-z][a-z0-9_]*(?: \/ [a-z][a-z0-9_]*)*) \|/gm,
  ),
]
  .flatMap((m) => m[1]!.split(" / "))
  .filter((id) => id !== "id");

/** Characters only Simplified Chinese writes this way (Traditional: 訂單銷額戶時間應發貨務轉換滿處庫齡實購數評價質). */
const SIMPLIFIED_ONLY = /[订单销额户时间应发货务转换满处库龄实购数评价质]/u;

describe("catalog", () => {
  it("holds every id of docs/kpi-catalog.md, exactly, once", () => {
    expect(catalog.map((d) => d.id)).toEqual(CATALOG_IDS);
  });

  it("compiles every definition", () => {
    expect(registry.all()).toHaveLength(70);
  });

  it("labels and describes every KPI in five locales, really translated", () => {
    for (const d of catalog) {
      for (const l of LOCALES) {
        expect(d.labels[l], `${d.id} ${l}`).toBeTruthy();
        expect(d.descriptions?.[l], `${d.id} ${l} description`).toBeTruthy();
      }
      expect(d.labels.ru, d.id).toMatch(/\p{Script=Cyrillic}/u);
      expect(d.labels["zh-Hans"], d.id).toMatch(/\p{Script=Han}/u);
      expect(d.labels["zh-Hant"], d.id).toMatch(/\p{Script=Han}/u);
      expect(d.labels["zh-Hant"], d.id).not.toMatch(SIMPLIFIED_ONLY);
      expect(d.labels.ms, d.id).not.toBe(d.labels.en);
    }
  });

  it("takes labels from the seed articles' own words", () => {
    const label = (id: string, l: (typeof LOCALES)[number]) => catalog.find((d) => d.id === id)!.labels[l];
    expect(label("cycle_time", "ru")).toBe("Время цикла"); // seed 000
    expect(label("first_response_time", "ru")).toMatch(/Время первого ответа/); // seed 000
    expect(label("cart_abandonment_rate", "ms")).toMatch(/pengabaian troli/i); // seed 002
    expect(label("order_processing_time", "zh-Hans")).toBe("订单处理速度"); // seed 003
    expect(label("refund_dispute_rate", "zh-Hant")).toBe("退款糾紛率"); // seed 004
  });

  it("carries the thresholds the seeds give", () => {
    const def = (id: string) => catalog.find((d) => d.id === id)!;
    expect(def("conversion_rate").thresholds).toEqual({ warning: 0.02 });
    expect(def("first_response_time").thresholds?.by?.channel).toEqual({
      email: { warning: 43_200 },
      social: { warning: 7_200 },
      chat: { warning: 30 },
    });
    expect(def("first_response_time").targets?.by?.channel).toEqual({ email: 43_200, social: 7_200, chat: 30 });
  });

  it("marks additive KPIs, whose targets pro-rate and buckets sum", () => {
    const additive = registry
      .all()
      .filter((m) => m.additive)
      .map((m) => m.definition.id);
    expect(additive).toEqual(
      expect.arrayContaining([
        "revenue",
        "orders",
        "cogs",
        "gross_profit",
        "net_profit",
        "new_customers",
        "tickets",
        "production_output",
      ]),
    );
    expect(additive).not.toContain("aov");
    expect(additive).not.toContain("visitors");
    expect(additive).not.toContain("active_tickets");
    expect(additive).not.toContain("refund_completion_time");
  });
});

describe("definition validation", () => {
  const lookup = (id: string) => registry.get(id);
  const base = { id: "my_kpi", labels: { en: "Mine" }, unit: "count", better: "up" };
  const fails = (def: object): string => {
    try {
      compileDefinition({ ...base, ...def }, lookup);
    } catch (e) {
      expect(e).toBeInstanceOf(KpiError);
      expect((e as KpiError).code).toBe("invalid_definition");
      return (e as KpiError).message;
    }
    throw new Error("accepted");
  };

  it("names the field a definition gets wrong", () => {
    expect(fails({ kind: "measure", measure: { fact: "orders", agg: "sum", field: "totl" } })).toMatch(
      /orders has no field "totl"/,
    );
    expect(fails({ kind: "measure", measure: { fact: "orders", agg: "sum", field: "channel" } })).toMatch(
      /sum needs a number, and "channel" is a string/,
    );
    expect(fails({ kind: "measure", measure: { fact: "orders", agg: "count", where: "status = 'canceled'" } })).toMatch(
      /status is never 'canceled'; its values are placed, cancelled/,
    );
    expect(fails({ kind: "measure", measure: { fact: "orders", agg: "count", where: "total" } })).toMatch(
      /must be a condition/,
    );
    expect(fails({ kind: "measure", measure: { fact: "orders", agg: "count", time: "customerId" } })).toMatch(
      /not a timestamp/,
    );
    expect(fails({ kind: "measure", measure: { fact: "adSpend", agg: "sum", field: "date" } })).toMatch(
      /date field "date" cannot be used/,
    );
    expect(fails({ kind: "measure", measure: { fact: "orders", agg: "count", where: "total >" } })).toMatch(
      /position 8/,
    );
    expect(fails({ kind: "measure", measure: { fact: "lost", agg: "count" } })).toMatch(/measure\.fact/);
  });

  it("refuses unknown references, self-reference and cycles", () => {
    expect(fails({ kind: "derived", expr: "revenue / nothing" })).toMatch(
      /"nothing" is neither one of this KPI's measures \(none\) nor a known KPI id/,
    );
    expect(fails({ kind: "derived", expr: "my_kpi + 1", id: "my_kpi" })).toMatch(/refer to itself/);
    const cyclic = MetricRegistry.of([
      { ...base, id: "a", kind: "derived", expr: "b + 1" },
      { ...base, id: "b", kind: "derived", expr: "a + 1" },
    ]);
    expect(() => cyclic.require("a")).toThrow(/cycle: a → b → a/);
    expect(fails({ kind: "derived", expr: "max(revenue)" })).toMatch(/the only function is prev/);
    expect(fails({ kind: "derived", expr: "revenue > 1" })).toMatch(/arithmetic/);
  });

  it("checks dimensions, thresholds and currency", () => {
    expect(fails({ kind: "measure", measure: { fact: "orders", agg: "count" }, dimensions: ["sku"] })).toMatch(
      /has the dimension "sku"/,
    );
    expect(
      fails({ kind: "measure", measure: { fact: "orders", agg: "count" }, thresholds: { warning: 10, critical: 20 } }),
    ).toMatch(/critical \(20\) must be at or below warning \(10\)/);
    expect(fails({ kind: "measure", measure: { fact: "orders", agg: "count" }, currency: "EUR" })).toMatch(
      /only a KPI with unit currency/,
    );
    expect(fails({ kind: "measure", measure: { fact: "orders", agg: "count" }, better: "sideways" })).toMatch(/better/);
    expect(fails({ kind: "measure", measure: { fact: "orders", agg: "count" }, id: "Bad-Id" })).toMatch(/snake_case/);
  });
});

describe("custom KPIs", () => {
  it("are computed like built-in ones, and may redefine a built-in id", async () => {
    const tenant = registry.with([
      {
        id: "paid_conversion",
        labels: { en: "Paid conversion" },
        unit: "percent",
        better: "up",
        kind: "ratio",
        numerator: { fact: "sessions", agg: "count", where: "converted and source = 'paid'" },
        denominator: { fact: "sessions", agg: "count", where: "source = 'paid'" },
      },
      {
        id: "margin_per_order",
        labels: { en: "Margin per order" },
        unit: "currency",
        better: "up",
        kind: "derived",
        expr: "gross_profit / orders",
      },
      // A configured customer lifetime of 3 years instead of 1 / churn.
      {
        id: "clv",
        labels: { en: "CLV (3-year lifetime)" },
        unit: "currency",
        better: "up",
        kind: "rolling",
        days: 365,
        of: { kind: "derived", expr: "aov * purchase_frequency * 3" },
      },
    ]);
    const run = runner(createMemoryEngine(fixture), { registry: tenant });
    expect((await run({ metric: "paid_conversion", range: RANGE })).value).toBe(1);
    expect((await run({ metric: "margin_per_order", range: RANGE })).value).toBe(150 / 4);
    expect((await run({ metric: "clv", range: RANGE })).value).toBeCloseTo(315, 9); // 105 a year for 3 years
    expect((await run({ metric: "revenue", range: RANGE })).value).toBe(320);
  });
});
