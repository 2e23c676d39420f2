// A KPI definition as the editor's form holds it (text in every field, as typed), and the
// definition the API takes from it. The API checks what this writes: nothing here second-guesses it.
import type { DefinitionInput, Locale } from "@kpikit/core";

export const KINDS = ["measure", "ratio", "derived", "rolling", "snapshot"] as const;
export type Kind = (typeof KINDS)[number];
export const AGGS = ["count", "sum", "avg", "count_distinct", "first_seen", "active", "target"] as const;
export type Agg = (typeof AGGS)[number];

export interface MeasureDraft {
  fact: string;
  agg: Agg;
  field: string;
  where: string;
  time: string;
  /** What the form has no field for (a snapshot's options, an active count's days): kept as it was. */
  extra: Record<string, unknown>;
}

export interface Draft {
  id: string;
  labels: Partial<Record<Locale, string>>;
  kind: Kind;
  unit: string;
  currency: string;
  better: string;
  warning: string;
  critical: string;
  dimensions: string[];
  /** measure, and rolling over a measure */
  measure: MeasureDraft;
  /** ratio and snapshot, and rolling over a ratio; a snapshot's denominator is left out without a fact */
  numerator: MeasureDraft;
  denominator: MeasureDraft;
  expr: string;
  measures: { name: string; measure: MeasureDraft }[];
  days: string;
  rollingOf: "measure" | "ratio";
  /** What the form has no field for (descriptions, default targets, a scale): kept as it was. */
  extra: Record<string, unknown>;
}

export const emptyMeasure = (fact = "orders"): MeasureDraft => ({
  fact,
  agg: "count",
  field: "",
  where: "",
  time: "",
  extra: {},
});

export function emptyDraft(): Draft {
  return {
    id: "",
    labels: {},
    kind: "measure",
    unit: "count",
    currency: "",
    better: "up",
    warning: "",
    critical: "",
    dimensions: [],
    measure: emptyMeasure(),
    numerator: emptyMeasure(),
    denominator: emptyMeasure(),
    expr: "",
    measures: [{ name: "a", measure: emptyMeasure() }],
    days: "28",
    rollingOf: "measure",
    extra: {},
  };
}

type Json = Record<string, unknown>;

function measureOf(m: MeasureDraft): Json {
  // A target measure reads another KPI's targets: it has no fact of its own.
  if (m.agg === "target") return { agg: m.agg, ...m.extra };
  return {
    ...m.extra,
    fact: m.fact,
    agg: m.agg,
    ...(m.agg === "count" ? {} : { field: m.field.trim() }),
    ...(m.where.trim() ? { where: m.where.trim() } : {}),
    ...(m.time ? { time: m.time } : {}),
  };
}

const number = (text: string) => (text.trim() === "" ? undefined : Number(text.replace(",", ".")));

function body(d: Draft): Json {
  switch (d.kind) {
    case "measure":
      return { kind: "measure", measure: measureOf(d.measure) };
    case "ratio":
      return { kind: "ratio", numerator: measureOf(d.numerator), denominator: measureOf(d.denominator) };
    case "snapshot":
      return {
        kind: "snapshot",
        numerator: measureOf(d.numerator),
        ...(d.denominator.fact ? { denominator: measureOf(d.denominator) } : {}),
      };
    case "derived":
      return {
        kind: "derived",
        expr: d.expr.trim(),
        measures: Object.fromEntries(d.measures.map((m) => [m.name.trim(), measureOf(m.measure)])),
      };
    case "rolling":
      return {
        kind: "rolling",
        days: number(d.days),
        of: d.rollingOf === "ratio" ? body({ ...d, kind: "ratio" }) : body({ ...d, kind: "measure" }),
      };
  }
}

/** The definition the form says, for PUT /v1/definitions/:id and its preview (its version is the API's to set). */
export function definitionOf(d: Draft): DefinitionInput {
  const labels = Object.fromEntries(Object.entries(d.labels).filter(([, v]) => v?.trim()));
  const warning = number(d.warning);
  const critical = number(d.critical);
  const thresholds = {
    ...(d.extra.thresholds as Json | undefined),
    ...(warning !== undefined ? { warning } : {}),
    ...(critical !== undefined ? { critical } : {}),
  };
  return {
    ...d.extra,
    id: d.id.trim(),
    labels: { en: "", ...labels },
    unit: d.unit,
    ...(d.unit === "currency" && d.currency.trim() ? { currency: d.currency.trim().toUpperCase() } : {}),
    better: d.better,
    ...(Object.keys(thresholds).length ? { thresholds } : {}),
    ...(d.dimensions.length ? { dimensions: d.dimensions } : {}),
    ...body(d),
  } as DefinitionInput;
}

/** The keys of a definition the form edits; the version is the API's to set. */
const FORM_KEYS = [
  ...["id", "labels", "unit", "currency", "better", "thresholds", "dimensions", "kind"],
  ...["measure", "numerator", "denominator", "expr", "measures", "days", "of"],
];

const without = (o: Json, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

function draftMeasure(m: Json | undefined): MeasureDraft {
  if (!m) return { ...emptyMeasure(), fact: "" };
  return {
    fact: String(m.fact ?? ""),
    agg: (AGGS as readonly string[]).includes(String(m.agg)) ? (m.agg as Agg) : "count",
    field: String(m.field ?? ""),
    where: String(m.where ?? ""),
    time: String(m.time ?? ""),
    extra: without(m, ["fact", "agg", "field", "where", "time"]),
  };
}

/** A stored definition in the form, to be changed and saved as its next version. */
export function draftOf(def: DefinitionInput): Draft {
  const d = def as unknown as Json;
  const base = emptyDraft();
  const thresholds = (d.thresholds ?? {}) as { warning?: number; critical?: number };
  const draft: Draft = {
    ...base,
    id: def.id,
    labels: { ...def.labels },
    kind: def.kind,
    unit: def.unit,
    currency: def.currency ?? "",
    better: def.better,
    warning: thresholds.warning === undefined ? "" : String(thresholds.warning),
    critical: thresholds.critical === undefined ? "" : String(thresholds.critical),
    dimensions: [...(def.dimensions ?? [])],
    extra: {
      ...without(d, [...FORM_KEYS, "version"]),
      ...((d.thresholds as Json | undefined)?.by ? { thresholds: { by: (d.thresholds as Json).by } } : {}),
    },
  };
  const inner = (def.kind === "rolling" ? (d.of as Json) : d) ?? {};
  if (def.kind === "rolling") {
    draft.days = String(d.days ?? "");
    draft.rollingOf = inner.kind === "ratio" ? "ratio" : "measure";
  }
  if (inner.measure) draft.measure = draftMeasure(inner.measure as Json);
  if (inner.numerator) draft.numerator = draftMeasure(inner.numerator as Json);
  draft.denominator = draftMeasure(inner.denominator as Json | undefined);
  if (def.kind === "derived") {
    draft.expr = String(d.expr ?? "");
    draft.measures = Object.entries((d.measures ?? {}) as Record<string, Json>).map(([name, m]) => ({
      name,
      measure: draftMeasure(m),
    }));
  }
  return draft;
}

/**
 * The paths under which the API may name one of a measure's expressions: as the form sends it
 * (`numerator.where`), and as the compiled definition names the measure (`measures.numerator.where`;
 * a measure KPI's, and a rolling one's over a measure, is `value`).
 */
export function measurePaths(draft: Draft, slot: "measure" | "numerator" | "denominator" | string, part: string) {
  const rolling = draft.kind === "rolling" ? "of." : "";
  if (slot === "measure") return [`${rolling}measure.${part}`, `measures.value.${part}`];
  if (slot === "numerator" || slot === "denominator") return [`${rolling}${slot}.${part}`, `measures.${slot}.${part}`];
  return [`measures.${slot}.${part}`];
}

/** An issue's path without the definition's id in front (the compiled definition's paths start with it). */
export function issuePath(path: string, id: string): string {
  return id && path.startsWith(`${id}.`) ? path.slice(id.length + 1) : path;
}
