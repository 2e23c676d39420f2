// What a <kpi-provider> hands down to the widgets inside it (through Lit's context protocol, so
// it reaches into shadow roots and works whatever order the elements upgrade in).
import { createContext } from "@lit/context";
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

/**
 * The attributes a <kpi-provider> passes down and every widget also takes itself (its own value
 * wins), declared once for both.
 */
export const configProperties = {
  endpoint: { reflect: true },
  token: { reflect: true },
  locale: { reflect: true },
  tz: { reflect: true },
  range: { reflect: true },
  grain: { reflect: true },
  compare: { reflect: true },
  now: { reflect: true },
  filter: { reflect: true },
  refresh: { type: Number, reflect: true },
  live: { type: Boolean, reflect: true },
  theme: { reflect: true },
  tokenProvider: { attribute: false },
} as const;

export const configContext = createContext<KpiConfig>(Symbol.for("kpikit.config"));

/** Filters from an attribute written like a URL query: `channel=email&country=US&country=CA`. */
export function parseFilter(filter: string | undefined): Record<string, string[]> | undefined {
  if (!filter) return undefined;
  const filters: Record<string, string[]> = {};
  for (const [dim, value] of new URLSearchParams(filter)) (filters[dim] ??= []).push(value);
  return Object.keys(filters).length ? filters : undefined;
}
