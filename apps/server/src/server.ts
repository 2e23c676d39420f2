// One Hono app on one port: the API, the docs' assets, a token endpoint for the demo pages, the
// demo pages (apps/demo) and Storybook (apps/storybook).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { type AppOptions, createApp, mintToken, newSigningKey, type Store, tokenRequestSchema } from "@kpikit/api";
import { catalog } from "@kpikit/core";
import { Hono } from "hono";
import { DEFAULT_TENANT } from "./bootstrap.js";
import { demoPages } from "./pages.js";

const require = createRequire(import.meta.url);
const swaggerAssets = dirname(require.resolve("swagger-ui-dist/package.json"));
/** The self-contained build of the elements, as a page would load it from a CDN. */
const elementsDist = dirname(require.resolve("@kpikit/elements/kpikit.js"));
const demoDist = join(dirname(require.resolve("@kpikit/demo/package.json")), "dist");
const storybookStatic = join(dirname(require.resolve("@kpikit/storybook/package.json")), "storybook-static");
/** Vite names the demo's assets by content hash, so they never change under their name. */
const immutable = (_path: string, c: { header(name: string, value: string): void }) => c.header("Cache-Control", "public, max-age=31536000, immutable");

export interface ServerOptions {
  store: Store;
  publishableKey: string;
  version?: string;
  rateLimits?: AppOptions["rateLimits"];
}

export function createServer({ store, publishableKey, version, rateLimits }: ServerOptions) {
  const api = createApp({ store, docsAssets: "/docs/assets", ...(version ? { version } : {}), ...(rateLimits ? { rateLimits } : {}) });
  const app = new Hono();
  app.use("/docs/assets/*", serveStatic({ root: swaggerAssets, rewriteRequestPath: (p) => p.replace(/^\/docs\/assets/, "") }));
  app.use("/elements/*", serveStatic({ root: elementsDist, rewriteRequestPath: (p) => p.replace(/^\/elements/, "") }));
  app.use("/assets/*", serveStatic({ root: demoDist, onFound: immutable }));
  app.get("/storybook", (c) => c.redirect("/storybook/", 301));
  app.use("/storybook/*", serveStatic({ root: storybookStatic, rewriteRequestPath: (p) => p.replace(/^\/storybook/, "") }));

  // The demo dashboard's embed token, minted here as a shop's own backend would mint it.
  app.get("/demo/token", async (c) => {
    const now = new Date();
    let key = await store.currentSigningKey(DEFAULT_TENANT, now.toISOString());
    if (!key) await store.addSigningKey((key = newSigningKey(DEFAULT_TENANT, now)));
    const { token, claims } = await mintToken(key, tokenRequestSchema.parse({ metrics: catalog.map((d) => d.id), ttlSeconds: 600 }), now.getTime());
    return c.json({ token, expiresAt: new Date(claims.exp * 1000).toISOString() }, 200, { "Cache-Control": "no-store" });
  });
  for (const [path, html] of demoPages(demoDist, publishableKey)) app.get(path, (c) => c.html(html));
  app.get("/favicon.ico", (c) => c.body(null, 204));
  app.route("/", api);
  return app;
}
