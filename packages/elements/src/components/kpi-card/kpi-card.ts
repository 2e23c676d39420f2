import type { DeltaKind, Result } from "@kpikit/core";
import { adoptStyles, css, html, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { baselinesOf } from "../../internal/config.js";
import { type Delta, deltaOf } from "../../internal/delta.js";
import { KpiElement } from "../../internal/kpi-element.js";
import { Later } from "../../internal/later.js";
import { SetupError } from "../../internal/report.js";
import { sparklineSvg } from "../../internal/sparkline.js";
import { themeStyles } from "../../internal/styles.js";
import { type TextKey, text } from "../../internal/texts.js";
import { shownValue } from "../../internal/values.js";
import { cardStyles } from "./kpi-card.styles.js";

/** The target, the pace and the status, and their styles, for the cards whose results have them. */
const goals = new Later(() =>
  import("./goals.js").then(({ goalsOf }) => goalsOf({ css, html, nothing, text, deltaOf })),
);

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

  /** Whether this card's styles have the goals' yet. */
  #goalStyles = false;

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
    // Without its module (it could not load) the card shows its value and changes still.
    const goal = r.target || r.pace || r.status ? this.need(goals) : null;
    if (goal === undefined) return this.renderLoading();
    if (goal && !this.#goalStyles) {
      this.#goalStyles = true;
      adoptStyles(this.renderRoot as ShadowRoot, [...KpiCard.elementStyles, goal.styles]);
    }
    const label = this.labelOf(r);
    const shown = shownValue(r, locale);
    const partial = r.series.at(-1)?.partial === true;
    return html`<article part="base" class="base" aria-label=${label}>
      <div class="header">
        <span part="label" class="label" title=${label}>${label}</span>
        ${goal && r.status ? goal.status(r.status, locale) : nothing}
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
        goal && r.target && this.#comparesWithTarget()
          ? this.#renderDelta(goal.againstTarget(r, r.target, locale, this.delta), "vs_target")
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
      ${goal && r.pace ? goal.pace(r, r.pace, locale) : nothing}
      ${goal && r.target ? goal.target(r, r.target, locale) : nothing} ${this.renderStale()}
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
}

if (!customElements.get("kpi-card")) customElements.define("kpi-card", KpiCard);

declare global {
  interface HTMLElementTagNameMap {
    "kpi-card": KpiCard;
  }
}
