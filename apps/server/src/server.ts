// One Hono app on one port: the API, its docs, the elements' one-file build for any site's pages,
// Storybook, KPI Studio and, with the demo on, the demo pages (apps/demo) and the embed token they read with.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getConnInfo } from "@hono/node-server/conninfo";
import { type AppOptions, createApp, notFound, onError, type Store } from "@kpikit/api";
import { Hono } from "hono";
import type { GetConnInfo } from "hono/conninfo";
import { demoRoutes } from "./demo-routes.js";
import { staticFiles } from "./static-files.js";
import { studioRoutes } from "./studio-routes.js";

const require = createRequire(import.meta.url);
const swaggerAssets = dirname(require.resolve("swagger-ui-dist/package.json"));
/** The self-contained build of the elements, as a page would load it from a CDN. */
const elementsDist = dirname(require.resolve("@kpikit/elements/kpikit.js"));
const storybookStatic = join(dirname(require.resolve("@kpikit/storybook/package.json")), "storybook-static");

/**
 * The visitor's address: the socket's peer, or behind `proxies` reverse proxies the address the
 * outermost of them saw, the `proxies`-th entry from the end of X-Forwarded-For (entries before it
 * are the client's own to write). A request made in-process (`app.request`) has none.
 */
export function clientAddress(proxies: number): GetConnInfo {
  return (c) => {
    if (proxies > 0) {
      const forwarded = (c.req.header("x-forwarded-for") ?? "").split(",").map((a) => a.trim());
      const entry = forwarded.length >= proxies ? forwarded[forwarded.length - proxies] : undefined;
      // Some proxies add the port: `203.0.113.7:5678`, `[2001:db8::1]:443`.
      const address = entry?.replace(/^\[(.+)\](?::\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
      if (address) return { remote: { address } };
    }
    return c.env?.incoming ? getConnInfo(c) : { remote: {} };
  };
}

/**
 * The elements are loaded by other sites' pages: a module script from another origin runs only
 * with CORS. They are public code, read without credentials, so any origin may load them. They are
 * not named by content: a page sees a new build within minutes.
 */
const FOR_ANY_SITE = {
  "Access-Control-Allow-Origin": "*",
  "Cross-Origin-Resource-Policy": "cross-origin",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "public, max-age=300",
};

export interface ServerOptions {
  store: Store;
  /** The demo pages and their token route, for the demo tenant; absent in production (KPIKIT_DEMO=off). */
  demo?: { tenant: string; publishableKey: string };
  version?: string;
  rateLimits?: AppOptions["rateLimits"];
  queryTimeoutMs?: number;
  /** Reverse proxies in front, whose X-Forwarded-For tells visitors' addresses (default 0: none). */
  trustedProxies?: number;
}

export function createServer({ store, demo, version, rateLimits, queryTimeoutMs, trustedProxies = 0 }: ServerOptions) {
  const api = createApp({
    store,
    docsAssets: "/docs/assets",
    clientAddress: clientAddress(trustedProxies),
    ...(version ? { version } : {}),
    ...(rateLimits ? { rateLimits } : {}),
    ...(queryTimeoutMs !== undefined ? { queryTimeoutMs } : {}),
  });
  const app = new Hono();
  // Everything the server answers, not only the API, fails as problem+json.
  app.notFound(notFound);
  app.onError(onError);
  app.use("/docs/assets/*", ...staticFiles("/docs/assets", swaggerAssets));
  app.use("/elements/*", ...staticFiles("/elements", elementsDist, FOR_ANY_SITE));
  app.get("/storybook", (c) => c.redirect("/storybook/", 301));
  app.use("/storybook/*", ...staticFiles("/storybook", storybookStatic));
  app.route("/", studioRoutes());
  if (demo) app.route("/", demoRoutes(store, demo));
  app.get("/favicon.ico", (c) => c.body(null, 204));
  app.route("/", api);
  return app;
}
