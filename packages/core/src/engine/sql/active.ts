// Keys active at an instant t (with a fact in the `days` local days before it, from A = t less
// those days) read from the events of their histories (chain.ts) as prefix sums over rollups:
//
//   active(t)     = first facts before t − lapsed(A, t)
//   lapsed(a, e)  = keys whose last fact before e is before a
//                 = last facts before a + lapse starts before a − lapse ends before e
//                   + lapses that start at or after a and end before e
//
// which holds when e − a is at least the lapse gap: every gap in a history that spans [a, e) is
// then a lapse. Keys lost from S to E (active at S, not at E) are, when A_E ≤ S (a period no
// longer than the window), those whose last fact before E is in [A_S, A_E): last facts ever in
// it, and lapses that start in it and are not over by E; retained ones are active(S) less those. In
// a longer period (a leap year's, with the 365-day window), those whose last fact before E is in
// [A_S, S) so, and those whose last fact before E is in [S, A_E) and last before S in [A_S, S),
// read from the history's facts in [S, A_E). Each
// prefix sum is read as the sum of the pieces between consecutive instants (rollup hours, quarter
// hours, and for the minutes between, the histories themselves: prefix.ts), so a query reads a
// few thousand rollup rows whatever the number of facts. A query it cannot serve so (a split, a
// filter, a window shorter than the gap in some zone) reads the facts.
import type { Measure } from "../../definitions/definition.js";
import { shiftLocal } from "../../time/range.js";
import type { Aggregate, MeasureRequest } from "../types.js";
import {
  type ChainEventKind,
  distinctSelect,
  eventSelect,
  lapseGap,
  lapsesSelect,
  DAY_LINKS,
  LONG_LINKS,
  stretchSelect,
} from "./chain.js";
import { DAY } from "./buckets.js";
import { pairsSelects, pairsServe } from "./pairs.js";
import { type PlanContext, prefixSums } from "./prefix.js";
import { type HistoryEvents, NEVER, type RollupMeasure } from "./rollup.js";

/** A request whose rows are the parts of a plan rather than aggregates by span. */
export interface Plan {
  selects: string[];
  /** Per span of the request, its value from the statement's rows for it. */
  decode(rows: readonly Record<string, unknown>[]): Map<string | null, Aggregate>[];
}

/** Keys active at e over the window [a, e), read with the lapses of a window of `days`. */
type Band = { a: number; e: number; days: number };
/** Lapses of a window of `days` that start in [a, x) and are not over by e. */
type Spanning = { a: number; x: number; e: number; days: number };
/** Lapses of a window of `days` that start in [a, x) and end in [e, f), as read. */
type LapseRead = { a: number; x: number; e: number; f: number; days: number };
/**
 * Facts in [a, x) that are their key's last before e: read from the history's facts in [a, x), or
 * `by` the last facts in [a, x) (prefix sums) and those whose next fact is at or after e, which
 * the facts since e name (`next`: e is nearer now than a is to x, so they are few) or which are
 * among the long links (`long`: e is at least their shortest after x).
 */
type LastBefore = { a: number; x: number; e: number; by: keyof typeof LAST_BEFORE_READS };
/** What each way of reading them reads of the history (chain.ts's stretchSelect). */
const LAST_BEFORE_READS = { facts: "lastBefore", next: "nextAfter", long: "longAfter" } as const;
/**
 * Keys whose last fact before e is in [s, x) and whose last before s is at or after a: those lost
 * over a range longer than its window (x, the start of the window at its end, is after s), whose
 * last fact is in the stretch between the two windows.
 */
type Across = { a: number; s: number; x: number; e: number };

/**
 * The lapses that start in [a, x) and end in [e, f) are read by their starts or by their ends (few
 * end after now), whichever stretch is the shorter (each read is in an index alone): its length.
 */
const lapseRead = ({ a, x, e, f }: Omit<LapseRead, "days">, now?: number) => {
  const [starts, ends] = [x - a, Math.min(f, now ?? f) - e];
  return { byEnd: ends < starts, cost: Math.max(0, Math.min(ends, starts)) };
};

/** What a span reads, and its value from it (none: it reads the facts). */
interface SpanPlan {
  bands: Band[];
  spanning: Spanning[];
  lastBefore?: LastBefore;
  across?: Across;
  /** Instants at which it reads prefix sums other than its bands' ends. */
  instants: number[];
  value(read: Reader): number;
}

interface Reader {
  active(b: Band): number;
  lapsed(b: Band): number;
  before(kind: ChainEventKind, x: number, days?: number): number;
  spanning(s: Spanning): number;
  lastBefore(l: LastBefore): number;
  across(g: Across): number;
}

/**
 * The plan of an activity measure, or of a distinct count (its keys in a span are those active at
 * the span's end: see distinctSpan) or of keys with two facts (a span of a day from its own second
 * facts, a longer one up to a year from the pairs kept: pairs.ts); none when the request must read
 * the facts.
 */
export function historyPlan(r: MeasureRequest, history: HistoryEvents, ctx: PlanContext): Plan | undefined {
  const m = r.measure;
  if (r.filters.length || r.groupBy) return undefined;
  const { chain } = history;
  let plans: (SpanPlan | undefined)[];
  // Spans whose own facts are the shortest read (distinct counts only).
  const scanned: number[] = [];
  const orScan = (plan: SpanPlan | undefined, i: number): SpanPlan => {
    if (!plan) scanned.push(i);
    return plan ?? { bands: [], spanning: [], instants: [], value: () => 0 };
  };
  const twice = m.agg === "count_distinct" && m.minRows === 2;
  if (m.agg === "active") {
    if (!history.lapses.has(m.days)) return undefined;
    const table = history.tables.includes(m.days);
    plans = r.spans.map((s) => activeSpan(m, s.start, s.end, ctx.tz, table));
  } else if (m.agg === "count_distinct" && !m.minRows && !m.snapshot) {
    const windows = [...history.lapses.keys()];
    plans = r.spans.map((s, i) => orScan(distinctSpan(s.start, s.end, windows, ctx.now), i));
  } else if (twice && !m.snapshot) {
    // Each span from its own second facts, or where the history keeps them, its pairs (pairs.ts).
    plans = r.spans.map((_, i) => orScan(undefined, i));
  } else return undefined;
  if (plans.some((p) => !p)) return undefined;
  const spans = plans as SpanPlan[];

  // Prefix sums of first and last facts, and of the lapses of each window read.
  const used = [...new Set(spans.flatMap((p) => p.bands.map((b) => b.days)))];
  const edges = (kind: ChainEventKind, days?: number) => (w: string) =>
    eventSelect(ctx.index, kind, chain, days, w, ctx.tenantParam, ctx.params, ctx.dialect);
  const of = (kind: ChainEventKind, rollup: RollupMeasure, days?: number) => ({
    kind,
    days,
    rollup,
    edges: edges(kind, days),
  });
  const series = [
    of("first", history.first),
    of("last", history.last),
    ...used.flatMap((d) => [
      of("lapse_start", history.lapses.get(d)!.start, d),
      of("lapse_end", history.lapses.get(d)!.end, d),
    ]),
  ];
  const seriesOf = (kind: ChainEventKind, days?: number) => series.findIndex((k) => k.kind === kind && k.days === days);
  const prefix = prefixSums(
    series,
    spans.flatMap((p) => [...p.bands.flatMap((b) => [b.a, b.e]), ...p.instants]),
    ctx,
  );
  // Rows past the prefix sums: each band's lapses, each lapse read of the spanning counts, each
  // scanned span. By identity: a span plan reads back the very bands it gave.
  const bands = spans.flatMap((p) => p.bands);
  const spanning = spanningReads(
    spans.flatMap((p) => p.spanning),
    ctx.now,
  );
  const lastBefore = spans.flatMap((p) => (p.lastBefore && p.lastBefore.a < p.lastBefore.x ? [p.lastBefore] : []));
  const across = spans.flatMap((p) => (p.across ? [p.across] : []));
  const wi = new Map<object | number, number>(
    [...bands, ...spanning.reads, ...lastBefore, ...across, ...scanned].map((b, k) => [b, prefix.size + k]),
  );
  const table = (columns: string[], rows: Record<string, number>[]) => ctx.spanTable(columns, rows);
  // Each stretch of lapses is read by their starts or by their ends, whichever costs less.
  const byEnd = new Set(spanning.reads.filter((r) => lapseRead(r, ctx.now).byEnd));
  const lapses = (ends: boolean) => {
    const rows = spanning.reads.filter((r) => byEnd.has(r) === ends);
    return [...new Set(rows.map((b) => b.days))].map((d) => {
      const mine = rows.filter((b) => b.days === d).map((b) => ({ i: wi.get(b)!, a: b.a, x: b.x, e: b.e, f: b.f }));
      return lapsesSelect(
        ctx.index,
        chain,
        d,
        ends,
        table(["a", "x", "e", "f"], mine),
        ctx.tenantParam,
        ctx.params,
        ctx.dialect,
      );
    });
  };

  /** Facts of a kind per row of a span table (its columns those of the rows, after `i`), read from the history. */
  const stretch = (facts: Parameters<typeof stretchSelect>[2], rows: ({ i: number } & Record<string, number>)[]) =>
    rows.length
      ? [
          stretchSelect(
            ctx.index,
            chain,
            facts,
            table(Object.keys(rows[0]!).slice(1), rows),
            ctx.tenantParam,
            ctx.params,
            ctx.dialect,
          ),
        ]
      : [];
  return {
    selects: [
      ...prefix.selects,
      // A band exactly as long as its window's gap has no lapses within; one no longer than a day's
      // short links reads its lapses' ends among them.
      ...used.flatMap((d) => {
        const mine = bands.filter((b) => b.days === d && b.e - lapseGap(d) > b.a);
        const short = (b: Band) => b.e - b.a <= DAY_LINKS.max;
        return [
          ...stretch(
            { lapsesOf: d },
            mine.filter((b) => !short(b)).map((b) => ({ i: wi.get(b)!, a: b.a, x: b.e - lapseGap(d), e: b.e })),
          ),
          ...stretch(
            { dayLapsesOf: d },
            mine.filter(short).map((b) => ({ i: wi.get(b)!, a: b.a + lapseGap(d), x: b.e, e: b.a })),
          ),
        ];
      }),
      ...lapses(false),
      ...lapses(true),
      ...(["facts", "next", "long"] as const).flatMap((by) =>
        stretch(
          LAST_BEFORE_READS[by],
          lastBefore.filter((l) => l.by === by).map((l) => ({ i: wi.get(l)!, a: l.a, x: l.x, e: l.e })),
        ),
      ),
      ...stretch(
        "across",
        across.map((g) => ({ i: wi.get(g)!, ...g })),
      ),
      ...scans(
        scanned.map((i) => ({ i: wi.get(i)!, s: r.spans[i]!.start, e: r.spans[i]!.end })),
        twice,
        ctx,
        history,
      ),
    ],
    decode(rows) {
      const sum = prefix.read(rows);
      const counts = new Map<number, number>();
      // A span's count may come in parts (pairs.ts): they add up.
      for (const row of rows) {
        const wi = Number(row.wi);
        if (wi >= prefix.size) counts.set(wi, (counts.get(wi) ?? 0) + Number(row.v ?? 0));
      }
      const count = (b: object | number) => counts.get(wi.get(b)!) ?? 0;
      const before = (kind: ChainEventKind, x: number, days?: number) =>
        sum(seriesOf(kind, days), x).get(null)?.sum ?? 0;
      const lapsed = (b: Band) =>
        before("last", b.a) + before("lapse_start", b.a, b.days) - before("lapse_end", b.e, b.days) + count(b);
      const spanned = spanning.values(count);
      const read: Reader = {
        before,
        lapsed,
        active: (b) => before("first", b.e) - lapsed(b),
        spanning: (b) => spanned.get(b)!,
        lastBefore: (l) => (l.by === "facts" ? 0 : before("last", l.x) - before("last", l.a)) + count(l),
        across: count,
      };
      return spans.map((p, i) => {
        const value = scanned.includes(i) ? count(i) : p.value(read);
        return new Map(value ? [[null, { sum: value, count: value }]] : []);
      });
    },
  };
}

/**
 * The scanned spans' keys, read from their own facts: with `twice`, the keys with two facts, each
 * span up to a day among the day's links (a day's repeat customers are few), or from the pairs the
 * history keeps, for those they serve.
 */
function scans(
  spans: readonly { i: number; s: number; e: number }[],
  twice: boolean,
  ctx: PlanContext,
  history: HistoryEvents,
): string[] {
  const paired = twice && history.pairs ? spans.filter(pairsServe) : [];
  const tiers = new Map<boolean, { i: number; s: number; e: number }[]>();
  for (const span of spans) {
    if (paired.includes(span)) continue;
    const dayLinks = twice && span.e - span.s <= DAY_LINKS.max;
    tiers.set(dayLinks, [...(tiers.get(dayLinks) ?? []), span]);
  }
  return [
    ...pairsSelects(history.chain, paired, ctx),
    ...[...tiers].map(([dayLinks, rows]) =>
      distinctSelect(
        ctx.index,
        history.chain,
        twice,
        ctx.spanTable(["s", "e"], rows),
        ctx.tenantParam,
        ctx.params,
        ctx.dialect,
        dayLinks,
      ),
    ),
  ];
}

/**
 * How the spanning counts are read. One whose stretch of starts is long (CLV's annual churn: the
 * lapses of a year of starts not over a year later) would read that year of lapses, or their ends
 * since, for each span of a series. Sorted by e, latest first, such a count is instead the next
 * later one's plus what differs between the two, which for spans a day (or a month) apart is three
 * stretches of a day (or a month):
 *
 *   C(a0, x0, e0) = C(a1, x1, e1) + L(a0, a1, e1, ∞) − L(x0, x1, e1, ∞) + L(a0, x0, e0, e1)
 *
 * where C(a, x, e) counts lapses starting in [a, x) not over by e and L(a, x, e, f) those starting
 * in [a, x) and ending in [e, f); it holds when a0 ≤ a1 ≤ x0 ≤ x1 and e0 ≤ e1. A count whose own
 * read costs less (the latest, in a range ending now: the lapses not over by now, few; a month's
 * churn: a month of starts) is read alone.
 */
function spanningReads(
  spanning: readonly Spanning[],
  now: number | undefined,
): {
  reads: LapseRead[];
  values(count: (r: LapseRead) => number): Map<Spanning, number>;
} {
  const reads: LapseRead[] = [];
  type Terms = { from?: Spanning; plus: LapseRead[]; minus: LapseRead[] };
  const terms = new Map<Spanning, Terms>();
  const cost = (rs: LapseRead[]) => rs.reduce((sum, r) => sum + lapseRead(r, now).cost, 0);
  let later: Spanning | undefined;
  for (const s of [...spanning].sort((p, q) => q.e - p.e || q.a - p.a)) {
    const alone: Terms = { plus: [{ ...s, f: NEVER }], minus: [] };
    const chained: Terms | undefined =
      later?.days === s.days && s.a <= later.a && later.a <= s.x && s.x <= later.x && s.e <= later.e
        ? {
            from: later,
            plus: [
              { a: s.a, x: later.a, e: later.e, f: NEVER, days: s.days },
              { a: s.a, x: s.x, e: s.e, f: later.e, days: s.days },
            ],
            minus: [{ a: s.x, x: later.x, e: later.e, f: NEVER, days: s.days }],
          }
        : undefined;
    const picked = chained && cost([...chained.plus, ...chained.minus]) < cost(alone.plus) ? chained : alone;
    reads.push(...[...picked.plus, ...picked.minus].filter((r) => r.a < r.x && r.e < r.f));
    terms.set(s, picked);
    later = s;
  }
  return {
    reads,
    values(count) {
      const values = new Map<Spanning, number>();
      const sum = (rs: LapseRead[]) => rs.reduce((total, r) => total + count(r), 0);
      // In the order of `terms`: a count's `from` comes before it.
      for (const [s, t] of terms) values.set(s, (t.from ? values.get(t.from)! : 0) + sum(t.plus) - sum(t.minus));
      return values;
    },
  };
}

/**
 * The plan of a distinct count over [s, e), read with the window whose gap is nearest the span's
 * length: with a shorter one, its keys are those active at e over [s, e) (the gaps within the
 * first (e − s − gap) read from the history), or where the span holds the window's whole length
 * and that stretch can be read among the long links (or the facts since e), those active over
 * [e − window, e) plus the keys whose last fact before e is before it; with a longer one, those
 * over [e − gap, e) less the keys whose last fact before e is before s. Such keys are read from
 * the history's facts of the stretch, or from the prefix sums of last facts and, for a span that
 * ends near now, the facts since e, for one at least as long as the long links, those among them:
 * a range that ends now is hours short of its window's gap, a month is three days longer than four
 * weeks. None when reading the span's own facts is shorter still.
 */
function distinctSpan(s: number, e: number, windows: readonly number[], now?: number): SpanPlan | undefined {
  const length = e - s;
  const gaps = windows.map((days) => ({ days, gap: lapseGap(days) }));
  const shorter = gaps.filter((w) => w.gap <= length).sort((p, q) => q.gap - p.gap)[0];
  const longer = gaps.filter((w) => w.gap >= length).sort((p, q) => p.gap - q.gap)[0];
  const within = shorter ? length - shorter.gap : Infinity;
  const beyond = longer ? longer.gap - length : Infinity;
  const none = { spanning: [], instants: [] };
  if (length <= Math.min(within, beyond)) return undefined;
  // Keys whose last fact before e is in [a, x); no stretch at all reads nothing either way.
  const lastBefore = (a: number, x: number): LastBefore => {
    const recent = now !== undefined && a < x && now - e < x - a;
    return { a, x, e, by: recent ? "next" : e - x >= LONG_LINKS.min ? "long" : "facts" };
  };
  const withLast = (band: Band, before: LastBefore, sign: 1 | -1): SpanPlan => ({
    ...none,
    bands: [band],
    lastBefore: before,
    instants: before.by === "facts" ? [] : [before.a, before.x],
    value: (read) => read.active(band) + sign * read.lastBefore(before),
  });
  if (within <= beyond) {
    const whole = e - shorter!.days * DAY;
    const before = whole >= s ? lastBefore(s, whole) : undefined;
    if (before && before.by !== "facts") return withLast({ a: whole, e, days: shorter!.days }, before, 1);
    const band = { a: s, e, days: shorter!.days };
    return { ...none, bands: [band], value: (read) => read.active(band) };
  }
  const a = e - longer!.gap;
  return withLast({ a, e, days: longer!.days }, lastBefore(a, s), -1);
}

/** The bands of one span of an activity measure, if every one is at least the lapse gap long. */
function activeSpan(
  m: Extract<Measure, { agg: "active" }>,
  S: number,
  E: number,
  tz: string,
  table: boolean,
): SpanPlan | undefined {
  const { days } = m;
  const gap = lapseGap(days);
  const aS = shiftLocal(tz, S, { days: -days });
  const aE = shiftLocal(tz, E, { days: -days });
  if (S - aS < gap || E - aE < gap) return undefined;
  const start = { a: aS, e: S, days };
  const end = { a: aE, e: E, days };
  // Keys lost are those active at S whose last fact before E is before aE. Where aE ≤ S, those whose
  // last fact before E is in [aS, aE): their last fact ever, or the start of a lapse (the next fact
  // is at least E − aE later) not over by E. In a range longer than the window (a leap year's),
  // those whose last before E is in [aS, S) so, and those whose last before E is in [S, aE) and whose
  // last before S is at or after aS, read from the history's facts in [S, aE).
  const x = Math.min(aE, S);
  const across = aE > S ? { a: aS, s: S, x: aE, e: E } : undefined;
  const lost = (read: Reader, since: Spanning) =>
    read.before("last", x) - read.before("last", aS) + read.spanning(since) + (across ? read.across(across) : 0);
  const none = { bands: [], spanning: [], instants: [] };
  switch (m.state) {
    case "start":
      return { ...none, bands: [start], value: (read) => read.active(start) };
    case "end":
      return { ...none, bands: [end], value: (read) => read.active(end) };
    case "lost":
    case "retained": {
      if (!table) return undefined;
      const since = { a: aS, x, e: E, days };
      const reads = { spanning: [since], instants: [aS, x], ...(across ? { across } : {}) };
      return m.state === "lost"
        ? { ...none, ...reads, value: (read) => lost(read, since) }
        : { ...reads, bands: [start], value: (read) => read.active(start) - lost(read, since) };
    }
  }
}
