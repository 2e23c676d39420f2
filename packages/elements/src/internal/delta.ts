// Delta semantics, the first pain point of KPI tiles: the arrow follows the sign of the change,
// the colour follows whether that change is good for this KPI, and a missing base is "n/a", never ∞.
import type { Result } from "@kpikit/core";
import { text } from "./texts.js";

export type Direction = "up" | "down" | "flat";
export type Tone = "good" | "bad" | "neutral";

export interface Delta {
  /** null when there is nothing to compare with (previous value 0 or null). */
  direction: Direction | null;
  tone: Tone;
  /** The result's own `formatted.change` ("+9.0%", "−2.5%"), or the locale's "n/a". */
  text: string;
  /** What a screen reader says: "increase +9.0%". */
  spoken: string;
}

type DeltaInput = Pick<Result, "change" | "formatted"> & { metric: Pick<Result["metric"], "better"> };

/** The change badge of a result: its words are in `locale`, its number as the API formatted it. */
export function deltaOf(result: DeltaInput, locale: string | undefined): Delta {
  const relative = result.change.relative;
  const formatted = result.formatted.change;
  if (relative === null || formatted === null) {
    const na = text("not_available", locale);
    return { direction: null, tone: "neutral", text: na, spoken: na };
  }
  const direction: Direction = relative > 0 ? "up" : relative < 0 ? "down" : "flat";
  const better = result.metric.better;
  const tone: Tone =
    direction === "flat" || better === "none" ? "neutral" : (direction === "up") === (better === "up") ? "good" : "bad";
  const word = text(direction === "up" ? "increase" : direction === "down" ? "decrease" : "unchanged", locale);
  return { direction, tone, text: formatted, spoken: direction === "flat" ? word : `${word} ${formatted}` };
}
