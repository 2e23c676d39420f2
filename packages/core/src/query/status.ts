// Status and change of a value, kept free of the query machinery so that widgets can draw gauge
// bands and deltas with the API's own rules.
import type { Status } from "./result.js";

/** Status from thresholds, or else from the target (at it: good; within 10 % of it: warning). */
export function statusOf(
  value: number | null,
  better: "up" | "down" | "none",
  thresholds: { warning?: number | undefined; critical?: number | undefined } | undefined,
  target: number | null,
): Status | null {
  if (value === null || better === "none") return null;
  const worse = (a: number, b: number) => (better === "up" ? a < b : a > b);
  if (thresholds) {
    if (thresholds.critical !== undefined && worse(value, thresholds.critical)) return "critical";
    if (thresholds.warning !== undefined && worse(value, thresholds.warning)) return "warning";
    return "good";
  }
  if (target === null) return null;
  if (!worse(value, target)) return "good";
  const tolerance = Math.abs(target) * 0.1;
  return worse(value, better === "up" ? target - tolerance : target + tolerance) ? "critical" : "warning";
}

export function changeOf(value: number | null, previous: number | null) {
  if (value === null || previous === null) return { absolute: null, relative: null };
  // From a base of 0, or of the other sign (a loss become a profit), a ratio means nothing: a swing
  // from −$50 to +$46 is not "+192 %". The absolute change still says what happened.
  const comparable = previous !== 0 && Math.sign(value) * Math.sign(previous) >= 0;
  return { absolute: value - previous, relative: comparable ? (value - previous) / Math.abs(previous) : null };
}
