// How a series is drawn, shared by <kpi-trend>, <kpi-sparkline> and <kpi-card>: which points the
// line joins, the segment into a bucket still running, and the points to mark; and the sparkline
// itself, on a 100×100 view box that stretches to any size (the stroke keeps its width).
import { svg, type SVGTemplateResult } from "lit";
import { linePath, type Point } from "./paths.js";
import { linearScale } from "./scale.js";

type Value = number | null;
type Known = readonly [number, number];

const known = (p: Point): p is Known => p[1] !== null && Number.isFinite(p[1]);

/** The extent of the values, or null when none is a number. */
export function extentOf(values: readonly Value[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return lo === Infinity ? null : [lo, hi];
}

export interface SeriesShape {
  /** The line through the settled buckets: broken at gaps, or through the known points when sparse. */
  line: Point[];
  /** The segment from the last settled point into the running last bucket (or that point alone). */
  partial: Point[];
  /** Points to mark: every known point of a sparse series. */
  marks: Known[];
}

/**
 * What to draw of a series. A series is sparse when at least half of its buckets are empty (surveys
 * on a few days), or when a known point has no known neighbour: broken at every gap it would be dots
 * and fragments, so its known points are joined and marked. A dense series breaks at its gaps, which
 * are news. A running last bucket (`partial`) holds part of a period and is no fall: it gets a
 * segment of its own, drawn dashed.
 */
export function seriesShape(points: readonly Point[], partial: boolean): SeriesShape {
  const isKnown = (i: number) => i >= 0 && i < points.length && known(points[i]!);
  const alone = points.some((_, i) => isKnown(i) && !isKnown(i - 1) && !isKnown(i + 1) && points.length > 1);
  const sparse = alone || points.filter((p) => !known(p)).length * 2 >= points.length;
  const settled = partial ? points.slice(0, -1) : points;
  const knownSettled = settled.filter(known);
  const running = partial ? points.at(-1) : undefined;
  const from = sparse ? knownSettled.at(-1) : settled.at(-1);
  return {
    line: sparse ? knownSettled : [...settled],
    partial: running && known(running) ? (from && known(from) ? [from, running] : [running]) : [],
    marks: sparse ? knownSettled : [],
  };
}

const dot = (p: Known) => linePath([p]);

/** The sparkline of values over a y-domain (the values' own extent unless shared). */
export function sparklineSvg(
  values: readonly Value[],
  domain?: readonly [number, number] | null,
  partial = false,
): SVGTemplateResult {
  const extent = domain ?? extentOf(values);
  const y = extent ? linearScale(extent, [96, 4]) : () => 50;
  const x = (i: number) => (values.length > 1 ? (i / (values.length - 1)) * 100 : 50);
  const shape = seriesShape(
    values.map((v, i) => [x(i), v === null || !Number.isFinite(v) ? null : y(v)]),
    partial,
  );
  return svg`<svg
    part="sparkline"
    class="sparkline"
    viewBox="0 0 100 100"
    preserveAspectRatio="none"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-linejoin="round"
    stroke-linecap="round"
  >
    <path d=${linePath(shape.line)} stroke-width="2" vector-effect="non-scaling-stroke"></path>
    ${
      shape.partial.length
        ? svg`<path
            class="partial"
            d=${linePath(shape.partial)}
            stroke-width="2"
            stroke-dasharray="2 4"
            opacity="0.6"
            vector-effect="non-scaling-stroke"
          ></path>`
        : null
    }
    ${
      shape.marks.length
        ? svg`<path class="marks" d=${shape.marks.map(dot).join("")} stroke-width="4"
            vector-effect="non-scaling-stroke"></path>`
        : null
    }
  </svg>`;
}
