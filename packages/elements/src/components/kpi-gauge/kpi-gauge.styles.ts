import { css } from "lit";

export const gaugeStyles = css`
  .base {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_gap);
    padding: var(--_padding);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    text-align: center;
  }
  .label {
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--_muted);
  }
  svg {
    display: block;
    inline-size: 100%;
    max-inline-size: var(--kpi-gauge-size, 16rem);
    overflow: visible;
  }
  .track {
    fill: var(--_skeleton);
  }
  .fill {
    fill: var(--kpi-gauge-color, var(--_accent));
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
  .target-mark {
    stroke: currentColor;
    stroke-width: 3;
    stroke-linecap: round;
  }
  .value {
    font-size: 1.75rem;
    font-weight: 650;
    fill: currentColor;
    font-variant-numeric: tabular-nums;
  }
  .scale-label {
    font-size: 0.7rem;
    fill: var(--_muted);
  }
  .target-text {
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .status-good {
    color: var(--_good);
  }
  .status-warning {
    color: var(--_warning);
  }
  .status-critical {
    color: var(--_bad);
  }
  .skeleton.dial {
    inline-size: min(100%, var(--kpi-gauge-size, 16rem));
    aspect-ratio: 2 / 1.3;
    border-radius: 50% 50% 8px 8px;
  }
`;
