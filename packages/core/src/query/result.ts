// The result of a query, exactly as docs/data-model.md shows it (plus `compare`, the period the
// previous values come from, which widgets print as the comparison label).
import { z } from "zod";
import { DIRECTIONS, UNITS } from "../definitions/units.js";
import { GRAINS } from "../time/calendar.js";
import { COMPARES } from "../time/range.js";

const nullableNumber = z.number().nullable();

export const STATUSES = ["good", "warning", "critical"] as const;
export type Status = (typeof STATUSES)[number];

export const seriesPointSchema = z.object({
  start: z.string(),
  value: nullableNumber,
  previous: nullableNumber,
  /** Present (and true) on a bucket whose period is still running at `now`. */
  partial: z.literal(true).optional(),
});

export const resultSchema = z.object({
  metric: z.object({
    id: z.string(),
    label: z.string(),
    description: z.string().optional(),
    unit: z.enum(UNITS),
    currency: z.string().optional(),
    better: z.enum(DIRECTIONS),
    version: z.number().int(),
    /** The thresholds the status came from (those of a filtered dimension value, if it has its own). */
    thresholds: z.object({ warning: z.number().optional(), critical: z.number().optional() }).optional(),
  }),
  range: z.object({ start: z.string(), end: z.string(), tz: z.string(), grain: z.enum(GRAINS) }),
  compare: z.object({ kind: z.enum(COMPARES), start: z.string(), end: z.string() }).nullable(),
  value: nullableNumber,
  previous: nullableNumber,
  change: z.object({ absolute: nullableNumber, relative: nullableNumber }),
  series: z.array(seriesPointSchema),
  target: z.object({ value: z.number(), attainment: nullableNumber }).nullable(),
  status: z.enum(STATUSES).nullable(),
  formatted: z.object({ value: z.string().nullable(), change: z.string().nullable() }),
  /** With `by`: each value of the dimension, largest first, and its value in the compared period. */
  breakdown: z
    .array(z.object({ key: z.string().nullable(), value: nullableNumber, previous: nullableNumber }))
    .optional(),
  dataVersion: z.string(),
});
export type Result = z.infer<typeof resultSchema>;
export type SeriesPoint = z.infer<typeof seriesPointSchema>;
