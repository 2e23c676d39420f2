// Every way a request can fail becomes one error: its message is the detail a developer needs
// (the API's own words), and `retryable` says whether asking again can help, which is all a page's
// visitor is told (widgets show a short localized message instead of the detail).

export class KpiRequestError extends Error {
  override readonly name = "KpiRequestError";
  constructor(
    message: string,
    /** The HTTP status, or 0 when no response came (network down, timeout). */
    readonly status: number,
    /** Seconds the server asked us to wait (429, 503). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /**
   * No answer, a server fault or overload, or an answer that could not be read may pass; a refusal
   * (401, 403), an unknown KPI (404) or a bad query (400, 422) stays until the page is changed.
   */
  get retryable(): boolean {
    return this.status === 0 || this.status === 200 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

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
export async function errorOfResponse(response: Response): Promise<KpiRequestError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const message =
    problemMessage(body) ??
    `The KPI service answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  return new KpiRequestError(message, response.status, retryAfterSeconds(response.headers.get("retry-after")));
}

/** A thrown value of any kind as a KpiRequestError. */
export function asRequestError(error: unknown): KpiRequestError {
  if (error instanceof KpiRequestError) return error;
  return new KpiRequestError(error instanceof Error ? error.message : String(error), 0);
}
