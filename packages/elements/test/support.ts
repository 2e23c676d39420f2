// Helpers for the element tests: the real API's address and credentials (from the test runner),
// request counts, hand-made results, and a guard that the page never throws.
import { defaultDelta, formatChanges, formatValue, type Result } from "@kpikit/core";
import { waitUntil } from "@open-wc/testing";

/**
 * How long a test waits for what it expects before it fails with its own message: well past any
 * delay on a busy two-core CI machine, within the test runner's 60 s per test.
 */
const PATIENCE_MS = 45_000;

/** Waits until `predicate` holds (waitUntil's own default gives up after one second). */
export const until = (predicate: () => unknown, message: string) =>
  waitUntil(predicate, message, { timeout: PATIENCE_MS });

export interface TestApi {
  endpoint: string;
  publishableKey: string;
  token: string;
}

let api: Promise<TestApi> | undefined;
export const testApi = () => (api ??= fetch("/__kpikit/api").then((r) => r.json() as Promise<TestApi>));
export const freshToken = async () => ((await (await fetch("/__kpikit/token")).json()) as { token: string }).token;
export const addOrder = async (total: number) =>
  ((await (await fetch(`/__kpikit/add-order?total=${total}`)).json()) as { status: number }).status;

/** How many requests the API server has seen, by "METHOD /path". */
export async function requestCounts(): Promise<Record<string, number>> {
  return (await fetch("/__kpikit/requests")).json();
}

/** The fixed week of the test data: aov 60 (orders of 30 and 90) against 50 the week before. */
export const WEEK = { range: "2026-03-01..2026-03-08", tz: "UTC" } as const;
/** The week of the test orders by channel (test/api-server.mjs): revenue 440 against 320 the week before. */
export const CHANNEL_WEEK = { range: "2026-04-13..2026-04-20", tz: "UTC" } as const;
let stamp = 0;
/** A distinct `now` per use, so that a query is never answered from an earlier test's cache. */
export const uniqueNow = () => new Date(Date.UTC(2026, 2, 10) + ++stamp * 1000).toISOString();

/**
 * A result as the API returns it in `locale`, for `.data`: unless given, its `formatted` strings are
 * the value and change formatted as the API formats them.
 */
export function result(
  overrides: Partial<Omit<Result, "metric">> & { metric?: Partial<Result["metric"]> } = {},
  locale = "en",
): Result {
  const { metric, ...rest } = overrides;
  const base: Result = {
    metric: {
      id: "aov",
      label: "Average order value",
      unit: "currency",
      currency: "USD",
      better: "up",
      version: 1,
      ...metric,
    },
    range: { start: "2026-03-01T00:00:00+00:00", end: "2026-03-04T00:00:00+00:00", tz: "UTC", grain: "day" },
    compare: { kind: "previous_period", start: "2026-02-26T00:00:00+00:00", end: "2026-03-01T00:00:00+00:00" },
    value: 60,
    previous: 50,
    change: { absolute: 10, relative: 0.2 },
    series: [
      { start: "2026-03-01T00:00:00+00:00", value: 40, previous: 50 },
      { start: "2026-03-02T00:00:00+00:00", value: 60, previous: 45 },
      { start: "2026-03-03T00:00:00+00:00", value: 80, previous: 55 },
    ],
    target: null,
    status: null,
    formatted: { value: null, change: null },
    dataVersion: "1",
  };
  const made = { ...base, ...rest, metric: base.metric };
  const { unit, currency } = made.metric;
  // As the API writes them: the change each way, and the KPI's default way as `change`.
  const changes = formatChanges(made.change, { unit, currency, locale });
  const formatted = rest.formatted ?? {
    value: formatValue(made.value, { unit, currency, locale }),
    change: changes[defaultDelta(unit)],
    changes,
  };
  return { ...made, formatted };
}

/** Waits for an element's next event of a kind. */
export function next(el: EventTarget, type: "kpi-load" | "kpi-error", timeoutMs = PATIENCE_MS): Promise<CustomEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeoutMs} ms`)), timeoutMs);
    el.addEventListener(
      type,
      (e) => {
        clearTimeout(timer);
        resolve(e as CustomEvent);
      },
      { once: true },
    );
  });
}

/** The text of a shadow part, whitespace collapsed. */
export function part(el: Element, name: string): string {
  const node = el.shadowRoot!.querySelector(`[part~="${name}"]`);
  if (!node) throw new Error(`no part ${name} in <${el.localName}>`);
  return (node.textContent ?? "").replace(/\s+/g, " ").trim();
}

export function hasPart(el: Element, name: string): boolean {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`) !== null;
}

/** Uncaught errors and unhandled rejections on the page since the last call. */
const thrown: unknown[] = [];
window.addEventListener("error", (e) => thrown.push(e.error ?? e.message));
window.addEventListener("unhandledrejection", (e) => thrown.push(e.reason));
export function pageErrors(): unknown[] {
  return thrown.splice(0);
}
