// The facts users send, exactly as docs/data-model.md names them. Every record is a strict object:
// an unknown field is an error, not something silently dropped.
import { z } from "zod";
import { metricIdSchema } from "../ids.js";

const MAX_TEXT = 256;

export const idSchema = z.string().min(1, "must not be empty").max(128, "must be at most 128 characters");
const text = z.string().min(1, "must not be empty").max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`);
/** An ISO 8601 timestamp with an offset or `Z`: a local time without one would be ambiguous. */
export const timestampSchema = z.iso.datetime({
  offset: true,
  message: "must be an ISO 8601 timestamp with an offset or Z, like 2026-11-23T09:30:00+03:00",
});
export const dateSchema = z.iso.date({ message: "must be a real date written YYYY-MM-DD" });
const number = () => z.number({ error: (i) => (i.input === undefined ? "is required" : "must be a number") });
const money = number().nonnegative("must be 0 or more").max(1e12, "must be at most 10^12");
const count = number()
  .int("must be a whole number")
  .nonnegative("must be 0 or more")
  .max(1e12, "must be at most 10^12");
const seconds = number().nonnegative("must be 0 or more").max(1e10, "must be at most 10^10 seconds");
const optional = <T extends z.ZodType>(schema: T) => schema.nullish();

export const sessionSources = ["organic", "paid", "social", "email", "referral", "direct", "other"] as const;
export const ticketChannels = ["email", "phone", "chat", "social"] as const;
export const surveyKinds = ["csat", "nps", "dsr_description", "dsr_service", "dsr_shipping", "after_sales"] as const;
export const refundReasons = ["quality", "not_as_described", "late", "other"] as const;
export const incidentKinds = ["safety", "quality", "labor"] as const;

/** The scale a survey kind is answered on. */
export const surveyScales: Record<(typeof surveyKinds)[number], readonly [number, number]> = {
  csat: [1, 5],
  nps: [0, 10],
  dsr_description: [1, 5],
  dsr_service: [1, 5],
  dsr_shipping: [1, 5],
  after_sales: [1, 5],
};

export const orderLineSchema = z.strictObject({
  productId: idSchema,
  quantity: count,
  price: money,
});

export const orderSchema = z.strictObject({
  id: idSchema,
  placedAt: timestampSchema,
  customerId: idSchema,
  total: money,
  cogs: optional(money),
  tax: optional(money),
  shippingCost: optional(money),
  items: count,
  status: z.enum(["placed", "cancelled"]),
  channel: optional(text),
  source: optional(text),
  region: optional(text),
  campaignId: optional(idSchema),
  agentId: optional(idSchema),
  shippedAt: optional(timestampSchema),
  deliveredAt: optional(timestampSchema),
  promisedAt: optional(timestampSchema),
  deliveredCorrectly: optional(z.boolean()),
  returnedAt: optional(timestampSchema),
  lines: optional(z.array(orderLineSchema).max(1000)),
});

export const sessionSchema = z.strictObject({
  id: idSchema,
  startedAt: timestampSchema,
  visitorId: idSchema,
  newVisitor: z.boolean(),
  source: z.enum(sessionSources),
  pageviews: count,
  durationSeconds: seconds,
  addedToCart: z.boolean(),
  converted: z.boolean(),
});

export const adSpendSchema = z.strictObject({
  id: idSchema,
  date: dateSchema,
  campaignId: idSchema,
  channel: optional(text),
  spend: money,
  impressions: count,
  clicks: count,
  attributedRevenue: money,
  acquisition: z.boolean(),
});

export const ticketSchema = z.strictObject({
  id: idSchema,
  createdAt: timestampSchema,
  channel: z.enum(ticketChannels),
  category: optional(text),
  productId: optional(idSchema),
  customerId: optional(idSchema),
  agentId: optional(idSchema),
  assignedAt: optional(timestampSchema),
  firstResponseAt: optional(timestampSchema),
  resolvedAt: optional(timestampSchema),
  escalated: z.boolean(),
  complaint: z.boolean(),
});

export const surveySchema = z
  .strictObject({
    id: idSchema,
    submittedAt: timestampSchema,
    kind: z.enum(surveyKinds),
    score: number(),
    customerId: optional(idSchema),
    agentId: optional(idSchema),
    orderId: optional(idSchema),
  })
  .superRefine((s, ctx) => {
    const [min, max] = surveyScales[s.kind];
    if (!(s.score >= min && s.score <= max)) {
      ctx.addIssue({ code: "custom", path: ["score"], message: `a ${s.kind} score must be between ${min} and ${max}` });
    }
    if (s.kind === "nps" && !Number.isInteger(s.score)) {
      ctx.addIssue({ code: "custom", path: ["score"], message: "an nps score must be a whole number from 0 to 10" });
    }
  });

export const refundSchema = z.strictObject({
  id: idSchema,
  orderId: idSchema,
  requestedAt: timestampSchema,
  completedAt: optional(timestampSchema),
  amount: money,
  reason: z.enum(refundReasons),
  platformIntervened: z.boolean(),
  merchantCompleted: z.boolean(),
});

export const partRequestSchema = z.strictObject({
  id: idSchema,
  requestedAt: timestampSchema,
  idealLocation: z.boolean(),
  onTime: z.boolean(),
  extraCost: money,
});

export const inventorySchema = z.strictObject({
  id: idSchema,
  at: timestampSchema,
  sku: idSchema,
  quantity: number().nonnegative("must be 0 or more").max(1e12, "must be at most 10^12"),
  value: money,
  ageDays: number().nonnegative("must be 0 or more").max(1e5, "must be at most 100000"),
});

export const productionRunSchema = z
  .strictObject({
    id: idSchema,
    line: text,
    startedAt: timestampSchema,
    endedAt: timestampSchema,
    plannedSeconds: seconds,
    runSeconds: seconds,
    idealCycleSeconds: seconds,
    unitsStarted: count,
    totalCount: count,
    goodCount: count,
    firstPassGood: count,
    scheduledLaborSeconds: seconds,
    workedLaborSeconds: seconds,
  })
  .superRefine((r, ctx) => {
    if (Date.parse(r.endedAt) < Date.parse(r.startedAt))
      ctx.addIssue({ code: "custom", path: ["endedAt"], message: "a run cannot end before it starts" });
    if (r.goodCount > r.totalCount)
      ctx.addIssue({ code: "custom", path: ["goodCount"], message: "goodCount cannot exceed totalCount" });
    if (r.firstPassGood > r.unitsStarted)
      ctx.addIssue({ code: "custom", path: ["firstPassGood"], message: "firstPassGood cannot exceed unitsStarted" });
  });

export const incidentSchema = z.strictObject({
  id: idSchema,
  occurredAt: timestampSchema,
  kind: z.enum(incidentKinds),
});

export const targetSchema = z
  .strictObject({
    id: idSchema,
    metric: metricIdSchema,
    start: dateSchema,
    end: dateSchema,
    value: number().min(-1e12, "must be at least -10^12").max(1e12, "must be at most 10^12"),
  })
  .superRefine((t, ctx) => {
    if (t.end <= t.start)
      ctx.addIssue({ code: "custom", path: ["end"], message: "end is exclusive and must be after start" });
  });

/** Every fact type by the name used in URLs (`POST /v1/events/:fact`) and in definitions. */
export const factSchemas = {
  orders: orderSchema,
  sessions: sessionSchema,
  adSpend: adSpendSchema,
  tickets: ticketSchema,
  surveys: surveySchema,
  refunds: refundSchema,
  partRequests: partRequestSchema,
  inventory: inventorySchema,
  productionRuns: productionRunSchema,
  incidents: incidentSchema,
  targets: targetSchema,
} as const;

export type FactName = keyof typeof factSchemas;
export const factNames = Object.keys(factSchemas) as FactName[];

export type Order = z.infer<typeof orderSchema>;
export type OrderLine = z.infer<typeof orderLineSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type AdSpend = z.infer<typeof adSpendSchema>;
export type Ticket = z.infer<typeof ticketSchema>;
export type Survey = z.infer<typeof surveySchema>;
export type Refund = z.infer<typeof refundSchema>;
export type PartRequest = z.infer<typeof partRequestSchema>;
export type InventoryRecord = z.infer<typeof inventorySchema>;
export type ProductionRun = z.infer<typeof productionRunSchema>;
export type Incident = z.infer<typeof incidentSchema>;
export type Target = z.infer<typeof targetSchema>;

export type FactRecord<F extends FactName> = z.infer<(typeof factSchemas)[F]>;
/** Arrays of facts by type, as the memory engine and the demo generator hold them. */
export type FactSet = { [F in FactName]?: FactRecord<F>[] };

export function isFactName(name: string): name is FactName {
  return Object.hasOwn(factSchemas, name);
}
