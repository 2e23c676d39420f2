// Keys active at an instant t (with a fact in the `days` local days before it, from A = t less
// those days) read from the events of their histories (chain.ts) as prefix sums over rollups:
//
//   active(t)     = first facts before t − lapsed(A, t)
//   lapsed(a, e)  = keys whose last fact before e is before a
//                 = last facts before a + lapse starts before a − lapse ends before e
//                   + lapses that start at or after a and end before e
//
// which holds when e − a is at least the lapse gap: every gap in a history that spans [a, e) is
// then a lapse. Keys lost from S to E (active at S, not at E) are lapsed(A_E, E) − lapsed(A_S, E)
// when A_E ≤ S, a period no longer than the window; retained ones are active(S) less those. Each
// prefix sum is read as the sum of the pieces between consecutive instants (rollup hours, quarter
// hours, and for the minutes between, the histories themselves: prefix.ts), so a query reads a
// few thousand rollup rows whatever the number of facts. A query it cannot serve so (a split, a
// filter, a longer period, a window shorter than the gap in some zone) reads the facts.
import type { Measure } from "../../definitions/schema.js";
import { shiftLocal } from "../../time/range.js";
import type { Aggregate, MeasureRequest } from "../types.js";
import { type ChainEventKind, eventSelect, lapseGap, lapsesWithinSelect } from "./chain.js";
import { type PlanContext, prefixSums } from "./prefix.js";
import type { RollupMeasure } from "./rollup.js";

const KINDS: readonly ChainEventKind[] = ["first", "last", "lapse_start", "lapse_end"];

/** A request whose rows are the parts of a plan rather than aggregates by span. */
export interface Plan {
  selects: string[];
  /** Per span of the request, its value from the statement's rows for it. */
  decode(rows: readonly Record<string, unknown>[]): Map<string | null, Aggregate>[];
}

type Band = { a: number; e: number };

/** The bands a span reads, and its value from them (`active` and `lapsed` read a band's prefix sums). */
interface SpanPlan {
  bands: Band[];
  value(active: (b: Band) => number, lapsed: (b: Band) => number): number;
}

/** A window whose lapses are kept, and the rollups of its history's events. */
export interface KeptWindow {
  days: number;
  events: Record<ChainEventKind, RollupMeasure>;
}

/**
 * The plan of an activity measure, or of a distinct count over spans at least as long as a kept
 * window's lapse gap (the keys with a fact in [s, e) are those active at e over that span); none
 * when the request must read the facts.
 */
export function historyPlan(r: MeasureRequest, windows: readonly KeptWindow[], ctx: PlanContext): Plan | undefined {
  const m = r.measure;
  if (r.filters.length || r.groupBy) return undefined;
  const { tz } = ctx;
  let window: KeptWindow | undefined;
  let plans: (SpanPlan | undefined)[];
  if (m.agg === "active") {
    window = windows.find((w) => w.days === m.days);
    plans = r.spans.map((s) => activeSpan(m, s.start, s.end, tz));
  } else if (m.agg === "count_distinct" && !m.minRows && !m.snapshot) {
    window = windows.find((w) => r.spans.every((s) => s.end - s.start >= lapseGap(w.days)));
    plans = r.spans.map((s) => {
      const range = { a: s.start, e: s.end };
      return { bands: [range], value: (active) => active(range) };
    });
  } else return undefined;
  if (!window || plans.some((p) => !p)) return undefined;
  const { days, events } = window;
  const gap = lapseGap(days);
  const chain = events.first.event!.chain;
  const spans = plans as SpanPlan[];

  // Each band reads prefix sums at its two ends, and the lapses inside it.
  const bands = [...new Set(spans.flatMap((p) => p.bands))];
  const series = KINDS.map((kind) => ({ rollup: events[kind], edges: (w: string) => eventSelect(ctx.index, kind, chain, days, w, ctx.tenantParam, ctx.params, ctx.dialect) }));
  const prefix = prefixSums(series, bands.flatMap((b) => [b.a, b.e]), ctx);
  // By identity: a span plan reads back the very bands it gave.
  const bandAt = new Map(bands.map((b, k) => [b, prefix.size + k]));
  const bandTable = ctx.spanTable(["a", "x", "e"], bands.map((b) => ({ i: bandAt.get(b)!, a: b.a, x: b.e - gap, e: b.e })));

  return {
    selects: [...prefix.selects, lapsesWithinSelect(ctx.index, chain, days, bandTable, ctx.tenantParam, ctx.params, ctx.dialect)],
    decode(rows) {
      const sum = prefix.read(rows);
      const within = new Map<number, number>();
      for (const row of rows) if (Number(row.wi) >= prefix.size) within.set(Number(row.wi), Number(row.v ?? 0));
      const before = (kind: ChainEventKind, x: number) => sum(KINDS.indexOf(kind), x).get(null)?.sum ?? 0;
      const lapsed = (b: Band) => before("last", b.a) + before("lapse_start", b.a) - before("lapse_end", b.e) + (within.get(bandAt.get(b)!) ?? 0);
      const active = (b: Band) => before("first", b.e) - lapsed(b);
      return spans.map((p) => {
        const value = p.value(active, lapsed);
        return new Map(value ? [[null, { sum: value, count: value }]] : []);
      });
    },
  };
}

/** The bands of one span of an activity measure, if every one is at least the lapse gap long. */
function activeSpan(m: Extract<Measure, { agg: "active" }>, S: number, E: number, tz: string): SpanPlan | undefined {
  const gap = lapseGap(m.days);
  const aS = shiftLocal(tz, S, { days: -m.days });
  const aE = shiftLocal(tz, E, { days: -m.days });
  if (S - aS < gap || E - aE < gap) return undefined;
  const start = { a: aS, e: S };
  const end = { a: aE, e: E };
  const since = { a: aS, e: E };
  switch (m.state) {
    case "start":
      return { bands: [start], value: (active) => active(start) };
    case "end":
      return { bands: [end], value: (active) => active(end) };
    case "lost":
    case "retained":
      if (aS > aE || aE > S) return undefined;
      return m.state === "lost"
        ? { bands: [end, since], value: (_, lapsed) => lapsed(end) - lapsed(since) }
        : { bands: [start, end, since], value: (active, lapsed) => active(start) - (lapsed(end) - lapsed(since)) };
  }
}
