// Linear scales, nice extents and ticks (axes.ts labels them). d3-scale would bring interpolators
// and formatters the widgets never use (they format with Intl), so the mapping is a line of
// arithmetic. The tick logic is d3-array's, written out here: its package is one file whose
// top-level calls (bisectors, blurs, a shuffler) a bundler such as esbuild cannot drop, which put
// 3.5 KB of it (1.2 KB gzip) into every page that used two of its functions.

// ticks and nice: from d3-array 3.2.5, https://github.com/d3/d3-array, ISC License,
// Copyright 2010-2026 Mike Bostock. Permission to use, copy, modify, and/or distribute this software
// for any purpose with or without fee is hereby granted, provided that the above copyright notice
// and this permission notice appear in all copies.

/** The first and last tick as multiples of the step, and the step (negative: its inverse, for exactness). */
function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  // Computed here rather than as constants of the module: calls at its top would be kept in every bundle
  // that imports it (the card's, for linearScale alone), as a bundler cannot know they have no effect.
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    inc = 10 ** -power / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = 10 ** power * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** About `count` round values from start to stop (d3-array's ticks). */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const reverse = stop < start;
  const [i1, i2, inc] = reverse ? tickSpec(stop, start, count) : tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const n = i2 - i1 + 1;
  const at = (i: number) => (reverse ? i2 - i : i1 + i);
  return Array.from({ length: n }, (_, i) => (inc < 0 ? at(i) / -inc : at(i) * inc));
}

/** [start, stop] widened to round values, so that ticks fall on its ends (d3-array's nice). */
function nice(start: number, stop: number, count: number): [number, number] {
  let prestep: number | undefined;
  while (true) {
    const step = tickSpec(start, stop, count)[2];
    if (step === prestep || step === 0 || !Number.isFinite(step)) return [start, stop];
    if (step > 0) {
      const i = Math.ceil(start / step);
      const j = Math.floor(stop / step);
      start = (i * step > start ? i - 1 : i) * step;
      stop = (j * step < stop ? j + 1 : j) * step;
    } else {
      const s = -step;
      const i = Math.ceil(start * s);
      const j = Math.floor(stop * s);
      start = (i / s > start ? i - 1 : i) / s;
      stop = (j / s < stop ? j + 1 : j) / s;
    }
    prestep = step;
  }
}

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
