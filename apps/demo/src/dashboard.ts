// The intranet dashboard: every KPI of the catalog, grouped by domain, with range, language and
// theme switchers. The sections come from the API's catalog (labels in the chosen language), so a
// KPI added to the catalog shows up here without a change to this page.
import "@kpikit/elements";
import { html, nothing, render } from "lit";
import { demoToken, LANGUAGES, RANGES } from "./demo-token.js";
import "./nav.js";
import "./styles.css";

interface Catalog {
  metrics: { id: string; domain: string; unit: string }[];
  domains: { id: string; label: string }[];
}

const state = { range: "last_30_days", locale: "en", theme: "" };
let catalog: Catalog | undefined;
let token: string | undefined;

async function tokenProvider(): Promise<string> {
  return (token = await demoToken());
}

async function loadCatalog(locale: string): Promise<Catalog> {
  const response = await fetch(`/v1/catalog?locale=${encodeURIComponent(locale)}`, {
    headers: { Authorization: `Bearer ${token ?? (await tokenProvider())}` },
  });
  if (response.status === 401) {
    await tokenProvider();
    return loadCatalog(locale);
  }
  if (!response.ok) throw new Error(`the catalog could not be loaded (${response.status})`);
  return (await response.json()) as Catalog;
}

function select(
  label: string,
  id: string,
  options: readonly (readonly [string, string])[],
  value: string,
  change: (value: string) => void,
) {
  const onChange = (e: Event) => change((e.target as HTMLSelectElement).value);
  return html`<label for=${id}>${label}<select id=${id} @change=${onChange}>
      ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
    </select></label>`;
}

function controls() {
  return html`${select("Range", "range", RANGES, state.range, (v) => update({ range: v }))}
    ${select("Language", "locale", LANGUAGES, state.locale, (v) => update({ locale: v }))}
    ${select(
      "Theme",
      "theme",
      [
        ["", "System"],
        ["light", "Light"],
        ["dark", "Dark"],
      ],
      state.theme,
      (v) => update({ theme: v }),
    )}`;
}

function dashboard(c: Catalog) {
  const domains = c.domains.filter((d) => c.metrics.some((m) => m.domain === d.id));
  const cards = (domain: string) =>
    c.metrics
      .filter((m) => m.domain === domain)
      .map((m) => html`<kpi-card metric=${m.id} ?live=${m.id === "orders"}></kpi-card>`);
  return html`<kpi-provider id="provider" endpoint="/" range=${state.range} locale=${state.locale}
    theme=${state.theme || nothing} refresh="60" .tokenProvider=${tokenProvider}>
    <div class="overview">
      <kpi-trend metric="revenue" grain="day"></kpi-trend>
      <kpi-gauge metric="conversion_rate"></kpi-gauge>
    </div>
    ${domains.map(
      (d) => html`<section aria-labelledby="domain-${d.id}">
        <h2 id="domain-${d.id}">${d.label}</h2>
        <div class="grid">${cards(d.id)}</div>
      </section>`,
    )}
  </kpi-provider>`;
}

function draw() {
  render(controls(), document.getElementById("controls")!);
  if (catalog) render(dashboard(catalog), document.getElementById("dashboard")!);
}

async function update(change: Partial<typeof state>) {
  Object.assign(state, change);
  document.documentElement.lang = state.locale;
  if (state.theme) document.documentElement.dataset.theme = state.theme;
  else delete document.documentElement.dataset.theme;
  if (change.locale) catalog = await loadCatalog(state.locale);
  draw();
}

try {
  catalog = await loadCatalog(state.locale);
  draw();
} catch (e) {
  document.getElementById("dashboard")!.textContent = `The dashboard could not start: ${(e as Error).message}`;
}
