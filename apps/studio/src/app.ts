// <studio-app>: the Studio's frame. Sign-in until a secret key is accepted, then the pages (catalog,
// definitions, targets, data, embed, keys and settings) under a header with the navigation, the
// language, the theme and sign-out. The route is the URL's hash, so the server serves one page for all of them.
import { html, nothing } from "lit";
import { Api, ApiError } from "./api.js";
import { LightElement } from "./light-element.js";
import { LOCALE_NAMES, LOCALES, type Locale, type MessageKey, t } from "./messages.js";
import { preferences } from "./preferences.js";
import { session } from "./session.js";
import type { Settings } from "./types.js";
import "./sign-in.js";
import "./catalog-page.js";
import "./data-page.js";
import "./definitions-page.js";
import "./embed-page.js";
import "./settings-page.js";
import "./targets-page.js";

const PAGES = [
  ["catalog", "navCatalog"],
  ["definitions", "navDefinitions"],
  ["targets", "navTargets"],
  ["data", "navData"],
  ["embed", "navEmbed"],
  ["settings", "navSettings"],
] as const satisfies readonly (readonly [string, MessageKey])[];
type Page = (typeof PAGES)[number][0];

/** `#/catalog/aov` → the catalog with aov open. */
function route(): { page: Page; id: string | null } {
  const [, page, id] = location.hash.split("/");
  const known = PAGES.find(([p]) => p === page)?.[0] ?? "catalog";
  return { page: known, id: id ? decodeURIComponent(id) : null };
}

export class StudioApp extends LightElement {
  static override properties = {
    locale: { state: true },
    theme: { state: true },
    api: { state: true },
    settings: { state: true },
    page: { state: true },
    selected: { state: true },
    restoring: { state: true },
    refused: { state: true },
  };

  locale: Locale = preferences.locale();
  theme: "light" | "dark" = preferences.theme();
  api: Api | null = null;
  settings: Settings | null = null;
  page: Page = route().page;
  selected: string | null = route().id;
  /** A key from this tab's session is being checked again (after a reload). */
  restoring = false;
  /** The key was refused while signed in: the sign-in page says so. */
  refused = false;

  private readonly onHash = () => {
    const next = route();
    const moved = next.page !== this.page;
    this.page = next.page;
    this.selected = next.id;
    // A new page is announced by moving the focus to its heading, as a page load would.
    if (moved) void this.updateComplete.then(() => this.querySelector<HTMLElement>("main h1")?.focus());
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener("hashchange", this.onHash);
    const key = session.read();
    if (key) void this.restore(key);
  }

  override disconnectedCallback(): void {
    removeEventListener("hashchange", this.onHash);
    super.disconnectedCallback();
  }

  private async restore(key: string) {
    this.restoring = true;
    const api = new Api(location.origin, key);
    try {
      this.settings = await api.get<Settings>("/v1/settings");
      this.use(api);
    } catch (e) {
      // A key revoked meanwhile is forgotten; an unreachable API keeps it for the next try.
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) session.clear();
    } finally {
      this.restoring = false;
    }
  }

  private use(api: Api) {
    api.onRefused = () => {
      this.refused = true;
      this.signOut();
    };
    this.api = api;
  }

  private signedIn(e: CustomEvent<{ api: Api; settings: Settings }>) {
    this.refused = false;
    this.use(e.detail.api);
    this.settings = e.detail.settings;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>("main h1")?.focus());
  }

  private signOut() {
    session.clear();
    this.api = null;
    this.settings = null;
    void this.updateComplete.then(() => this.querySelector<HTMLInputElement>("#secret-key")?.focus());
  }

  private setLocale(locale: Locale) {
    this.locale = locale;
    preferences.storeLocale(locale);
  }

  private toggleTheme() {
    this.theme = this.theme === "dark" ? "light" : "dark";
    preferences.storeTheme(this.theme);
  }

  protected override willUpdate(): void {
    document.documentElement.lang = this.locale;
    document.documentElement.dataset.theme = this.theme;
    const title = this.api ? t(this.locale, PAGES.find(([p]) => p === this.page)![1]) : t(this.locale, "signIn");
    document.title = `${title} · ${t(this.locale, "appName")}`;
  }

  protected override render() {
    const l = this.locale;
    return html`
      <a class="skip" href="#main">${t(l, "skip")}</a>
      <header class="top">
        <p class="brand">${t(l, "appName")}</p>
        ${this.api ? this.nav() : nothing}
        <div class="controls">
          <label class="inline"
            >${t(l, "language")}
            <select @change=${(e: Event) => this.setLocale((e.target as HTMLSelectElement).value as Locale)}>
              ${LOCALES.map(
                (code) =>
                  html`<option value=${code} lang=${code} ?selected=${code === l}>${LOCALE_NAMES[code]}</option>`,
              )}
            </select>
          </label>
          <button type="button" aria-pressed=${this.theme === "dark"} @click=${this.toggleTheme}>
            ${t(l, "themeDark")}
          </button>
          ${
            this.api
              ? html`<span class="shop">${t(l, "shop", { name: this.settings?.name ?? "" })}</span>
                <button type="button" @click=${this.signOut}>${t(l, "signOut")}</button>`
              : nothing
          }
        </div>
      </header>
      <main id="main" tabindex="-1">${this.main()}</main>
    `;
  }

  private nav() {
    return html`<nav aria-label=${t(this.locale, "appName")}>
      <ul>
        ${PAGES.map(
          ([page, label]) =>
            html`<li>
              <a href="#/${page}" aria-current=${this.page === page ? "page" : "false"}>${t(this.locale, label)}</a>
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  private main() {
    const l = this.locale;
    if (this.restoring) return html`<p role="status">${t(l, "loading")}</p>`;
    if (!this.api || !this.settings)
      return html`${this.refused ? html`<p class="error" role="alert">${t(l, "keyRefused")}</p>` : nothing}
        <studio-sign-in .locale=${l} @studio-signed-in=${this.signedIn}></studio-sign-in>`;
    const settingsChanged = (e: CustomEvent<Settings>) => {
      this.settings = e.detail;
    };
    switch (this.page) {
      case "catalog":
        return html`<studio-catalog
          .api=${this.api}
          .locale=${l}
          .theme=${this.theme}
          .selected=${this.selected}
        ></studio-catalog>`;
      case "definitions":
        return html`<studio-definitions
          .api=${this.api}
          .locale=${l}
          .selected=${this.selected}
        ></studio-definitions>`;
      case "targets":
        return html`<studio-targets .api=${this.api} .locale=${l}></studio-targets>`;
      case "data":
        return html`<studio-data .api=${this.api} .locale=${l} .settings=${this.settings}></studio-data>`;
      case "embed":
        return html`<studio-embed
          .api=${this.api}
          .locale=${l}
          .theme=${this.theme}
          .settings=${this.settings}
          @studio-settings-changed=${settingsChanged}
        ></studio-embed>`;
      case "settings":
        return html`<studio-settings
          .api=${this.api}
          .locale=${l}
          .settings=${this.settings}
          @studio-settings-changed=${settingsChanged}
          @studio-sign-out=${this.signOut}
        ></studio-settings>`;
    }
  }
}

customElements.define("studio-app", StudioApp);
