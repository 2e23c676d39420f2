import { statusOf, type Result } from "@kpikit/core";
import { html, nothing, type PropertyDeclarations, svg, type TemplateResult } from "lit";
import { KpiElement } from "../../internal/kpi-element.js";
import { ringPath } from "../../internal/paths.js";
import { bandsOf, tickFormat } from "../../internal/axes.js";
import { niceExtent } from "../../internal/scale.js";
import { themeStyles } from "../../internal/styles.js";
import { text } from "../../internal/texts.js";
import { valueFormat } from "../../internal/value-format.js";
import { shownValue } from "../../internal/values.js";
import { gaugeStyles } from "./kpi-gauge.styles.js";

export { bandsOf, type GaugeBand } from "../../internal/axes.js";

/** The dial sweeps 240°, open at the bottom. */
const START = (-2 / 3) * Math.PI;
const END = (2 / 3) * Math.PI;

/**
 * A radial gauge of a KPI's value between `min` and `max`, with bands from the KPI's thresholds
 * and a mark at the target. It is a `role="meter"` whose `aria-valuetext` is the formatted value.
 *
 * The dial's ends are in the KPI's own unit: a KPI with a scale of its own runs over it (a 1–5
 * rating, NPS from −100 to 100), a percentage from 0 to 1 (0 % to 100 %; `max="0.5"` for 50 %),
 * any other KPI from 0 (or a round number below a negative value) to a round number above its
 * value, target and thresholds. On a scale through zero the value is filled from zero.
 *
 * @tag kpi-gauge
 * @csspart base - The gauge.
 * @csspart label - The KPI's label.
 * @csspart meter - The dial (role meter).
 * @csspart value - The formatted value in the dial.
 * @csspart target - The target line under the dial.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 * @csspart empty - The empty-period message.
 * @csspart stale - The stale-data marker.
 * @cssproperty --kpi-gauge-size - Largest width of the dial (default 16rem).
 * @cssproperty --kpi-gauge-color - The value arc.
 * @cssproperty --kpi-color-good - The good band.
 * @cssproperty --kpi-color-warning - The warning band.
 * @cssproperty --kpi-color-bad - The critical band.
 */
export class KpiGauge extends KpiElement {
  static override styles = [themeStyles, gaugeStyles];
  static override properties: PropertyDeclarations = {
    min: { type: Number, reflect: true },
    max: { type: Number, reflect: true },
    target: { type: Number, reflect: true },
  };

  /** The dial's lowest value, in the KPI's unit (default: the KPI's scale, else 0). */
  declare min: number | undefined;
  /**
   * The dial's highest value, in the KPI's unit: `max="0.5"` for 50 %, `max="5"` for a 1–5 rating
   * (default: the KPI's scale; 1, that is 100 %, for a percentage; else a round number above the
   * value, the target and the thresholds).
   */
  declare max: number | undefined;
  /** Overrides the KPI's target. */
  declare target: number | undefined;

  protected override renderSkeleton(): TemplateResult {
    return html`<span class="skeleton dial"></span>`;
  }

  /** The dial's [min, max] for a result. */
  scaleOf(r: Result): [number, number] {
    const known = [
      r.value,
      this.target ?? r.target?.value,
      r.metric.thresholds?.warning,
      r.metric.thresholds?.critical,
    ].filter((v): v is number => typeof v === "number" && Number.isFinite(v));
    // A percentage runs to 100 %, unless it is one that can pass it (growth) or fall below zero.
    const own =
      r.metric.scale ??
      (r.metric.unit === "percent" && known.every((v) => v >= 0 && v <= 1) ? { min: 0, max: 1 } : undefined);
    const min = this.min ?? own?.min ?? Math.min(0, niceExtent(known, 5)?.[0] ?? 0);
    const max = this.max ?? own?.max;
    if (max !== undefined && max > min) return [min, max];
    const top = Math.max(min, ...known.map((v) => v * 1.1));
    return [min, top > min ? niceExtent([min, top], 5)![1] : min + 1];
  }

  protected override renderResult(r: Result): TemplateResult {
    const locale = this.effectiveLocale;
    const better = r.metric.better;
    const [min, max] = this.scaleOf(r);
    const fmt = valueFormat(r, locale);
    const end = tickFormat(r, locale);
    const value = shownValue(r, locale);
    const angle = (v: number) => START + ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * (END - START);
    const target = this.target ?? r.target?.value ?? null;
    const status = this.target !== undefined ? statusOf(r.value, better, r.metric.thresholds, this.target) : r.status;
    const label = this.labelOf(r);
    const statusText = status ? text(`status_${status}`, locale) : undefined;
    const valueText = statusText ? `${value}, ${statusText}` : value;
    const at = (a: number, radius: number) => [Math.sin(a) * radius, -Math.cos(a) * radius] as const;
    const [tx1, ty1] = target !== null ? at(angle(target), 66) : [0, 0];
    const [tx2, ty2] = target !== null ? at(angle(target), 104) : [0, 0];
    // The fill grows from zero on a scale through it (NPS −20 is short of zero, not 80 points up from −100).
    const zero = angle(Math.min(max, Math.max(min, 0)));
    const to = r.value !== null ? angle(r.value) : null;
    const fill = to !== null ? ringPath(72, 92, Math.min(zero, to), Math.max(zero, to)) : null;
    const [minX, minY] = at(START, 84);
    const [maxX, maxY] = at(END, 84);
    return html`<div part="base" class="base">
      <span part="label" class="label" id="label" title=${label}>${label}</span>
      <div
        part="meter"
        class="chart ${status ? `status-${status}` : ""}"
        role="meter"
        aria-labelledby="label"
        aria-valuemin=${min}
        aria-valuemax=${max}
        aria-valuenow=${r.value ?? min}
        aria-valuetext=${valueText}
      >
        <svg viewBox="-110 -110 220 180" aria-hidden="true" focusable="false">
          <path class="track" d=${ringPath(72, 92, START, END)}></path>
          ${bandsOf(min, max, better, r.metric.thresholds).map(
            (b) => svg`<path class="band band-${b.status}" d=${ringPath(96, 102, angle(b.from), angle(b.to))}></path>`,
          )}
          ${fill !== null ? svg`<path class="fill" d=${fill}></path>` : nothing}
          ${target !== null ? svg`<line class="target-mark" x1=${tx1} y1=${ty1} x2=${tx2} y2=${ty2}></line>` : nothing}
          <text part="value" class="value" x="0" y="10" text-anchor="middle">${value}</text>
          <text class="scale-label" x=${minX} y=${minY + 22} text-anchor="middle">${end(min)}</text>
          <text class="scale-label" x=${maxX} y=${maxY + 22} text-anchor="middle">${end(max)}</text>
        </svg>
      </div>
      ${
        target !== null
          ? html`<span part="target" class="target-text">${text("target", locale)}: ${fmt(target)}</span>`
          : nothing
      }
      ${status ? html`<span class=${`status-${status}`}>${statusText}</span>` : nothing} ${this.renderStale()}
    </div>`;
  }
}

if (!customElements.get("kpi-gauge")) customElements.define("kpi-gauge", KpiGauge);

declare global {
  interface HTMLElementTagNameMap {
    "kpi-gauge": KpiGauge;
  }
}
