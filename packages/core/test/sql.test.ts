// The SQL each kind of measure compiles to, per dialect, as reviewed snapshot files
// (test/__snapshots__/sql/<dialect>/<query>.sql), in the manner of MetricFlow's per-engine snapshots.
// A change to the generated SQL shows up in review as a diff of these files.
import { describe, expect, it } from "vitest";
import { type FactName, prepareQuery, type QueryInput } from "../src/index.js";
import { compileMeasures, dialects, ingestSql, Rollups } from "../src/sql.js";
import { registry } from "./support/engines.js";

const NOW = Date.parse("2026-11-23T09:30:00Z");

/** One query per kind of measure the compiler knows. */
const queries: Record<string, QueryInput> = {
  aov_daily_new_york: { metric: "aov", range: "2026-10-30..2026-11-03", grain: "day", tz: "America/New_York" },
  revenue_by_channel_filtered: {
    metric: "revenue",
    range: "last_7_days",
    tz: "Europe/Moscow",
    filters: { region: ["EU", "US"] },
    by: "channel",
    compare: "none",
  },
  visitors_distinct: { metric: "visitors", range: "yesterday", grain: "day", compare: "none" },
  repeat_purchase_rate: { metric: "repeat_purchase_rate", range: "last_month", grain: "month", compare: "none" },
  new_customers_first_seen: { metric: "new_customers", range: "last_7_days", grain: "day", compare: "none" },
  retention_active: { metric: "customer_retention_rate", range: "last_month", grain: "month", compare: "none" },
  conversion_by_visitor: {
    metric: "conversion_rate",
    range: "today",
    tz: "Asia/Shanghai",
    by: "visitor",
    compare: "none",
  },
  stock_snapshot_latest: { metric: "stockout_rate", range: "last_7_days", grain: "week", compare: "none" },
  queue_snapshot_until: {
    metric: "queued_tickets",
    range: "today",
    grain: "hour",
    compare: "none",
    now: "2026-11-23T03:00:00Z",
  },
  target_prorated: { metric: "sales_target_attainment", range: "mtd", grain: "month", compare: "none" },
  hit_rate_lines: { metric: "hit_rate", range: "last_7_days", grain: "week", by: "product", compare: "none" },
  cac_dates: { metric: "cac", range: "last_7_days", tz: "America/Los_Angeles", grain: "week", compare: "none" },
  refund_rolling: { metric: "refund_dispute_rate", range: "yesterday", grain: "day", compare: "none" },
  duration_avg: { metric: "first_response_time", range: "yesterday", grain: "day", compare: "none" },
};

/** Queries that read rollups: whole hours from them, the rest (a zone 30 minutes off UTC, now) from facts. */
const rollupQueries: Record<string, QueryInput> = {
  rollup_aov_kolkata: { metric: "aov", range: "last_7_days", grain: "day", tz: "Asia/Kolkata" },
  rollup_conversion_by_visitor: {
    metric: "conversion_rate",
    range: "last_month",
    by: "visitor",
    filters: { visitor: "new" },
    compare: "none",
  },
  rollup_cac_dates: { metric: "cac", range: "last_7_days", tz: "America/Los_Angeles", grain: "week", compare: "none" },
  // "now" mid-hour: a span ending now reads its last quarter hour whole, less the facts placed
  // after now (SpanSplit.less); a span's minutes at its start are read from the facts.
  rollup_revenue_mid_hour: { metric: "revenue", range: "last_90_days", grain: "day", now: "2026-11-23T09:37:00Z" },
  rollup_hit_rate_lines_mid_hour: {
    metric: "hit_rate",
    range: "last_7_days",
    grain: "day",
    compare: "none",
    now: "2026-11-23T09:37:00Z",
  }, // Each SKU's latest stock: facts held less facts superseded, by hour, and the last quarter
  // hour whole, less the facts after now (those that came then, and the ones they superseded).
  rollup_stock_latest_mid_hour: {
    metric: "stockout_rate",
    range: "last_7_days",
    grain: "day",
    compare: "none",
    now: "2026-11-23T09:37:00Z",
  },
};

const rollups = Rollups.of(registry);

describe("generated SQL", () => {
  for (const dialect of Object.values(dialects)) {
    for (const [name, query] of [...Object.entries(queries), ...Object.entries(rollupQueries)]) {
      it(`${dialect.name}: ${name}`, async () => {
        const prepared = prepareQuery(query, { registry, timeZone: "UTC", now: NOW });
        const { sql, params } = compileMeasures(
          prepared.requests,
          prepared.tz,
          dialect,
          "tenant_1",
          name in rollupQueries ? rollups : undefined,
        );
        const text = `-- ${JSON.stringify(query)}\n-- params: ${JSON.stringify(params)}\n${sql}\n`;
        await expect(text).toMatchFileSnapshot(`./__snapshots__/sql/${dialect.name}/${name}.sql`);
      });
    }

    // What one ingest runs: the facts, their rollups, and the key histories they relink.
    const ingests: [FactName, unknown][] = [
      [
        "orders",
        {
          id: "o1",
          placedAt: "2026-11-23T09:00:00Z",
          status: "placed",
          total: 10,
          lines: [{ productId: "p1", quantity: 1, price: 10 }],
        },
      ],
      ["inventory", { id: "s1", at: "2026-11-23T09:00:00Z", sku: "sku-1", quantity: 0, value: 0, ageDays: 3 }],
    ];
    for (const [fact, record] of ingests) {
      it(`${dialect.name}: rollup_ingest_${fact}`, async () => {
        const { statements } = ingestSql(fact, [[record as never]], "tenant_1", dialect, {
          maxParams: 999,
          ingestId: "ingest_1",
          rollups,
        });
        const text = statements.map((s) => `-- params: ${JSON.stringify(s.params)}\n${s.sql};\n`).join("\n");
        await expect(text).toMatchFileSnapshot(`./__snapshots__/sql/${dialect.name}/rollup_ingest_${fact}.sql`);
      });
    }
  }

  it("asks for a measure once, whichever KPIs of a formula read it", () => {
    // Two definitions, each with its own copy of one measure: the engine is asked for it once,
    // for each span; split by a dimension, it is another request.
    const orders = { fact: "orders", agg: "count" } as const;
    const kpi = (id: string) => ({ id, labels: { en: id }, unit: "count", better: "up", kind: "measure" }) as const;
    const tenant = registry.with([
      { ...kpi("orders_a"), measure: { ...orders } },
      { ...kpi("orders_b"), measure: { ...orders } },
      { ...kpi("both"), kind: "derived", expr: "orders_a + orders_b" },
    ]);
    const counts = (query: QueryInput) =>
      prepareQuery(query, { registry: tenant, now: NOW }).requests.filter((r) => r.measure.agg === "count");
    const [request, ...more] = counts({ metric: "both", range: "last_7_days", grain: "day" });
    expect(more).toEqual([]);
    // The range, its 7 days and the same for the period before: each span once.
    expect(request!.spans).toHaveLength(16);
    expect(new Set(request!.spans.map((s) => `${s.start}-${s.end}`)).size).toBe(16);
    const split = counts({ metric: "both", range: "last_7_days", by: "channel" });
    expect(split.map((r) => r.groupBy?.field ?? "total").sort()).toEqual(["channel", "total"]);
  });

  it("keeps every catalog KPI's statement within D1's limits: 100 KB of SQL, 100 parameters", () => {
    // The longest shapes: a day's buckets over a year, a year's weeks in a zone off whole hours,
    // a split, a comparison with the year before. Written out, CLV's for `ytd` by day was 274 KB.
    const shapes: Omit<QueryInput, "metric">[] = [
      { range: "ytd", grain: "day", tz: "America/New_York" },
      { range: "last_year", grain: "day" },
      { range: "last_90_days", grain: "day", compare: "previous_year" },
      { range: "ytd", grain: "week", tz: "Asia/Kolkata" },
      { range: "last_30_days", by: "channel" },
      { range: "today", grain: "hour", filters: { channel: ["web", "app"] } },
    ];
    const over: string[] = [];
    for (const { definition, dimensions } of registry.all())
      for (const shape of shapes) {
        const { id } = definition;
        // A split or a filter only where the KPI has the dimension.
        if ([shape.by, ...Object.keys(shape.filters ?? {})].some((d) => d && !dimensions.includes(d))) continue;
        const prepared = prepareQuery({ metric: id, ...shape }, { registry, timeZone: "UTC", now: NOW });
        for (const rolled of [rollups, undefined]) {
          const { sql, params } = compileMeasures(prepared.requests, prepared.tz, dialects.sqlite, "t", rolled);
          const bytes = new TextEncoder().encode(sql).length;
          if (bytes > 100_000 || params.length > 100)
            over.push(`${id} ${JSON.stringify(shape)}: ${bytes} B, ${params.length}`);
        }
      }
    expect(over).toEqual([]);
  });

  it("binds text as parameters, never inline", () => {
    const prepared = prepareQuery(
      { metric: "revenue", range: "today", filters: { channel: "x'); DROP TABLE orders; --" } },
      { registry, now: NOW },
    );
    const { sql, params } = compileMeasures(prepared.requests, "UTC", dialects.sqlite, "t");
    expect(sql).not.toContain("DROP TABLE");
    expect(params).toContain("x'); DROP TABLE orders; --");
  });
});
