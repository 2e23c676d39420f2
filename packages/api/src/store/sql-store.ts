// A store on any SQL database the core compiler has a dialect for. Facts live in core's tables;
// tenants, keys and definitions in kpikit_* tables. KPIs are computed by core's SQL engine.
import {
  catalog,
  type DefinitionInput,
  factModels,
  type FactName,
  factNames,
  type FactRecord,
  isoDate,
  MetricRegistry,
  type Target,
} from "@kpikit/core";
import {
  applyPendingSql,
  BUILDING,
  batchInserts,
  currentRollupsSql,
  type Dialect,
  encodeFact,
  type EncodedRow,
  buildingVersion,
  finishRebuildSql,
  foldPendingSql,
  ingestSql,
  pendingOf,
  pauseRebuildSql,
  pendingSelectSql,
  rebuildBoundsSql,
  rebuildRollupsSql,
  keptParts,
  nameBuiltPartsSql,
  rebuildStateSql,
  rebuildStepsSql,
  resumeRebuildSql,
  type RollupReader,
  Rollups,
  schemaStatements,
  SqlEngine,
  type SqlDriver,
  type SqlStatement,
  type TableSpec,
  tableSpecs,
} from "@kpikit/core/sql";
import { ChangeFeed } from "./change-feed.js";
import { GroupCommit } from "./group-commit.js";
import { StoreUnavailableError } from "./unavailable.js";
import {
  type ApiKey,
  type DataFact,
  type DataPart,
  dataPartOf,
  type DataVersions,
  type DefinitionVersion,
  type FactSummary,
  type IngestResult,
  type RebuildStep,
  type SigningKey,
  type Store,
  type Tenant,
} from "./types.js";

function metaStatements(d: Dialect): string[] {
  const { text, bigint } = d.types;
  return [
    `CREATE TABLE IF NOT EXISTS kpikit_tenants (id ${text} PRIMARY KEY, name ${text} NOT NULL, time_zone ` +
      `${text} NOT NULL, currency ${text} NOT NULL, public_metrics ${text} NOT NULL, allowed_origins ${text} ` +
      `NOT NULL, data_version ${bigint} NOT NULL DEFAULT 0)`,
    `CREATE TABLE IF NOT EXISTS kpikit_keys (id ${text} PRIMARY KEY, tenant_id ${text} NOT NULL, kind ` +
      `${text} NOT NULL, hash ${text} NOT NULL UNIQUE, prefix ${text} NOT NULL, last4 ${text} NOT NULL, ` +
      `created_at ${text} NOT NULL, expires_at ${text})`,
    `CREATE INDEX IF NOT EXISTS kpikit_keys_tenant ON kpikit_keys (tenant_id)`,
    `CREATE TABLE IF NOT EXISTS kpikit_signing_keys (kid ${text} PRIMARY KEY, tenant_id ${text} NOT NULL, ` +
      `secret ${text} NOT NULL, created_at ${text} NOT NULL, expires_at ${text})`,
    // changed_at: when the part last changed, in epoch ms (see metaColumnsAdded).
    `CREATE TABLE IF NOT EXISTS kpikit_versions (tenant_id ${text} NOT NULL, part ${text} NOT NULL, version ` +
      `${bigint} NOT NULL, changed_at ${bigint}, PRIMARY KEY (tenant_id, part))`,
    `CREATE TABLE IF NOT EXISTS kpikit_definitions (tenant_id ${text} NOT NULL, id ${text} NOT NULL, body ` +
      `${text} NOT NULL, PRIMARY KEY (tenant_id, id))`,
    // Every saving of a definition, and its deletion (body: the definition deleted), by seq: its order
    // among the id's savings. saved_at is in epoch ms, null for a definition from before this table.
    `CREATE TABLE IF NOT EXISTS kpikit_definition_versions (tenant_id ${text} NOT NULL, id ${text} NOT NULL, seq ` +
      `${bigint} NOT NULL, body ${text} NOT NULL, saved_at ${bigint}, deleted ${bigint} NOT NULL, PRIMARY KEY ` +
      `(tenant_id, id, seq))`,
  ];
}

/**
 * Gives each definition stored before its versions were kept its first recorded version (idempotent: a
 * definition with versions is left alone). Init runs it; D1's migration that made the table has it too.
 */
export const definitionVersionsBackfill =
  "INSERT INTO kpikit_definition_versions (tenant_id, id, seq, body, saved_at, deleted) SELECT tenant_id, id, 1, " +
  "body, NULL, 0 FROM kpikit_definitions d WHERE NOT EXISTS (SELECT 1 FROM kpikit_definition_versions v WHERE " +
  "v.tenant_id = d.tenant_id AND v.id = d.id)";

/**
 * The columns the API's own tables gained after their first release, as their CREATE statements
 * above have them: nullable, so that init can add them to a database made before them.
 */
function metaColumnsAdded(d: Dialect): Pick<TableSpec, "name" | "columns">[] {
  return [{ name: "kpikit_versions", columns: [{ name: "changed_at", type: d.types.bigint, nullable: true }] }];
}

/** Every statement that creates a store's tables: core's fact tables, then the API's own. */
export function storeSchema(dialect: Dialect): string[] {
  return [...schemaStatements(dialect), ...metaStatements(dialect)];
}

const tenantOf = (r: Record<string, unknown>): Tenant => ({
  id: String(r.id),
  name: String(r.name),
  timeZone: String(r.time_zone),
  currency: String(r.currency),
  publicMetrics: JSON.parse(String(r.public_metrics)) as string[],
  allowedOrigins: JSON.parse(String(r.allowed_origins)) as string[],
});

/** Epoch ms as an ISO instant in UTC. */
const iso = (ms: unknown) => new Date(Number(ms)).toISOString();

const versionOf = (definition: DefinitionInput, savedAt: unknown, deleted: boolean): DefinitionVersion => ({
  version: definition.version ?? 1,
  definition,
  savedAt: savedAt === null || savedAt === undefined ? null : iso(savedAt),
  deleted,
});

const keyOf = (r: Record<string, unknown>): ApiKey => ({
  id: String(r.id),
  tenantId: String(r.tenant_id),
  kind: r.kind as ApiKey["kind"],
  prefix: String(r.prefix),
  last4: String(r.last4),
  createdAt: String(r.created_at),
  expiresAt: r.expires_at === null || r.expires_at === undefined ? null : String(r.expires_at),
});

const signingKeyOf = (r: Record<string, unknown>): SigningKey => ({
  kid: String(r.kid),
  tenantId: String(r.tenant_id),
  secret: String(r.secret),
  createdAt: String(r.created_at),
  expiresAt: r.expires_at === null || r.expires_at === undefined ? null : String(r.expires_at),
});

/** Each fact the facts summary covers, its table, and the column and kind of the time that places it. */
const SUMMARIZED = factNames
  .filter((f): f is DataFact => f !== "targets")
  .map((fact) => {
    const model = factModels[fact];
    const time = model.fields[model.time]!;
    return { fact, table: model.table, column: time.column, kind: time.kind };
  });

/** The catalog's additive measures: every tenant's rollups keep these. */
const catalogRollups = Rollups.of(MetricRegistry.of(catalog));

/** One ingest call, as it waits to be stored with the calls beside it. */
interface IngestCall {
  tenantId: string;
  fact: FactName;
  records: readonly FactRecord<FactName>[];
  at: number;
}

/**
 * About how many records of its largest fact a rebuild reads in one part: at a million orders,
 * built in 12 parts, SQLite's rebuild took 139 s instead of 169 (its sorts spill less to disk).
 */
const REBUILD_PART = 250_000;

/**
 * How many old rollup or history rows a rebuild deletes in one transaction: about a tenth of a
 * second's work on SQLite, where one statement for all of a million orders' rows took 29 s, and
 * every ingest waited for it.
 */
const CLEAR_CHUNK = 50_000;

/** Told of each step of a rebuild done (progress, or a test's ingest between two steps). */
type OnRebuildStep = (step: RebuildStep) => void | Promise<void>;

/** How often a rebuild that another one took over checks whether that one has ended. */
const REBUILD_POLL_MS = 500;

/**
 * How long a rebuild may go without committing a step before a store waiting for it takes over:
 * far longer than a step takes (at 1 M orders, 6 s at most on SQLite and 13 s on PostgreSQL), so
 * that only a stopped one is.
 */
const REBUILD_STALE_MS = 120_000;

/**
 * The most records one group of ingest calls stores: four full calls, or two hundred of a webhook's
 * ten, so that no call waits behind much more than its own size of others' work (the request whose
 * turn it is runs the group's statements).
 */
const groupRecords = (driver: SqlDriver) => (driver.fewStatements ? 500 : 2000);

export class SqlStore implements Store {
  private readonly changes = new ChangeFeed();
  private readonly engines = new Map<string, SqlEngine>();
  /** Tenants whose rollups are current, so queries read them (read at init, added to by rebuilds). */
  private readonly rolledUp = new Set<string>();
  /**
   * Tenants whose rollups a rebuild for this store's set is under way on, and what their queries
   * read of them meanwhile: the parts it keeps, which ingests keep up to date (read by `versions`).
   */
  private readonly liveRollups = new Map<string, RollupReader>();
  /** What reads the parts ingests keep up to date, by the JSON of the parts a rebuild keeps. */
  private readonly liveReaders = new Map<string, RollupReader | undefined>();
  /** Calls to one tenant and fact that queue behind a running one are stored together (group-commit.ts). */
  private readonly ingests: GroupCommit<IngestCall, IngestResult>;
  /** About how many records of its largest fact a rebuild reads in one part (REBUILD_PART). */
  private readonly rebuildPart: number;
  /** How long a rebuild under way may go without a step before a store waiting for it takes over. */
  private readonly rebuildStaleMs: number;
  /** How many old rollup or history rows a rebuild deletes in one transaction (CLEAR_CHUNK). */
  private readonly rebuildChunk: number;
  /** The rollups this store keeps and reads; none when made with `rollups: false`. */
  readonly rollups: Rollups | undefined;
  readonly kind: string;

  /**
   * `rollups: false` keeps no rollups and reads none: every query scans the facts. Its ingests
   * mark the tenant's rollups stale, so that a store sharing the database rebuilds them.
   * `rebuildPart`: about how many records of its largest fact a rebuild reads in one part.
   * `rebuildStaleMs`: how long another store's rebuild that this one waits for may go without
   * committing a step before this one takes over (two minutes). `rebuildChunk`: how many old
   * rows a rebuild deletes in one transaction.
   */
  constructor(
    readonly driver: SqlDriver,
    options: {
      kind?: string;
      rollups?: boolean;
      rebuildPart?: number;
      rebuildStaleMs?: number;
      rebuildChunk?: number;
    } = {},
  ) {
    this.kind = options.kind ?? driver.dialect.name;
    this.rollups = options.rollups === false ? undefined : catalogRollups;
    this.rebuildPart = options.rebuildPart ?? REBUILD_PART;
    this.rebuildStaleMs = options.rebuildStaleMs ?? REBUILD_STALE_MS;
    this.rebuildChunk = Math.max(1, options.rebuildChunk ?? CLEAR_CHUNK);
    this.ingests = new GroupCommit(
      (calls) => this.ingestTogether(calls),
      groupRecords(driver),
      (e) => !(e instanceof StoreUnavailableError),
    );
  }

  private get p() {
    return this.driver.dialect.param;
  }

  /** Text in code-point order, as the memory store sorts and compares it, whatever the database's collation. */
  private binary(sql: string): string {
    return this.driver.dialect.binaryText(sql);
  }

  async init(): Promise<void> {
    const { dialect } = this.driver;
    // Indexes last: one may be on a column that a database made by an earlier version gains only now.
    const schema = storeSchema(dialect);
    const isIndex = (sql: string) => sql.startsWith("CREATE INDEX");
    await this.driver.transaction(
      [...dialect.schemaLock, ...schema.filter((sql) => !isIndex(sql))].map((sql) => ({ sql, params: [] })),
    );
    await this.addMissingColumns();
    await this.driver.transaction(
      [...dialect.schemaLock, ...schema.filter(isIndex), definitionVersionsBackfill].map((sql) => ({
        sql,
        params: [],
      })),
    );
    await this.nameRollupParts();
    await this.refreshRollups();
  }

  /**
   * Names the parts of rollups current for this store's catalog but built before parts were named,
   * so that the next upgrade's rebuild keeps those it leaves alike (init does; a store whose tables
   * come from migrations calls it itself).
   */
  async nameRollupParts(): Promise<void> {
    if (this.rollups) await this.driver.transaction([nameBuiltPartsSql(this.rollups, this.driver.dialect)]);
  }

  /**
   * Reads which tenants' rollups are current (init does; a store whose tables come from migrations
   * calls it itself): those of other tenants are stale, or being rebuilt, by this store or another.
   */
  async refreshRollups(): Promise<void> {
    if (!this.rollups) return;
    const rows = await this.driver.all(currentRollupsSql(this.driver.dialect), [this.rollups.version]);
    this.rolledUp.clear();
    for (const row of rows) this.rolledUp.add(String(row.tenant_id));
  }

  /**
   * A database made by an earlier version lacks the columns added since to core's tables and to the
   * API's own (all nullable): they are added.
   */
  private async addMissingColumns(): Promise<void> {
    const { dialect } = this.driver;
    const missing: string[] = [];
    for (const table of [...tableSpecs(dialect), ...metaColumnsAdded(dialect)]) {
      const have = new Set((await this.driver.all(dialect.columnsSql, [table.name])).map((r) => String(r.name)));
      for (const c of table.columns)
        if (c.nullable && !have.has(c.name)) missing.push(dialect.addColumn(table.name, c.name, c.type));
    }
    if (missing.length)
      await this.driver.transaction([...dialect.schemaLock, ...missing].map((sql) => ({ sql, params: [] })));
  }

  /**
   * Rebuilds rollups from the facts: every tenant's, or those of tenants whose rollups are stale
   * (built for another set of measures, or never, or a rebuild stopped before its end). Returns
   * the tenants rebuilt. This store's queries read a tenant's facts until its rebuild ends. A
   * rebuild takes one transaction per step, so ingests go on meanwhile (their facts are left
   * pending, and added at the end), and `onStep` hears of each step done; `atomic` takes one for
   * all, which holds ingests back until it commits but shows other processes reading the database
   * the old rollups until then. Another store's rebuild of the same measures under way (another
   * process's) is waited for, and taken over where it stopped if it commits no step for
   * `rebuildStaleMs`; one of other measures is taken over at once, and then waits for this one.
   * With `steps` (and `until`, an instant after which none starts), a call (a Worker's, which may
   * make only so many queries and live only so long after its response) runs at most that many of
   * its steps' transactions (and the few that resume, pause or end a rebuild), then pauses the
   * rebuild for the next call, this store's or another's, to go on with at once; it rebuilds only
   * stale tenants, and leaves a rebuild that another store has under way to it, not waited for.
   */
  async rebuildRollups(
    options: { onlyStale?: boolean; atomic?: boolean; onStep?: OnRebuildStep; steps?: number; until?: number } = {},
  ): Promise<string[]> {
    const { rollups } = this;
    if (!rollups) return [];
    const { dialect } = this.driver;
    const { steps, until = Infinity } = options;
    if (steps !== undefined && !(Number.isInteger(steps) && steps > 0))
      throw new RangeError(`a rebuild's steps at a time must be a whole number above 0, not ${steps}`);
    const onlyStale = options.onlyStale || steps !== undefined;
    // Which are current now: another store may have rebuilt some, or left some stale, since.
    const stale = onlyStale ? await this.staleRollups() : await this.tenantIds();
    const rebuilt: string[] = [];
    const budget = steps === undefined ? undefined : { left: steps, until };
    for (const tenant of stale) {
      if (budget && (budget.left <= 0 || Date.now() >= budget.until)) break;
      this.rolledUp.delete(tenant);
      // Counted only for a rebuild that starts: one resumed splits the facts where it did.
      const bounds = () => this.rebuildBounds(tenant);
      if (options.atomic) await this.driver.transaction(rebuildRollupsSql(rollups, tenant, dialect, await bounds()));
      else if (!(await this.rebuildInSteps(rollups, tenant, { bounds, onlyStale, onStep: options.onStep, budget })))
        continue;
      this.rolledUp.add(tenant);
      rebuilt.push(tenant);
    }
    return rebuilt;
  }

  /** The tenants whose rollups this store does not read: stale, or being rebuilt. */
  async staleRollups(): Promise<string[]> {
    if (!this.rollups) return [];
    await this.refreshRollups();
    return (await this.tenantIds()).filter((t) => !this.rolledUp.has(t));
  }

  private async tenantIds(): Promise<string[]> {
    return (await this.driver.all("SELECT id FROM kpikit_tenants")).map((r) => String(r.id));
  }

  /**
   * Runs a tenant's rebuild in steps, or takes over or waits for another's: whether its rollups are
   * current at the end. With a `budget` of transactions (what is `left` of it, spent as it goes,
   * and an instant `until` after which it starts none), it pauses once that is spent, and leaves a
   * rebuild another store has under way to it. `onlyStale`: rollups another store made current
   * since this one read them are left as they are, not rebuilt again.
   */
  private async rebuildInSteps(
    rollups: Rollups,
    tenant: string,
    run: {
      bounds: () => Promise<number[]>;
      onlyStale: boolean;
      onStep?: OnRebuildStep | undefined;
      budget?: { left: number; until: number } | undefined;
    },
  ): Promise<boolean> {
    const { dialect } = this.driver;
    const { bounds, onStep, budget } = run;
    const sliced = budget !== undefined;
    // Another store's rebuild of these measures (another process's) is left to go on while it
    // commits steps, rather than started over: at 10 M orders a rebuild takes hours. Once it stops
    // committing (its process died) or pauses, this store takes it over where it stopped.
    const [state] = await this.driver.all(rebuildStateSql(dialect), [tenant]);
    // Those another store rebuilt since this one listed them: starting over would clear rollups
    // that other store already reads.
    if (run.onlyStale && state?.version === rollups.version) return true;
    const underWay = String(state?.version ?? "").startsWith(buildingVersion(rollups, ""));
    if (underWay && sliced && this.goingOn(state!, buildingVersion(rollups, ""))) return false;
    if (underWay && !sliced && (await this.awaitOtherRebuild(rollups, tenant, true))) return true;
    const rebuild = crypto.randomUUID();
    const resumed = await this.resumeRebuild(rollups, tenant, rebuild);
    // Another call took it over first: starting over would undo that one's steps. (One that an
    // older version left without its steps counted cannot be resumed: it is started over.)
    if (underWay && sliced && !resumed && state!.done !== null) return false;
    // The parts whose rows hold what this set of measures would build (all of them, when rollups
    // another release built differ in a few KPIs) are kept: rebuilt, a big shop's histories take hours.
    const keep = keptParts(rollups, state);
    // Where it splits the facts is found after its first step: counting a big shop's facts takes
    // seconds (31 s at 10 M orders, the file not cached), and the parts kept are read from then on.
    let split = resumed?.bounds ?? null;
    const stepsOf = (at: readonly number[] | null) =>
      rebuildStepsSql(rollups, tenant, dialect, { rebuild, bounds: at, chunk: this.rebuildChunk, keep });
    let steps = stepsOf(split);
    // Ingests keep these parts up to date while the others are rebuilt, and queries read them.
    const live = rollups.liveParts(keep);
    const spent = async () => {
      if (!budget || (budget.left-- > 0 && Date.now() < budget.until)) return false;
      await this.driver.transaction(pauseRebuildSql(rollups, tenant, dialect, rebuild));
      return true;
    };
    const pendingNow = async () => (await this.driver.all(pendingSelectSql(dialect), [tenant])).map(pendingOf);
    // Those stored before the first step (and any that a release keeping other parts stores
    // meanwhile) are added to them after each step: only then do they hold every fact.
    const applyPending = async () => {
      for (const pending of live.size ? await pendingNow() : []) {
        if (pending.applied) continue;
        if (await spent()) return false;
        await this.driver.transaction(applyPendingSql(rollups, tenant, dialect, pending, rebuild, live));
      }
      return true;
    };
    for (let i = 0; i < steps.length; i++) {
      if (resumed && i < resumed.done) continue;
      // Recorded with the step after the first (after its own statements, whose count a repeat reads).
      const record: SqlStatement[] = [];
      if (i > 0 && split === null) {
        split = await bounds();
        steps = stepsOf(split);
        record.push(rebuildBoundsSql(rollups, tenant, dialect, rebuild, split));
      }
      const step = steps[i]!;
      let changed: number | undefined;
      do {
        if (await spent()) return false;
        [changed] = await this.driver.transaction([...step.statements, ...record.splice(0)]);
      } while (step.repeat && changed);
      if (!(await applyPending())) return false;
      await onStep?.({ tenant, done: i + 1, steps: steps.length });
    }
    // Ingests left pending meanwhile are added until none is left when the rollups are marked current.
    for (;;) {
      for (const pending of await pendingNow()) {
        if (await spent()) return false;
        await this.driver.transaction(foldPendingSql(rollups, tenant, dialect, pending, rebuild, live));
      }
      if ((await this.driver.transaction(finishRebuildSql(rollups, tenant, dialect, rebuild))).at(-1) === 1)
        return true;
      const [mark] = await this.driver.all(rebuildStateSql(dialect), [tenant]);
      if (mark?.version !== buildingVersion(rollups, rebuild)) break;
    }
    // Taken over by another rebuild (one of other measures, or one that took this one over when it
    // went a while without a step): its end makes the rollups current, unless it stops committing
    // steps (its process died), when this store takes over in turn.
    if (sliced) return false;
    return (await this.awaitOtherRebuild(rollups, tenant, false)) || this.rebuildInSteps(rollups, tenant, run);
  }

  /** Whether a rebuild (its state) marked `building` is committing steps, neither stopped nor paused. */
  private goingOn(state: Record<string, unknown>, building: string): boolean {
    return (
      String(state.version ?? "").startsWith(building) &&
      Number(state.now) - Number(state.beat ?? 0) <= this.rebuildStaleMs
    );
  }

  /**
   * Waits while another store's rebuild of the tenant's rollups (one of this set of measures, if
   * `sameMeasures`) goes on committing steps: whether the rollups are then current for this set.
   * They are not when it stopped, or when there is none (a store keeping no rollups may have marked
   * them stale since).
   */
  private async awaitOtherRebuild(rollups: Rollups, tenant: string, sameMeasures: boolean): Promise<boolean> {
    const building = sameMeasures ? buildingVersion(rollups, "") : BUILDING;
    for (;;) {
      const [state] = await this.driver.all(rebuildStateSql(this.driver.dialect), [tenant]);
      if (state?.version === rollups.version) return true;
      if (!state || !this.goingOn(state, building)) return false;
      await new Promise((resolve) => setTimeout(resolve, REBUILD_POLL_MS));
    }
  }

  /**
   * Takes over the tenant's rebuild of this set of measures that stopped (no step committed for
   * `rebuildStaleMs`), as `rebuild`: how many of its steps it had committed and where it split the
   * facts (null if it stopped before it found where), or nothing when there is none to resume (none
   * under way, one of another set of measures, one still going, or one another store took first).
   */
  private async resumeRebuild(
    rollups: Rollups,
    tenant: string,
    rebuild: string,
  ): Promise<{ done: number; bounds: number[] | null } | undefined> {
    const { dialect } = this.driver;
    const [state] = await this.driver.all(rebuildStateSql(dialect), [tenant]);
    const mark = buildingVersion(rollups, "");
    const version = String(state?.version ?? "");
    if (!state || !version.startsWith(mark) || !state.done) return undefined;
    if (this.goingOn(state, mark)) return undefined;
    const from = version.slice(mark.length);
    const moved = await this.driver.transaction(resumeRebuildSql(rollups, tenant, dialect, { from, to: rebuild }));
    if (moved.at(-1) !== 1) return undefined;
    // Read after the move: a step of the stopped rebuild that was still committing has committed.
    const [taken] = await this.driver.all(rebuildStateSql(dialect), [tenant]);
    const bounds = taken!.bounds === null ? null : (JSON.parse(String(taken!.bounds)) as number[]);
    return { done: Number(taken!.done), bounds };
  }

  /**
   * Where a rebuild splits a big tenant's facts: even stretches of time, so many that each holds
   * about `rebuildPart` records of its largest fact (none for a smaller tenant).
   */
  private async rebuildBounds(tenant: string): Promise<number[]> {
    const timed = (await this.factsSummary(tenant)).filter((f, i) => SUMMARIZED[i]!.kind !== "date" && f.first);
    const parts = Math.ceil(Math.max(0, ...timed.map((f) => f.records)) / this.rebuildPart);
    if (parts < 2) return [];
    const first = Math.min(...timed.map((f) => Date.parse(f.first!)));
    const last = Math.max(...timed.map((f) => Date.parse(f.last!)));
    const step = Math.ceil((last + 1 - first) / parts);
    return Array.from({ length: parts - 1 }, (_, i) => first + (i + 1) * step);
  }

  async createTenant(t: Tenant): Promise<void> {
    const p = this.p;
    await this.driver.transaction([
      {
        sql:
          `INSERT INTO kpikit_tenants (id, name, time_zone, currency, public_metrics, allowed_origins) ` +
          `VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)})`,
        params: [
          t.id,
          t.name,
          t.timeZone,
          t.currency,
          JSON.stringify(t.publicMetrics),
          JSON.stringify(t.allowedOrigins),
        ],
      },
      // A new tenant's rollups are built now, from whatever facts its id already has: usually none.
      ...(this.rollups ? rebuildRollupsSql(this.rollups, t.id, this.driver.dialect) : []),
    ]);
    if (this.rollups) this.rolledUp.add(t.id);
  }

  async getTenant(id: string): Promise<Tenant | undefined> {
    const [row] = await this.driver.all(`SELECT * FROM kpikit_tenants WHERE id = ${this.p(1)}`, [id]);
    return row ? tenantOf(row) : undefined;
  }

  async updateTenant(id: string, patch: Partial<Omit<Tenant, "id">>, at = Date.now()): Promise<Tenant> {
    const current = await this.getTenant(id);
    if (!current) throw new Error(`no tenant ${id}`);
    const t = { ...current, ...patch };
    const p = this.p;
    await this.driver.transaction([
      {
        sql:
          `UPDATE kpikit_tenants SET name = ${p(1)}, time_zone = ${p(2)}, currency = ${p(3)}, ` +
          `public_metrics = ${p(4)}, allowed_origins = ${p(5)} WHERE id = ${p(6)}`,
        params: [t.name, t.timeZone, t.currency, JSON.stringify(t.publicMetrics), JSON.stringify(t.allowedOrigins), id],
      },
      ...this.bump(id, "settings", at),
    ]);
    this.changes.emit(id);
    return t;
  }

  async addKey(k: ApiKey, hash: string): Promise<void> {
    const p = this.p;
    await this.driver.transaction([
      {
        sql:
          `INSERT INTO kpikit_keys (id, tenant_id, kind, hash, prefix, last4, created_at, expires_at) ` +
          `VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)})`,
        params: [k.id, k.tenantId, k.kind, hash, k.prefix, k.last4, k.createdAt, k.expiresAt],
      },
    ]);
  }

  async keyByHash(hash: string): Promise<ApiKey | undefined> {
    const [row] = await this.driver.all(`SELECT * FROM kpikit_keys WHERE hash = ${this.p(1)}`, [hash]);
    return row ? keyOf(row) : undefined;
  }

  async listKeys(tenantId: string): Promise<ApiKey[]> {
    return (
      await this.driver.all(
        `SELECT * FROM kpikit_keys WHERE tenant_id = ${this.p(1)} ORDER BY ${this.binary("created_at")}, ` +
          `${this.binary("id")}`,
        [tenantId],
      )
    ).map(keyOf);
  }

  async expireKey(tenantId: string, id: string, at: string): Promise<boolean> {
    const p = this.p;
    const [changed] = await this.driver.transaction([
      {
        sql: `UPDATE kpikit_keys SET expires_at = ${p(1)} WHERE tenant_id = ${p(2)} AND id = ${p(3)}`,
        params: [at, tenantId, id],
      },
    ]);
    return (changed ?? 0) > 0;
  }

  async addSigningKey(k: SigningKey): Promise<void> {
    const p = this.p;
    await this.driver.transaction([
      {
        sql:
          `INSERT INTO kpikit_signing_keys (kid, tenant_id, secret, created_at, expires_at) VALUES ` +
          `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})`,
        params: [k.kid, k.tenantId, k.secret, k.createdAt, k.expiresAt],
      },
    ]);
  }

  async signingKey(kid: string): Promise<SigningKey | undefined> {
    const [row] = await this.driver.all(`SELECT * FROM kpikit_signing_keys WHERE kid = ${this.p(1)}`, [kid]);
    return row ? signingKeyOf(row) : undefined;
  }

  async currentSigningKey(tenantId: string, now: string): Promise<SigningKey | undefined> {
    const p = this.p;
    const [row] = await this.driver.all(
      `SELECT * FROM kpikit_signing_keys WHERE tenant_id = ${p(1)} AND (expires_at IS NULL OR ` +
        `${this.binary("expires_at")} > ${p(2)}) ORDER BY ${this.binary("created_at")} DESC, ` +
        `${this.binary("kid")} DESC LIMIT 1`,
      [tenantId, now],
    );
    return row ? signingKeyOf(row) : undefined;
  }

  private inserts(rows: readonly EncodedRow[], conflict: string): SqlStatement[] {
    return batchInserts(rows, this.driver.dialect, this.driver.maxParams, conflict);
  }

  /**
   * Raises the tenant's data version, and records it as the one at which `part` last changed, `at`
   * (epoch ms).
   */
  private bump(tenantId: string, part: DataPart, at: number): SqlStatement[] {
    const p = this.p;
    return [
      { sql: `UPDATE kpikit_tenants SET data_version = data_version + 1 WHERE id = ${p(1)}`, params: [tenantId] },
      {
        // A parameter in a SELECT list has no type PostgreSQL can infer from the column it goes to.
        sql:
          `INSERT INTO kpikit_versions (tenant_id, part, version, changed_at) SELECT id, ${p(2)}, data_version, ` +
          `CAST(${p(3)} AS ${this.driver.dialect.types.bigint}) FROM kpikit_tenants WHERE id = ${p(1)} ` +
          `ON CONFLICT (tenant_id, part) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at`,
        params: [tenantId, part, at],
      },
    ];
  }

  async ingest<F extends FactName>(
    tenantId: string,
    fact: F,
    records: readonly FactRecord<F>[],
    at = Date.now(),
  ): Promise<IngestResult> {
    if (records.length === 0) return { inserted: 0, duplicates: 0 };
    const call: IngestCall = { tenantId, fact, records, at };
    return this.ingests.add(JSON.stringify([tenantId, fact]), call, records.length);
  }

  private async ingestTogether(calls: readonly IngestCall[]): Promise<IngestResult[]> {
    const { tenantId, fact } = calls[0]!;
    const { statements, counted } = ingestSql(
      fact,
      calls.map((c) => c.records),
      tenantId,
      this.driver.dialect,
      { maxParams: this.driver.maxParams, ingestId: crypto.randomUUID(), rollups: this.rollups },
    );
    const stale = this.rollups
      ? []
      : [{ sql: `DELETE FROM rollup_versions WHERE tenant_id = ${this.p(1)}`, params: [tenantId] }];
    const at = Math.max(...calls.map((c) => c.at));
    const changed = await this.driver.transaction([
      ...statements,
      ...stale,
      ...this.bump(tenantId, dataPartOf(fact), at),
    ]);
    this.changes.emit(tenantId);
    let next = 0;
    return calls.map((c, i) => {
      const inserted = changed.slice(next, (next += counted[i]!)).reduce((s, n) => s + n, 0);
      return { inserted, duplicates: c.records.length - inserted };
    });
  }

  async putTargets(tenantId: string, targets: readonly Target[], at = Date.now()): Promise<IngestResult> {
    if (targets.length === 0) return { inserted: 0, duplicates: 0 };
    const p = this.p;
    // The last of a batch's targets with one id wins, as in the memory store; PostgreSQL also
    // refuses to update one row twice in a statement.
    const latest = [...new Map(targets.map((t) => [t.id, t])).values()];
    const ids = latest.map((t) => t.id);
    const existing = new Set<string>();
    for (let i = 0; i < ids.length; i += 90) {
      const chunk = ids.slice(i, i + 90);
      const rows = await this.driver.all(
        `SELECT id FROM targets WHERE tenant_id = ${p(1)} AND id IN (${chunk.map((_, j) => p(j + 2)).join(", ")})`,
        [tenantId, ...chunk],
      );
      for (const r of rows) existing.add(String(r.id));
    }
    const rows = latest.flatMap((t) => encodeFact("targets", t, tenantId, this.driver.dialect));
    const set = rows[0]!.columns.filter((c) => c !== "tenant_id" && c !== "id").map((c) => `${c} = excluded.${c}`);
    await this.driver.transaction([
      ...this.inserts(rows, `ON CONFLICT (tenant_id, id) DO UPDATE SET ${set.join(", ")}`),
      ...this.bump(tenantId, "settings", at),
    ]);
    this.changes.emit(tenantId);
    const inserted = ids.filter((id) => !existing.has(id)).length;
    return { inserted, duplicates: targets.length - inserted };
  }

  /**
   * The tenant's data versions, and with them which catalog's rollups it holds: another process
   * (an upgrade rolling out beside this one, or a store keeping none) may have made them stale or
   * current since this store last looked, and its queries read them only while they are this
   * catalog's. The service asks at most once a second for each tenant.
   */
  async versions(tenantId: string): Promise<DataVersions> {
    const rows = await this.driver.all(
      `SELECT t.data_version, v.part, v.version, r.version AS rollups, r.parts, CASE WHEN EXISTS (SELECT 1 FROM ` +
        `rollup_pending pi WHERE pi.tenant_id = t.id AND pi.applied IS NULL) THEN 1 ELSE 0 END AS unapplied ` +
        `FROM kpikit_tenants t LEFT JOIN kpikit_versions v ON v.tenant_id = t.id LEFT JOIN rollup_versions r ON ` +
        `r.tenant_id = t.id WHERE t.id = ${this.p(1)}`,
      [tenantId],
    );
    if (this.rollups && rows[0]) {
      if (rows[0].rollups === this.rollups.version) this.rolledUp.add(tenantId);
      else this.rolledUp.delete(tenantId);
      const live = Number(rows[0].unapplied) ? undefined : this.liveReader(rows[0].rollups, rows[0].parts);
      if (live) this.liveRollups.set(tenantId, live);
      else this.liveRollups.delete(tenantId);
    }
    const parts: Partial<Record<DataPart, number>> = {};
    for (const r of rows) if (r.part !== null) parts[r.part as DataPart] = Number(r.version);
    return { data: Number(rows[0]?.data_version ?? 0), parts };
  }

  /**
   * What queries read while a rebuild for this store's set is under way (`version`, keeping
   * `parts`): the parts that ingests keep up to date meanwhile, if any.
   */
  private liveReader(version: unknown, parts: unknown): RollupReader | undefined {
    const { rollups } = this;
    if (!rollups || typeof parts !== "string" || !String(version).startsWith(buildingVersion(rollups, ""))) return;
    if (!this.liveReaders.has(parts)) {
      const live = rollups.liveParts(keptParts(rollups, { version, parts }));
      this.liveReaders.set(parts, live.size ? rollups.readable(live, parts) : undefined);
    }
    return this.liveReaders.get(parts);
  }

  async listTargets(tenantId: string, metric?: string): Promise<Target[]> {
    const p = this.p;
    const rows = await this.driver.all(
      `SELECT id, metric, start_day, end_day, value FROM targets WHERE tenant_id = ${p(1)}` +
        `${metric === undefined ? "" : ` AND metric = ${p(2)}`} ORDER BY ${this.binary("metric")}, start_day, ` +
        `${this.binary("id")}`,
      metric === undefined ? [tenantId] : [tenantId, metric],
    );
    return rows.map((r) => ({
      id: String(r.id),
      metric: String(r.metric),
      start: isoDate(Number(r.start_day)),
      end: isoDate(Number(r.end_day)),
      value: Number(r.value),
    }));
  }

  /**
   * One statement of one row, four scalar subqueries per fact (D1 allows no compound SELECT of ten
   * terms). Each fact's earliest and latest time are one seek each in the index on (tenant_id, its
   * time), its last change one primary-key lookup; its count walks the tenant's entries of an index,
   * reading no table row: at a million orders, about 30 ms on SQLite and 70 to 120 ms on PostgreSQL
   * (measured on a busy two-core machine), and a few ms for a fact of thousands of records.
   */
  async factsSummary(tenantId: string): Promise<FactSummary[]> {
    const p = this.p;
    const columns = SUMMARIZED.flatMap(({ fact, table, column }, i) => {
      const of = (what: string) => `(SELECT ${what} FROM ${table} WHERE tenant_id = ${p(1)})`;
      return [
        `${of("COUNT(*)")} AS records_${i}`,
        `${of(`MIN(${column})`)} AS first_${i}`,
        `${of(`MAX(${column})`)} AS last_${i}`,
        `(SELECT changed_at FROM kpikit_versions WHERE tenant_id = ${p(1)} AND part = '${fact}') AS changed_${i}`,
      ];
    });
    const [r] = (await this.driver.all(`SELECT ${columns.join(", ")}`, [tenantId])) as [Record<string, unknown>];
    // Times are stored as epoch ms, dates as epoch days; MIN and MAX of no rows, and a part never
    // changed, are NULL.
    const time = (v: unknown, kind: string) =>
      v === null || v === undefined ? null : kind === "date" ? isoDate(Number(v)) : iso(v);
    return SUMMARIZED.map(({ fact, kind }, i) => ({
      fact,
      records: Number(r[`records_${i}`]),
      first: time(r[`first_${i}`], kind),
      last: time(r[`last_${i}`], kind),
      lastIngestAt: time(r[`changed_${i}`], "timestamp"),
    }));
  }

  engine(tenantId: string): SqlEngine {
    let engine = this.engines.get(tenantId);
    if (!engine) {
      engine = new SqlEngine({
        dialect: this.driver.dialect,
        tenant: tenantId,
        execute: (sql, params, signal) =>
          this.driver.all(sql, params, { prepare: true, ...(signal ? { signal } : {}) }),
        dataVersion: async () => String((await this.versions(tenantId)).data),
        rollups: () => (this.rolledUp.has(tenantId) ? this.rollups : this.liveRollups.get(tenantId)),
        onStaleRollups: () => {
          this.rolledUp.delete(tenantId);
          this.liveRollups.delete(tenantId);
        },
      });
      this.engines.set(tenantId, engine);
    }
    return engine;
  }

  explain(tenantId: string, query: unknown, options: Parameters<SqlEngine["explain"]>[1]) {
    return this.engine(tenantId).explain(query, options);
  }

  async listDefinitions(tenantId: string): Promise<DefinitionInput[]> {
    const rows = await this.driver.all(
      `SELECT body FROM kpikit_definitions WHERE tenant_id = ${this.p(1)} ORDER BY ${this.binary("id")}`,
      [tenantId],
    );
    return rows.map((r) => JSON.parse(String(r.body)) as DefinitionInput);
  }

  /**
   * Records a saving of the definition with `body`, or its deletion, at `at` (epoch ms), after the
   * id's last: after `bump`, whose update of the tenant's row makes a tenant's writers take turns.
   */
  private recordVersion(tenantId: string, id: string, body: string | null, at: number): SqlStatement {
    const p = this.p;
    const { bigint, text } = this.driver.dialect.types;
    const seq =
      "(SELECT COALESCE(MAX(seq), 0) + 1 FROM kpikit_definition_versions WHERE " +
      `tenant_id = ${p(1)} AND id = ${p(2)})`;
    return body === null
      ? {
          sql:
            `INSERT INTO kpikit_definition_versions (tenant_id, id, seq, body, saved_at, deleted) SELECT tenant_id, ` +
            `id, ${seq}, body, CAST(${p(3)} AS ${bigint}), 1 FROM kpikit_definitions WHERE tenant_id = ${p(1)} AND ` +
            `id = ${p(2)}`,
          params: [tenantId, id, at],
        }
      : {
          sql:
            `INSERT INTO kpikit_definition_versions (tenant_id, id, seq, body, saved_at, deleted) SELECT ` +
            `CAST(${p(1)} AS ${text}), CAST(${p(2)} AS ${text}), ${seq}, CAST(${p(3)} AS ${text}), ` +
            `CAST(${p(4)} AS ${bigint}), 0`,
          params: [tenantId, id, body, at],
        };
  }

  async putDefinition(tenantId: string, definition: DefinitionInput, at = Date.now()): Promise<void> {
    const p = this.p;
    const body = JSON.stringify(definition);
    await this.driver.transaction([
      ...this.bump(tenantId, "settings", at),
      this.recordVersion(tenantId, definition.id, body, at),
      {
        sql:
          `INSERT INTO kpikit_definitions (tenant_id, id, body) VALUES (${p(1)}, ${p(2)}, ${p(3)}) ON ` +
          `CONFLICT (tenant_id, id) DO UPDATE SET body = excluded.body`,
        params: [tenantId, definition.id, body],
      },
    ]);
    this.changes.emit(tenantId);
  }

  async deleteDefinition(tenantId: string, id: string, at = Date.now()): Promise<boolean> {
    const p = this.p;
    const changed = await this.driver.transaction([
      ...this.bump(tenantId, "settings", at),
      this.recordVersion(tenantId, id, null, at),
      { sql: `DELETE FROM kpikit_definitions WHERE tenant_id = ${p(1)} AND id = ${p(2)}`, params: [tenantId, id] },
    ]);
    this.changes.emit(tenantId);
    return (changed.at(-1) ?? 0) > 0;
  }

  async definitionVersions(tenantId: string, id: string): Promise<DefinitionVersion[]> {
    const p = this.p;
    const rows = await this.driver.all(
      `SELECT body, saved_at, deleted FROM kpikit_definition_versions WHERE tenant_id = ${p(1)} AND id = ${p(2)} ` +
        "ORDER BY seq DESC",
      [tenantId, id],
    );
    return rows.map((r) => versionOf(JSON.parse(String(r.body)), r.saved_at, Number(r.deleted) === 1));
  }

  onChange(tenantId: string, listener: () => void): () => void {
    return this.changes.subscribe(tenantId, listener);
  }

  async close(): Promise<void> {
    await this.driver.close?.();
  }
}
