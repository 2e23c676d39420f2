// What an engine computes: plain aggregates of measures over spans of time. Everything above
// that (formulas, null rules, changes, targets, status, formatting) is shared code, so engines
// cannot disagree about it.
import type { Measure } from "../definitions/definition.js";
import type { DimensionBinding } from "../facts/model.js";
import type { Span } from "../time/range.js";

export interface FilterBinding {
  binding: DimensionBinding;
  values: readonly string[];
}

export interface MeasureRequest {
  measure: Measure;
  /** Query filters on dimensions this measure's fact has (ANDed with its `where`). */
  filters: readonly FilterBinding[];
  /** Split by this dimension (only for facts that have it). */
  groupBy?: DimensionBinding;
  spans: readonly Span[];
  /**
   * The query's now: there are few facts after it (none, unless placed ahead of time), so an
   * engine may read a span that ends then as its last whole bucket less what came after it.
   */
  now?: number;
}

/**
 * `sum` is the aggregate (a sum, a count or a distinct count) and `count` the number of facts that
 * contributed a value; a mean is sum / count. A request with no facts in a span has no entry.
 */
export interface Aggregate {
  sum: number;
  count: number;
}

/** Per request, per span: aggregates by group key (`null` is the total, or a missing dimension value). */
export type MeasureResults = ReadonlyArray<ReadonlyArray<ReadonlyMap<string | null, Aggregate>>>;

export interface Engine {
  /** `signal` aborts when the caller stops waiting; an engine whose work can stop stops it. */
  compute(
    requests: readonly MeasureRequest[],
    tz: string,
    signal?: AbortSignal,
  ): MeasureResults | Promise<MeasureResults>;
  /** Changes whenever the data does: part of ETags and cache keys. */
  dataVersion(): string | Promise<string>;
}
