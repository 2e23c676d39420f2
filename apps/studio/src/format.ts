// How the Studio writes a KPI's facts in words: its unit, direction and thresholds, in a locale.
import { formatValue } from "@kpikit/core";
import { type Locale, t } from "./messages.js";
import type { Catalog, CatalogMetric, ThresholdPair } from "./types.js";

export function unitText(locale: Locale, m: CatalogMetric): string {
  return t(locale, `unit_${m.unit}`, { currency: m.currency ?? "" });
}

export function directionText(locale: Locale, m: CatalogMetric): string {
  return t(locale, `better_${m.better}`);
}

function pairText(locale: Locale, m: CatalogMetric, pair: ThresholdPair): string[] {
  const value = (v: number) => formatValue(v, { unit: m.unit, currency: m.currency, locale }) ?? String(v);
  return [
    ...(pair.warning === undefined ? [] : [t(locale, "warning", { value: value(pair.warning) })]),
    ...(pair.critical === undefined ? [] : [t(locale, "critical", { value: value(pair.critical) })]),
  ];
}

/** One line for the KPI's own thresholds and one for each value of a dimension that has its own. */
export function thresholdLines(locale: Locale, m: CatalogMetric, catalog: Catalog): string[] {
  if (!m.thresholds) return [];
  const lines = [pairText(locale, m, m.thresholds).join(", ")].filter(Boolean);
  for (const [dimension, values] of Object.entries(m.thresholds.by ?? {})) {
    const name = catalog.dimensions.find((d) => d.id === dimension)?.label ?? dimension;
    for (const [value, pair] of Object.entries(values))
      lines.push(`${t(locale, "byValue", { dimension: name })} = ${value}: ${pairText(locale, m, pair).join(", ")}`);
  }
  return lines;
}

export function dateText(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}
