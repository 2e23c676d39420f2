// The API's logic between thin handlers and core: which KPIs a tenant has (the catalog plus its
// own definitions), which a credential may read, and cached results keyed by everything that can
// change them (tenant, the data version of what the KPI reads, the credential's locked filters, the query, the minute).
import {
  catalog,
  type CompiledMetric,
  compileDefinition,
  DEFAULT_QUERY_TIMEOUT_MS,
  type Definition,
  type DefinitionInput,
  hash53,
  MAX_TURN_WAIT_MS,
  type MeasureResults,
  MetricRegistry,
  parseQuery,
  planQuery,
  type PreparedQuery,
  type Query,
  type Result,
  type RunOptions,
  storedFact,
} from "@kpikit/core";
import { assertMetricAllowed } from "./auth/authenticate.js";
import type { Auth } from "./context.js";
import type { DataVersions, Store } from "./store/types.js";
import { QueryTimeoutError } from "./store/unavailable.js";
import { cachedOnce, Lru } from "./lru.js";
import { Turns } from "./turns.js";

const BUILT_IN = MetricRegistry.of(catalog);

export interface Cached {
  etag: string;
  body: string;
}

/** Room for computed results: 64 MB of JSON text (two bytes a character at most). */
const RESULTS_MAX_BYTES = 64 * 1024 * 1024;
/** Measures kept for a result's other locales: asked within moments of the first, so a few hundred do. */
const MEASURES_KEPT = 500;

export interface ServiceOptions {
  /** The clock; queries that give no `now` run up to its time (their results are cached by the minute). */
  now?: () => number;
  cacheSize?: number;
  /** A KPI's time budget, in ms (default 8000), counted from its turn to compute. */
  queryTimeoutMs?: number;
  /** KPIs computing at once (default 8); the others wait for a turn, at most 20 s. */
  concurrentQueries?: number;
}

/** How long a tenant's data versions are trusted before they are read again (for other writers). */
const VERSION_TTL_MS = 1_000;

/** What a query's result is built from, shared by the queries that differ only in their locale. */
interface Measured {
  prepared: PreparedQuery;
  results: MeasureResults;
}

/**
 * A query's cache identity: its ETag, its result's key, the key of its measures, its KPI's data
 * version, and the tenant's versions it was read from (its result is computed with their KPIs).
 */
export interface Tag {
  etag: string;
  key: string;
  shared: string;
  version: number;
  versions: DataVersions;
}

/** A definition as it would be stored, and the tenant's KPIs with it. */
export interface CheckedDefinition {
  /** As sent, with its version: one past that of the KPI it replaces (the tenant's, or the built-in one). */
  stored: DefinitionInput;
  compiled: CompiledMetric;
  /** Whether it replaces one of the tenant's own definitions. */
  replaces: boolean;
  registry: MetricRegistry;
}

/** The SQL statement a query runs, and on which store. */
export interface Explained {
  metric: string;
  dialect: string;
  sql: string;
  params: readonly unknown[];
}

/** What a definition would show, computed without storing it. */
export interface Preview {
  definition: Definition;
  result: Result;
  /** The statement the query would run; null on a store that computes in memory. */
  sql: Explained | null;
}

/** The newest change to anything a KPI reads: its facts, and the tenant's settings, definitions and targets. */
function versionOf(versions: DataVersions, metric: CompiledMetric): number {
  let version = versions.parts.settings ?? 0;
  for (const fact of metric.facts) version = Math.max(version, versions.parts[storedFact(fact)] ?? 0);
  return version;
}

export class KpiService {
  private readonly registries = new Lru<MetricRegistry>(1000);
  private readonly results: Lru<Cached>;
  private readonly measures: Lru<Measured>;
  private readonly queries = new Lru<Query>(2000);
  private readonly versionCache = new Map<string, { versions: DataVersions; until: number }>();
  private readonly watched = new Set<string>();
  /** Queries as text without their locale, for cache keys; queries parsed from URLs are reused objects. */
  private readonly queryText = new WeakMap<Query, string>();
  /**
   * Results being built and measures being computed, by key: identical queries arriving meanwhile
   * (for measures, in any locale) wait for the same work.
   */
  private readonly answering = new Map<string, Promise<Cached>>();
  private readonly measuring = new Map<string, Promise<Measured>>();
  private readonly clock: () => number;
  private readonly queryTimeoutMs: number;
  private readonly turns: Turns;

  constructor(
    readonly store: Store,
    options: ServiceOptions = {},
  ) {
    this.clock = options.now ?? Date.now;
    this.results = new Lru<Cached>(options.cacheSize ?? 5000, (c) => c.body.length * 2, RESULTS_MAX_BYTES);
    this.measures = new Lru(Math.min(options.cacheSize ?? 5000, MEASURES_KEPT));
    this.queryTimeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
    this.turns = new Turns(options.concurrentQueries ?? 8, MAX_TURN_WAIT_MS);
  }

  /**
   * The tenant's data versions. This process's own writes replace them at once (the store's change
   * feed); writes by other processes or isolates are seen within VERSION_TTL_MS.
   */
  async versions(tenantId: string): Promise<DataVersions> {
    const now = Date.now();
    const known = this.versionCache.get(tenantId);
    if (known && known.until > now) return known.versions;
    if (!this.watched.has(tenantId)) {
      this.watched.add(tenantId);
      this.store.onChange(tenantId, () => this.versionCache.delete(tenantId));
    }
    const versions = await this.store.versions(tenantId);
    this.versionCache.set(tenantId, { versions, until: now + VERSION_TTL_MS });
    return versions;
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
  async registry(tenantId: string, versions?: DataVersions): Promise<MetricRegistry> {
    const key = `${tenantId}|${(versions ?? (await this.versions(tenantId))).parts.settings ?? 0}`;
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

  /** The API's clock, in epoch ms: the time written changes are recorded at. */
  now(): number {
    return this.clock();
  }

  /**
   * Checks a definition of the tenant's as it would be stored (PUT /v1/definitions/:id and its
   * preview): its version set, compiled against the catalog and the tenant's other KPIs, and every
   * one of the tenant's compiled again with it, so that a change cannot break a dependent. A bad one
   * throws core's KpiError, whose issues name the bad part.
   */
  async checkDefinition(tenantId: string, input: DefinitionInput): Promise<CheckedDefinition> {
    const own = await this.store.listDefinitions(tenantId);
    const previous = own.find((d) => d.id === input.id) ?? BUILT_IN.get(input.id)?.definition;
    const stored = { ...input, version: input.version ?? (previous ? (previous.version ?? 1) + 1 : 1) };
    const registry = BUILT_IN.with([...own.filter((d) => d.id !== input.id), stored]);
    const compiled = compileDefinition(stored, (ref) => registry.get(ref));
    for (const d of own) registry.require(d.id);
    return { stored, compiled, replaces: own.some((d) => d.id === input.id), registry };
  }

  /**
   * A query's result and SQL with a definition the tenant has not stored, checked as a stored one
   * is and computed as its result would be (planned by core, in a turn, within the time budget),
   * with the tenant's KPIs and it. `query` is a query's fields but its metric: the definition's id.
   * Nothing is cached: each preview is of a definition that may never be asked for again.
   */
  async preview(auth: Auth, input: DefinitionInput, query: Record<string, unknown>): Promise<Preview> {
    const { compiled, registry } = await this.checkDefinition(auth.tenant.id, input);
    const parsed = parseQuery({ ...query, metric: compiled.definition.id });
    const versions = await this.versions(auth.tenant.id);
    const { prepared, results } = await this.turns.run(() => this.measure(auth, parsed, registry));
    return {
      definition: compiled.definition,
      result: prepared.finish(results, String(versionOf(versions, compiled)), parsed.locale),
      sql: (await this.explain(auth, parsed, registry)) ?? null,
    };
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

  private options(auth: Auth, registry: MetricRegistry): RunOptions {
    return {
      registry,
      timeZone: auth.tenant.timeZone,
      currency: auth.tenant.currency,
      // Computed up to this very instant, not the minute's start: a fact placed seconds ago must
      // move a live widget at once. Its ingest changed the data version, so no cached result from
      // earlier in the minute can hide it.
      now: this.clock(),
      ...(auth.lockedFilters ? { lockedFilters: auth.lockedFilters } : {}),
    };
  }

  /**
   * The ETag a query's result has now: cheap, so a 304 can be answered without computing. It moves
   * only when something the KPI reads changes: an ingest of tickets leaves revenue's results cached.
   */
  async etag(auth: Auth, query: Query): Promise<Tag> {
    const versions = await this.versions(auth.tenant.id);
    const version = versionOf(versions, (await this.registry(auth.tenant.id, versions)).require(query.metric));
    let text = this.queryText.get(query);
    if (text === undefined) this.queryText.set(query, (text = JSON.stringify({ ...query, locale: undefined })));
    const scope = auth.lockedFilters ? JSON.stringify(auth.lockedFilters) : "";
    const { id, timeZone, currency } = auth.tenant;
    const minute = query.now === undefined ? this.minute() : "";
    const shared = `${id}|${version}|${timeZone}|${currency}|${scope}|${minute}|${text}`;
    const key = `${shared}|${query.locale ?? ""}`;
    return { etag: `W/"${hash53(key)}"`, key, shared, version, versions };
  }

  /**
   * A query's result as JSON text: its measures computed once per data version and minute, whatever
   * the locale.
   */
  async result(auth: Auth, query: Query, tag?: Tag): Promise<Cached> {
    const t = tag ?? (await this.etag(auth, query));
    return cachedOnce(this.results, this.answering, t.key, async () => {
      const { prepared, results } = await cachedOnce(this.measures, this.measuring, t.shared, async () => {
        const registry = await this.registry(auth.tenant.id, t.versions);
        return this.turns.run(() => this.measure(auth, query, registry));
      });
      return { etag: t.etag, body: JSON.stringify(prepared.finish(results, String(t.version), query.locale)) };
    });
  }

  /**
   * Plans a query (in no locale) and computes its measures within the time budget: past it, the
   * engine is told to stop and the caller gets a QueryTimeoutError.
   */
  private async measure(auth: Auth, query: Query, registry: MetricRegistry): Promise<Measured> {
    // Parsed once, by the route: planned as it is, in no locale.
    const prepared = planQuery({ ...query, locale: undefined }, this.options(auth, registry));
    const engine = this.store.engine(auth.tenant.id);
    const budget = this.queryTimeoutMs;
    if (!(budget > 0 && Number.isFinite(budget)))
      return { prepared, results: await engine.compute(prepared.requests, prepared.tz) };
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(new QueryTimeoutError(query.metric, budget)), budget);
    // An engine that cannot stop (in memory, D1) is not waited for past the budget either.
    const timedOut = new Promise<never>((_, reject) =>
      stop.signal.addEventListener("abort", () => reject(stop.signal.reason), { once: true }),
    );
    try {
      return {
        prepared,
        results: await Promise.race([engine.compute(prepared.requests, prepared.tz, stop.signal), timedOut]),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The SQL a query runs on this store, with the tenant's KPIs or those of `registry`; none in memory. */
  async explain(auth: Auth, query: Query, registry?: MetricRegistry): Promise<Explained | undefined> {
    if (!this.store.explain) return undefined;
    const options = this.options(auth, registry ?? (await this.registry(auth.tenant.id)));
    const { sql, params } = this.store.explain(auth.tenant.id, query, options);
    return { metric: query.metric, dialect: this.store.kind, sql, params };
  }
}
