// Where a running period is heading: "on pace for $X by the end of the month". Two methods, the
// better one that the data allows. Last year's shape, when last year's same period has values:
// this year so far, scaled by how last year's whole period compared with last year's same part
// (so a December that sells most in its last week is not projected flat). Otherwise the run rate:
// so far, scaled by the period's length over the time elapsed.
import type { Better } from "../definitions/units.js";
import type { Span } from "../time/range.js";

export const PACE_METHODS = ["last_year", "run_rate"] as const;
export type PaceMethod = (typeof PACE_METHODS)[number];

export interface PaceInput {
  /** The value so far, from the period's start to now. */
  value: number | null;
  now: number;
  /** The whole period the range is the running part of. */
  period: Span;
  /** Last year's value over the same part of its period, and over its whole period. */
  lastYearSoFar: number | null;
  lastYearWhole: number | null;
  /** The target for the whole period, if the KPI has one. */
  target: number | null;
  better: Better;
}

export interface Pace {
  /** The value projected to the period's end. */
  value: number;
  method: PaceMethod;
  /** Whether the projection meets the whole period's target (null without a target). */
  onTrack: boolean | null;
}

export function paceOf(input: PaceInput): Pace | null {
  const { value, now, period, lastYearSoFar, lastYearWhole, target, better } = input;
  if (value === null || now <= period.start) return null;
  const shaped = lastYearSoFar !== null && lastYearWhole !== null && lastYearSoFar > 0 && lastYearWhole > 0;
  const projected = shaped
    ? value * (lastYearWhole / lastYearSoFar)
    : value * ((period.end - period.start) / (now - period.start));
  const onTrack =
    target === null || better === "none" ? null : better === "up" ? projected >= target : projected <= target;
  return { value: projected, method: shaped ? "last_year" : "run_rate", onTrack };
}
