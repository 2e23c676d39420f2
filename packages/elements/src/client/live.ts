// Following a query over server-sent events, for widgets with `live` only: the data client imports
// this module when the first of them asks. What the client also uses (tokens, its error class, the
// check of a result) it lends, so that nothing here is imported by both: a bundler would move such code
// into a chunk of its own, which every page would then load.
import type { QueryInput, Result } from "@kpikit/core";
import { searchParamsOf } from "@kpikit/core/query/params";
import type { KpiRequestError } from "./errors.js";
import type { AnswerFault } from "./is-result.js";
import { SseParser } from "./sse.js";

/** What the client lends a stream. */
export interface Follower {
  endpoint: string;
  query: QueryInput;
  /** Stops following, at once or at the next reconnection. */
  signal: AbortSignal;
  /** Sends a request with the credential. */
  open(url: string): Promise<Response>;
  /** What keeps a value from being the query's result (is-result.ts); undefined when nothing does. */
  fault(query: QueryInput, result: unknown): AnswerFault | undefined;
  RequestError: typeof KpiRequestError;
  /** A result arrived. */
  update(result: Result): void;
  /** A connection failed or broke. */
  failed(error: unknown): void;
}

/** Waits `ms`, or less if `signal` aborts first. */
const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Reads one stream after another until `signal` aborts, with a backoff between connections that
 * resets once a result arrives (the API closes streams when tokens expire). Never rejects.
 */
export async function follow(follower: Follower): Promise<void> {
  const { endpoint, query, signal, open, fault, RequestError, update, failed } = follower;
  const { metric, ...rest } = query;
  const url = `${endpoint}/v1/metrics/${encodeURIComponent(metric)}/stream?${searchParamsOf(rest as QueryInput)}`;
  /** A `result` event's data; throwing drops the connection. */
  const take = async (data: string) => {
    let result: unknown;
    try {
      result = JSON.parse(data);
    } catch {
      throw new RequestError("The KPI service sent a live update that is not valid JSON", 200);
    }
    const why = fault(query, result);
    // Its words are problems.ts's, as the client's for a batch's answer (loaded with the first).
    if (why !== undefined) throw (await import("./problems.js")).unusableResult(query, result, why, RequestError, true);
    update(result as Result);
  };
  let backoff = 1_000;
  while (!signal.aborted) {
    try {
      const response = await open(url);
      if (!response.ok || !response.body)
        throw await (await import("./refusal.js")).errorOfResponse(response, RequestError);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        for (const event of parser.push(chunk.value)) {
          if (event.event !== "result") continue;
          await take(event.data);
          backoff = 1_000;
        }
      }
    } catch (e) {
      if (signal.aborted) return;
      failed(e);
    }
    await pause(backoff, signal);
    backoff = Math.min(backoff * 2, 30_000);
  }
}
