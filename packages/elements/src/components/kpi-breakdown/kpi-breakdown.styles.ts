import { css } from "lit";

export const breakdownStyles = css`
  .total {
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  .legend {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .legend-marker {
    inline-size: 2px;
    block-size: 0.875rem;
    background: var(--_previous);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
    inline-size: 100%;
    padding: 0.25rem 0.375rem;
    border: 1px solid transparent;
    border-radius: 6px;
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 0.875rem;
    text-align: start;
  }
  button.row:hover {
    border-color: var(--_border);
  }
  .row[aria-pressed="true"] {
    border-color: var(--_accent);
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .key {
    overflow-wrap: anywhere;
  }
  .figures {
    display: inline-flex;
    gap: 0.5rem;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .value {
    font-weight: 600;
  }
  .share {
    color: var(--_muted);
  }
  .track {
    grid-column: 1 / -1;
    position: relative;
    block-size: 0.5rem;
    border-radius: 999px;
    background: var(--_skeleton);
  }
  .fill {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    border-radius: inherit;
    background: var(--kpi-breakdown-color, var(--_accent));
    transition: inline-size 0.4s ease-out;
  }
  .other .fill {
    background: var(--_previous);
  }
  /* A chosen value stands out: the others' bars step back. */
  :host([selected]) .row:not([aria-pressed="true"]) .fill {
    opacity: 0.45;
  }
  .marker {
    position: absolute;
    inset-block: -0.1875rem;
    inline-size: 2px;
    margin-inline-start: -1px;
    background: var(--_previous);
  }
  .more {
    margin: 0;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .skeleton.label-line {
    inline-size: 50%;
    block-size: 0.875rem;
  }
  .skeleton.bar-line {
    block-size: 1.25rem;
  }
`;
