// End to end: the real server (npm start's dist/main.js) with demo data, and the demo pages in
// Debian's Chromium. Every widget must show what the API answers for the same query, formatted
// for the page's language; switching range and language must update every widget; the framework
// pages must render theirs; no page may log an error. Light and dark screenshots of the
// dashboard are kept as test artifacts (and README's screenshot is one of them).
/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatValue, type Result, uiTexts } from "@kpikit/core";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, startServer } from "./support/process.js";
import { CHROMIUM, CHROMIUM_ARGS } from "../../../scripts/chromium.mjs";

const KEY = "kpi_sk_test_e2e";
const ARTIFACTS = join(process.env.KPIKIT_RESULTS_DIR ?? join(tmpdir(), "kpikit-e2e"), "screenshots");

/** What a widget on the page shows. */
interface Shown {
  tag: string;
  metric: string;
  state: "loading" | "error" | "empty" | "ok";
  label: string;
  value: string;
  message: string;
}

/** Every widget on the page (the demo pages keep them in the light DOM, inside providers). */
function shownWidgets(page: Page): Promise<Shown[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("kpi-card, kpi-gauge, kpi-trend, kpi-sparkline")].map((el) => {
      const root = el.shadowRoot;
      const text = (selector: string) => (root?.querySelector(selector)?.textContent ?? "").replace(/\s+/g, " ").trim();
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
              .map((tr) => (tr.querySelectorAll("td")[0]?.textContent ?? "").replace(/\s+/g, " ").trim())
              .join("|")
          : text('[part~="value"]');
      return {
        tag: el.localName,
        metric: el.getAttribute("metric") ?? "",
        state,
        label: text('[part~="label"]'),
        value,
        message: text('[part~="error"]'),
      } as Shown;
    }),
  );
}

describe("end to end, in Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-e2e-"));
  let server: Running;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
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
  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("console", (m) => m.type() === "error" && problems.push(`${path}: console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`${path}: ${e.message}`));
    await page.goto(`${server.base}${path}`);
    return page;
  }

  /** The API's answers, read with the secret key, for the queries the widgets make. */
  async function answers(widgets: Shown[], query: Record<string, string>): Promise<Result[]> {
    const queries = widgets.map((w) => ({
      metric: w.metric,
      ...query,
      ...(w.tag === "kpi-trend" || w.tag === "kpi-sparkline" ? { grain: "day" } : {}),
    }));
    const r = await fetch(`${server.base}/v1/query`, {
      method: "POST",
      headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ queries }),
    });
    expect(r.status).toBe(200);
    return ((await r.json()) as { results: Result[] }).results;
  }

  /** What a widget must show for the API's answer. */
  function expected(w: Shown, r: Result, locale: string): Pick<Shown, "state" | "label" | "value"> {
    const format = (v: number | null) =>
      (
        formatValue(v, {
          unit: r.metric.unit,
          locale,
          ...(r.metric.currency ? { currency: r.metric.currency } : {}),
          ...(r.metric.scale ? { scale: r.metric.scale } : {}),
        }) ?? uiTexts.not_available![locale as "en"]!
      ).replace(/\s+/g, " ");
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
          const got = { state: w.state, label: w.label, value: w.state === "empty" ? "" : w.value };
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

  const dashboardMatchesApi =
    "dashboard: every widget of every domain shows the API's value; range and language switch all of them";
  it(dashboardMatchesApi, async () => {
    const page = await open("/");
    const widgets = await page
      .locator("kpi-card")
      .count()
      .then(async (n) => {
        if (n > 0) return n;
        await page.waitForSelector("kpi-card");
        return page.locator("kpi-card").count();
      });
    const catalog = (await (
      await fetch(`${server.base}/v1/catalog`, { headers: { Authorization: `Bearer ${KEY}` } })
    ).json()) as { metrics: { domain: string }[]; domains: { id: string }[] };
    expect(widgets).toBe(catalog.metrics.length);
    const domains = await page.locator("section h2").allTextContents();
    expect(domains).toEqual([
      "Sales",
      "Marketing",
      "Customer service",
      "After-sales",
      "Fulfilment and inventory",
      "Manufacturing",
    ]);

    expect(await mismatches(page, { range: "last_30_days" }, "en")).toEqual([]);
    await page.selectOption("#range", "last_7_days");
    expect(await mismatches(page, { range: "last_7_days" }, "en")).toEqual([]);
    await page.selectOption("#locale", "ru");
    expect(await mismatches(page, { range: "last_7_days" }, "ru")).toEqual([]);
    expect(await page.locator("section h2").first().textContent()).toBe("Продажи");
    await page.selectOption("#locale", "zh-Hant");
    expect(await mismatches(page, { range: "last_7_days" }, "zh-Hant")).toEqual([]);

    await page.selectOption("#locale", "en");
    await page.selectOption("#range", "last_30_days");
    for (const theme of ["light", "dark"] as const) {
      await page.selectOption("#theme", theme);
      expect(await mismatches(page, { range: "last_30_days" }, "en")).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `dashboard-${theme}.png`), fullPage: true });
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 600_000); // eight full checks of every widget, each waiting as long as a busy machine needs

  it("storefront: the public KPIs, read with the publishable key from the page's HTML", async () => {
    const page = await open("/storefront");
    await page.waitForSelector("kpi-card");
    expect(await mismatches(page, { range: "last_90_days", grain: "week", compare: "none" }, "en")).toEqual([]);
    expect((await shownWidgets(page)).map((w) => w.metric)).toEqual(["csat", "nps", "on_time_delivery"]);
    await page.screenshot({ path: join(ARTIFACTS, "storefront.png"), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  });

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
