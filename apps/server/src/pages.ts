// The demo pages, built by apps/demo: read once at start, with the tenant's publishable key filled
// in where the storefront's HTML embeds it (as a shop's page template would).
import { readFileSync } from "node:fs";
import { join } from "node:path";

const PAGES = {
  "/": "index.html",
  "/storefront": "storefront.html",
  "/react": "react.html",
  "/vue": "vue.html",
  "/svelte": "svelte.html",
} as const;

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function demoPages(dist: string, publishableKey: string): Map<string, string> {
  return new Map(
    Object.entries(PAGES).map(([path, file]) => [
      path,
      readFileSync(join(dist, file), "utf8").replaceAll("__KPIKIT_PUBLISHABLE_KEY__", escapeHtml(publishableKey)),
    ]),
  );
}
