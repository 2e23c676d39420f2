// <studio-settings>: the shop's settings (zone, currency, public KPIs, allowed origins: GET and PUT
// /v1/settings) and its API keys (/v1/keys): listed by their ends, created with the text shown once,
// revoked after a dialog that says what stops working.
import { html, nothing, type PropertyValues } from "lit";
import { type Api, ApiError } from "./api.js";
import { copyText } from "./copy.js";
import { dateText } from "./format.js";
import { LightElement } from "./light-element.js";
import { type Locale, type MessageKey, t } from "./messages.js";
import { originOf } from "./origins.js";
import type { ApiKey, Catalog, Settings } from "./types.js";

const ZONES = Intl.supportedValuesOf("timeZone");

export class StudioSettings extends LightElement {
  static override properties = {
    api: { attribute: false },
    locale: { attribute: false },
    settings: { attribute: false },
    catalog: { state: true },
    draft: { state: true },
    keys: { state: true },
    created: { state: true },
    revoking: { state: true },
    status: { state: true },
    error: { state: true },
  };

  api!: Api;
  locale: Locale = "en";
  settings!: Settings;
  catalog: Catalog | null = null;
  /** The form's values until they are saved. */
  draft!: Settings;
  keys: ApiKey[] = [];
  /** A key just created: its text, shown this once. */
  created: { kind: ApiKey["kind"]; key: string } | null = null;
  revoking: ApiKey | null = null;
  status: MessageKey | null = null;
  error: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("settings")) this.draft = { ...this.settings };
    if (changed.has("locale") || changed.has("api")) void this.loadCatalog();
    if (changed.has("api")) void this.loadKeys();
  }

  private async attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.error = null;
    this.status = null;
    try {
      return await work();
    } catch (e) {
      this.error = e instanceof ApiError ? e.detail : String(e);
      return undefined;
    }
  }

  private loadCatalog() {
    return this.attempt(async () => {
      this.catalog = await this.api.get<Catalog>(`/v1/catalog?locale=${encodeURIComponent(this.locale)}`);
    });
  }

  private loadKeys() {
    return this.attempt(async () => {
      this.keys = (await this.api.get<{ keys: ApiKey[] }>("/v1/keys")).keys;
    });
  }

  private save(e: SubmitEvent) {
    e.preventDefault();
    const { timeZone, currency, publicMetrics, allowedOrigins } = this.draft;
    return this.attempt(async () => {
      const settings = await this.api.request<Settings>("PUT", "/v1/settings", {
        timeZone,
        currency: currency.toUpperCase(),
        publicMetrics,
        allowedOrigins,
      });
      this.dispatchEvent(new CustomEvent("studio-settings-changed", { detail: settings, bubbles: true }));
      this.status = "saved";
    });
  }

  private edit(patch: Partial<Settings>) {
    this.draft = { ...this.draft, ...patch };
  }

  private addPublic() {
    const id = this.querySelector<HTMLSelectElement>("#add-public")!.value;
    if (id) this.edit({ publicMetrics: [...new Set([...this.draft.publicMetrics, id])] });
  }

  private addOrigin() {
    const input = this.querySelector<HTMLInputElement>("#add-origin")!;
    const origin = originOf(input.value);
    if (!origin) {
      this.error = t(this.locale, "badOrigin");
      return;
    }
    input.value = "";
    this.edit({ allowedOrigins: [...new Set([...this.draft.allowedOrigins, origin])] });
  }

  private createKey() {
    const kind = this.querySelector<HTMLSelectElement>("#key-kind")!.value as ApiKey["kind"];
    return this.attempt(async () => {
      const created = await this.api.request<ApiKey & { key: string }>("POST", "/v1/keys", { kind });
      this.created = { kind, key: created.key };
      await this.loadKeys();
      await this.updateComplete;
      this.querySelector<HTMLElement>("#new-key")?.focus();
    });
  }

  private askRevoke(key: ApiKey) {
    this.revoking = key;
    void this.updateComplete.then(() => this.querySelector<HTMLDialogElement>("#revoke-dialog")?.showModal());
  }

  private closeDialog() {
    this.querySelector<HTMLDialogElement>("#revoke-dialog")?.close();
  }

  private revoke() {
    const key = this.revoking;
    if (!key) return;
    const own = this.api.isKey(key.prefix, key.last4);
    this.closeDialog();
    return this.attempt(async () => {
      await this.api.request("DELETE", `/v1/keys/${encodeURIComponent(key.id)}`);
      if (own) {
        this.dispatchEvent(new CustomEvent("studio-sign-out", { bubbles: true }));
        return;
      }
      await this.loadKeys();
    });
  }

  protected override render() {
    const l = this.locale;
    return html`<h1 tabindex="-1">${t(l, "settingsTitle")}</h1>
      <p role="status" class="status">${this.status ? t(l, this.status) : nothing}</p>
      ${this.error ? html`<p class="error" role="alert">${t(l, "failed", { detail: this.error })}</p>` : nothing}
      <div class="embed">
        <section class="card-box" aria-labelledby="settings-title">${this.settingsForm()}</section>
        <section class="card-box" aria-labelledby="keys-title">${this.keyList()}</section>
      </div>
      ${this.dialog()}`;
  }

  private settingsForm() {
    const l = this.locale;
    const d = this.draft;
    const label = (id: string) => this.catalog?.metrics.find((m) => m.id === id)?.label ?? id;
    const candidates = this.catalog?.metrics.filter((m) => !d.publicMetrics.includes(m.id)) ?? [];
    return html`<h2 id="settings-title">${t(l, "settings")}</h2>
      <form @submit=${this.save} novalidate>
        <label for="time-zone">${t(l, "timeZone")}</label>
        <select id="time-zone" @change=${(e: Event) => this.edit({ timeZone: (e.target as HTMLSelectElement).value })}>
          ${[...new Set([d.timeZone, ...ZONES])].map(
            (z) => html`<option value=${z} ?selected=${z === d.timeZone}>${z}</option>`,
          )}
        </select>
        <label for="currency">${t(l, "currency")}</label>
        <input
          id="currency"
          maxlength="3"
          autocomplete="off"
          .value=${d.currency}
          @input=${(e: Event) => this.edit({ currency: (e.target as HTMLInputElement).value })}
        />
        <h3>${t(l, "publicKpis")}</h3>
        ${
          d.publicMetrics.length
            ? html`<ul class="chips plain">
              ${d.publicMetrics.map(
                (id) => html`<li>
                  <span>${label(id)} <code>${id}</code></span>
                  <button
                    type="button"
                    class="small"
                    aria-label=${t(l, "remove", { name: label(id) })}
                    @click=${() => this.edit({ publicMetrics: d.publicMetrics.filter((x) => x !== id) })}
                  >
                    ×
                  </button>
                </li>`,
              )}
            </ul>`
            : html`<p>${t(l, "noPublic")}</p>`
        }
        <div class="row">
          <div>
            <label for="add-public">${t(l, "addPublic")}</label>
            <select id="add-public">
              ${candidates.map((m) => html`<option value=${m.id}>${m.label} (${m.id})</option>`)}
            </select>
          </div>
          <button type="button" @click=${this.addPublic}>${t(l, "add")}</button>
        </div>
        <h3>${t(l, "origins")}</h3>
        ${
          d.allowedOrigins.length
            ? html`<ul class="chips plain">
              ${d.allowedOrigins.map(
                (o) => html`<li>
                  <code>${o}</code>
                  <button
                    type="button"
                    class="small"
                    aria-label=${t(l, "remove", { name: o })}
                    @click=${() => this.edit({ allowedOrigins: d.allowedOrigins.filter((x) => x !== o) })}
                  >
                    ×
                  </button>
                </li>`,
              )}
            </ul>`
            : html`<p>${t(l, "noOrigins")}</p>`
        }
        <div class="row">
          <div>
            <label for="add-origin">${t(l, "origin")}</label>
            <input id="add-origin" type="url" inputmode="url" autocomplete="off" />
          </div>
          <button type="button" @click=${this.addOrigin}>${t(l, "add")}</button>
        </div>
        <button type="submit" class="primary">${t(l, "save")}</button>
      </form>`;
  }

  private keyList() {
    const l = this.locale;
    const now = Date.now();
    return html`<h2 id="keys-title">${t(l, "keys")}</h2>
      <p class="hint">${t(l, "keysIntro")}</p>
      <div class="table-scroll">
        <table class="keys">
          <thead>
            <tr>
              <th scope="col">${t(l, "key")}</th>
              <th scope="col">${t(l, "status")}</th>
              <th scope="col"><span class="visually-hidden">${t(l, "revoke")}</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.keys.map((k) => {
              const ended = k.expiresAt !== null && Date.parse(k.expiresAt) <= now;
              const status = ended
                ? t(l, "revoked", { date: dateText(l, k.expiresAt!) })
                : k.expiresAt
                  ? t(l, "expires", { date: dateText(l, k.expiresAt) })
                  : t(l, "active");
              const own = this.api.isKey(k.prefix, k.last4);
              const name = `${k.prefix}…${k.last4}`;
              return html`<tr data-key=${k.id}>
                <th scope="row">
                  <code>${name}</code><br />${t(l, `kind_${k.kind}`)}
                  ${own ? html`<span class="hint">${t(l, "thisKey")}</span>` : nothing}
                </th>
                <td>${status}<br /><span class="hint">${t(l, "created")}: ${dateText(l, k.createdAt)}</span></td>
                <td>
                  ${
                    ended
                      ? nothing
                      : html`<button
                        type="button"
                        class="danger"
                        aria-label=${`${t(l, "revoke")} ${name}`}
                        @click=${() => this.askRevoke(k)}
                      >
                        ${t(l, "revoke")}
                      </button>`
                  }
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <div class="row">
        <div>
          <label for="key-kind">${t(l, "kind")}</label>
          <select id="key-kind">
            <option value="publishable">${t(l, "kind_publishable")}</option>
            <option value="secret">${t(l, "kind_secret")}</option>
          </select>
        </div>
        <button type="button" class="primary" @click=${this.createKey}>${t(l, "createKey")}</button>
      </div>
      ${this.created ? this.createdKey(this.created) : nothing}`;
  }

  private createdKey(created: { kind: ApiKey["kind"]; key: string }) {
    const l = this.locale;
    return html`<div class="new-key" id="new-key" tabindex="-1" role="group" aria-labelledby="new-key-text">
      <p id="new-key-text">${t(l, "newKey", { kind: t(l, `kind_${created.kind}`) })}</p>
      <code class="secret">${created.key}</code>
      <div class="row">
        <button
          type="button"
          class="primary"
          @click=${async () => (this.status = (await copyText(created.key)) ? "copied" : "copyFailed")}
        >
          ${t(l, "copy")}
        </button>
        <button type="button" @click=${() => (this.created = null)}>${t(l, "close")}</button>
      </div>
    </div>`;
  }

  private dialog() {
    const l = this.locale;
    const k = this.revoking;
    const name = k ? `${k.prefix}…${k.last4}` : "";
    return html`<dialog id="revoke-dialog" aria-labelledby="revoke-title" @close=${() => (this.revoking = null)}>
      <h2 id="revoke-title">${t(l, "revokeTitle", { key: name })}</h2>
      <p>${t(l, "revokeConsequence")}</p>
      ${k && this.api.isKey(k.prefix, k.last4) ? html`<p><strong>${t(l, "revokeOwn")}</strong></p>` : nothing}
      <div class="row">
        <button type="button" @click=${this.closeDialog}>${t(l, "cancel")}</button>
        <button type="button" class="danger" @click=${this.revoke}>${t(l, "revoke")}</button>
      </div>
    </dialog>`;
  }
}

customElements.define("studio-settings", StudioSettings);
