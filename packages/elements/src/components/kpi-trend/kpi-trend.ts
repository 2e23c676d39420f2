import type { Result } from "@kpikit/core";
import { ticks } from "d3-array";
import { html, nothing, type PropertyDeclarations, type PropertyValues, svg, type TemplateResult } from "lit";
import { formatBucket } from "../../internal/dates.js";
import { KpiElement } from "../../internal/kpi-element.js";
import { areaPath, linePath, type Point } from "../../internal/paths.js";
import { linearScale, niceExtent } from "../../internal/scale.js";
import { themeStyles } from "../../internal/styles.js";
import { text } from "../../internal/texts.js";
import { valueFormat } from "../../internal/values.js";
import { trendStyles } from "./kpi-trend.styles.js";

const MARGIN = { top: 8, right: 12, bottom: 24, left: 52 };

/**
 * The series of a KPI over its range, with the previous period dashed behind it: a time axis in
 * the locale and zone of the query, a tooltip, arrow-key navigation between points, and a data
 * table for screen readers.
 *
 * @tag kpi-trend
 * @csspart base - The chart's frame.
 * @csspart label - The KPI's label.
 * @csspart plot - The focusable plot area.
 * @csspart tooltip - The tooltip of the active point.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 * @csspart empty - The empty-period message.
 * @csspart stale - The stale-data marker.
 * @cssproperty --kpi-trend-color - The current series.
 * @cssproperty --kpi-color-previous - The previous series.
 */
export class KpiTrend extends KpiElement {
  static override styles = [themeStyles, trendStyles];
  static override properties: PropertyDeclarations = {
    height: { type: Number, reflect: true },
    active: { state: true },
    width: { state: true },
  };

  /** Height of the plot in pixels (default 200). */
  declare height: number;
  declare protected active: number | undefined;
  declare protected width: number;
  // The plot is redrawn at the host's width and keeps a fixed height (the svg's height attribute),
  // so a redraw never resizes the host and re-triggers this observer in the same frame.
  private readonly resize = new ResizeObserver(([entry]) => {
    const w = Math.round(entry?.contentRect.width ?? 0);
    if (w > 0 && w !== this.width) this.width = w;
  });

  constructor() {
    super();
    this.height = 200;
    this.width = 600;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (
      (changed as PropertyValues).has("result") &&
      this.active !== undefined &&
      this.active >= (this.result?.series.length ?? 0)
    )
      this.active = undefined;
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<span class="skeleton label-line"></span
      ><span class="skeleton chart" style="block-size: ${this.height}px"></span>`;
  }

  private onKey(event: KeyboardEvent, count: number): void {
    const last = count - 1;
    const now = this.active;
    const next: Record<string, number | undefined> = {
      ArrowRight: now === undefined ? 0 : Math.min(last, now + 1),
      ArrowLeft: now === undefined ? last : Math.max(0, now - 1),
      Home: 0,
      End: last,
      Escape: undefined,
    };
    if (!(event.key in next)) return;
    event.preventDefault();
    this.active = next[event.key];
  }

  private onPointer(event: PointerEvent, count: number, x0: number, step: number): void {
    const box = (event.currentTarget as Element).getBoundingClientRect();
    const scale = box.width > 0 ? this.width / box.width : 1;
    const i = Math.round(((event.clientX - box.left) * scale - x0) / (step || 1));
    this.active = Math.max(0, Math.min(count - 1, i));
  }

  protected override renderResult(r: Result): TemplateResult {
    const locale = this.effectiveLocale;
    const { grain, tz } = r.range;
    const series = r.series;
    const n = series.length;
    const width = Math.max(160, this.width - 2);
    const height = Math.max(80, this.height);
    const innerW = width - MARGIN.left - MARGIN.right;
    const step = n > 1 ? innerW / (n - 1) : 0;
    const x = (i: number) => MARGIN.left + (n > 1 ? i * step : innerW / 2);
    const hasPrevious = r.compare !== null && series.some((p) => p.previous !== null);
    const domain = niceExtent(
      series.flatMap((p) => (hasPrevious ? [p.value, p.previous] : [p.value])),
      4,
      [0],
    ) ?? [0, 1];
    const y = linearScale(domain, [height - MARGIN.bottom, MARGIN.top]);
    const current: Point[] = series.map((p, i) => [x(i), p.value === null ? null : y(p.value)]);
    const previous: Point[] = series.map((p, i) => [x(i), p.previous === null ? null : y(p.previous)]);
    // The trend shows points of the series, which a result carries unformatted. The y-axis has a
    // narrow margin, so its ticks take short forms ($1.2K).
    const fmt = valueFormat(r, locale);
    const compact = valueFormat(r, locale, true);
    const bucket = (start: string, style: "short" | "long") => formatBucket(start, grain, tz, locale, style);
    const maxTicks = Math.max(2, Math.floor(innerW / 72));
    const every = Math.max(1, Math.ceil(n / maxTicks));
    const xTicks = series.map((_, i) => i).filter((i) => i % every === 0);
    const label = this.labelOf(r);
    const active = this.active;
    const point = active !== undefined ? series[active] : undefined;
    const left = active !== undefined ? (x(active) / width) * 100 : 0;
    const previousLabel = text("previous", locale);
    const currentLabel = text("current", locale);
    const pointText = point
      ? `${bucket(point.start, "long")}: ${currentLabel} ${fmt(point.value)}` +
        (hasPrevious ? `, ${previousLabel} ${fmt(point.previous)}` : "")
      : "";
    const tooltipAt = `inset-inline-start: clamp(0%, calc(${left}% - 4rem), calc(100% - 8rem))`;
    return html`<div part="base" class="base">
      <div class="header">
        <span part="label" class="label" id="label">${label}</span>
        <span class="legend" aria-hidden="true">
          <span class="key">${currentLabel}</span
          >${hasPrevious ? html`<span class="key previous">${previousLabel}</span>` : nothing}
        </span>
        ${this.renderStale()}
      </div>
      <div
        part="plot"
        class="plot"
        tabindex="0"
        role="group"
        aria-labelledby="label"
        aria-describedby="point"
        @keydown=${(e: KeyboardEvent) => this.onKey(e, n)}
        @pointermove=${(e: PointerEvent) => this.onPointer(e, n, MARGIN.left, step)}
        @pointerleave=${() => (this.active = undefined)}
        @blur=${() => (this.active = undefined)}
      >
        <svg viewBox="0 0 ${width} ${height}" height=${height} aria-hidden="true" focusable="false">
          ${ticks(domain[0], domain[1], 4).map(
            (t) => svg`<line class="grid" x1=${MARGIN.left} x2=${width - MARGIN.right} y1=${y(t)} y2=${y(t)}></line>
              <text class="tick" x=${MARGIN.left - 6} y=${y(t)} dy="0.32em" text-anchor="end">${compact(t)}</text>`,
          )}
          ${xTicks.map(
            (i) =>
              svg`<text class="tick" x=${x(i)} y=${height - 6} text-anchor="middle"
                >${bucket(series[i]!.start, "short")}</text
              >`,
          )}
          ${hasPrevious ? svg`<path class="previous-line" d=${linePath(previous)}></path>` : nothing}
          <path class="area" d=${areaPath(current, y(Math.max(domain[0], 0)))}></path>
          <path class="line" d=${linePath(current)}></path>
          ${
            active !== undefined
              ? svg`<line
                  class="cursor"
                  x1=${x(active)}
                  x2=${x(active)}
                  y1=${MARGIN.top}
                  y2=${height - MARGIN.bottom}
                ></line>
                ${
                  current[active]![1] !== null
                    ? svg`<circle class="dot" cx=${x(active)} cy=${current[active]![1]!} r="4"></circle>`
                    : nothing
                }`
              : nothing
          }
        </svg>
        ${
          point
            ? html`<div part="tooltip" class="tooltip" style=${tooltipAt}>
              <div class="date">${bucket(point.start, "long")}</div>
              <div>${currentLabel}: <strong>${fmt(point.value)}</strong></div>
              ${hasPrevious ? html`<div>${previousLabel}: <strong>${fmt(point.previous)}</strong></div>` : nothing}
            </div>`
            : nothing
        }
      </div>
      <span id="point" class="visually-hidden" aria-live="polite">${pointText}</span>
      <table class="visually-hidden">
        <caption>${label}</caption>
        <thead>
          <tr>
            <th scope="col">${text("date", locale)}</th>
            <th scope="col">${currentLabel}</th>
            ${hasPrevious ? html`<th scope="col">${previousLabel}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${series.map(
            (p) => html`<tr>
              <th scope="row">${bucket(p.start, "long")}</th>
              <td>${fmt(p.value)}</td>
              ${hasPrevious ? html`<td>${fmt(p.previous)}</td>` : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

if (!customElements.get("kpi-trend")) customElements.define("kpi-trend", KpiTrend);

declare global {
  interface HTMLElementTagNameMap {
    "kpi-trend": KpiTrend;
  }
}
