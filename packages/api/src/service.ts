// The API's logic between thin handlers and core: which KPIs a tenant has (the catalog plus its
// own definitions), which a credential may read, and cached results keyed by everything that can
// change them (tenant, data version, the credential's locked filters, the query, the minute).
import { catalog, hash53, MetricRegistry, type Query, runQuery, type Result, type RunOptions } from "@kpikit/core";
import { assertMetricAllowed } from "./auth/authenticate.js";
import type { Auth } from "./context.js";
import type { Store } from "./store/types.js";
import { QueryTimeoutError } from "./store/unavailable.js";

const BUILT_IN = MetricRegistry.of(catalog);

export interface Cached {
  etag: string;
  body: string;
}

class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}

/** How long a KPI may take to compute before it is stopped and answered 503 (well within a widget's 15 s). */
export const DEFAULT_QUERY_TIMEOUT_MS = 8_000;

export interface ServiceOptions {
  /** The clock; queries that give no `now` run up to its time (their results are cached by the minute). */
  now?: () => number;
  cacheSize?: number;
  /** A KPI's time budget, in ms (default 8000). */
  queryTimeoutMs?: number;
}

/** How long a tenant's data version is trusted before it is read again (for other writers). */
const VERSION_TTL_MS = 1_000;

export class KpiService {
  private readonly registries = new Lru<MetricRegistry>(1000);
  private readonly results: Lru<Cached>;
  private readonly queries = new Lru<Query>(2000);
  private readonly versions = new Map<string, { version: string; until: number }>();
  private readonly watched = new Set<string>();
  /** Queries as text, for cache keys; queries parsed from URLs are reused objects. */
  private readonly queryText = new WeakMap<Query, string>();
  /** Results being computed, by cache key: identical queries arriving meanwhile wait for the same one. */
  private readonly computing = new Map<string, Promise<Cached>>();
  private readonly clock: () => number;
  private readonly queryTimeoutMs: number;

  constructor(
    readonly store: Store,
    options: ServiceOptions = {},
  ) {
    this.clock = options.now ?? Date.now;
    this.results = new Lru(options.cacheSize ?? 5000);
    this.queryTimeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  }

  /**
   * The tenant's data version. This process's own writes replace it at once (the store's change
   * feed); writes by other processes or isolates are seen within VERSION_TTL_MS.
   */
  async version(tenantId: string): Promise<string> {
    const now = Date.now();
    const known = this.versions.get(tenantId);
    if (known && known.until > now) return known.version;
    if (!this.watched.has(tenantId)) {
      this.watched.add(tenantId);
      this.store.onChange(tenantId, () => this.versions.delete(tenantId));
    }
    const version = await this.store.dataVersion(tenantId);
    this.versions.set(tenantId, { version, until: now + VERSION_TTL_MS });
    return version;
  }

  /** A query from URL parameters, parsed once per distinct URL. */
  queryFromUrl(metric: string, search: string, parse: () => Query): Query {
    const key = `${metric}?${search}`;
    let query = this.queries.get(key);
    if (!query) this.queries.set(key, (query = parse()));
    return query;
  }

  /** The current minute: identical queries within it share a result while the data is unchanged. */
  minute(): number {
    return Math.floor(this.clock() / 60_000) * 60_000;
  }

  /** The tenant's KPIs: the catalog with its own definitions layered on top. */
  async registry(tenantId: string, version?: string): Promise<MetricRegistry> {
    const v = version ?? (await this.version(tenantId));
    const key = `${tenantId}|${v}`;
    let registry = this.registries.get(key);
    if (!registry) {
      const own = await this.store.listDefinitions(tenantId);
      registry = own.length ? BUILT_IN.with(own) : BUILT_IN;
      this.registries.set(key, registry);
    }
    return registry;
  }

  builtIn(): MetricRegistry {
    return BUILT_IN;
  }

  /**
   * Checks the query's KPI exists and the credential may read it, before anything is computed: an
   * unknown KPI is a 404 whatever the credential, so that a typo is never reported as a refusal.
   */
  async authorize(auth: Auth, query: Query): Promise<Query> {
    (await this.registry(auth.tenant.id)).require(query.metric);
    assertMetricAllowed(auth, query.metric);
    return query;
  }

  private async options(auth: Auth, version: string): Promise<RunOptions> {
    return {
      registry: await this.registry(auth.tenant.id, version),
      timeZone: auth.tenant.timeZone,
      currency: auth.tenant.currency,
      // Computed up to this very instant, not the minute's start: a fact placed seconds ago must
      // move a live widget at once. Its ingest changed the data version, so no cached result from
      // earlier in the minute can hide it.
      now: this.clock(),
      ...(auth.lockedFilters ? { lockedFilters: auth.lockedFilters } : {}),
    };
  }

  /** The ETag a query's result has now: cheap, so a 304 can be answered without computing. */
  async etag(auth: Auth, query: Query): Promise<{ etag: string; key: string; version: string }> {
    const version = await this.version(auth.tenant.id);
    let text = this.queryText.get(query);
    if (text === undefined) this.queryText.set(query, (text = JSON.stringify(query)));
    const scope = auth.lockedFilters ? JSON.stringify(auth.lockedFilters) : "";
    const key = `${auth.tenant.id}|${version}|${auth.tenant.timeZone}|${auth.tenant.currency}|${scope}|${query.now === undefined ? this.minute() : ""}|${text}`;
    return { etag: `W/"${hash53(key)}"`, key, version };
  }

  /** A query's result as JSON text, computed once per cache key (and once while it computes). */
  async result(auth: Auth, query: Query, tag?: { etag: string; key: string; version: string }): Promise<Cached> {
    const { etag, key, version } = tag ?? (await this.etag(auth, query));
    const hit = this.results.get(key);
    if (hit) return hit;
    let running = this.computing.get(key);
    if (!running) {
      running = this.compute(auth, query, version).then((body) => {
        const cached = { etag, body };
        this.results.set(key, cached);
        return cached;
      });
      this.computing.set(key, running);
      void running.finally(() => this.computing.delete(key)).catch(() => undefined);
    }
    return running;
  }

  /** Runs a query within its time budget: past it, the engine is told to stop and the caller gets a QueryTimeoutError. */
  private async compute(auth: Auth, query: Query, version: string): Promise<string> {
    const options = await this.options(auth, version);
    const budget = this.queryTimeoutMs;
    if (!(budget > 0 && Number.isFinite(budget))) return JSON.stringify(await runQuery(this.store.engine(auth.tenant.id), query, options));
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(new QueryTimeoutError(query.metric, budget)), budget);
    // An engine that cannot stop (in memory, D1) is not waited for past the budget either.
    const timedOut = new Promise<never>((_, reject) => stop.signal.addEventListener("abort", () => reject(stop.signal.reason), { once: true }));
    try {
      const result: Result = await Promise.race([runQuery(this.store.engine(auth.tenant.id), query, { ...options, signal: stop.signal }), timedOut]);
      return JSON.stringify(result);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The SQL a query runs on this store. */
  async explain(auth: Auth, query: Query) {
    if (!this.store.explain) return undefined;
    const version = await this.version(auth.tenant.id);
    return this.store.explain(auth.tenant.id, query, await this.options(auth, version));
  }
}
