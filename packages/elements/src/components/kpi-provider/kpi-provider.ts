import { ContextConsumer, ContextProvider } from "@lit/context";
import type { Compare, Grain } from "@kpikit/core";
import { css, html, LitElement, type PropertyValues } from "lit";
import { Credentials, type TokenProvider } from "../../client/credentials.js";
import { configContext, configProperties, type KpiConfig } from "../../internal/config.js";

/**
 * Configuration for every KPI widget inside it: the API endpoint, the credential, the locale, the
 * time zone and the query defaults. A widget's own attribute wins over the provider's, and a
 * provider inside another takes what it does not set itself from the outer one.
 *
 * @tag kpi-provider
 * @slot - The widgets (and any other content).
 */
export class KpiProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    :host([theme="light"]) {
      --kpi-color-scheme: light;
    }
    :host([theme="dark"]) {
      --kpi-color-scheme: dark;
    }
  `;

  static override properties = { ...configProperties, inherited: { state: true } };

  /** The API's base URL. */
  declare endpoint: string | undefined;
  /** A publishable key (`kpi_pk_…`) or an embed token. */
  declare token: string | undefined;
  declare locale: string | undefined;
  declare tz: string | undefined;
  declare range: string | undefined;
  declare grain: Grain | undefined;
  declare compare: Compare | undefined;
  declare now: string | undefined;
  /** Filters for every widget, written like a URL query: `channel=email`. */
  declare filter: string | undefined;
  /** Seconds between refreshes. */
  declare refresh: number | undefined;
  /** Follow every widget live over server-sent events. */
  declare live: boolean;
  /** `light` or `dark` for every widget inside; follows `prefers-color-scheme` when absent. */
  declare theme: "light" | "dark" | undefined;
  /** Returns a new embed token (from the page's backend) when the current one expires. */
  declare tokenProvider: TokenProvider | undefined;

  /** What an enclosing provider configures. */
  declare private inherited: KpiConfig;
  private readonly provider = new ContextProvider(this, { context: configContext, initialValue: {} });
  private credentials: Credentials | undefined;

  constructor() {
    super();
    this.live = false;
    this.inherited = {};
    new ContextConsumer(this, {
      context: configContext,
      subscribe: true,
      callback: (config) => (this.inherited = config),
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("token") || changed.has("tokenProvider") || !this.credentials) {
      this.credentials = this.token || this.tokenProvider ? new Credentials(this.token, this.tokenProvider) : undefined;
    }
    const outer = this.inherited;
    const config: KpiConfig = {
      endpoint: this.endpoint ?? outer.endpoint,
      credentials: this.credentials ?? outer.credentials,
      locale: this.locale ?? outer.locale,
      tz: this.tz ?? outer.tz,
      range: this.range ?? outer.range,
      grain: this.grain ?? outer.grain,
      compare: this.compare ?? outer.compare,
      now: this.now ?? outer.now,
      filter: this.filter ?? outer.filter,
      refresh: this.refresh ?? outer.refresh,
      live: this.live || outer.live === true,
    };
    this.provider.setValue(config);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

if (!customElements.get("kpi-provider")) customElements.define("kpi-provider", KpiProvider);

declare global {
  interface HTMLElementTagNameMap {
    "kpi-provider": KpiProvider;
  }
}
