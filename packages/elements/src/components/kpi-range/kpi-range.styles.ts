import { css } from "lit";

export const rangeStyles = css`
  /* A container of its own width (the theme's container-type) has no width from its content: in a
     page's flex row it would shrink to nothing, so it asks for a share of the row. */
  :host {
    flex: 1 1 22rem;
    min-inline-size: min(100%, 16rem);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_gap);
  }
  /* A control's height below its label's, while the picker's words load. */
  .waiting {
    inline-size: 9rem;
    block-size: 2.25rem;
    margin-block-start: 1.35rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  select,
  .dates {
    font: inherit;
    font-size: 0.875rem;
    min-block-size: 2.25rem;
    max-inline-size: 100%;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_surface);
    color: inherit;
  }
  select:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .dates {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    overflow-wrap: anywhere;
    text-align: start;
  }
  .icon {
    flex: none;
    inline-size: 1rem;
    block-size: 1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.25;
  }
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
