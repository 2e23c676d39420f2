// Metric definitions are data: the built-in catalog and a user's own KPIs are written in this
// one form and validated by the same schema.
import { z } from "zod";
import { dimensions, queryFacts } from "../facts/model.js";
import { metricIdSchema } from "../ids.js";

import { DIRECTIONS, DOMAINS, type LocaleTexts, UNITS } from "./units.js";

const expression = z.string().min(1).max(2000);
const fieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a field name");
const shortText = z.string().min(1).max(200);

/** Texts in the five locales; a user's KPI may give English only and fall back to it. */
export const localeTextsSchema = z.strictObject({
  en: shortText,
  ru: shortText,
  ms: shortText,
  "zh-Hans": shortText,
  "zh-Hant": shortText,
}) satisfies z.ZodType<LocaleTexts>;
const partialTexts = localeTextsSchema.partial().required({ en: true });

const snapshotSchema = z.strictObject({
  /** The instant of a window the state is read at: its end (the default) or its start. */
  at: z.enum(["start", "end"]).default("end"),
  /** Keep only the latest fact of each value of this field (stock levels per SKU). */
  latestBy: fieldName.optional(),
  /** A fact is in the state from its time until the earliest of these timestamps (if any). */
  until: z.array(fieldName).min(1).max(4).optional(),
});

const measureBase = {
  fact: z.enum(queryFacts as [string, ...string[]]),
  /** Row condition: only facts for which it is true count. */
  where: expression.optional(),
  /** The timestamp that places a fact in a period (default: the fact's own, e.g. placedAt). */
  time: fieldName.optional(),
};
const withSnapshot = { ...measureBase, snapshot: snapshotSchema.optional() };

export const measureSchema = z.discriminatedUnion("agg", [
  z.strictObject({ agg: z.literal("count"), ...withSnapshot }),
  z.strictObject({ agg: z.literal("sum"), field: expression, ...withSnapshot }),
  z.strictObject({ agg: z.literal("avg"), field: expression, ...withSnapshot }),
  z.strictObject({
    agg: z.literal("count_distinct"),
    field: expression,
    /** Count only values that occur in at least this many facts of the period (repeat customers). */
    minRows: z.number().int().min(2).max(1000).optional(),
    ...withSnapshot,
  }),
  /** Distinct values whose first fact ever (by `time`) falls in the period: new customers. */
  z.strictObject({ agg: z.literal("first_seen"), field: expression, ...measureBase }),
  /**
   * Distinct values active at the window's start and end, where active means having a fact in the
   * `days` local days before that instant: `start`, `end`, `retained` (both) or `lost` (start only).
   */
  z.strictObject({
    agg: z.literal("active"),
    field: expression,
    days: z.number().int().min(1).max(3660),
    state: z.enum(["start", "end", "retained", "lost"]),
    ...measureBase,
  }),
  /** Targets of a KPI for the window: pro-rated by days (additive KPIs) or the one in force at its start. */
  z.strictObject({
    agg: z.literal("target"),
    metric: metricIdSchema,
    mode: z.enum(["prorate", "at_start"]).default("prorate"),
  }),
]);
export type Measure = z.infer<typeof measureSchema>;
export type MeasureInput = z.input<typeof measureSchema>;

const measureBody = z.strictObject({ kind: z.literal("measure"), measure: measureSchema });
const ratioBody = z.strictObject({ kind: z.literal("ratio"), numerator: measureSchema, denominator: measureSchema });
const derivedBody = z.strictObject({
  kind: z.literal("derived"),
  /** Arithmetic over the measures below and other KPIs' ids; `prev(x)` is x one period earlier. */
  expr: expression,
  measures: z.record(fieldName, measureSchema).optional(),
});
const snapshotBody = z.strictObject({
  kind: z.literal("snapshot"),
  numerator: measureSchema,
  denominator: measureSchema.optional(),
});
const rollingBody = z.strictObject({
  kind: z.literal("rolling"),
  /** The value of a range, and of each bucket, is over the `days` local days ending at its end. */
  days: z.number().int().min(1).max(3660),
  of: z.discriminatedUnion("kind", [measureBody, ratioBody, derivedBody]),
});

const thresholdPair = z.strictObject({ warning: z.number().optional(), critical: z.number().optional() });
export const thresholdsSchema = thresholdPair.extend({
  /** Thresholds for one value of a dimension, used when a query filters on it. */
  by: z.record(z.string(), z.record(z.string(), thresholdPair)).optional(),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** Targets a KPI has until the tenant sets its own (PUT /v1/targets), in the KPI's unit. */
export const defaultTargetsSchema = z.strictObject({
  value: z.number().optional(),
  /** A target for one value of a dimension, used when a query filters on that value alone. */
  by: z.record(z.string(), z.record(z.string(), z.number())).optional(),
});
export type DefaultTargets = z.infer<typeof defaultTargetsSchema>;

/**
 * The values a KPI can take, where it has bounds of its own (a 1–5 rating, NPS's −100–100): a
 * gauge's dial, and how precisely and how (4.3/5) its values are written.
 */
export const scaleSchema = z
  .strictObject({ min: z.number(), max: z.number() })
  .refine((s) => s.min < s.max, { message: "min must be below max", path: ["max"] });
export type Scale = z.infer<typeof scaleSchema>;

const common = {
  id: metricIdSchema,
  version: z.number().int().min(1).default(1),
  labels: partialTexts,
  descriptions: partialTexts.optional(),
  unit: z.enum(UNITS),
  /** ISO 4217; a currency KPI without one is in the tenant's currency. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD")
    .optional(),
  better: z.enum(DIRECTIONS),
  domain: z.enum(DOMAINS).default("custom"),
  /** Dimensions the KPI can be filtered and split by (default: those of its first measure's fact). */
  dimensions: z.array(z.enum(Object.keys(dimensions) as [string, ...string[]])).optional(),
  thresholds: thresholdsSchema.optional(),
  targets: defaultTargetsSchema.optional(),
  scale: scaleSchema.optional(),
};

export const definitionSchema = z.discriminatedUnion("kind", [
  measureBody.extend(common),
  ratioBody.extend(common),
  derivedBody.extend(common),
  snapshotBody.extend(common),
  rollingBody.extend(common),
]);
export type Definition = z.infer<typeof definitionSchema>;
export type DefinitionInput = z.input<typeof definitionSchema>;
export type Kind = Definition["kind"];
