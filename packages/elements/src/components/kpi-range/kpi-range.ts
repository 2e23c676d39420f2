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
import {
  adoptStyles,
  css,
  html,
  LitElement,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from "lit";
import { configContext } from "../../internal/config.js";
import type { KpiConfig } from "../../internal/config-element.js";
import { ContextSubscriber } from "../../internal/consumer.js";
import { themeStyles } from "../../internal/styles.js";
import { addTexts, TextsController, text } from "../../internal/texts.js";
import { type KpiProvider, providerContext } from "../kpi-provider/kpi-provider.js";
import type { CalendarView, calendarOf } from "./calendar.js";
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

  readonly #provider: ContextSubscriber<KpiProvider>;
  /** What the state was before this element first changed it: where back or forward to a URL without it returns. */
  #initial: KpiRangeChangeDetail | undefined;
  readonly #texts = new TextsController(this, () => this.#locale);
  /** The calendar, once it was first opened. */
  #calendar: ReturnType<typeof calendarOf> | undefined;

  constructor() {
    super();
    this.syncUrl = false;
    this.open = false;
    this.focusDay = 0;
    new ContextSubscriber(this, configContext, (c) => (this.config = c));
    this.#provider = new ContextSubscriber(this, providerContext, (provider) => this.#drive(provider));
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
    // Cancelled: the lists go back to what is still the state. Lit would not set them again, their
    // values being what it set last.
    else {
      const lists = this.renderRoot.querySelectorAll("select");
      for (const list of lists) list.value = list.getAttribute("part") === "preset" ? current.range : current.compare;
    }
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
    if (!this.#calendar) {
      const { calendarOf } = await import("./calendar.js");
      this.#calendar = calendarOf({ html, css, nothing, text, isoWeekday });
      const { elementStyles } = this.constructor as typeof KpiRange;
      adoptStyles(this.renderRoot as ShadowRoot, [...elementStyles, this.#calendar.styles]);
    }
    this.pickStart = undefined;
    this.focusDay = customDays(this.value.range)?.first ?? this.#today();
    this.open = true;
    await this.updateComplete;
    this.renderRoot.querySelector("dialog")?.showModal();
    this.#focusDay();
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

  /** Puts the keyboard's focus on the calendar's focused day. */
  #focusDay(): void {
    this.renderRoot.querySelector<HTMLElement>(`[data-day="${this.focusDay}"]`)?.focus();
  }

  async #show(day: number, focusCell: boolean): Promise<void> {
    this.focusDay = day;
    if (!focusCell) return;
    await this.updateComplete;
    this.#focusDay();
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
          .value=${range}
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
          .value=${compare}
          @change=${(e: Event) =>
            this.#request({ range: this.value.range, compare: (e.target as HTMLSelectElement).value as Compare })}
        >
          ${COMPARES.map(
            (c) => html`<option value=${c} ?selected=${c === compare}>${text(`range_compare_${c}`, locale)}</option>`,
          )}
        </select>
      </label>
      <dialog part="dialog" aria-labelledby="heading" closedby="any" @close=${() => this.#onClose()}>
        ${this.open ? this.#calendar?.render(this.#calendarView(locale, custom)) : nothing}
      </dialog>
    </div>`;
  }

  #calendarView(locale: string, chosen: { first: number; last: number } | undefined): CalendarView {
    return {
      locale,
      focus: this.focusDay,
      picking: this.pickStart,
      chosen,
      today: this.#today(),
      show: (day, focusCell) => void this.#show(day, focusCell),
      pick: (day) => this.#pick(day),
      close: () => this.#closeCalendar(),
    };
  }
}

if (!customElements.get("kpi-range")) customElements.define("kpi-range", KpiRange);
