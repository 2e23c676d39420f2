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
 * `style-src-attr 'unsafe-inline'`: the kit's widgets size their bars with style attributes (set
 * by Lit); stylesheets and scripts still come only from this origin.
 */
export const STUDIO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const PAGE_HEADERS = {
  "Content-Security-Policy": STUDIO_CSP,
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  // A new build is seen at once: the page names its assets by content hash.
  "Cache-Control": "no-cache",
};
const ASSET_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "public, max-age=31536000, immutable",
};

export function studioRoutes() {
  const page = readFileSync(join(studioDist, "index.html"), "utf8");
  const app = new Hono();
  app.get("/studio", (c) => c.redirect("/studio/", 301));
  app.get("/studio/", (c) => c.html(page, 200, PAGE_HEADERS));
  app.use("/studio/assets/*", ...staticFiles("/studio", studioDist, ASSET_HEADERS));
  return app;
}
