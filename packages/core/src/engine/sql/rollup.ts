// Incremental rollups: every additive measure of the catalog (a count, a sum, the two halves of a
// mean, placed in time by a timestamp or a date) kept per tenant, UTC hour (or, for a date, day)
// and dimension value, so that a dashboard's query sums a few thousand rollup rows instead of
// scanning every order. Hours rather than local days: one rollup then serves every time zone. The
// totals are also kept by quarter hour, so the part of a span that is not whole hours (a range
// ending now, a zone 30 or 45 minutes off UTC) reads quarter hours, and only the minutes after the
// last whole quarter (at most 15 of them at each end) read the facts; a range that ends now reads
// its last quarter hour whole, less the facts placed after now (few: a busy shop's last minutes
// are thousands of orders). What prefix sums read also keeps its totals of all time and by UTC
// day (see ALL_TIME). A rollup row keeps one dimension's value (or none: the total), so a query
// that filters or splits by one dimension reads it; one that combines two reads the facts. The
// events of key histories (chain.ts: first facts, last facts, lapses; latest facts held and
// superseded) add up alike and are kept alike, which serves new and active customers and each
// SKU's latest stock.
// Measures placed alike (same facts, same time) share their rows, each in its own pair of columns
// (`v0`/`n0` …): an order adds one row per bucket and dimension value for all of them, in the
// spirit of ClickHouse's wide aggregate tables, rather than one per measure.
import type { MetricRegistry } from "../../definitions/registry.js";
import type { Measure } from "../../definitions/definition.js";
import { parseExpr } from "../../expr/parse.js";
import { type DimensionBinding, dimensions, factModels, type QueryFact } from "../../facts/model.js";
import type { FactName } from "../../facts/schemas.js";
import { hash53 } from "../../hash.js";
import { datesIn } from "../../time/calendar.js";
import type { Span } from "../../time/range.js";
import type { FilterBinding } from "../types.js";
import {
  type Chain,
  chainIngestSql,
  chainOf,
  type ChainEventKind,
  eventTest,
  eventTime,
  historyRows,
  type Inserted,
  lapseGap,
} from "./chain.js";
import type { SqlStatement } from "./statement.js";
import { DAY, floorDiv, HOUR, QUARTER } from "./buckets.js";
import { PAIRS_KEPT, pairsIngestSql } from "./pairs.js";
import type { Dialect } from "./dialect.js";
import { BUILDING, notPendingSql } from "./pending.js";
import { columnSql, keySql, type RowScope, rowSql, SqlParams, testSql } from "./row-sql.js";
import { type Slice, sliceSql } from "./slice.js";
import { unionAll } from "./union.js";

/** The `dim` of the quarter-hour totals (dimension fields are identifiers, so it names none of them). */
const QUARTER_TOTAL = ":15";
/** The `dim` of UTC days' totals (RollupMeasure.days): a long span or piece of a prefix sum reads days. */
const DAY_TOTAL = ":day";

/** Bump when what a rollup row holds changes: every tenant's rollups are then stale until rebuilt. */
const FORMAT = 6;

/**
 * The bucket of the rows that total all time, kept for the families that prefix sums read: a sum
 * before an instant is then that total less what came after it, which for a dashboard's recent
 * ranges reads a few days of rows instead of every hour since the shop opened. Below every hour a
 * span can start at (−2.4 × 10⁹), so no range of buckets reads it.
 */
export const ALL_TIME = -3_000_000_000;

/** How many measures a rollup row carries (columns v0, n0 … v15, n15); a family with more is split. */
export const SLOTS = 16;

/**
 * An additive measure as the rollups keep it: `field` is summed (and its values counted), or
 * without one, facts are counted.
 */
export interface RollupMeasure {
  /** A short name for the measure's definition. */
  id: string;
  /**
   * The rollup rows it is kept in (the `family` column, shared by measures placed alike), and its
   * pair of columns there: `v{slot}`, `n{slot}`.
   */
  family: string;
  slot: number;
  fact: QueryFact;
  time: string;
  where: string | undefined;
  field: string | undefined;
  /**
   * For the closing of a snapshot's facts: the fields whose earliest (non-null) value ends a fact's
   * time in the state; the fact is placed at that time or its own, whichever is later.
   */
  close?: readonly string[];
  /** For the events of a key history: which (a count of them, placed at their fact's time). */
  event?: { kind: ChainEventKind; chain: Chain; days: number | undefined };
  /** Its family also keeps rows of all time (bucket ALL_TIME), as those read by prefix sums do. */
  allTime: boolean;
  /**
   * Its family also keeps totals by UTC day (`:day`), as those read by prefix sums or over rolling
   * windows do: a window of a year reads 365 rows rather than 8,760 hours.
   */
  days: boolean;
}

/** A measure as the rollups keep it, before it is given its place among them. */
type MeasureSpec = Omit<RollupMeasure, "id" | "family" | "slot" | "allTime" | "days">;

/**
 * Which part of each span the rollups answer and which the facts must: `i` is the span's index,
 * `a` and `b` bound a range of buckets, one list per level (hours, then quarter hours).
 */
export interface SpanSplit {
  levels: { dim: string; ranges: { i: number; a: number; b: number }[] }[];
  facts: { i: number; s: number; e: number }[];
  /** Facts to take away: from a span's end on, where its last bucket is read whole (see splitSpans). */
  less: { i: number; s: number; e: number }[];
}

function rollupOf(m: Measure): MeasureSpec | undefined {
  if (m.agg !== "count" && m.agg !== "sum" && m.agg !== "avg") return undefined;
  if (m.snapshot) return undefined;
  const fact = m.fact as QueryFact;
  return {
    fact,
    time: m.time ?? factModels[fact].time,
    where: m.where,
    field: m.agg === "count" ? undefined : m.field,
  };
}

/**
 * A snapshot of additive facts is what opened before an instant less what closed before it: the
 * facts placed by their time, and (with `until`) again by the time they left the state.
 */
function snapshotOf(m: Measure): { open: MeasureSpec; close?: MeasureSpec } | undefined {
  if ((m.agg !== "count" && m.agg !== "sum" && m.agg !== "avg") || !m.snapshot || m.snapshot.latestBy) return undefined;
  const open = rollupOf({ ...m, snapshot: undefined });
  const model = factModels[m.fact as QueryFact];
  if (!open || model.fields[open.time]?.kind !== "timestamp") return undefined;
  return { open, ...(m.snapshot.until ? { close: { ...open, close: m.snapshot.until } } : {}) };
}

/**
 * A snapshot of each key's latest fact (stock per SKU) as two series of its key history's events:
 * facts held from their time, less facts superseded from their next's. The measure's value and
 * condition are the fact's own; the history holds every fact with a key.
 */
function latestOf(m: Measure): { held: MeasureSpec; superseded: MeasureSpec } | undefined {
  if ((m.agg !== "count" && m.agg !== "sum" && m.agg !== "avg") || !m.snapshot?.latestBy || m.snapshot.until)
    return undefined;
  const chain = chainOf(m.fact as QueryFact, m.snapshot.latestBy, m.time, undefined);
  if (!chain) return undefined;
  const field = m.agg === "count" ? undefined : m.field;
  const event = (kind: "held" | "superseded") => ({
    fact: chain.fact,
    time: chain.time,
    where: m.where,
    field,
    event: { kind, chain, days: undefined },
  });
  return { held: event("held"), superseded: event("superseded") };
}

/**
 * The windows (in days) whose lapses a distinct count's history keeps as events: a span at least
 * as long as one's gap (a day, a week, four weeks, a quarter, a year) counts its keys from them.
 */
const DISTINCT_WINDOWS = [1, 7, 28, 90, 365];

/** The history whose events a first-seen, activity or distinct measure reads, if it can be kept. */
function historyOf(m: Measure): Chain | undefined {
  if (m.agg !== "first_seen" && m.agg !== "active" && (m.agg !== "count_distinct" || m.snapshot)) return undefined;
  return chainOf(m.fact as QueryFact, m.field, m.time, m.where);
}

/** The events such a measure reads. */
function eventsOf(m: Measure): MeasureSpec[] {
  const chain = historyOf(m);
  if (!chain) return [];
  const event = (kind: ChainEventKind, days?: number) => ({
    fact: chain.fact,
    time: chain.time,
    where: chain.where,
    field: undefined,
    event: { kind, chain, days },
  });
  if (m.agg === "first_seen") return [event("first")];
  const windows = m.agg === "active" ? [m.days] : DISTINCT_WINDOWS;
  return [event("first"), event("last"), ...windows.flatMap((d) => [event("lapse_start", d), event("lapse_end", d)])];
}

const signature = (r: MeasureSpec) =>
  JSON.stringify([
    r.fact,
    r.time,
    r.where ?? null,
    r.field ?? null,
    // A lapse's shortest gap, not only its window: what a lapse is changes with either.
    ...(r.event
      ? [
          r.event.kind,
          r.event.chain.id,
          r.event.days ?? null,
          r.event.days === undefined ? null : lapseGap(r.event.days),
        ]
      : []),
    ...(r.close ? [{ close: r.close }] : []),
  ]);

/**
 * Where a measure's facts fall in time, so which rows it can share: the same facts, time and close,
 * or the same history.
 */
const placement = (r: MeasureSpec) =>
  JSON.stringify([
    r.fact,
    r.time,
    r.close ?? null,
    r.event?.chain.id ?? null,
    // Events placed by their next fact's time (only these: the others' families keep their names).
    ...(r.event && eventTime(r.event.kind) !== "c.t" ? [eventTime(r.event.kind)] : []),
  ]);

/** The dimensions a fact's rollups are kept by: the field each reads (its name in the `dim` column) and how. */
function dimensionsOf(fact: QueryFact): DimensionBinding[] {
  const bindings = new Map<string, DimensionBinding>();
  for (const byFact of Object.values(dimensions)) {
    const b = byFact[fact];
    if (b) bindings.set(b.field, b);
  }
  return [...bindings.values()];
}

/** The rollups of a history's events: first and last facts, and the lapses of each window kept. */
export interface HistoryEvents {
  chain: Chain;
  first: RollupMeasure;
  last: RollupMeasure;
  lapses: ReadonlyMap<number, { start: RollupMeasure; end: RollupMeasure }>;
  /** The windows whose lapses are also kept one by one (an activity measure's). */
  tables: readonly number[];
  /** Whether its pairs are kept (pairs.ts): a measure counts keys with two facts. */
  pairs: boolean;
}

/** What a query reads rollups through: all of them once current, or those a rebuild keeps up to date. */
export interface RollupReader {
  find(m: Measure): RollupMeasure | undefined;
  history(m: Measure): HistoryEvents | undefined;
  snapshot(m: Measure): { open: RollupMeasure; close: RollupMeasure | undefined } | undefined;
  latest(m: Measure): { held: RollupMeasure; superseded: RollupMeasure } | undefined;
  /** That what it reads holds every fact stored (a statement reads it with what it answers). */
  currentSql(tenantParam: string, params: SqlParams): string;
}

/**
 * A fold of ingests left pending into the rollups a rebuild built (`version`: its own), into the
 * parts (`partOf`) for which `units` holds.
 */
export interface RollupFold {
  version: string;
  units: (part: string) => boolean;
}

/** The set of measures kept as rollups: those of every KPI of a registry (the built-in catalog). */
export class Rollups implements RollupReader {
  private readonly bySignature = new Map<string, RollupMeasure>();
  /** The windows whose lapses each history keeps one by one (an activity measure's: keys lost read them). */
  private readonly tables = new Map<string, number[]>();
  /** Changes whenever the set of measures does: a tenant's rollups built for another version are not read. */
  readonly version: string;
  /**
   * The key histories kept, each with the windows (in days) whose lapses it keeps one by one, the
   * rollups of its events and their families.
   */
  readonly chains: readonly {
    chain: Chain;
    days: number[];
    events: RollupMeasure[];
    families: RollupMeasure[][];
    pairs: boolean;
  }[];
  private readonly histories = new Map<string, HistoryEvents>();

  /** The measures of each family, by slot. */
  readonly families: readonly RollupMeasure[][];

  /**
   * Each part of the rollups a rebuild may keep, named by what its rows hold (`family:<id>:<hash>`,
   * `chain:<id>:<hash>`): a family's measures by slot, the totals it keeps and the dimensions of
   * its rows, and for a history's events their history's; a history's windows and pairs. Rollups
   * built for another set of measures keep the parts named alike (rebuild.ts), and a release that
   * changes a few KPIs rebuilds their parts alone, not a big shop's whole history.
   */
  readonly parts: readonly string[];
  /** Each family's part (`parts`), by the family's id. */
  readonly familyParts: ReadonlyMap<string, string>;
  /** Each key history's part (`parts`), by the history's id. */
  readonly chainParts: ReadonlyMap<string, string>;
  /**
   * The parts kept up to date together (`partOf`), by the first of them: a family of additive
   * measures alone, or a key history with every family of its events.
   */
  private readonly units: ReadonlyMap<string, readonly string[]>;

  /**
   * `prefixed`: the measures that prefix sums read (snapshots and history events), which keep totals
   * of all time and by day; `rolled`: those read over rolling windows, which keep totals by day;
   * `paired`: the histories whose pairs are kept.
   */
  private constructor(
    measures: Iterable<MeasureSpec>,
    tables: Iterable<[string, number]>,
    prefixed: ReadonlySet<MeasureSpec>,
    rolled: ReadonlySet<MeasureSpec>,
    paired: ReadonlySet<string>,
  ) {
    const placed = new Map<string, Map<string, Omit<RollupMeasure, "family" | "slot" | "allTime" | "days">>>();
    const summed = new Set<string>();
    const daily = new Set<string>();
    for (const m of measures) {
      const key = signature(m);
      const group = placed.get(placement(m)) ?? new Map();
      placed.set(placement(m), group);
      if (!group.has(key)) group.set(key, { ...m, id: hash53(key) });
      if (prefixed.has(m)) summed.add(key);
      if (prefixed.has(m) || rolled.has(m)) daily.add(key);
    }
    const families: RollupMeasure[][] = [];
    for (const [where, group] of [...placed].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const sorted = [...group].sort(([a], [b]) => (a < b ? -1 : 1));
      for (let i = 0; i < sorted.length; i += SLOTS) {
        const family = hash53(`${where}#${i / SLOTS}`);
        const members = sorted.slice(i, i + SLOTS);
        const allTime = members.some(([key]) => summed.has(key));
        const days = members.some(([key]) => daily.has(key));
        families.push(
          members.map(([key, m], slot) => {
            const kept = { ...m, family, slot, allTime, days };
            this.bySignature.set(key, kept);
            return kept;
          }),
        );
      }
    }
    this.families = families;
    for (const [chain, days] of tables) {
      const kept = this.tables.get(chain) ?? [];
      if (!kept.includes(days))
        this.tables.set(
          chain,
          [...kept, days].sort((a, b) => a - b),
        );
    }
    const lapses = [...this.tables].map(([chain, days]) => `${chain}:${days.join(",")}`);
    const totals = [...summed].map((key) => `all time ${key}`);
    const byDay = [...daily].filter((key) => !summed.has(key)).map((key) => `days ${key}`);
    // With the longest link they keep: rows kept for shorter ones do not serve the ranges read now.
    const pairs = [...paired].map((chain) => `pairs ${chain} ${PAIRS_KEPT}`);
    const kept = [...this.bySignature.keys(), ...lapses, ...totals, ...byDay, ...pairs].sort();
    this.version = `${FORMAT}.${SLOTS}.${hash53(kept.join("\n"))}`;
    const byId = new Map<string, { chain: Chain; days: number[]; events: RollupMeasure[] }>();
    for (const m of this.bySignature.values()) {
      if (!m.event) continue;
      const { chain } = m.event;
      let entry = byId.get(chain.id);
      if (!entry) byId.set(chain.id, (entry = { chain, days: this.tables.get(chain.id) ?? [], events: [] }));
      entry.events.push(m);
    }
    this.chains = [...byId.values()].map((entry) => ({
      ...entry,
      families: families.filter(([m]) => m!.event?.chain.id === entry.chain.id),
      pairs: paired.has(entry.chain.id),
    }));
    this.chainParts = new Map(
      this.chains.map(({ chain, days, pairs }) => {
        const held = [FORMAT, chain, days.map((d) => [d, lapseGap(d)]), pairs ? PAIRS_KEPT : 0];
        return [chain.id, `chain:${chain.id}:${hash53(JSON.stringify(held))}`];
      }),
    );
    this.familyParts = new Map(
      families.map((members) => {
        const [m] = members;
        const held = [
          FORMAT,
          SLOTS,
          members.map((r) => signature(r)),
          m!.allTime,
          m!.days,
          dimensionsOf(m!.fact),
          m!.event ? this.chainParts.get(m!.event.chain.id) : null,
        ];
        return [m!.family, `family:${m!.family}:${hash53(JSON.stringify(held))}`];
      }),
    );
    this.parts = [...this.familyParts.values(), ...this.chainParts.values()].sort();
    const family = ([m]: readonly RollupMeasure[]) => this.familyParts.get(m!.family)!;
    this.units = new Map<string, string[]>([
      ...families.filter(([m]) => !m!.event).map((f): [string, string[]] => [family(f), [family(f)]]),
      ...this.chains.map(({ chain, families: events }): [string, string[]] => {
        const part = this.chainParts.get(chain.id)!;
        return [part, [part, ...events.map(family)]];
      }),
    ]);
    // What a query of each history reads, found once here rather than for every request compiled.
    for (const { chain, days, events, pairs } of this.chains) {
      const of = (kind: ChainEventKind) => events.filter((e) => e.event!.kind === kind);
      const [first] = of("first");
      const [last] = of("last");
      if (!first || !last) continue;
      const lapses = new Map<number, { start: RollupMeasure; end: RollupMeasure }>();
      for (const start of of("lapse_start")) {
        const end = of("lapse_end").find((e) => e.event!.days === start.event!.days);
        if (end) lapses.set(start.event!.days!, { start, end });
      }
      this.histories.set(chain.id, { chain, first, last, lapses, tables: days, pairs });
    }
  }

  static of(registry: MetricRegistry): Rollups {
    const all = registry.all().flatMap((metric) => Object.values(metric.formula.measures));
    const prefixed = new Set<MeasureSpec>();
    const rolled = new Set<MeasureSpec>();
    const measures = registry.all().flatMap(({ formula }) =>
      Object.values(formula.measures).flatMap((m) => {
        const snapshot = snapshotOf(m);
        const latest = latestOf(m);
        const read = [
          eventsOf(m),
          snapshot ? [snapshot.open, snapshot.close ?? []].flat() : [],
          latest ? [latest.held, latest.superseded] : [],
        ].flat();
        for (const spec of read) prefixed.add(spec);
        const own = rollupOf(m);
        if (own && formula.rollingDays) rolled.add(own);
        return [own ?? [], read].flat();
      }),
    );
    const tables = all.flatMap((m): [string, number][] =>
      m.agg === "active" && historyOf(m) ? [[historyOf(m)!.id, m.days]] : [],
    );
    const paired = all.flatMap((m) => (m.agg === "count_distinct" && m.minRows === 2 && historyOf(m)?.id) || []);
    return new Rollups(measures, tables, prefixed, rolled, new Set(paired));
  }

  /** The history a measure reads its keys' facts from, with the rollups of its events, if it is kept. */
  history(m: Measure): HistoryEvents | undefined {
    const chain = historyOf(m);
    return chain && this.histories.get(chain.id);
  }

  get measures(): RollupMeasure[] {
    return [...this.bySignature.values()];
  }

  /** The rollup that answers a measure (an additive one, or the first events of a first-seen one), if one does. */
  find(m: Measure): RollupMeasure | undefined {
    const r = rollupOf(m) ?? (m.agg === "first_seen" ? eventsOf(m)[0] : undefined);
    return r && this.bySignature.get(signature(r));
  }

  /** The rollups of what opens and (for a snapshot with `until`) closes a snapshot, if they are kept. */
  snapshot(m: Measure): { open: RollupMeasure; close: RollupMeasure | undefined } | undefined {
    const s = snapshotOf(m);
    const open = s && this.bySignature.get(signature(s.open));
    const close = s?.close && this.bySignature.get(signature(s.close));
    return open && (!s.close || close) ? { open, close } : undefined;
  }

  /** The rollups of the facts held and superseded in a snapshot of each key's latest fact, if kept. */
  latest(m: Measure): { held: RollupMeasure; superseded: RollupMeasure } | undefined {
    const s = latestOf(m);
    const held = s && this.bySignature.get(signature(s.held));
    const superseded = s && this.bySignature.get(signature(s.superseded));
    return held && superseded ? { held, superseded } : undefined;
  }

  /**
   * The part that a rollup's rows go with when a rebuild keeps them: its family's, or for the events
   * of a key history, the history's (it and its events' families are kept up to date together).
   */
  partOf(m: RollupMeasure): string {
    return m.event ? this.chainParts.get(m.event.chain.id)! : this.familyParts.get(m.family)!;
  }

  /** The parts kept up to date with a rollup's rows (`partOf`): its family, or a history and its events' families. */
  unitParts(m: RollupMeasure): readonly string[] {
    return this.units.get(this.partOf(m))!;
  }

  /**
   * Of the parts a rebuild keeps, those that ingests keep up to date while it runs (`partOf`): each
   * family kept, and each history kept with every family of its events (a history kept whose events
   * gain a measure is not: that family is built from its rows, and adds the ingests of the rebuild
   * once it is done, with the history).
   */
  liveParts(keep: readonly string[]): Set<string> {
    const held = new Set(keep);
    return new Set([...this.units].filter(([, parts]) => parts.every((part) => held.has(part))).map(([unit]) => unit));
  }

  /**
   * What reads only the `live` parts (`liveParts`) of rollups that a rebuild for this set keeps
   * (`parts`: the JSON of them its tenant's rollups row holds while it runs).
   */
  readable(live: ReadonlySet<string>, parts: string): RollupReader {
    return new LiveRollups(this, live, parts);
  }

  currentSql(tenantParam: string, params: SqlParams): string {
    return currentSql(tenantParam, params, this.version);
  }

  /** The families of additive rollups a batch of this fact adds to (orders also carry their lines). */
  fedBy(fact: FactName): RollupMeasure[][] {
    return this.families.filter(
      ([m]) => !m!.event && (m!.fact === fact || (fact === "orders" && m!.fact === "orderLines")),
    );
  }
}

/**
 * The parts of rollups that a rebuild for their set keeps and ingests keep up to date meanwhile
 * (`Rollups.liveParts`): the others read the facts. They hold every fact once the ingests that
 * came before the rebuild's first step are added to them (it adds them at once: rebuild.ts); until
 * then, and once another rebuild takes over, a statement that read them says so and is read again
 * from the facts.
 */
class LiveRollups implements RollupReader {
  constructor(
    private readonly rollups: Rollups,
    private readonly live: ReadonlySet<string>,
    private readonly parts: string,
  ) {}

  private kept<T extends RollupMeasure | undefined>(m: T): T | undefined {
    return m && this.live.has(this.rollups.partOf(m)) ? m : undefined;
  }

  find(m: Measure): RollupMeasure | undefined {
    return this.kept(this.rollups.find(m));
  }

  history(m: Measure): HistoryEvents | undefined {
    const h = this.rollups.history(m);
    return h && this.kept(h.first) && h;
  }

  snapshot(m: Measure): { open: RollupMeasure; close: RollupMeasure | undefined } | undefined {
    const s = this.rollups.snapshot(m);
    return s && this.kept(s.open) && (!s.close || this.kept(s.close)) ? s : undefined;
  }

  latest(m: Measure): { held: RollupMeasure; superseded: RollupMeasure } | undefined {
    const l = this.rollups.latest(m);
    return l && this.kept(l.held) && this.kept(l.superseded) ? l : undefined;
  }

  /** Current, or being rebuilt keeping these parts with no ingest left to add to them. */
  currentSql(tenantParam: string, params: SqlParams): string {
    const { version } = this.rollups;
    return (
      `EXISTS (SELECT 1 FROM rollup_versions rv WHERE rv.tenant_id = ${tenantParam} AND (rv.version = ` +
      `${params.add(version)} OR (rv.version LIKE ${params.add(`${BUILDING}${version}:%`)} AND rv.parts = ` +
      `${params.add(this.parts)} AND NOT EXISTS (SELECT 1 FROM rollup_pending pi WHERE pi.tenant_id = ` +
      `${tenantParam} AND pi.applied IS NULL))))`
    );
  }
}

/**
 * The one dimension a request's filters and split are on, `""` for none, or undefined when they
 * are on two (the rollups keep one dimension per row, so such a request reads the facts).
 */
export function rollupDimension(
  filters: readonly FilterBinding[],
  groupBy: DimensionBinding | undefined,
): string | undefined {
  const fields = new Set([...filters.map((f) => f.binding.field), ...(groupBy ? [groupBy.field] : [])]);
  return fields.size > 1 ? undefined : ([...fields][0] ?? "");
}

/**
 * Splits spans into what each rollup level answers and the rest, read from facts: for a
 * date-placed measure, the span's dates; otherwise, for a total of a family that keeps them
 * (`days`), its whole UTC days, then its whole hours (rows of `dim`), then for a total the whole
 * quarter hours left at its ends. A span that ends at or after `now` (a range ending now) reads
 * its last bucket whole, less the facts from its end on (`less`): facts after now are few (none,
 * unless placed ahead of time), where the minutes before it are a busy shop's latest orders.
 */
export function splitSpans(
  spans: readonly Span[],
  kind: "timestamp" | "date",
  tz: string,
  dim: string,
  days = false,
  now?: number,
): SpanSplit {
  if (kind === "date") {
    const ranges = spans.flatMap((span, i) => {
      const { from, to } = datesIn(tz, span.start, span.end);
      return from < to ? [{ i, a: from, b: to }] : [];
    });
    return { levels: [{ dim, ranges }], facts: [], less: [] };
  }
  const units: (readonly [number, string])[] =
    dim === "" ? [...(days ? [[DAY, DAY_TOTAL] as const] : []), [HOUR, dim], [QUARTER, QUARTER_TOTAL]] : [[HOUR, dim]];
  const out: SpanSplit = { levels: units.map(([, d]) => ({ dim: d, ranges: [] })), facts: [], less: [] };
  const finest = units.length - 1;
  const [smallest] = units[finest]!;
  spans.forEach((span, i) => {
    let pieces: [number, number][] = [[span.start, span.end]];
    units.forEach(([unit], level) => {
      const left: [number, number][] = [];
      for (const [s, e] of pieces) {
        const a = Math.ceil(s / unit);
        const b = Math.floor(e / unit);
        if (a >= b) {
          left.push([s, e]);
          continue;
        }
        out.levels[level]!.ranges.push({ i, a, b });
        if (s < a * unit) left.push([s, a * unit]);
        if (b * unit < e) left.push([b * unit, e]);
      }
      pieces = left;
    });
    for (const [s, e] of pieces) {
      if (now !== undefined && e === span.end && e >= now && s % smallest === 0) {
        out.levels[finest]!.ranges.push({ i, a: s / smallest, b: s / smallest + 1 });
        out.less.push({ i, s: e, e: s + smallest });
      } else out.facts.push({ i, s, e });
    }
  });
  return out;
}

/** A SELECT of (r, wi, k, v, n) rows taken away: each aggregate negated. */
export const lessSelect = (select: string): string => `SELECT l.r, l.wi, l.k, -l.v AS v, -l.n AS n FROM (${select}) l`;

/**
 * Which facts a rollup statement reads: all of a tenant's, or those one ingest call inserted, and
 * only while the tenant's rollups are current for `version` (stale ones wait for a rebuild; the
 * database says which, so that every process sharing it agrees; a rebuild's steps, while the
 * version is still the one it marked them with). For the events of a key history,
 * an ingest call's scope is the history rows it marked (those whose links it changes): after they
 * are relinked, each adds its events less those it had (`delta`): both at once, or what they `was`
 * taken back first and what they are `now` added after, where events carry values (stock), whose
 * sums are then taken apart in the order they were put together, as a rebuild would.
 */
export type RollupScope =
  | { all: true; slice?: Slice; version?: string }
  | ({ all: false; version: string; live?: readonly string[]; delta?: "both" | "was" | "now" } & Inserted);

/** Whether a measure is placed by a date (its rows by day), not a timestamp. */
export const isDated = (m: RollupMeasure) => factModels[m.fact].fields[m.time]!.kind === "date";

/**
 * That the tenant's rollups are at `version`, or with `live` (an ingest's), that a rebuild for
 * `version` is under way and keeps these parts, which ingests then keep up to date as they are
 * (rebuild.ts): a part's name is searched for in the JSON of the parts kept, quoted, and holds no
 * `%` or `_`.
 */
export const currentSql = (tenantParam: string, params: SqlParams, version: string, live?: readonly string[]) => {
  const at = `rv.version = ${params.add(version)}`;
  const kept = live?.length
    ? ` OR (rv.version LIKE ${params.add(`${BUILDING}${version}:%`)}` +
      live.map((part) => ` AND rv.parts LIKE ${params.add(`%"${part}"%`)}`).join("") +
      ")"
    : "";
  const which = kept ? `(${at}${kept})` : at;
  return `EXISTS (SELECT 1 FROM rollup_versions rv WHERE rv.tenant_id = ${tenantParam} AND ${which})`;
};

/**
 * The statement that upserts a family's rows from `s` (one row per fact or event, with its bucket
 * `b`, quarter hour `q` (null for dates), dimension values `k0…`, and per slot `x0…` and `z0…`:
 * what the slot sums and the values it counts, both null where the fact is not the slot's): per
 * bucket, the total, the quarter-hour total and each dimension value, each slot's sum and count,
 * added onto what is kept. A slot's sum stays null in a row none of whose facts is the slot's, so
 * that the row is not one of its measure's (a breakdown does not list its value). With `delta`,
 * `z…` is +1 or −1 (an event added or taken back), and the count is their sum.
 */
function upsertFamilySql(
  family: readonly RollupMeasure[],
  bindings: readonly DimensionBinding[],
  dated: boolean,
  s: string,
  tenantParam: string,
  params: SqlParams,
  dialect: Dialect,
  scope: RollupScope,
  split: (m: RollupMeasure) => boolean = () => true,
): string {
  const text = (sql: string) => `CAST(${sql} AS ${dialect.types.text})`;
  const count = !scope.all && scope.delta ? "sum" : "count";
  const slots = family.map((m) => m.slot);
  const aggregates = (kept: (m: RollupMeasure) => boolean) =>
    family
      .map((m) =>
        kept(m)
          ? `sum(x${m.slot}) AS v${m.slot}, ${count}(z${m.slot}) AS n${m.slot}`
          : `CAST(NULL AS ${dialect.types.real}) AS v${m.slot}, CAST(NULL AS ${dialect.types.bigint}) AS n${m.slot}`,
      )
      .join(", ");
  // Only the slots `split` keeps are kept by dimension value, from the facts that are theirs.
  const splitting = family.filter(split);
  const ofSplit =
    splitting.length === family.length ? "" : ` WHERE ${splitting.map((m) => `x${m.slot} IS NOT NULL`).join(" OR ")}`;
  // A family read by prefix sums also adds to its totals of all time, by the same dimensions; one
  // read by prefix sums or over rolling windows, to its totals by UTC day.
  const allTime = !dated && family[0]!.allTime;
  const days = !dated && family[0]!.days;
  const all = `${aggregates(() => true)} FROM s`;
  const none = text("''");
  const day = floorDiv("b", 24);
  const groups = [
    `SELECT ${none} AS d, ${none} AS y, b, ${all} GROUP BY b`,
    // Without a GROUP BY, no facts would still make a row (of nulls): HAVING keeps it out.
    ...(allTime ? [`SELECT ${none} AS d, ${none} AS y, ${ALL_TIME} AS b, ${all} HAVING count(*) > 0`] : []),
    ...(days ? [`SELECT ${text(params.add(DAY_TOTAL))} AS d, ${none} AS y, ${day} AS b, ${all} GROUP BY ${day}`] : []),
    ...(dated ? [] : [`SELECT ${text(params.add(QUARTER_TOTAL))} AS d, ${none} AS y, q AS b, ${all} GROUP BY q`]),
    ...(splitting.length ? bindings : []).flatMap((b, i) => {
      const d = text(params.add(b.field));
      const from = `${aggregates(split)} FROM s${ofSplit} GROUP BY`;
      return [
        `SELECT ${d} AS d, COALESCE(k${i}, '') AS y, b, ${from} b, k${i}`,
        ...(allTime ? [`SELECT ${d} AS d, COALESCE(k${i}, '') AS y, ${ALL_TIME} AS b, ${from} k${i}`] : []),
      ];
    }),
  ];
  const columns = slots.flatMap((i) => [`v${i}`, `n${i}`]);
  // Ingests running side by side upsert their rows in the key's order, so that on PostgreSQL none
  // waits for a row another holds while holding one that other waits for (a deadlock). A rebuild
  // locks the table first and needs no order. SQLite reads "ON CONFLICT" after a bare SELECT as a
  // join's ON; the WHERE settles it.
  const order = scope.all ? "" : " ORDER BY d, b, y";
  return (
    `WITH ${s} INSERT INTO rollup_buckets (tenant_id, family, dim, value, bucket, ` +
    `${columns.join(", ")}) SELECT ${tenantParam}, ${params.add(family[0]!.family)}, d, y, b, ` +
    `${columns.join(", ")} FROM (${unionAll(groups, " UNION ALL ")}) u WHERE TRUE${order} ON CONFLICT ` +
    `(tenant_id, family, dim, bucket, value) DO UPDATE SET ` +
    columns
      .map((c) => `${c} = coalesce(rollup_buckets.${c} + excluded.${c}, rollup_buckets.${c}, excluded.${c})`)
      .join(", ")
  );
}

/**
 * Adds the facts in scope to a family of rollups (measures of one fact placed by one time): per
 * bucket, the total and each dimension value, upserted onto what the rollups hold. A fact's
 * bucket is its time's hour (UTC) or its date's day; the quarter-hour totals' is its time's
 * quarter hour. Each measure's value is its field where the fact meets its condition.
 */
export function rollupBuildSql(
  family: readonly RollupMeasure[],
  tenant: string,
  dialect: Dialect,
  scope: RollupScope,
): SqlStatement {
  const rollup = family[0]!;
  const params = new SqlParams(dialect);
  const tenantParam = params.add(tenant);
  const model = factModels[rollup.fact];
  const inserted = scope.all ? undefined : scope;
  const current =
    scope.version === undefined ? [] : [currentSql(tenantParam, params, scope.version, scope.all ? [] : scope.live)];
  const rowScope: RowScope = { model, dialect, params, alias: "f" };
  const timeField = model.fields[rollup.time]!;
  const closing = rollup.close && closeSql(rollup.time, rollup.close, rowScope);
  const time = closing ? closing.time : columnSql(rowScope, timeField.name);
  const table = rollup.fact === "orderLines" ? "orders" : model.table;
  const scoped = inserted
    ? dialect.byIds(table, params.add(JSON.stringify(inserted.ids)))
    : { from: `${table} f`, where: "TRUE" };
  const from =
    rollup.fact === "orderLines"
      ? `${scoped.from} JOIN order_lines l ON l.tenant_id = f.tenant_id AND l.order_id = f.id`
      : scoped.from;
  const tests = family.map((m) =>
    testSql(m.where === undefined ? undefined : parseExpr(m.where), [], rowScope).join(" AND "),
  );
  const where = [
    `f.tenant_id = ${tenantParam}`,
    ...(inserted ? [scoped.where, `f.ingest_id = ${params.add(inserted.ingestId)}`] : [notPendingSql(tenantParam)]),
    ...current,
    `${time} IS NOT NULL`,
    ...sliceSql(time, scope.all ? scope.slice : undefined),
    ...(closing ? [closing.closed] : []),
    // Only facts some measure counts: none is a row of zeros.
    ...(tests.every((t) => t !== "") ? [`(${tests.map((t) => `(${t})`).join(" OR ")})`] : []),
  ].join(" AND ");
  const dated = isDated(rollup);
  // A sum counts the values that are set; a fact of the slot whose value is not adds 0 to its sum.
  const values = family.map((m, i) => {
    const when = (value: string) => (tests[i] ? `CASE WHEN ${tests[i]} THEN ${value} END` : value);
    const value = m.field === undefined ? "1" : rowSql(parseExpr(m.field), rowScope);
    return (
      `, ${when(m.field === undefined ? value : `COALESCE(${value}, 0)`)} AS x${m.slot}, ${when(value)} ` +
      `AS z${m.slot}`
    );
  });
  const bindings = dimensionsOf(rollup.fact);
  const keys = bindings.map((b, i) => `, ${keySql(b, rowScope)} AS k${i}`).join("");
  // Each fact's bucket, values and dimension values, computed once for the total and every dimension.
  const s =
    `s AS MATERIALIZED (SELECT ${dated ? time : floorDiv(time, HOUR)} AS b, ` +
    `${dated ? "NULL" : floorDiv(time, QUARTER)} AS q${values.join("")}${keys} FROM ${from} WHERE ${where})`;
  return {
    sql: upsertFamilySql(family, bindings, dated, s, tenantParam, params, dialect, scope),
    params: params.values,
  };
}

/**
 * Adds the events of a key history in scope to a family of their rollups in one statement (each
 * of an ingest's marked rows read once, whatever the number of kinds and windows): per bucket,
 * the total, the quarter-hour total and each dimension value of the event's fact.
 */
export function historyEventsSql(
  chain: Chain,
  family: readonly RollupMeasure[],
  tenant: string,
  dialect: Dialect,
  scope: RollupScope,
): SqlStatement {
  const params = new SqlParams(dialect);
  const tenantParam = params.add(tenant);
  const inserted = scope.all ? undefined : scope;
  const rows = historyRows(chain, tenantParam, params, dialect, inserted?.ingestId);
  const bindings = dimensionsOf(chain.fact);
  const keys = bindings.map((b, i) => `, ${keySql(b, rows.scope)} AS k${i}`).join("");
  const delta = scope.all ? undefined : scope.delta;
  // The row's events as it is linked now, or (`was`) as it was linked before this ingest.
  const linked = (sql: string, was: boolean) => (was ? sql.replace(/\bc\.(prev_t|next_t)\b/g, "c.was_$1") : sql);
  const now = family.map((e) => eventTest(e.event!.kind, e.event!.days));
  const then = now.map((test) => linked(test, true));
  const tests = (was: boolean) => (was ? then : now);
  const values = (was: boolean) =>
    family.map((e, i) => {
      const { kind } = e.event!;
      const test = tests(was)[i]!;
      const one = was ? "-1" : "1";
      if (kind !== "held" && kind !== "superseded")
        return `, CASE WHEN ${test} THEN ${one} END AS x${e.slot}, CASE WHEN ${test} THEN ${one} END AS z${e.slot}`;
      // A latest fact's own value, where it meets the measure's condition (a count: 1).
      const own = e.where === undefined ? [] : testSql(parseExpr(e.where), [], rows.scope);
      const when = [test, ...own].join(" AND ");
      const value = e.field === undefined ? "1" : rowSql(parseExpr(e.field), rows.scope);
      const sum = e.field === undefined ? value : `COALESCE(${value}, 0)`;
      // Counted by their sum when added and taken back: +1 or −1 where the value is set.
      const counted = delta
        ? `CASE WHEN ${when} AND ${value} IS NOT NULL THEN ${one} END`
        : `CASE WHEN ${when} THEN ${value} END`;
      return `, CASE WHEN ${when} THEN ${was ? `-(${sum})` : sum} END AS x${e.slot}, ${counted} AS z${e.slot}`;
    });
  const at = eventTime(family[0]!.event!.kind);
  const part = (was: boolean, unchanged: string[]) => {
    const time = linked(at, was);
    const where = [
      rows.where,
      ...(was ? ["c.was = 1"] : []),
      `(${tests(was).join(" OR ")})`,
      ...(unchanged.length ? [`NOT (${unchanged.join(" AND ")})`] : []),
      ...sliceSql(time, scope.all ? scope.slice : undefined),
      ...(scope.version === undefined ? [] : [currentSql(tenantParam, params, scope.version, inserted?.live)]),
    ].join(" AND ");
    return (
      `SELECT ${floorDiv(time, HOUR)} AS b, ${floorDiv(time, QUARTER)} AS q${values(was).join("")}${keys} ` +
      `FROM ${rows.from} WHERE ${where}`
    );
  };
  // A relinked row whose events and their time are as they were adds nothing: neither part reads it.
  const flag = (test: string) => `CASE WHEN ${test} THEN 1 ELSE 0 END`;
  const unchanged = delta
    ? [
        // Not null for a new row (no `was`), so that NOT keeps it.
        "COALESCE(c.was, 0) = 1",
        ...(at === "c.t" ? [] : [`COALESCE(${at}, ${-NEVER}) = COALESCE(${linked(at, true)}, ${-NEVER})`]),
        ...now.map((test, i) => `${flag(test)} = ${flag(then[i]!)}`),
      ]
    : [];
  const parts = [
    ...(delta !== "was" ? [part(false, unchanged)] : []),
    ...(delta === "both" || delta === "was" ? [part(true, unchanged)] : []),
  ];
  const s = `s AS MATERIALIZED (${parts.join(" UNION ALL ")})`;
  // By dimension value, only first facts (new customers by channel) and latest facts (stock by
  // category); other events are read in total.
  return {
    sql: upsertFamilySql(family, bindings, false, s, tenantParam, params, dialect, scope, (e) =>
      ["first", "held", "superseded"].includes(e.event!.kind),
    ),
    params: params.values,
  };
}

/**
 * Later than any time a fact can have (JavaScript's last instant, a whole hour): an `until` field
 * that is null never closes, and a lapse read "not over by e" ends before it.
 */
export const NEVER = 8.64e15;

/**
 * When a fact (as `f`) of a snapshot with `until` leaves the state: the earliest of those fields
 * that is set, or its own time if that is later; `closed` holds when one is set.
 */
export function closeSql(time: string, until: readonly string[], scope: RowScope): { time: string; closed: string } {
  const { dialect } = scope;
  const end = until.map((u) => `COALESCE(${columnSql(scope, u)}, ${NEVER})`).reduce((a, b) => dialect.least(a, b));
  return { time: dialect.greatest(columnSql(scope, time), end), closed: `${end} < ${NEVER}` };
}

/**
 * What one ingest call adds to the rollups of a fact: its facts to the additive rollups, then for
 * each key history of that fact, the events of the rows whose links change taken back, the rows
 * relinked and their events added again (chainIngestSql). On PostgreSQL the ingests of one tenant
 * relink one at a time (a lock until commit), so that each sees the facts the one before it linked.
 * All of it applies only while the tenant's rollups are at `version` (current, or a rebuild's).
 */
export function ingestRollupsSql(
  rollups: Rollups,
  fact: FactName,
  tenant: string,
  dialect: Dialect,
  inserted: Inserted,
  fold?: RollupFold,
): SqlStatement[] {
  const version = fold?.version ?? rollups.version;
  const unit = (part: string) => !fold || fold.units(part);
  // An ingest's own keeps each unit while the rollups are current, or while a rebuild keeps it.
  const scope = (m: RollupMeasure) => ({
    all: false as const,
    ...inserted,
    version,
    live: fold ? [] : rollups.unitParts(m),
  });
  return [
    ...rollups
      .fedBy(fact)
      .filter(([m]) => unit(rollups.partOf(m!)))
      .map((family) => rollupBuildSql(family, tenant, dialect, scope(family[0]!))),
    ...rollups.chains
      .filter(({ chain }) => chain.fact === fact && unit(rollups.chainParts.get(chain.id)!))
      .flatMap(({ chain, days, families, pairs }) => [
        ...dialect.historyLock.map((sql) => ({ sql, params: [tenant] })),
        ...chainIngestSql(
          chain,
          days,
          tenant,
          dialect,
          inserted,
          (params) => currentSql(params.add(tenant), params, version, scope(families[0]![0]!).live),
          () => [
            ...families.flatMap((family) =>
              (family.some((e) => e.field !== undefined) ? (["was", "now"] as const) : (["both"] as const)).map(
                (delta) => historyEventsSql(chain, family, tenant, dialect, { ...scope(family[0]!), delta }),
              ),
            ),
            ...(pairs ? [pairsIngestSql(chain, tenant, dialect, inserted.ingestId)] : []),
          ],
        ),
      ]),
  ];
}
