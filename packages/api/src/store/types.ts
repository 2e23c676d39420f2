// What the API keeps per tenant, and the one interface every store implements (SQLite on Node,
// D1 on Workers, PostgreSQL, memory). Every method takes the tenant explicitly: a store never
// decides whose data it is looking at.
import type { DefinitionInput, Engine, FactName, FactRecord, RunOptions, Target } from "@kpikit/core";
import type { SqlStatement } from "@kpikit/core/sql";

export interface Tenant {
  id: string;
  name: string;
  /** The zone queries use when they name none. */
  timeZone: string;
  /** ISO 4217, for currency KPIs. */
  currency: string;
  /** KPIs a publishable key may read. */
  publicMetrics: string[];
  /** Pages (origins) a publishable key may be used from. */
  allowedOrigins: string[];
}

export type KeyKind = "secret" | "publishable";

export interface ApiKey {
  id: string;
  tenantId: string;
  kind: KeyKind;
  /** The first characters of the key and its last four, to tell keys apart without storing them. */
  prefix: string;
  last4: string;
  createdAt: string;
  expiresAt: string | null;
}

/** An HMAC key that signs embed tokens; `kid` names it in the token's header. */
export interface SigningKey {
  kid: string;
  tenantId: string;
  secret: string;
  createdAt: string;
  expiresAt: string | null;
}

/**
 * The parts of a tenant's data whose changes are told apart: each fact (an order's lines are part of
 * the order), and `settings` (its settings, definitions and targets, which every KPI reads).
 */
export type DataPart = Exclude<FactName, "targets"> | "settings";

/** The part an ingest of a fact changes: targets are read by every KPI, as settings are. */
export const dataPartOf = (fact: FactName): DataPart => (fact === "targets" ? "settings" : fact);

/** A KPI's result stays valid while none of the parts it reads changes. */
export interface DataVersions {
  /** Goes up with every change to the tenant's data. */
  data: number;
  /** The data version at each part's last change (a part never changed has none). */
  parts: Readonly<Partial<Record<DataPart, number>>>;
}

export interface IngestResult {
  inserted: number;
  duplicates: number;
}

/**
 * A rollup rebuild's progress: `done` of its `steps` committed for `tenant` (counted once it has
 * split the facts in time, after its first step: the first reports the steps of an unsplit one).
 */
export interface RebuildStep {
  tenant: string;
  done: number;
  steps: number;
}

/**
 * The facts a tenant sends through `POST /v1/events/:fact`, but targets: those are listed on their
 * own (`GET /v1/targets`), and change with the settings.
 */
export type DataFact = Exclude<DataPart, "settings">;

/** What a tenant has of one fact. */
export interface FactSummary {
  fact: DataFact;
  records: number;
  /**
   * The fact's own time (orders' placedAt, sessions' startedAt, …) of its earliest and latest record:
   * an ISO instant in UTC, or a date (YYYY-MM-DD) for a fact placed by date (adSpend); null without records.
   */
  first: string | null;
  last: string | null;
  /** When the tenant's records of this fact last changed (ISO, UTC); null if they never did. */
  lastIngestAt: string | null;
}

/** One saving of a tenant's definition, or its deletion. */
export interface DefinitionVersion {
  /** The definition's version, as stored (a deletion's is that of the definition it deleted). */
  version: number;
  /** The definition as stored; a deletion's is the one it deleted. */
  definition: DefinitionInput;
  /** When it was saved (ISO, UTC); null for a definition stored before the API kept its versions. */
  savedAt: string | null;
  deleted: boolean;
}

/**
 * Every method that changes a tenant's data takes `at`, the instant of the change in epoch ms
 * (default: the current time), recorded as the time its part last changed: the API passes its clock.
 */
export interface Store {
  /** Creates the tables (idempotent). */
  init(): Promise<void>;
  readonly kind: string;

  createTenant(tenant: Tenant): Promise<void>;
  getTenant(id: string): Promise<Tenant | undefined>;
  updateTenant(id: string, patch: Partial<Omit<Tenant, "id">>, at?: number): Promise<Tenant>;

  /** Stores a key by the SHA-256 hash of its text; the text itself is never stored. */
  addKey(key: ApiKey, hash: string): Promise<void>;
  keyByHash(hash: string): Promise<ApiKey | undefined>;
  listKeys(tenantId: string): Promise<ApiKey[]>;
  /** Sets a key's expiry (now, to revoke it). Returns false when the tenant has no such key. */
  expireKey(tenantId: string, id: string, at: string): Promise<boolean>;

  addSigningKey(key: SigningKey): Promise<void>;
  signingKey(kid: string): Promise<SigningKey | undefined>;
  /** The newest unexpired signing key of a tenant. */
  currentSigningKey(tenantId: string, now: string): Promise<SigningKey | undefined>;

  /**
   * Stores a validated batch in one transaction: all of it, or (on any failure) none of it.
   * Records whose id the tenant already has are counted as duplicates and change nothing.
   * Resolves only once the batch is durable.
   */
  ingest<F extends FactName>(
    tenantId: string,
    fact: F,
    records: readonly FactRecord<F>[],
    at?: number,
  ): Promise<IngestResult>;
  /** Inserts or replaces targets by id (a target's value may be revised). */
  putTargets(tenantId: string, targets: readonly Target[], at?: number): Promise<IngestResult>;
  /** The tenant's targets (of one KPI, if given), by KPI (in code-point order), then start, then id. */
  listTargets(tenantId: string, metric?: string): Promise<Target[]>;
  /** The tenant's data version, and the one at which each part of its data last changed. */
  versions(tenantId: string): Promise<DataVersions>;
  /** How many records of each fact the tenant has, over which times, and when they last changed. */
  factsSummary(tenantId: string): Promise<FactSummary[]>;

  /** The engine that computes the tenant's KPIs. */
  engine(tenantId: string): Engine;
  /** The SQL a query runs, for stores that run SQL. */
  explain?(tenantId: string, query: unknown, options: RunOptions): SqlStatement;

  listDefinitions(tenantId: string): Promise<DefinitionInput[]>;
  putDefinition(tenantId: string, definition: DefinitionInput, at?: number): Promise<void>;
  deleteDefinition(tenantId: string, id: string, at?: number): Promise<boolean>;
  /** Every saving and deletion of one of the tenant's definitions, newest first. */
  definitionVersions(tenantId: string, id: string): Promise<DefinitionVersion[]>;

  /** Calls back after each change to the tenant's data in this process (for live streams). */
  onChange(tenantId: string, listener: () => void): () => void;
  close?(): Promise<void>;
}
