// <studio-embed>: the shop picks elements, KPIs, range, comparison, theme and language, sees them
// live on its data (through an embed token minted for those KPIs), makes them public and allows its
// pages' origins (PUT /v1/settings), and copies the code for its pages.
import { html, nothing, type PropertyValues } from "lit";
import { keyed } from "lit/directives/keyed.js";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import { type Api, ApiError } from "./api.js";
import { selectsIn } from "./controls.js";
import { copyText } from "./copy.js";
import { LightElement } from "./light-element.js";
import { LOCALE_NAMES, LOCALES, type Locale, type MessageKey, t } from "./messages.js";
import { originOf } from "./origins.js";
import { matches } from "./search.js";
import {
  ELEMENT_KINDS,
  type ElementKind,
  type EmbedChoice,
  SNIPPET_KINDS,
  type SnippetKind,
  snippet,
  widgetTags,
} from "./snippets.js";
import type { Catalog, Settings } from "./types.js";

const RANGES = ["last_7_days", "last_30_days", "last_90_days", "mtd", "qtd", "ytd"] as const;
/** Dates a shop's page can show instead of a moving range: start inclusive, end exclusive. */
const EXPLICIT = /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/;
const COMPARES = ["previous_period", "previous_year", "none"] as const;
const escapeAttribute = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export class StudioEmbed extends LightElement {
  static override properties = {
    api: { attribute: false },
    locale: { attribute: false },
    theme: { attribute: false },
    settings: { attribute: false },
    catalog: { state: true },
    elements: { state: true },
    metrics: { state: true },
    filter: { state: true },
    range: { state: true },
    dates: { state: true },
    compare: { state: true },
    widgetTheme: { state: true },
    widgetLocale: { state: true },
    kind: { state: true },
    publishableKey: { state: true },
    status: { state: true },
    error: { state: true },
  };

  api!: Api;
  locale: Locale = "en";
  theme = "light";
  settings!: Settings;
  catalog: Catalog | null = null;
  elements: ElementKind[] = ["card", "trend"];
  metrics: string[] = [];
  filter = "";
  range: string = "last_30_days";
  /** Explicit dates (`2018-01-01..2018-07-01`), used instead of the range when well formed. */
  dates = "";
  compare: string = "previous_period";
  widgetTheme: string | null = null;
  widgetLocale: Locale | null = null;
  kind: SnippetKind = "html";
  publishableKey: string | null = null;
  status: { key: MessageKey; vars?: Record<string, string> } | null = null;
  error: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("locale") || changed.has("api")) void this.load();
  }

  private async load() {
    try {
      this.catalog = await this.api.get<Catalog>(`/v1/catalog?locale=${encodeURIComponent(this.locale)}`);
      if (!this.metrics.length) {
        const first = this.catalog.metrics.find((m) => m.id === "revenue") ?? this.catalog.metrics[0];
        this.metrics = first ? [first.id] : [];
      }
    } catch (e) {
      this.error = e instanceof ApiError ? e.detail : String(e);
    }
  }

  private choice(): EmbedChoice {
    const byId = new Map(this.catalog?.metrics.map((m) => [m.id, m]));
    return {
      endpoint: location.origin,
      elements: this.elements,
      metrics: this.metrics.map((id) => ({ id, dimensions: byId.get(id)?.dimensions ?? [] })),
      range: EXPLICIT.test(this.dates.trim()) ? this.dates.trim() : this.range,
      compare: this.compare,
      theme: this.widgetTheme ?? this.theme,
      locale: this.widgetLocale ?? this.locale,
      allPublic: this.notPublic().length === 0,
      publishableKey: this.publishableKey,
      origins: this.settings.allowedOrigins,
    };
  }

  private notPublic(): string[] {
    return this.metrics.filter((id) => !this.settings.publicMetrics.includes(id));
  }

  private toggle<T>(list: T[], item: T, on: boolean): T[] {
    return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
  }

  private async saveSettings(patch: Partial<Settings>) {
    this.error = null;
    this.status = null;
    try {
      const settings = await this.api.request<Settings>("PUT", "/v1/settings", patch);
      this.dispatchEvent(new CustomEvent("studio-settings-changed", { detail: settings, bubbles: true }));
      this.settings = settings;
      this.status = { key: "saved" };
    } catch (e) {
      this.error = e instanceof ApiError ? e.detail : String(e);
    }
  }

  private makePublic() {
    return this.saveSettings({ publicMetrics: [...new Set([...this.settings.publicMetrics, ...this.metrics])] });
  }

  private allowOrigin(e: SubmitEvent) {
    e.preventDefault();
    const input = this.querySelector<HTMLInputElement>("#embed-origin")!;
    const origin = originOf(input.value);
    if (!origin) {
      this.error = t(this.locale, "badOrigin");
      return;
    }
    input.value = "";
    return this.saveSettings({ allowedOrigins: [...new Set([...this.settings.allowedOrigins, origin])] });
  }

  private async createPublishable() {
    this.error = null;
    try {
      const created = await this.api.request<{ key: string }>("POST", "/v1/keys", { kind: "publishable" });
      this.publishableKey = created.key;
      this.status = { key: "pkInSnippet" };
    } catch (e) {
      this.error = e instanceof ApiError ? e.detail : String(e);
    }
  }

  private async copy() {
    const copied = await copyText(snippet(this.kind, this.choice()));
    this.status = { key: copied ? "copied" : "copyFailed" };
  }

  protected override render() {
    const l = this.locale;
    return html`<h1 tabindex="-1">${t(l, "embedTitle")}</h1>
      <p class="lead">${t(l, "embedIntro")}</p>
      <div class="embed">
        <form class="embed-choice card-box" @submit=${(e: Event) => e.preventDefault()}>${this.chooser()}</form>
        <section class="embed-preview card-box" aria-labelledby="preview-title">
          <h2 id="preview-title">${t(l, "preview")}</h2>
          ${this.preview()}
        </section>
      </div>
      <p role="status" class="status">${this.status ? t(l, this.status.key, this.status.vars) : nothing}</p>
      ${this.error ? html`<p class="error" role="alert">${t(l, "failed", { detail: this.error })}</p>` : nothing}
      <div class="embed">
        <section class="card-box" aria-labelledby="access-title">${this.access()}</section>
        <section class="card-box" aria-labelledby="snippet-title">${this.code()}</section>
      </div>`;
  }

  private chooser() {
    const l = this.locale;
    const shown = this.catalog?.metrics.filter((m) => matches(m, this.filter) || this.metrics.includes(m.id)) ?? [];
    const select = selectsIn(l);
    return html`<fieldset>
        <legend>${t(l, "elements")}</legend>
        ${ELEMENT_KINDS.map(
          (kind) => html`<label class="check"
            ><input
              type="checkbox"
              name="element"
              value=${kind}
              .checked=${this.elements.includes(kind)}
              @change=${(e: Event) => {
                this.elements = this.toggle(this.elements, kind, (e.target as HTMLInputElement).checked);
              }}
            />${t(l, `el_${kind}`)}</label
          >`,
        )}
      </fieldset>
      <fieldset>
        <legend>${t(l, "kpis")} <span class="hint">(${t(l, "chosen", { n: this.metrics.length })})</span></legend>
        <label for="embed-filter">${t(l, "filterKpis")}</label>
        <input
          id="embed-filter"
          type="search"
          .value=${this.filter}
          @input=${(e: Event) => {
            this.filter = (e.target as HTMLInputElement).value;
          }}
        />
        <ul class="checks plain" aria-label=${t(l, "kpis")}>
          ${shown.map(
            (m) => html`<li>
              <label class="check"
                ><input
                  type="checkbox"
                  name="metric"
                  value=${m.id}
                  .checked=${this.metrics.includes(m.id)}
                  @change=${(e: Event) => {
                    this.metrics = this.toggle(this.metrics, m.id, (e.target as HTMLInputElement).checked);
                  }}
                /><span>${m.label} <code>${m.id}</code></span></label
              >
            </li>`,
          )}
        </ul>
      </fieldset>
      <fieldset class="options">
        <legend>${t(l, "options")}</legend>
        ${select(
          "embed-range",
          "range",
          this.range,
          RANGES.map((r) => [r, t(l, `range_${r}`)]),
          (v) => (this.range = v),
        )}
        <label for="embed-dates">${t(l, "rangeDates")}</label>
        <input
          id="embed-dates"
          autocomplete="off"
          placeholder="2026-01-01..2026-04-01"
          aria-describedby="embed-dates-hint"
          .value=${this.dates}
          @input=${(e: Event) => {
            this.dates = (e.target as HTMLInputElement).value;
          }}
        />
        <p class="hint" id="embed-dates-hint">${t(l, "rangeDatesHint")}</p>
        ${select(
          "embed-compare",
          "compare",
          this.compare,
          COMPARES.map((c) => [c, t(l, `compare_${c}`)]),
          (v) => (this.compare = v),
        )}
        ${select(
          "embed-theme",
          "theme",
          this.widgetTheme ?? this.theme,
          [
            ["light", t(l, "theme_light")],
            ["dark", t(l, "theme_dark")],
          ],
          (v) => (this.widgetTheme = v),
        )}
        ${select(
          "embed-locale",
          "widgetLocale",
          this.widgetLocale ?? l,
          LOCALES.map((code) => [code, LOCALE_NAMES[code]]),
          (v) => (this.widgetLocale = v as Locale),
        )}
      </fieldset>`;
  }

  private preview() {
    const choice = this.choice();
    const tags = widgetTags(choice);
    if (!tags.length) return html`<p>${t(this.locale, "chooseSomething")}</p>`;
    // The tags are the snippet's own (escaped ids from the API's catalog), so the preview is the code.
    const widgets = unsafeHTML(
      tags.map((tag) => tag.replace(/="([^"]*)"/g, (_, v: string) => `="${escapeAttribute(v)}"`)).join(""),
    );
    const metrics = this.metrics;
    return keyed(
      JSON.stringify(choice),
      html`<kpi-provider
        class="preview"
        endpoint=${choice.endpoint}
        range=${choice.range}
        compare=${choice.compare}
        theme=${choice.theme}
        locale=${choice.locale}
        .tokenProvider=${() => this.api.embedToken(metrics)}
        >${widgets}</kpi-provider
      >`,
    );
  }

  private access() {
    const l = this.locale;
    const notPublic = this.notPublic();
    return html`<h2 id="access-title">${t(l, "access")}</h2>
      <p>${notPublic.length ? t(l, "notPublic", { ids: notPublic.join(", ") }) : t(l, "allPublic")}</p>
      ${
        notPublic.length
          ? html`<button type="button" @click=${this.makePublic}>${t(l, "makePublic")}</button>`
          : nothing
      }
      <p class="hint">${t(l, "publicNote")}</p>
      <h3>${t(l, "origins")}</h3>
      ${
        this.settings.allowedOrigins.length
          ? html`<ul class="origins">
            ${this.settings.allowedOrigins.map((o) => html`<li><code>${o}</code></li>`)}
          </ul>`
          : html`<p>${t(l, "noOrigins")}</p>`
      }
      <form class="row" @submit=${this.allowOrigin} novalidate>
        <div>
          <label for="embed-origin">${t(l, "origin")}</label>
          <input id="embed-origin" type="url" inputmode="url" autocomplete="off" />
        </div>
        <button type="submit">${t(l, "allowOrigin")}</button>
      </form>`;
  }

  private code() {
    const l = this.locale;
    const choice = this.choice();
    const client = ["html", "react", "vue", "svelte"].includes(this.kind);
    const text = snippet(this.kind, choice);
    return html`<h2 id="snippet-title">${t(l, "snippet")}</h2>
      <label for="snippet-kind">${t(l, "snippetKind")}</label>
      <select
        id="snippet-kind"
        @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as SnippetKind)}
      >
        ${SNIPPET_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${t(l, `snip_${k}`)}</option>`)}
      </select>
      ${
        client && choice.allPublic && !this.publishableKey
          ? html`<p class="hint">${t(l, "pkPlaceholder")}</p>
            <button type="button" @click=${this.createPublishable}>${t(l, "createPublishable")}</button>`
          : nothing
      }
      ${client && !choice.allPublic ? html`<p class="hint">${t(l, "tokenNote")}</p>` : nothing}
      <pre class="code" id="snippet" tabindex="0" aria-label=${t(l, "snippet")}><code>${text}</code></pre>
      <button type="button" class="primary" @click=${this.copy}>${t(l, "copy")}</button>`;
  }
}

customElements.define("studio-embed", StudioEmbed);
