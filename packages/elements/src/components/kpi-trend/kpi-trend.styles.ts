import { css } from "lit";

export const trendStyles = css`
  .base {
    --_target: var(--kpi-trend-target-color, var(--_good));
  }
  .legend {
    display: flex;
    gap: 0.75rem;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .key::before {
    content: "";
    display: inline-block;
    inline-size: 1rem;
    block-size: 0;
    margin-inline-end: 0.25rem;
    vertical-align: middle;
    border-block-start: 2px solid var(--kpi-trend-color, var(--_accent));
  }
  .key.previous::before {
    border-block-start: 2px dashed var(--_previous);
  }
  .key.previous-1::before {
    border-block-start-style: dotted;
  }
  .key.target::before {
    border-block-start: 2px dotted var(--_target);
  }
  .plot {
    position: relative;
    border-radius: 4px;
  }
  svg {
    display: block;
    inline-size: 100%;
    overflow: visible;
  }
  .grid {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .tick {
    font-size: 11px;
    fill: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .line {
    fill: none;
    stroke: var(--kpi-trend-color, var(--_accent));
    stroke-width: 2;
    stroke-linejoin: round;
  }
  /* The bucket still running holds part of a period: its segment is faded and dashed, so that it
     does not read as a fall. */
  .line.partial {
    stroke-dasharray: 4 4;
    opacity: 0.6;
  }
  .mark {
    fill: var(--kpi-trend-color, var(--_accent));
  }
  .area {
    fill: var(--kpi-trend-color, var(--_accent));
    opacity: 0.12;
  }
  .zero {
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .target-line {
    fill: none;
    stroke: var(--_target);
    stroke-width: 2;
    stroke-dasharray: 2 3;
  }
  .band {
    opacity: 0.07;
  }
  .band-good {
    fill: var(--_good);
  }
  .band-warning {
    fill: var(--_warning);
  }
  .band-critical {
    fill: var(--_bad);
  }
  .previous-line {
    fill: none;
    stroke: var(--_previous);
    stroke-width: 1.5;
    stroke-dasharray: 4 3;
  }
  /* A second baseline (the previous year beside the previous period) in shorter dashes. */
  .previous-line.previous-1 {
    stroke-dasharray: 1.5 3;
  }
  .cursor {
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .dot {
    fill: var(--_surface);
    stroke: var(--kpi-trend-color, var(--_accent));
    stroke-width: 2;
  }
  .tooltip {
    position: absolute;
    inset-block-start: 0;
    z-index: 1;
    min-inline-size: 8rem;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_surface);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
    font-size: 0.75rem;
    pointer-events: none;
    white-space: nowrap;
  }
  .tooltip .date {
    color: var(--_muted);
  }
  .tooltip strong {
    font-variant-numeric: tabular-nums;
  }
  .skeleton.chart {
    inline-size: 100%;
  }
  /* As tall as a line of the label, so that the frame keeps its height when the data comes. */
  .skeleton.label-line {
    inline-size: 30%;
    block-size: calc(0.875rem * 1.25);
  }
  .empty .message {
    display: grid;
    place-items: center;
  }
`;
