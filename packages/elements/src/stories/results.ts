// Hand-made results for the stories that need an exact picture: each status, an empty period.
import { changeOf, formatChanges, formatValue, type Result, type Status } from "@kpikit/core";

const DAYS = ["2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29", "2026-10-30", "2026-10-31", "2026-11-01"];

function result(
  value: number | null,
  previous: number | null,
  status: Status | null,
  values: (number | null)[],
): Result {
  const change = changeOf(value, previous);
  const changes = formatChanges(change, { unit: "percent" });
  return {
    metric: {
      id: "on_time_delivery",
      label: "On-time delivery rate",
      unit: "percent",
      better: "up",
      version: 1,
      thresholds: { warning: 0.9, critical: 0.8 },
    },
    range: {
      start: "2026-10-26T00:00:00-04:00",
      end: "2026-11-02T00:00:00-05:00",
      tz: "America/New_York",
      grain: "day",
    },
    compare: { kind: "previous_period", start: "2026-10-19T00:00:00-04:00", end: "2026-10-26T00:00:00-04:00" },
    value,
    previous,
    change,
    series: DAYS.map((day, i) => ({ start: `${day}T00:00:00-04:00`, value: values[i] ?? null, previous: null })),
    target: { value: 0.95, attainment: value === null ? null : value / 0.95 },
    status,
    // In English, as the API formats a result asked for in `en`.
    formatted: { value: formatValue(value, { unit: "percent" }), change: changes.points, changes },
    dataVersion: "story",
  };
}

/** On-time delivery above its warning line, between the lines, and below the critical one. */
export const statusResults: Record<Status, Result> = {
  good: result(0.96, 0.93, "good", [0.94, 0.95, 0.97, 0.96, 0.98, 0.95, 0.96]),
  warning: result(0.86, 0.91, "warning", [0.92, 0.9, 0.88, 0.87, 0.85, 0.84, 0.86]),
  critical: result(0.72, 0.88, "critical", [0.86, 0.83, 0.8, 0.76, 0.74, 0.7, 0.72]),
};

/** A week with no orders at all. */
export const emptyResult: Result = result(null, null, null, []);

/** Revenue halfway through November, heading for less than its target. */
export const paceResult: Result = {
  metric: {
    id: "revenue",
    label: "Revenue",
    unit: "currency",
    currency: "USD",
    better: "up",
    version: 1,
    additive: true,
  },
  range: { start: "2026-11-01T00:00:00+00:00", end: "2026-11-16T00:00:00+00:00", tz: "UTC", grain: "day" },
  compare: { kind: "previous_period", start: "2026-10-17T00:00:00+00:00", end: "2026-11-01T00:00:00+00:00" },
  value: 48_200,
  previous: 45_900,
  change: { absolute: 2300, relative: 2300 / 45_900 },
  series: Array.from({ length: 15 }, (_, i) => ({
    start: `2026-11-${String(i + 1).padStart(2, "0")}T00:00:00+00:00`,
    value: 2800 + ((i * 7919) % 1100),
    previous: 2900 + ((i * 104_729) % 900),
    ...(i === 14 ? { partial: true as const } : {}),
  })),
  target: { value: 50_000, attainment: 48_200 / 50_000 },
  status: "warning",
  pace: { value: 96_400, end: "2026-12-01T00:00:00+00:00", method: "run_rate", onTrack: false },
  formatted: {
    value: formatValue(48_200, { unit: "currency" }),
    change: formatChanges(changeOf(48_200, 45_900), { unit: "currency" }).relative,
    pace: formatValue(96_400, { unit: "currency" }),
  },
  dataVersion: "story",
};
