import { changeOf, type DeltaKind, defaultDelta, formatChanges, formatValue, type Result } from "@kpikit/core";
import { html, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { baselinesOf } from "../../internal/config.js";
import { type Delta, deltaOf } from "../../internal/delta.js";
import { KpiElement } from "../../internal/kpi-element.js";
import { sparklineSvg } from "../../internal/sparkline.js";
import { themeStyles } from "../../internal/styles.js";
import { formatTime } from "../../internal/dates.js";
import { SetupError } from "../../internal/report.js";
import { type TextKey, text, textWith } from "../../internal/texts.js";
import { shownValue, valueFormat } from "../../internal/values.js";
import { cardStyles } from "./kpi-card.styles.js";

/**
 * A KPI at a glance: label, value, change against the previous period (arrow by the sign of the
 * change, colour by whether it is good for this KPI), sparkline, target progress and status.
 *
 * @tag kpi-card
 * @csspart base - The card.
 * @csspart label - The KPI's label.
 * @csspart value - The formatted value.
 * @csspart delta - The change badge.
 * @csspart comparison - "vs previous period".
 * @csspart status - The status pill (good, warning, critical).
 * @csspart sparkline - The sparkline's SVG.
 * @csspart pace - Where a running period heads by its end ("On pace for $X by Dec 31").
 * @csspart target - The target progress block.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 * @csspart empty - The empty-period message.
 * @csspart stale - The stale-data marker.
 * @cssproperty --kpi-color-text - Text colour.
 * @cssproperty --kpi-color-surface - Background.
 * @cssproperty --kpi-color-border - Border colour.
 * @cssproperty --kpi-color-muted - Secondary text.
 * @cssproperty --kpi-color-accent - Sparkline, target bar and focus ring.
 * @cssproperty --kpi-color-good - A change or status that is good.
 * @cssproperty --kpi-color-bad - A change or status that is bad.
 * @cssproperty --kpi-color-warning - Warning status.
 * @cssproperty --kpi-radius - Corner radius.
 * @cssproperty --kpi-padding - Inner spacing.
 * @cssproperty --kpi-card-value-size - Font size of the value.
 * @cssproperty --kpi-sparkline-height - Height of the sparkline.
 */
export class KpiCard extends KpiElement {
  static override styles = [themeStyles, cardStyles];
  protected static override severalBaselines = true;
  static override properties: PropertyDeclarations = {
    delta: { reflect: true },
    // On by default, so the attribute must be able to say no: sparkline="false".
    sparkline: {
      reflect: true,
      converter: {
        fromAttribute: (v: string | null) => v !== "false",
        toAttribute: (v: boolean) => (v ? "" : "false"),
      },
    },
  };

  /** Draw the series as a sparkline under the value (default on; `sparkline="false"` turns it off). */
  declare sparkline: boolean;
  /**
   * How the change is told: `relative` (+9.0%), `absolute` (+$120.00) or `points` (+0.4 pp, percent
   * KPIs). By default a percent KPI changes in points and every other in percent.
   */
  declare delta: DeltaKind | undefined;

  constructor() {
    super();
    this.sparkline = true;
  }

  protected override renderSkeleton(): TemplateResult {
    const spark = this.sparkline ? html`<span class="skeleton spark-line"></span>` : nothing;
    return html`<span class="skeleton label-line"></span><span class="skeleton value-line"></span>${spark}`;
  }

  protected override renderResult(r: Result): TemplateResult {
    const locale = this.effectiveLocale;
    const label = this.labelOf(r);
    const shown = shownValue(r, locale);
    const partial = r.series.at(-1)?.partial === true;
    const status = r.status
      ? html`<span part="status" class="status status-${r.status}">${text(`status_${r.status}`, locale)}</span>`
      : nothing;
    return html`<article part="base" class="base" aria-label=${label}>
      <div class="header">
        <span part="label" class="label" title=${label}>${label}</span>
        ${status}
      </div>
      <div part="value" class="value" style="--_chars: ${shown.length}">${shown}</div>
      ${(this.results ?? [r]).map((each) =>
        each.compare
          ? this.#renderDelta(
              deltaOf(each, locale, this.delta),
              each.compare.kind === "previous_year" ? "vs_previous_year" : "vs_previous_period",
            )
          : nothing,
      )}
      ${
        this.#comparesWithTarget() && r.target
          ? this.#renderDelta(this.#againstTarget(r, r.target), "vs_target")
          : nothing
      }
      ${
        this.sparkline && r.series.length > 1
          ? sparklineSvg(
              r.series.map((p) => p.value),
              null,
              partial,
            )
          : nothing
      }
      ${r.pace ? this.#renderPace(r, r.pace) : nothing} ${r.target ? this.#renderTarget(r, r.target) : nothing}
      ${this.renderStale()}
    </article>`;
  }

  #renderDelta(delta: Delta, against: TextKey): TemplateResult {
    return html`<div class="delta-row">
      <span part="delta" class="delta tone-${delta.tone}" data-direction=${delta.direction ?? "none"}
        ><span aria-hidden="true">${delta.shown}</span
        ><span class="visually-hidden">${delta.spoken}</span></span
      >
      <span part="comparison" class="comparison">${text(against, this.effectiveLocale)}</span>
    </div>`;
  }

  #comparesWithTarget(): boolean {
    const baselines = baselinesOf(this.compare ?? this.config?.compare);
    return !(baselines instanceof SetupError) && baselines.target;
  }

  /** The value against the target, told as a change from it is (points for a rate, else percent). */
  #againstTarget(r: Result, target: NonNullable<Result["target"]>): Delta {
    const change = changeOf(r.value, target.value);
    const changes = formatChanges(change, {
      unit: r.metric.unit,
      locale: this.effectiveLocale,
      currency: r.metric.currency,
      scale: r.metric.scale,
    });
    const formatted = { value: null, change: changes[defaultDelta(r.metric.unit)], changes };
    return deltaOf({ change, formatted, metric: r.metric }, this.effectiveLocale, this.delta);
  }

  /** "On pace for $X by Dec 31", and whether that meets the target, while the period runs. */
  #renderPace(r: Result, pace: NonNullable<Result["pace"]>): TemplateResult {
    const locale = this.effectiveLocale;
    // The period's end is exclusive: its last day is the one before.
    const date = formatTime(Date.parse(pace.end) - 1, r.range.tz, locale, { month: "short", day: "numeric" });
    const value = r.formatted.pace ?? valueFormat(r, locale)(pace.value);
    const verdict =
      pace.onTrack === null
        ? nothing
        : html` · <span class=${pace.onTrack ? "tone-good" : "tone-bad"}
              >${text(pace.onTrack ? "pace_on_track" : "pace_off_track", locale)}</span
            >`;
    return html`<p part="pace" class="pace">${textWith("on_pace", locale, { value, date })}${verdict}</p>`;
  }

  #renderTarget(r: Result, target: NonNullable<Result["target"]>): TemplateResult {
    const locale = this.effectiveLocale;
    const attainment = target.attainment;
    const share = attainment === null ? null : formatValue(attainment, { unit: "percent", locale });
    const width = attainment === null ? 0 : Math.max(0, Math.min(1, attainment)) * 100;
    // One string: a template that starts with a space would lose it to the HTML minifier.
    const caption =
      `${text("target", locale)}: ${valueFormat(r, locale)(target.value)}` +
      (share ? ` · ${share} ${text("of_target", locale)}` : "");
    return html`<div part="target" class="target">
      <span>${caption}</span>
      <div class="track" aria-hidden="true"><div class="bar" style="inline-size: ${width}%"></div></div>
    </div>`;
  }
}

if (!customElements.get("kpi-card")) customElements.define("kpi-card", KpiCard);

declare global {
  interface HTMLElementTagNameMap {
    "kpi-card": KpiCard;
  }
}
