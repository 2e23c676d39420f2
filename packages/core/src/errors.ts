// Errors a caller caused. Every one carries a stable `code` and a message written for the person
// who sent the input; the API turns them into 4xx problem+json responses.

export interface Issue {
  /** Where in the input: a field name, a query parameter, `records[3].total`. */
  path: string;
  message: string;
  /** In an expression: the 1-based character where it stopped making sense (an editor underlines it). */
  position?: number;
}

export type ErrorCode =
  | "invalid_query"
  | "unknown_metric"
  | "invalid_definition"
  | "invalid_fact"
  | "too_many_buckets"
  | "query_too_large"
  | "filter_locked";

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
