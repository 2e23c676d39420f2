// Two engines' results for one query, compared number by number to within rounding: the value, the
// previous value, the target, every bucket of both series, and each breakdown key's values.
import type { Result } from "../../src/index.js";

/** Equal, or within 1e-9 relative (sums in another order round differently); null only equals null. */
export function nearlyEqual(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a === b;
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Each number of `actual` that is not `expected`'s, worded with the two sides' names. */
export function resultDifferences(
  expected: Result,
  actual: Result,
  names: { expected: string; actual: string },
): string[] {
  const out: string[] = [];
  const check = (what: string, a: number | null | undefined, b: number | null | undefined) => {
    if (!nearlyEqual(a, b)) out.push(`${what}: ${names.expected} ${a} ≠ ${names.actual} ${b}`);
  };
  check("value", expected.value, actual.value);
  check("previous", expected.previous, actual.previous);
  check("target", expected.target?.value ?? null, actual.target?.value ?? null);
  if (expected.series.length !== actual.series.length)
    out.push(`series length: ${expected.series.length} ≠ ${actual.series.length}`);
  expected.series.forEach((p, i) => {
    check(`series[${i}] ${p.start}`, p.value, actual.series[i]?.value);
    check(`series[${i}].previous`, p.previous, actual.series[i]?.previous);
  });
  const byKey = new Map((actual.breakdown ?? []).map((b) => [b.key, b]));
  for (const b of expected.breakdown ?? []) {
    check(`breakdown ${b.key}`, b.value, byKey.get(b.key)?.value);
    check(`breakdown ${b.key}.previous`, b.previous, byKey.get(b.key)?.previous);
  }
  if ((expected.breakdown?.length ?? 0) !== (actual.breakdown?.length ?? 0))
    out.push(`breakdown keys: ${expected.breakdown?.length} ≠ ${actual.breakdown?.length}`);
  return out;
}
