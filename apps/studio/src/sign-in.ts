// <studio-sign-in>: the secret key, checked against the API (GET /v1/settings answers only a
// secret key) before anything is kept. A refused key is said so and nothing is stored.
import { html, nothing } from "lit";
import { Api, ApiError } from "./api.js";
import { LightElement } from "./light-element.js";
import { type Locale, type MessageKey, t } from "./messages.js";
import { session } from "./session.js";
import type { Settings } from "./types.js";

export class StudioSignIn extends LightElement {
  static override properties = {
    locale: { attribute: false },
    error: { state: true },
    busy: { state: true },
  };

  locale: Locale = "en";
  error: MessageKey | null = null;
  busy = false;

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const input = this.querySelector<HTMLInputElement>("#secret-key")!;
    const key = input.value.trim();
    this.error = null;
    if (!key.startsWith("kpi_sk_")) return this.fail("notSecret");
    this.busy = true;
    const api = new Api(location.origin, key);
    try {
      const settings = await api.get<Settings>("/v1/settings");
      session.store(key);
      input.value = "";
      this.dispatchEvent(new CustomEvent("studio-signed-in", { detail: { api, settings }, bubbles: true }));
    } catch (error) {
      this.fail(error instanceof ApiError && error.status !== 0 && error.status < 500 ? "refused" : "unreachable");
    } finally {
      this.busy = false;
    }
  }

  private fail(error: MessageKey) {
    this.error = error;
    void this.updateComplete.then(() => this.querySelector<HTMLInputElement>("#secret-key")?.focus());
  }

  protected override render() {
    const l = this.locale;
    return html`<section class="sign-in">
      <h1 tabindex="-1">${t(l, "signInTitle")}</h1>
      <p>${t(l, "signInIntro")}</p>
      <form @submit=${this.submit} novalidate>
        <label for="secret-key">${t(l, "secretKey")}</label>
        <input
          id="secret-key"
          name="secret-key"
          type="password"
          autocomplete="off"
          spellcheck="false"
          required
          aria-invalid=${this.error ? "true" : "false"}
          aria-describedby=${this.error ? "sign-in-error" : nothing}
        />
        <p id="sign-in-error" class="error" role="alert">${this.error ? t(l, this.error) : nothing}</p>
        <button type="submit" class="primary" ?disabled=${this.busy}>
          ${this.busy ? t(l, "checking") : t(l, "signIn")}
        </button>
      </form>
    </section>`;
  }
}

customElements.define("studio-sign-in", StudioSignIn);
