import type { CSSResult, css as litCss } from "lit";

/** The dialog's and the grid's, which the picker adds to its own when the calendar first opens. */
export function calendarStyles(css: typeof litCss): CSSResult {
  return css`
    dialog {
      inline-size: max-content;
      max-inline-size: calc(100vw - 1rem);
      max-block-size: calc(100dvh - 1rem);
      padding: var(--_padding);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: inherit;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.4);
    }
    .calendar-head {
      display: grid;
      gap: var(--_gap);
      margin-block-end: var(--_gap);
    }
    .heading {
      font-weight: 600;
    }
    .month-bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--_gap);
    }
    .month {
      font-weight: 600;
      text-align: center;
    }
    [part~="nav"] {
      min-inline-size: 2.25rem;
      min-block-size: 2.25rem;
      font-size: 1.25rem;
      line-height: 1;
    }
    table {
      border-collapse: collapse;
      table-layout: fixed;
    }
    th {
      inline-size: 2.5rem;
      padding-block: 0.25rem;
      font-size: 0.75rem;
      font-weight: 600;
      color: var(--_muted);
    }
    td {
      inline-size: 2.5rem;
      block-size: 2.5rem;
      padding: 0;
      text-align: center;
      font-variant-numeric: tabular-nums;
    }
    .day {
      cursor: pointer;
      border-radius: 6px;
    }
    .day:hover {
      box-shadow: inset 0 0 0 1px var(--_border);
    }
    .day[aria-current="date"] {
      font-weight: 700;
      text-decoration: underline;
    }
    .in-range {
      background: color-mix(in srgb, var(--_accent) 18%, var(--_surface));
      border-radius: 0;
    }
    .edge {
      background: var(--_accent);
      color: var(--_surface);
      border-radius: 6px;
    }
    .hint {
      margin: var(--_gap) 0 0;
      font-size: 0.875rem;
      color: var(--_muted);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      margin-block-start: var(--_gap);
    }
  `;
}
