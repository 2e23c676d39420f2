// The intranet dashboard: headline cards, the revenue trend beside its breakdowns, the shop's funnel
// and the rates held against targets, then every other KPI of the catalog as a compact table per
// domain (which is also the whole dashboard's form on a phone: no wall of cards). A <kpi-range>
// drives the provider's range and comparison (kept in the URL); language and theme are the page's.
// The domains and their KPIs come from the API's catalog, so a KPI added to the catalog shows up
// in its domain's table without a change to this page.
import "@kpikit/elements";
import type { Locale } from "@kpikit/elements";
import { html, nothing, render } from "lit";
import { demoToken } from "./demo-token.js";
import { LANGUAGES, pageLocale, rememberLocale, type Words } from "./locale.js";
import "./nav.js";
import "./styles.css";
import "./dashboard.css";

interface Catalog {
  metrics: { id: string; domain: string; unit: string }[];
  domains: { id: string; label: string }[];
}

const HEADLINE = ["revenue", "orders", "aov", "conversion_rate", "new_customers"];
const FUNNEL = ["sessions", "cart_sessions", "orders"];
/** Rates and the targets this shop holds them to (in the KPI's unit: 0.95 is 95 %). */
const TARGETS: readonly (readonly [string, number])[] = [
  ["sales_target_attainment", 1],
  ["on_time_delivery", 0.9],
  ["delivery_accuracy", 0.98],
  ["csat_positive_rate", 0.6],
];
const ABOVE = new Set([...HEADLINE, ...FUNNEL, ...TARGETS.map(([id]) => id)]);

type Word =
  | "title"
  | "lead"
  | "language"
  | "theme"
  | "system"
  | "light"
  | "dark"
  | "headline"
  | "sales"
  | "funnel"
  | "funnelLabel"
  | "targets"
  | "catalog";

const WORDS: Words<Word> = {
  en: {
    title: "Demo shop dashboard",
    lead: "Live KPIs, computed by this server from three years of demo orders. Pick a range and every widget follows.",
    language: "Language",
    theme: "Theme",
    system: "System",
    light: "Light",
    dark: "Dark",
    headline: "Headline figures",
    sales: "Revenue and where it comes from",
    funnel: "From visit to order",
    funnelLabel: "Shop funnel",
    targets: "Against target",
    catalog: "Every other KPI, by domain",
  },
  ru: {
    title: "Панель демо-магазина",
    lead: "Живые KPI, рассчитанные этим сервером по демо-заказам за три года. Выберите период — все виджеты обновятся.",
    language: "Язык",
    theme: "Тема",
    system: "Системная",
    light: "Светлая",
    dark: "Тёмная",
    headline: "Главные показатели",
    sales: "Выручка и её источники",
    funnel: "От визита до заказа",
    funnelLabel: "Воронка магазина",
    targets: "Относительно цели",
    catalog: "Остальные KPI по направлениям",
  },
  ms: {
    title: "Papan pemuka kedai demo",
    lead:
      "KPI langsung, dikira oleh pelayan ini daripada tiga tahun pesanan demo. " +
      "Pilih julat dan setiap widget mengikut.",
    language: "Bahasa",
    theme: "Tema",
    system: "Sistem",
    light: "Cerah",
    dark: "Gelap",
    headline: "Angka utama",
    sales: "Hasil jualan dan sumbernya",
    funnel: "Dari lawatan ke pesanan",
    funnelLabel: "Corong kedai",
    targets: "Berbanding sasaran",
    catalog: "KPI lain, mengikut domain",
  },
  "zh-Hans": {
    title: "演示商店仪表板",
    lead: "由本服务器根据三年演示订单实时计算的 KPI。选择时间范围，所有组件随之更新。",
    language: "语言",
    theme: "主题",
    system: "跟随系统",
    light: "浅色",
    dark: "深色",
    headline: "核心指标",
    sales: "收入及其来源",
    funnel: "从访问到下单",
    funnelLabel: "商店漏斗",
    targets: "对照目标",
    catalog: "其他 KPI（按领域）",
  },
  "zh-Hant": {
    title: "示範商店儀表板",
    lead: "由本伺服器根據三年示範訂單即時計算的 KPI。選擇時間範圍，所有元件隨之更新。",
    language: "語言",
    theme: "主題",
    system: "跟隨系統",
    light: "淺色",
    dark: "深色",
    headline: "核心指標",
    sales: "營收及其來源",
    funnel: "從造訪到下單",
    funnelLabel: "商店漏斗",
    targets: "對照目標",
    catalog: "其他 KPI（依領域）",
  },
};

/** Where the trend stands beside both breakdowns (dashboard.css's widest layout), it is as tall as they are. */
const wide = matchMedia("(min-width: 72rem)");
wide.addEventListener("change", () => draw());

const state: { locale: Locale; theme: string } = { locale: pageLocale(), theme: "" };
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
  return html`<label class="field" for=${id}><span>${label}</span><select id=${id} @change=${onChange}>
      ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
    </select></label>`;
}

function toolbar(w: Record<Word, string>) {
  const themes = [
    ["", w.system],
    ["light", w.light],
    ["dark", w.dark],
  ] as const;
  return html`<div class="toolbar">
    <kpi-range sync-url></kpi-range>
    ${select(w.language, "locale", LANGUAGES, state.locale, (v) => update({ locale: v as Locale }))}
    ${select(w.theme, "theme", themes, state.theme, (v) => update({ theme: v }))}
  </div>`;
}

function dashboard(c: Catalog) {
  const w = WORDS[state.locale];
  const domains = c.domains
    .map((d) => ({ ...d, metrics: c.metrics.filter((m) => m.domain === d.id && !ABOVE.has(m.id)).map((m) => m.id) }))
    .filter((d) => d.metrics.length > 0);
  // The range is the picker's from the first render on: the provider's attribute is only its start.
  return html`<kpi-provider id="provider" endpoint="/" range="last_30_days" locale=${state.locale}
    theme=${state.theme || nothing} refresh="60" .tokenProvider=${tokenProvider}>
    <header class="page-head">
      <div class="title">
        <h1>${w.title}</h1>
        <p class="lead">${w.lead}</p>
      </div>
      ${toolbar(w)}
    </header>
    <section class="headline" aria-label=${w.headline}>
      <kpi-card class="lead-card" metric="revenue" compare="previous_period previous_year target"></kpi-card>
      <kpi-card metric="orders" live></kpi-card>
      <kpi-card metric="aov"></kpi-card>
      <kpi-card metric="conversion_rate"></kpi-card>
      <kpi-card metric="new_customers"></kpi-card>
    </section>
    <section aria-labelledby="sales">
      <h2 id="sales">${w.sales}</h2>
      <div class="sales">
        <kpi-trend metric="revenue" grain="day" height=${wide.matches ? 420 : 240}></kpi-trend>
        <kpi-breakdown metric="revenue" by="channel"></kpi-breakdown>
        <kpi-breakdown metric="revenue" by="region"></kpi-breakdown>
      </div>
    </section>
    <div class="pair">
      <section aria-labelledby="funnel">
        <h2 id="funnel">${w.funnel}</h2>
        <kpi-funnel metrics=${FUNNEL.join(" ")} label=${w.funnelLabel}></kpi-funnel>
      </section>
      <section aria-labelledby="targets">
        <h2 id="targets">${w.targets}</h2>
        <div class="gauges">
          ${TARGETS.map(([id, target]) => html`<kpi-gauge metric=${id} target=${target}></kpi-gauge>`)}
        </div>
      </section>
    </div>
    <section aria-labelledby="catalog">
      <h2 id="catalog">${w.catalog}</h2>
      <div class="domains">
        ${domains.map(
          (d) => html`<section class="domain" aria-labelledby="domain-${d.id}">
            <h3 id="domain-${d.id}">${d.label}</h3>
            <kpi-table metrics=${d.metrics.join(" ")}></kpi-table>
          </section>`,
        )}
      </div>
    </section>
  </kpi-provider>`;
}

function draw() {
  document.title = WORDS[state.locale].title;
  if (catalog) render(dashboard(catalog), document.getElementById("dashboard")!);
}

async function update(change: Partial<typeof state>) {
  Object.assign(state, change);
  document.documentElement.lang = state.locale;
  if (state.theme) document.documentElement.dataset.theme = state.theme;
  else delete document.documentElement.dataset.theme;
  if (change.locale) {
    rememberLocale(state.locale);
    catalog = await loadCatalog(state.locale);
  }
  draw();
}

document.documentElement.lang = state.locale;
try {
  catalog = await loadCatalog(state.locale);
  draw();
} catch (e) {
  document.getElementById("dashboard")!.textContent = `The dashboard could not start: ${(e as Error).message}`;
}
