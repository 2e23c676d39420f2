// SVG paths for lines, areas and gauge rings. d3-shape's generators would add about 5 KB gzip
// (curves, symbols, stacks), and d3-path 1 KB, for paths this simple: they are written directly.

/** [x, y] with y null where there is no value: the line breaks there. */
export type Point = readonly [x: number, y: number | null];

/** Runs of consecutive points that have a value. */
function runs(points: readonly Point[]): (readonly [number, number])[][] {
  const out: (readonly [number, number])[][] = [];
  let run: (readonly [number, number])[] = [];
  for (const [x, y] of points) {
    if (y === null || !Number.isFinite(y)) {
      if (run.length) out.push(run);
      run = [];
    } else run.push([x, y]);
  }
  if (run.length) out.push(run);
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;
const to = ([x, y]: readonly [number, number]) => `${round(x)},${round(y)}`;

/** A polyline through the points, broken where values are missing; a lone point is a dot. */
export function linePath(points: readonly Point[]): string {
  return runs(points)
    .map((run) => `M${run.map(to).join("L")}${run.length === 1 ? `L${to(run[0]!)}` : ""}`)
    .join("");
}

/** The area between the line and the baseline y0, one closed shape per run of values. */
export function areaPath(points: readonly Point[], y0: number): string {
  return runs(points)
    .map((run) => `M${to([run[0]![0], y0])}L${run.map(to).join("L")}L${to([run[run.length - 1]![0], y0])}Z`)
    .join("");
}

/**
 * A ring segment centred on the origin from angle a0 to a1 (radians, clockwise from 12 o'clock,
 * as d3-shape's arc measures them), less than a full turn.
 */
export function ringPath(inner: number, outer: number, a0: number, a1: number): string {
  if (a1 <= a0) return "";
  // SVG's y axis points down: clockwise from 12 o'clock is (r sin a, −r cos a), and an arc drawn
  // clockwise has sweep flag 1.
  const at = (r: number, a: number) => to([r * Math.sin(a), -r * Math.cos(a)]);
  const large = a1 - a0 > Math.PI ? 1 : 0;
  return (
    `M${at(outer, a0)}A${outer},${outer},0,${large},1,${at(outer, a1)}` +
    `L${at(inner, a1)}A${inner},${inner},0,${large},0,${at(inner, a0)}Z`
  );
}
