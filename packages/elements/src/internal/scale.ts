// Linear scales, nice extents, threshold bands and axis ticks. d3-scale would bring interpolators
// and formatters the widgets never use (they format with Intl), so the mapping is a line of
// arithmetic and the tick logic is d3-array's.
import { formatValue, type Result, type Status, statusOf } from "@kpikit/core";
import { nice } from "d3-array";

export type LinearScale = (value: number) => number;

/** Maps [d0, d1] onto [r0, r1]; a flat domain maps to the middle of the range. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): LinearScale {
  const span = d1 - d0;
  return (value) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
}
/** The extent of the finite numbers in `values`, widened to include `also`, made nice for ticks. */
export function niceExtent(
  values: Iterable<number | null | undefined>,
  count: number,
  also: readonly number[] = [],
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  for (const v of also) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return null;
  if (lo === hi) return lo === 0 ? [0, 1] : lo > 0 ? [0, lo * 1.2] : [lo * 1.2, 0];
  const [a, b] = nice(lo, hi, count);
  return [a, b];
}

export interface GaugeBand {
  from: number;
  to: number;
  status: Status;
}

/** Bands between min, the thresholds and max, each coloured by the status a value there has. */
export function bandsOf(
  min: number,
  max: number,
  better: Result["metric"]["better"],
  thresholds: Result["metric"]["thresholds"],
): GaugeBand[] {
  if (!thresholds || better === "none") return [];
  const cuts = [thresholds.warning, thresholds.critical].filter(
    (t): t is number => t !== undefined && t > min && t < max,
  );
  const points = [min, ...cuts.sort((a, b) => a - b), max];
  const bands: GaugeBand[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const status = statusOf((from + to) / 2, better, thresholds, null);
    if (status) bands.push({ from, to, status });
  }
  return bands;
}

/**
 * Axis ticks and scale ends in short forms, alike in every locale: Intl's compact notation ($6K,
 * 6 тыс. $, $6000 where the locale groups by ten thousands), the currency's narrow symbol ($, not
 * US$), percentages without trailing zeros (50 %, 2.5 %), a score without its "/5". Durations are
 * written as values are (1.5 min).
 */
export function tickFormat(r: Result, locale: string): (value: number) => string {
  const { unit, currency = "USD" } = r.metric;
  if (unit === "duration") return (v) => formatValue(v, { unit, locale }) ?? "";
  const options: Intl.NumberFormatOptions = {
    notation: "compact",
    // Enough for a nice tick (1.25K, 0.05, 4.15), never the long tail of a computed value.
    maximumSignificantDigits: 4,
    ...(unit === "currency" ? { style: "currency", currency, currencyDisplay: "narrowSymbol" } : {}),
    ...(unit === "percent" ? { style: "percent" } : {}),
  };
  let f: Intl.NumberFormat;
  try {
    f = new Intl.NumberFormat(locale, options);
  } catch {
    f = new Intl.NumberFormat("en", options);
  }
  return (v) => f.format(v);
}
