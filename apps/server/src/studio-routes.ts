// KPI Studio (apps/studio): its built page at /studio/ and its assets. Product, not demo: mounted in
// production too, as the Studio does nothing without a secret key, and reaches the API only through
// its public routes. The page runs under a strict Content-Security-Policy: its own scripts, styles
// and API calls only, and no other site may frame it (the page holds a secret key in the tab).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";
import { staticFiles } from "./static-files.js";

const require = createRequire(import.meta.url);
const studioDist = join(dirname(require.resolve("@kpikit/studio/package.json")), "dist");

/**
 * The page's and its assets' headers, declared once in apps/studio (the Worker's static assets
 * get them too). The policy allows `style-src-attr 'unsafe-inline'` because the kit's widgets size
 * their bars with style attributes (set by Lit); stylesheets and scripts come only from this
 * origin. The page is `no-cache` so a new build is seen at once: it names its assets by content hash.
 */
const headers: {
  page: Record<string, string>;
  assets: Record<string, string>;
} = require("@kpikit/studio/headers.json");

export function studioRoutes() {
  const page = readFileSync(join(studioDist, "index.html"), "utf8");
  const app = new Hono();
  app.get("/studio", (c) => c.redirect("/studio/", 301));
  app.get("/studio/", (c) => c.html(page, 200, headers.page));
  app.use("/studio/assets/*", ...staticFiles("/studio", studioDist, headers.assets));
  return app;
}
