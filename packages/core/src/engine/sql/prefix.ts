// Prefix sums over rollups: the total of a rollup's events before each of a set of instants, read
// as the sums of the pieces between consecutive instants (the first from before any fact), each
// piece as its whole hours, its whole quarter hours (for totals) and the minutes left, which a
// caller's SELECT reads from the facts. Key histories (active.ts) and snapshots (snapshot.ts)
// are such sums: a few thousand rollup rows per query, however many facts there are.
import type { Aggregate } from "../types.js";
import type { SpanContext } from "./chain.js";
import { ALL_TIME, lessSelect, NEVER, type RollupMeasure, type SpanSplit, splitSpans } from "./rollup.js";
import { GroupSums } from "./group-sums.js";
import type { RollupReads } from "./rollup-reads.js";
import type { FilterBinding } from "../types.js";

/** Before any fact: the start of the first piece (a whole hour, −271 821 years). */
const EARLIEST = -8.64e15;

export interface PlanContext extends SpanContext {
  tz: string;
  /** Where the statement's rollup reads are gathered. */
  reads: RollupReads;
  /** The query's now (see MeasureRequest). */
  now?: number | undefined;
}

export interface PrefixSeries {
  rollup: RollupMeasure;
  /** The SELECT of the events in each row (i, s, e) of a span table, from the facts: the minutes rollups leave. */
  edges(spanTable: string): string;
}

export interface PrefixSums {
  /** The SELECTs of the facts; the rollups are read with the statement's other reads (`ctx.reads`). */
  selects: string[];
  /** How many `wi` values the sums use: a caller's own SELECTs number their rows from here. */
  size: number;
  /** From the statement's rows of the request: each series' sum before an instant, by group key. */
  read(rows: readonly Record<string, unknown>[]): (series: number, instant: number) => Map<string | null, Aggregate>;
}

/**
 * `dim`, `filters` and `grouped` as a rollup read takes them (see rollupDimension). `fromFirst`
 * sums from the first instant instead of from before any fact: enough for differences between
 * instants, without reading all history. Otherwise a series whose rollup keeps totals of all time
 * reads its first piece as that total less the other pieces and what came after the last instant:
 * for a range ending now, the rows of a few minutes instead of every hour since the first fact.
 */
export function prefixSums(
  series: readonly PrefixSeries[],
  instants: readonly number[],
  ctx: PlanContext,
  options: { dim?: string; filters?: readonly FilterBinding[]; grouped?: boolean; fromFirst?: boolean } = {},
): PrefixSums {
  const { dim = "", filters = [], grouped = false } = options;
  const sorted = [...new Set(instants)].sort((a, b) => a - b);
  const pieces = sorted.map((end, j) => ({ start: j ? sorted[j - 1]! : options.fromFirst ? end : EARLIEST, end }));
  const at = new Map(sorted.map((x, j) => [x, j]));
  const P = pieces.length;
  const S = series.length;
  /** The rows numbered S × P + e: what came after the last instant, which series e's first piece is less of. */
  const after = (e: number) => S * P + e;
  const byTotal = (e: number) => !options.fromFirst && P > 0 && series[e]!.rollup.allTime;
  /** Series `es` read alike (one family, one split), each numbering its sums `i` + `offset(e)`. */
  const fromRollups = (
    es: readonly number[],
    offset: (e: number) => number,
    level: string,
    ranges: { i: number; a: number; b: number }[],
  ) =>
    ctx.reads.add(
      es.map((e) => ({ index: ctx.index, rollup: series[e]!.rollup, offset: offset(e) })),
      level,
      filters,
      grouped,
      ctx.spanTable(["a", "b"], ranges),
    );
  /** The SELECTs of spans for series `es` from the facts, each its own, the rollups read for them all. */
  const reads = (
    es: readonly number[],
    spans: readonly { i: number; start: number; end: number }[],
    offset: (e: number) => number,
  ) => {
    const split = splitSpans(spans, "timestamp", ctx.tz, dim, series[es[0]!]!.rollup.days, ctx.now);
    const number = <T extends { i: number }>(x: T) => ({ ...x, i: spans[x.i]!.i });
    const read = (pieces: SpanSplit["facts"], e: number) =>
      series[e]!.edges(
        ctx.spanTable(
          ["s", "e"],
          pieces.map(number).map((x) => ({ ...x, i: x.i + offset(e) })),
        ),
      );
    const edges = split.facts.filter((x) => x.s < x.e);
    for (const level of split.levels)
      if (level.ranges.length) fromRollups(es, offset, level.dim, level.ranges.map(number));
    return [
      ...(edges.length ? es.map((e) => read(edges, e)) : []),
      ...(split.less.length ? es.map((e) => lessSelect(read(split.less, e))) : []),
    ];
  };
  // Series of one family split alike are read together: a key history's events share its rows.
  const alike = new Map<string, number[]>();
  series.forEach(({ rollup }, e) => {
    const key = `${rollup.family} ${rollup.allTime} ${byTotal(e)}`;
    alike.set(key, [...(alike.get(key) ?? []), e]);
  });
  const piece = (e: number) => e * P;
  const numbered = pieces.map((x, j) => ({ ...x, i: j }));
  const selects = [...alike.values()].flatMap((es) => {
    if (!byTotal(es[0]!)) return reads(es, numbered, piece);
    fromRollups(es, piece, dim, [{ i: 0, a: ALL_TIME, b: ALL_TIME + 1 }]);
    return [...reads(es, numbered.slice(1), piece), ...reads(es, [{ i: 0, start: sorted[P - 1]!, end: NEVER }], after)];
  });
  return {
    selects,
    size: S * (P + 1),
    read(rows) {
      const sums = series.map(() => pieces.map(() => new Map<string | null, Aggregate>()));
      const later = series.map(() => new Map<string | null, Aggregate>());
      const adder = new GroupSums();
      for (const row of rows) {
        const wi = Number(row.wi);
        if (wi >= S * (P + 1)) continue;
        adder.addRow(wi >= S * P ? later[wi - S * P]! : sums[Math.floor(wi / P)]![wi % P]!, row);
      }
      adder.settle();
      // All time less what came after the first instant, within rounding: nothing before a shop's
      // first stock is none, not 1e-13.
      series.forEach((_, e) => {
        if (!byTotal(e)) return;
        for (const piece of sums[e]!.slice(1)) for (const [k, a] of piece) adder.add(later[e]!, k, a.sum, a.count);
        sums[e]![0] = minus(sums[e]![0]!, later[e]!);
      });
      for (const bySeries of sums) {
        for (let j = 1; j < P; j++) {
          const [before, here] = [bySeries[j - 1]!, bySeries[j]!];
          for (const [k, a] of before) adder.add(here, k, a.sum, a.count);
        }
      }
      return (s, x) => sums[s]![at.get(x)!]!;
    },
  };
}

/**
 * How far apart two floating-point sums may be and still be equal: summing n terms errs by up to
 * about n·ε of their magnitude (ε = 2⁻⁵³), and a prefix sum adds at most ~10⁵ rollup rows (a
 * decade of hours). A stock that went to 0 is then 0, as a read of the facts gives, not 1e-13.
 */
const ROUNDING = 1e-11;

/** Group by group, what `a` holds more than `b` (groups with nothing left out, as a read of the facts gives none). */
export function minus(
  a: ReadonlyMap<string | null, Aggregate>,
  b: ReadonlyMap<string | null, Aggregate>,
): Map<string | null, Aggregate> {
  const out = new Map<string | null, Aggregate>();
  for (const [k, x] of a) {
    const y = b.get(k) ?? { sum: 0, count: 0 };
    const sum = Math.abs(x.sum - y.sum) <= ROUNDING * (Math.abs(x.sum) + Math.abs(y.sum)) ? 0 : x.sum - y.sum;
    if (x.count !== y.count || sum !== 0) out.set(k, { sum, count: x.count - y.count });
  }
  return out;
}
