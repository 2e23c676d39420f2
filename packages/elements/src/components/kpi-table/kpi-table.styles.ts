import { css } from "lit";

export const tableStyles = css`
  .base {
    padding: var(--_padding) calc(var(--_padding) * 0.75);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    padding-block-end: var(--_gap);
  }
  th,
  td {
    padding: 0.375rem 0.25rem;
    border-block-end: 1px solid var(--_border);
    text-align: end;
    vertical-align: middle;
  }
  tbody tr:last-child > * {
    border-block-end: 0;
  }
  th:first-child {
    text-align: start;
  }
  thead th {
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_muted);
    white-space: nowrap;
  }
  .sort {
    padding: 0.125rem 0.25rem;
    border: 0;
    font-size: inherit;
    font-weight: inherit;
    color: inherit;
  }
  .sort:hover {
    color: var(--kpi-color-text, inherit);
    text-decoration: underline;
  }
  .arrow {
    display: inline-block;
    min-inline-size: 1em;
    font-size: 0.625rem;
  }
  .name {
    font-weight: 500;
    overflow-wrap: anywhere;
  }
  .failed {
    font-size: 0.75rem;
    font-weight: 400;
    color: var(--_muted);
    white-space: normal;
  }
  .value {
    font-weight: 600;
  }
  /* Where there is room, "50 min" and "1 234,50 $" keep to one line and the KPI's name wraps
     instead; on a phone they may break at their spaces, never inside a number. */
  @container (min-width: 26rem) {
    .value {
      white-space: nowrap;
    }
  }
  .delta {
    font-weight: 600;
    white-space: nowrap;
  }
  .trend {
    inline-size: 3.5rem;
  }
  .sparkline {
    display: block;
    inline-size: 100%;
    block-size: 1.5rem;
    color: var(--kpi-sparkline-color, var(--_accent));
    overflow: visible;
  }
  .dot {
    display: inline-block;
    inline-size: 0.625rem;
    block-size: 0.625rem;
    border-radius: 50%;
    background: currentColor;
  }
  .skeleton.row-line {
    block-size: 1.5rem;
  }
  @container (max-width: 400px) {
    th,
    td {
      padding-inline: 0.125rem;
    }
    .trend {
      inline-size: 2.5rem;
    }
    /* "▼ -1,3 п. п." may take two lines rather than push the table past a phone's width. */
    .delta {
      white-space: normal;
    }
  }
`;
