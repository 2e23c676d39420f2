import { formatValue, type QueryInput, type Result } from "@kpikit/core";
import { breakdownWords, chartWords, dimensionWords } from "@kpikit/core/locales/en";
import { html, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { KpiElement } from "../../internal/kpi-element.js";
import { SetupError } from "../../internal/report.js";
import { previousStyles } from "../../internal/previous-styles.js";
import { themeStyles } from "../../internal/styles.js";
import { textWith } from "../../internal/text-with.js";
import { dimensionName, text, addTexts } from "../../internal/texts.js";
import { valueFormat } from "../../internal/value-format.js";
import { breakdownStyles } from "./kpi-breakdown.styles.js";

addTexts(breakdownWords);
addTexts(chartWords);
addTexts(dimensionWords);

type Entry = NonNullable<Result["breakdown"]>[number];

/** What `kpi-select` tells: the dimension value chosen, or null when the choice was cleared. */
export interface KpiSelectDetail {
  metric: string;
  by: string | undefined;
  key: string | null;
}

declare global {
  interface HTMLElementEventMap {
    "kpi-select": CustomEvent<KpiSelectDetail>;
  }
}

interface Row extends Entry {
  /** The rows summed into "Other", for the row that holds them. */
  other?: number;
}

/** Largest first, values missing last, then by key: as the API sends them, whatever `.data` holds. */
function sorted(entries: readonly Entry[]): Entry[] {
  return [...entries].sort(
    (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || String(a.key).localeCompare(String(b.key)),
  );
}

const sum = (values: (number | null)[]) =>
  values.every((v) => v !== null) ? values.reduce<number>((s, v) => s + v!, 0) : null;

/**
 * Whether the values are parts of the total: none missing or negative and together the total. Then
 * summing the rest into "Other" and showing shares is right (counts, sums); for a mean, a ratio or a
 * distinct count (a customer buying on two channels counts under both) it is not.
 */
export function partsOfTotal(total: number | null, values: (number | null)[]): boolean {
  const whole = sum(values);
  if (total === null || total <= 0 || whole === null || values.some((v) => v! < 0)) return false;
  return Math.abs(whole - total) <= total * 1e-9;
}

/**
 * A KPI split by a dimension (the API's `by`) as horizontal bars, largest first: the value, its share
 * of the total and the previous period's value as a marker. Where the values add up to the total
 * (counts and sums), the values after the top `top` are summed into "Other"; where they do not
 * (means, ratios, distinct counts), the top `top` are shown and the rest counted ("3 more"). A
 * value of the dimension is a toggle button: choosing it (click, Enter or Space) fires `kpi-select`,
 * so that a page can filter its other widgets by it.
 *
 * @tag kpi-breakdown
 * @fires kpi-select - A value of the dimension was chosen, or the choice cleared; `detail`: `metric`,
 * `by` and `key` (null when cleared).
 * @csspart base - The widget's frame.
 * @csspart label - The title: the KPI by the dimension.
 * @csspart total - The KPI's total.
 * @csspart list - The list of bars.
 * @csspart row - A dimension value's row (also "Other" and values that are not set).
 * @csspart key - The name of a row's value.
 * @csspart value - A row's formatted value.
 * @csspart share - A row's share of the total.
 * @csspart bar - The bar's track.
 * @csspart previous - The previous period's marker.
 * @csspart more - How many values are not shown.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 * @csspart empty - The empty-period message.
 * @csspart stale - The stale-data marker.
 * @cssproperty --kpi-breakdown-color - The bars.
 * @cssproperty --kpi-color-previous - The previous period's markers and the "Other" bar.
 * @cssproperty --kpi-color-accent - The chosen row's outline and the focus ring.
 */
export class KpiBreakdown extends KpiElement {
  static override styles = [themeStyles, previousStyles, breakdownStyles];
  static override properties: PropertyDeclarations = {
    by: { reflect: true },
    top: { type: Number, reflect: true },
    selected: { reflect: true },
  };
  protected static override queryKeys = [...KpiElement.queryKeys, "by"];

  /** The dimension to split by, e.g. `channel`, `region`, `product`. */
  declare by: string | undefined;
  /** How many values to show, largest first (default 5); the rest are summed into "Other" or counted. */
  declare top: number;
  /** The chosen value of the dimension (set by a click, or by the page). */
  declare selected: string | undefined;

  constructor() {
    super();
    this.top = 5;
  }

  protected override ownQueries(): QueryInput[] | SetupError {
    if (!this.metric) return new SetupError('set the metric attribute, e.g. metric="revenue"');
    if (!this.by) return new SetupError('set the by attribute, e.g. by="channel"');
    return [{ metric: this.metric, by: this.by }];
  }

  protected override isEmpty(results: Result[]): boolean {
    return !results[0]?.breakdown?.some((e) => e.value !== null);
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<span class="skeleton label-line"></span>
      ${[80, 60, 45, 30, 20].map((w) => html`<span class="skeleton bar-line" style="inline-size: ${w}%"></span>`)}`;
  }

  /** The rows to draw, and how many values are left out without an "Other" row. */
  #rows(r: Result): { rows: Row[]; more: number; shares: boolean } {
    const entries = sorted(r.breakdown ?? []);
    const top = Math.max(1, Math.floor(this.top) || 5);
    // An "Other" that hides a single value would say less than the value itself.
    const cut = entries.length > top + 1 ? top : entries.length;
    const rows: Row[] = entries.slice(0, cut);
    const rest = entries.slice(cut);
    const shares = partsOfTotal(
      r.value,
      entries.map((e) => e.value),
    );
    if (rest.length === 0 || !shares) return { rows, more: rest.length, shares };
    const previous = r.compare ? sum(rest.map((e) => e.previous)) : null;
    rows.push({ key: null, value: sum(rest.map((e) => e.value)), previous, other: rest.length });
    return { rows, more: 0, shares };
  }

  #choose(key: string, metric: string): void {
    const chosen = this.selected === key ? null : key;
    this.selected = chosen ?? undefined;
    const detail: KpiSelectDetail = { metric, by: this.by, key: chosen };
    this.dispatchEvent(new CustomEvent("kpi-select", { detail, bubbles: true, composed: true }));
  }

  protected override renderResult(r: Result): TemplateResult {
    const locale = this.effectiveLocale;
    const fmt = valueFormat(r, locale);
    const { rows, more, shares } = this.#rows(r);
    const withPrevious = r.compare !== null && rows.some((row) => row.previous !== null);
    const scale = Math.max(
      ...rows.flatMap((row) => [row.value ?? 0, withPrevious ? (row.previous ?? 0) : 0]),
      Number.MIN_VALUE,
    );
    const at = (v: number) => `${(Math.max(0, v) / scale) * 100}%`;
    const by = this.by ?? "";
    const title = textWith("breakdown_by", locale, { metric: this.labelOf(r), dimension: dimensionName(by, locale) });
    const previousWord = text("previous", locale);
    const row = (row: Row) => {
      const name =
        row.other !== undefined
          ? text("breakdown_other", locale)
          : row.key === null
            ? text("breakdown_not_set", locale)
            : row.key;
      const share =
        shares && r.value && row.value !== null ? formatValue(row.value / r.value, { unit: "percent", locale }) : null;
      const spoken = [
        share ? textWith("breakdown_share", locale, { share }) : "",
        withPrevious ? `${previousWord}: ${fmt(row.previous)}` : "",
      ]
        .filter(Boolean)
        .join(", ");
      const content = html`<span part="key" class="key">${name}</span>
        <span class="figures"
          ><span part="value" class="value">${fmt(row.value)}</span
          >${share ? html`<span part="share" class="share" aria-hidden="true">${share}</span>` : nothing}</span
        >
        <span part="bar" class="track" aria-hidden="true"
          ><span class="fill" style="inline-size: ${at(row.value ?? 0)}"></span
          >${
            withPrevious && row.previous !== null
              ? html`<span part="previous" class="marker" style="inset-inline-start: ${at(row.previous)}"></span>`
              : nothing
          }</span
        >${spoken ? html`<span class="visually-hidden">${spoken}</span>` : nothing}`;
      // "Other" and a value that is not set name nothing a filter could take.
      const key = row.other === undefined ? row.key : null;
      const classes = `row${row.other !== undefined ? " other" : ""}`;
      return html`<li>
        ${
          key === null
            ? html`<div part="row" class=${classes}>${content}</div>`
            : html`<button
                part="row"
                class=${classes}
                aria-pressed=${this.selected === key ? "true" : "false"}
                @click=${() => this.#choose(key, this.metric ?? r.metric.id)}
              >
                ${content}
              </button>`
        }
      </li>`;
    };
    return html`<div part="base" class="base">
      <div class="header">
        <span part="label" class="label" id="label" title=${title}>${title}</span>
        <span part="total" class="total">${r.formatted.value ?? text("not_available", locale)}</span>
      </div>
      ${
        withPrevious
          ? html`<span class="legend" aria-hidden="true"><span class="legend-marker"></span>${previousWord}</span>`
          : nothing
      }
      <ol part="list" class="list" aria-labelledby="label">
        ${rows.map(row)}
      </ol>
      ${
        more > 0
          ? html`<p part="more" class="more">
            ${textWith("breakdown_more", locale, { n: formatValue(more, { unit: "count", locale })! })}
          </p>`
          : nothing
      }
      ${this.renderStale()}
    </div>`;
  }
}

if (!customElements.get("kpi-breakdown")) customElements.define("kpi-breakdown", KpiBreakdown);

declare global {
  interface HTMLElementTagNameMap {
    "kpi-breakdown": KpiBreakdown;
  }
}
