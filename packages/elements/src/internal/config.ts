// What a <kpi-provider> hands down to the widgets inside it (through Lit's context protocol, so
// it reaches into shadow roots and works whatever order the elements upgrade in).
import { ContextRoot, createContext } from "@lit/context";
import type { Compare, Grain } from "@kpikit/core";
import type { Credentials } from "../client/credentials.js";

export interface KpiConfig {
  endpoint?: string | undefined;
  credentials?: Credentials | undefined;
  locale?: string | undefined;
  tz?: string | undefined;
  range?: string | undefined;
  grain?: Grain | undefined;
  compare?: Compare | undefined;
  now?: string | undefined;
  filter?: string | undefined;
  refresh?: number | undefined;
  live?: boolean | undefined;
}

export const configContext = createContext<KpiConfig>(Symbol.for("kpikit.config"));

// Widgets often upgrade before the <kpi-provider> around them (a module that defines kpi-card
// first, a provider added later): the root keeps their requests until a provider answers them.
const ROOT = Symbol.for("kpikit.contextRoot");
const doc = document.documentElement as HTMLElement & { [ROOT]?: ContextRoot };
if (!doc[ROOT]) (doc[ROOT] = new ContextRoot()).attach(doc);

/** Filters from an attribute written like a URL query: `channel=email&country=US&country=CA`. */
export function parseFilter(filter: string | undefined): Record<string, string[]> | undefined {
  if (!filter) return undefined;
  const filters: Record<string, string[]> = {};
  for (const [dim, value] of new URLSearchParams(filter)) (filters[dim] ??= []).push(value);
  return Object.keys(filters).length ? filters : undefined;
}
