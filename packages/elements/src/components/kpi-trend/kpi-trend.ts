import type { Result, SeriesPoint } from "@kpikit/core";
import { chartWords } from "@kpikit/core/locales/en";
import { html, nothing, type PropertyDeclarations, type PropertyValues, svg, type TemplateResult } from "lit";
import { formatBucket } from "../../internal/dates.js";
import { KpiElement } from "../../internal/kpi-element.js";
import { areaPath, linePath, type Point } from "../../internal/paths.js";
import { bandsOf, tickFormat } from "../../internal/axes.js";
import { linearScale, niceExtent, ticks } from "../../internal/scale.js";
import { seriesShape } from "../../internal/sparkline.js";
import { previousStyles } from "../../internal/previous-styles.js";
import { themeStyles } from "../../internal/styles.js";
import { addTexts, text } from "../../internal/texts.js";
import { valueFormat } from "../../internal/value-format.js";
import { trendStyles } from "./kpi-trend.styles.js";

addTexts(chartWords);

const MARGIN = { top: 8, right: 12, bottom: 24 };
const DAY = 86_400_000;

/** About how wide a tick label is at 11px: CJK characters are square, the rest about 0.6 em. */
const textWidth = (s: string) => [...s].reduce((w, c) => w + (c >= "\u2e80" ? 11 : 6.6), 0);

/**
 * Each bucket's target, or null without one. A rate's target holds in every bucket. An additive
 * KPI's target of the range is its days' targets summed (data-model.md), so a bucket's is the
 * range's pro-rated by the bucket's share of the range's days (hours for an hourly series).
 */
export function bucketTargets(r: Result): number[] | null {
  const target = r.target?.value;
  if (target === undefined) return null;
  const { series, range } = r;
  if (!r.metric.additive) return series.map(() => target);
  // The range's target counts its days as core pro-rates it: a day across a DST change is still
  // one day, and the day still running counts the part that has passed.
  const spans = series.map((p, i) => {
    const ms = Date.parse(series[i + 1]?.start ?? range.end) - Date.parse(p.start);
    return range.grain === "hour" ? ms : p.partial ? ms / DAY : Math.round(ms / DAY);
  });
  const total = spans.reduce((a, b) => a + b, 0);
  // A bucket still running is aimed at its whole period's target, not at the part that has passed
  // (the line would drop to nothing at midnight).
  const whole = series.map((p, i) => (p.partial ? naturalSpan(p.start, range.grain) : spans[i]!));
  return whole.map((span) => (total > 0 ? (target * span) / total : target / series.length));
}

/** The days of a whole bucket from its start (ms for an hour), by the local date its start names. */
function naturalSpan(start: string, grain: Result["range"]["grain"]): number {
  if (grain === "hour") return 3_600_000;
  if (grain === "day") return 1;
  if (grain === "week") return 7;
  const [year, month] = start.split("-").map(Number) as [number, number];
  const months = grain === "month" ? 1 : grain === "quarter" ? 3 : 12;
  return (Date.UTC(year, month - 1 + months) - Date.UTC(year, month - 1)) / DAY;
}

/**
 * The series of a KPI over its range, with the previous period dashed behind it (or each baseline of
 * `compare="previous_period previous_year"`, dashed apart): a time axis in
 * the locale and zone of the query, a tooltip, arrow-key navigation between points, and a data
 * table for screen readers. The target is a dotted line (a rate's across the chart; an additive
 * KPI's per bucket, its share of the range's target) and the thresholds faint bands. A bucket still
 * running is joined by a faded dashed segment; a sparse series (half its buckets empty or more)
 * joins its known points and marks each.
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
 * @cssproperty --kpi-trend-target-color - The target line (default: the good colour).
 */
export class KpiTrend extends KpiElement {
  static override styles = [themeStyles, previousStyles, trendStyles];
  protected static override severalBaselines = true;
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

  /** The label and the message, as tall as the chart, so that the page does not jump when data comes. */
  protected override renderEmpty(r: Result): TemplateResult {
    const label = this.labelOf(r);
    return html`<div part="base" class="base empty">
      <span part="label" class="label" title=${label}>${label}</span>
      <p class="message chart" part="empty" style="block-size: ${this.height}px">
        ${text("no_data", this.effectiveLocale)}
      </p>
    </div>`;
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
    const partial = series.at(-1)?.partial === true;
    // One dashed line per baseline: the result of each period asked (compare="previous_period previous_year").
    const baselines = (this.results ?? [r]).filter(
      (b) => b.compare !== null && b.series.some((p) => p.previous !== null),
    );
    const targets = bucketTargets(r);
    const scale = r.metric.scale;
    const extent = niceExtent(
      [...series.map((p) => p.value), ...baselines.flatMap((b) => b.series.map((p) => p.previous)), ...(targets ?? [])],
      4,
      scale ? [] : [0],
    ) ?? [0, 1];
    // A KPI with bounds of its own (a 1–5 rating) is drawn within them, around its values.
    const domain: [number, number] = scale ? [Math.max(extent[0], scale.min), Math.min(extent[1], scale.max)] : extent;
    const yTicks = ticks(domain[0], domain[1], 4);
    const tick = tickFormat(r, locale);
    // The y-axis is as wide as its longest label (ru writes "1,25 тыс. $").
    const left = Math.max(28, Math.ceil(Math.max(...yTicks.map((t) => textWidth(tick(t))))) + 10);
    const right = width - MARGIN.right;
    const innerW = right - left;
    const step = n > 1 ? innerW / (n - 1) : 0;
    const x = (i: number) => left + (n > 1 ? i * step : innerW / 2);
    const y = linearScale(domain, [height - MARGIN.bottom, MARGIN.top]);
    const at = (v: number | null): number | null => (v === null ? null : y(v));
    const current = seriesShape(
      series.map((p, i) => [x(i), at(p.value)]),
      partial,
    );
    const previousLines = baselines.map((b) =>
      linePath(
        seriesShape(
          b.series.slice(0, n).map((p, i) => [x(i), at(p.previous)]),
          false,
        ).line,
      ),
    );
    // The area stands on zero, or on the axis's bottom when every value is above zero.
    const base = y(Math.min(domain[1], Math.max(domain[0], 0)));
    const targetLine: Point[] | null = !targets
      ? null
      : new Set(targets).size === 1
        ? [
            [left, y(targets[0]!)],
            [right, y(targets[0]!)],
          ]
        : targets.map((t, i) => [x(i), y(t)]);
    const fmt = valueFormat(r, locale);
    const bucket = (p: SeriesPoint, style: "short" | "long") =>
      formatBucket(p.start, grain, tz, locale, style) +
      (style === "long" && p.partial ? ` (${text("so_far", locale)})` : "");
    const maxTicks = Math.max(2, Math.floor(innerW / 72));
    const every = Math.max(1, Math.ceil(n / maxTicks));
    const xTicks = series.map((_, i) => i).filter((i) => i % every === 0);
    // The first and last labels stay above the plot rather than overhang its ends.
    const anchor = (i: number) => (n < 2 ? "middle" : i === 0 ? "start" : i === n - 1 ? "end" : "middle");
    const label = this.labelOf(r);
    const active = this.active;
    const point = active !== undefined ? series[active] : undefined;
    const activeY = active !== undefined ? at(series[active]!.value) : null;
    // One baseline is "Previous"; several are told apart by their period.
    const previousLabels = baselines.map((b) =>
      baselines.length === 1
        ? text("previous", locale)
        : text(b.compare!.kind === "previous_year" ? "previous_year" : "previous_period", locale),
    );
    const previousAt = (i: number) => baselines.map((b) => b.series[i]?.previous ?? null);
    const currentLabel = text("current", locale);
    const targetLabel = text("target", locale);
    const pointText = point
      ? `${bucket(point, "long")}: ${currentLabel} ${fmt(point.value)}` +
        previousLabels.map((l, k) => `, ${l} ${fmt(previousAt(active!)[k]!)}`).join("") +
        (targets ? `, ${targetLabel} ${fmt(targets[active!]!)}` : "")
      : "";
    // Beside the point, on the side with more room, so that it never covers the y-axis or leaves the plot.
    const px = active !== undefined ? (x(active) / width) * 100 : 0;
    const tooltipAt = px <= 50 ? `left: calc(${px}% + 8px)` : `right: calc(${100 - px}% + 8px)`;
    return html`<div part="base" class="base">
      <div class="header">
        <span part="label" class="label" id="label" title=${label}>${label}</span>
        <span class="legend" aria-hidden="true">
          <span class="key">${currentLabel}</span
          >${previousLabels.map((l, k) => html`<span class="key previous previous-${k}">${l}</span>`)}${
            targets ? html`<span class="key target">${targetLabel}</span>` : nothing
          }
        </span>
        ${this.renderStale()}
      </div>
      <div
        part="plot"
        class="plot chart"
        tabindex="0"
        role="group"
        aria-labelledby="label"
        aria-describedby="point"
        @keydown=${(e: KeyboardEvent) => this.onKey(e, n)}
        @pointermove=${(e: PointerEvent) => this.onPointer(e, n, left, step)}
        @pointerleave=${() => (this.active = undefined)}
        @blur=${() => (this.active = undefined)}
      >
        <svg viewBox="0 0 ${width} ${height}" height=${height} aria-hidden="true" focusable="false">
          ${bandsOf(domain[0], domain[1], r.metric.better, r.metric.thresholds).map(
            (b) =>
              svg`<rect class="band band-${b.status}" x=${left} width=${innerW} y=${y(b.to)}
                height=${y(b.from) - y(b.to)}></rect>`,
          )}
          ${yTicks.map(
            (t) => svg`<line class="grid" x1=${left} x2=${right} y1=${y(t)} y2=${y(t)}></line>
              <text class="tick" x=${left - 6} y=${y(t)} dy="0.32em" text-anchor="end">${tick(t)}</text>`,
          )}
          ${domain[0] < 0 ? svg`<line class="zero" x1=${left} x2=${right} y1=${base} y2=${base}></line>` : nothing}
          ${xTicks.map(
            (i) =>
              svg`<text class="tick" x=${x(i)} y=${height - 6} text-anchor=${anchor(i)}
                >${bucket(series[i]!, "short")}</text
              >`,
          )}
          ${targetLine ? svg`<path class="target-line" d=${linePath(targetLine)}></path>` : nothing}
          ${previousLines.map((d, k) => svg`<path class="previous-line previous-${k}" d=${d}></path>`)}
          <path class="area" d=${areaPath(current.line, base)}></path>
          <path class="line" d=${linePath(current.line)}></path>
          ${current.partial.length ? svg`<path class="line partial" d=${linePath(current.partial)}></path>` : nothing}
          ${current.marks.map(([cx, cy]) => svg`<circle class="mark" cx=${cx} cy=${cy} r="2.5"></circle>`)}
          ${
            active !== undefined
              ? svg`<line class="cursor" x1=${x(active)} x2=${x(active)} y1=${MARGIN.top} y2=${height - MARGIN.bottom}
                ></line>
                ${activeY !== null ? svg`<circle class="dot" cx=${x(active)} cy=${activeY} r="4"></circle>` : nothing}`
              : nothing
          }
        </svg>
        ${
          point
            ? html`<div part="tooltip" class="tooltip" style=${tooltipAt}>
              <div class="date">${bucket(point, "long")}</div>
              <div>${currentLabel}: <strong>${fmt(point.value)}</strong></div>
              ${previousLabels.map((l, k) => html`<div>${l}: <strong>${fmt(previousAt(active!)[k]!)}</strong></div>`)}
              ${targets ? html`<div>${targetLabel}: <strong>${fmt(targets[active!]!)}</strong></div>` : nothing}
            </div>`
            : nothing
        }
      </div>
      <span id="point" class="visually-hidden" aria-live="polite">${pointText}</span>
      <div class="visually-hidden">
        <table>
          <caption>${label}</caption>
          <thead>
            <tr>
              <th scope="col">${text("date", locale)}</th>
              <th scope="col">${currentLabel}</th>
              ${previousLabels.map((l) => html`<th scope="col">${l}</th>`)}
              ${targets ? html`<th scope="col">${targetLabel}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${series.map(
              (p, i) => html`<tr>
                <th scope="row">${bucket(p, "long")}</th>
                <td>${fmt(p.value)}</td>
                ${previousAt(i).map((v) => html`<td>${fmt(v)}</td>`)}
                ${targets ? html`<td>${fmt(targets[i]!)}</td>` : nothing}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </div>`;
  }
}

if (!customElements.get("kpi-trend")) customElements.define("kpi-trend", KpiTrend);

declare global {
  interface HTMLElementTagNameMap {
    "kpi-trend": KpiTrend;
  }
}
