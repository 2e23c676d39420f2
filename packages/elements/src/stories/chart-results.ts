// Hand-made results for the charts' stories that need an exact picture: a target, a day still
// running, a sparse survey score, values below zero, KPIs with scales of their own.
import { formatValue, type Result } from "@kpikit/core";

const DAY = 86_400_000;
const START = Date.UTC(2026, 9, 3);
const dayAt = (i: number) => new Date(START + i * DAY).toISOString().replace(".000Z", "+00:00");

/** Thirty days of October 2026 in UTC, in English as the API writes them. */
function days(
  metric: Partial<Result["metric"]> & Pick<Result["metric"], "id" | "label" | "unit">,
  values: (number | null)[],
  extra: Partial<Result> = {},
): Result {
  const value = extra.value !== undefined ? extra.value : (values.findLast((v) => v !== null) ?? null);
  const full = { better: "up" as const, version: 1, ...metric };
  return {
    metric: full,
    range: { start: dayAt(0), end: dayAt(values.length), tz: "UTC", grain: "day" },
    compare: null,
    value,
    previous: null,
    change: { absolute: null, relative: null },
    series: values.map((v, i) => ({ start: dayAt(i), value: v, previous: null })),
    target: null,
    status: null,
    formatted: {
      value: formatValue(value, { unit: full.unit, currency: full.currency, scale: full.scale }),
      change: null,
    },
    dataVersion: "story",
    ...extra,
  };
}

const wave = (i: number) => Math.round(5200 + 1400 * Math.sin(i / 3) + 300 * Math.cos(i * 1.7));
const revenueDays = Array.from({ length: 30 }, (_, i) => (i === 29 ? 1180 : wave(i)));
const revenueTotal = revenueDays.reduce((a, b) => a + b, 0);

/** Revenue by day against its month's target (pro-rated per day), today still running. */
export const revenueWithTarget: Result = {
  ...days({ id: "revenue", label: "Revenue", unit: "currency", currency: "USD", additive: true }, revenueDays, {
    value: revenueTotal,
    target: { value: 165_000, attainment: revenueTotal / 165_000 },
  }),
  series: revenueDays.map((value, i) => ({
    start: dayAt(i),
    value,
    previous: null,
    ...(i === 29 ? { partial: true as const } : {}),
  })),
};

/** Conversion rate, a rate: its target holds every day, its thresholds are bands. */
export const conversionWithTarget: Result = days(
  {
    id: "conversion_rate",
    label: "Conversion rate",
    unit: "percent",
    thresholds: { warning: 0.03, critical: 0.02 },
  },
  Array.from({ length: 30 }, (_, i) => Math.round((0.031 + 0.008 * Math.sin(i / 2.5)) * 10_000) / 10_000),
  { target: { value: 0.035, attainment: 0.9 }, status: "good" },
);

const NPS = { id: "nps", label: "Net Promoter Score", unit: "score" as const, scale: { min: -100, max: 100 } };

/** NPS from a few surveys a week: most days have none. */
export const sparseNps: Result = days(
  NPS,
  Array.from({ length: 30 }, (_, i) => (i % 4 === 1 ? Math.round(12 + 20 * Math.sin(i / 5)) : null)),
);

/** NPS falling below zero and back. */
export const negativeNps: Result = days(
  NPS,
  Array.from({ length: 30 }, (_, i) => Math.round(30 * Math.cos(i / 5))),
  { value: -8 },
);

/** CSAT, a rating from 1 to 5. */
export const csat: Result = days(
  { id: "csat", label: "Customer satisfaction (CSAT)", unit: "score", scale: { min: 1, max: 5 } },
  Array.from({ length: 30 }, (_, i) => Math.round((4.2 + 0.3 * Math.sin(i / 2)) * 10) / 10),
  { value: 4.3, target: { value: 4.5, attainment: 0.96 } },
);
