// Following a query over server-sent events, for widgets with `live` only: the data client imports
// this module when the first of them asks, and its streams are kept here, one per query and
// credential, shared by their listeners. What the client also uses (its streams and cache, tokens,
// its error class, the check of a result) it lends, so that nothing here is imported by both: a
// bundler would move such code into a chunk of its own, which every page would then load.
import type { QueryInput, Result } from "@kpikit/core";
import { searchParamsOf } from "@kpikit/core/query/params";
import type { asRequestError, KpiRequestError } from "./errors.js";
import type { AnswerFault } from "./is-result.js";
import { SseParser } from "./sse.js";

/** What the client lends a query's stream. */
export interface Lent {
  endpoint: string;
  query: QueryInput;
  /** The client's streams, by query and credential. */
  streams: Map<string, Stream>;
  /** The client's cache (CachedResult), which a live result updates. */
  cache: Map<string, { result: Result; at: number }>;
  /** Opens a stream with the credential (renewed when refused), counted among the client's requests. */
  open(url: string, signal: AbortSignal): Promise<Response>;
  /** What keeps a value from being the query's result (is-result.ts); undefined when nothing does. */
  fault(query: QueryInput, result: unknown): AnswerFault | undefined;
  RequestError: typeof KpiRequestError;
  asRequestError: typeof asRequestError;
}

/** What hears a query's stream (the client's LiveListener). */
interface Listener {
  result(result: Result): void;
  error(error: KpiRequestError): void;
}

/** A query's stream: its listeners, and what closes it. */
export interface Stream {
  listeners: Set<Listener>;
  stop: AbortController;
}

/**
 * Adds a listener to the stream of a query (`key`: its cache key), which the first opens; returns
 * the function that removes it, which closes the stream with the last.
 */
export function listen(lent: Lent, key: string, listener: Listener): () => void {
  const { streams } = lent;
  let stream = streams.get(key);
  if (!stream) {
    stream = { listeners: new Set(), stop: new AbortController() };
    streams.set(key, stream);
    void follow(lent, key, stream);
  }
  stream.listeners.add(listener);
  return () => {
    const s = streams.get(key);
    if (!s) return;
    s.listeners.delete(listener);
    if (s.listeners.size === 0) {
      s.stop.abort();
      streams.delete(key);
    }
  };
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
async function follow(lent: Lent, key: string, { listeners, stop: { signal } }: Stream): Promise<void> {
  const { endpoint, query, open, fault, RequestError } = lent;
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
    lent.cache.set(key, { result: result as Result, at: Date.now() });
    for (const l of listeners) l.result(result as Result);
  };
  let backoff = 1_000;
  while (!signal.aborted) {
    try {
      const response = await open(url, signal);
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
      const error = lent.asRequestError(e);
      for (const l of listeners) l.error(error);
    }
    await pause(backoff, signal);
    backoff = Math.min(backoff * 2, 30_000);
  }
}
