// Errors a caller caused. Every one carries a stable `code` and a message written for the person
// who sent the input; the API turns them into 4xx problem+json responses.

export interface Issue {
  /** Where in the input: a field name, a query parameter, `records[3].total`. */
  path: string;
  message: string;
}

export type ErrorCode = "invalid_query" | "unknown_metric" | "invalid_definition" | "invalid_fact" | "too_many_buckets" | "filter_locked";

/** The HTTP status each error code answers with. */
export const errorStatus: Record<ErrorCode, number> = {
  invalid_query: 400,
  too_many_buckets: 400,
  unknown_metric: 404,
  filter_locked: 403,
  invalid_definition: 422,
  invalid_fact: 422,
};

export class KpiError extends Error {
  override readonly name = "KpiError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}
