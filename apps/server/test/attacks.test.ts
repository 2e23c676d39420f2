// The server's own routes under attack (the API's are in packages/api/test/attacks.test.ts): the
// demo token and pages, the static files, in production and with the demo on. Every route the
// server adds must be listed here, so that a new one cannot arrive without its refusals.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTenant, SqlStore } from "@kpikit/api";
import { nodeSqliteDriver } from "@kpikit/api/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/server.js";

/** The routes createServer adds beside the API's /v1, /docs, /openapi.json and /healthz. */
const SERVER_ROUTES = [
  "/docs/assets/*",
  "/elements/*",
  "/storybook",
  "/storybook/*",
  "/studio",
  "/studio/",
  "/studio/assets/*",
  "/favicon.ico",
];
const DEMO_ROUTES = ["/assets/*", "/demo/token", "/", "/storefront", "/react", "/vue", "/svelte"];
const API_ROUTES = /^\/(v1\/|healthz$|openapi\.json$|docs$|\*$)/;

describe("attack suite: the server's own routes", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-attacks-"));
  const store = new SqlStore(nodeSqliteDriver(join(dir, "kpikit.db")));
  let production: ReturnType<typeof createServer>;
  let demo: ReturnType<typeof createServer>;
  const BASE = "http://127.0.0.1:8787";

  beforeAll(async () => {
    await store.init();
    const { publishableKey } = await createTenant(store, { id: "default", allowedOrigins: [BASE] });
    production = createServer({ store });
    demo = createServer({ store, demo: { tenant: "default", publishableKey } });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const paths = (app: ReturnType<typeof createServer>) =>
    [...new Set(app.routes.map((r) => r.path))].filter((p) => !API_ROUTES.test(p)).sort();

  it("lists every route the server adds (a new one needs its attacks here)", () => {
    expect(paths(production)).toEqual([...SERVER_ROUTES].sort());
    expect(paths(demo)).toEqual([...SERVER_ROUTES, ...DEMO_ROUTES].sort());
  });

  // Not an attack, but a property of the same list: a route Hono's RegExpRouter cannot hold drops
  // every request to the slower TrieRouter.
  it("routes every request with Hono's RegExpRouter, in production and with the demo", async () => {
    for (const app of [production, demo]) {
      await app.request(`${BASE}/healthz`);
      expect(app.router.name).toBe("SmartRouter + RegExpRouter");
    }
  });

  it("in production, answers no demo route: 404 problem+json for each, whatever the method", async () => {
    for (const path of ["/", "/storefront", "/react", "/vue", "/svelte", "/demo/token", "/assets/index.js"]) {
      for (const method of ["GET", "POST", "HEAD"]) {
        const r = await production.request(`${BASE}${path}`, { method });
        expect([method, path, r.status]).toEqual([method, path, 404]);
      }
    }
  });

  it("mints the demo token for the server's own pages only", async () => {
    const token = (headers: Record<string, string>) => demo.request(`${BASE}/demo/token`, { headers });
    expect((await token({ "Sec-Fetch-Site": "same-origin", Origin: BASE })).status).toBe(200);
    const refused: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site" },
      { "Sec-Fetch-Site": "none", Origin: "https://evil.example" },
    ];
    for (const headers of refused) {
      const r = await token(headers);
      expect([JSON.stringify(headers), r.status, r.headers.get("content-type")]).toEqual([
        JSON.stringify(headers),
        403,
        "application/problem+json",
      ]);
    }
    // Nothing but GET: there is no way to ask for more KPIs, origins or time.
    for (const method of ["POST", "PUT", "DELETE"])
      expect((await demo.request(`${BASE}/demo/token?metrics=cogs&ttlSeconds=86400`, { method })).status).toBe(404);
    const { token: jwt } = (await (await token({})).json()) as { token: string };
    const claims = JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as {
      origins: string[];
      exp: number;
      iat: number;
    };
    expect(claims.origins).toEqual([BASE]);
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(600);
  });

  it("serves no file outside the static folders, however the path is written", async () => {
    for (const app of [production, demo]) {
      for (const path of [
        "/elements/../package.json",
        "/elements/%2e%2e/package.json",
        "/elements/..%2fpackage.json",
        "/storybook/..%2f..%2fpackage.json",
        "/docs/assets/..%2f..%2fpackage.json",
        "/assets/..%2f..%2fpackage.json",
        "/studio/assets/..%2f..%2fpackage.json",
        "/studio/assets/%2e%2e/%2e%2e/package.json",
        "/studio/..%2fpackage.json",
        "/elements/%00kpikit.js",
      ]) {
        const r = await app.request(`${BASE}${path}`);
        expect([path, r.status]).toEqual([path, 404]);
      }
    }
  });

  it("serves KPI Studio in production too: its page under a strict CSP, unframeable, and no other file", async () => {
    for (const app of [production, demo]) {
      const r = await app.request(`${BASE}/studio/`);
      expect(r.status).toBe(200);
      const csp = r.headers.get("content-security-policy") ?? "";
      for (const directive of [
        "default-src 'none'",
        "script-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
      ])
        expect(csp).toContain(directive);
      expect(csp).not.toMatch(/(script|connect)-src[^;]*(\*|unsafe|https?:)/);
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      expect(r.headers.get("access-control-allow-origin")).toBeNull();
      for (const path of ["/studio/index.html", "/studio/src/main.ts", "/studio/package.json", "/studio/assets/"])
        expect([path, (await app.request(`${BASE}${path}`)).status]).toEqual([path, 404]);
      for (const method of ["POST", "PUT", "DELETE"])
        expect([method, (await app.request(`${BASE}/studio/`, { method })).status]).toEqual([method, 404]);
    }
  });

  it("serves the elements to any site's pages without credentials", async () => {
    const r = await production.request(`${BASE}/elements/kpikit.js`, {
      headers: { Origin: "https://shop.example", Cookie: "session=1" },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    expect(r.headers.get("access-control-allow-credentials")).toBeNull();
    expect(r.headers.get("set-cookie")).toBeNull();
  });
});
