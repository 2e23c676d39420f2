import {
  COMPARES,
  type Compare,
  explicitDays,
  isoDate,
  isoWeekday,
  isTimeZone,
  localDay,
  RANGE_PRESETS,
  type RangePreset,
} from "@kpikit/core";
import { rangeWords } from "@kpikit/core/locales/en";
import { ContextConsumer } from "@lit/context";
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { live } from "lit/directives/live.js";
import { configContext } from "../../internal/config.js";
import type { KpiConfig } from "../../internal/config-element.js";
import { themeStyles } from "../../internal/styles.js";
import { addTexts, TextsController, text } from "../../internal/texts.js";
import { type KpiProvider, providerContext } from "../kpi-provider/kpi-provider.js";
import { rangeStyles } from "./kpi-range.styles.js";

addTexts(rangeWords);

/** The `kpi-range-change` event's detail: what the widgets are to show. */
export interface KpiRangeChangeDetail {
  /** A preset (`last_30_days`, …) or `YYYY-MM-DD..YYYY-MM-DD` (the end date exclusive). */
  range: string;
  compare: Compare;
}

declare global {
  interface HTMLElementEventMap {
    "kpi-range-change": CustomEvent<KpiRangeChangeDetail>;
  }
  interface HTMLElementTagNameMap {
    "kpi-range": KpiRange;
  }
}

/** The URL query parameters of `sync-url`. */
export const URL_PARAMS = { range: "kpi-range", compare: "kpi-compare" } as const;

/** What the API takes when a query names neither (docs/data-model.md). */
const DEFAULTS: KpiRangeChangeDetail = { range: "last_30_days", compare: "previous_period" };
const DAY_MS = 86_400_000;

// Where Intl.Locale has no week info (engines without Intl Locale Info), CLDR's regions whose week starts on
// Sunday or Saturday; every other region starts it on Monday.
const SUNDAY_FIRST = new Set(
  (
    "AG AS BD BR BS BT BW BZ CA CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ " +
    "NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW"
  ).split(" "),
);
const SATURDAY_FIRST = new Set("AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY".split(" "));

type WeekInfoLocale = Intl.Locale & { getWeekInfo?(): { firstDay: number }; weekInfo?: { firstDay: number } };

/** The first day of the week in a locale, as an ISO weekday (Monday 1 … Sunday 7). */
export function weekStart(locale: string): number {
  try {
    const tag = new Intl.Locale(locale) as WeekInfoLocale;
    const info = tag.getWeekInfo?.() ?? tag.weekInfo;
    if (info) return info.firstDay;
    const region = tag.maximize().region ?? "";
    return SUNDAY_FIRST.has(region) ? 7 : SATURDAY_FIRST.has(region) ? 6 : 1;
  } catch {
    return 1;
  }
}

function isPreset(range: string): range is RangePreset {
  return (RANGE_PRESETS as readonly string[]).includes(range);
}

/**
 * The first and last day (epoch days) of a `YYYY-MM-DD..YYYY-MM-DD` range, as core resolves and
 * validates it (real dates, end after start, not too long); undefined for a preset or a bad range.
 */
function customDays(range: string): { first: number; last: number } | undefined {
  if (isPreset(range)) return undefined;
  try {
    const { from, to } = explicitDays(range);
    return { first: from, last: to - 1 };
  } catch {
    return undefined;
  }
}

const isRangeValue = (range: string | null | undefined): range is string =>
  !!range && (isPreset(range) || customDays(range) !== undefined);
const isCompare = (compare: string | null | undefined): compare is Compare =>
  (COMPARES as readonly (string | null | undefined)[]).includes(compare);

/** The same day of the month `months` away, clamped to a shorter month's last day. */
function shiftMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), last)) / DAY_MS;
}

function firstOfMonth(day: number): number {
  return day - new Date(day * DAY_MS).getUTCDate() + 1;
}

/**
 * The range and comparison of the widgets: a list of presets, a calendar for a range of your own
 * dates (a modal dialog with a keyboard-navigable grid: arrows, Home, End, PageUp, PageDown, Enter,
 * Escape), and what the change compares with. Month and day names and the first day of the week
 * come from the locale.
 *
 * Inside a `<kpi-provider>` it shows the provider's range and comparison until it has its own, and
 * a choice sets the nearest provider's `range` and `compare`, so that every widget in it asks
 * again. With `sync-url` the choice is also kept in the page's URL (`?kpi-range=…&kpi-compare=…`,
 * replacing the history entry), read from it on load, and followed on back and forward.
 *
 * @tag kpi-range
 * @fires kpi-range-change - The visitor chose a range or a comparison, or went back or forward to
 * another one with `sync-url`; `detail`: `{ range, compare }`. Cancelable: after `preventDefault()`
 * nothing changes (neither the element, the provider nor the URL), for a page that handles it itself.
 * @csspart base - The bar of controls.
 * @csspart label - The label of each list.
 * @csspart preset - The list of presets.
 * @csspart dates - The button that opens the calendar (it shows a custom range's dates).
 * @csspart compare - The list of comparisons.
 * @csspart dialog - The calendar's dialog.
 * @csspart heading - The dialog's title.
 * @csspart month - The month and year shown.
 * @csspart nav - The previous and next month buttons.
 * @csspart calendar - The grid of days.
 * @csspart day - A day of the month.
 * @csspart hint - What to choose next (the first or the last day).
 * @csspart cancel - The button that closes the calendar without a change.
 * @cssproperty --kpi-color-text - Text colour.
 * @cssproperty --kpi-color-surface - Background of the lists and the dialog.
 * @cssproperty --kpi-color-border - Border colour.
 * @cssproperty --kpi-color-muted - Labels and the names of the days.
 * @cssproperty --kpi-color-accent - The chosen days and the focus ring.
 * @cssproperty --kpi-radius - Corner radius of the dialog.
 * @cssproperty --kpi-gap - Space between the controls.
 * @cssproperty --kpi-padding - Inner spacing of the dialog.
 */
export class KpiRange extends LitElement {
  static override styles = [themeStyles, rangeStyles];
  static override properties: PropertyDeclarations = {
    range: { reflect: true },
    compare: { reflect: true },
    locale: { reflect: true },
    presets: { reflect: true },
    syncUrl: { type: Boolean, reflect: true, attribute: "sync-url" },
    theme: { reflect: true },
    config: { state: true },
    open: { state: true },
    focusDay: { state: true },
    pickStart: { state: true },
  };

  /** A range preset (`last_30_days`, `mtd`, …) or `YYYY-MM-DD..YYYY-MM-DD`; the provider's when absent. */
  declare range: string | undefined;
  /** What the change compares with (`previous_period`, `previous_year`, `none`); the provider's when absent. */
  declare compare: Compare | undefined;
  /**
   * A BCP 47 locale for the labels, the month and day names and the week's first day; the
   * provider's when absent, else the page's language.
   */
  declare locale: string | undefined;
  /** The presets to offer, space-separated, in their order (`last_7_days last_30_days mtd`); all when absent. */
  declare presets: string | undefined;
  /** Keep the range and comparison in the page's URL (`kpi-range`, `kpi-compare`) and follow back and forward. */
  declare syncUrl: boolean;
  /** `light` or `dark`; follows `prefers-color-scheme` when absent. */
  declare theme: "light" | "dark" | undefined;

  declare protected config: KpiConfig | undefined;
  /** The calendar is open. */
  declare protected open: boolean;
  /** The calendar's focused day (an epoch day); its month is the one shown. */
  declare protected focusDay: number;
  /** The first day picked, while the calendar waits for the last. */
  declare protected pickStart: number | undefined;

  readonly #provider: ContextConsumer<typeof providerContext, this>;
  /** What the state was before this element first changed it: where back or forward to a URL without it returns. */
  #initial: KpiRangeChangeDetail | undefined;
  readonly #texts = new TextsController(this, () => this.#locale);

  constructor() {
    super();
    this.syncUrl = false;
    this.open = false;
    this.focusDay = 0;
    new ContextConsumer(this, { context: configContext, subscribe: true, callback: (c) => (this.config = c) });
    this.#provider = new ContextConsumer(this, {
      context: providerContext,
      subscribe: true,
      callback: (provider) => this.#drive(provider),
    });
  }

  get #locale(): string {
    return this.locale ?? this.config?.locale ?? (document.documentElement.lang || navigator.language || "en");
  }

  /** What the widgets show now: this element's own choice, else the provider's, else the API's defaults. */
  get value(): KpiRangeChangeDetail {
    const range = this.range ?? this.config?.range;
    const compare = this.compare ?? this.config?.compare;
    return {
      range: isRangeValue(range) ? range : DEFAULTS.range,
      compare: isCompare(compare) ? compare : DEFAULTS.compare,
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.syncUrl) window.addEventListener("popstate", this.#onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("popstate", this.#onPopState);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("syncUrl")) this.#followUrl();
    if (changed.has("range") || changed.has("compare")) this.#drive();
  }

  /** Hands this element's own range and comparison to the provider around it. */
  #drive(provider: KpiProvider | undefined = this.#provider.value): void {
    if (!provider) return;
    if (isRangeValue(this.range)) provider.range = this.range;
    if (isCompare(this.compare)) provider.compare = this.compare;
  }

  #followUrl(): void {
    window.removeEventListener("popstate", this.#onPopState);
    if (!this.syncUrl) return;
    window.addEventListener("popstate", this.#onPopState);
    const fromUrl = this.#fromUrl();
    if (fromUrl) this.#apply({ ...this.value, ...fromUrl }, false);
  }

  /** The valid parts of the state in the page's URL, or undefined when it holds none. */
  #fromUrl(): Partial<KpiRangeChangeDetail> | undefined {
    const params = new URLSearchParams(location.search);
    const range = params.get(URL_PARAMS.range);
    const compare = params.get(URL_PARAMS.compare);
    const state: Partial<KpiRangeChangeDetail> = {};
    if (isRangeValue(range)) state.range = range;
    if (isCompare(compare)) state.compare = compare;
    return state.range || state.compare ? state : undefined;
  }

  readonly #onPopState = (): void => {
    const fromUrl = this.#fromUrl();
    this.#request(fromUrl ? { ...this.value, ...fromUrl } : (this.#initial ?? this.value), false);
  };

  /** A change the visitor asked for: announced, and made unless a listener cancelled it. */
  #request(next: KpiRangeChangeDetail, writeUrl = true): void {
    const current = this.value;
    if (next.range === current.range && next.compare === current.compare) return;
    const event = new CustomEvent("kpi-range-change", {
      detail: { ...next },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    if (this.dispatchEvent(event)) this.#apply(next, writeUrl);
    // Cancelled: the lists go back to what is still the state.
    else this.requestUpdate();
  }

  #apply(next: KpiRangeChangeDetail, writeUrl: boolean): void {
    this.#initial ??= this.value;
    this.range = next.range;
    this.compare = next.compare;
    if (writeUrl && this.syncUrl) {
      const url = new URL(location.href);
      url.searchParams.set(URL_PARAMS.range, next.range);
      url.searchParams.set(URL_PARAMS.compare, next.compare);
      history.replaceState(history.state, "", url);
    }
  }

  /** Today in the provider's zone and at its `now` (the browser's when it sets none). */
  #today(): number {
    const tz = this.config?.tz;
    const now = this.config?.now ? Date.parse(this.config.now) : Date.now();
    const zone = tz && isTimeZone(tz) ? tz : Intl.DateTimeFormat().resolvedOptions().timeZone;
    return localDay(zone, Number.isNaN(now) ? Date.now() : now);
  }

  async #openCalendar(): Promise<void> {
    this.pickStart = undefined;
    this.focusDay = customDays(this.value.range)?.first ?? this.#today();
    this.open = true;
    await this.updateComplete;
    this.renderRoot.querySelector("dialog")?.showModal();
    this.#dayCell(this.focusDay)?.focus();
  }

  #closeCalendar(): void {
    this.renderRoot.querySelector("dialog")?.close();
  }

  /** The dialog closed (Escape, Cancel, a click outside it, or a range picked): focus goes back to its button. */
  #onClose(): void {
    // The close event comes a task after close(): the calendar may have been opened again since.
    if (this.renderRoot.querySelector("dialog")?.open) return;
    this.open = false;
    this.pickStart = undefined;
    this.renderRoot.querySelector<HTMLElement>('[part~="dates"]')?.focus();
  }

  #dayCell(day: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-day="${day}"]`);
  }

  async #moveTo(day: number): Promise<void> {
    this.focusDay = day;
    await this.updateComplete;
    this.#dayCell(day)?.focus();
  }

  #pick(day: number): void {
    const start = this.pickStart;
    if (start === undefined) {
      this.pickStart = day;
      return;
    }
    const [first, last] = start <= day ? [start, day] : [day, start];
    const range = `${isoDate(first)}..${isoDate(last + 1)}`;
    // A range core refuses (longer than it allows) starts a new pick at this day.
    if (!customDays(range)) {
      this.pickStart = day;
      return;
    }
    this.#closeCalendar();
    this.#request({ range, compare: this.value.compare });
  }

  #onGridKey(e: KeyboardEvent): void {
    const day = this.focusDay;
    const weekday = (isoWeekday(day) - weekStart(this.#locale) + 7) % 7;
    const moves: Record<string, () => number> = {
      ArrowLeft: () => day - 1,
      ArrowRight: () => day + 1,
      ArrowUp: () => day - 7,
      ArrowDown: () => day + 7,
      Home: () => day - weekday,
      End: () => day - weekday + 6,
      PageUp: () => shiftMonths(day, e.shiftKey ? -12 : -1),
      PageDown: () => shiftMonths(day, e.shiftKey ? 12 : 1),
    };
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.#pick(day);
      return;
    }
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    void this.#moveTo(move());
  }

  #onDayClick(e: MouseEvent): void {
    const cell = (e.target as Element).closest<HTMLElement>("[data-day]");
    if (!cell) return;
    const day = Number(cell.dataset.day);
    this.focusDay = day;
    this.#pick(day);
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.#texts.complete(() => super.getUpdateComplete());
  }

  protected override render(): TemplateResult {
    // Until the words of its locale arrive, the picker holds its place with no words in it.
    if (this.#texts.pending)
      return html`<div part="base" class="bar" aria-busy="true">
        <span class="skeleton waiting"></span><span class="skeleton waiting"></span
        ><span class="skeleton waiting"></span>
      </div>`;
    const locale = this.#locale;
    const { range, compare } = this.value;
    const custom = customDays(range);
    const listed = this.presets?.split(/\s+/).filter(isPreset);
    const presets: RangePreset[] = listed?.length ? listed : [...RANGE_PRESETS];
    if (isPreset(range) && !presets.includes(range)) presets.push(range);
    const dates = custom
      ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).formatRange(
          custom.first * DAY_MS,
          custom.last * DAY_MS,
        )
      : text("range_choose_dates", locale);
    return html`<div part="base" class="bar" lang=${locale}>
      <label class="field">
        <span part="label" class="label">${text("range_picker", locale)}</span>
        <select
          part="preset"
          .value=${live(range)}
          @change=${(e: Event) =>
            this.#request({ range: (e.target as HTMLSelectElement).value, compare: this.value.compare })}
        >
          ${presets.map(
            (p) => html`<option value=${p} ?selected=${p === range}>${text(`range_${p}`, locale)}</option>`,
          )}
          ${custom ? html`<option value=${range} selected>${text("range_custom", locale)}</option>` : nothing}
        </select>
      </label>
      <button part="dates" class="dates" type="button" aria-haspopup="dialog" @click=${() => this.#openCalendar()}>
        <svg aria-hidden="true" viewBox="0 0 16 16" class="icon">
          <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" />
          <path d="M1.5 6.5h13M5 1v3M11 1v3" />
        </svg>
        <span>${dates}</span>
      </button>
      <label class="field">
        <span part="label" class="label">${text("range_compare", locale)}</span>
        <select
          part="compare"
          .value=${live(compare)}
          @change=${(e: Event) =>
            this.#request({ range: this.value.range, compare: (e.target as HTMLSelectElement).value as Compare })}
        >
          ${COMPARES.map(
            (c) => html`<option value=${c} ?selected=${c === compare}>${text(`range_compare_${c}`, locale)}</option>`,
          )}
        </select>
      </label>
      <dialog part="dialog" aria-labelledby="heading" closedby="any" @close=${() => this.#onClose()}>
        ${this.open ? this.#renderCalendar(locale, custom) : nothing}
      </dialog>
    </div>`;
  }

  #renderCalendar(locale: string, chosen: { first: number; last: number } | undefined): TemplateResult {
    const focus = this.focusDay;
    const first = firstOfMonth(focus);
    const length = new Date(shiftMonths(first, 1) * DAY_MS - DAY_MS).getUTCDate();
    const start = weekStart(locale);
    const lead = (isoWeekday(first) - start + 7) % 7;
    const today = this.#today();
    // While the last day is being picked, the range so far runs from the first to the focused day.
    const picking = this.pickStart;
    const [from, to] =
      picking === undefined ? [chosen?.first, chosen?.last] : [Math.min(picking, focus), Math.max(picking, focus)];
    const utc = { timeZone: "UTC" } as const;
    const monthName = new Intl.DateTimeFormat(locale, { ...utc, month: "long", year: "numeric" }).format(
      first * DAY_MS,
    );
    const fullDate = new Intl.DateTimeFormat(locale, { ...utc, dateStyle: "full" });
    const shortDay = new Intl.DateTimeFormat(locale, { ...utc, weekday: "short" });
    const longDay = new Intl.DateTimeFormat(locale, { ...utc, weekday: "long" });
    // 1970-01-04 (epoch day 3) was a Sunday, so epoch day 3 + w is ISO weekday w.
    const weekdays = Array.from({ length: 7 }, (_, i) => (3 + ((start - 1 + i) % 7) + 1) * DAY_MS);
    const cells: (number | undefined)[] = Array.from({ length: lead }, () => undefined);
    for (let d = 0; d < length; d++) cells.push(first + d);
    while (cells.length % 7) cells.push(undefined);
    const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
    const day = (d: number | undefined) => {
      if (d === undefined) return html`<td class="blank"></td>`;
      const inRange = from !== undefined && to !== undefined && d >= from && d <= to;
      const edge = d === from || d === to || d === picking;
      return html`<td
        part="day"
        class=${`day${inRange ? " in-range" : ""}${edge ? " edge" : ""}`}
        data-day=${d}
        tabindex=${d === focus ? 0 : -1}
        aria-label=${fullDate.format(d * DAY_MS)}
        aria-selected=${inRange || edge ? "true" : "false"}
        aria-current=${d === today ? "date" : nothing}
      >
        ${new Date(d * DAY_MS).getUTCDate()}
      </td>`;
    };
    return html`<div class="calendar-head">
        <span id="heading" part="heading" class="heading">${text("range_choose_dates", locale)}</span>
        <div class="month-bar">
          <button
            part="nav"
            type="button"
            aria-label=${text("range_previous_month", locale)}
            @click=${() => (this.focusDay = shiftMonths(focus, -1))}
          >
            ‹
          </button>
          <span id="month" part="month" class="month" aria-live="polite">${monthName}</span>
          <button
            part="nav"
            type="button"
            aria-label=${text("range_next_month", locale)}
            @click=${() => (this.focusDay = shiftMonths(focus, 1))}
          >
            ›
          </button>
        </div>
      </div>
      <table
        part="calendar"
        role="grid"
        aria-labelledby="month"
        @keydown=${(e: KeyboardEvent) => this.#onGridKey(e)}
        @click=${(e: MouseEvent) => this.#onDayClick(e)}
      >
        <thead>
          <tr>
            ${weekdays.map((t) => html`<th scope="col" abbr=${longDay.format(t)}>${shortDay.format(t)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map((week) => html`<tr>${week.map(day)}</tr>`)}
        </tbody>
      </table>
      <p part="hint" class="hint" aria-live="polite">
        ${text(picking === undefined ? "range_pick_first" : "range_pick_last", locale)}
      </p>
      <div class="actions">
        <button part="cancel" type="button" @click=${() => this.#closeCalendar()}>
          ${text("range_cancel", locale)}
        </button>
      </div>`;
  }
}

if (!customElements.get("kpi-range")) customElements.define("kpi-range", KpiRange);
