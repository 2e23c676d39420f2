// The demo (KPIKIT_DEMO=on): the pages of apps/demo, and the embed token the dashboard reads with,
// minted here as a shop's own backend would mint it. Never mounted in production.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { HttpProblem, issueToken, type Store, tokenRequestSchema } from "@kpikit/api";
import { catalog } from "@kpikit/core";
import { Hono } from "hono";
import { demoPages } from "./pages.js";
import { staticFiles } from "./static-files.js";
import { DEMO_DEFINITIONS } from "./demo-definitions.js";

const require = createRequire(import.meta.url);
const demoDist = join(dirname(require.resolve("@kpikit/demo/package.json")), "dist");
/** Vite names the demo's assets by content hash, so they never change under their name. */
const IMMUTABLE = { "Cache-Control": "public, max-age=31536000, immutable" };

/**
 * What the demo pages show: the built-in catalog (the dashboard has every KPI) and the demo shop's
 * own KPIs, none that a tenant defines later.
 */
export const DEMO_METRICS = [...catalog.map((d) => d.id), ...DEMO_DEFINITIONS.map((d) => d.id)];

export function demoRoutes(store: Store, demo: { tenant: string; publishableKey: string }) {
  const app = new Hono();
  // The assets keep their /assets/ path inside the demo's dist folder.
  app.use("/assets/*", ...staticFiles("", demoDist, IMMUTABLE));

  // Only for this server's own pages: a request from another site's page is refused, and the token
  // works only from the page's origin (its `origins` claim), for the demo tenant's demo KPIs.
  app.get("/demo/token", async (c) => {
    const own = new URL(c.req.url).origin;
    const origin = c.req.header("origin");
    const site = c.req.header("sec-fetch-site");
    if ((origin !== undefined && origin !== own) || (site !== undefined && site !== "same-origin")) {
      throw new HttpProblem(
        403,
        "the demo token is only for this server's own demo pages; " +
          "a site of yours mints tokens with POST /v1/tokens and its secret key",
      );
    }
    const request = tokenRequestSchema.parse({ metrics: DEMO_METRICS, origins: [own], ttlSeconds: 600 });
    const { token, claims } = await issueToken(store, demo.tenant, request);
    return c.json({ token, expiresAt: new Date(claims.exp * 1000).toISOString() }, 200, {
      "Cache-Control": "no-store",
    });
  });

  for (const [path, html] of demoPages(demoDist, demo.publishableKey)) app.get(path, (c) => c.html(html));
  return app;
}
