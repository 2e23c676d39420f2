import { ContextProvider, createContext } from "@lit/context";
import { css, html, type PropertyDeclarations, type PropertyValues } from "lit";
import { Credentials } from "../../client/credentials.js";
import { configContext } from "../../internal/config.js";
import { type KpiConfig, KpiConfigElement } from "../../internal/config-element.js";
import { ContextSubscriber } from "../../internal/consumer.js";

/**
 * The nearest provider itself, for the elements inside it that set its attributes: a `<kpi-range>`
 * sets its `range` and `compare` (found like the configuration, across shadow roots and slots).
 */
export const providerContext = createContext<KpiProvider>(Symbol.for("kpikit.provider"));

/**
 * Configuration for every KPI widget inside it: the API endpoint, the credential, the locale, the
 * time zone and the query defaults, as the widgets' own attributes of the same names. A widget's
 * own attribute wins over the provider's, and a provider inside another takes what it does not
 * set itself from the outer one. A `<kpi-range>` inside sets its `range` and `compare`.
 *
 * @tag kpi-provider
 * @slot - The widgets (and any other content).
 * @fires kpi-load - A widget inside got a result (its event, bubbling up); `detail.result`.
 * @fires kpi-error - A widget inside failed to load (its event, bubbling up); `detail` as the widget's.
 */
export class KpiProvider extends KpiConfigElement {
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

  static override properties: PropertyDeclarations = { inherited: { state: true } };

  /** What an enclosing provider configures. */
  declare private inherited: KpiConfig;
  private readonly provider = new ContextProvider(this, { context: configContext, initialValue: {} });
  private credentials: Credentials | undefined;

  constructor() {
    super();
    this.inherited = {};
    new ContextProvider(this, { context: providerContext, initialValue: this });
    new ContextSubscriber(this, configContext, (config) => (this.inherited = config));
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
