// Delta semantics, the first pain point of KPI tiles: the arrow follows the sign of the change,
// the colour follows whether that change is good for this KPI, a rate moves in percentage points,
// and a base of 0 or of the other sign is "n/a" beside the absolute change, never +192 %.
import type { DeltaKind, Result } from "@kpikit/core";
import { text } from "./texts.js";

export type Direction = "up" | "down" | "flat";
export type Tone = "good" | "bad" | "neutral";

export interface Delta {
  /** null when there is nothing to compare with (no previous value). */
  direction: Direction | null;
  tone: Tone;
  /**
   * The change as the result formatted it ("+9.0%", "+0.4 pp", "+$120.00"); with no ratio to show,
   * the locale's "n/a" and the absolute change beside it.
   */
  text: string;
  /** What a screen reader says: "increase +9.0%". */
  spoken: string;
  /** What the page shows: the text after the arrow of the direction, "▲ +9.0%". */
  shown: string;
}

const ARROWS: Record<Direction, string> = { up: "▲", down: "▼", flat: "▬" };

type DeltaInput = Pick<Result, "change" | "formatted"> & { metric: Pick<Result["metric"], "better"> };

/**
 * The change badge of a result, told as `kind` asks (the KPI's own default when absent): its words
 * are in `locale`, its number as the API formatted it.
 */
export function deltaOf(result: DeltaInput, locale: string | undefined, kind?: DeltaKind): Delta {
  const { absolute } = result.change;
  const na = text("not_available", locale);
  if (absolute === null) return { direction: null, tone: "neutral", text: na, spoken: na, shown: na };
  const direction: Direction = absolute > 0 ? "up" : absolute < 0 ? "down" : "flat";
  const better = result.metric.better;
  const tone: Tone =
    direction === "flat" || better === "none" ? "neutral" : (direction === "up") === (better === "up") ? "good" : "bad";
  const { changes } = result.formatted;
  const told = kind ? changes?.[kind] : result.formatted.change;
  const shown = told ?? (changes?.absolute ? `${na} (${changes.absolute})` : na);
  const word = text(direction === "up" ? "increase" : direction === "down" ? "decrease" : "unchanged", locale);
  return {
    direction,
    tone,
    text: shown,
    spoken: direction === "flat" ? word : `${word} ${shown}`,
    shown: `${ARROWS[direction]} ${shown}`,
  };
}
