// The memory engine: every measure computed in TypeScript over arrays of facts. It is the
// reference the SQL engines are tested against, the engine of inline data in the browser, and
// fast, because it scans time-sorted typed arrays between two binary searches.
import type { Measure } from "../../definitions/definition.js";
import { type Expr, parseExpr } from "../../expr/parse.js";
import { factModels, type QueryFact } from "../../facts/model.js";
import type { FactSet, Order } from "../../facts/schemas.js";
import { datesIn, dayPosition, localDay } from "../../time/calendar.js";
import { type Span, shiftLocal } from "../../time/range.js";
import type { Aggregate, Engine, MeasureRequest, MeasureResults } from "../types.js";
import { compileKey, compileRow, compileTest, numericColumn, type RowFn } from "./row-functions.js";
import { type Column, compareText, lowerBound, Table, type TimeIndex } from "./table.js";

type Groups = Map<string | null, Aggregate>;
type Key = (row: number) => string | null;

function add(groups: Groups, key: string | null, value: number, contributes: boolean): void {
  let agg = groups.get(key);
  if (!agg) groups.set(key, (agg = { sum: 0, count: 0 }));
  if (contributes) {
    agg.sum += value;
    agg.count += 1;
  }
}

/** Accumulates one span's rows for count, sum, avg and count_distinct. */
function accumulator(m: Measure, value: RowFn | undefined, key: Key | undefined) {
  const groups: Groups = new Map();
  if (m.agg === "count_distinct") {
    const seen = new Map<string | null, Map<unknown, number>>();
    return {
      row(i: number) {
        const v = value!(i);
        if (v === null) return;
        const k = key ? key(i) : null;
        let values = seen.get(k);
        if (!values) seen.set(k, (values = new Map()));
        values.set(v, (values.get(v) ?? 0) + 1);
      },
      done(): Groups {
        const min = m.minRows ?? 1;
        for (const [k, values] of seen) {
          let n = 0;
          for (const c of values.values()) if (c >= min) n++;
          groups.set(k, { sum: n, count: n });
        }
        return groups;
      },
    };
  }
  return {
    row(i: number) {
      const k = key ? key(i) : null;
      if (m.agg === "count") return add(groups, k, 1, true);
      const v = value!(i);
      add(groups, k, (v as number) ?? 0, v !== null);
    },
    done: () => groups,
  };
}

export interface MemoryEngineOptions {
  /** Reported as the data version (default: a count of the facts). */
  dataVersion?: string;
}

export class MemoryEngine implements Engine {
  private readonly tables = new Map<QueryFact | "targets", Table>();

  constructor(
    private readonly facts: FactSet,
    private readonly options: MemoryEngineOptions = {},
  ) {}

  dataVersion(): string {
    return (
      this.options.dataVersion ??
      Object.entries(this.facts)
        .map(([f, rows]) => `${f}:${rows?.length ?? 0}`)
        .join(",")
    );
  }

  /** The columnar table of a fact, built on first use. */
  table(fact: QueryFact | "targets"): Table {
    let t = this.tables.get(fact);
    if (t) return t;
    if (fact === "orderLines") {
      const orders = this.table("orders").records as readonly Order[];
      const lines: Record<string, unknown>[] = [];
      const rowOf: number[] = [];
      for (const [i, o] of orders.entries()) {
        for (const [n, l] of (o.lines ?? []).entries()) {
          lines.push({ ...l, orderId: o.id, id: `${o.id}#${n}` });
          rowOf.push(i);
        }
      }
      t = new Table(factModels.orderLines, lines, { table: this.table("orders"), rowOf: Uint32Array.from(rowOf) });
    } else {
      t = new Table(factModels[fact], (this.facts[fact] ?? []) as Record<string, unknown>[]);
    }
    this.tables.set(fact, t);
    return t;
  }

  compute(requests: readonly MeasureRequest[], tz: string): MeasureResults {
    const out: Groups[][] = [];
    // Counts, sums and means over the same facts, times and filters are computed in one pass.
    const passes = new Map<string, number[]>();
    for (const [i, r] of requests.entries()) {
      const m = r.measure;
      if ((m.agg !== "count" && m.agg !== "sum" && m.agg !== "avg") || m.snapshot) {
        out[i] = this.request(r, tz);
        continue;
      }
      const key = JSON.stringify([m.fact, m.time, m.where, r.filters, r.groupBy]);
      passes.set(key, [...(passes.get(key) ?? []), i]);
    }
    for (const indexes of passes.values()) {
      const results = this.additivePass(
        indexes.map((i) => requests[i]!),
        tz,
      );
      for (const [n, i] of indexes.entries()) out[i] = results[n]!;
    }
    return out;
  }

  /**
   * One scan for counts, sums and means sharing a fact, time field, condition and filters. The
   * bounds of all their spans cut time into elementary intervals; each fact is added to its
   * interval (rows are in time order, so finding it is a pointer step), and each span then sums
   * the intervals it covers. The work is one pass over the facts, however many spans overlap.
   */
  private additivePass(requests: MeasureRequest[], tz: string): Groups[][] {
    const first = requests[0]!;
    const m = first.measure as Extract<Measure, { agg: "count" | "sum" | "avg" }>;
    const table = this.table(m.fact as QueryFact);
    const timeField = m.time ?? table.model.time;
    const isDate = table.field(timeField).kind === "date";
    const { rows, times } = table.timeIndex(timeField);
    const test = compileTest(m.where !== undefined ? parseExpr(m.where) : undefined, first.filters, table);
    const key = first.groupBy ? compileKey(first.groupBy, table) : undefined;
    const fields = requests.map((r) =>
      r.measure.agg === "count" ? undefined : parseExpr((r.measure as { field: string }).field),
    );
    const columns = fields.map((f) => (f ? numericColumn(f, table) : undefined));
    const values = fields.map((f, q) => (f && !columns[q] ? compileRow(f, table) : undefined));

    const spanBounds = requests.map((r) =>
      r.spans.map((s) => {
        if (!isDate) return [s.start, s.end] as const;
        const { from, to } = datesIn(tz, s.start, s.end);
        return [from, to] as const;
      }),
    );
    const cuts = Float64Array.from(new Set(spanBounds.flat(2))).sort();
    const intervals = cuts.length - 1;
    const nq = requests.length;

    type Acc = { sums: Float64Array; counts: Float64Array; seen: Uint8Array };
    const newAcc = (): Acc => ({
      sums: new Float64Array(nq * intervals),
      counts: new Float64Array(nq * intervals),
      seen: new Uint8Array(intervals),
    });
    const byKey = new Map<string | null, Acc>();
    const total = newAcc();
    if (!key) byKey.set(null, total);

    if (!key) {
      // Interval by interval (each one's rows found by binary search), one tight loop per measure
      // with its running sum in local variables: no per-fact interval check, no array writes.
      for (let j = 0; j < intervals; j++) {
        const a = lowerBound(times, cuts[j]!);
        const b = lowerBound(times, cuts[j + 1]!);
        for (let q = 0; q < nq && a < b; q++) {
          const column = columns[q];
          const read = values[q];
          let sum = 0;
          let count = 0;
          let passed = 0;
          if (column) {
            for (let k = a; k < b; k++) {
              const row = rows[k]!;
              if (test && !test(row)) continue;
              passed++;
              const v = column[row]!;
              if (!Number.isNaN(v)) {
                sum += v;
                count++;
              }
            }
          } else if (read) {
            for (let k = a; k < b; k++) {
              const row = rows[k]!;
              if (test && !test(row)) continue;
              passed++;
              const v = read(row);
              if (v !== null) {
                sum += v as number;
                count++;
              }
            }
          } else {
            for (let k = a; k < b; k++) if (!test || test(rows[k]!)) passed++;
            sum = count = passed;
          }
          total.sums[q * intervals + j] = sum;
          total.counts[q * intervals + j] = count;
          if (passed) total.seen[j] = 1;
        }
      }
    } else {
      for (let k = lowerBound(times, cuts[0]!), hi = lowerBound(times, cuts[intervals]!), j = 0; k < hi; k++) {
        const t = times[k]!;
        while (t >= cuts[j + 1]!) j++;
        const row = rows[k]!;
        if (test && !test(row)) continue;
        const g = key(row);
        let acc = byKey.get(g);
        if (!acc) byKey.set(g, (acc = newAcc()));
        acc.seen[j] = 1;
        for (let q = 0; q < nq; q++) {
          const column = columns[q];
          const read = values[q];
          const v = column ? column[row]! : read ? ((read(row) as number | null) ?? Number.NaN) : 1;
          if (!Number.isNaN(v)) {
            acc.sums[q * intervals + j]! += v;
            acc.counts[q * intervals + j]! += 1;
          }
        }
      }
    }

    return requests.map((_, q) =>
      spanBounds[q]!.map(([from, to]) => {
        const a = lowerBound(cuts, from);
        const b = lowerBound(cuts, to);
        const groups: Groups = new Map();
        for (const [g, acc] of byKey) {
          let sum = 0;
          let count = 0;
          let seen = 0;
          for (let i = a; i < b; i++) {
            sum += acc.sums[q * intervals + i]!;
            count += acc.counts[q * intervals + i]!;
            seen |= acc.seen[i]!;
          }
          if (seen) groups.set(g, { sum, count });
        }
        return groups;
      }),
    );
  }

  private request(r: MeasureRequest, tz: string): Groups[] {
    const m = r.measure;
    if (m.agg === "target") return r.spans.map((s) => this.targets(m.metric, m.mode, s, tz));
    const table = this.table(m.fact as QueryFact);
    const timeField = m.time ?? table.model.time;
    const isDate = table.field(timeField).kind === "date";
    const index = table.timeIndex(timeField);
    const where = m.where !== undefined ? parseExpr(m.where) : undefined;
    const value = "field" in m ? compileRow(parseExpr(m.field), table) : undefined;
    const key = r.groupBy ? compileKey(r.groupBy, table) : undefined;

    if (m.agg === "first_seen") return this.firstSeen(r, table, index, isDate, where, value!, key, tz);
    if (m.agg === "active") return this.active(r, m.days, m.state, table, index, where, value!, key, tz);
    const test = compileTest(where, r.filters, table);

    if ("snapshot" in m && m.snapshot) {
      const { at, latestBy, until } = m.snapshot;
      const untilCols = (until ?? []).map((u) => (table.column(u) as { values: Float64Array }).values);
      const latestKey = latestBy ? compileKey({ field: latestBy }, table) : undefined;
      const visit = (acc: ReturnType<typeof accumulator>, row: number) => {
        if (!test || test(row)) acc.row(row);
      };
      const instants = r.spans.map((s) => (at === "start" ? s.start : s.end));
      if (latestKey) {
        // One sweep through time: the latest fact of each key as of each instant, in instant order.
        const results: Groups[] = new Array(instants.length);
        const latest = new Map<string, number>();
        let k = 0;
        for (const i of instants.map((_, i) => i).sort((a, b) => instants[a]! - instants[b]!)) {
          for (; k < index.rows.length && index.times[k]! < instants[i]!; k++) {
            const key = latestKey(index.rows[k]!);
            if (key !== null) latest.set(key, index.rows[k]!);
          }
          const acc = accumulator(m, value, key);
          for (const row of latest.values()) visit(acc, row);
          results[i] = acc.done();
        }
        return results;
      }
      return instants.map((instant) => {
        const acc = accumulator(m, value, key);
        for (let k = 0, end = lowerBound(index.times, instant); k < end; k++) {
          const row = index.rows[k]!;
          if (untilCols.every((c) => Number.isNaN(c[row]!) || c[row]! >= instant)) visit(acc, row);
        }
        return acc.done();
      });
    }

    return r.spans.map((s) => {
      const { lo, hi } = isDate
        ? dateRange(index.times, tz, s)
        : { lo: lowerBound(index.times, s.start), hi: lowerBound(index.times, s.end) };
      const acc = accumulator(m, value, key);
      const rows = index.rows;
      if (test) {
        for (let k = lo; k < hi; k++) if (test(rows[k]!)) acc.row(rows[k]!);
      } else {
        for (let k = lo; k < hi; k++) acc.row(rows[k]!);
      }
      return acc.done();
    });
  }

  /** Values whose first fact (passing `where`, by time then id) falls in each span. */
  private firstSeen(
    r: MeasureRequest,
    table: Table,
    index: TimeIndex,
    isDate: boolean,
    where: Expr | undefined,
    value: RowFn,
    key: Key | undefined,
    tz: string,
  ): Groups[] {
    const cond = compileTest(where, [], table);
    const seen = new Set<unknown>();
    const firstRows: number[] = [];
    const firstTimes: number[] = [];
    for (let k = 0; k < index.rows.length; k++) {
      const row = index.rows[k]!;
      if (cond && !cond(row)) continue;
      const v = value(row);
      if (v === null || seen.has(v)) continue;
      seen.add(v);
      firstRows.push(row);
      firstTimes.push(index.times[k]!);
    }
    const times = Float64Array.from(firstTimes);
    const filter = compileTest(undefined, r.filters, table);
    return r.spans.map((s) => {
      const { lo, hi } = isDate
        ? dateRange(times, tz, s)
        : { lo: lowerBound(times, s.start), hi: lowerBound(times, s.end) };
      const groups: Groups = new Map();
      for (let k = lo; k < hi; k++) {
        const row = firstRows[k]!;
        if (!filter || filter(row)) add(groups, key ? key(row) : null, 1, true);
      }
      return groups;
    });
  }

  /**
   * Values active at a span's start and at its end, where active at an instant means having a
   * fact in the `days` local days before it.
   */
  private active(
    r: MeasureRequest,
    days: number,
    state: "start" | "end" | "retained" | "lost",
    table: Table,
    index: TimeIndex,
    where: Expr | undefined,
    value: RowFn,
    key: Key | undefined,
    tz: string,
  ): Groups[] {
    const test = compileTest(where, r.filters, table);
    return r.spans.map((s) => {
      const startFrom = shiftLocal(tz, s.start, { days: -days });
      const endFrom = shiftLocal(tz, s.end, { days: -days });
      const flags = new Map<string | null, Map<unknown, number>>();
      for (let k = lowerBound(index.times, startFrom), hi = lowerBound(index.times, s.end); k < hi; k++) {
        const row = index.rows[k]!;
        if (test && !test(row)) continue;
        const v = value(row);
        if (v === null) continue;
        const t = index.times[k]!;
        const bit = (t < s.start ? 1 : 0) | (t >= endFrom ? 2 : 0);
        if (bit === 0) continue;
        const g = key ? key(row) : null;
        let values = flags.get(g);
        if (!values) flags.set(g, (values = new Map()));
        values.set(v, (values.get(v) ?? 0) | bit);
      }
      const want = {
        start: (f: number) => (f & 1) !== 0,
        end: (f: number) => (f & 2) !== 0,
        retained: (f: number) => f === 3,
        lost: (f: number) => f === 1,
      }[state];
      const groups: Groups = new Map();
      for (const [g, values] of flags) {
        let n = 0;
        for (const f of values.values()) if (want(f)) n++;
        if (n > 0) groups.set(g, { sum: n, count: n });
      }
      return groups;
    });
  }

  /** A KPI's targets over a span: pro-rated by local days, or the one in force at its start. */
  private targets(metric: string, mode: "prorate" | "at_start", s: Span, tz: string): Groups {
    const t = this.table("targets");
    const starts = (t.column("start") as { values: Float64Array }).values;
    const ends = (t.column("end") as { values: Float64Array }).values;
    const values = (t.column("value") as { values: Float64Array }).values;
    const metrics = t.column("metric") as Extract<Column, { kind: "string" }>;
    const ids = t.column("id") as Extract<Column, { kind: "string" }>;
    const code = metrics.codeOf.get(metric);
    const groups: Groups = new Map();
    if (code === undefined) return groups;
    if (mode === "at_start") {
      const day = localDay(tz, s.start);
      let best = -1;
      for (let i = 0; i < t.length; i++) {
        if (metrics.codes[i] !== code || !(starts[i]! <= day && day < ends[i]!)) continue;
        if (
          best < 0 ||
          starts[i]! > starts[best]! ||
          (starts[i] === starts[best] && compareText(ids.dict[ids.codes[i]!]!, ids.dict[ids.codes[best]!]!) > 0)
        )
          best = i;
      }
      if (best >= 0) groups.set(null, { sum: values[best]!, count: 1 });
      return groups;
    }
    const from = dayPosition(tz, s.start);
    const to = dayPosition(tz, s.end);
    for (let i = 0; i < t.length; i++) {
      if (metrics.codes[i] !== code) continue;
      const overlap = Math.min(to, ends[i]!) - Math.max(from, starts[i]!);
      if (overlap > 0) add(groups, null, (values[i]! * overlap) / (ends[i]! - starts[i]!), true);
    }
    return groups;
  }
}

function dateRange(times: Float64Array, tz: string, s: Span): { lo: number; hi: number } {
  const { from, to } = datesIn(tz, s.start, s.end);
  return { lo: lowerBound(times, from), hi: lowerBound(times, to) };
}

/** An engine over arrays of facts (validate them first: see `validateFacts`). */
export function createMemoryEngine(facts: FactSet, options?: MemoryEngineOptions): MemoryEngine {
  return new MemoryEngine(facts, options);
}
