// The demo (KPIKIT_DEMO=on, npm start's default): its pages, and the embed token they read with,
// which only the server's own pages get, only for the demo tenant's demo KPIs (the catalog's and the
// demo shop's own), only from their origin.
// Production (KPIKIT_DEMO=off) mounts none of it: server.test.ts proves that side.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, SqlStore } from "@kpikit/api";
import { nodeSqliteDriver } from "@kpikit/api/node";
import { catalog } from "@kpikit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, startServer } from "./support/process.js";

const KEY = "kpi_sk_test_demo";

describe("the demo server", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-demo-"));
  let server: Running;
  beforeAll(async () => {
    server = await startServer({ KPIKIT_DB: join(dir, "demo.db"), KPIKIT_SECRET_KEY: KEY, KPIKIT_DEMO_ORDERS: "200" });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const demoToken = (headers: Record<string, string> = {}) => fetch(`${server.base}/demo/token`, { headers });
  const claimsOf = (token: string) =>
    JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as {
      metrics: string[];
      origins?: string[];
      iat: number;
      exp: number;
    };

  it("prints the demo pages' URLs", () => {
    expect(server.output()).toMatch(/Dashboard: +http:\/\/127\.0\.0\.1:\d+\//);
    expect(server.output()).toMatch(/Storefront: +http:\/\/127\.0\.0\.1:\d+\/storefront/);
  });

  it("builds its data's rollups after loading it, before it listens: ten KPIs as the facts give them", async () => {
    const out = server.output();
    expect(out).toMatch(/Demo data loaded in [\d.]+ s: .*200 orders/);
    expect(out.indexOf("Rollups built in")).toBeGreaterThan(out.indexOf("Demo data loaded in"));
    expect(out.indexOf("KPI Kit is running")).toBeGreaterThan(out.indexOf("Rollups built in"));
    // The same database read by a store that keeps no rollups, so scans the facts.
    const facts = new SqlStore(nodeSqliteDriver(join(dir, "demo.db")), { rollups: false });
    await facts.init();
    const scanned = createApp({ store: facts, cacheSize: 0 });
    const year = new Date().getUTCFullYear();
    const query = `range=${year - 2}-01-01..${year}-01-01&grain=month&tz=America/New_York`;
    const answer = async (get: (path: string, init: RequestInit) => Promise<Response>, metric: string) => {
      const r = await get(`/v1/metrics/${metric}?${query}`, { headers: { Authorization: `Bearer ${KEY}` } });
      expect(r.status, metric).toBe(200);
      const { value, series } = (await r.json()) as { value: number | null; series: { value: number | null }[] };
      return [value, ...series.map((p) => p.value)];
    };
    // 200 orders give some KPIs no value yet (no repeat customer, no lapse): these four have one.
    const shown = ["revenue", "aov", "new_customers", "visitors"];
    const others = ["repeat_purchase_rate", "purchase_frequency", "churn_rate", "customer_retention_rate", "clv"];
    try {
      for (const metric of [...shown, ...others, "conversion_rate"]) {
        const rolled = await answer((path, init) => fetch(`${server.base}${path}`, init), metric);
        const read = await answer(async (path, init) => scanned.request(path, init), metric);
        expect(rolled.length, metric).toBeGreaterThan(20);
        if (shown.includes(metric))
          expect(
            rolled.some((v) => v !== null && v !== 0),
            metric,
          ).toBe(true);
        rolled.forEach((v, i) => {
          if (v === null) expect(read[i], `${metric} [${i}]`).toBeNull();
          else expect(v, `${metric} [${i}]`).toBeCloseTo(read[i]!, 6);
        });
      }
    } finally {
      await facts.close();
    }
  });

  it("serves the demo pages, with their assets named by content", async () => {
    for (const path of ["/", "/storefront", "/react", "/vue", "/svelte"]) {
      const r = await fetch(`${server.base}${path}`);
      const text = await r.text();
      expect([path, r.status, r.headers.get("content-type")]).toEqual([path, 200, expect.stringMatching(/text\/html/)]);
      const script = text.match(/<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/)?.[1];
      expect(script, path).toBeDefined();
      const asset = await fetch(`${server.base}${script}`);
      expect([asset.status, asset.headers.get("cache-control")]).toEqual([200, "public, max-age=31536000, immutable"]);
    }
    // The storefront embeds the publishable key in its HTML, as a shop's template would.
    const storefront = await (await fetch(`${server.base}/storefront`)).text();
    expect(storefront).toMatch(/<kpi-provider\s+id="storefront"\s+endpoint="\/"\s+token="kpi_pk_[A-Za-z0-9_]+"/);
    expect(storefront).toContain('<script type="module" src="/elements/kpikit.js"');
  });

  it("mints the demo pages a token for the catalog's KPIs, from their own origin only, for 10 minutes", async () => {
    const r = await demoToken({ "Sec-Fetch-Site": "same-origin" });
    expect([r.status, r.headers.get("cache-control")]).toEqual([200, "no-store"]);
    const claims = claimsOf(((await r.json()) as { token: string }).token);
    expect(claims.metrics).toEqual([...catalog.map((d) => d.id), "cart_sessions"]);
    expect(claims.origins).toEqual([server.base]);
    expect(claims.exp - claims.iat).toBe(600);
  });

  it("defines the demo shop's own KPI, the funnel's middle step: sessions with an add-to-cart", async () => {
    const { token } = (await (await demoToken()).json()) as { token: string };
    const value = async (metric: string) =>
      (
        (await (
          await fetch(`${server.base}/v1/metrics/${metric}?range=last_90_days`, {
            headers: { Authorization: `Bearer ${token}`, Origin: server.base },
          })
        ).json()) as { value: number }
      ).value;
    const [sessions, carts, rate] = [
      await value("sessions"),
      await value("cart_sessions"),
      await value("add_to_cart_rate"),
    ];
    expect(carts).toBeGreaterThan(0);
    // The catalog's rate is exactly this count over the sessions.
    expect(carts / sessions).toBeCloseTo(rate, 12);
  });

  it("refuses the demo token to another site's page", async () => {
    const refused: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site" },
    ];
    for (const headers of refused) {
      const r = await demoToken(headers);
      expect([JSON.stringify(headers), r.status, r.headers.get("content-type")]).toEqual([
        JSON.stringify(headers),
        403,
        "application/problem+json",
      ]);
    }
  });

  it("gives a token that works from the demo pages' origin only, and never for the tenant's own KPIs", async () => {
    const { token } = (await (await demoToken()).json()) as { token: string };
    const read = (metric: string, origin: string) =>
      fetch(`${server.base}/v1/metrics/${metric}?range=last_30_days`, {
        headers: { Authorization: `Bearer ${token}`, Origin: origin },
      });
    expect((await read("revenue", server.base)).status).toBe(200);
    expect((await read("revenue", "https://evil.example")).status).toBe(403);
    expect((await read("revenue", "null")).status).toBe(403);
    const secret = { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" };
    const definition = {
      labels: { en: "Web revenue" },
      unit: "currency",
      better: "up",
      kind: "measure",
      measure: { fact: "orders", agg: "sum", field: "total", where: "channel = 'web'" },
    };
    expect(
      (
        await fetch(`${server.base}/v1/definitions/web_revenue`, {
          method: "PUT",
          headers: secret,
          body: JSON.stringify(definition),
        })
      ).status,
    ).toBe(201);
    const own = await read("web_revenue", server.base);
    expect(own.status).toBe(403);
    expect(((await own.json()) as { detail: string }).detail).toMatch(/^this token does not grant web_revenue/);
  });

  it("allows the demo pages' own origins for the publishable key", async () => {
    const settings = (await (
      await fetch(`${server.base}/v1/settings`, { headers: { Authorization: `Bearer ${KEY}` } })
    ).json()) as { allowedOrigins: string[] };
    const port = new URL(server.base).port;
    expect(settings.allowedOrigins).toEqual([`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
  });
});
