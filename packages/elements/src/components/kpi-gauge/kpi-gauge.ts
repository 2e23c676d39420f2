import { statusOf, type Result, type Status } from "@kpikit/core";
import { html, nothing, type PropertyDeclarations, svg, type TemplateResult } from "lit";
import { KpiElement } from "../../internal/kpi-element.js";
import { ringPath } from "../../internal/paths.js";
import { niceExtent } from "../../internal/scale.js";
import { themeStyles } from "../../internal/styles.js";
import { text } from "../../internal/texts.js";
import { shownValue, valueFormat } from "../../internal/values.js";
import { gaugeStyles } from "./kpi-gauge.styles.js";

/** The dial sweeps 240°, open at the bottom. */
const START = (-2 / 3) * Math.PI;
const END = (2 / 3) * Math.PI;

export interface GaugeBand {
  from: number;
  to: number;
  status: Status;
}

/** Bands between min, the thresholds and max, each coloured by the status a value there has. */
export function bandsOf(
  min: number,
  max: number,
  better: Result["metric"]["better"],
  thresholds: Result["metric"]["thresholds"],
): GaugeBand[] {
  if (!thresholds || better === "none") return [];
  const cuts = [thresholds.warning, thresholds.critical].filter(
    (t): t is number => t !== undefined && t > min && t < max,
  );
  const points = [min, ...cuts.sort((a, b) => a - b), max];
  const bands: GaugeBand[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const status = statusOf((from + to) / 2, better, thresholds, null);
    if (status) bands.push({ from, to, status });
  }
  return bands;
}

/**
 * A radial gauge of a KPI's value between `min` and `max`, with bands from the KPI's thresholds
 * and a mark at the target. It is a `role="meter"` whose `aria-valuetext` is the formatted value.
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

  /** The dial's lowest value (default 0). */
  declare min: number | undefined;
  /** The dial's highest value (default: a round number above the value, the target and the thresholds). */
  declare max: number | undefined;
  /** Overrides the KPI's target. */
  declare target: number | undefined;

  protected override renderSkeleton(): TemplateResult {
    return html`<span class="skeleton dial"></span>`;
  }

  /** The dial's [min, max] for a result. */
  scaleOf(r: Result): [number, number] {
    const min = this.min ?? 0;
    if (this.max !== undefined && this.max > min) return [min, this.max];
    const target = this.target ?? r.target?.value;
    const known = [r.value, target, r.metric.thresholds?.warning, r.metric.thresholds?.critical].filter(
      (v): v is number => typeof v === "number" && Number.isFinite(v),
    );
    const top = Math.max(min, ...known.map((v) => v * 1.1));
    return [min, top > min ? niceExtent([min, top], 5)![1] : min + 1];
  }

  protected override renderResult(r: Result): TemplateResult {
    const locale = this.effectiveLocale;
    const better = r.metric.better;
    const [min, max] = this.scaleOf(r);
    const fmt = valueFormat(r, locale);
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
    const [minX, minY] = at(START, 84);
    const [maxX, maxY] = at(END, 84);
    return html`<div part="base" class="base">
      <span part="label" class="label" id="label">${label}</span>
      <div
        part="meter"
        role="meter"
        aria-labelledby="label"
        aria-valuemin=${min}
        aria-valuemax=${max}
        aria-valuenow=${r.value ?? min}
        aria-valuetext=${valueText}
        class=${status ? `status-${status}` : ""}
      >
        <svg viewBox="-110 -110 220 180" aria-hidden="true" focusable="false">
          <path class="track" d=${ringPath(72, 92, START, END)}></path>
          ${bandsOf(min, max, better, r.metric.thresholds).map(
            (b) => svg`<path class="band band-${b.status}" d=${ringPath(96, 102, angle(b.from), angle(b.to))}></path>`,
          )}
          ${r.value !== null ? svg`<path class="fill" d=${ringPath(72, 92, START, angle(r.value))}></path>` : nothing}
          ${target !== null ? svg`<line class="target-mark" x1=${tx1} y1=${ty1} x2=${tx2} y2=${ty2}></line>` : nothing}
          <text part="value" class="value" x="0" y="10" text-anchor="middle">${value}</text>
          <text class="scale-label" x=${minX} y=${minY + 22} text-anchor="middle">${fmt(min)}</text>
          <text class="scale-label" x=${maxX} y=${maxY + 22} text-anchor="middle">${fmt(max)}</text>
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
