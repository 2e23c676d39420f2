// What a KPI's scale shows beside its numbers: the bands between its thresholds, coloured by the
// status a value there has, and its tick labels (scale.ts maps the numbers). Apart from the scale,
// which a card's sparkline uses, so that a card brings no status or number formatting.
import type { Result, Status } from "@kpikit/core";
import { formatValue } from "@kpikit/core/format";
import { statusOf } from "@kpikit/core/query/status";

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
