// What every data widget shares: its query attributes (each falling back to the enclosing
// <kpi-provider>), loading through the page's data client, refresh and live updates, and the
// loading, empty, error and stale states. Subclasses draw a result.

import type { QueryInput, Result } from "@kpikit/core";
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { Credentials, type TokenProvider } from "../client/credentials.js";
import { KpiClient } from "../client/data-client.js";
import { asRequestError, KpiRequestError } from "../client/errors.js";
import { resultFault } from "../client/is-result.js";
import { baselinesOf, configContext, parseFilter } from "./config.js";
import { type KpiConfig, KpiConfigElement } from "./config-element.js";
import { ContextSubscriber } from "./consumer.js";
import type { Later } from "./later.js";
import { type KpiErrorDetail, SetupError } from "./report.js";
import type { DataFault, Unset } from "./setup.js";
import { TextsController, text } from "./texts.js";

/** Properties that change what is asked of the API. */
const QUERY_KEYS = [
  "metric",
  "range",
  "grain",
  "compare",
  "tz",
  "locale",
  "endpoint",
  "token",
  "tokenProvider",
  "now",
  "filter",
  "live",
  "data",
  "config",
] as const;

/** A result with no value and no series value at all: an empty period. */
export function isEmptyResult(result: Result): boolean {
  return result.value === null && result.series.every((p) => p.value === null);
}

declare global {
  // What a listener of the widgets' events receives (addEventListener, and the framework typings).
  interface HTMLElementEventMap {
    "kpi-load": CustomEvent<{ result: Result; results: Result[] }>;
    "kpi-error": CustomEvent<KpiErrorDetail>;
  }
}

/**
 * @fires kpi-load - A result arrived (from the API, a live update, or `.data`); `detail.result` (and `detail.results`,
 * every result of a widget of several KPIs, in their order).
 * @fires kpi-error - Loading failed; `detail`: `message` (for developers), `status` (0 when no response came),
 * `retryable` (whether asking again can help) and `metric`.
 */
export abstract class KpiElement extends KpiConfigElement {
  static override properties: PropertyDeclarations = {
    metric: { reflect: true },
    label: { reflect: true },
    data: { attribute: false },
    config: { state: true },
    result: { state: true },
    results: { state: true },
    failures: { state: true },
    error: { state: true },
    loading: { state: true },
    stale: { state: true },
  };

  /** The KPI's id in the catalog (or a custom definition's id), e.g. `aov`. */
  declare metric: string | undefined;
  /** Overrides the label the API sends. */
  declare label: string | undefined;
  /**
   * A result to render as is, without any API (the shape of docs/data-model.md); a list of results
   * for a widget of several KPIs (`<kpi-table metrics>`).
   */
  declare data: Result | Result[] | undefined;

  declare protected config: KpiConfig | undefined;
  /** The first (for most widgets the only) result of `results`. */
  declare protected result: Result | undefined;
  /** A result per query of `ownQueries()`, in their order (those that answered, with `partialResults`). */
  declare protected results: Result[] | undefined;
  /** With `partialResults`: the error of each query that failed, by its index in `ownQueries()`. */
  declare protected failures: ReadonlyMap<number, KpiRequestError> | undefined;
  declare protected error: KpiRequestError | SetupError | undefined;
  declare protected loading: boolean;
  declare protected stale: boolean;

  #ownCredentials:
    | { token: string | undefined; provider: TokenProvider | undefined; credentials: Credentials }
    | undefined;
  #seq = 0;
  /** What was last asked: the same query with other credentials (a tokenProvider set later) is asked again. */
  #loaded: { key: string; credentials: Credentials } | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #texts = new TextsController(this, () => this.effectiveLocale);
  /** The arrival of a module this widget's last update needed (see need), while it is on its way. */
  #awaiting: Promise<void> | undefined;

  /** Properties that change what is asked of the API: a widget with query attributes of its own adds them. */
  protected static queryKeys: readonly string[] = QUERY_KEYS;
  /** Whether `.data` may be a list of results (a widget of several KPIs). */
  protected static manyResults = false;
  /**
   * Whether a widget of several KPIs shows those that answered when others fail (a table's other
   * rows stay useful); otherwise one failure is the widget's error.
   */
  protected static partialResults = false;
  /** Whether the widget shows several baselines at once (`compare="previous_period previous_year"`). */
  protected static severalBaselines = false;

  constructor() {
    super();
    this.loading = false;
    this.stale = false;
    new ContextSubscriber(this, configContext, (config) => (this.config = config));
  }

  /** The locale widgets format in: own attribute, provider, the page's `lang`, the browser's. */
  get effectiveLocale(): string {
    return this.locale ?? this.config?.locale ?? (document.documentElement.lang || navigator.language || "en");
  }

  /**
   * The queries of this widget before the attributes every widget shares are added: one for its
   * metric, or one per period of several baselines for a widget that shows them. A widget of
   * several KPIs, or of a split (`by`), says its own.
   */
  protected ownQueries(): QueryInput[] | SetupError {
    const metric = this.metric;
    if (!metric) return new SetupError("no metric", ({ noMetric }) => noMetric);
    const baselines = baselinesOf(this.compare ?? this.config?.compare);
    const several = (this.constructor as typeof KpiElement).severalBaselines;
    if (!several || baselines instanceof SetupError || baselines.periods.length < 2) return [{ metric }];
    return baselines.periods.map((compare) => ({ metric, compare }));
  }

  /** What the developer's messages name this widget by: its metric. */
  protected get subject(): string | undefined {
    return this.metric;
  }

  /**
   * What this widget asks and where; else an error saying what is wrong, or which of its endpoint
   * and credential it lacks (setup.ts says so, when the page has not set it by then).
   */
  #request(): { queries: QueryInput[]; client: KpiClient; credentials: Credentials } | SetupError | Unset {
    const c = this.config ?? {};
    const own = this.ownQueries();
    if (own instanceof SetupError) return own;
    const endpoint = this.endpoint ?? c.endpoint;
    if (!endpoint) return "endpoint";
    const credentials = this.#credentials();
    if (!credentials.token && !credentials.tokenProvider) return "credential";
    const baselines = baselinesOf(this.compare ?? c.compare);
    if (baselines instanceof SetupError) return baselines;
    const shared: Record<string, unknown> = { locale: this.effectiveLocale };
    for (const key of ["range", "grain", "tz", "now"] as const) {
      const value = this[key] ?? c[key];
      if (value) shared[key] = value;
    }
    // The first period of several baselines; with only the target there is no period to compare with.
    const compare = baselines.periods[0] ?? (baselines.target ? "none" : undefined);
    if (compare) shared.compare = compare;
    const filters = parseFilter(this.filter ?? c.filter);
    if (filters) shared.filters = filters;
    // A widget's own query may set what every widget shares (a card asks each baseline's period).
    const queries = own.map((q) => ({ ...shared, ...q }) as QueryInput);
    return { queries, client: KpiClient.for(endpoint), credentials };
  }

  /** The provider's credentials, or the widget's own (made once per token and tokenProvider). */
  #credentials(): Credentials {
    const inherited = this.config?.credentials;
    if (this.token === undefined && this.tokenProvider === undefined && inherited) return inherited;
    const token = this.token ?? inherited?.token;
    const provider = this.tokenProvider ?? inherited?.tokenProvider;
    const own = this.#ownCredentials;
    if (!own || own.token !== token || own.provider !== provider)
      this.#ownCredentials = { token, provider, credentials: new Credentials(token, provider) };
    return this.#ownCredentials!.credentials;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopUpdates();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#sync(true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = (this.constructor as typeof KpiElement).queryKeys;
    const queryChanged = keys.some((k) => (changed as PropertyValues).has(k));
    if (queryChanged || changed.has("refresh")) this.#sync(queryChanged);
  }

  /** Loads when the query changed, and (re)arms the refresh timer and the live stream. */
  #sync(queryChanged: boolean): void {
    this.#stopUpdates();
    if (this.data !== undefined) {
      this.#seq++;
      this.#loaded = undefined;
      const fault = this.#dataFault(this.data);
      if (fault === undefined) this.#show(Array.isArray(this.data) ? this.data : [this.data]);
      else this.#fail(new SetupError(".data cannot be drawn", ({ dataProblem }) => dataProblem(fault, this.localName)));
      return;
    }
    const request = this.#request();
    if (typeof request === "string" || request instanceof SetupError) {
      this.#loaded = undefined;
      this.result = this.results = undefined;
      if (typeof request === "string") this.#awaitSetup(request);
      else this.#fail(request);
      return;
    }
    const { queries, client, credentials } = request;
    const key = `${client.endpoint}|${JSON.stringify(queries)}`;
    if (queryChanged && (key !== this.#loaded?.key || credentials !== this.#loaded.credentials)) {
      this.#loaded = { key, credentials };
      const cached = queries.map((q) => client.cached(q, credentials)?.result);
      this.results = cached.every((r) => r !== undefined) ? cached : undefined;
      this.result = this.results?.[0];
      void this.load(false);
    }
    const refresh = this.refresh ?? this.config?.refresh;
    if (refresh && refresh > 0) this.#timer = setInterval(() => void this.load(true), Math.max(1, refresh) * 1000);
    if (this.live || this.config?.live) {
      // Each query's stream updates its own result; the widget shows them once each has one.
      const stops = queries.map((query, i) =>
        client.live(query, credentials, {
          result: (result) => {
            const results = queries.map((_, j) => (j === i ? result : this.results?.[j]));
            if (results.every((r) => r !== undefined)) this.#show(results);
          },
          error: (error) => this.#fail(error),
        }),
      );
      this.#unsubscribe = () => {
        for (const stop of stops) stop();
      };
    }
  }

  /** What keeps `.data` from being what this widget draws (setup.ts words it); undefined when nothing does. */
  #dataFault(data: Result | Result[]): DataFault | undefined {
    if (!Array.isArray(data)) {
      const fault = resultFault(data);
      return fault === undefined ? undefined : { value: data, fault };
    }
    if (!(this.constructor as typeof KpiElement).manyResults) return "list";
    if (data.length === 0) return "empty";
    for (const [index, value] of data.entries()) {
      const fault = resultFault(value);
      if (fault !== undefined) return { value, fault, index };
    }
    return undefined;
  }

  /** Waits for what the page may still set (setup.ts), loading meanwhile; else fails saying what is missing. */
  #awaitSetup(unset: Unset): void {
    const seq = ++this.#seq;
    this.loading = true;
    void import("./setup.js")
      .then(({ unsetError }) => unsetError(unset, SetupError))
      // Where the module cannot load (the network is gone), the developer still hears what is missing.
      .catch(() => new SetupError(`no ${unset}`))
      .then((error) => {
        if (seq === this.#seq && this.isConnected) this.#fail(error);
      });
  }

  #stopUpdates(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** Asks the API again (the error state's retry button calls this with `force`). */
  async load(force = true): Promise<void> {
    const request = this.data === undefined ? this.#request() : undefined;
    if (typeof request !== "object" || request instanceof Error) return;
    const seq = ++this.#seq;
    this.loading = true;
    // Asked in one microtask, so the data client sends them in one batch.
    const { client, credentials } = request;
    const settled = await Promise.allSettled(request.queries.map((q) => client.query(q, credentials, { force })));
    if (seq !== this.#seq) return;
    this.loading = false;
    const answered = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const failures = new Map(
      settled.flatMap((s, i) => (s.status === "rejected" ? [[i, asRequestError(s.reason)] as const] : [])),
    );
    const [first] = failures.values();
    if (first && (!(this.constructor as typeof KpiElement).partialResults || answered.length === 0)) {
      this.#fail(first);
      return;
    }
    for (const failure of failures.values()) this.#report(failure);
    this.#show(answered, failures);
  }

  #show(results: Result[], failures?: ReadonlyMap<number, KpiRequestError>): void {
    const result = results[0]!;
    this.results = results;
    this.failures = failures?.size ? failures : undefined;
    this.result = result;
    this.error = undefined;
    this.stale = false;
    this.dispatchEvent(new CustomEvent("kpi-load", { detail: { result, results }, bubbles: true, composed: true }));
  }

  /**
   * Shows an error at once, and tells the developer: once its fuller words have arrived, if it has
   * some (setup.ts), as the console's line does.
   */
  #fail(error: KpiRequestError | SetupError): void {
    this.error = error;
    this.loading = false;
    // An older answer stays on screen, marked stale, rather than vanishing behind the error.
    this.stale = this.result !== undefined && this.data === undefined;
    if (this.data !== undefined) this.result = this.results = undefined;
    const words = error instanceof SetupError && error.words;
    if (!words) this.#report(error);
    else
      void import("./setup.js")
        .then(words)
        .then(
          (message) => {
            error.message = message;
          },
          () => undefined,
        )
        .then(() => this.#report(error));
  }

  /** Tells the developer: a `kpi-error` event, and the console (once per problem). */
  #report(error: KpiRequestError | SetupError): void {
    const status = error instanceof KpiRequestError ? error.status : 0;
    const detail: KpiErrorDetail = { message: error.message, status, retryable: error.retryable, metric: this.subject };
    const endpoint = this.endpoint ?? this.config?.endpoint;
    // Where its module cannot load (the network is gone), the console still hears the detail.
    import("./console.js")
      .then(({ reportOnce }) => reportOnce(this, detail, endpoint))
      .catch(() => console.error(detail));
    this.dispatchEvent(new CustomEvent("kpi-error", { detail, bubbles: true, composed: true }));
  }

  /** The label to show: the attribute, else the API's (localized) label. */
  protected labelOf(result: Result | undefined): string {
    return this.label ?? result?.metric.label ?? this.metric ?? "";
  }

  /**
   * A module this widget needs now (later.ts): undefined while it loads, and the widget updates
   * again when it arrives; null when it could not load.
   */
  protected need<T>(later: Later<T>): T | null | undefined {
    if (later.module !== undefined) return later.module;
    this.#awaiting ??= later.arrival().then(() => {
      this.#awaiting = undefined;
      this.requestUpdate();
    });
    return undefined;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const updated = () => this.#texts.complete(() => super.getUpdateComplete());
    let done = await updated();
    // The update a module's arrival asks for, too.
    while (this.#awaiting) {
      await this.#awaiting;
      done = await updated();
    }
    return done;
  }

  protected override render(): TemplateResult {
    // The words of the widget's locale are loading, as its data may be: it shows neither yet.
    if (this.#texts.pending) return this.renderLoading();
    const result = this.result;
    if (!result) return this.error ? this.renderError(this.error) : this.renderLoading();
    if (this.isEmpty(this.results ?? [result])) return this.renderEmpty(result);
    return this.renderResult(result);
  }

  /** Whether there is nothing to draw: every result is of an empty period. */
  protected isEmpty(results: Result[]): boolean {
    return results.every(isEmptyResult);
  }

  /** The widget with a result in it (`results` holds every result of a widget of several KPIs). */
  protected abstract renderResult(result: Result): TemplateResult;

  /** The skeleton of this widget while its first result loads. */
  protected abstract renderSkeleton(): TemplateResult;

  protected renderLoading(): TemplateResult {
    const loading = this.#texts.pending ? "" : text("loading", this.effectiveLocale);
    return html`<div part="base" class="base loading" aria-busy="true">
      <span class="visually-hidden" role="status">${loading}</span>${this.renderSkeleton()}
    </div>`;
  }

  /**
   * What a visitor sees: a short message in their language, and Retry only where asking again can
   * help. The developer's detail goes to the console and the `kpi-error` event, never on the page.
   */
  protected renderError(error: KpiRequestError | SetupError): TemplateResult {
    const locale = this.effectiveLocale;
    return html`<div part="base" class="base error" role="alert">
      ${this.label ? html`<span part="label" class="label" title=${this.label}>${this.label}</span>` : nothing}
      <p class="message" part="error">${text(error.retryable ? "error_temporary" : "error_unavailable", locale)}</p>
      ${
        error.retryable && this.data === undefined
          ? html`<button part="retry" @click=${() => void this.load(true)}>${text("retry", locale)}</button>`
          : nothing
      }
    </div>`;
  }

  protected renderEmpty(result: Result): TemplateResult {
    return html`<div part="base" class="base empty">
      <span part="label" class="label" title=${this.labelOf(result)}>${this.labelOf(result)}</span>
      <p class="message" part="empty">${text("no_data", this.effectiveLocale)}</p>
    </div>`;
  }

  /** The stale marker (with the refresh error as its title), when the data on screen is old. */
  protected renderStale(): TemplateResult | typeof nothing {
    if (!this.stale) return nothing;
    return html`<span part="stale" class="stale" role="status">${text("stale", this.effectiveLocale)}</span>`;
  }
}
