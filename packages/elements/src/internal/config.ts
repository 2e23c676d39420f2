// What a <kpi-provider> hands down to the widgets inside it (through Lit's context protocol, so
// it reaches into shadow roots and works whatever order the elements upgrade in).
import { createContext } from "@lit/context";
import type { KpiConfig } from "./config-element.js";

export const configContext = createContext<KpiConfig>(Symbol.for("kpikit.config"));

/** Filters from an attribute written like a URL query: `channel=email&country=US&country=CA`. */
export function parseFilter(filter: string | undefined): Record<string, string[]> | undefined {
  if (!filter) return undefined;
  const filters: Record<string, string[]> = {};
  for (const [dim, value] of new URLSearchParams(filter)) (filters[dim] ??= []).push(value);
  return Object.keys(filters).length ? filters : undefined;
}
