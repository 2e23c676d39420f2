// The attributes a <kpi-provider> hands down and every widget also takes itself (its own value
// wins). Declared once, here, as Lit reactive properties: their JSDoc is what custom-elements.json,
// the framework typings generated from it and Storybook's docs say of them.
import type { Grain } from "@kpikit/core";
import { LitElement, type PropertyDeclarations } from "lit";
import type { Credentials, TokenProvider } from "../client/credentials.js";

export abstract class KpiConfigElement extends LitElement {
  static override properties: PropertyDeclarations = {
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
  };

  /** The API's base URL, e.g. `https://kpi.example.com` (`/` for the page's own origin). */
  declare endpoint: string | undefined;
  /** A publishable key (`kpi_pk_…`) or an embed token. */
  declare token: string | undefined;
  /**
   * A BCP 47 locale for numbers and dates, and for labels the closest of the catalog's five; the
   * page's language when absent.
   */
  declare locale: string | undefined;
  /** An IANA time zone; the tenant's zone when absent. */
  declare tz: string | undefined;
  /** A range preset (`last_30_days`, `mtd`, …) or `YYYY-MM-DD..YYYY-MM-DD`. */
  declare range: string | undefined;
  /** The size of the series' buckets (`day`, `week`, …). */
  declare grain: Grain | undefined;
  /**
   * What the change compares with: `previous_period`, `previous_year` or `none`. A card shows
   * several, separated by spaces, and `target`: `previous_period previous_year target`.
   */
  declare compare: string | undefined;
  /** Fixes the current time (ISO 8601), for reproducible pages. */
  declare now: string | undefined;
  /** Filters written like a URL query: `channel=email&country=US`. */
  declare filter: string | undefined;
  /** Seconds between refreshes; none when absent or 0. */
  declare refresh: number | undefined;
  /** Follow the KPI live over server-sent events. */
  declare live: boolean;
  /** `light` or `dark`; follows `prefers-color-scheme` when absent. */
  declare theme: "light" | "dark" | undefined;
  /** Called for a new embed token (from the page's backend) when the current one expires or is refused. */
  declare tokenProvider: TokenProvider | undefined;

  constructor() {
    super();
    this.live = false;
  }
}

type HandedDown = "endpoint" | "locale" | "tz" | "range" | "grain" | "compare" | "now" | "filter" | "refresh" | "live";

/** What a provider hands down to the widgets inside it: its attributes, the credential made of two. */
export type KpiConfig = Partial<Pick<KpiConfigElement, HandedDown>> & { credentials?: Credentials | undefined };
