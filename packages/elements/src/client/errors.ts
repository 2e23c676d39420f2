// Every way a request can fail becomes one error: its message is the detail a developer needs
// (the API's own words, read by refusal.ts), and `retryable` says whether asking again can help,
// which is all a page's visitor is told (widgets show a short localized message instead of the detail).

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

/** A thrown value of any kind as a KpiRequestError. */
export function asRequestError(error: unknown): KpiRequestError {
  if (error instanceof KpiRequestError) return error;
  return new KpiRequestError(error instanceof Error ? error.message : String(error), 0);
}
