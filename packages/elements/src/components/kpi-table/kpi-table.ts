import { changeOf, defaultDelta, formatChanges, type QueryInput, type Result, type Status } from "@kpikit/core";
import { breakdownWords, dimensionWords, tableWords } from "@kpikit/core/locales/en";
import { html, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { type Delta, deltaOf } from "../../internal/delta.js";
import { isEmptyResult, KpiElement } from "../../internal/kpi-element.js";
import { SetupError } from "../../internal/report.js";
import { sparklineSvg } from "../../internal/sparkline.js";
import { themeStyles } from "../../internal/styles.js";
import { textWith } from "../../internal/text-with.js";
import { dimensionName, text, addTexts } from "../../internal/texts.js";
import { valueFormat } from "../../internal/value-format.js";
import { shownValue } from "../../internal/values.js";
import { tableStyles } from "./kpi-table.styles.js";

addTexts(breakdownWords);
addTexts(dimensionWords);
addTexts(tableWords);

/** A column a table can be sorted by. */
export type TableSortKey = "name" | "value" | "change" | "status";
type Order = "ascending" | "descending";

interface TableRow {
  name: string;
  value: string;
  /** The number the value column sorts by (only where the rows share a unit: one KPI by a dimension). */
  amount: number | null;
  delta: Delta;
  change: number | null;
  series?: (number | null)[];
  partial?: boolean;
  status?: Status | null;
  /** A KPI that did not answer: what the visitor reads in its row. */
  failed?: string;
}

// Worst last when ascending: critical rows come first when sorted descending.
const STATUS_RANK: Record<Status, number> = { good: 0, warning: 1, critical: 2 };

/**
 * Several KPIs (`metrics="revenue aov orders"`), or one KPI by a dimension (`metric` and `by`), as a
 * compact table: value, change, a sparkline of the series and the status; the mobile form of a
 * dashboard. The column headers sort the rows (buttons, by keyboard too) and say so in `aria-sort`.
 * A split by a dimension has no series or status per value, so it has value and change columns only.
 * A KPI that cannot be read keeps its row, which says so; the table is an error only when none answers.
 *
 * @tag kpi-table
 * @csspart base - The widget's frame.
 * @csspart table - The table.
 * @csspart label - The caption.
 * @csspart sort - A column header's sort button.
 * @csspart name - A row's KPI or dimension value.
 * @csspart value - A row's formatted value.
 * @csspart delta - A row's change badge.
 * @csspart sparkline - A row's sparkline.
 * @csspart status - A row's status dot.
 * @csspart error - Why the table, or a KPI's row of it, has no value ("This figure isn't available here.").
 * @csspart retry - The retry button.
 * @csspart empty - The empty-period message.
 * @csspart stale - The stale-data marker.
 * @cssproperty --kpi-sparkline-color - The sparklines.
 * @cssproperty --kpi-color-good - A change or status that is good.
 * @cssproperty --kpi-color-bad - A change or status that is bad.
 * @cssproperty --kpi-color-warning - Warning status.
 */
export class KpiTable extends KpiElement {
  static override styles = [themeStyles, tableStyles];
  static override properties: PropertyDeclarations = {
    metrics: { reflect: true },
    by: { reflect: true },
    sortKey: { state: true },
    order: { state: true },
  };
  protected static override queryKeys = [...KpiElement.queryKeys, "metrics", "by"];
  protected static override manyResults = true;
  protected static override partialResults = true;

  /** The KPIs, one a row, separated by spaces: `revenue aov orders` (wins over `metric` and `by`). */
  declare metrics: string | undefined;
  /** With `metric`: the dimension whose values are the rows, e.g. `channel`. */
  declare by: string | undefined;
  declare protected sortKey: TableSortKey | undefined;
  declare protected order: Order;

  constructor() {
    super();
    this.order = "ascending";
  }

  #metricList(): string[] {
    return this.metrics?.split(/\s+/).filter(Boolean) ?? [];
  }

  protected override ownQueries(): QueryInput[] | SetupError {
    const metrics = this.#metricList();
    if (metrics.length > 0) return metrics.map((metric) => ({ metric }));
    if (!this.metric) return new SetupError('set the metrics attribute, e.g. metrics="revenue aov orders"');
    return [this.by ? { metric: this.metric, by: this.by } : { metric: this.metric }];
  }

  protected override get subject(): string | undefined {
    return this.#metricList().join(" ") || this.metric;
  }

  /** The result of one KPI by a dimension, when that is what the table shows. */
  #split(results: Result[]): Result | undefined {
    return results.length === 1 && results[0]!.breakdown ? results[0] : undefined;
  }

  protected override isEmpty(results: Result[]): boolean {
    const split = this.#split(results);
    return split ? !split.breakdown!.some((e) => e.value !== null) : results.every(isEmptyResult);
  }

  protected override renderSkeleton(): TemplateResult {
    return html`${[1, 2, 3].map(() => html`<span class="skeleton row-line"></span>`)}`;
  }

  #rowsOf(results: Result[], locale: string): TableRow[] {
    const split = this.#split(results);
    if (!split) {
      const answered = results.values();
      const count = results.length + (this.failures?.size ?? 0);
      // In the order of `metrics`: a KPI that failed keeps its row, named by its id, with the reason.
      return Array.from({ length: count }, (_, i): TableRow => {
        const failure = this.failures?.get(i);
        if (failure) {
          const failed = text(failure.retryable ? "error_temporary" : "error_unavailable", locale);
          // No change to tell: deltaOf's own "n/a".
          const nothingKnown = { change: { absolute: null, relative: null }, formatted: { value: null, change: null } };
          const delta = deltaOf({ ...nothingKnown, metric: { better: "none" } }, locale);
          return { name: this.#metricList()[i] ?? "", value: delta.text, amount: null, delta, change: null, failed };
        }
        const r = answered.next().value as Result;
        return {
          name: r.metric.label,
          value: shownValue(r, locale),
          amount: null,
          delta: deltaOf(r, locale),
          change: r.change.relative,
          series: r.series.map((p) => p.value),
          partial: r.series.at(-1)?.partial === true,
          status: r.status,
        };
      });
    }
    const fmt = valueFormat(split, locale);
    const { unit, currency, scale } = split.metric;
    return split.breakdown!.map((e) => {
      const change = changeOf(e.value, e.previous);
      // This value's own change, written as the API writes a result's (points for a rate, else percent).
      const changes = formatChanges(change, { unit, currency, scale, locale });
      const formatted = { value: fmt(e.value), change: changes[defaultDelta(unit)], changes };
      return {
        name: e.key ?? text("breakdown_not_set", locale),
        value: fmt(e.value),
        amount: e.value,
        delta: deltaOf({ change, formatted, metric: split.metric }, locale),
        change: change.relative,
      };
    });
  }

  #sorted(rows: TableRow[], locale: string): TableRow[] {
    const key = this.sortKey;
    if (!key) return rows;
    const collator = new Intl.Collator(locale);
    const number = (row: TableRow): number | null =>
      key === "value" ? row.amount : key === "change" ? row.change : row.status ? STATUS_RANK[row.status] : null;
    const sign = this.order === "ascending" ? 1 : -1;
    return [...rows].sort((a, b) => {
      if (key === "name") return sign * collator.compare(a.name, b.name);
      const [x, y] = [number(a), number(b)];
      // Rows without a number stay last whichever way the column is sorted.
      if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
      return sign * (x - y);
    });
  }

  #sortBy(key: TableSortKey): void {
    this.order = this.sortKey === key && this.order === "ascending" ? "descending" : "ascending";
    this.sortKey = key;
  }

  /**
   * The sparklines speak for themselves on screen: their column's word is for screen readers, as a
   * long one ("Динамика") would widen the column past a phone's width.
   */
  #trendHeader(locale: string): TemplateResult {
    return html`<th scope="col" class="trend"><span class="visually-hidden">${text("table_trend", locale)}</span></th>`;
  }

  #header(key: TableSortKey | undefined, label: string): TemplateResult {
    if (!key) return html`<th scope="col">${label}</th>`;
    const sorted = this.sortKey === key ? this.order : undefined;
    return html`<th scope="col" aria-sort=${sorted ?? nothing}>
      <button part="sort" class="sort" @click=${() => this.#sortBy(key)}>
        ${label}<span class="arrow" aria-hidden="true">${sorted ? (sorted === "ascending" ? "▲" : "▼") : ""}</span>
      </button>
    </th>`;
  }

  protected override renderResult(first: Result): TemplateResult {
    const locale = this.effectiveLocale;
    const results = this.results ?? [first];
    const split = this.#split(results);
    const rows = this.#sorted(this.#rowsOf(results, locale), locale);
    const trend = !split && rows.some((r) => (r.series?.length ?? 0) > 1);
    const status = !split && rows.some((r) => r.status);
    const caption = split
      ? textWith("breakdown_by", locale, {
          metric: this.labelOf(split),
          dimension: dimensionName(this.by ?? "", locale),
        })
      : this.label;
    const nameHeader = split ? dimensionName(this.by ?? "", locale) : text("table_kpi", locale);
    return html`<div part="base" class="base">
      <table part="table">
        ${caption ? html`<caption part="label" class="label">${caption}</caption>` : nothing}
        <thead>
          <tr>
            ${this.#header("name", nameHeader)}
            ${this.#header(split ? "value" : undefined, text("table_value", locale))}
            ${this.#header("change", text("table_change", locale))}
            ${trend ? this.#trendHeader(locale) : nothing}
            ${status ? this.#header("status", text("table_status", locale)) : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr>
              <th scope="row" part="name" class="name">${row.name}</th>
              <td part="value" class="value">
                ${row.failed ? html`<span part="error" class="failed">${row.failed}</span>` : row.value}
              </td>
              <td>
                <span part="delta" class="delta tone-${row.delta.tone}" data-direction=${row.delta.direction ?? "none"}
                  ><span aria-hidden="true"
                    >${row.delta.shown}</span
                  ><span class="visually-hidden">${row.delta.spoken}</span></span
                >
              </td>
              ${
                trend
                  ? html`<td class="trend">
                    ${(row.series?.length ?? 0) > 1 ? sparklineSvg(row.series!, null, row.partial) : nothing}
                  </td>`
                  : nothing
              }
              ${
                status
                  ? html`<td>
                    ${
                      row.status
                        ? html`<span part="status" class="dot status-${row.status}" aria-hidden="true"></span
                            ><span class="visually-hidden">${text(`status_${row.status}`, locale)}</span>`
                        : nothing
                    }
                  </td>`
                  : nothing
              }
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.renderStale()}
    </div>`;
  }
}

if (!customElements.get("kpi-table")) customElements.define("kpi-table", KpiTable);

declare global {
  interface HTMLElementTagNameMap {
    "kpi-table": KpiTable;
  }
}
