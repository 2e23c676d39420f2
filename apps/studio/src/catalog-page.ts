// <studio-catalog>: every KPI the API lists for this shop, in the chosen locale, grouped by domain
// and searchable by label, id and description. An open KPI shows its facts in words, a live card
// and trend on the shop's data (through an embed token minted for it: the secret key never goes
// into an element), and the SQL the API runs for it.
import { html, nothing, type PropertyValues } from "lit";
import { keyed } from "lit/directives/keyed.js";
import { type Api, ApiError } from "./api.js";
import { directionText, thresholdLines, unitText } from "./format.js";
import { LightElement } from "./light-element.js";
import { type Locale, t } from "./messages.js";
import { matches } from "./search.js";
import type { Catalog, CatalogMetric } from "./types.js";

interface Sql {
  dialect: string;
  sql: string;
}

export class StudioCatalog extends LightElement {
  static override properties = {
    api: { attribute: false },
    locale: { attribute: false },
    theme: { attribute: false },
    selected: { attribute: false },
    catalog: { state: true },
    search: { state: true },
    sql: { state: true },
    error: { state: true },
  };

  api!: Api;
  locale: Locale = "en";
  theme = "light";
  selected: string | null = null;
  catalog: Catalog | null = null;
  search = "";
  sql: Sql | null = null;
  error: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("locale") || changed.has("api")) void this.load();
    if (changed.has("selected") || changed.has("api")) void this.loadSql();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Opening a KPI takes the reader to it (on a phone it is above the list).
    if (changed.has("selected") && changed.get("selected") !== undefined && this.selected)
      this.querySelector<HTMLElement>("#kpi-detail h2")?.focus();
  }

  private async load() {
    try {
      this.catalog = await this.api.get<Catalog>(`/v1/catalog?locale=${encodeURIComponent(this.locale)}`);
      this.error = null;
    } catch (e) {
      this.error = e instanceof ApiError ? e.detail : String(e);
    }
  }

  private async loadSql() {
    this.sql = null;
    if (!this.selected) return;
    const id = this.selected;
    try {
      const sql = await this.api.get<Sql>(`/v1/metrics/${encodeURIComponent(id)}/sql?range=last_30_days`);
      if (this.selected === id) this.sql = sql;
    } catch {
      // A store that computes in memory runs no SQL: the section is left out.
    }
  }

  protected override render() {
    const l = this.locale;
    const catalog = this.catalog;
    const found = catalog ? catalog.metrics.filter((m) => matches(m, this.search)) : [];
    const open = catalog?.metrics.find((m) => m.id === this.selected);
    return html`<h1 tabindex="-1">${t(l, "catalogTitle")}</h1>
      <p class="lead">${t(l, "catalogIntro")}</p>
      ${this.error ? html`<p class="error" role="alert">${t(l, "failed", { detail: this.error })}</p>` : nothing}
      <div class="catalog">
        <div class="catalog-search">
          <label for="catalog-search">${t(l, "search")}</label>
          <input
            id="catalog-search"
            type="search"
            .value=${this.search}
            @input=${(e: Event) => {
              this.search = (e.target as HTMLInputElement).value;
            }}
          />
          <p role="status" class="hint">
            ${catalog ? (found.length ? t(l, "matches", { n: found.length }) : t(l, "noMatch")) : t(l, "loading")}
          </p>
        </div>
        <section id="kpi-detail" class="detail card-box" aria-labelledby=${open ? "kpi-detail-title" : nothing}>
          ${open && catalog ? this.detail(open, catalog) : html`<p>${t(l, "choose")}</p>`}
        </section>
        <div class="catalog-list">${catalog ? this.groups(catalog, found) : nothing}</div>
      </div>`;
  }

  private groups(catalog: Catalog, found: CatalogMetric[]) {
    return catalog.domains
      .map((domain) => ({ domain, metrics: found.filter((m) => m.domain === domain.id) }))
      .filter((g) => g.metrics.length)
      .map(
        ({ domain, metrics }) => html`<section class="domain" aria-labelledby="domain-${domain.id}">
          <h2 id="domain-${domain.id}">${domain.label}</h2>
          <ul>
            ${metrics.map(
              (m) => html`<li>
                <a
                  href="#/catalog/${encodeURIComponent(m.id)}"
                  aria-current=${m.id === this.selected ? "true" : "false"}
                  ><span class="name">${m.label}</span> <code>${m.id}</code>
                  ${m.builtIn ? nothing : html`<span class="tag">${t(this.locale, "own")}</span>`}
                  ${m.public ? html`<span class="tag">${t(this.locale, "public")}</span>` : nothing}</a
                >
              </li>`,
            )}
          </ul>
        </section>`,
      );
  }

  private detail(m: CatalogMetric, catalog: Catalog) {
    const l = this.locale;
    const thresholds = thresholdLines(l, m, catalog);
    const provider = html`<kpi-provider
      endpoint=${location.origin}
      range="last_30_days"
      locale=${l}
      theme=${this.theme}
      .tokenProvider=${() => this.api.embedToken([m.id])}
    >
      <div class="widgets">
        <kpi-card metric=${m.id}></kpi-card>
        <kpi-trend metric=${m.id} grain="day"></kpi-trend>
      </div>
    </kpi-provider>`;
    return html`<h2 id="kpi-detail-title" tabindex="-1">${m.label}</h2>
      ${m.description ? html`<p>${m.description}</p>` : nothing}
      <dl class="facts">
        <dt>${t(l, "id")}</dt>
        <dd><code>${m.id}</code> · ${m.builtIn ? t(l, "builtIn") : t(l, "own")}${
          m.public ? ` · ${t(l, "public")}` : ""
        }</dd>
        <dt>${t(l, "unit")}</dt>
        <dd>${unitText(l, m)}</dd>
        <dt>${t(l, "direction")}</dt>
        <dd>${directionText(l, m)}</dd>
        <dt>${t(l, "thresholds")}</dt>
        <dd>
          ${
            thresholds.length
              ? html`<ul class="plain">
                ${thresholds.map((line) => html`<li>${line}</li>`)}
              </ul>`
              : t(l, "none")
          }
        </dd>
      </dl>
      <p>
        <a href="#/definitions/${encodeURIComponent(m.id)}">${t(l, m.builtIn ? "redefine" : "editDefinition")}</a>
      </p>
      <h3>${t(l, "onYourData")}</h3>
      ${keyed(`${m.id}:${l}:${this.theme}`, provider)}
      ${
        this.sql
          ? html`<h3>${t(l, "sqlTitle")}</h3>
            <p>${t(l, "sqlIntro", { dialect: this.sql.dialect })}</p>
            <pre class="code" tabindex="0" aria-label=${t(l, "sqlTitle")}><code>${this.sql.sql}</code></pre>`
          : nothing
      }`;
  }
}

customElements.define("studio-catalog", StudioCatalog);
