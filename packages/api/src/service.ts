// The API's logic between thin handlers and core: which KPIs a tenant has (the catalog plus its
// own definitions), which a credential may read, and cached results keyed by everything that can
// change them (tenant, data version, the credential's locked filters, the query, the minute).
import { catalog, MetricRegistry, parseQuery, type Query, runQuery, type Result, type RunOptions } from "@kpikit/core";
import { assertMetricAllowed } from "./auth/authenticate.js";
import type { Auth } from "./context.js";
import type { Store } from "./store/types.js";

const BUILT_IN = MetricRegistry.of(catalog);

export interface Cached {
  etag: string;
  body: string;
}

/** FNV-1a, 53 bits: a fast, stable fingerprint for ETags (not a security boundary). */
function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return ((h2 >>> 0) * 0x200000 + ((h1 >>> 0) & 0x1fffff)).toString(36);
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

export interface ServiceOptions {
  /** The clock; queries that give no `now` use it, rounded down to the minute. */
  now?: () => number;
  cacheSize?: number;
}

export class KpiService {
  private readonly registries = new Lru<MetricRegistry>(1000);
  private readonly results: Lru<Cached>;
  private readonly clock: () => number;

  constructor(
    readonly store: Store,
    options: ServiceOptions = {},
  ) {
    this.clock = options.now ?? Date.now;
    this.results = new Lru(options.cacheSize ?? 5000);
  }

  /** The current time at minute resolution, so identical queries within a minute share a result. */
  now(): number {
    return Math.floor(this.clock() / 60_000) * 60_000;
  }

  /** The tenant's KPIs: the catalog with its own definitions layered on top. */
  async registry(tenantId: string, version?: string): Promise<MetricRegistry> {
    const v = version ?? (await this.store.dataVersion(tenantId));
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

  /** Validates a query and checks the credential may read its KPI (before anything is computed). */
  authorize(auth: Auth, input: unknown): Query {
    const query = parseQuery(input);
    assertMetricAllowed(auth, query.metric);
    return query;
  }

  private async options(auth: Auth, version: string): Promise<RunOptions> {
    return {
      registry: await this.registry(auth.tenant.id, version),
      timeZone: auth.tenant.timeZone,
      currency: auth.tenant.currency,
      now: this.now(),
      ...(auth.lockedFilters ? { lockedFilters: auth.lockedFilters } : {}),
    };
  }

  /** The ETag a query's result has now: cheap, so a 304 can be answered without computing. */
  async etag(auth: Auth, query: Query): Promise<{ etag: string; key: string; version: string }> {
    const version = await this.store.dataVersion(auth.tenant.id);
    const key = JSON.stringify([auth.tenant.id, version, auth.tenant.timeZone, auth.lockedFilters ?? null, query, query.now === undefined ? this.now() : null]);
    return { etag: `W/"${fingerprint(key)}"`, key, version };
  }

  /** A query's result as JSON text, computed once per cache key. */
  async result(auth: Auth, query: Query, tag?: { etag: string; key: string; version: string }): Promise<Cached> {
    const { etag, key, version } = tag ?? (await this.etag(auth, query));
    const hit = this.results.get(key);
    if (hit) return hit;
    const result: Result = await runQuery(this.store.engine(auth.tenant.id), query, await this.options(auth, version));
    const cached = { etag, body: JSON.stringify(result) };
    this.results.set(key, cached);
    return cached;
  }

  /** The SQL a query runs on this store. */
  async explain(auth: Auth, query: Query) {
    if (!this.store.explain) return undefined;
    const version = await this.store.dataVersion(auth.tenant.id);
    return this.store.explain(auth.tenant.id, query, await this.options(auth, version));
  }
}
