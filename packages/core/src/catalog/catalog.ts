// The built-in KPI catalog (docs/kpi-catalog.md), written in the same declarative form as a user's own
// KPIs. Formulas live here; the five locales' labels and descriptions live in texts.ts.
import type { Definition, DefinitionInput, MeasureInput } from "../definitions/schema.js";
import { definitionSchema } from "../definitions/schema.js";
import { kpiTexts } from "./texts.js";

/** Cancelled orders are left out of every order-based KPI. */
const PLACED = "status = 'placed'";
const placed = (where?: string) => (where ? `${PLACED} and ${where}` : PLACED);

const orderCount = (where?: string, time?: string): MeasureInput => ({ fact: "orders", agg: "count", where: placed(where), ...(time ? { time } : {}) });
const orderSum = (field: string, where?: string): MeasureInput => ({ fact: "orders", agg: "sum", field, where: placed(where) });
const customers: MeasureInput = { fact: "orders", agg: "count_distinct", field: "customerId", where: PLACED };
const sessionCount = (where?: string): MeasureInput => ({ fact: "sessions", agg: "count", ...(where ? { where } : {}) });
const ticketCount = (where?: string): MeasureInput => ({ fact: "tickets", agg: "count", ...(where ? { where } : {}) });
const surveyMean = (kind: string): MeasureInput => ({ fact: "surveys", agg: "avg", field: "score", where: `kind = '${kind}'` });
const surveyCount = (kind: string, where?: string): MeasureInput => ({ fact: "surveys", agg: "count", where: `kind = '${kind}'${where ? ` and ${where}` : ""}` });
const refundCount = (where?: string, time?: string): MeasureInput => ({ fact: "refunds", agg: "count", ...(where ? { where } : {}), ...(time ? { time } : {}) });
const runSum = (field: string): MeasureInput => ({ fact: "productionRuns", agg: "sum", field });
const stock = (agg: "count" | "sum", field?: string, where?: string, at: "start" | "end" = "end"): MeasureInput =>
  ({ fact: "inventory", agg, ...(field ? { field } : {}), ...(where ? { where } : {}), snapshot: { at, latestBy: "sku" } }) as MeasureInput;
/** A customer is active while its last order is within this many days. */
const ACTIVITY_DAYS = 365;
const activeCustomers = (state: "start" | "end" | "retained" | "lost"): MeasureInput => ({
  fact: "orders",
  agg: "active",
  field: "customerId",
  where: PLACED,
  days: ACTIVITY_DAYS,
  state,
});

/** A definition without its texts (distributed over the union, so each kind keeps its fields). */
type Entry = DefinitionInput extends infer D ? (D extends unknown ? Omit<D, "labels" | "descriptions"> : never) : never;

const entries: Entry[] = [
  // Sales
  { id: "revenue", domain: "sales", kind: "measure", unit: "currency", better: "up", measure: orderSum("total") },
  { id: "orders", domain: "sales", kind: "measure", unit: "count", better: "up", measure: orderCount() },
  { id: "cogs", domain: "sales", kind: "measure", unit: "currency", better: "down", measure: orderSum("cogs") },
  { id: "gross_profit", domain: "sales", kind: "derived", unit: "currency", better: "up", expr: "revenue - cogs" },
  { id: "gross_margin", domain: "sales", kind: "derived", unit: "percent", better: "up", expr: "gross_profit / revenue" },
  { id: "net_profit", domain: "sales", kind: "derived", unit: "currency", better: "up", expr: "revenue - cogs - tax", measures: { tax: orderSum("tax") } },
  { id: "net_profit_margin", domain: "sales", kind: "derived", unit: "percent", better: "up", expr: "net_profit / revenue" },
  { id: "aov", domain: "sales", kind: "ratio", unit: "currency", better: "up", numerator: orderSum("total"), denominator: orderCount() },
  { id: "avg_order_size", domain: "sales", kind: "ratio", unit: "count", better: "up", numerator: orderSum("items"), denominator: orderCount() },
  { id: "purchase_frequency", domain: "sales", kind: "ratio", unit: "ratio", better: "up", numerator: orderCount(), denominator: customers },
  {
    id: "sales_target_attainment",
    domain: "sales",
    kind: "ratio",
    unit: "percent",
    better: "up",
    numerator: orderSum("total"),
    denominator: { agg: "target", metric: "revenue", mode: "prorate" },
    dimensions: [],
  },
  { id: "sales_growth", domain: "sales", kind: "derived", unit: "percent", better: "up", expr: "(revenue - prev(revenue)) / prev(revenue)" },
  { id: "new_customers", domain: "sales", kind: "measure", unit: "count", better: "up", measure: { fact: "orders", agg: "first_seen", field: "customerId", where: PLACED } },
  {
    id: "repeat_purchase_rate",
    domain: "sales",
    kind: "ratio",
    unit: "percent",
    better: "up",
    numerator: { ...customers, minRows: 2 } as MeasureInput,
    denominator: customers,
  },
  {
    // The catalog's (E − N) / S, not the share of S still active at the end: a customer who comes
    // back after its activity window has lapsed is retained too.
    id: "customer_retention_rate",
    domain: "sales",
    kind: "derived",
    unit: "percent",
    better: "up",
    expr: "(active_at_end - new_customers) / active_at_start",
    measures: { active_at_end: activeCustomers("end"), active_at_start: activeCustomers("start") },
  },
  { id: "churn_rate", domain: "sales", kind: "ratio", unit: "percent", better: "down", numerator: activeCustomers("lost"), denominator: activeCustomers("start") },
  {
    id: "clv",
    domain: "sales",
    kind: "rolling",
    days: 365,
    unit: "currency",
    better: "up",
    of: { kind: "derived", expr: "aov * purchase_frequency / churn_rate" },
  },
  { id: "add_to_cart_rate", domain: "sales", kind: "ratio", unit: "percent", better: "up", numerator: sessionCount("addedToCart"), denominator: sessionCount() },
  {
    id: "cart_abandonment_rate",
    domain: "sales",
    kind: "ratio",
    unit: "percent",
    better: "down",
    numerator: sessionCount("addedToCart and not converted"),
    denominator: sessionCount("addedToCart"),
  },
  {
    id: "conversion_rate",
    domain: "sales",
    kind: "ratio",
    unit: "percent",
    better: "up",
    numerator: sessionCount("converted"),
    denominator: sessionCount(),
    thresholds: { warning: 0.02 },
  },
  { id: "return_rate", domain: "sales", kind: "ratio", unit: "percent", better: "down", numerator: orderCount("returnedAt is not null"), denominator: orderCount() },

  // Marketing
  {
    id: "cac",
    domain: "marketing",
    kind: "ratio",
    unit: "currency",
    better: "down",
    numerator: { fact: "adSpend", agg: "sum", field: "spend", where: "acquisition" },
    denominator: { fact: "orders", agg: "first_seen", field: "customerId", where: PLACED },
    dimensions: ["campaign"],
  },
  {
    id: "roas",
    domain: "marketing",
    kind: "ratio",
    unit: "ratio",
    better: "up",
    numerator: { fact: "adSpend", agg: "sum", field: "attributedRevenue" },
    denominator: { fact: "adSpend", agg: "sum", field: "spend" },
  },
  {
    id: "ctr",
    domain: "marketing",
    kind: "ratio",
    unit: "percent",
    better: "up",
    numerator: { fact: "adSpend", agg: "sum", field: "clicks" },
    denominator: { fact: "adSpend", agg: "sum", field: "impressions" },
  },
  { id: "visitors", domain: "marketing", kind: "measure", unit: "count", better: "up", measure: { fact: "sessions", agg: "count_distinct", field: "visitorId" } },
  { id: "sessions", domain: "marketing", kind: "measure", unit: "count", better: "up", measure: sessionCount() },
  { id: "avg_session_duration", domain: "marketing", kind: "measure", unit: "duration", better: "up", measure: { fact: "sessions", agg: "avg", field: "durationSeconds" } },
  {
    id: "pages_per_session",
    domain: "marketing",
    kind: "ratio",
    unit: "ratio",
    better: "up",
    numerator: { fact: "sessions", agg: "sum", field: "pageviews" },
    denominator: sessionCount(),
  },
  {
    id: "bounce_rate",
    domain: "marketing",
    kind: "ratio",
    unit: "percent",
    better: "down",
    numerator: sessionCount("pageviews <= 1 and not addedToCart and not converted"),
    denominator: sessionCount(),
  },
  { id: "campaign_revenue", domain: "marketing", kind: "measure", unit: "currency", better: "up", measure: { fact: "adSpend", agg: "sum", field: "attributedRevenue" } },

  // Customer service
  { id: "csat", domain: "customer_service", kind: "measure", unit: "score", better: "up", measure: surveyMean("csat"), dimensions: ["agent"] },
  { id: "csat_positive_rate", domain: "customer_service", kind: "ratio", unit: "percent", better: "up", numerator: surveyCount("csat", "score >= 4"), denominator: surveyCount("csat"), dimensions: ["agent"] },
  {
    id: "nps",
    domain: "customer_service",
    kind: "derived",
    unit: "score",
    better: "up",
    expr: "100 * (promoters - detractors) / responses",
    measures: { promoters: surveyCount("nps", "score >= 9"), detractors: surveyCount("nps", "score <= 6"), responses: surveyCount("nps") },
    dimensions: ["agent"],
  },
  { id: "tickets", domain: "customer_service", kind: "measure", unit: "count", better: "none", measure: ticketCount() },
  { id: "email_tickets", domain: "customer_service", kind: "measure", unit: "count", better: "none", measure: ticketCount("channel = 'email'"), dimensions: ["category", "product", "agent"] },
  { id: "call_tickets", domain: "customer_service", kind: "measure", unit: "count", better: "none", measure: ticketCount("channel = 'phone'"), dimensions: ["category", "product", "agent"] },
  { id: "chat_tickets", domain: "customer_service", kind: "measure", unit: "count", better: "none", measure: ticketCount("channel = 'chat'"), dimensions: ["category", "product", "agent"] },
  {
    id: "first_response_time",
    domain: "customer_service",
    kind: "measure",
    unit: "duration",
    better: "down",
    measure: { fact: "tickets", agg: "avg", field: "firstResponseAt - createdAt" },
    // Seed 000 (Zendesk's advice): half a day for email, two hours for social media, seconds for
    // chat. They are the targets of each channel, and past them a channel's status is a warning.
    targets: { by: { channel: { email: 43_200, social: 7_200, chat: 30 } } },
    thresholds: { by: { channel: { email: { warning: 43_200 }, social: { warning: 7_200 }, chat: { warning: 30 } } } },
  },
  {
    id: "avg_resolution_time",
    domain: "customer_service",
    kind: "measure",
    unit: "duration",
    better: "down",
    measure: { fact: "tickets", agg: "avg", field: "resolvedAt - createdAt", time: "resolvedAt" },
  },
  { id: "active_tickets", domain: "customer_service", kind: "snapshot", unit: "count", better: "down", numerator: { fact: "tickets", agg: "count", snapshot: { at: "end", until: ["resolvedAt"] } } },
  {
    id: "queued_tickets",
    domain: "customer_service",
    kind: "snapshot",
    unit: "count",
    better: "down",
    numerator: { fact: "tickets", agg: "count", snapshot: { at: "end", until: ["resolvedAt", "assignedAt"] } },
  },
  { id: "ticket_categories", domain: "customer_service", kind: "measure", unit: "count", better: "none", measure: ticketCount(), dimensions: ["category", "channel", "product", "agent"] },
  { id: "escalation_rate", domain: "customer_service", kind: "ratio", unit: "percent", better: "down", numerator: ticketCount("escalated"), denominator: ticketCount() },
  {
    id: "hit_rate",
    domain: "customer_service",
    kind: "ratio",
    unit: "ratio",
    better: "up",
    numerator: { fact: "orderLines", agg: "sum", field: "quantity", where: PLACED },
    denominator: { fact: "tickets", agg: "count_distinct", field: "customerId", where: "productId is not null" },
    dimensions: ["product"],
  },
  {
    id: "complaint_rate",
    domain: "customer_service",
    kind: "ratio",
    unit: "percent",
    better: "down",
    numerator: ticketCount("complaint"),
    denominator: orderCount(),
    dimensions: ["category", "product"],
  },

  // After-sales
  {
    // An order without a promised date can be neither on time nor late: it is left out of both.
    id: "on_time_delivery",
    domain: "after_sales",
    kind: "ratio",
    unit: "percent",
    better: "up",
    numerator: orderCount("promisedAt is not null and deliveredAt <= promisedAt", "deliveredAt"),
    denominator: orderCount("promisedAt is not null", "deliveredAt"),
  },
  {
    id: "parts_hit_rate",
    domain: "after_sales",
    kind: "ratio",
    unit: "percent",
    better: "up",
    numerator: { fact: "partRequests", agg: "count", where: "idealLocation and onTime and extraCost = 0" },
    denominator: { fact: "partRequests", agg: "count" },
  },
  { id: "dsr_description", domain: "after_sales", kind: "measure", unit: "score", better: "up", measure: surveyMean("dsr_description"), dimensions: ["agent"] },
  { id: "dsr_service", domain: "after_sales", kind: "measure", unit: "score", better: "up", measure: surveyMean("dsr_service"), dimensions: ["agent"] },
  { id: "dsr_shipping", domain: "after_sales", kind: "measure", unit: "score", better: "up", measure: surveyMean("dsr_shipping"), dimensions: ["agent"] },
  { id: "after_sales_score", domain: "after_sales", kind: "measure", unit: "score", better: "up", measure: surveyMean("after_sales"), dimensions: ["agent"] },
  { id: "refund_rate", domain: "after_sales", kind: "ratio", unit: "percent", better: "down", numerator: refundCount(), denominator: orderCount() },
  {
    id: "refund_dispute_rate",
    domain: "after_sales",
    kind: "rolling",
    days: 28,
    unit: "percent",
    better: "down",
    of: { kind: "ratio", numerator: refundCount("platformIntervened"), denominator: orderCount() },
    dimensions: ["reason"],
  },
  {
    id: "refund_self_completion_rate",
    domain: "after_sales",
    kind: "rolling",
    days: 28,
    unit: "percent",
    better: "up",
    of: { kind: "ratio", numerator: refundCount("merchantCompleted", "completedAt"), denominator: refundCount(undefined, "completedAt") },
  },
  {
    id: "refund_completion_time",
    domain: "after_sales",
    kind: "rolling",
    days: 28,
    unit: "duration",
    better: "down",
    of: { kind: "measure", measure: { fact: "refunds", agg: "avg", field: "completedAt - requestedAt", time: "completedAt" } },
  },
  { id: "quality_refund_rate", domain: "after_sales", kind: "ratio", unit: "percent", better: "down", numerator: refundCount("reason = 'quality'"), denominator: orderCount(), dimensions: [] },

  // Fulfilment and inventory
  {
    id: "order_processing_time",
    domain: "fulfilment",
    kind: "measure",
    unit: "duration",
    better: "down",
    measure: { fact: "orders", agg: "avg", field: "shippedAt - placedAt", where: PLACED, time: "shippedAt" },
  },
  {
    id: "delivery_time",
    domain: "fulfilment",
    kind: "measure",
    unit: "duration",
    better: "down",
    measure: { fact: "orders", agg: "avg", field: "deliveredAt - shippedAt", where: PLACED, time: "deliveredAt" },
  },
  {
    // An order delivered without a word on its correctness is left out of both counts.
    id: "delivery_accuracy",
    domain: "fulfilment",
    kind: "ratio",
    unit: "percent",
    better: "up",
    numerator: orderCount("deliveredCorrectly", "deliveredAt"),
    denominator: orderCount("deliveredCorrectly is not null", "deliveredAt"),
  },
  {
    id: "delivery_cost_per_order",
    domain: "fulfilment",
    kind: "ratio",
    unit: "currency",
    better: "down",
    numerator: { fact: "orders", agg: "sum", field: "shippingCost", where: PLACED, time: "shippedAt" },
    denominator: orderCount(undefined, "shippedAt"),
  },
  {
    // Mean inventory over the period is the mean of its opening and closing stock value.
    id: "inventory_turnover",
    domain: "fulfilment",
    kind: "derived",
    unit: "ratio",
    better: "up",
    expr: "cogs / ((opening + closing) / 2)",
    measures: { cogs: orderSum("cogs"), opening: stock("sum", "value", undefined, "start"), closing: stock("sum", "value") },
    dimensions: [],
  },
  {
    id: "stock_age",
    domain: "fulfilment",
    kind: "snapshot",
    unit: "duration",
    better: "down",
    numerator: stock("sum", "value * ageDays * 86400"),
    denominator: stock("sum", "value"),
  },
  { id: "stockout_rate", domain: "fulfilment", kind: "snapshot", unit: "percent", better: "down", numerator: stock("count", undefined, "quantity = 0"), denominator: stock("count") },
  { id: "inventory_value", domain: "fulfilment", kind: "snapshot", unit: "currency", better: "none", numerator: stock("sum", "value") },

  // Manufacturing
  { id: "cycle_time", domain: "manufacturing", kind: "measure", unit: "duration", better: "down", measure: { fact: "productionRuns", agg: "avg", field: "endedAt - startedAt" } },
  { id: "fty", domain: "manufacturing", kind: "ratio", unit: "percent", better: "up", numerator: runSum("firstPassGood"), denominator: runSum("unitsStarted") },
  { id: "non_compliance_incidents", domain: "manufacturing", kind: "measure", unit: "count", better: "down", measure: { fact: "incidents", agg: "count" } },
  {
    id: "oee",
    domain: "manufacturing",
    kind: "derived",
    unit: "percent",
    better: "up",
    expr: "(run / planned) * (ideal / run) * (good / total)",
    measures: { run: runSum("runSeconds"), planned: runSum("plannedSeconds"), ideal: runSum("idealCycleSeconds * totalCount"), good: runSum("goodCount"), total: runSum("totalCount") },
  },
  {
    id: "ole",
    domain: "manufacturing",
    kind: "derived",
    unit: "percent",
    better: "up",
    expr: "(worked / scheduled) * (ideal / worked) * (good / total)",
    measures: {
      worked: runSum("workedLaborSeconds"),
      scheduled: runSum("scheduledLaborSeconds"),
      ideal: runSum("idealCycleSeconds * totalCount"),
      good: runSum("goodCount"),
      total: runSum("totalCount"),
    },
  },
  { id: "production_output", domain: "manufacturing", kind: "measure", unit: "count", better: "up", measure: runSum("totalCount") },
];

function withTexts(entry: Entry): Definition {
  const texts = kpiTexts[entry.id];
  if (!texts) throw new Error(`catalog: no texts for ${entry.id}`);
  return definitionSchema.parse({ ...entry, labels: texts.label, descriptions: texts.description });
}

/** Every KPI of docs/kpi-catalog.md, with its id exactly as written there. */
export const catalog: readonly Definition[] = entries.map(withTexts);
