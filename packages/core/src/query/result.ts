// The result of a query, exactly as docs/data-model.md shows it (plus `compare`, the period the
// previous values come from, which widgets print as the comparison label).
import { z } from "zod";
import { DIRECTIONS, UNITS } from "../definitions/units.js";
import { GRAINS } from "../time/calendar.js";
import { COMPARES } from "../time/range.js";
import { PACE_METHODS } from "./pace.js";

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
    /**
     * Whether its values add up: a range's value is the sum of its buckets' (sums and counts), so a
     * target pro-rates over the buckets and a pace projects it. Absent in a hand-made result: a rate.
     */
    additive: z.boolean().optional(),
    /** The values the KPI can take, where it has bounds of its own (a 1–5 rating). */
    scale: z.object({ min: z.number(), max: z.number() }).optional(),
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
  /**
   * For a sum or count whose range is the running part of a period (today, mtd, qtd, ytd, an explicit
   * range around now): the value projected to the period's `end`, by last year's shape or the run
   * rate, and whether that meets the whole period's target. Null otherwise; a hand-made result may
   * leave it out.
   */
  pace: z
    .object({
      value: z.number(),
      end: z.string(),
      method: z.enum(PACE_METHODS),
      onTrack: z.boolean().nullable(),
    })
    .nullable()
    .optional(),
  formatted: z.object({
    value: z.string().nullable(),
    /** The change as this KPI shows it by default: in points for a percent KPI, else in percent. */
    change: z.string().nullable(),
    /**
     * The change each way (`relative` "+9.0%", `absolute` "+$120.00", `points` "+0.4 pp"), null where
     * it means nothing. Always in the API's results; a result made by hand may leave it out.
     */
    changes: z
      .object({ relative: z.string().nullable(), absolute: z.string().nullable(), points: z.string().nullable() })
      .optional(),
    /** The pace's value, as the value is written. */
    pace: z.string().nullable().optional(),
  }),
  /** With `by`: each value of the dimension, largest first, and its value in the compared period. */
  breakdown: z
    .array(z.object({ key: z.string().nullable(), value: nullableNumber, previous: nullableNumber }))
    .optional(),
  dataVersion: z.string(),
});
export type Result = z.infer<typeof resultSchema>;
export type SeriesPoint = z.infer<typeof seriesPointSchema>;
