// The embed as a shop uses it: the README's two examples, copied as they are written, on a page of
// the shop's own origin (another port), loading kpikit.js from the API server in Chromium. Public
// KPIs read with the publishable key; private ones through a tokenProvider that the shop's backend
// answers, set after the elements' script and before it. A page on an origin the tenant does not
// allow, and a sandboxed iframe (Origin: null), are refused with a visible message in the page's
// language. Also on a phone-sized screen.
/// <reference lib="dom" />
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Result } from "@kpikit/core";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, startServer } from "./support/process.js";
import { recordRecentCsat } from "./support/recent-csat.js";
import { CHROMIUM, CHROMIUM_ARGS } from "../../../scripts/chromium.mjs";

const KEY = "kpi_sk_test_embed";
const README = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");
/** The refusal a visitor reads, in each of the five locales. */
const REFUSED: Record<string, string> = {
  en: "This figure isn't available here.",
  ru: "Эти данные здесь недоступны.",
  ms: "Angka ini tidak tersedia di sini.",
  "zh-Hans": "此处无法显示此数据。",
  "zh-Hant": "此處無法顯示此資料。",
};

/** The README's HTML examples under "Put a KPI on a page", in order. */
function readmeExamples(): string[] {
  const section = README.slice(
    README.indexOf("## Put a KPI on a page"),
    README.indexOf("\n## ", README.indexOf("## Put a KPI on a page") + 3),
  );
  return [...section.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

const HEAD =
  '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<link rel="icon" href="data:,"><title>Shop</title>';
const page = (lang: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head>${HEAD}</head><body>${body}</body></html>`;

describe("embedding on a shop's own site, in Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-embed-"));
  let api: Running;
  let shop: { server: Server; port: number };
  let browser: Browser;
  let shopOrigin: string;
  const pages = new Map<string, string>();

  beforeAll(async () => {
    // The shop first: the API must know its origin to allow it. Its backend mints tokens lazily.
    shop = await new Promise((resolve) => {
      const server = createServer(shopHandler(pages));
      server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port }));
    });
    shopOrigin = `http://127.0.0.1:${shop.port}`;
    api = await startServer(
      {
        KPIKIT_DB: join(dir, "embed.db"),
        KPIKIT_SECRET_KEY: KEY,
        KPIKIT_DEMO_ORDERS: "800",
        KPIKIT_ALLOWED_ORIGINS: shopOrigin,
      },
      120_000,
    );
    await recordRecentCsat(api.base, KEY);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
    shop?.server.close();
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the shop's backend does: mint a token for its pages with the secret key. */
  async function mintForShop(): Promise<string> {
    const r = await fetch(`${api.base}/v1/tokens`, {
      method: "POST",
      headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ metrics: ["revenue", "aov"], origins: [shopOrigin], ttlSeconds: 600 }),
    });
    if (r.status !== 201) throw new Error(`minting failed: ${r.status} ${await r.text()}`);
    return ((await r.json()) as { token: string }).token;
  }

  /** A shop's site: its pages by path, and the backend route that mints its embed tokens. */
  function shopHandler(routes: Map<string, string>) {
    return (req: IncomingMessage, res: ServerResponse) => {
      const path = new URL(req.url ?? "/", "http://shop").pathname;
      if (path === "/my-backend/kpi-token") {
        mintForShop().then(
          (token) =>
            res
              .writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" })
              .end(JSON.stringify({ token })),
          (e: unknown) => res.writeHead(500).end(String(e)),
        );
        return;
      }
      const html = routes.get(path);
      if (html === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
    };
  }

  const publishableKey = () => /token="(kpi_pk_\w+)"/.exec(api.output())![1]!;
  /** A README example with the server's real address and key in place of the placeholders. */
  const example = (i: number) =>
    readmeExamples()[i]!.replaceAll("http://127.0.0.1:8787", api.base).replaceAll("kpi_pk_…", publishableKey());

  /** Waits until a console line contains `text`. */
  async function heard(console: string[], text: string): Promise<void> {
    await expect
      .poll(() => console.some((l) => l.includes(text)), { timeout: 30_000, message: `the console never said ${text}` })
      .toBe(true);
  }

  /** Opens a shop page; fails the test on any uncaught error. Console lines are collected. */
  async function open(
    path: string,
    origin = shopOrigin,
    viewport = { width: 1280, height: 900 },
  ): Promise<{ page: Page; console: string[] }> {
    const lines: string[] = [];
    const p = await browser.newPage({ viewport });
    p.on("console", (m) => lines.push(`${m.type()}: ${m.text()}`));
    p.on("pageerror", (e) => lines.push(`pageerror: ${e.message}`));
    await p.goto(`${origin}${path}`);
    return { page: p, console: lines };
  }

  /** The text of a widget's part, once it is no longer loading. */
  async function shown(p: Page, selector: string, partName: "value" | "error"): Promise<string> {
    const handle = p.locator(selector).locator(`[part~="${partName}"]`).first();
    await handle.waitFor({ timeout: 60_000 });
    return ((await handle.textContent()) ?? "").replace(/\s+/g, " ").trim();
  }

  /** The value the API gives for a query, as it formatted it: what a widget shows. */
  async function expected(metric: string, extra: Record<string, string> = {}): Promise<string> {
    const q = new URLSearchParams({ range: "last_30_days", locale: "en", ...extra });
    const r = (await (
      await fetch(`${api.base}/v1/metrics/${metric}?${q}`, { headers: { Authorization: `Bearer ${KEY}` } })
    ).json()) as Result;
    return r.formatted.value!.replace(/\s+/g, " ");
  }

  it("the README's public example: the publishable key's KPIs on the shop's page", async () => {
    pages.set("/public", page("en", example(0)));
    const { page: p, console } = await open("/public");
    expect(await shown(p, 'kpi-card[metric="csat"]', "value")).toBe(await expected("csat"));
    expect(await shown(p, 'kpi-gauge[metric="on_time_delivery"]', "value")).toBe(await expected("on_time_delivery"));
    expect(console.filter((l) => /^(error|pageerror)/.test(l))).toEqual([]);
    await p.close();
  });

  const privateExample =
    "the README's private example: a tokenProvider set after the elements' script, answered by the shop's backend";
  it(privateExample, async () => {
    pages.set("/private", page("en", example(1)));
    const { page: p, console } = await open("/private");
    expect(await shown(p, 'kpi-card[metric="revenue"]', "value")).toBe(await expected("revenue"));
    await p.locator("kpi-trend").locator('[part~="chart"], svg').first().waitFor({ timeout: 60_000 });
    // Not one request went out without the token: no refusal reached the console.
    expect(console.filter((l) => /^(error|warning|pageerror)/.test(l))).toEqual([]);
    await p.close();
  });

  it("a tokenProvider set before the elements' script runs", async () => {
    const script = `<script type="module" src="${api.base}/elements/kpikit.js"></script>`;
    const body = example(1)
      .replace(script, "")
      .replace(/<script type="module">[\s\S]*?<\/script>/, "");
    const setProvider =
      'document.getElementById("kpis").tokenProvider = async () => ' +
      '(await (await fetch("/my-backend/kpi-token")).json()).token;';
    pages.set("/private-first", page("en", `${body}<script>${setProvider}</script>${script}`));
    const { page: p, console } = await open("/private-first");
    expect(await shown(p, 'kpi-card[metric="revenue"]', "value")).toBe(await expected("revenue"));
    expect(console.filter((l) => /^(error|warning|pageerror)/.test(l))).toEqual([]);
    await p.close();
  });

  const refusedOrigin =
    "a page on an origin the tenant does not allow: refused, in the page's language, with the reason in the console";
  it(refusedOrigin, async () => {
    for (const [lang, message] of Object.entries(REFUSED)) {
      pages.set(`/public-${lang}`, page(lang, example(0)));
      // localhost is another origin than 127.0.0.1, and not an allowed one.
      const { page: p, console } = await open(`/public-${lang}`, shopOrigin.replace("127.0.0.1", "localhost"));
      expect(await shown(p, 'kpi-card[metric="csat"]', "error")).toBe(message);
      expect(await p.locator("kpi-card").locator('[part~="retry"]').count()).toBe(0);
      // The console's module loads with a widget's first error: its line may come after the message.
      const refusal = "this publishable key may not be used from http://localhost:";
      await heard(console, refusal);
      const reason = console.filter((l) => l.includes(refusal));
      expect(reason[0]).toContain("allowedOrigins");
      expect(reason[0]).toContain(`${api.base}/docs`);
      await p.close();
    }
  });

  it("a sandboxed iframe (Origin: null): refused, with a visible message", async () => {
    const inner = page("ru", example(0)).replaceAll('"', "&quot;");
    pages.set(
      "/sandboxed",
      page(
        "en",
        `<iframe id="frame" sandbox="allow-scripts" srcdoc="${inner}" style="width:600px;height:400px"></iframe>`,
      ),
    );
    const { page: p, console } = await open("/sandboxed");
    const frame = p.frameLocator("#frame");
    const error = frame.locator('kpi-card[metric="csat"]').locator('[part~="error"]');
    await error.waitFor({ timeout: 60_000 });
    expect(((await error.textContent()) ?? "").trim()).toBe(REFUSED.ru);
    await heard(console, "a page with no origin (Origin: null");
    await p.close();
  });

  it("on a phone-sized screen: the public KPIs, and no sideways scroll", async () => {
    const { page: p } = await open("/public", shopOrigin, { width: 390, height: 844 });
    expect(await shown(p, 'kpi-card[metric="csat"]', "value")).toBe(await expected("csat"));
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await p.close();
  });
});
