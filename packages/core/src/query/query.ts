// Queries exactly as docs/data-model.md defines them, from a JSON body (`POST /v1/query`) or from URL
// query parameters (`GET /v1/metrics/:id?range=…&filter.channel=email`).
import { z } from "zod";
import { dimensionNameSchema, metricIdSchema } from "../ids.js";
import { KpiError } from "../errors.js";
import { timestampSchema } from "../facts/schemas.js";
import { GRAINS } from "../time/calendar.js";
import { COMPARES, isRange, RANGE_PRESETS } from "../time/range.js";
import { isTimeZone } from "../time/zone.js";
import { SINGLE } from "./params.js";

const dimensionValue = z.string().min(1).max(256);

export const querySchema = z.strictObject({
  metric: metricIdSchema,
  range: z
    .string()
    .max(64)
    .refine(isRange, { message: `must be a preset (${RANGE_PRESETS.join(", ")}) or YYYY-MM-DD..YYYY-MM-DD` })
    .default("last_30_days"),
  grain: z.enum(GRAINS).optional(),
  tz: z.string().refine(isTimeZone, { message: "must be an IANA time zone such as Europe/Moscow or UTC" }).optional(),
  compare: z.enum(COMPARES).default("previous_period"),
  /** Dimension → value(s); several values of one dimension are alternatives (OR), dimensions AND. */
  filters: z.record(dimensionNameSchema, z.union([dimensionValue, z.array(dimensionValue).min(1).max(100)])).optional(),
  by: z.string().max(64).optional(),
  /** Overrides the current time, for reproducible pages and tests. */
  now: timestampSchema.optional(),
  /** BCP 47 locale for labels and formatting (labels fall back to the closest of the five). */
  locale: z
    .string()
    .max(35)
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a BCP 47 locale such as en, ru, zh-Hant or en-GB")
    .optional(),
});
export type Query = z.infer<typeof querySchema>;
export type QueryInput = z.input<typeof querySchema>;

function issuesOf(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join(".") || "(query)", message: i.message }));
}

/** Validates a query; every problem becomes an issue naming the parameter. */
export function parseQuery(input: unknown): Query {
  const parsed = querySchema.safeParse(input);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    throw new KpiError(
      "invalid_query",
      `invalid query: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      issues,
    );
  }
  return parsed.data;
}

/** The query of `GET /v1/metrics/:id?…`: unknown or repeated parameters are errors, not ignored. */
export function queryFromSearchParams(metric: string, params: URLSearchParams): Query {
  const raw: Record<string, unknown> = { metric };
  const filters: Record<string, string[]> = {};
  const issues: { path: string; message: string }[] = [];
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (key.startsWith("filter.")) {
      filters[key.slice("filter.".length)] = values;
    } else if ((SINGLE as readonly string[]).includes(key)) {
      if (values.length > 1) issues.push({ path: key, message: `${key} may be given once` });
      raw[key] = values[0];
    } else {
      issues.push({ path: key, message: `unknown parameter; use ${SINGLE.join(", ")} or filter.<dimension>` });
    }
  }
  if (issues.length)
    throw new KpiError(
      "invalid_query",
      `invalid query: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      issues,
    );
  if (Object.keys(filters).length) raw.filters = filters;
  return parseQuery(raw);
}
