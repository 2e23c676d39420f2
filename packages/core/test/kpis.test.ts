// Every catalog KPI on the fixture, with values worked out by hand, on both engines; and the same
// KPIs over a period with no data, where counts and sums are 0 and every mean or ratio is null.
import { describe, expect, it } from "vitest";
import { catalog } from "../src/index.js";
import { bothEngines, runner } from "./support/engines.js";
import { EMPTY_RANGE, fixture, RANGE } from "./support/fixture.js";

const DAY = 86_400;

/** id → [value over 2026-03-01..2026-03-08, value over a period with no facts]. Sums in comments. */
const expected: Record<string, [number | null, number | null]> = {
  revenue: [320, 0], // 100 + 50 + 150 + 20 (o4 is cancelled)
  orders: [4, 0],
  cogs: [170, 0], // 60 + 20 + 90 + missing (counts as 0)
  gross_profit: [150, 0],
  gross_margin: [150 / 320, null],
  net_profit: [128, 0], // 320 - 170 - (8 + 12 + 2)
  net_profit_margin: [0.4, null],
  aov: [80, null],
  avg_order_size: [7 / 4, null], // items 2 + 1 + 3 + 1
  purchase_frequency: [4 / 3, null], // 4 orders by c1, c2, c4
  sales_target_attainment: [320 / 70, null], // March's target 310 over 31 days, 7 of them: 70
  sales_growth: [(320 - 60) / 60, null], // previous 7 days: o0 (60)
  new_customers: [1, 0], // c4; c1 bought first in February, c2 in 2025
  repeat_purchase_rate: [1 / 3, null], // c1 of c1, c2, c4
  // (E − N) / S. S, active on Mar 1 (an order in the 365 days before): c1, c5, c6. E, active on
  // Mar 8: c1, c2, c4, c5. N, new in the range: c4. c2 came back after its window had lapsed.
  customer_retention_rate: [(4 - 1) / 3, null],
  churn_rate: [1 / 3, null], // c6 lost
  clv: [210, null], // the year to Mar 8: revenue 420 / 4 customers = 105, annual churn 1/2 (c2, c6 → c6 lost)
  add_to_cart_rate: [3 / 5, null],
  cart_abandonment_rate: [2 / 3, null], // s3, s4 of the carts s2, s3, s4
  conversion_rate: [2 / 5, null],
  return_rate: [1 / 4, null], // o2
  cac: [100, null], // acquisition spend 100 (a1) / 1 new customer
  roas: [500 / 150, null],
  ctr: [250 / 15_000, null],
  visitors: [3, 0],
  sessions: [5, 0],
  avg_session_duration: [104, null], // (30 + 300 + 120 + 10 + 60) / 5
  pages_per_session: [12 / 5, null],
  bounce_rate: [1 / 5, null], // s1; s4 saw one page but added to cart
  campaign_revenue: [500, 0],
  csat: [11 / 3, null],
  csat_positive_rate: [2 / 3, null],
  nps: [40, null], // scores 10, 9, 9, 7, 3: 3 promoters, 1 detractor of 5
  tickets: [4, 0],
  email_tickets: [1, 0],
  call_tickets: [1, 0],
  chat_tickets: [2, 0],
  first_response_time: [(6 * 3600 + 45 + 15) / 3, null], // t3 was never answered: left out, not 0
  avg_resolution_time: [(2 * DAY + DAY + 3600) / 3, null], // resolved in the range: t0, t1, t2
  active_tickets: [2, 0], // open at Mar 8: t3, and t4 (resolved Mar 9)
  queued_tickets: [1, 0], // t3, never assigned
  ticket_categories: [4, 0],
  escalation_rate: [1 / 4, null],
  hit_rate: [7 / 2, null], // 7 units sold / customers c1, c2 asked about a product
  complaint_rate: [2 / 4, null],
  on_time_delivery: [1 / 2, null], // o1 on time, o2 late; cancelled o4 left out
  parts_hit_rate: [2 / 4, null],
  dsr_description: [4.5, null],
  dsr_service: [3, null],
  dsr_shipping: [2, null],
  after_sales_score: [4, null],
  refund_rate: [2 / 4, null],
  refund_dispute_rate: [1 / 5, null], // 28 days to Mar 8: r2 of orders o0, o1, o2, o3, o5
  refund_self_completion_rate: [2 / 3, null], // completed in those 28 days: r3, r1 by the merchant, r2 not
  refund_completion_time: [(DAY + DAY + 1.5 * DAY) / 3, null],
  quality_refund_rate: [1 / 4, null],
  order_processing_time: [(DAY + DAY / 2 + DAY) / 3, null], // shipped in the range: o1, o2, o5
  delivery_time: [(2 * DAY + 4 * DAY) / 2, null], // delivered in the range: o1, o2
  delivery_accuracy: [1 / 2, null],
  delivery_cost_per_order: [5 / 3, null], // shipping 5 + missing + 0 over 3 orders shipped
  inventory_turnover: [170 / ((150 + 80) / 2), null], // opening stock 150, closing 80
  stock_age: [5 * DAY, null], // only B has value at the end: 80 aged 5 days
  stockout_rate: [2 / 3, null], // A and C at zero
  inventory_value: [80, 0],
  cycle_time: [(8 * 3600 + 4 * 3600) / 2, null],
  fty: [3550 / 4000, null],
  non_compliance_incidents: [2, 0],
  oee: [(39_600 / 43_200) * (30_800 / 39_600) * (3700 / 3800), null],
  ole: [(39_000 / 44_400) * (30_800 / 39_000) * (3700 / 3800), null],
  production_output: [3800, 0],
};

describe("catalog KPIs, worked out by hand", () => {
  it("covers every catalog KPI", () => {
    expect(Object.keys(expected).sort()).toEqual(catalog.map((d) => d.id).sort());
  });

  for (const [name, engine] of bothEngines(fixture)) {
    const run = runner(engine);
    describe(name, () => {
      for (const [id, [value, empty]] of Object.entries(expected)) {
        it(`${id} = ${value === null ? "null" : +value.toFixed(6)}, and ${empty} with no data`, async () => {
          const r = await run({ metric: id, range: RANGE });
          if (value === null) expect(r.value).toBeNull();
          else expect(r.value).toBeCloseTo(value, 9);
          const e = await run({ metric: id, range: EMPTY_RANGE });
          expect(e.value).toBe(empty);
        });
      }
    });
  }
});
