// What a <kpi-provider> hands down to the widgets inside it (through Lit's context protocol, so
// it reaches into shadow roots and works whatever order the elements upgrade in).
import type { Compare } from "@kpikit/core";
import { COMPARES } from "@kpikit/core/time/range";
import { createContext } from "@lit/context";
import type { KpiConfig } from "./config-element.js";
import { SetupError } from "./report.js";

export const configContext = createContext<KpiConfig>(Symbol.for("kpikit.config"));

/** Filters from an attribute written like a URL query: `channel=email&country=US&country=CA`. */
export function parseFilter(filter: string | undefined): Record<string, string[]> | undefined {
  if (!filter) return undefined;
  const filters: Record<string, string[]> = {};
  for (const [dim, value] of new URLSearchParams(filter)) (filters[dim] ??= []).push(value);
  return Object.keys(filters).length ? filters : undefined;
}

/** What a `compare` attribute asks for: the periods to compare with, in order, and the target. */
export interface Baselines {
  periods: Compare[];
  target: boolean;
}

/**
 * The baselines of a `compare` attribute: one of the API's kinds, or several and `target`
 * separated by spaces (`previous_period previous_year target`).
 */
export function baselinesOf(compare: string | undefined): Baselines | SetupError {
  const words = (compare ?? "").split(/\s+/).filter(Boolean);
  const unknown = words.filter((w) => w !== "target" && !(COMPARES as readonly string[]).includes(w));
  if (unknown.length)
    return new SetupError(`compare="${compare}"`, ({ compareProblem }) => compareProblem(compare, unknown, COMPARES));
  return { periods: words.filter((w): w is Compare => w !== "target"), target: words.includes("target") };
}
