// End to end: the real server (npm start's dist/main.js) with demo data, and the demo pages in
// Debian's Chromium. Every widget must show what the API answers for the same query, formatted
// for the page's language; the dashboard and the storefront, at a desktop's and a phone's width in
// each of the five locales, must have a value in every widget and no horizontal scroll; the range
// picker and the language switch must update every widget; the framework pages must render theirs;
// no page may log an error. Screenshots are kept as test artifacts; with KPIKIT_SCREENSHOTS=<dir>
// the English desktop and phone ones go there too (docs/screenshots, shown in the README).
/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatValue, LOCALES, type Result, uiTexts } from "@kpikit/core";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, startServer } from "./support/process.js";
import { CHROMIUM, CHROMIUM_ARGS } from "../../../scripts/chromium.mjs";

const KEY = "kpi_sk_test_e2e";
const ARTIFACTS = join(process.env.KPIKIT_RESULTS_DIR ?? join(tmpdir(), "kpikit-e2e"), "screenshots");
const SCREENSHOTS = process.env.KPIKIT_SCREENSHOTS;
const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** What a widget on the page shows. */
interface Shown {
  tag: string;
  /** The KPI, or the KPIs of a table or a funnel separated by spaces. */
  metric: string;
  /** The dimension of a breakdown. */
  by: string;
  state: "loading" | "error" | "empty" | "ok";
  label: string;
  value: string;
  message: string;
}

const WIDGETS = "kpi-card, kpi-gauge, kpi-trend, kpi-sparkline, kpi-table, kpi-funnel, kpi-breakdown";

/**
 * Every widget on the page (the demo pages keep them in the light DOM, inside providers). A widget of
 * several figures shows them as `name=value` joined by `|`: a table's rows, a funnel's steps, a
 * breakdown's total and rows.
 */
function shownWidgets(page: Page): Promise<Shown[]> {
  return page.evaluate((selector) => {
    const clean = (node: Element | null | undefined) => (node?.textContent ?? "").replace(/\s+/g, " ").trim();
    const pairs = (root: ShadowRoot | null, each: string, name: string, value: string) =>
      [...(root?.querySelectorAll(each) ?? [])]
        .map((row) => `${clean(row.querySelector(name))}=${clean(row.querySelector(value))}`)
        .join("|");
    return [...document.querySelectorAll<HTMLElement>(selector)].map((el) => {
      const root = el.shadowRoot;
      const text = (selector: string) => clean(root?.querySelector(selector));
      const base = root?.querySelector('[part~="base"]');
      const state =
        !base || base.classList.contains("loading")
          ? "loading"
          : base.classList.contains("error")
            ? "error"
            : base.classList.contains("empty")
              ? "empty"
              : "ok";
      const value =
        el.localName === "kpi-trend"
          ? [...(root?.querySelectorAll("table tbody tr") ?? [])]
              .map((tr) => clean(tr.querySelectorAll("td")[0]))
              .join("|")
          : el.localName === "kpi-table"
            ? pairs(root, "tbody tr", '[part~="name"]', '[part~="value"]')
            : el.localName === "kpi-funnel"
              ? pairs(root, '[part~="step"]', '[part~="step-label"]', '[part~="value"]')
              : el.localName === "kpi-breakdown"
                ? `${text('[part~="total"]')}|${pairs(root, '[part~="row"]', '[part~="key"]', '[part~="value"]')}`
                : text('[part~="value"]');
      return {
        tag: el.localName,
        metric: el.getAttribute("metric") ?? el.getAttribute("metrics") ?? "",
        by: el.getAttribute("by") ?? "",
        state,
        // The widgets of several figures are titled by the page or by the element's own words.
        label: ["kpi-table", "kpi-funnel", "kpi-breakdown"].includes(el.localName) ? "" : text('[part~="label"]'),
        value,
        message: text('[part~="error"]'),
      } as Shown;
    });
  }, WIDGETS);
}

/** The API queries a widget makes: one per KPI of a table or a funnel, one with `by` for a breakdown. */
function queriesOf(w: Shown): Record<string, string>[] {
  if (w.tag === "kpi-table" || w.tag === "kpi-funnel") return w.metric.split(/\s+/).map((metric) => ({ metric }));
  if (w.tag === "kpi-breakdown") return [{ metric: w.metric, by: w.by }];
  return [{ metric: w.metric, ...(w.tag === "kpi-trend" || w.tag === "kpi-sparkline" ? { grain: "day" } : {}) }];
}

describe("end to end, in Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-e2e-"));
  let server: Running;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer(
      { KPIKIT_DB: join(dir, "e2e.db"), KPIKIT_SECRET_KEY: KEY, KPIKIT_DEMO_ORDERS: "3000" },
      120_000,
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A page whose console errors and uncaught exceptions are collected. */
  async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.on("console", (m) => m.type() === "error" && problems.push(`${path}: console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`${path}: ${e.message}`));
    await page.goto(`${server.base}${path}`);
    return page;
  }

  /** The API's answers, read with the secret key, for the queries each widget makes. */
  async function answers(widgets: Shown[], query: Record<string, string>): Promise<Result[][]> {
    const each = widgets.map((w) => queriesOf(w).map((q) => ({ ...query, ...q })));
    const r = await fetch(`${server.base}/v1/query`, {
      method: "POST",
      headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ queries: each.flat() }),
    });
    expect(r.status).toBe(200);
    const results = ((await r.json()) as { results: Result[] }).results;
    let at = 0;
    return each.map((queries) => results.slice(at, (at += queries.length)));
  }

  /** What a widget must show for the API's answers to its queries. */
  function expected(w: Shown, all: Result[], locale: string): Pick<Shown, "state" | "label" | "value"> {
    const r = all[0]!;
    const format = (v: number | null, result = r) =>
      (
        formatValue(v, {
          unit: result.metric.unit,
          locale,
          ...(result.metric.currency ? { currency: result.metric.currency } : {}),
          ...(result.metric.scale ? { scale: result.metric.scale } : {}),
        }) ?? uiTexts.not_available![locale as "en"]!
      ).replace(/\s+/g, " ");
    if (w.tag === "kpi-table" || w.tag === "kpi-funnel") {
      const empty = all.every((x) => x.value === null && x.series.every((p) => p.value === null));
      if (empty) return { state: "empty", label: "", value: "" };
      return { state: "ok", label: "", value: all.map((x) => `${x.metric.label}=${format(x.value, x)}`).join("|") };
    }
    if (w.tag === "kpi-breakdown") {
      const entries = r.breakdown ?? [];
      if (!entries.some((e) => e.value !== null)) return { state: "empty", label: "", value: "" };
      // Largest first; past six values the rest are summed into "Other" (or counted), which this leaves out.
      const top = [...entries].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity)).slice(0, 6);
      const rows = entries.length > 6 ? top.slice(0, 5) : top;
      return {
        state: "ok",
        label: "",
        value: [format(r.value), ...rows.map((e) => `${e.key}=${format(e.value)}`)].join("|"),
      };
    }
    const empty = r.value === null && r.series.every((p) => p.value === null);
    if (empty) return { state: "empty", label: r.metric.label, value: "" };
    if (w.tag === "kpi-trend")
      return { state: "ok", label: r.metric.label, value: r.series.map((p) => format(p.value)).join("|") };
    return { state: "ok", label: r.metric.label, value: format(r.value) };
  }

  /**
   * Waits until every widget on the page shows the API's answer to its query, and returns the
   * widgets that still differ (none, when the page is right).
   */
  async function mismatches(page: Page, query: Record<string, string>, locale: string): Promise<string[]> {
    let differ: string[] = [];
    // A generous budget: on a busy 2-core machine a cold dashboard can take long; this returns as
    // soon as the page is right.
    const deadline = Date.now() + 90_000;
    do {
      const widgets = (await shownWidgets(page)).filter((w) => w.tag !== "kpi-sparkline");
      if (widgets.length === 0) differ = ["no widgets on the page"];
      else {
        const results = await answers(widgets, { ...query, locale });
        differ = widgets.flatMap((w, i) => {
          const want = expected(w, results[i]!, locale);
          // A breakdown past six values shows its first five and "Other": the five are compared.
          const value =
            w.tag === "kpi-breakdown" && (results[i]![0]!.breakdown?.length ?? 0) > 6
              ? w.value.split("|").slice(0, 6).join("|")
              : w.value;
          const got = { state: w.state, label: w.label, value: w.state === "empty" ? "" : value };
          if (JSON.stringify(got) === JSON.stringify(want)) return [];
          const note = w.message ? ` (${w.message})` : "";
          return [
            `<${w.tag} metric=${w.metric}> shows ${JSON.stringify(got)}${note}, the API says ${JSON.stringify(want)}`,
          ];
        });
      }
      if (differ.length === 0) return [];
      await page.waitForTimeout(250);
    } while (Date.now() < deadline);
    return differ;
  }

  /** Every widget reached a value (none loading, failed or empty) and the page does not scroll sideways. */
  async function settled(page: Page, width: number): Promise<void> {
    const widgets = await shownWidgets(page);
    expect(widgets.filter((w) => w.state !== "ok").map((w) => `<${w.tag} ${w.metric}>: ${w.state}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  /** Saves a full-page screenshot among the artifacts, and in KPIKIT_SCREENSHOTS's folder when asked. */
  async function screenshot(page: Page, name: string, keep: boolean): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    if (keep && SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  for (const locale of LOCALES) {
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      const at = `${locale}, ${viewport.width}×${viewport.height}`;
      it(`dashboard (${at}): every widget has the API's value, and nothing scrolls sideways`, async () => {
        const page = await open(`/?lang=${locale}`, viewport);
        await page.waitForSelector("kpi-table");
        expect(await mismatches(page, { range: "last_30_days" }, locale)).toEqual([]);
        await settled(page, viewport.width);
        // The whole catalog is on the page, each KPI in a card, a gauge, the funnel or its domain's table.
        const catalog = (await (
          await fetch(`${server.base}/v1/catalog?locale=${locale}`, { headers: { Authorization: `Bearer ${KEY}` } })
        ).json()) as { metrics: { id: string }[]; domains: { label: string }[] };
        const shown = new Set((await shownWidgets(page)).flatMap((w) => w.metric.split(/\s+/)));
        expect(catalog.metrics.map((m) => m.id).filter((id) => !shown.has(id))).toEqual([]);
        const domains = await page.locator(".domain h3").allTextContents();
        expect(domains.length).toBeGreaterThanOrEqual(6);
        expect(catalog.domains.map((d) => d.label)).toEqual(expect.arrayContaining(domains));
        await screenshot(page, `dashboard-${device}${locale === "en" ? "" : `-${locale}`}`, locale === "en");
        await page.close();
        expect(problems).toEqual([]);
      }, 240_000);

      it(`storefront (${at}): the public KPIs from the publishable key, and nothing scrolls sideways`, async () => {
        const page = await open(`/storefront?lang=${locale}`, viewport);
        await page.waitForSelector("kpi-card");
        const query = { range: "last_90_days", grain: "week", compare: "none" };
        expect(await mismatches(page, query, locale)).toEqual([]);
        expect((await shownWidgets(page)).map((w) => w.metric)).toEqual(["csat", "nps", "on_time_delivery"]);
        await settled(page, viewport.width);
        // The promise strip's cards side by side are of one height (on a phone they stack).
        const rows = await page.locator(".promise-cards kpi-card").evaluateAll((cards) => {
          const byTop = new Map<number, Set<number>>();
          for (const card of cards) {
            const { top, height } = card.getBoundingClientRect();
            byTop.set(Math.round(top), (byTop.get(Math.round(top)) ?? new Set()).add(Math.round(height)));
          }
          return [...byTop.values()].map((heights) => heights.size);
        });
        expect(rows.filter((heights) => heights > 1)).toEqual([]);
        await screenshot(page, `storefront-${device}${locale === "en" ? "" : `-${locale}`}`, locale === "en");
        await page.close();
        expect(problems).toEqual([]);
      }, 240_000);
    }
  }

  it("dashboard: the range picker and the language switch update every widget; light and dark", async () => {
    const page = await open("/", VIEWPORTS.desktop);
    await page.waitForSelector("kpi-table");
    expect(await mismatches(page, { range: "last_30_days" }, "en")).toEqual([]);
    await page.locator("kpi-range").locator('[part~="preset"]').selectOption("last_7_days");
    expect(await mismatches(page, { range: "last_7_days" }, "en")).toEqual([]);
    expect(new URL(page.url()).searchParams.get("kpi-range")).toBe("last_7_days");
    await page.selectOption("#locale", "ru");
    expect(await mismatches(page, { range: "last_7_days" }, "ru")).toEqual([]);
    expect(await page.locator(".domain h3").first().textContent()).toBe("Продажи");
    await page.selectOption("#locale", "zh-Hant");
    expect(await mismatches(page, { range: "last_7_days" }, "zh-Hant")).toEqual([]);

    await page.selectOption("#locale", "en");
    await page.locator("kpi-range").locator('[part~="preset"]').selectOption("last_30_days");
    for (const theme of ["light", "dark"] as const) {
      await page.selectOption("#theme", theme);
      expect(await mismatches(page, { range: "last_30_days" }, "en")).toEqual([]);
      await screenshot(page, `dashboard-${theme}`, false);
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 600_000); // six full checks of every widget, each waiting as long as a busy machine needs

  it("storybook: the static build served at /storybook/ renders its stories", async () => {
    const page = await open("/storybook/iframe.html?id=widgets-kpi-card--default&viewMode=story");
    const value = page.locator("kpi-card").locator('[part~="value"]');
    // Waits for the story to render, however long a busy machine takes, up to the test's own budget.
    await value.waitFor({ timeout: 110_000 });
    expect(await value.textContent()).toMatch(/^\$[\d,]+\.\d\d$/);
    await page.close();
    expect(problems).toEqual([]);
  });

  for (const framework of ["react", "vue", "svelte"] as const) {
    it(`${framework}: the page renders its widgets, and its range switch updates them`, async () => {
      const page = await open(`/${framework}`);
      await page.waitForSelector("kpi-card");
      expect((await shownWidgets(page)).map((w) => `${w.tag}:${w.metric}`)).toEqual([
        "kpi-card:revenue",
        "kpi-card:aov",
        "kpi-gauge:conversion_rate",
        "kpi-trend:revenue",
      ]);
      expect(await mismatches(page, { range: "last_30_days" }, "en")).toEqual([]);
      // The framework heard the widgets' kpi-load events.
      expect(Number(await page.locator("#loaded").textContent())).toBeGreaterThanOrEqual(4);
      await page.selectOption("#range", "last_90_days");
      expect(await mismatches(page, { range: "last_90_days" }, "en")).toEqual([]);
      await page.close();
      expect(problems).toEqual([]);
    });
  }
});
