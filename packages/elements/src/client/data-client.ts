// One data client per page and endpoint: every widget's query within a tick goes out as one
// POST /v1/query; identical queries are sent once; answers are cached; live updates come over SSE
// (from a module loaded when the first widget asks for them).
import type { QueryInput, Result } from "@kpikit/core";
import { CLIENT_TIMEOUT_MS, MAX_BATCH_QUERIES } from "@kpikit/core/query/limits";
import type { Credentials } from "./credentials.js";
import { asRequestError, KpiRequestError } from "./errors.js";
import { answerFault } from "./is-result.js";
import type { Lent, Stream } from "./live.js";

export interface ClientOptions {
  /** The fetch to use (tests and service workers may pass their own). */
  fetch?: typeof fetch;
  /**
   * A request that takes longer fails with a timeout error. Default 30 s: past the longest the API
   * takes to answer (a 503 with Retry-After when busy), so that its answer comes first.
   */
  timeoutMs?: number;
  /** How long an answer is served from the cache without asking again. Default 30 s. */
  maxAgeMs?: number;
  /** Retries of a 429 or 503, each after the server's Retry-After (at most 10 s). Default 2. */
  retries?: number;
}

export interface CachedResult {
  result: Result;
  /** When the answer arrived (ms since epoch). */
  at: number;
}

export interface LiveListener {
  result(result: Result): void;
  error(error: KpiRequestError): void;
}

interface Waiter {
  query: QueryInput;
  resolve(result: Result): void;
  reject(error: KpiRequestError): void;
}

/**
 * Answers one JSON line each, as soon as each is ready: asked for by a batch of several queries, so
 * that a widget whose KPI is ready shows it while slower ones compute. Their reader (lines.ts) loads
 * with the first such answer; a page of one widget never needs it.
 */
const NDJSON = "application/x-ndjson";

/** How long a batch's queries the API was too busy for wait before they are asked again (its 503s ask 1–2 s). */
const BUSY_RETRY_MS = 2_000;

/** Whether a batch's refusal of one query (a problem) says the API was busy: asking again can help. */
const isBusy = (problem: unknown) => {
  const status = (problem as { status?: unknown } | null)?.status;
  return status === 503 || status === 429;
};

const credentialIds = new WeakMap<Credentials, number>();
let nextCredentialId = 1;

/** A stable key for a query and the credential it is read with. */
function keyOf(query: QueryInput, credentials: Credentials): string {
  let id = credentialIds.get(credentials);
  if (id === undefined) credentialIds.set(credentials, (id = nextCredentialId++));
  const sorted = Object.keys(query)
    .sort()
    .map((k) => [k, query[k as keyof QueryInput]]);
  return `${id}|${JSON.stringify(sorted)}`;
}

/** What the API says when it refuses (loaded with the first refusal). */
const refusal = () => import("./refusal.js");
/** What the developer is told of an answer this client cannot use (loaded with the first). */
const problems = () => import("./problems.js");
/**
 * Live updates, while they load (when the first widget asks): one promise for every subscription,
 * so that those made together join their stream in their order, before it delivers anything.
 */
let streaming: Promise<typeof import("./live.js")> | undefined;

export class KpiClient {
  static readonly #clients = new Map<string, KpiClient>();

  /** The page's client for an endpoint: widgets that share an endpoint share one client. */
  static for(endpoint: string, options?: ClientOptions): KpiClient {
    const key = endpoint.replace(/\/+$/, "");
    let client = KpiClient.#clients.get(key);
    if (!client) KpiClient.#clients.set(key, (client = new KpiClient(key, options)));
    return client;
  }

  readonly endpoint: string;
  /** Requests sent so far (batches and streams), for diagnostics and tests. */
  requests = 0;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #maxAgeMs: number;
  readonly #retries: number;
  readonly #queued = new Map<Credentials, Map<string, Waiter[]>>();
  readonly #inflight = new Map<string, Promise<Result>>();
  readonly #cache = new Map<string, CachedResult>();
  readonly #streams = new Map<string, Stream>();
  #flushScheduled = false;

  constructor(endpoint: string, options: ClientOptions = {}) {
    this.endpoint = endpoint.replace(/\/+$/, "");
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? CLIENT_TIMEOUT_MS;
    this.#maxAgeMs = options.maxAgeMs ?? 30_000;
    this.#retries = options.retries ?? 2;
  }

  /** The last answer to a query, however old (widgets show it as stale when a refresh fails). */
  cached(query: QueryInput, credentials: Credentials): CachedResult | undefined {
    return this.#cache.get(keyOf(query, credentials));
  }

  /** A query's result: from the cache while fresh (unless `force`), else from the next batch. */
  query(query: QueryInput, credentials: Credentials, { force = false } = {}): Promise<Result> {
    const key = keyOf(query, credentials);
    const hit = this.#cache.get(key);
    if (!force && hit && Date.now() - hit.at < this.#maxAgeMs) return Promise.resolve(hit.result);
    const running = this.#inflight.get(key);
    if (running) return running;
    const promise = new Promise<Result>((resolve, reject) => {
      let group = this.#queued.get(credentials);
      if (!group) this.#queued.set(credentials, (group = new Map()));
      const waiters = group.get(key) ?? [];
      waiters.push({ query, resolve, reject });
      group.set(key, waiters);
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        queueMicrotask(() => this.#flush());
      }
    }).finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, promise);
    return promise;
  }

  /** Forgets cached answers, so the next queries ask the API again. */
  clear(): void {
    this.#cache.clear();
  }

  #flush(): void {
    this.#flushScheduled = false;
    const groups = [...this.#queued];
    this.#queued.clear();
    for (const [credentials, entries] of groups) {
      const all = [...entries];
      for (let i = 0; i < all.length; i += MAX_BATCH_QUERIES)
        void this.#send(credentials, all.slice(i, i + MAX_BATCH_QUERIES));
    }
  }

  async #send(credentials: Credentials, entries: [string, Waiter[]][], attempt = 0): Promise<void> {
    const open = new Set(entries.keys());
    const busy: [string, Waiter[]][] = [];
    const answer = (index: number, item: unknown) => {
      // An index out of range, or answered already, is no answer to anything.
      if (!open.delete(index)) return;
      const [key, waiters] = entries[index]!;
      const query = waiters[0]!.query;
      // A refused query, or a result it cannot use: their words load with the first of each.
      const refused = item && typeof item === "object" && "error" in item;
      // One the API was too busy for (no turn to compute, or past its budget) is asked again, as a
      // whole batch refused so is: with the others of its batch that were, after a moment.
      if (refused && attempt < this.#retries && isBusy(item.error)) {
        busy.push(entries[index]!);
        return;
      }
      const fault = refused ? undefined : answerFault(query, item);
      const error = refused
        ? refusal().then(({ errorOfProblem }) => errorOfProblem(item.error, KpiRequestError))
        : fault !== undefined
          ? problems().then(({ unusableResult }) => unusableResult(query, item, fault, KpiRequestError))
          : undefined;
      if (error) {
        void error.catch(asRequestError).then((e) => {
          for (const w of waiters) w.reject(e);
        });
        return;
      }
      this.#cache.set(key, { result: item as Result, at: Date.now() });
      for (const w of waiters) w.resolve(item as Result);
    };
    const failOpen = (error: KpiRequestError) => {
      for (const index of open) for (const w of entries[index]![1]) w.reject(error);
      open.clear();
    };
    try {
      await this.#post(
        credentials,
        entries.map(([, waiters]) => waiters[0]!.query),
        answer,
      );
      if (open.size) failOpen((await problems()).cutShort(KpiRequestError));
    } catch (e) {
      failOpen(asRequestError(e));
    }
    if (!busy.length) return;
    await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
    await this.#send(credentials, busy, attempt + 1);
  }

  /**
   * One POST /v1/query, waiting out 429/503 a few times. Answers are handed to `answer` as they
   * arrive: line by line when the API streams them (NDJSON).
   */
  async #post(
    credentials: Credentials,
    queries: QueryInput[],
    answer: (index: number, item: unknown) => void,
  ): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const response = await this.#authorized(credentials, (authorization) =>
        this.#request(`${this.endpoint}/v1/query`, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Accept: queries.length > 1 ? `${NDJSON}, application/json` : "application/json",
            ...authorization,
          },
          body: JSON.stringify({ queries }),
        }),
      );
      if (!response.ok) {
        // Refused; asked again a few times after the API's wait when it is busy (refusal.ts).
        const error = await (await refusal()).afterRefusal(response, KpiRequestError, attempt < this.#retries);
        if (error) throw error;
        continue;
      }
      if (response.headers.get("content-type")?.startsWith(NDJSON) && response.body)
        return (await import("./lines.js")).readLines(response.body, answer, KpiRequestError);
      const body = await this.#json(response);
      const results = (body as { results?: unknown } | null)?.results;
      if (!Array.isArray(results) || results.length !== queries.length) {
        throw (await problems()).unreadable(response.status, KpiRequestError);
      }
      for (const [index, item] of results.entries()) answer(index, item);
      return;
    }
  }

  /** A request with the credential's token, sent once more with a renewed token if refused (401). */
  async #authorized(
    credentials: Credentials,
    send: (authorization: Record<string, string>) => Promise<Response>,
  ): Promise<Response> {
    for (let renewed = false; ; renewed = true) {
      // A tokenProvider that failed (renewal.ts says so) becomes an error of no response, which may pass.
      const token = await credentials.current();
      const response = await send(token ? { Authorization: `Bearer ${token}` } : {});
      if (response.status !== 401 || !credentials.tokenProvider || renewed) return response;
      await credentials.renew().catch(() => undefined);
    }
  }

  /** fetch with a timeout; a network failure or timeout becomes a KpiRequestError. */
  async #request(url: string, init: RequestInit): Promise<Response> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    this.requests++;
    try {
      return await this.#fetch(url, { ...init, signal: timeout });
    } catch {
      if (timeout.aborted)
        throw new KpiRequestError(`The KPI service did not answer within ${Math.round(this.#timeoutMs / 1000)} s`, 0);
      throw new KpiRequestError(`The KPI service at ${this.endpoint} could not be reached`, 0);
    }
  }

  async #json(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      throw (await problems()).notJson(response.status, KpiRequestError);
    }
  }

  /**
   * Live updates of a query over SSE; identical subscriptions share one stream. The stream
   * reconnects with backoff when it closes or fails (the API closes streams when tokens expire).
   * Returns the function that unsubscribes. Streams are live.ts's, which loads when the first
   * widget asks for one; a subscription dropped before it arrived opens none.
   */
  live(query: QueryInput, credentials: Credentials, listener: LiveListener): () => void {
    const lent: Lent = {
      endpoint: this.endpoint,
      query,
      streams: this.#streams,
      cache: this.#cache,
      open: (url, signal) =>
        this.#authorized(credentials, (authorization) => {
          this.requests++;
          return this.#fetch(url, { headers: { Accept: "text/event-stream", ...authorization }, signal });
        }),
      fault: answerFault,
      RequestError: KpiRequestError,
      asRequestError,
    };
    let stop: (() => void) | undefined;
    let stopped = false;
    (streaming ??= import("./live.js")).then(
      ({ listen }) => {
        if (!stopped) stop = listen(lent, keyOf(query, credentials), listener);
      },
      (e) => {
        streaming = undefined; // the next subscription asks again
        listener.error(asRequestError(e));
      },
    );
    return () => {
      stopped = true;
      stop?.();
    };
  }
}
