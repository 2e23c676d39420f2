// The sparkline drawing shared by <kpi-sparkline> and <kpi-card>: a line through the values on a
// 100×100 view box that stretches to any size (the stroke keeps its width).
import { svg, type SVGTemplateResult } from "lit";
import { linePath } from "./paths.js";
import { linearScale } from "./scale.js";

type Value = number | null;

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

/** The SVG path of values over a y-domain (the values' own extent unless shared). */
export function sparklinePath(
  values: readonly Value[],
  domain: readonly [number, number] | null = extentOf(values),
): string {
  if (!domain) return "";
  const y = linearScale(domain, [96, 4]);
  const x = (i: number) => (values.length > 1 ? (i / (values.length - 1)) * 100 : 50);
  return linePath(values.map((v, i) => [x(i), v === null || !Number.isFinite(v) ? null : y(v)]));
}

export function sparklineSvg(
  values: readonly Value[],
  domain?: readonly [number, number] | null,
  partial = false,
): SVGTemplateResult {
  const last = values.length - 1;
  const y = domain ?? extentOf(values);
  const lastValue = values[last];
  const dot =
    partial && last >= 0 && lastValue !== null && lastValue !== undefined && y
      ? linearScale(y, [96, 4])(lastValue)
      : null;
  return svg`<svg
    part="sparkline"
    class="sparkline"
    viewBox="0 0 100 100"
    preserveAspectRatio="none"
    aria-hidden="true"
    focusable="false"
  >
    <path
      d=${sparklinePath(values, y)}
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      vector-effect="non-scaling-stroke"
      stroke-linejoin="round"
      stroke-linecap="round"
    ></path>
    ${
      dot !== null
        ? svg`<line
            x1="100"
            x2="100"
            y1=${dot}
            y2=${dot}
            stroke="currentColor"
            stroke-width="5"
            stroke-linecap="round"
            vector-effect="non-scaling-stroke"
            class="partial"
          ></line>`
        : null
    }
  </svg>`;
}
