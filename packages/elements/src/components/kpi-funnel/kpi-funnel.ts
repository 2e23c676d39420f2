import { formatValue, type QueryInput, type Result } from "@kpikit/core";
import { funnelWords } from "@kpikit/core/locales/en";
import { html, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { KpiElement } from "../../internal/kpi-element.js";
import { SetupError } from "../../internal/report.js";
import { previousStyles } from "../../internal/previous-styles.js";
import { themeStyles } from "../../internal/styles.js";
import { textWith } from "../../internal/text-with.js";
import { addTexts, type TextKey, text } from "../../internal/texts.js";
import { valueFormat } from "../../internal/value-format.js";
import { shownValue } from "../../internal/values.js";
import { funnelStyles } from "./kpi-funnel.styles.js";

addTexts(funnelWords);

/** One step of a funnel: its KPI's value and previous value, and how many of the steps before it reached it. */
export interface FunnelStep {
  result: Result;
  value: number | null;
  previous: number | null;
  /** This step's value over the previous step's; null for the first step or a previous step of 0 or no value. */
  fromPrevious: number | null;
  /** This step's value over the first step's; null for the first step or a first step of 0 or no value. */
  fromFirst: number | null;
  /** 1 − fromPrevious: the share of the previous step lost on the way here. */
  dropOff: number | null;
}

/** A dot between a step's figures on screen, a comma for a screen reader. */
const SEPARATOR = html`<span aria-hidden="true"> · </span><span class="visually-hidden">, </span>`;

const share = (part: number | null, whole: number | null) =>
  part === null || whole === null || whole === 0 ? null : part / whole;

/** The steps of a funnel from its KPIs' results, in order. */
export function funnelSteps(results: readonly Result[]): FunnelStep[] {
  const first = results[0]?.value ?? null;
  return results.map((result, i) => {
    const value = result.value;
    const fromPrevious = i === 0 ? null : share(value, results[i - 1]!.value);
    return {
      result,
      value,
      previous: result.previous,
      fromPrevious,
      fromFirst: i === 0 ? null : share(value, first),
      dropOff: fromPrevious === null ? null : 1 - fromPrevious,
    };
  });
}

/**
 * A funnel of count KPIs in order, such as sessions → orders: each step's value as a horizontal
 * bar, with its conversion from the previous step and from the first, the drop-off, and the
 * previous period's value beside it (a thinner bar under it). The steps are an ordered list; each
 * reads in full to a screen reader. Every KPI is asked in one batch.
 *
 * @tag kpi-funnel
 * @csspart base - The funnel.
 * @csspart label - The funnel's label (the `label` attribute).
 * @csspart steps - The ordered list of steps.
 * @csspart step - A step (list item).
 * @csspart step-label - A step's KPI label.
 * @csspart value - A step's formatted value.
 * @csspart previous - A step's previous-period value.
 * @csspart bar - A step's bar.
 * @csspart previous-bar - A step's previous-period bar.
 * @csspart conversion - A step's conversion from the previous and the first step, and drop-off.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 * @csspart empty - The empty-period message.
 * @csspart stale - The stale-data marker.
 * @cssproperty --kpi-funnel-color - The steps' bars.
 * @cssproperty --kpi-funnel-bar-height - Height of a step's bar (default 1rem).
 * @cssproperty --kpi-color-previous - The previous period's bars.
 * @cssproperty --kpi-color-muted - Secondary text.
 */
export class KpiFunnel extends KpiElement {
  static override styles = [themeStyles, previousStyles, funnelStyles];
  static override properties: PropertyDeclarations = {
    metrics: { reflect: true },
  };
  protected static override queryKeys = [...KpiElement.queryKeys, "metrics"];
  protected static override manyResults = true;

  /** The steps' KPI ids in order, separated by spaces, e.g. `sessions orders`. Count KPIs make sense here. */
  declare metrics: string | undefined;

  /** The KPI ids of `metrics`, in order. */
  get metricIds(): string[] {
    return (this.metrics ?? "").split(/[\s,]+/).filter(Boolean);
  }

  protected override ownQueries(): QueryInput[] | SetupError {
    const ids = this.metricIds;
    if (ids.length < 2)
      return new SetupError('set the metrics attribute to two KPIs or more, e.g. metrics="sessions orders"');
    return ids.map((metric) => ({ metric }));
  }

  protected override get subject(): string | undefined {
    return this.metrics;
  }

  /** The funnel's label: the attribute, else "Funnel" in the widget's language. */
  protected override labelOf(): string {
    return this.label ?? text("funnel", this.effectiveLocale);
  }

  protected override renderSkeleton(): TemplateResult {
    const steps = Math.max(2, this.metricIds.length);
    // Each step narrower than the one before, as a funnel is.
    const bar = (i: number) =>
      html`<span class="skeleton step" style="inline-size: ${100 - (i * 60) / steps}%"></span>`;
    return html`<span class="skeleton title"></span>${Array.from({ length: steps }, (_, i) => bar(i))}`;
  }

  protected override renderResult(): TemplateResult {
    const locale = this.effectiveLocale;
    const steps = funnelSteps(this.results ?? []);
    const top = Math.max(0, ...steps.map((s) => Math.max(s.value ?? 0, s.previous ?? 0)));
    const width = (v: number | null) => (v === null || top <= 0 ? 0 : (Math.max(0, v) / top) * 100);
    const percent = (v: number | null) => formatValue(v, { unit: "percent", locale }) ?? text("not_available", locale);
    const share = (key: TextKey, v: number | null) => textWith(key, locale, { share: percent(v) });
    return html`<div part="base" class="base">
      <div class="header">
        <span part="label" class="label" id="label" title=${this.labelOf()}>${this.labelOf()}</span>
        ${this.renderStale()}
      </div>
      <ol part="steps" class="steps" aria-labelledby="label">
        ${steps.map((step, i) => {
          // Nothing to set beside a step when the query compares with nothing.
          const compared = step.result.compare?.kind ?? "none";
          const against = compared === "previous_year" ? "funnel_previous_year" : "funnel_previous_period";
          const previous = textWith(against, locale, { value: valueFormat(step.result, locale)(step.previous) });
          const previousWidth = width(step.previous);
          return html`<li part="step" class="step">
            <div class="step-head">
              <span part="step-label" class="step-label">${step.result.metric.label}</span>
              <span part="value" class="value">${shownValue(step.result, locale)}</span>
            </div>
            <div class="bars" aria-hidden="true">
              <span part="bar" class="bar" style="inline-size: ${width(step.value)}%"></span>
              ${
                compared === "none"
                  ? nothing
                  : html`<span part="previous-bar" class="previous-bar" style="inline-size: ${previousWidth}%"></span>`
              }
            </div>
            <div class="details">
              ${compared === "none" ? nothing : html`<span part="previous" class="previous">${previous}</span>`}
              ${
                i === 0
                  ? nothing
                  : html`<span part="conversion" class="conversion">
                      <span>${share("funnel_of_previous_step", step.fromPrevious)}</span
                      >${SEPARATOR}<span>${share("funnel_of_first_step", step.fromFirst)}</span
                      >${SEPARATOR}<span>${share("funnel_drop_off", step.dropOff)}</span>
                    </span>`
              }
            </div>
          </li>`;
        })}
      </ol>
    </div>`;
  }
}

if (!customElements.get("kpi-funnel")) customElements.define("kpi-funnel", KpiFunnel);

declare global {
  interface HTMLElementTagNameMap {
    "kpi-funnel": KpiFunnel;
  }
}
