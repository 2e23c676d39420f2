// The calendar of <kpi-range>: its grid of days, keyboard moves and styles. The picker imports this
// module when the calendar is first opened, so that a page whose visitors keep to the presets never
// downloads it. It imports no code the picker's module also imports (Lit, the words, core's dates):
// a bundler would move such code into a chunk of its own, which every page would load at once. The
// picker lends it those instead (Borrowed).
import type { isoWeekday } from "@kpikit/core";
import type { CSSResult, css, html, nothing, TemplateResult } from "lit";
import type { text } from "../../internal/texts.js";
import { calendarStyles } from "./calendar.styles.js";

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

/** The same day of the month `months` away, clamped to a shorter month's last day. */
function shiftMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), last)) / DAY_MS;
}

/** What the picker lends the calendar. */
export interface Borrowed {
  html: typeof html;
  css: typeof css;
  nothing: typeof nothing;
  text: typeof text;
  isoWeekday: typeof isoWeekday;
}

/** What the calendar shows, and what it asks of the picker. */
export interface CalendarView {
  locale: string;
  /** The focused day (an epoch day); its month is the one shown. */
  focus: number;
  /** The first day picked, while the calendar waits for the last. */
  picking: number | undefined;
  /** The custom range chosen before, if any. */
  chosen: { first: number; last: number } | undefined;
  /** Today (an epoch day) in the provider's zone and at its `now`. */
  today: number;
  /** Shows a day's month with the day focused, moving the keyboard's focus to it when `focusCell`. */
  show(day: number, focusCell: boolean): void;
  /** The visitor picked a day (the first or the last of the range). */
  pick(day: number): void;
  close(): void;
}

/** The day a key moves the focus to (arrows, Home, End, PageUp, PageDown; Shift for a year), if any. */
function moveOf(e: KeyboardEvent, day: number, locale: string, isoWeekday: Borrowed["isoWeekday"]): number | undefined {
  const weekday = (isoWeekday(day) - weekStart(locale) + 7) % 7;
  const months = e.shiftKey ? 12 : 1;
  const moves: Record<string, () => number> = {
    ArrowLeft: () => day - 1,
    ArrowRight: () => day + 1,
    ArrowUp: () => day - 7,
    ArrowDown: () => day + 7,
    Home: () => day - weekday,
    End: () => day - weekday + 6,
    PageUp: () => shiftMonths(day, -months),
    PageDown: () => shiftMonths(day, months),
  };
  return moves[e.key]?.();
}

function onKey(view: CalendarView, e: KeyboardEvent, isoWeekday: Borrowed["isoWeekday"]): void {
  if (e.key === "Enter" || e.key === " ") {
    e.preventDefault();
    view.pick(view.focus);
    return;
  }
  const day = moveOf(e, view.focus, view.locale, isoWeekday);
  if (day === undefined) return;
  e.preventDefault();
  view.show(day, true);
}

function onClick(view: CalendarView, e: MouseEvent): void {
  const cell = (e.target as Element).closest<HTMLElement>("[data-day]");
  if (!cell) return;
  const day = Number(cell.dataset.day);
  view.show(day, false);
  view.pick(day);
}

/** The calendar's template and styles, made with what the picker lends. */
export function calendarOf(borrowed: Borrowed): { render(view: CalendarView): TemplateResult; styles: CSSResult } {
  return { render: (view) => renderCalendar(borrowed, view), styles: calendarStyles(borrowed.css) };
}

/** The month of the focused day as a grid (a modal dialog's content), with its heading and controls. */
function renderCalendar({ html, nothing, text, isoWeekday }: Borrowed, view: CalendarView): TemplateResult {
  const { locale, focus, picking, chosen, today } = view;
  const first = focus - new Date(focus * DAY_MS).getUTCDate() + 1;
  const length = new Date(shiftMonths(first, 1) * DAY_MS - DAY_MS).getUTCDate();
  const start = weekStart(locale);
  const lead = (isoWeekday(first) - start + 7) % 7;
  // While the last day is being picked, the range so far runs from the first to the focused day.
  const [from, to] =
    picking === undefined ? [chosen?.first, chosen?.last] : [Math.min(picking, focus), Math.max(picking, focus)];
  const utc = { timeZone: "UTC" } as const;
  const monthName = new Intl.DateTimeFormat(locale, { ...utc, month: "long", year: "numeric" }).format(first * DAY_MS);
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
          @click=${() => view.show(shiftMonths(focus, -1), false)}
        >
          ‹
        </button>
        <span id="month" part="month" class="month" aria-live="polite">${monthName}</span>
        <button
          part="nav"
          type="button"
          aria-label=${text("range_next_month", locale)}
          @click=${() => view.show(shiftMonths(focus, 1), false)}
        >
          ›
        </button>
      </div>
    </div>
    <table
      part="calendar"
      role="grid"
      aria-labelledby="month"
      @keydown=${(e: KeyboardEvent) => onKey(view, e, isoWeekday)}
      @click=${(e: MouseEvent) => onClick(view, e)}
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
      <button part="cancel" type="button" @click=${() => view.close()}>${text("range_cancel", locale)}</button>
    </div>`;
}
