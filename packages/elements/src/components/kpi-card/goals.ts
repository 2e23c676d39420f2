// What a card shows of a goal: its target (the progress bar, and the change against it), its status
// (by the KPI's thresholds or its target) and, while the period runs, where it heads by its end. The
// card imports this module when a result first has a target, a status or a pace, so that a page
// whose cards have none never downloads it, nor the number and date formatting it brings (the API
// formats a card's own value and changes), nor their styles. It imports no code the card's module
// also imports (Lit, the words, the badge): a bundler would move such code into a chunk of its own,
// which every page would load at once. The card lends it those instead.
import type { DeltaKind, Result, Status } from "@kpikit/core";
import { defaultDelta, formatChanges, formatValue } from "@kpikit/core/format";
import { changeOf } from "@kpikit/core/query/status";
import type { css, html, nothing, TemplateResult } from "lit";
import { formatTime } from "../../internal/dates.js";
import type { Delta, deltaOf } from "../../internal/delta.js";
import { fill } from "../../internal/fill.js";
import type { text } from "../../internal/texts.js";
import { goalStyles } from "./goals.styles.js";

/** What the card lends its goals. */
export interface Lent {
  css: typeof css;
  html: typeof html;
  nothing: typeof nothing;
  text: typeof text;
  deltaOf: typeof deltaOf;
}

type Target = NonNullable<Result["target"]>;
type Pace = NonNullable<Result["pace"]>;

export function goalsOf({ css, html, nothing, text, deltaOf }: Lent) {
  /** Formats other numbers of the result's KPI like its value. */
  const asValue = (r: Result, locale: string, value: number) => {
    const { unit, currency, scale } = r.metric;
    return formatValue(value, { unit, locale, currency, scale }) ?? text("not_available", locale);
  };

  return {
    /** What the card adopts beside its own styles. */
    styles: goalStyles(css),

    /** The status pill: good, warning or critical. */
    status(status: Status, locale: string): TemplateResult {
      return html`<span part="status" class="status status-${status}">${text(`status_${status}`, locale)}</span>`;
    },

    /** The value against the target, told as a change from it is (points for a rate, else percent). */
    againstTarget(r: Result, target: Target, locale: string, kind: DeltaKind | undefined): Delta {
      const change = changeOf(r.value, target.value);
      const { unit, currency, scale } = r.metric;
      const changes = formatChanges(change, { unit, locale, currency, scale });
      const formatted = { value: null, change: changes[defaultDelta(unit)], changes };
      return deltaOf({ change, formatted, metric: r.metric }, locale, kind);
    },

    /** "On pace for $X by Dec 31", and whether that meets the target, while the period runs. */
    pace(r: Result, pace: Pace, locale: string): TemplateResult {
      // The period's end is exclusive: its last day is the one before.
      const date = formatTime(Date.parse(pace.end) - 1, r.range.tz, locale, { month: "short", day: "numeric" });
      const value = r.formatted.pace ?? asValue(r, locale, pace.value);
      const verdict =
        pace.onTrack === null
          ? nothing
          : html` · <span class=${pace.onTrack ? "tone-good" : "tone-bad"}
                >${text(pace.onTrack ? "pace_on_track" : "pace_off_track", locale)}</span
              >`;
      return html`<p part="pace" class="pace">${fill(text("on_pace", locale), { value, date })}${verdict}</p>`;
    },

    target(r: Result, target: Target, locale: string): TemplateResult {
      const attainment = target.attainment;
      const share = attainment === null ? null : formatValue(attainment, { unit: "percent", locale });
      const width = attainment === null ? 0 : Math.max(0, Math.min(1, attainment)) * 100;
      // One string: a template that starts with a space would lose it to the HTML minifier.
      const caption =
        `${text("target", locale)}: ${asValue(r, locale, target.value)}` +
        (share ? ` · ${share} ${text("of_target", locale)}` : "");
      return html`<div part="target" class="target">
        <span>${caption}</span>
        <div class="track" aria-hidden="true"><div class="bar" style="inline-size: ${width}%"></div></div>
      </div>`;
    },
  };
}
