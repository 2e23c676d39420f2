// The detail of a widget's error in the console, once per widget and cause, with where to read more.
// Widgets import this module when their first error comes: a page whose widgets load never needs it.
import type { KpiErrorDetail } from "./report.js";

const reported = new Set<string>();

export function reportOnce(element: Element, detail: KpiErrorDetail, endpoint: string | undefined): void {
  // Named as the page wrote it: <kpi-funnel metrics="sessions orders">, <kpi-card metric="aov">.
  const attribute = element.hasAttribute("metrics") ? "metrics" : "metric";
  const widget = `<${element.localName}${detail.metric ? ` ${attribute}="${detail.metric}"` : ""}>`;
  const key = `${widget} ${detail.status} ${detail.message}`;
  if (reported.has(key)) return;
  reported.add(key);
  const status = detail.status ? ` (HTTP ${detail.status})` : "";
  // The API serves its reference, with the common embedding errors, beside itself.
  const docs = endpoint ? ` Troubleshooting: ${docsOf(endpoint)}` : "";
  const log = detail.retryable ? console.warn : console.error;
  log(`KPI Kit: ${widget} ${detail.message}${status}.${docs}`);
}

/** The API's reference (/docs), whose introduction lists the common embedding errors. */
function docsOf(endpoint: string): string {
  const url = new URL(endpoint, document.baseURI);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/docs`;
  url.search = "";
  return url.href;
}
