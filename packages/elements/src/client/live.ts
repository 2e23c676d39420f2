// Following a query over server-sent events, for widgets with `live` only: the data client imports
// this module when the first of them asks. What a response means (tokens, errors, results) stays
// with the client, so that nothing here is imported by both: a bundler would move such code into a
// chunk of its own, which every page would then load.
import { SseParser } from "./sse.js";

export interface Follower {
  /** Stops following, at once or at the next reconnection. */
  signal: AbortSignal;
  /** Opens a new connection: the stream's body, or throws why it could not. */
  connect(): Promise<NonNullable<Response["body"]>>;
  /** Takes a `result` event's data; true if it was a result. Throwing drops the connection. */
  update(data: string): boolean;
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
export async function follow({ signal, connect, update, failed }: Follower): Promise<void> {
  let backoff = 1_000;
  while (!signal.aborted) {
    try {
      const reader = (await connect()).pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        for (const event of parser.push(chunk.value))
          if (event.event === "result" && update(event.data)) backoff = 1_000;
      }
    } catch (e) {
      if (signal.aborted) return;
      failed(e);
    }
    await pause(backoff, signal);
    backoff = Math.min(backoff * 2, 30_000);
  }
}
