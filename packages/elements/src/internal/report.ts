// The developer's side of a widget's error: the detail in the console (once per widget and
// cause, with where to read more) and in the `kpi-error` event. The page shows a short message only.

/** A widget that is not set up to ask anything yet (no metric, endpoint or credential, bad `.data`). */
export class SetupError extends Error {
  override readonly name = "SetupError";
  /** Nothing changes until the page does. */
  readonly retryable = false;
  constructor(
    message: string,
    /** What is missing may still be set by the page's own script (a tokenProvider), so wait for it. */
    readonly mayArrive = false,
  ) {
    super(message);
  }
}

/** The `kpi-error` event's detail. */
export interface KpiErrorDetail {
  /** What went wrong, for developers: the API's own words, or what the widget lacks. */
  message: string;
  /** The HTTP status, 0 when no response came or none was asked for. */
  status: number;
  /** Whether asking again can help (the widget offers Retry only then). */
  retryable: boolean;
  metric: string | undefined;
}

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
