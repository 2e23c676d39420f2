// Every error is application/problem+json (RFC 9457) with a message written for whoever sent
// the request. Errors of the caller are 4xx; a 5xx means a fault of ours or of the database.
// Core knows no HTTP: its errors carry a code, and the status each code answers with is here.
import { type ErrorCode, KpiError } from "@kpikit/core";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { z } from "zod";
import { QueryTimeoutError, StoreUnavailableError } from "./store/unavailable.js";

/** Every status the API answers an error with, and its title. */
const TITLES = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
} as const;
export type ProblemStatus = keyof typeof TITLES;
const STATUSES = Object.keys(TITLES).map(Number) as ProblemStatus[];
const isProblemStatus = (status: number): status is ProblemStatus => status in TITLES;

/** The status each error of core answers with. */
const STATUS_OF: Record<ErrorCode, ProblemStatus> = {
  invalid_query: 400,
  too_many_buckets: 400,
  query_too_large: 400,
  unknown_metric: 404,
  filter_locked: 403,
  invalid_definition: 422,
  invalid_fact: 422,
};

/** RFC 9457 problem details: the body of every error the API answers, and its OpenAPI schema. */
export const problemSchema = z
  .object({
    /** `https://kpikit.dev/problems/<what went wrong>`: core's error code, or the status's title. */
    type: z.string(),
    title: z.string(),
    status: z.literal(STATUSES as [ProblemStatus, ...ProblemStatus[]]),
    detail: z.string(),
    errors: z.array(z.record(z.string(), z.unknown())).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });
export type Problem = z.infer<typeof problemSchema>;

const typeOf = (what: string) => `https://kpikit.dev/problems/${what.toLowerCase().replace(/[^a-z]+/g, "-")}`;

/** The problem a caller's input caused, as core reported it. */
function problemOf(error: KpiError): Problem {
  return {
    type: typeOf(error.code),
    title: error.code.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()),
    status: STATUS_OF[error.code],
    detail: error.message,
    ...(error.issues.length ? { errors: error.issues.map((i) => ({ ...i })) } : {}),
  };
}

export function problemResponse(c: Context, body: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(body), body.status, { "Content-Type": "application/problem+json", ...headers });
}

export function problemBody(status: ProblemStatus, detail: string, errors?: readonly object[]): Problem {
  const title = TITLES[status];
  return { type: typeOf(title), title, status, detail, ...(errors ? { errors: errors.map((e) => ({ ...e })) } : {}) };
}

export function problem(
  c: Context,
  status: ProblemStatus,
  detail: string,
  extra: { errors?: readonly object[]; headers?: Record<string, string> } = {},
): Response {
  return problemResponse(c, problemBody(status, detail, extra.errors), extra.headers);
}

/** Thrown by handlers and middleware for a caller's error with a status of its own. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ProblemStatus,
    message: string,
    readonly errors?: readonly object[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * The problem an error stands for, with the headers its response carries: a caller's error (4xx),
 * a database that cannot serve for now or a query past its budget (503 with Retry-After), or a
 * fault of ours (500, logged; its detail never leaves the server).
 */
export function toProblem(err: unknown): { body: Problem; headers: Record<string, string> } {
  if (err instanceof KpiError) return { body: problemOf(err), headers: {} };
  if (err instanceof HttpProblem)
    return { body: problemBody(err.status, err.message, err.errors), headers: err.headers ?? {} };
  if (err instanceof QueryTimeoutError) {
    console.warn(`kpikit: ${err.message}`);
    return { body: problemBody(503, err.message), headers: { "Retry-After": "2" } };
  }
  if (err instanceof StoreUnavailableError) {
    console.warn("kpikit: database unavailable:", (err.cause as Error | undefined)?.message ?? err.cause);
    return { body: problemBody(503, err.message), headers: { "Retry-After": "1" } };
  }
  const status = (err as { status?: unknown }).status;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const known = isProblemStatus(status) ? status : 400;
    return { body: problemBody(known, (err as Error).message || TITLES[known]), headers: {} };
  }
  console.error("kpikit: unexpected error", err);
  return { body: problemBody(500, "something went wrong on our side; the request can be retried"), headers: {} };
}

export const onError: ErrorHandler = (err, c) => {
  const { body, headers } = toProblem(err);
  return problemResponse(c, body, headers);
};

export const notFound: NotFoundHandler = (c) =>
  problem(c, 404, `there is no ${c.req.method} ${new URL(c.req.url).pathname}`);
