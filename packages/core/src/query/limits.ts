// What the API and the widgets' client agree on about a query's size and time. Free of zod, as the
// widgets import it.

/**
 * How many queries one batch (`POST /v1/query`) may hold: the API refuses more, and the client
 * splits a page's KPIs into batches of this size.
 */
export const MAX_BATCH_QUERIES = 100;

/** How long a KPI waits for its turn to compute (a few compute at once) before the API answers 503. */
export const MAX_TURN_WAIT_MS = 20_000;

/** How long a KPI may compute, from its turn, before it is stopped and answered 503 (unless configured). */
export const DEFAULT_QUERY_TIMEOUT_MS = 8_000;

/**
 * How long the widgets' client waits for an answer before it reports that none came: past the
 * longest the API takes to answer, result or 503 (a turn, then the time to compute), so that a busy
 * server's 503 and its Retry-After reach the client, which then asks again, rather than the client
 * giving up first. A batch's answers stream in as each finishes, all within that time.
 */
export const CLIENT_TIMEOUT_MS = MAX_TURN_WAIT_MS + DEFAULT_QUERY_TIMEOUT_MS + 2_000;
