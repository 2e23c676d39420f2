// Linear scales and nice extents. d3-scale would bring interpolators and formatters the widgets
// never use (they format with Intl), so the mapping is a line of arithmetic and the tick logic is
// d3-array's.
import { nice } from "d3-array";

export type LinearScale = (value: number) => number;

/** Maps [d0, d1] onto [r0, r1]; a flat domain maps to the middle of the range. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): LinearScale {
  const span = d1 - d0;
  return (value) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
}
/** The extent of the finite numbers in `values`, widened to include `also`, made nice for ticks. */
export function niceExtent(
  values: Iterable<number | null | undefined>,
  count: number,
  also: readonly number[] = [],
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  for (const v of also) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return null;
  if (lo === hi) return lo === 0 ? [0, 1] : lo > 0 ? [0, lo * 1.2] : [lo * 1.2, 0];
  const [a, b] = nice(lo, hi, count);
  return [a, b];
}
