// A store in process memory, with core's memory engine: for tests, demos and Workers without a
// database. Nothing survives a restart.
import {
  createMemoryEngine,
  type DefinitionInput,
  factModels,
  type FactName,
  factNames,
  type FactRecord,
  type FactSet,
  type MemoryEngine,
  type Target,
} from "@kpikit/core";
import { ChangeFeed } from "./change-feed.js";
import {
  type ApiKey,
  type DataFact,
  type DataPart,
  dataPartOf,
  type DataVersions,
  type DefinitionVersion,
  type FactSummary,
  type IngestResult,
  type SigningKey,
  type Store,
  type Tenant,
} from "./types.js";

interface TenantData {
  tenant: Tenant;
  facts: FactSet;
  ids: Map<FactName, Set<string>>;
  definitions: Map<string, DefinitionInput>;
  /** Each definition's savings and deletions, oldest first. */
  definitionVersions: Map<string, DefinitionVersion[]>;
  versions: { data: number; parts: Partial<Record<DataPart, number>> };
  /** When each part last changed, in epoch ms. */
  changedAt: Partial<Record<DataPart, number>>;
  engine?: MemoryEngine;
}

/** A record's time (an ISO instant with any offset, or a date) as an ISO instant in UTC, or the date. */
const normalTime = (value: string, kind: string) => (kind === "date" ? value : new Date(value).toISOString());

export class MemoryStore implements Store {
  readonly kind = "memory";
  private readonly tenants = new Map<string, TenantData>();
  private readonly keys = new Map<string, { key: ApiKey; hash: string }>();
  private readonly signingKeys = new Map<string, SigningKey>();
  private readonly changes = new ChangeFeed();

  async init(): Promise<void> {}

  private data(tenantId: string): TenantData {
    const d = this.tenants.get(tenantId);
    if (!d) throw new Error(`no tenant ${tenantId}`);
    return d;
  }

  private changed(d: TenantData, part: DataPart, at: number): void {
    d.versions.parts[part] = ++d.versions.data;
    d.changedAt[part] = at;
    d.engine = undefined;
    this.changes.emit(d.tenant.id);
  }

  async createTenant(tenant: Tenant): Promise<void> {
    if (this.tenants.has(tenant.id)) throw new Error(`tenant ${tenant.id} exists`);
    this.tenants.set(tenant.id, {
      tenant: { ...tenant },
      facts: {},
      ids: new Map(),
      definitions: new Map(),
      definitionVersions: new Map(),
      versions: { data: 0, parts: {} },
      changedAt: {},
    });
  }

  async getTenant(id: string): Promise<Tenant | undefined> {
    const d = this.tenants.get(id);
    return d && { ...d.tenant };
  }

  async updateTenant(id: string, patch: Partial<Omit<Tenant, "id">>, at = Date.now()): Promise<Tenant> {
    const d = this.data(id);
    d.tenant = { ...d.tenant, ...patch };
    this.changed(d, "settings", at);
    return { ...d.tenant };
  }

  async addKey(key: ApiKey, hash: string): Promise<void> {
    this.keys.set(key.id, { key: { ...key }, hash });
  }

  async keyByHash(hash: string): Promise<ApiKey | undefined> {
    for (const k of this.keys.values()) if (k.hash === hash) return { ...k.key };
    return undefined;
  }

  async listKeys(tenantId: string): Promise<ApiKey[]> {
    return [...this.keys.values()].filter((k) => k.key.tenantId === tenantId).map((k) => ({ ...k.key }));
  }

  async expireKey(tenantId: string, id: string, at: string): Promise<boolean> {
    const k = this.keys.get(id);
    if (!k || k.key.tenantId !== tenantId) return false;
    k.key.expiresAt = at;
    return true;
  }

  async addSigningKey(key: SigningKey): Promise<void> {
    this.signingKeys.set(key.kid, { ...key });
  }

  async signingKey(kid: string): Promise<SigningKey | undefined> {
    const k = this.signingKeys.get(kid);
    return k && { ...k };
  }

  async currentSigningKey(tenantId: string, now: string): Promise<SigningKey | undefined> {
    return [...this.signingKeys.values()]
      .filter((k) => k.tenantId === tenantId && (k.expiresAt === null || k.expiresAt > now))
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.kid < b.kid ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))[0];
  }

  async ingest<F extends FactName>(
    tenantId: string,
    fact: F,
    records: readonly FactRecord<F>[],
    at = Date.now(),
  ): Promise<IngestResult> {
    const d = this.data(tenantId);
    let ids = d.ids.get(fact);
    if (!ids) d.ids.set(fact, (ids = new Set()));
    const fresh: FactRecord<F>[] = [];
    for (const r of records) {
      const id = (r as { id: string }).id;
      if (ids.has(id)) continue;
      ids.add(id);
      fresh.push(structuredClone(r));
    }
    (d.facts as Record<string, unknown[]>)[fact] = [...((d.facts[fact] as unknown[] | undefined) ?? []), ...fresh];
    this.changed(d, dataPartOf(fact), at);
    return { inserted: fresh.length, duplicates: records.length - fresh.length };
  }

  async putTargets(tenantId: string, targets: readonly Target[], at = Date.now()): Promise<IngestResult> {
    const d = this.data(tenantId);
    const byId = new Map((d.facts.targets ?? []).map((t) => [t.id, t]));
    let inserted = 0;
    for (const t of targets) {
      if (!byId.has(t.id)) inserted++;
      byId.set(t.id, { ...t });
    }
    d.facts.targets = [...byId.values()];
    this.changed(d, "settings", at);
    return { inserted, duplicates: targets.length - inserted };
  }

  async listTargets(tenantId: string, metric?: string): Promise<Target[]> {
    const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return (this.data(tenantId).facts.targets ?? [])
      .filter((t) => metric === undefined || t.metric === metric)
      .map((t) => ({ ...t }))
      .sort((a, b) => order(a.metric, b.metric) || order(a.start, b.start) || order(a.id, b.id));
  }

  async versions(tenantId: string): Promise<DataVersions> {
    const { data, parts } = this.data(tenantId).versions;
    return { data, parts: { ...parts } };
  }

  async factsSummary(tenantId: string): Promise<FactSummary[]> {
    const d = this.data(tenantId);
    return factNames
      .filter((f): f is DataFact => f !== "targets")
      .map((fact) => {
        const model = factModels[fact];
        const kind = model.fields[model.time]!.kind;
        const records = (d.facts[fact] ?? []) as Record<string, unknown>[];
        let first: string | null = null;
        let last: string | null = null;
        for (const r of records) {
          // ISO instants in UTC, and dates, compare as text in time order.
          const t = normalTime(r[model.time] as string, kind);
          if (first === null || t < first) first = t;
          if (last === null || t > last) last = t;
        }
        const at = d.changedAt[fact];
        return {
          fact,
          records: records.length,
          first,
          last,
          lastIngestAt: at === undefined ? null : new Date(at).toISOString(),
        };
      });
  }

  engine(tenantId: string): MemoryEngine {
    const d = this.data(tenantId);
    return (d.engine ??= createMemoryEngine(d.facts, { dataVersion: String(d.versions.data) }));
  }

  async listDefinitions(tenantId: string): Promise<DefinitionInput[]> {
    return [...this.data(tenantId).definitions.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async putDefinition(tenantId: string, definition: DefinitionInput, at = Date.now()): Promise<void> {
    const d = this.data(tenantId);
    d.definitions.set(definition.id, structuredClone(definition));
    this.recordVersion(d, definition, at, false);
    this.changed(d, "settings", at);
  }

  async deleteDefinition(tenantId: string, id: string, at = Date.now()): Promise<boolean> {
    const d = this.data(tenantId);
    const deleted = d.definitions.get(id);
    if (deleted) this.recordVersion(d, deleted, at, true);
    d.definitions.delete(id);
    this.changed(d, "settings", at);
    return deleted !== undefined;
  }

  private recordVersion(d: TenantData, definition: DefinitionInput, at: number, deleted: boolean): void {
    const versions = d.definitionVersions.get(definition.id) ?? [];
    versions.push({
      version: definition.version ?? 1,
      definition: structuredClone(definition),
      savedAt: new Date(at).toISOString(),
      deleted,
    });
    d.definitionVersions.set(definition.id, versions);
  }

  async definitionVersions(tenantId: string, id: string): Promise<DefinitionVersion[]> {
    return structuredClone(this.data(tenantId).definitionVersions.get(id) ?? []).reverse();
  }

  onChange(tenantId: string, listener: () => void): () => void {
    return this.changes.subscribe(tenantId, listener);
  }
}
