// Every error is application/problem+json (RFC 9457) with a message written for whoever sent
// the request. Errors of the caller are 4xx; a 5xx means a fault of ours or of the database.
import { type Issue, KpiError, problemOf, type Problem } from "@kpikit/core";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { QueryTimeoutError, StoreUnavailableError } from "./store/unavailable.js";

const TITLES: Record<number, string> = {
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
};

export function problemResponse(c: Context, body: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, { "Content-Type": "application/problem+json", ...headers });
}

export function problemBody(status: number, detail: string, errors?: readonly object[]): Problem {
  const title = TITLES[status] ?? "Error";
  return {
    type: `https://kpikit.dev/problems/${title.toLowerCase().replace(/[^a-z]+/g, "-")}`,
    title,
    status,
    detail,
    ...(errors ? { errors: errors as Issue[] } : {}),
  };
}

export function problem(c: Context, status: number, detail: string, extra: { errors?: readonly object[]; headers?: Record<string, string> } = {}): Response {
  return problemResponse(c, problemBody(status, detail, extra.errors), extra.headers);
}

/** Thrown by handlers and middleware for a caller's error with a status of its own. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
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
  if (err instanceof HttpProblem) return { body: problemBody(err.status, err.message, err.errors), headers: err.headers ?? {} };
  if (err instanceof QueryTimeoutError) {
    console.warn(`kpikit: ${err.message}`);
    return { body: problemBody(503, err.message), headers: { "Retry-After": "2" } };
  }
  if (err instanceof StoreUnavailableError) {
    console.warn("kpikit: database unavailable:", (err.cause as Error | undefined)?.message ?? err.cause);
    return { body: problemBody(503, err.message), headers: { "Retry-After": "1" } };
  }
  const status = (err as { status?: unknown }).status;
  if (typeof status === "number" && status >= 400 && status < 500) return { body: problemBody(status, (err as Error).message || TITLES[status] || "Bad request"), headers: {} };
  console.error("kpikit: unexpected error", err);
  return { body: problemBody(500, "something went wrong on our side; the request can be retried"), headers: {} };
}

export const onError: ErrorHandler = (err, c) => {
  const { body, headers } = toProblem(err);
  return problemResponse(c, body, headers);
};

export const notFound: NotFoundHandler = (c) => problem(c, 404, `there is no ${c.req.method} ${new URL(c.req.url).pathname}`);
