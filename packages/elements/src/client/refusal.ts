// What the API says when it refuses: its problem+json's words, and how long it asks us to wait (the
// data client waits so long before it asks again). The data client imports this module with the
// first refusal, a page whose requests succeed never needs it. The client lends it its error class
// rather than this module importing it: a bundler would move what both import into a chunk every
// page loads at once.
import type { KpiRequestError } from "./errors.js";

interface ProblemLike {
  title?: unknown;
  detail?: unknown;
}

/** The message of a problem+json body: its detail, else its title. */
export function problemMessage(body: unknown): string | undefined {
  if (!body || typeof body !== "object") return undefined;
  const { detail, title } = body as ProblemLike;
  if (typeof detail === "string" && detail) return detail;
  if (typeof title === "string" && title) return title;
  return undefined;
}

/** Retry-After as seconds (it may also be an HTTP date). */
export function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** The error a failed response stands for, from its problem+json body when it has one. */
export async function errorOfResponse(
  response: Response,
  RequestError: typeof KpiRequestError,
): Promise<KpiRequestError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const message =
    problemMessage(body) ??
    `The KPI service answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  return new RequestError(message, response.status, retryAfterSeconds(response.headers.get("retry-after")));
}

/**
 * What follows a refused request: its error; or, when the API is busy (429, 503) and the client may
 * ask `again`, the wait the API asked for (at most 10 s), then undefined: the client asks again.
 */
export async function afterRefusal(
  response: Response,
  RequestError: typeof KpiRequestError,
  again: boolean,
): Promise<KpiRequestError | undefined> {
  const error = await errorOfResponse(response, RequestError);
  if ((response.status !== 429 && response.status !== 503) || !again) return error;
  await new Promise((resolve) => setTimeout(resolve, Math.min(error.retryAfter ?? 1, 10) * 1000));
  return undefined;
}

/** The error of one query a batch refused (`{index, error}`): the problem's words and status. */
export function errorOfProblem(problem: unknown, RequestError: typeof KpiRequestError): KpiRequestError {
  const status = (problem as { status?: unknown } | null)?.status;
  return new RequestError(
    problemMessage(problem) ?? "The KPI service refused this query",
    typeof status === "number" ? status : 422,
  );
}
